"""The pane under the themes list: what each peer wrote about the selected theme.

A count (范本 3/4) tells a writer that peers cover a theme, not how they put it. The pane lists each
peer's sentences about the theme, with the peer's name and the line of its own file, and the
specific phrases (programmes, measures) peers name under it that the draft does not. The text is
selectable, so a phrasing can be copied straight into the draft.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTextBrowser, QWidget

if TYPE_CHECKING:
    from checks.themes.report import ThemeRow

NO_SELECTION = "选中一个主题，这里显示范本怎么写。"


class ThemeDetail(QTextBrowser):
    """Read-only, selectable HTML of one theme's peer sentences and phrases."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setPlaceholderText(self.tr(NO_SELECTION))

    def show_theme(self, theme: ThemeRow | None) -> None:
        """Show ``theme`` (a row of the themes report), or nothing."""
        if theme is None:
            self.clear()
        else:
            self.setHtml(self.theme_html(theme))

    def theme_html(self, theme: ThemeRow) -> str:
        """Phrases the draft lacks, then each peer's sentences, grouped by peer in the peers' order."""
        from html import escape

        tr = self.tr
        name = escape(theme.coverage.theme.name)
        sentences = theme.peer_sentences
        phrases = theme.suggestions
        out = [f"<p><b>{name}</b>：{escape(tr('范本怎么写'))}</p>"]
        if phrases:
            words = "、".join(escape(p) for p in phrases)
            out.append(
                f"<p>{escape(tr('范本提到、本稿未提：'))}<span style='color:#1565c0'>{words}</span></p>"
            )
        if not sentences:
            none = tr("范本中没有写到这一主题的句子。") if theme.peers_total else tr("没有同类范本可以比较。")
            out.append(f"<p style='color:#666666'>{escape(none)}</p>")
        by_peer: dict[str, list[Mapping[str, object]]] = {}
        for sentence in sentences:
            by_peer.setdefault(str(sentence.get("peer", "")), []).append(sentence)
        for peer, said in by_peer.items():
            out.append(f"<p style='margin-bottom:2px'><b>{escape(peer)}</b></p><ul style='margin-top:0'>")
            for sentence in said:
                line = tr("第 %1 行").replace("%1", str(sentence.get("line", "")))
                text = escape(str(sentence.get("text", "")))
                out.append(f"<li><span style='color:#888888'>{escape(line)}</span> {text}</li>")
            out.append("</ul>")
        return "".join(out)
