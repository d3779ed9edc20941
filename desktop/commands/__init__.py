"""Sub-commands of ``plandesk``: one module each, with ``add_arguments(parser)`` and ``run(args)``."""
