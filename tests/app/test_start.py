"""What the window does on its way to the first paint: as little as the same results allow."""

from __future__ import annotations

import inspect
import sys

import desktop.app.editor as editor  # importing desktop.app installs the probe under test
import desktop.data as data
import desktop.plan.read.loader as loader


def test_pyside_learns_which_modules_mention_it_from_one_read_of_their_file() -> None:
    """PySide6's import hook asks it of every module imported after Qt; inspect.getsource (its own
    way) costs some 10 ms on the way to the first paint. The answers are the same."""
    feature = sys.modules["shibokensupport.feature"]
    probe = feature._mod_uses_pyside
    assert getattr(probe, "plandesk", False), "PySide6's own probe is still in place"
    for module in (editor, data, loader):
        assert probe(module) is ("PySide6" in inspect.getsource(module)), module.__name__
    assert probe(editor) and not probe(data)
    assert probe(sys) is False  # no source file: PySide6's own answer


def test_opening_a_file_reads_it_once(window, corpus_path, monkeypatch) -> None:
    """The window numbers the file's lines from the very Source it opened, not a second read."""
    read: list[object] = []
    real = loader.load_source

    def counted(path):
        read.append(path)
        return real(path)

    monkeypatch.setattr(loader, "load_source", counted)
    assert window.files.open_path(corpus_path("huishan"))
    window.file_lines.refresh()  # what the editor's text_loaded did; once more, to be sure
    assert len(read) == 1
    assert (
        window.file_lines.source is not None and window.file_lines.source.text == window.editor.toPlainText()
    )
