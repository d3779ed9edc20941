"""``python -m desktop`` runs the ``plandesk`` command."""

import sys

from desktop.cli import main

sys.exit(main())
