"""Chinese numerals in targets: cn2an (0.1–0.3 s to import) is asked only about what it can convert.

``chinese_number`` reads small numerals itself and hands the rest (三千, 一千二百, the spoken 三千五)
to cn2an, after a cheap check of their form. The check must let through every string cn2an would
convert, or a target's value would be lost; it exists to keep cn2an out for strings like 百千.
"""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
import warnings
from pathlib import Path

from desktop.plan.numerals import from_chinese
from desktop.plan.targets import _CN2AN_FORMS, _CN_DIGITS, chinese_number

REPO = Path(__file__).resolve().parents[2]


def test_the_form_check_lets_through_everything_cn2an_converts() -> None:
    """Every string of the target pattern's numeral characters, up to four long."""
    import cn2an

    alphabet = _CN_DIGITS.replace("两", "").replace("〇", "")  # chinese_number maps them to 二 and 零
    for size in range(1, 5):
        for chars in itertools.product(alphabet, repeat=size):
            text = "".join(chars)
            if from_chinese(text) is not None:
                continue  # read without cn2an
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    cn2an.cn2an(text, "normal")
                except (ValueError, KeyError, TypeError):
                    continue
            assert re.fullmatch(_CN2AN_FORMS, text), text


def test_values() -> None:
    assert chinese_number("12") == 12.0
    assert chinese_number("十二") == 12.0
    assert chinese_number("两千") == 2000.0
    assert chinese_number("一千二百") == 1200.0
    assert chinese_number("三千五") == 3500.0
    assert chinese_number("百千") is None


def test_cn2an_is_not_imported_for_a_string_it_would_reject() -> None:
    code = (
        "import sys\n"
        "from desktop.plan.targets import chinese_number\n"
        "assert chinese_number('百千') is None and chinese_number('十二') == 12\n"
        "assert 'cn2an' not in sys.modules, 'cn2an imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=60)
    assert done.returncode == 0, done.stderr
