"""Number and target defects (GB/T 15835—2011 出版物上数字用法, and the arithmetic a proofreader
redoes): parts that contradict their total, impossible rates, ranges written wrong."""

from __future__ import annotations

import re
from random import Random

from bench.defects.base import CJK, Injected, Site, choose, cn_numeral, insert_sentence, kind, sentence_ends

N = ("N",)

_SUM_TEMPLATES = (
    ("新建、改扩建中小学幼儿园{t}所，其中新建{0}所、改扩建{1}所。", 2),
    ("全年新增公办学位{t}个，其中幼儿园学位{0}个、义务教育学位{1}个。", 2),
    ("培训中小学教师{t}名，其中骨干教师{0}名、新入职教师{1}名。", 2),
    ("创建市级特色学校{t}所，其中小学{0}所、初中{1}所、普通高中{2}所。", 3),
    ("招聘教师{t}人，其中公费师范生{0}人、社会招聘{1}人。", 2),
)


@kind("“其中”分项之和不等于总数", "N")
def parts_not_total(site: Site, rng: Random) -> Injected | None:
    """A total followed by 其中 parts that do not add up to it (one figure updated, the other not)."""
    template, count = rng.choice(_SUM_TEMPLATES)
    parts = [rng.randint(2, 60) for _ in range(count)]
    total = sum(parts) + rng.choice((-3, -2, -1, 1, 2, 5, 10))
    return insert_sentence(
        site, rng, template.format(*parts, t=total), N, f"总数{total}≠{'+'.join(map(str, parts))}"
    )


_ENUMERATED = (
    "学前教育普及普惠",
    "义务教育优质均衡",
    "普通高中多样化发展",
    "职业教育产教融合",
    "特殊教育融合发展",
    "民办教育规范管理",
)


@kind("“等N项”少于列举项数", "N")
def count_after_deng(site: Site, rng: Random) -> Injected | None:
    """A list closed by 等N项 with more items than N (one added, the count kept): A、B、C、D等三项工作.

    Only more items than the count is certain: 等 with a larger count (A、B等四项) may be 列举未尽.
    """
    items = rng.sample(_ENUMERATED, rng.randint(3, 5))
    stated = len(items) - rng.choice((1, 1, 2)) if len(items) > 3 else len(items) - 1
    noun = rng.choice(("项工作", "项任务", "大工程"))
    sentence = f"统筹推进{'、'.join(items)}等{cn_numeral(stated)}{noun}。"
    return insert_sentence(site, rng, sentence, N, f"列举{len(items)}项写“等{cn_numeral(stated)}项”")


_REPEATED = (
    "新增公办幼儿园学位{}个",
    "新建改扩建中小学{}所",
    "培育市级名师名校长{}名",
    "创建省级标准化学校{}所",
)


