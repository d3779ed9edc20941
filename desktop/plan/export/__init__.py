"""Export: a Plan laid out in the official GB/T 9704 template (.docx), its OOXML details, and the task
breakdown table.
"""
