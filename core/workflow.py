"""The rectification workflow: which status may follow which."""
from __future__ import annotations

from enum import Enum

from .errors import LedgerError
from .permissions import STATUS_ACTIONS


class Status(str, Enum):
    ASSIGNED = "assigned"            # 已交办
    IN_PROGRESS = "in_progress"      # 整改中
    REPORTED_DONE = "reported_done"  # 已完成待验收
    CLOSED = "closed"                # 已销号
    REOPENED = "reopened"            # 反弹


# The documented path, plus two ways back a verification needs: a report of "done" that
# fails verification goes back to work, and a reopened problem is worked on again.
TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    Status.ASSIGNED: (Status.IN_PROGRESS,),
    Status.IN_PROGRESS: (Status.REPORTED_DONE,),
    Status.REPORTED_DONE: (Status.CLOSED, Status.IN_PROGRESS),
    Status.CLOSED: (Status.REOPENED,),
    Status.REOPENED: (Status.IN_PROGRESS,),
}

# Closing and reopening are a manager's decision, not a clerk's (the rule: core.permissions).
MANAGER_ONLY = frozenset(Status(s) for s in STATUS_ACTIONS)


def allowed(current: str) -> tuple[Status, ...]:
    """The statuses a problem in `current` may move to next."""
    return TRANSITIONS[Status(current)]


def check(current: str, target: str) -> Status:
    """Return the target status, or raise with the reason the move is refused."""
    try:
        to = Status(target)
    except ValueError:
        raise LedgerError("error.status_unknown", status=target) from None
    here = Status(current)
    if to not in TRANSITIONS[here]:
        raise LedgerError(
            "error.transition_refused",
            current=_label(here), target=_label(to),
            allowed="、".join(_label(s) for s in TRANSITIONS[here]),
        )
    return to


def _label(status: Status) -> str:
    from . import messages

    return messages.label("status." + status.value)
