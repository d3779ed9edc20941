"""The writer's reference library: peer plans (范本) and the superior body's plans (上级要点).

``library`` stores them in the app's data folder and reads them back (cached on their content);
the themes learn from the peers, and the alignment (对标上级要点) answers a superior's plan.
"""

from __future__ import annotations

from pathlib import Path

from desktop.data import user_data_dir


def library_folder() -> Path:
    """The writer's library: ``references`` in the app's data folder ($PLANDESK_DATA_DIR in tests)."""
    return user_data_dir() / "references"


def role_folder(role: str, library: Path | None = None) -> Path:
    """Where the library (default: the writer's) keeps the files of ``role``, one folder a role."""
    return (library if library is not None else library_folder()) / role


def may_hold(role: str) -> bool:
    """False when the writer's library holds no file of ``role``: the role has no folder. The
    themes ask on every first check whether the writer has peers, and most writers have none; this
    answers without importing ``library`` (some 5 ms)."""
    return role_folder(role).is_dir()
