"""Wording defects: typos of the input method, doubled words, traditional characters, political
formulas not word for word, forgotten placeholders, text spliced in from elsewhere."""

from __future__ import annotations

import re
from random import Random

from bench.defects.base import CJK, Injected, Site, choose, insert_sentence, kind

W = ("W",)


def _swap(
    site: Site, rng: Random, pattern: re.Pattern[str], new: str, note: str, group: int = 0
) -> Injected | None:
    found = choose(rng, site.occurrences(pattern))
    if found is None:
        return None
    line, m = found
    start, end = site.at(line, m.start(group)), site.at(line, m.end(group))
    return site.done(start, end, new, W, note)


_DE = re.compile(rf"(?<=[{CJK}])的(?=[{CJK}])")


@kind("的的", "W")
def doubled_de(site: Site, rng: Random) -> Injected | None:
    """的 typed twice (the input method repeated it, or an edit joined two phrases): 学生的的全面发展."""
    return _swap(site, rng, _DE, "的的", "的→的的")


_WORDS = re.compile(r"教育|学校|工作|教师|学生|推进|加强|建设|发展|管理|全面|深化|提升")


@kind("词语重复（教育教育）", "W")
def doubled_word(site: Site, rng: Random) -> Injected | None:
    """A two-character word written twice when a sentence was edited: 推进推进、教师教师."""
    found = choose(rng, site.occurrences(_WORDS))
    if found is None:
        return None
    line, m = found
    end = site.at(line, m.end())
    return site.done(end, end, m.group(), W, f"{m.group()}→{m.group() * 2}")


_YI = re.compile(rf"已(?=[{CJK}])|(?<=自)己")


@kind("“已”“己”混写（己经、自已）", "W")
def yi_ji_confused(site: Site, rng: Random) -> Injected | None:
    """已 and 己 confused (they differ by one stroke): 己经形成, 自已."""
    found = choose(rng, site.occurrences(_YI))
    if found is None:
        sentence = rng.choice(("全市己经建成一批城乡学校共同体。", "引导学生做自已健康的第一责任人。"))
        return insert_sentence(site, rng, sentence, W, "插入“己经/自已”")
    line, m = found
    new = "己" if m.group() == "已" else "已"
    start = site.at(line, m.start())
    return site.done(start, start + 1, new, W, f"{m.group()}→{new}")


_HOMOPHONES = {
    "部署": "布署",
    "贯彻": "贯切",
    "弘扬": "宏扬",
    "辐射": "幅射",
    "融合": "溶合",
    "防范": "防犯",
    "竣工": "峻工",
    "反馈": "反溃",
    "再接再厉": "再接再励",
    "迄今为止": "迄今为至",
    "按部就班": "按步就班",
}
_HOMOPHONE = re.compile("|".join(_HOMOPHONES))


@kind("音近形近错字（布署、贯切）", "W")
def homophone_typo(site: Site, rng: Random) -> Injected | None:
    """A word typed with a character that sounds or looks like the right one: 布署, 贯切, 宏扬, 幅射."""
    found = choose(rng, site.occurrences(_HOMOPHONE))
    if found is None:
        return None
    line, m = found
    new = _HOMOPHONES[m.group()]
    start = site.at(line, m.start())
    return site.done(start, start + len(m.group()), new, W, f"{m.group()}→{new}")


_TRADITIONAL = {
    "学": "學",
    "发": "發",
    "国": "國",
    "实": "實",
    "体": "體",
    "开": "開",
    "设": "設",
    "质": "質",
    "师": "師",
}
_SIMPLIFIED = re.compile(f"[{''.join(_TRADITIONAL)}]")


@kind("简体文中夹繁体字（學）", "W")
def traditional_character(site: Site, rng: Random) -> Injected | None:
    """One traditional character in simplified text (pasted from a Hong Kong or Taiwan source): 學校."""
    found = choose(rng, site.occurrences(_SIMPLIFIED))
    if found is None:
        return None
    line, m = found
    new = _TRADITIONAL[m.group()]
    start = site.at(line, m.start())
    return site.done(start, start + 1, new, W, f"{m.group()}→{new}")


# A formula as it must be written, and the ways a writer gets one character or the order wrong.
_FORMULAS = {
    "习近平新时代中国特色社会主义思想": (
        "习近平新时代中国特设社会主义思想",
        "习近平新时代中国特色社会主意思想",
        "习近平中国特色社会主义思想",
    ),
    "铸牢中华民族共同体意识": ("筑牢中华民族共同体意识",),
    "为党育人、为国育才": ("为党育才、为国育人",),
    "社会主义建设者和接班人": ("社会主义接班人和建设者",),
    "社会主义核心价值观": ("社会主义核心价值关", "社会主义核心价值体系观"),
}
_FORMULA = re.compile("|".join(_FORMULAS))


