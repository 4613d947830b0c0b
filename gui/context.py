"""What every page and form is given: the database handle, settings, drafts, the bureau."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from core import codes, numbering
from core import settings as ledger_settings
from core.ledger import Ledger
from core.regions import Region, get as get_region, record_regions_by_name

from . import labels
from .worker import Database


@dataclass
class Bureau:
    """The ledger's jurisdiction and the lists every filter and picker offers."""

    jurisdiction: str
    unit_name: str
    counties: list[Region] = field(default_factory=list)
    campaigns: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    batches: list[tuple[str, str, str]] = field(default_factory=list)  # (id, name, campaign)
    # The ledger's own lists, in its order: kind → [(code, label, active)]
    code_lists: dict[str, list[tuple[str, str, bool]]] = field(default_factory=dict)
    number_pattern: str = ""  # how new problems are numbered (core.numbering)

    def choices(self, kind: str, current: str | None = None) -> list[tuple[str, str]]:
        """(code, label) of the active entries of a list, and of `current` if retired."""
        return [(code, label) for code, label, active in self.code_lists.get(kind, ())
                if active or code == current]

    def label(self, kind: str, code: str) -> str:
        for found, label, _ in self.code_lists.get(kind, ()):
            if found == code:
                return label
        return code


def read_bureau(ledger: Ledger) -> Bureau:
    """Runs on the worker: the bureau as stored in the ledger."""
    code = ledger_settings.jurisdiction(ledger)
    region = get_region(ledger, code)
    counties = record_regions_by_name(ledger, code) if region else []
    return Bureau(
        jurisdiction=code,
        unit_name=ledger_settings.get(ledger, "unit_name") or "",
        counties=counties,
        campaigns=[tuple(r) for r in ledger.conn.execute(
            "SELECT id, name FROM campaign ORDER BY starts_on")],
        batches=[tuple(r) for r in ledger.conn.execute(
            "SELECT id, name, campaign_id FROM batch ORDER BY issued_on, number")],
        code_lists={kind: [(e.code, e.label, e.active) for e in codes.entries(ledger, kind)]
                    for kind in codes.KINDS},
        number_pattern=numbering.pattern(ledger.conn),
    )


class Drafts:
    """Half-typed forms, one JSON file each, kept until saved or cancelled."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def save(self, key: str, form: str, row_id: str | None, values: dict[str, Any]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        data = {"form": form, "row_id": row_id, "values": values}
        temporary = self.path(key).with_suffix(".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(self.path(key))

    def discard(self, key: str) -> None:
        self.path(key).unlink(missing_ok=True)

    def pending(self) -> list[tuple[str, dict[str, Any]]]:
        """(key, draft) of every kept draft, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for path in sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime):
            try:
                found.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
            except (OSError, ValueError):
                continue  # a draft cut short by the crash itself: nothing to offer
        return found


class AppContext(QObject):
    """Passed to every page and form instead of a global main window."""

    bureau_changed = Signal()

    def __init__(self, database: Database, gui_settings: QSettings, data_dir: Path,
                 bureau: Bureau, operator: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.db = database
        self.db_operator = operator
        self.account = None  # the signed-in core.operators.Operator, when the ledger has operators
        self.settings = gui_settings
        self.data_dir = data_dir
        self.drafts = Drafts(data_dir / "drafts")
        self.bureau = bureau
        labels.use_bureau(bureau)
        self.changed = database.changed  # the one signal every page listens to
        self.changed.connect(self._maybe_reload_bureau)

    def _maybe_reload_bureau(self, changes) -> None:
        if changes.touches("campaign", "batch", "setting", "code_entry", "region_unit", "region"):
            self.db.op(read_bureau).success(self._set_bureau).run()

    def _set_bureau(self, bureau: Bureau) -> None:
        self.bureau = bureau
        labels.use_bureau(bureau)
        self.bureau_changed.emit()
