"""A ledger made by the release before the code lists and units opens, migrates and gives
the same figures as that release gave (the figures it printed are stored beside it)."""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from core import codes, regions, statistics
from core.cli.ledger_commands import stats_object
from core.ledger import Ledger
from core.returns import figures, templates
from core.schema import SCHEMA_VERSION

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def release(tmp_path):
    path = tmp_path / "old.db"
    with gzip.open(FIXTURES / "release_ledger.db.gz") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    opened = Ledger.open(path, operator="测试员")
    yield opened
    opened.close()


def _expected() -> dict:
    return json.loads((FIXTURES / "release_figures.json").read_text(encoding="utf-8"))


def _without_names(entries: list[dict]) -> dict[str, dict]:
    return {e["code"]: {k: v for k, v in e.items() if k != "name"} for e in entries}


def test_the_old_ledger_is_migrated(release):
    assert release.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert [e.code for e in codes.entries(release, "category")][:3] == \
        ["scattered_polluting", "loose_coal", "dust"]
    assert regions.get(release, "141021").name == "曲沃县"
    assert release.conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("day", ["2026-10-15", "2026-12-01"])
@pytest.mark.parametrize("use_tally", [True, False])
def test_stats_are_what_the_release_printed(release, day, use_tally):
    before = _expected()["stats"][day]
    after = stats_object(statistics.progress(release, day, use_tally=use_tally))
    for key in before:
        if key in ("by_category", "by_source"):
            # the same counts per code; the names are now the ledger's labels
            assert _without_names(after[key]) == _without_names(before[key])
            assert all(e["name"] for e in after[key])
        else:
            assert after[key] == before[key], key
    assert after["by_category"][0]["name"] != ""


def test_returns_are_what_the_release_filled(release):
    for name, before in _expected()["returns"].items():
        filled = figures.compute(release, templates.load(name), "2026-12-01")
        rows = [[r.key, r.name, {k: str(v) for k, v in r.values.items()}] for r in filled.rows]
        assert rows == before["rows"], name
        assert {k: str(v) for k, v in filled.total.values.items()} == before["total"], name


def test_categories_follow_the_ledger_after_migration(release):
    report = statistics.progress(release, "2026-12-01")
    order = [p.key for p in report.by["category"]]
    ranked = codes.order(release, "category")
    assert order == sorted(order, key=ranked.__getitem__)
    codes.move(release, "category", "other", 1)
    report = statistics.progress(release, "2026-12-01")
    if "other" in [p.key for p in report.by["category"]]:
        assert report.by["category"][0].key == "other"