@kind("同一目标前后数字不一", "N")
def target_twice(site: Site, rng: Random) -> Injected | None:
    """The same target stated twice with different numbers (in 主要目标 and again in its item)."""
    ends = sentence_ends(site)
    lines = sorted({i for i, _ in ends})
    if len(lines) < 2:
        return None
    first, second = sorted(rng.sample(lines, 2))
    phrase = rng.choice(_REPEATED)
    value = rng.choice((12, 30, 50, 120, 600, 2400, 3000))
    other = value + rng.choice((-1, 1)) * max(1, value // rng.choice((5, 10, 3)))
    a = rng.choice([c for i, c in ends if i == first])
    b = rng.choice([c for i, c in ends if i == second])
    edits = [
        (site.at(first, a), site.at(first, a), f"全年{phrase.format(value)}。"),
        (site.at(second, b), site.at(second, b), f"{phrase.format(other)}。"),
    ]
    return Injected(site.splices(edits), second + 1, N, f"{value}→{other}", also=(first + 1,))


_RATE = re.compile(r"(率|比例|占比)[^。；，、\d毛]{0,6}?(\d{2,3}(?:\.\d+)?)(%|％)")
_RATE_SUBJECTS = (
    "九年义务教育巩固率",
    "适龄残疾儿童少年入学率",
    "学生体质健康标准达标率",
    "普惠性幼儿园覆盖率",
    "中小学教师培训完成率",
)


@kind("比率超过100%", "N")
def rate_over_100(site: Site, rng: Random) -> Injected | None:
    """A rate (not a gross rate, which may exceed 100%) written above 100%: 巩固率达到102%."""
    existing = [(i, m) for i, m in site.occurrences(_RATE) if 90 < float(m.group(2)) < 100]
    existing = [(i, m) for i, m in existing if "毛" not in site.lines[i][max(0, m.start() - 12) : m.start()]]
    found = choose(rng, existing)
    if found is not None and rng.random() < 0.5:
        line, m = found
        value = m.group(2)
        new = "10" + value[1:]  # a digit slipped in: 98% → 108%
        start = site.at(line, m.start(2))
        return site.done(start, start + len(value), new, N, f"{value}%→{new}%")
    value = rng.choice(("101", "102", "105", "100.5", "110"))
    sentence = f"{rng.choice(_RATE_SUBJECTS)}达到{value}%。"
    return insert_sentence(site, rng, sentence, N, f"插入{value}%")


_RANGE = re.compile(r"(\d+)([～~—－至到])(\d+)(所|个|名|%|％|人|项|家|次|节|课时)")
_RANGE_SENTENCES = (
    "每所学校配备专职心理健康教师{}名。",
    "新增市级优质幼儿园{}所。",
    "每学期开展校园安全应急演练{}次。",
    "中小学生每天校内体育活动不少于1小时，每周安排体育课{}节。",
)


def _range_mark(site: Site) -> str:
    """The range mark the plan itself uses (so only the injected defect is new), ～ by default."""
    used = re.search(r"\d([～—至])\d", site.text)
    return used.group(1) if used else "～"


@kind("数值范围上下限颠倒", "N")
def range_inverted(site: Site, rng: Random) -> Injected | None:
    """A range written high to low: 5～3所."""
    found = choose(rng, [(i, m) for i, m in site.occurrences(_RANGE) if int(m.group(1)) < int(m.group(3))])
    if found is not None and rng.random() < 0.5:
        line, m = found
        start, end = site.at(line, m.start(1)), site.at(line, m.end(3))
        return site.done(start, end, f"{m.group(3)}{m.group(2)}{m.group(1)}", N, "范围上下限对调")
    low = rng.randint(1, 5)
    number = f"{low + rng.randint(1, 3)}{_range_mark(site)}{low}"
    return insert_sentence(site, rng, rng.choice(_RANGE_SENTENCES).format(number), N, f"插入{number}")


@kind("数值范围用短横线连接", "N")
def range_hyphen(site: Site, rng: Random) -> Injected | None:
    """A range joined with a hyphen: 2-3所 (GB/T 15834—2011 4.13.3: a wave dash or en dash, 2～3所)."""
    found = choose(rng, [(i, m) for i, m in site.occurrences(_RANGE) if m.group(2) in "～—"])
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start(2))
        return site.done(start, start + 1, "-", ("N", "P"), f"{m.group(2)}→-")
    low = rng.randint(1, 5)
    number = f"{low}-{low + rng.randint(1, 3)}"
    return insert_sentence(
        site, rng, rng.choice(_RANGE_SENTENCES).format(number), ("N", "P"), f"插入{number}"
    )


_PERCENT_RANGE = re.compile(r"(\d+(?:\.\d+)?)(%|％)([～—至])(\d+(?:\.\d+)?)(%|％)")


