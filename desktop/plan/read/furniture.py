"""Page furniture: the lines a web page, a document-sharing site or a PDF adds around a plan.

Writers copy plans out of a bureau's 政务公开 page (breadcrumbs, 发布时间, 【加入收藏】, the
索引号/发布机构 block), out of template and document-sharing sites (本文关键词:, 由会员分享…,
the file's name ``….docx``), out of news reposts (近日…印发…一起来看↓↓↓) and out of PDFs (page
markers ``- 1 -``, tables of contents with page numbers). Every rule here describes a *kind* of
line — a row of field labels, a button row, a line that is only a link, an image's file name, a
page number — never the lines of particular pages, so it works on pages nobody here has seen.

:func:`mark_furniture` decides per line, with the context rules that need neighbours (a site
banner above a breadcrumb, a weak label beside other furniture, a news lead before the title).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from desktop.plan.charclass import HAN
from desktop.plan.markers import match_marker
from desktop.plan.titles import looks_like_title

SPACES = " \t\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff"

# Labels of page furniture and of the 政务公开 metadata block. A line that starts with one of
# these followed by a colon is page furniture, not plan text.
_STRONG_LABELS = (
    "当前位置|您当前的位置|您的位置|您现在的位置|当前页面|发布时间|发布日期|更新时间|浏览次数|阅读次数|"
    "点击数|点击次数|访问次数|浏览量|字体大小|字体显示|字体|字号|索引号|发布机构|发布单位|生成日期|公开日期|"
    "废止日期|公文生成日期|发文日期|信息名称|名称|法定主动公开分类|主动公开分类|公开方式|公开范围|公开时限|"
    "公开属性|文件编号|内容概述|内容分类|主题分类|体裁分类|组配分类|服务对象分类|信息分类|有效性|效力状况|"
    "分享到|分享|责任编辑|信息来源|原文件下载|附件下载|是否规范性文件"
)
# Weaker labels: furniture only when the line is short and sits among other furniture.
_WEAK_LABELS = "来源|来自|作者|编辑|审核|发文机关|成文日期|主题词|文号|标题|时间|日期|阅读|点击|浏览|备注"
_LABEL_TAIL = rf"(?:/{HAN}{{1,6}})?\s*[:：]"
_FURNITURE_LINE = re.compile(rf"^(?:{_STRONG_LABELS}){_LABEL_TAIL}")
_WEAK_LABEL_LINE = re.compile(rf"^(?:{_WEAK_LABELS}){_LABEL_TAIL}(.{{0,40}})$")
# Block labels a flattened metadata table writes without their colon: 索引号XM001… 发布机构厦门市…
_BARE_BLOCK_LABEL = re.compile(
    r"^(?:(?:索引号|发布机构|主题分类|发文日期|成文日期|公开日期|生成日期)(?=\w)|文号(?=\S{0,12}[〔\[【(（]\d{4}))"
)
# A label that starts a field anywhere in a line: at its start or after white space or a bar.
_ANY_LABEL = re.compile(rf"(?:^|(?<=[\s|｜\]】]))(?:{_STRONG_LABELS}|{_WEAK_LABELS}){_LABEL_TAIL}")
_DATED_LABEL = re.compile(
    r"(?:发布时间|发布日期|更新时间|发文日期|成文日期|公开日期|生成日期)\s*[:：]\s*\d{4}"
)
_EMPTY_VALUE = re.compile(r"^[\s\d\-/:.\[\]【】()（）]*$")
# A page's publication time, alone or with a counter: 2022年03月14日 17:05 阅读:[] (not 9:00 开学典礼).
_TIMESTAMP = re.compile(
    r"^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s+\S{1,8}[:：].{0,20})?$"
)
_LEAD_BULLETS = "•·●▪◆■□◇○◎*"

_BREADCRUMB = re.compile(
    r"(?:首页|主页|网站首页|位置).{0,40}(?:>|›|»|＞|→)|(?:>|›|»|＞)\s*(?:正文|详情|首页)"
)
_CRUMB_SEPARATOR = re.compile(r"\s*(?:>>|>|›|»|＞|→)\s*")
_NAV_WORDS = re.compile(r"^(?:首页|网站首页|主页|返回首页|正文|目录|摘要|内容摘要|导读|原文|全文)[:：]?$")
_BUTTON_GROUP = re.compile(r"【([^【】]{1,12})】")
_BUTTON_WORDS = re.compile(
    r"^(?:加入收藏|收藏|关闭|关闭窗口|打印|打印本页|大|中|小|字体|返回|返回顶部|顶部|分享|保存|:|：)+$"
)
_BUTTON_ROW = re.compile(
    r"^(?:(?:加入收藏|收藏|打印|打印本页|关闭|关闭窗口|返回|返回顶部|分享到?)[:：]?[|｜/]?)+$"
)
_FURNITURE_PHRASES = re.compile(
    r"^(?:扫一扫在手机(?:上)?打开当前页|扫一扫在手机打开|用手机扫描二维码|手机扫描二维码|打印本页|关闭窗口|"
    r"返回顶部|上一篇|下一篇|相关链接|相关文章|相关阅读|分享到)"
)
# Template and document-sharing sites: their blurbs are nowhere in a published plan.
_SITE_PHRASES = re.compile(
    r"本文(?:关键词|简介|内容|摘要|标签)\s*[:：]|小编|供大家参考|仅供参考|欢迎阅读|由会员分享|可在线阅读|"
    r"请在.{1,12}上搜索|最新最全的|范文网"
)
# Site footers.
_FOOTER = re.compile(
    r"版权所有|Copyright|©|ICP备|公网安备|网站标识码|技术支持\s*[:：]|网站地图|联系我们|"
    r"建议(?:使用|采用).{0,40}(?:浏览器|分辨率)|\d{3,4}\s*[×xX*]\s*\d{3,4}\s*(?:以上)?(?:的)?分辨率"
)
_URL_LINE = re.compile(rf"^(?:{HAN}{{0,8}}\s*[:：]\s*)?(?i:https?://|www\.)\S+$")
_IMAGE_LINE = re.compile(
    r"^(?:\S{0,80}\.(?i:jpe?g|png|gif|bmp|webp)|[A-Za-z0-9_\-./]*?(?i:jpe?g|png|gif)\s*/?>|\[?图片\]?)$"
)
# A broken HTML tag's tail left at the start of a line: W0201803…jpg/>
_TAG_TAIL = re.compile(r"^[A-Za-z0-9_\-./:=\"' ]{0,120}/?>$")
_DOCUMENT_EXTENSION = re.compile(r"\.(?i:docx?|wps|pdf|xlsx?|pptx?)(?![A-Za-z])")
DOCUMENT_NAME = re.compile(r"([^\s《》<>|/\\:：,，]{2,80})\.(?i:docx?|wps|pdf|xlsx?|pptx?)(?![A-Za-z])")
_NAV_BAR = re.compile(r"^[^|｜。，,；;]{1,10}(?:\s*[|｜]\s*[^|｜。，,；;]{1,10}){2,}$")

# Page markers of a PDF: - 1 -, — 2 —, 第 3 页 共 16 页, 3/16.
_PAGE_MARK = r"[-—–－~]\s*\d{1,4}\s*[-—–－~]"
PAGE_LINE = re.compile(
    rf"^(?:{_PAGE_MARK}|第\s*\d{{1,4}}\s*页(?:\s*[,，/]?\s*共\s*\d{{1,4}}\s*页)?|共\s*\d{{1,4}}\s*页\s*[,，]?\s*第\s*\d{{1,4}}\s*页|\d{{1,4}}\s*/\s*\d{{1,4}})$"
)
PAGE_PREFIX = re.compile(rf"^{_PAGE_MARK}\s+")
PAGE_SUFFIX = re.compile(rf"\s+{_PAGE_MARK}$")
LONE_NUMBER = re.compile(r"^[1-9]\d{0,2}$")

# A table of contents: a heading, dotted leaders, a page number.
_TOC_LEADERS = re.compile(r"(?:[.．·…‥。]{4,}|…{2,}|[-_]{4,})\s*\d{1,4}$")
_TOC_ENTRY = re.compile(r"^(.{2,40}?)\s+(\d{1,3})$")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十\d]{1,3}[章节部分篇]")
_SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？]")

# News reposts and template pages put a lead before the plan: 近日，…印发… 一起来看↓↓↓ / 全文如下：
_LEAD = re.compile(
    r"一起来看|(?:全文|原文)如下|↓|▼|(?:点击|戳)(?:查看|阅读)|^(?:近日|日前|\d{1,2}月\d{1,2}日)[,，]?.{0,40}(?:印发|发布|出台)"
)
_TEASER_END = re.compile(r"(?:\.{3,}|…+)$")
_TOP_ZONE = 12


_WHITE = re.compile(r"[\s\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")


def squeeze(line: str) -> str:
    """The line without any kind of white space (labels are often padded: 索 引 号)."""
    return _WHITE.sub("", line)


def is_furniture(line: str) -> bool:
    """True for a line of page furniture: field labels, breadcrumbs, buttons, links, footers, blurbs."""
    if len(line) > 400:
        return False  # a paragraph of text, whatever it mentions
    return _is_furniture(line, squeeze(line))


def _is_furniture(line: str, squeezed: str) -> bool:
    squeezed = squeezed.lstrip(_LEAD_BULLETS)
    if not squeezed:
        return False
    length = len(squeezed)
    if length <= 160 and (_FURNITURE_LINE.match(squeezed) or _BARE_BLOCK_LABEL.match(squeezed)):
        return True
    if length <= 80 and (_BREADCRUMB.search(squeezed) or squeezed[0] in ">›»＞"):
        return True
    if length <= 40 and (_FURNITURE_PHRASES.match(squeezed) or _NAV_WORDS.match(squeezed)):
        return True
    if length <= 30 and _BUTTON_ROW.match(squeezed):
        return True
    if (m := _WEAK_LABEL_LINE.match(squeezed)) and _EMPTY_VALUE.match(m.group(1)):
        return True  # 时间: 10:44, 阅读:[], 作者:
    stripped = line.strip(SPACES)
    if length <= 100 and (len(_ANY_LABEL.findall(stripped)) >= 2 or _DATED_LABEL.search(stripped)):
        return True  # 来源:… 发布时间:…; 青岛政务网 发布日期 : 2023-02-24
    if length <= 60 and _TIMESTAMP.match(stripped):
        return True  # 2022年03月14日 17:05 阅读:[]
    if length <= 300 and (
        _SITE_PHRASES.search(squeezed)
        or (_DOCUMENT_EXTENSION.search(stripped) and DOCUMENT_NAME.search(stripped))
    ):
        return True
    if length <= 120 and _FOOTER.search(stripped) and not match_marker(stripped):
        return True
    if _URL_LINE.match(squeezed) or _IMAGE_LINE.match(squeezed) or _TAG_TAIL.match(stripped):
        return True
    if length <= 120 and _NAV_BAR.match(stripped) and not match_marker(stripped):
        return True
    if length <= 80 and _TOC_LEADERS.search(squeezed):
        return True
    groups = _BUTTON_GROUP.findall(squeezed)
    if groups and _BUTTON_GROUP.sub("", squeezed).strip("|｜/ ") == "":
        return all(_BUTTON_WORDS.match(g) for g in groups)
    return False


def is_field_line(line: str) -> bool:
    """A line of a page's metadata block or byline: 索引号:…, 来源:… 发布时间:…."""
    squeezed = squeeze(line).lstrip(_LEAD_BULLETS)
    stripped = line.strip(SPACES)
    return len(squeezed) <= 160 and bool(
        _FURNITURE_LINE.match(squeezed)
        or _BARE_BLOCK_LABEL.match(squeezed)
        or len(_ANY_LABEL.findall(stripped)) >= 2
        or _DATED_LABEL.search(stripped)
    )


