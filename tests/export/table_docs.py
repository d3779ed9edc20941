"""A source .docx with tables, built with python-docx the way Word writes one.

The shapes follow published plans and task breakdowns found in the search store (corpus ``pages``):
a 主要指标 table of targets; a 重点工作任务分解表 whose section rows (一、…) are cells merged across
the table, as a district bureau published its 2025 分解表 (序号 / 重点工作任务 / 主要责任单位 /
协同配合单位); a cell holding two paragraphs; items that name their units in brackets
(``（责任科室：组干科、机关党委）``, ``（牵头处室：…，责任处室：…）``). The wording is written for
this test, not copied.
"""

from __future__ import annotations

from pathlib import Path

TITLE = "某某区教育局2025年工作要点"

BEFORE = [
    TITLE,
    "2025年全区教育工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的教育方针，落实立德树人根本任务，加快建设教育强区。",
    "一、主要目标",
    "全区教育事业主要发展指标如下：",
]
TARGETS = [
    ["序号", "指标", "2024年", "2025年目标", "责任科室"],
    ["1", "学前三年毛入园率", "98.5%", "99%以上", "学前教育科"],
    ["2", "公办园在园幼儿占比", "56%", "60%以上", "学前教育科"],
    ["3", "义务教育巩固率", "99.6%", "99.8%", "基础教育科"],
    ["4", "高中阶段毛入学率", "97%", "98%", "基础教育科"],
]
MIDDLE = [
    "二、重点任务",
    "（一）加强党的建设",
    "1.加强思想理论武装。健全党组理论学习中心组学习制度，分层分类开展党员干部培训，推动学习成果转化为推进教育高质量发展的具体举措。（牵头单位：组织人事科；责任单位：各学校；完成时限：2025年12月）",
    "2.夯实基层党建。推进中小学校党组织领导的校长负责制，开展党建品牌创建，培育示范党组织10个。（牵头处室：党建办，责任处室：基础教育科、职成科）",
    "（二）扩大优质资源",
    "1.推进学校建设。新建改扩建中小学幼儿园5所，新增学位2700个。（责任科室：计财科、基建办）",
    "2.深化集团化办学。新组建教育集团3个，实现城乡学校结对全覆盖。",
    "三、任务分解",
    "全年重点任务分解如下：",
]
TASKS = [
    ["序号", "重点工作任务", "主要责任单位", "协同配合单位"],
    ["一、办学条件", None, None, None],  # merged across the row
    ["1", "新建改扩建中小学3所，新增学位2700个。", "计财科", "基建办、各学校"],
    [
        "2",
        "推进学前教育普及普惠，公办园在园幼儿占比达到60%以上。",
        "学前教育科",
        ["各镇（街道）", "各幼儿园"],
    ],
    ["二、队伍建设", None, None, None],
    ["3", "招聘新教师200名，组织新教师规范化培训。", "组织人事科", "教师发展中心"],
]
AFTER = [
    "四、保障措施",
    "各科室要对照任务分解表，细化工作举措，按时报送进展情况。",
]


def expected_cells(rows: list[list[object]]) -> list[list[str]]:
    """What a row's cells read as text: a merged cell then empty cells, two paragraphs joined."""
    out = []
    for row in rows:
        cells = []
        for value in row:
            if value is None:
                cells.append("")
            elif isinstance(value, list):
                cells.append(" ".join(value) if not value[0].endswith(("。", "、")) else "".join(value))
            else:
                cells.append(str(value))
        out.append(cells)
    return out


def _add_table(document, rows: list[list[object]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for r, values in enumerate(rows):
        if values[1] is None:
            merged = table.cell(r, 0).merge(table.cell(r, len(values) - 1))
            merged.text = str(values[0])
            continue
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            if isinstance(value, list):
                cell.text = value[0]
                for more in value[1:]:
                    cell.add_paragraph(more)
            else:
                cell.text = str(value)


def build_source_docx(path: Path) -> Path:
    """Write the source document with its two tables in place; returns ``path``."""
    import docx

    document = docx.Document()
    for line in BEFORE:
        document.add_paragraph(line)
    _add_table(document, TARGETS)
    for line in MIDDLE:
        document.add_paragraph(line)
    _add_table(document, TASKS)
    for line in AFTER:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_with_tables(plan, out: Path, width: int = 8845) -> Path:
    """The plan's lines as paragraphs and its tables as tables, in the template: what the official
    layout does with ``add_table`` (one call at a table's first line); ``width`` is the
    portrait 版心 of the template, in twips."""
    import docx

    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE
    from desktop.plan.export.ooxml import clear_body
    from desktop.plan.export.tables import TableLayout, add_table
    from desktop.plan.model import ParagraphRole
    from desktop.plan.tables import plan_tables

    doc = docx.Document(str(DEFAULT_TEMPLATE))
    clear_body(doc.element.body)
    tables = {t.first_line: t for t in plan_tables(plan)}
    for paragraph in plan.paragraphs:
        if paragraph.role is ParagraphRole.TABLE:
            if paragraph.line in tables:
                add_table(doc, tables[paragraph.line], TableLayout(width=width))
            continue
        if paragraph.role is not ParagraphRole.BLANK:
            doc.add_paragraph(paragraph.span.slice(plan.text), style="正文")
    doc.add_paragraph(style="正文")
    doc.save(str(out))
    return out
