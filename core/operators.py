"""Operators (操作员), their roles and sign-in.

Passwords are kept only as scrypt hashes (memory-hard, so a copied database does not give
up weak passwords cheaply). What each role may do is in `core.permissions`.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple, TYPE_CHECKING

from . import rows
from .changes import Changes
from .errors import LedgerError
# The rules live in core.permissions; re-exported for the callers that know them here.
from .permissions import Action, Role, can, require, role_of  # noqa: F401
from .validation import Form

if TYPE_CHECKING:
    from .ledger import Ledger

TABLE = "operator_account"
MIN_PASSWORD = 8
# scrypt cost: 2**15 × 8 × 128 bytes = 32 MiB of memory and ~0.1 s per try.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1


class Operator(NamedTuple):
    id: str
    login: str
    name: str
    role: Role
    active: bool




# -- passwords

def hash_password(password: str, n: int | None = None) -> str:
    """A self-describing scrypt hash: scrypt$N$r$p$salt$key (base64)."""
    import base64
    import secrets

    n = n or SCRYPT_N
    salt = secrets.token_bytes(16)
    key = _scrypt(password, salt, n, SCRYPT_R, SCRYPT_P)
    return "$".join(("scrypt", str(n), str(SCRYPT_R), str(SCRYPT_P),
                     base64.b64encode(salt).decode(), base64.b64encode(key).decode()))


def password_matches(password: str, stored: str) -> bool:
    import base64
    import hmac

    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        found = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(found, base64.b64decode(key))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    import hashlib  # with OpenSSL: loaded when a password is checked, not at start

    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r + 2**20, dklen=32)


# -- the operator list

def check(ledger: Ledger, raw: dict[str, Any], row_id: str | None = None) -> Form:
    form = Form(raw)
    login = form.text("login", required=True, max_length=40)
    form.text("name", required=True, max_length=60)
    form.choice("role", [r.value for r in Role])
    form.flag("active")
    if login:
        if any(c.isspace() for c in login):
            form.fail("login", "error.login_spaces")
        taken = ledger.conn.execute(
            f"SELECT 1 FROM {TABLE} WHERE login = ? AND id IS NOT ?", (login, row_id)).fetchone()
        if taken:
            form.fail("login", "error.login_taken", login=login)
    return form


def add(ledger: Ledger, login: str, name: str, role: str, password: str) -> Changes:
    """A new operator (admins only; the very first operator must be an admin)."""
    if count(ledger):
        require(ledger, Action.MANAGE_OPERATORS)
    elif role != Role.ADMIN.value:
        raise LedgerError("error.first_operator_admin")
    form = check(ledger, {"login": login, "name": name, "role": role, "active": 1})
    _check_password(form, password)
    form.raise_if_blocked()
    with ledger.transaction():
        row_id = rows.insert(ledger, TABLE, {**form.values,
                                             "password_hash": hash_password(password)})
    return Changes.of(TABLE, ids=(row_id,))


def _check_password(form: Form, password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        form.fail("password", "error.password_short", minimum=MIN_PASSWORD)


def update(ledger: Ledger, login: str, *, name: str | None = None, role: str | None = None,
           active: bool | None = None) -> Changes:
    require(ledger, Action.MANAGE_OPERATORS)
    current = _row(ledger, login)
    raw = {**current, **{k: v for k, v in {"name": name, "role": role}.items() if v is not None}}
    if active is not None:
        raw["active"] = int(active)
    form = check(ledger, raw, current["id"])
    form.raise_if_blocked()
    values = {k: form.values[k] for k in ("name", "role", "active")}
    with ledger.transaction():
        rows.update(ledger, TABLE, current["id"], values)
        _keep_an_admin(ledger)
    return Changes.of(TABLE, ids=(current["id"],))


def set_password(ledger: Ledger, login: str, password: str) -> Changes:
    """Admins set anyone's password; an operator may change their own."""
    if login != ledger.operator:
        require(ledger, Action.MANAGE_OPERATORS)
    current = _row(ledger, login)
    form = Form({})
    _check_password(form, password)
    form.raise_if_blocked()
    with ledger.transaction():
        rows.update(ledger, TABLE, current["id"], {"password_hash": hash_password(password)})
    return Changes.of(TABLE, ids=(current["id"],))


