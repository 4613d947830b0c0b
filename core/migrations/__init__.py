"""The frozen history of the ledger's schema: one module per numbered step.

A step here runs only its own SQL, as it stood when the step was current; it imports
nothing from the rest of `core`, so that changing a feature never changes the history a
ledger file went through (and `core.schema` sits in no import circle). The open path
(`core.db.migrate`) may do more after the steps, e.g. re-create the audit triggers.
"""
from __future__ import annotations

import sqlite3


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script inside the current transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)


def statements(script: str) -> list[str]:
    """The statements of a script, each as written (leading comments included)."""
    out, statement = [], ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            out.append(statement.strip())
            statement = ""
    return out


def created(script: str, name: str) -> str:
    """The CREATE statement of object `name` in a frozen script, as that step ran it."""
    for statement in statements(script):
        words = " ".join(line for line in statement.splitlines()
                         if not line.lstrip().startswith("--")).replace("(", " ( ").split()
        if words[:1] == ["CREATE"] and name in words[1:7] and \
                words[words.index(name) - 1] in ("TABLE", "INDEX", "TRIGGER", "EXISTS"):
            return statement
    raise KeyError(name)


def sql_of(conn: sqlite3.Connection, kind: str, name: str) -> str | None:
    """The stored SQL of a table, index or trigger, white space made single blanks."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?",
                       (kind, name)).fetchone()
    return " ".join(row[0].split()) if row and row[0] else None


def same_sql(stored: str | None, statement: str) -> bool:
    """Whether the stored SQL is the one `statement` creates (comments and spacing aside)."""
    body = " ".join(" ".join(line for line in statement.rstrip(";").splitlines()
                             if not line.lstrip().startswith("--")).split())
    return stored == body


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
