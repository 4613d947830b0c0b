"""Errors a user can cause and read: each carries a message code and its parameters."""
from __future__ import annotations

import errno
from dataclasses import dataclass, field

from . import messages


class LedgerError(Exception):
    """Something the user asked for that the ledger refuses; str() is the message."""

    def __init__(self, code: str, /, **params: object):
        self.code = code
        self.params = params
        super().__init__(code)

    def __str__(self) -> str:
        return messages.text(self.code, **self.params)


@dataclass(frozen=True)
class Issue:
    """One finding of validation about one field."""

    field: str
    code: str
    params: dict = field(default_factory=dict)
    warning: bool = False

    @property
    def message(self) -> str:
        return messages.text(self.code, **self.params)

    @property
    def field_label(self) -> str:
        """The field's name as the user sees it; nested fields (problems[1].deadline) say which."""
        if self.field.startswith("problems[") and "]." in self.field:
            index, name = self.field[len("problems["):].split("].", 1)
            return messages.text("label.nested_problem", number=int(index) + 1,
                                 field=messages.label("field." + name))
        return messages.label("field." + self.field)

    def __str__(self) -> str:
        return f"{self.field_label}：{self.message}"


class ValidationError(LedgerError):
    """A record failed validation; `issues` lists every blocking finding."""

    def __init__(self, issues: list[Issue]):
        self.issues = [issue for issue in issues if not issue.warning]
        super().__init__("error.validation")

    def __str__(self) -> str:
        return "；".join(str(issue) for issue in self.issues)


class NotFound(LedgerError):
    def __init__(self, kind: str, key: object):
        super().__init__("error.not_found", kind=messages.label("kind." + kind), key=key)


def is_disk_full(exc: BaseException) -> bool:
    """Whether `exc` says the disk (or the user's quota) is full, from the OS or SQLite."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    code = getattr(exc, "sqlite_errorcode", None)
    return code == 13 or "database or disk is full" in str(exc)  # SQLITE_FULL
