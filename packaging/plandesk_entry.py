"""The frozen app's entry point: what ``plandesk = "desktop.cli:main"`` is for an installed package.

PyInstaller starts from a script, not from an entry point; this is that script and nothing more, so the
frozen ``plandesk`` and the pip-installed one run the same ``main``.
"""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