def is_breadcrumb(line: str) -> bool:
    """A 当前位置 line or a 首页 > … > … trail."""
    squeezed = squeeze(line)
    return squeezed.startswith(("当前位置", "您当前的位置", "您的位置", "您现在的位置")) or bool(
        len(squeezed) <= 80 and _BREADCRUMB.search(squeezed)
    )


def _opens_body(line: str) -> bool:
    """The plan's own text has begun: a numbered heading or a long paragraph."""
    return match_marker(line) is not None or len(line) > 120


def _is_prose(line: str) -> bool:
    return "。" in line or len(line) > 60


def mark_furniture(lines: Sequence[str]) -> list[bool]:
    """Per line (already stripped, none blank): is it page furniture rather than plan text?"""
    squeezed = [squeeze(line) if len(line) <= 400 else line for line in lines]
    furniture = [
        len(line) <= 400 and _is_furniture(line, sq) for line, sq in zip(lines, squeezed, strict=True)
    ]
    top = next((i for i, line in enumerate(lines) if _opens_body(line)), len(lines))
    top = min(top, _TOP_ZONE)
    for index in range(min(len(lines), 6)):
        if is_breadcrumb(lines[index]):
            # A site's name and banner stand above the breadcrumb at the top of a copied page;
            # the column's name (the trail's last step) often stands alone below it.
            for above in range(index):
                furniture[above] = True
            crumbs = [c for c in _CRUMB_SEPARATOR.split(squeeze(lines[index])) if c]
            below = index + 1
            while below < len(lines) and furniture[below]:
                below += 1
            if (
                crumbs
                and below < len(lines)
                and squeeze(lines[below]) == crumbs[-1]
                and not looks_like_title(lines[below])
            ):
                furniture[below] = True
            break
    # A reposting site's summary above the page's metadata block.
    first_block = next((i for i in range(min(len(lines), 6)) if is_field_line(lines[i])), None)
    if first_block is not None:
        for above in range(first_block):
            if _is_prose(lines[above]) and not match_marker(lines[above]):
                furniture[above] = True
    # Weak labels count only beside furniture already found.
    for index, key in enumerate(squeezed):
        if not furniture[index] and _WEAK_LABEL_LINE.match(key.lstrip(_LEAD_BULLETS)):
            near = furniture[max(0, index - 1) : index] + furniture[index + 1 : index + 2]
            if any(near):
                furniture[index] = True
    _mark_top_zone(lines, furniture, top)
    first_heading = next((i for i, line in enumerate(lines) if match_marker(line)), len(lines))
    _mark_teasers(lines, furniture, min(first_heading, _TOP_ZONE))
    _mark_contents(lines, furniture)
    return furniture


