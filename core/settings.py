"""Bureau settings kept in the ledger: jurisdiction, reporting unit, return footer."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .changes import Changes
from . import messages, numbering, regions

if TYPE_CHECKING:
    from .ledger import Ledger

DEFAULT_JURISDICTION = regions.DEFAULT_JURISDICTION

KEYS = (
    "jurisdiction", "unit_name", "unit_head", "filled_by", "phone", "operator_name",
    "language", numbering.PATTERN_SETTING,
)


def get(ledger: Ledger, key: str, default: str | None = None) -> str | None:
    row = ledger.conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    return row[0] if row else default


# Settings that define the bureau (and its backups): an administrator's to change.
ADMIN_KEYS = frozenset({"jurisdiction", "unit_name", "unit_head", "backup_keep", "backup_dir",
                        numbering.PATTERN_SETTING})
# The exchange site's name and id are guarded by their own rules (core.permissions).
_GUARDED = {**{key: "settings.bureau" for key in ADMIN_KEYS},
            "site_name": "exchange.site_rename", "site_id": "exchange.new_site_id"}


MAX_VALUE = 500


def put(ledger: Ledger, key: str, value: str) -> Changes:
    from . import permissions
    from .errors import LedgerError
    from .validation import strip_invisible

    action = _GUARDED.get(key)
    if action is not None:
        permissions.require(ledger, action)
    value = strip_invisible(value)
    if len(value) > MAX_VALUE:
        raise LedgerError("error.setting_too_long", key=key, limit=MAX_VALUE, length=len(value))
    if key == numbering.PATTERN_SETTING:
        value = numbering.check_pattern(value)
    with ledger.transaction():
        ledger.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )
    return Changes.of("setting")


jurisdiction = regions.jurisdiction  # the one reader of the jurisdiction setting


def set_jurisdiction(ledger: Ledger, code: str) -> Changes:
    region = regions.require(ledger, code)
    changes = put(ledger, "jurisdiction", region.code)
    if not get(ledger, "unit_name"):
        changes |= put(ledger, "unit_name", messages.text("label.unit_name", region=region.name))
    return changes


def is_initialised(ledger: Ledger) -> bool:
    return get(ledger, "jurisdiction") is not None
