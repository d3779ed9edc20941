"""Every export of the tests validates against the OOXML schemas (ECMA-376, as Word's own
Open XML SDK validator checks them: openxml-audit, from the test extras).

A child in the wrong place (``w:ind`` after ``w:jc``) or an unknown attribute makes a file that
Word refuses or "repairs"; LibreOffice opens it silently, so only a validator catches it.
"""

from __future__ import annotations

import openxml_audit  # the test extras install it: a missing validator is a failed set-up, not a skip
import pytest


@pytest.fixture(scope="module")
def validator():
    return openxml_audit.OpenXmlValidator(max_errors=20)


def test_every_export_validates(exports, validator, hand_built_plan, tmp_path):
    from desktop.plan.export.task_table import build_task_document

    files = dict(exports)
    files["tasks"] = tmp_path / "tasks.docx"  # the task table is validated here too
    build_task_document(hand_built_plan).save(files["tasks"])
    invalid = {}
    for name, path in files.items():
        result = validator.validate(str(path))
        if not result.is_valid:
            invalid[name] = [str(e) for e in result.errors[:5]]
    assert len(files) >= 47
    assert not invalid, invalid


def test_the_validator_catches_an_element_out_of_order(exports, validator, tmp_path):
    """A validator that passes everything proves nothing: put w:jc before w:pStyle."""
    import zipfile

    source, broken = exports["hand_built"], tmp_path / "broken.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b"<w:pPr><w:pStyle", b'<w:pPr><w:jc w:val="left"/><w:pStyle', 1)
            zout.writestr(item, data)
    assert not validator.validate(str(broken)).is_valid
