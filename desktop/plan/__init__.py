"""The plan core: model, reading, parsing, renumbering, targets, comparison and export.

Nothing below this package imports Qt, so the command line, tests and benchmarks run without a
display, and the outline path stays fast to start.
"""
