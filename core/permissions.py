"""Who may do what: every rule is one entry of `RULES` (action → the roles allowed), and
every core write that a role may be refused calls `require` — whichever front end (GUI,
command line, Excel import, exchange file) asked for it.

A ledger nobody signed in to (scripts, tests, the command line without an account name)
acts as an administrator, as before accounts existed; see `core.ledger.DEFAULT_ROLE`.
"""
from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger


class Role(str, Enum):
    CLERK = "clerk"      # enters and updates
    MANAGER = "manager"  # also verifies and closes, approves extensions, deletes
    ADMIN = "admin"      # also manages operators and settings

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class Action(str, Enum):
    """An action a role may be refused; its label is the message `action.<value>`."""

    CLOSE = "problem.close"
    REOPEN = "problem.reopen"
    APPROVE_EXTENSION = "extension.approve"
    REFUSE_EXTENSION = "extension.refuse"
    DELETE = "record.delete"             # a row of any other kind entered by mistake
    DELETE_PROBLEM = "problem.delete"
    DELETE_MEASURE = "measure.delete"
    DELETE_PENALTY = "penalty.delete"
    DELETE_INSPECTION = "inspection.delete"
    SITE_RENAME = "exchange.site_rename"
    NEW_SITE_ID = "exchange.new_site_id"
    RESOLVE_CONFLICT = "exchange.resolve"
    CONFIRM_PARTNER = "exchange.confirm_partner"
    REMOVE_PARTNER_ROWS = "exchange.remove_partner_rows"
    CODES = "codes.edit"                 # code lists (categories, sources …)
    UNITS = "units.edit"                 # units beyond the counties (开发区, 市直单位, 乡镇)
    RANDOM_APPROVE_PLAN = "random.approve_plan"  # approve a 双随机 plan before its draw
    RANDOM_REDRAW = "random.redraw"              # draw a plan again, with a reason
    SETTINGS = "settings.bureau"         # jurisdiction, unit, its head, backups
    RESTORE = "backup.restore"
    MANAGE_OPERATORS = "operators.manage"


_MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})
_ADMINS = frozenset({Role.ADMIN})

# The whole rule book: one line per rule.
RULES: dict[Action, frozenset[Role]] = {
    Action.CLOSE: _MANAGERS,
    Action.REOPEN: _MANAGERS,
    Action.APPROVE_EXTENSION: _MANAGERS,
    Action.REFUSE_EXTENSION: _MANAGERS,
    Action.DELETE: _MANAGERS,
    Action.DELETE_PROBLEM: _MANAGERS,
    Action.DELETE_MEASURE: _MANAGERS,
    Action.DELETE_PENALTY: _MANAGERS,
    Action.DELETE_INSPECTION: _MANAGERS,
    Action.SITE_RENAME: _ADMINS,
    Action.NEW_SITE_ID: _ADMINS,
    Action.RESOLVE_CONFLICT: _MANAGERS,
    Action.CONFIRM_PARTNER: _MANAGERS,
    Action.REMOVE_PARTNER_ROWS: _MANAGERS,
    Action.CODES: _MANAGERS,
    Action.UNITS: _MANAGERS,
    Action.RANDOM_APPROVE_PLAN: _MANAGERS,
    Action.RANDOM_REDRAW: _MANAGERS,
    Action.SETTINGS: _ADMINS,
    Action.RESTORE: _ADMINS,
    Action.MANAGE_OPERATORS: _ADMINS,
}

# The delete rule for each kind of row.
DELETE_ACTIONS = {"problem": Action.DELETE_PROBLEM, "measure": Action.DELETE_MEASURE,
                  "penalty_case": Action.DELETE_PENALTY, "inspection": Action.DELETE_INSPECTION}

# The workflow steps that are a manager's decision (the other steps are anyone's).
STATUS_ACTIONS = {"closed": Action.CLOSE, "reopened": Action.REOPEN}


def role_of(ledger: "Ledger") -> Role:
    return Role(getattr(ledger, "role", Role.ADMIN.value))


def can(ledger: "Ledger", action: Action | str) -> bool:
    """Whether the signed-in operator may do `action` (the GUI hides what is refused)."""
    return role_of(ledger) in RULES[Action(action)]


def require(ledger: "Ledger", action: Action | str) -> None:
    """Refuse `action` with a readable reason unless the operator's role allows it."""
    action = Action(action)
    if not can(ledger, action):
        lowest = min(RULES[action], key=lambda r: r.rank)
        raise LedgerError("error.role_refused", action=label(action),
                          role=_label(f"role.{role_of(ledger).value}"),
                          needed=_label(f"role.{lowest.value}"))


def may_move_to(ledger: "Ledger", status: str) -> bool:
    """Whether the operator may move a problem to `status` (a closing or reopening)."""
    action = STATUS_ACTIONS.get(str(getattr(status, "value", status)))
    return action is None or can(ledger, action)


def require_move_to(ledger: "Ledger", status: str) -> None:
    action = STATUS_ACTIONS.get(str(getattr(status, "value", status)))
    if action is not None:
        require(ledger, action)


def role_label(ledger: "Ledger") -> str:
    return _label(f"role.{role_of(ledger).value}")


def label(action: Action | str) -> str:
    return _label(f"action.{Action(action).value}")


def _label(code: str) -> str:
    from . import messages

    return messages.label(code)
