"""Chinese and circled numerals for outline markers (一 … 九十九, ① … ㊿).

Markers need only small whole numbers, and this sits on the parser's hot path, so it is a few
table look-ups rather than a general converter (targets use cn2an for the general case).
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_DIGIT_VALUE = {ch: i for i, ch in enumerate(_DIGITS)} | {"〇": 0, "两": 2}

# ① … ⑳ U+2460–2473, ㉑ … ㉟ U+3251–325F, ㊱ … ㊿ U+32B1–32BF
_CIRCLED = (
    [chr(0x2460 + i) for i in range(20)]
    + [chr(0x3251 + i) for i in range(15)]
    + [chr(0x32B1 + i) for i in range(15)]
)
_CIRCLED_VALUE = {ch: i + 1 for i, ch in enumerate(_CIRCLED)}
CIRCLED_CHARS = "".join(_CIRCLED)


def to_chinese(value: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (values below 1 as Arabic digits)."""
    if value <= 0:
        return str(value)
    if value < 10:
        return _DIGITS[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        if rest == 0:
            tail = ""
        elif rest < 10:
            tail = "零" + _DIGITS[rest]
        else:
            tail = (_DIGITS[1] if rest < 20 else "") + to_chinese(rest)
        return _DIGITS[hundreds] + "百" + tail
    return str(value)


def from_chinese(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None when ``text`` is not such a numeral."""
    if not text:
        return None
    if all(ch in _DIGIT_VALUE for ch in text):
        if len(text) == 1:
            return _DIGIT_VALUE[text]
        # 二〇二〇-style digit strings
        return int("".join(str(_DIGIT_VALUE[ch]) for ch in text))
    total, current = 0, None
    for ch in text:
        if ch in _DIGIT_VALUE:
            current = _DIGIT_VALUE[ch]
        elif ch == "十":
            total += (1 if current is None else current) * 10
            current = None
        elif ch == "百":
            if current is None:
                return None
            total += current * 100
            current = None
        else:
            return None
    return total + (current or 0)


def to_circled(value: int) -> str:
    """1 → ①, … 50 → ㊿; larger values as （51） since no circled form exists."""
    if 1 <= value <= len(_CIRCLED):
        return _CIRCLED[value - 1]
    return f"（{value}）"


def from_circled(ch: str) -> int | None:
    return _CIRCLED_VALUE.get(ch)
