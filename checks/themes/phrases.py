"""Specific phrases: the programmes and measures a plan names (县中振兴行动计划, 课后服务“5+2”模式).

A suggestion "peers say this and the draft doesn't" helps only when it names something a writer
can adopt. Words every plan says (高质量, 教育资源, 推进, 工作) tell the writer nothing, and
jieba's keyword extraction, which scores single words, offers mostly those. So a phrase here is
the object of a task, not a word:

1. each clause is cut at punctuation, at 的 and at conjunctions (quotation marks stay inside: a
   quoted name is the most specific thing a plan says);
2. the verbs and adverbs that open a task (实施, 全面落实, 深入推进) are taken off its front, using
   the shared tagger's parts of speech and a short list for what it tags otherwise;
3. what is left is kept only when it names a programme or a measure: it ends in a measure word
   (行动计划, 工程, 模式, 共同体 …) or holds a quoted name; it is 4–16 characters long; and once its
   measure word is set aside, something remains that is not a generic word of plans
   (``resources/theme_phrases.yaml``: 高质量教育体系 is refused, 县中振兴行动计划 kept), and no
   task verb or leftover of a split word is inside it (落实审核机制 is a clause, not a name).

Peer statistics then keep a phrase only when two or more peers use it (a measure several peers
adopted, not one county's wording) and write it under a few themes, not everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from desktop.data import load_yaml, resource_path
from desktop.plan.errors import InputError

_TRAILING = ("建设", "实施", "创建", "工作")
_QUOTED = re.compile(r"[“\"‘'「『][^”\"’'」』]{1,12}[”\"’'」』]")
# Where a clause is cut: punctuation other than quotation marks, and function words.
_CUT = re.compile(r"[，。；：！？、,.;:!?（）()《》〈〉【】\[\]\s]+")
_CUT_WORDS = frozenset({"的", "和", "与", "及", "以及", "或", "等", "在", "对", "为", "把", "将", "向", "以"})
# Tags of the tokens taken off the front of a chunk: verbs, adverbs, idioms, function words.
_LEAD_FLAGS = ("v", "d", "ad", "i", "p", "c", "r", "u", "m", "q", "f")
_DATED = re.compile(r"\d")  # 2020年重点项目, 2030行动计划: a year or a count outside quotes dates a phrase
MIN_CHARS, MAX_CHARS = 4, 16


@dataclass(frozen=True)
class Words:
    """The word lists of ``resources/theme_phrases.yaml``."""

    generic: frozenset[str]
    measure_words: tuple[str, ...]  # longest first, so 行动计划 wins over 计划
    lead_words: frozenset[str]
    task_verbs: frozenset[str]
    broken_starts: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    """The word lists, read once; a list that is missing or not a list of words is named."""
    path = resource_path("theme_phrases.yaml")
    data = load_yaml(path, what="主题短语词表") or {}
    lists: dict[str, list[str]] = {}
    for key in ("generic", "measure_words", "lead_words", "task_verbs", "broken_starts"):
        value = data.get(key) if isinstance(data, dict) else None
        if not isinstance(value, list) or not all(isinstance(w, str) and w for w in value):
            raise InputError(path, f"“{key}”应为词语列表。")
        lists[key] = value
    return Words(
        generic=frozenset(lists["generic"]),
        measure_words=tuple(sorted(lists["measure_words"], key=len, reverse=True)),
        lead_words=frozenset(lists["lead_words"]),
        task_verbs=frozenset(lists["task_verbs"]),
        broken_starts=frozenset(lists["broken_starts"]),
    )


def generic_words() -> frozenset[str]:
    """The generic words of plans."""
    return words().generic


def is_generic(phrase: str) -> bool:
    """Whether ``phrase`` is, or is made only of, generic words around a measure word."""
    generic = generic_words()
    bare = _without_trailing(phrase)
    if phrase in generic or bare in generic:
        return True
    core = _without_measure_word(phrase)
    if not core:  # a measure named by its measure word alone (集团化办学): the list decides
        return False
    if core in generic:
        return True
    return all(word in generic for word in _words(core))


def measure_phrases(text: str) -> Iterator[tuple[int, str]]:
    """(offset, phrase) for every specific phrase of ``text``, in text order."""
    for chunk_start, chunk in _chunks(text):
        offset, phrase = _strip_lead(chunk)
        quoted = _QUOTED.search(phrase)
        if quoted and 0 < quoted.start() <= 2:  # 落实“三全育人”: a verb before a quoted name
            offset, phrase = offset + quoted.start(), phrase[quoted.start() :]
            quoted = _QUOTED.search(phrase)
        if not MIN_CHARS <= len(phrase) <= MAX_CHARS or _DATED.search(_QUOTED.sub("", phrase)):
            continue
        if not _names_measure(phrase):
            # A quoted name stands alone or with a short head after it (“一校一特色”, 家长学堂“父母成长营”活动),
            # not at the front of a clause about something else (“十四五”规划承上启下).
            last = list(_QUOTED.finditer(phrase))
            if not last or len(phrase) - last[-1].end() > 4:
                continue
        if is_generic(phrase) or not re.search(r"[\u4e00-\u9fff]", phrase) or _is_clause(phrase):
            continue
        yield chunk_start + offset, phrase


def _is_clause(phrase: str) -> bool:
    """Whether ``phrase`` reads as part of a sentence rather than a name: a task verb or a
    preposition inside it, or a start left over from a split word."""
    lists = words()
    split = _words(phrase)
    if split and len(split[0]) == 1 and split[0] in lists.broken_starts:
        return True
    core = _without_measure_word(phrase)
    return any(word in lists.task_verbs for word in _words(_QUOTED.sub(" ", core)))


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """Runs of words between cuts, keeping quoted names whole."""
    position = 0
    for piece in _CUT.split(text):
        start = text.find(piece, position) if piece else position
        position = start + len(piece)
        if not piece:
            continue
        offset = 0
        buffer_start, buffer = 0, ""
        for word in _words(piece):
            if word in _CUT_WORDS and not buffer.count("“") > buffer.count("”"):
                if buffer:
                    yield start + buffer_start, buffer
                buffer = ""
                buffer_start = offset + len(word)
            else:
                buffer += word
            offset += len(word)
        if buffer:
            yield start + buffer_start, buffer


def _strip_lead(chunk: str) -> tuple[int, str]:
    """The chunk without the verbs and adverbs that open it, and how many characters went."""
    from desktop.plan.knowledge.tokens import keyword_extractor

    tagger = keyword_extractor().postokenizer
    lists = words()
    gone = 0
    for pair in tagger.cut(chunk, HMM=False):
        word, flag = pair.word, pair.flag
        leading = (flag.startswith(_LEAD_FLAGS) and flag != "vn") or word in lists.lead_words
        leading = leading or word in lists.task_verbs or word == "建设"  # 建设一批模范党员工作室
        if not leading or word in ("“", '"'):
            break
        gone += len(word)
    return gone, chunk[gone:]


def _names_measure(phrase: str) -> bool:
    return _without_measure_word(phrase) != phrase


def _without_trailing(phrase: str) -> str:
    """``phrase`` without a trailing 建设, 实施 … (思政课一体化共同体建设 → …共同体)."""
    for tail in _TRAILING:
        if phrase.endswith(tail) and len(phrase) > len(tail):
            return phrase[: -len(tail)]
    return phrase


def _without_measure_word(phrase: str) -> str:
    """``phrase`` with its closing measure word (and a trailing 建设 …) taken off; itself when it has none."""
    bare = _without_trailing(phrase)
    for word in words().measure_words:
        if bare.endswith(word):
            return bare[: -len(word)]
    return phrase


def is_said(phrase: str, text: str) -> bool:
    """Whether ``text`` already names what ``phrase`` names: the phrase itself, or its name once
    the measure word is set aside (开展责任督学挂牌督导 says 责任督学挂牌督导制度), so a suggestion
    never claims the draft lacks what it states in other words of the same name."""
    if phrase in text:
        return True
    core = _without_measure_word(phrase)
    return core != phrase and len(core) >= 4 and not is_generic(core) and core in text


def _words(text: str) -> list[str]:
    from desktop.plan.knowledge.tokens import cut

    return [w for w in cut(text) if w.strip()]
