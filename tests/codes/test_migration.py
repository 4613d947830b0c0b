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
from core.returns import figures, forms
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


def _as_before(after, before):
    """`after` with only the keys the release printed (figures added since are left out)."""
    if isinstance(before, dict) and isinstance(after, dict):
        return {k: _as_before(after.get(k), v) for k, v in before.items()}
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        return [_as_before(a, b) for a, b in zip(after, before)]
    return after


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
    after = _as_before(stats_object(statistics.breakdown(release, day, use_tally=use_tally)),
                       before)
    for key in before:
        if key in ("by_category", "by_source"):
            # the same counts per code; the names are now the ledger's labels
            assert _without_names(after[key]) == _without_names(before[key])
            assert all(e["name"] for e in after[key])
        else:
            assert after[key] == before[key], key
    assert after["by_category"][0]["name"] != ""


# The release's TOML column keys → the figure names of today's .xlsx forms.
_FORM_KEYS = {"rate": "clearance_rate", "five_month": "five_kinds:month",
              "five_year": "five_kinds:year", "five_last": "five_kinds:last_year",
              "five_change": "five_kinds:year_change", "daily_month": "daily_fine:month",
              "daily_year": "daily_fine:year", "daily_amount": "daily_fine_amount:year",
              "seizure_month": "seizure:month", "seizure_year": "seizure:year",
              "restriction_month": "restriction:month", "restriction_year": "restriction:year",
              "detention_month": "detention:month", "detention_year": "detention:year",
              "crime_month": "crime_transfer:month", "crime_year": "crime_transfer:year",
              "decisions_year": "cases:year", "fines_year": "fines:year"}


def test_returns_are_what_the_release_filled(release):
    def same(values, before):
        return {k: str(values[_FORM_KEYS.get(k, k)]) for k in before}

    for name, before in _expected()["returns"].items():
        filled = figures.compute(release, forms.find(release, name).template, "2026-12-01")
        rows = [[r.key, r.name, same(r.values, old[2])]
                for r, old in zip(filled.rows, before["rows"])]
        assert len(filled.rows) == len(before["rows"]) and rows == before["rows"], name
        assert same(filled.total.values, before["total"]) == before["total"], name


def test_categories_follow_the_ledger_after_migration(release):
    report = statistics.breakdown(release, "2026-12-01")
    order = [p.key for p in report.by["category"]]
    ranked = codes.order(release, "category")
    assert order == sorted(order, key=ranked.__getitem__)
    codes.move(release, "category", "other", 1)
    report = statistics.breakdown(release, "2026-12-01")
    if "other" in [p.key for p in report.by["category"]]:
        assert report.by["category"][0].key == "other"
