"""The rectification workflow: which status may follow which."""
from __future__ import annotations

from enum import Enum

from .errors import LedgerError
from .permissions import STATUS_ACTIONS


class Status(str, Enum):
    ASSIGNED = "assigned"            # 已交办
    IN_PROGRESS = "in_progress"      # 整改中
    STAGE_CONCLUDED = "stage_concluded"  # 阶段性办结
    REPORTED_DONE = "reported_done"  # 已完成待验收 / 已办结
    CLOSED = "closed"                # 已销号
    REOPENED = "reopened"            # 反弹


# The documented path, plus two ways back a verification needs: a report of "done" that
# fails verification goes back to work, and a reopened problem is worked on again.
# Settled in stage (阶段性办结: a plan stands, work goes on) is a halt on the way, still
# open: it goes on to reported done, or back to work; it never closes a problem by itself.
TRANSITIONS: dict[Status, tuple[Status, ...]] = {
    Status.ASSIGNED: (Status.IN_PROGRESS,),
    Status.IN_PROGRESS: (Status.REPORTED_DONE, Status.STAGE_CONCLUDED),
    Status.STAGE_CONCLUDED: (Status.REPORTED_DONE, Status.IN_PROGRESS),
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
