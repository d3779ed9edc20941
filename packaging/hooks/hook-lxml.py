"""Replaces the contributed hook for ``lxml``, which collects every submodule (lxml.html, objectify …).

python-docx and PlanDesk's reader use ``lxml.etree`` alone, whose own hook names what it needs; the
extras are excluded in plandesk.spec, and collecting them by name here only filled the build log
with warnings that they were not found.
"""

hiddenimports: list[str] = []
