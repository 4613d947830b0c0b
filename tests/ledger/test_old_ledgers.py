"""Ledger files made by every earlier release open, migrate and give the same figures.

The files in tests/fixtures/old_ledgers/ were written by the code of each release that
changed the schema (tests/fixtures/old_ledgers/make.py, run in a worktree of that commit);
beside each is the `stats --json` that release computed on three dates.
"""
from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from core import db, integrity
from core.cli import main
from core.ledger import Ledger
from core.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent.parent / "fixtures" / "old_ledgers"
OLD_VERSIONS = range(1, 10)  # the versions releases shipped before the freeze


def _unpack(version: int, folder: Path) -> Path:
    target = folder / f"v{version}.db"
    with gzip.open(FIXTURES / f"v{version}.db.gz", "rb") as packed, open(target, "wb") as out:
        shutil.copyfileobj(packed, out)
    return target


def normalised_schema(path: Path) -> list[tuple]:
    """sqlite_master as (type, name, table, SQL with runs of white space made one blank and
    none around brackets and commas: ALTER TABLE rewrites a table's text that way)."""
    with Ledger.open(path) as ledger:
        rows = ledger.conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    return [(t, n, tbl, _squeeze(sql or "")) for t, n, tbl, sql in rows]


def _squeeze(sql: str) -> str:
    return re.sub(r"\s*([(),])\s*", r"\1", re.sub(r"\s+", " ", sql)).strip()


def _stats(path: Path, day: str) -> dict:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(path), "stats", "--json", "--as-of", day]) == 0
    return json.loads(out.getvalue())


def _same_figures(old: dict, new: dict, where: str) -> None:
    """Every figure the old release gave is there, equal; new figures may be added."""
    for key, value in old.items():
        if key.startswith("by_"):
            rows = {row["code"]: row for row in new[key]}
            for row in value:
                _same_figures(row, rows[row["code"]], f"{where} {key} {row['code']}")
        else:
            assert new[key] == value, f"{where}: {key}"


@pytest.fixture(scope="module")
def fresh_schema(tmp_path_factory):
    return normalised_schema(tmp_path_factory.mktemp("fresh") / "fresh.db")


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_ledger_migrates_to_the_schema_of_a_fresh_one(version, tmp_path, fresh_schema):
    path = _unpack(version, tmp_path)
    assert _version_on_disk(path) == version
    assert normalised_schema(path) == fresh_schema
    with Ledger.open(path) as ledger:
        assert db.schema_version(ledger.conn) == SCHEMA_VERSION
        assert integrity.check(ledger) == []  # audit chain, foreign keys, tallies


def _version_on_disk(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_ledger_gives_the_figures_its_release_gave(version, tmp_path):
    path = _unpack(version, tmp_path)
    stored = json.loads((FIXTURES / f"v{version}.json").read_text(encoding="utf-8"))
    for day, figures in stored.items():
        _same_figures(figures, _stats(path, day), f"v{version} on {day}")


def test_every_earlier_version_has_a_file():
    assert sorted(int(p.name[1:].split(".")[0]) for p in FIXTURES.glob("v*.db.gz")) == \
        list(OLD_VERSIONS)
