"""Shared knowledge the checks and the comparison both read: the calendar of congresses, plenums,
five-year plans and anniversaries, and the (lazy) word tokenizer.
"""
