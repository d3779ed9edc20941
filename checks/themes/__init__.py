"""Themes: which of the themes a plan must and usually does cover it covers, with evidence.

Public API (jieba is imported only when coverage is first computed, never by importing this):
``load_lexicon``, ``coverage``, ``peer_stats``, ``themes_report``, ``report_to_dict``.
"""

from __future__ import annotations

from checks.themes.coverage import Mention, PartCoverage, Status, ThemeCoverage, coverage
from checks.themes.lexicon import Lexicon, Theme, load_lexicon
from checks.themes.peers import DEFAULT_PEERS, PeerStats, default_cache_dir, peer_stats
from checks.themes.report import ThemeRow, ThemesReport, report_to_dict, themes_report

__all__ = [
    "DEFAULT_PEERS",
    "Lexicon",
    "Mention",
    "PartCoverage",
    "PeerStats",
    "Status",
    "Theme",
    "ThemeCoverage",
    "ThemeRow",
    "ThemesReport",
    "coverage",
    "default_cache_dir",
    "load_lexicon",
    "peer_stats",
    "report_to_dict",
    "themes_report",
]