@kind("百分数范围前项漏%（20～30%）", "N")
def percent_range_bare(site: Site, rng: Random) -> Injected | None:
    """A percentage range with the first % dropped: 20～30% (GB/T 15835—2011: 20%～30%)."""
    found = choose(rng, site.occurrences(_PERCENT_RANGE))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start(2))
        return site.done(start, start + 1, "", N, f"删去{m.group(1)}后的%")
    low = rng.choice((5, 10, 15, 20))
    number = f"{low}{_range_mark(site)}{low + rng.choice((5, 10))}%"
    subject = rng.choice(("生均公用经费每年递增", "课后服务学生参与率提高", "优质高中招生名额分配比例提高"))
    return insert_sentence(site, rng, f"{subject}{number}。", N, f"插入{number}")


_APPROX = (
    "每学期开展{}次教学视导。",
    "用{}年时间基本建成覆盖城乡的优质教育资源体系。",
    "每所中小学配备{}名专职法治副校长。",
    "每年组织{}批骨干教师赴外地跟岗研修。",
)
_ADJACENT = (("一", "二"), ("两", "三"), ("三", "四"), ("四", "五"), ("五", "六"), ("七", "八"))


@kind("相邻概数间加顿号（三、四个）", "N")
def approximate_with_comma(site: Site, rng: Random) -> Injected | None:
    """Two adjacent numbers for an estimate split by 、: 三、四次 (GB/T 15834—2011 4.5.3.5: 三四次)."""
    a, b = rng.choice(_ADJACENT)
    return insert_sentence(site, rng, rng.choice(_APPROX).format(f"{a}、{b}"), ("N", "P"), f"{a}、{b}")


_THOUSANDS = re.compile(r"(?<![\d.])([1-9])000(?!\d)(名|人|个|所|人次|元|册)")


@kind("阿拉伯数字加“千”（5千名）", "N")
def arabic_with_qian(site: Site, rng: Random) -> Injected | None:
    """An Arabic digit with 千 or 百: 5千名 (GB/T 15835—2011: 5000名; only 万 and 亿 may follow digits)."""
    found = choose(rng, site.occurrences(_THOUSANDS))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start(1))
        return site.done(start, start + 4, f"{m.group(1)}千", N, f"{m.group(1)}000→{m.group(1)}千")
    digit = rng.randint(2, 9)
    sentence = rng.choice(
        ("全年培训中小学教师{}千人次。", "新增公办学位{}千个。", "为{}千名困难学生发放资助金。")
    )
    return insert_sentence(site, rng, sentence.format(digit), N, f"{digit}千")


_DIGITS = re.compile(rf"(?<=[{CJK}])(\d{{2,4}})(?=[{CJK}%])")
_FULL = str.maketrans("0123456789", "０１２３４５６７８９")


@kind("全角阿拉伯数字", "N")
def full_width_digits(site: Site, rng: Random) -> Injected | None:
    """A number typed with full-width digits: １２所 (GB/T 15835—2011: half-width Arabic digits)."""
    found = choose(rng, site.occurrences(_DIGITS))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start(1))
    new = m.group(1).translate(_FULL)
    return site.done(start, start + len(new), new, ("N", "P"), f"{m.group(1)}→{new}")


_UNIT_AFTER = re.compile(r"约(\d+(?:\.\d+)?(?:万|亿)?)(名|人|个|所|元|人次|平方米|亩|%)(?![左以])")


@kind("“约”与“左右”重复", "N")
def approx_redundant(site: Site, rng: Random) -> Injected | None:
    """An estimate marked twice: 约3000人左右 (约 and 左右 say the same; keep one)."""
    found = choose(rng, site.occurrences(_UNIT_AFTER))
    if found is not None and rng.random() < 0.5:
        line, m = found
        end = site.at(line, m.end())
        return site.done(end, end, "左右", ("N", "W"), "约…加“左右”")
    sentence = rng.choice(("新增公办学位约{}个左右。", "全年受益学生约{}人左右。", "投入资金约{}万元左右。"))
    value = rng.choice((800, 1200, 3000, 4500))
    return insert_sentence(site, rng, sentence.format(value), ("N", "W"), "约…左右")
