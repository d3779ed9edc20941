"""The one tokenizer: jieba's words, with PlanDesk's user dictionary, from a store read where text looks.

The shared tokenizer must cut every text exactly as plain jieba does with the same user dictionary
(the themes' word boundaries and the comparison's similarities depend on it), while starting in
milliseconds instead of loading jieba's half-million-entry table.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from corpus_files import entries
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.plan.knowledge import dictionary, tokens

REPO = Path(__file__).resolve().parents[2]
CORPUS = entries()


@pytest.fixture(scope="module")
def plain():
    """jieba as it comes, with its whole prefix dictionary and PlanDesk's user dictionary."""
    jieba = dictionary.import_jieba()
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(str(tokens.USERDICT_PATH))
    return tokenizer


@pytest.mark.parametrize("entry", CORPUS, ids=[e.name for e in CORPUS])
def test_same_words_as_plain_jieba_on_every_corpus_plan(entry, plain) -> None:
    shared = tokens.tokenizer()
    for hmm in (False, True):  # no HMM for themes and compare; the HMM in the peers' keywords
        assert list(shared.cut(entry.text, HMM=hmm)) == list(plain.cut(entry.text, HMM=hmm))
    assert shared.total == plain.total


# Text of the kinds a plan mixes: common and rare Han characters (some outside every word), the
# user dictionary's terms, ASCII letters and digits (which jieba glues), symbols inside a run.
_PIECES = st.sampled_from(
    [
        "教育",
        "双减",
        "五育并举",
        "县管校聘",
        "课后服务",
        "学",
        "校",
        "的",
        "龘",
        "靐",
        "㐀",
        "鿕",
        "a",
        "B",
        "7",
        "2027",
        "5G",
        "AI",
        "+",
        "#",
        "&",
        ".",
        "_",
        "%",
        "-",
        "提升",
        "质量",
        "高质量发展",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=30).map("".join))
def test_same_words_as_plain_jieba_on_random_runs(plain, text: str) -> None:
    """The tokenizer's own no-HMM segmentation (one pass instead of jieba's three) cuts any mix the
    same: ties, glued letters and digits, characters no word starts with."""
    assert list(tokens.tokenizer().cut(text, HMM=False)) == list(plain.cut(text, HMM=False))


def test_a_tie_between_routes_goes_to_the_longer_word_as_in_jieba() -> None:
    """Equal route values are rare in real frequencies, so they are made here: with a total of 1,
    甲乙 and 乙丙 (4) score log 4 and their parts (2 each) log 2 + log 2, the same double."""
    tokenizer = dictionary.LazyTokenizer(dictionary.store_path())
    text = "甲乙丙"
    tokenizer._ensure(text)  # the store's buckets first, so nothing overwrites the made entries
    tokenizer.FREQ.update({"甲": 2, "乙": 2, "甲乙": 4, "丙": 2, "乙丙": 4})
    tokenizer.total = 1
    jiebas = dictionary.import_jieba().Tokenizer._Tokenizer__cut_DAG_NO_HMM  # jieba's own, same table
    assert list(tokenizer.cut(text, HMM=False)) == list(jiebas(tokenizer, text)) == ["甲乙", "丙"]


def test_same_keywords_as_plain_jieba(plain) -> None:
    """The peer statistics' TF-IDF keywords (part-of-speech tags, HMM) come out the same."""
    dictionary.import_jieba()  # first, the way that leaves pkg_resources out
    import jieba.analyse
    import jieba.posseg

    reference = jieba.analyse.TFIDF()
    reference.tokenizer = plain
    reference.postokenizer = jieba.posseg.POSTokenizer(plain)
    shared = tokens.keyword_extractor()
    for entry in CORPUS[:: len(CORPUS) // 4]:
        args = {"topK": 80, "withWeight": True, "allowPOS": ("n", "vn", "nz", "nt")}
        assert shared.extract_tags(entry.text, **args) == reference.extract_tags(entry.text, **args)


def test_user_dictionary_terms_stay_whole() -> None:
    assert "双减" in tokens.cut("全面落实双减政策，做好课后服务。")
    assert "课后服务" in tokens.cut("全面落实双减政策，做好课后服务。")


def test_only_the_buckets_the_text_needs_are_read() -> None:
    tokenizer = dictionary.LazyTokenizer(dictionary.store_path())
    list(tokenizer.cut("深入推进义务教育优质均衡发展"))
    assert 0 < len(tokenizer.FREQ) < 5_000  # of jieba's ~500,000 entries


def test_shipped_store_is_built_from_the_installed_dictionary() -> None:
    source = dictionary.jieba_dict_path().read_bytes()
    header = dictionary.read_header(dictionary.resource_path(dictionary.STORE_NAME))
    assert header is not None, "resources/jieba_dict.bin is missing or of another format"
    _total, size, digest = header
    assert (size, digest) == (len(source), hashlib.sha256(source).digest()), (
        "rebuild it: python -m desktop.plan.knowledge.dictionary"
    )


@pytest.mark.slow
def test_a_store_is_built_in_the_cache_when_the_shipped_one_does_not_fit(tmp_path, monkeypatch) -> None:
    """Another jieba's dict.txt: the store is built once in the cache folder, byte for byte what
    the shipped one is for this jieba (the build is reproducible)."""
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(dictionary, "resource_path", lambda *parts: tmp_path / "none" / Path(*parts))
    built = dictionary.store_path()
    assert built.parent == tmp_path / "jieba"
    shipped = REPO / "resources" / dictionary.STORE_NAME
    assert built.read_bytes() == shipped.read_bytes()
    assert dictionary.store_path() == built  # and then found, not built again


def test_segmenting_loads_neither_pkg_resources_nor_the_hmm_tables() -> None:
    code = (
        "import sys\n"
        "from desktop.plan.knowledge.tokens import cut\n"
        "assert '双减' in cut('落实双减')\n"
        "assert 'pkg_resources' not in sys.modules, 'pkg_resources imported'\n"
        "assert 'jieba.finalseg.prob_emit' not in sys.modules, 'HMM tables imported'\n"
        "from desktop.plan.knowledge.tokens import tokenizer\n"
        "assert '杭研' in list(tokenizer().cut('我来到北京杭研大厦'))\n"  # the HMM, loaded on first use
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
