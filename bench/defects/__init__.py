"""Defect kinds a proofreader of 公文 catches, each injectable into a copy of a corpus plan.

The registry :data:`KINDS` is filled by the family modules in the order S, P, N, D, W; see
:mod:`bench.defects.base` for what a kind is and :mod:`bench.recall` for the measurement.
"""

from __future__ import annotations

from bench.defects import dates, numbers, punctuation, structure, wording
from bench.defects.base import REGISTRY, Injected, Kind, Site

__all__ = ["KINDS", "Injected", "Kind", "Site"]
# The family modules register their kinds when imported.
_FAMILIES = (structure, punctuation, numbers, dates, wording)
KINDS: tuple[Kind, ...] = tuple(sorted(REGISTRY, key=lambda k: "SPNDW".index(k.family)))