def _mark_top_zone(lines: Sequence[str], furniture: list[bool], top: int) -> None:
    """Before the plan's first heading: news leads, and a page title repeated by the body's title."""
    kept = [i for i in range(top) if not furniture[i]]
    for i in kept:
        if len(lines[i]) <= 200 and _LEAD.search(lines[i]):
            furniture[i] = True
    kept = [i for i in kept if not furniture[i]]
    for a, b in itertools.pairwise(kept):
        if squeeze(lines[a]) == squeeze(lines[b]):
            furniture[a] = True


def _mark_teasers(lines: Sequence[str], furniture: list[bool], top: int) -> None:
    """Before the first heading, a summary cut off with an ellipsis whose opening words begin a
    later paragraph (a repost's 摘要)."""
    for i, line in enumerate(lines[:top]):
        if furniture[i] or not _TEASER_END.search(line):
            continue
        head = squeeze(line)[:16]
        if len(head) >= 8 and any(head in squeeze(later)[:200] for later in lines[i + 1 : i + 40]):
            furniture[i] = True


def _mark_contents(lines: Sequence[str], furniture: list[bool]) -> None:
    """Two or more lines of 'heading  page-number' in a row, page numbers not falling. The entries
    must be headings (一、…, 第一章…) unless a 目录 line stands above them: 新建学校  3, a row of a
    flattened table, stays."""
    run: list[int] = []
    pages: list[int] = []
    after_label = False

    def close() -> None:
        if len(run) >= 2:
            for i in run:
                furniture[i] = True

    for i, line in enumerate(lines):
        m = _TOC_ENTRY.match(line)
        if m and not run:
            after_label = i > 0 and squeeze(lines[i - 1]) == "目录"
        heading = match_marker(line) is not None or bool(_CHAPTER.match(line))
        if (
            m
            and (heading or after_label)
            and not _SENTENCE_PUNCT.search(m.group(1))
            and not (pages and int(m.group(2)) < pages[-1])
        ):
            run.append(i)
            pages.append(int(m.group(2)))
            continue
        close()
        run, pages = [], []
    close()


def document_names(line: str) -> list[str]:
    """The names of documents a line mentions (…工作计划.docx → 工作计划), for the plan's title."""
    return [m.group(1).strip("《》 ") for m in DOCUMENT_NAME.finditer(line)]


_DASHES = "-—–－~"


def strip_page_marks(line: str) -> tuple[str, bool, bool]:
    """The line without a PDF page marker at its start or end, and whether one was at each."""
    head = PAGE_PREFIX.sub("", line) if line[0] in _DASHES else line
    tail = PAGE_SUFFIX.sub("", head) if head[-1] in _DASHES else head
    return tail, head != line, tail != head
