"""Reading files: text and .docx decoding, cleaning what web pages, document sites and PDFs add, the
.plan.yaml draft and crash-recovery files. Any file → ``Source`` (cleaned text + line map).
"""