def _keep_an_admin(ledger: Ledger) -> None:
    left = ledger.conn.execute(
        f"SELECT count(*) FROM {TABLE} WHERE role = 'admin' AND active = 1").fetchone()[0]
    if not left:
        raise LedgerError("error.last_admin")


def _row(ledger: Ledger, login: str) -> dict[str, Any]:
    row = ledger.conn.execute(f"SELECT * FROM {TABLE} WHERE login = ?", (login,)).fetchone()
    if row is None:
        raise LedgerError("error.operator_unknown", login=login)
    return dict(row)


def _operator(row: Any) -> Operator:
    return Operator(row["id"], row["login"], row["name"], Role(row["role"]), bool(row["active"]))


def count(ledger: Ledger) -> int:
    return ledger.conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0]


def all_operators(ledger: Ledger) -> list[Operator]:
    """Every account, by the pinyin of its holder's name."""
    from .collation import by_name

    found = [_operator(r) for r in ledger.conn.execute(f"SELECT * FROM {TABLE} ORDER BY login")]
    return by_name(found, lambda op: op.name or op.login)


def find(ledger: Ledger, login: str) -> Operator | None:
    row = ledger.conn.execute(f"SELECT * FROM {TABLE} WHERE login = ?", (login,)).fetchone()
    return _operator(row) if row else None


# -- signing in

def sign_in(ledger: Ledger, login: str, password: str) -> Operator:
    """Check the password and act as that operator from now on; one message for any failure."""
    row = ledger.conn.execute(f"SELECT * FROM {TABLE} WHERE login = ?", (login,)).fetchone()
    # An unknown login costs the same scrypt run, so timing does not tell which logins exist.
    stored = row["password_hash"] if row else _decoy()
    matches = password_matches(password, stored)
    if row is None or not row["active"] or not matches:
        raise LedgerError("error.sign_in_failed")
    return act_as(ledger, _operator(row))


_decoys: dict[int, str] = {}


def _decoy() -> str:
    if SCRYPT_N not in _decoys:
        import secrets

        _decoys[SCRYPT_N] = hash_password(secrets.token_hex(16))
    return _decoys[SCRYPT_N]


def act_as(ledger: Ledger, operator: Operator) -> Operator:
    ledger.operator = operator.login
    ledger.role = operator.role.value
    return operator


def adopt_named(ledger: Ledger) -> None:
    """Without a password (the command line): an operator name that is an account acts with
    that account's role, never more. Once a ledger has accounts, any other name (or none)
    acts as a clerk; a ledger without accounts keeps the default (administrator)."""
    found = find(ledger, ledger.operator)
    if found:
        ledger.role = found.role.value if found.active else Role.CLERK.value
    elif count(ledger):
        ledger.role = Role.CLERK.value


def sign_in_required(ledger: Ledger) -> bool:
    """Once operators exist, the GUI signs someone in before anything else."""
    return count(ledger) > 0


# -- a single-user PC remembers its operator (kept on the PC, never in the ledger)

def _remembered_file() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("EcoLedger", appauthor=False)) / "remembered.json"


def remember(ledger_path: Path, login: str | None, file: Path | None = None) -> None:
    """Remember (or with None forget) who signs in to this ledger on this PC."""
    file = file or _remembered_file()
    data = _read_json(file)
    key = str(Path(ledger_path).resolve())
    if login:
        data[key] = login
    else:
        data.pop(key, None)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def remembered(ledger_path: Path, file: Path | None = None) -> str | None:
    return _read_json(file or _remembered_file()).get(str(Path(ledger_path).resolve()))


def _read_json(file: Path) -> dict[str, str]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def sign_in_remembered(ledger: Ledger, file: Path | None = None) -> Operator | None:
    """On a single-user PC: act as the remembered operator without a password, if still active."""
    login = remembered(ledger.path, file) if ledger.path else None
    found = find(ledger, login) if login else None
    if found and found.active:
        return act_as(ledger, found)
    return None

