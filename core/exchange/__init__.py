"""Exchange between PCs: ledgers on separate (often offline) PCs merge through .ecox files.

`export` writes every change this ledger holds since the last exchange with a partner;
`import_file` merges one by row id and field, keeping same-field concurrent edits as
conflicts that a manager resolves (`conflicts.resolve`). See README "Exchange between PCs".
"""
from __future__ import annotations

from . import keys, store
from .conflicts import Conflict, listed as conflicts, resolve
from .export import ExportSummary, export
from .keys import SharedKey, fingerprint, generate_key_file, key_file, set_key_file, shared_key
from .merge import ImportSummary, import_file
from .store import Partner, Site, partners, site


def set_site_name(ledger, name: str) -> None:
    """Name this database's site (e.g. 曲沃县局-执法一队): an administrator's call."""
    from .. import permissions, settings

    permissions.require(ledger, permissions.Action.SITE_RENAME)
    settings.put(ledger, store.SITE_NAME, name.strip())


def new_site_id(ledger) -> str:
    """Give this database a new site id: for a ledger file copied to another PC, which
    would otherwise exchange under the id of the PC it came from."""
    from .. import ids, permissions, settings

    permissions.require(ledger, permissions.Action.NEW_SITE_ID)
    site_id = ids.new_id()
    settings.put(ledger, store.SITE_ID, site_id)
    return site_id


__all__ = ["Conflict", "ExportSummary", "ImportSummary", "Partner", "SharedKey", "Site",
           "conflicts", "export", "fingerprint", "generate_key_file", "import_file", "key_file",
           "keys", "partners", "resolve", "set_key_file", "set_site_name", "shared_key",
           "new_site_id", "site"]