@kind("规范政治表述错一字或颠倒", "W")
def formula_miswritten(site: Site, rng: Random) -> Injected | None:
    """A political formula not word for word: 中国特设社会主义, 筑牢…共同体意识, 接班人和建设者."""
    found = choose(rng, site.occurrences(_FORMULA))
    if found is None:
        sentence = "坚持以习近平新时代中国特设社会主义思想为指导。"
        return insert_sentence(site, rng, sentence, W, "插入“特设”")
    line, m = found
    new = rng.choice(_FORMULAS[m.group()])
    start, end = site.at(line, m.start()), site.at(line, m.end())
    return site.done(start, end, new, W, f"{m.group()}→{new}")


_XI = re.compile("习近平总书记")


@kind("领导人称谓简称（习总书记）", "W")
def leader_short_title(site: Site, rng: Random) -> Injected | None:
    """习近平总书记 shortened to 习总书记 (a 公文 names the leader in full with the title)."""
    found = choose(rng, site.occurrences(_XI))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start())
        return site.done(start, start + 6, "习总书记", W, "习近平总书记→习总书记")
    sentence = "深入学习领会习总书记关于教育的重要论述。"
    return insert_sentence(site, rng, sentence, W, "插入“习总书记”")


_JIEZHI = re.compile("截至")


@kind("“截至”误作“截止”", "W")
def jiezhi_for_jiezhi(site: Site, rng: Random) -> Injected | None:
    """截止 before a date (截止 means 'ends' and takes no object; up to a date is 截至): 截止2023年底."""
    found = choose(rng, site.occurrences(_JIEZHI))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start())
        return site.done(start, start + 2, "截止", W, "截至→截止")
    sentence = f"截止{site.year - 1}年底，全市共有各级各类学校{rng.randint(120, 900)}所。"
    return insert_sentence(site, rng, sentence, W, f"截止{site.year - 1}年底")


_FIGURE = re.compile(rf"(?<=[{CJK}])(\d{{1,4}})(?=所|个|名|人|项|家|%|万)")


@kind("草稿占位符未替换（XX所）", "W")
def placeholder_left(site: Site, rng: Random) -> Injected | None:
    """A figure still a placeholder from the draft: 新建学校XX所, 覆盖率达××%."""
    found = choose(rng, site.occurrences(_FIGURE))
    if found is None:
        return None
    line, m = found
    new = rng.choice(("XX", "××", "X", "xx"))
    start = site.at(line, m.start(1))
    return site.done(start, start + len(m.group(1)), new, W, f"{m.group(1)}→{new}")


_QITA = re.compile("其他")


@kind("“其他”写作“其它”", "W")
def qita_variant(site: Site, rng: Random) -> Injected | None:
    """其它 for 其他 (现代汉语词典 and 公文 practice: 其他 for people and things alike)."""
    found = choose(rng, site.occurrences(_QITA))
    if found is not None:
        line, m = found
        start = site.at(line, m.start())
        return site.done(start, start + 2, "其它", W, "其他→其它")
    return insert_sentence(site, rng, "统筹做好其它各项工作。", W, "插入“其它”")


_MINISTRY = re.compile(r"(?<!国家)教育部(?!门)")


@kind("机关名称错误（国家教育部）", "W")
def ministry_name(site: Site, rng: Random) -> Injected | None:
    """教育部 called 国家教育部 (its name has no 国家, unlike 国家发展改革委)."""
    found = choose(rng, site.occurrences(_MINISTRY))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start())
        return site.done(start, start, "国家", W, "教育部→国家教育部")
    return insert_sentence(site, rng, "落实国家教育部关于基础教育扩优提质的部署要求。", W, "插入“国家教育部”")


_SPAM = ("澳门威尼斯人娱乐城", "真人荷官在线娱乐", "注册送彩金", "百家乐官网")
_BETWEEN = re.compile(rf"(?<=[{CJK}]{{4}})(?=[{CJK}])")


@kind("混入广告博彩词语（网页被篡改）", "W")
def spliced_spam(site: Site, rng: Random) -> Injected | None:
    """A casino advert spliced into a sentence of a plan copied from a defaced web page."""
    found = choose(rng, site.occurrences(_BETWEEN))
    if found is None:
        return None
    line, m = found
    spam = rng.choice(_SPAM)
    start = site.at(line, m.start())
    return site.done(start, start, spam, W, f"插入“{spam}”")
