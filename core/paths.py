"""Where the ledger keeps its data and finds its resources."""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "EcoLedger"
DB_ENV = "ECOLEDGER_DB"


def resources_dir() -> Path:
    """The shipped resources: regions, templates, translations."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The per-user data directory (created on demand): platformdirs' user_data_dir; on
    Linux its rule (XDG_DATA_HOME, else ~/.local/share) is applied here, without the
    import (some 8 ms of every start of the desktop app)."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser(
            "~/.local/share")
        path = Path(base) / APP_NAME
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """`--db` if given, else $ECOLEDGER_DB, else ledger.db in the user data directory."""
    if explicit:
        return Path(explicit)
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env)
    return data_dir() / "ledger.db"
