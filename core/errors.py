"""Errors a user can cause and read: each carries a message code and its parameters."""
from __future__ import annotations

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

    def __str__(self) -> str:
        return f"{messages.label('field.' + self.field)}: {self.message}"


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
