"""PlanDesk (要点编写助手): write, check, compare and export annual education work plans."""

__version__ = "0.1.0"

# Data the program reads at run time (themes, word lists, calendar, peers, templates) is found by
# desktop.data, in the checkout's top-level folders or in the copy an installed package carries.
