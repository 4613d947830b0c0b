"""The command line over the model: text deadlines, settled vs closed, acceptance, numbers."""
from __future__ import annotations

import json

from core import problems

from .conftest import refused


def _add(cli, *more: str) -> str:
    run = cli("problem", "add", "--source", "中央生态环境保护督察", "--region", "曲沃县",
              "--category", "扬尘", "--description", "物料堆场未全封闭", "--on", "2025-09-26",
              *more)
    assert run.code == 0, run.err
    return run.out.strip()


def test_ongoing_and_working_day_deadlines_from_the_command_line(cli, ledger):
    ongoing = _add(cli, "--deadline", "长期坚持")
    working = _add(cli, "--deadline", "20个工作日")
    assert (problems.get(ledger, ongoing)["deadline_kind"],
            problems.get(ledger, ongoing)["deadline"]) == ("ongoing", None)
    assert problems.get(ledger, working)["deadline"] == "2025-10-30"  # over National Day
    shown = json.loads(cli("problem", "show", working, "--json").out)
    assert shown["deadline_as_written"] == "2025-10-30（20个工作日）"
    figures = json.loads(cli("stats", "--json").out)  # today: long after 2025-10-30
    assert (figures["assigned"], figures["overdue"], figures["ongoing"]) == (2, 1, 1)


def test_a_vague_deadline_is_kept_with_a_warning_on_stderr(cli, ledger):
    run = cli("problem", "add", "--source", "complaint", "--region", "曲沃县", "--category", "扬尘",
              "--description", "燃煤锅炉未淘汰", "--on", "2025-09-01", "--deadline", "采暖期前")
    assert run.code == 0
    assert "采暖期前" in run.err and "请尽快确定" in run.err
    assert problems.get(ledger, run.out.strip())["deadline_text"] == "采暖期前"


def test_a_deadline_the_calendar_cannot_count_yet_is_one_clear_line(cli):
    run = cli("problem", "add", "--source", "complaint", "--region", "曲沃县", "--category", "扬尘",
              "--description", "x", "--on", "2026-12-28", "--deadline", "20个工作日内")
    assert refused(run, "整改时限", "2027年", "尚未收录")


def test_stats_json_keeps_the_three_kinds_of_done_apart_and_they_add_up(cli, ledger):
    rows = [_add(cli, "--deadline", "2025年底前，并长期坚持") for _ in range(4)]
    for row, path in zip(rows, (["in_progress", "stage_concluded"], ["in_progress", "reported_done"],
                                ["in_progress", "reported_done", "closed"], [])):
        for step in path:
            extra = ["--accepted-by", "赵志强", "--opinion", "同意销号"] if step == "closed" else []
            assert cli("problem", "move", row, step, "--on", "2025-10-09", *extra).code == 0
    figures = json.loads(cli("stats", "--json", "--as-of", "2025-10-10").out)
    assert (figures["closed"], figures["reported_done"], figures["stage_concluded"],
            figures["unsettled"]) == (1, 1, 1, 1)
    for key, entries in figures.items():
        if not key.startswith("by_"):
            continue
        for entry in [figures, *entries]:
            assert {"closed", "reported_done", "stage_concluded"} <= set(entry)
            assert entry["closed"] + entry["reported_done"] + entry["stage_concluded"] \
                + entry["unsettled"] == entry["assigned"], (key, entry)


def test_closing_from_the_command_line_records_the_acceptance(cli, ledger, tmp_path):
    row = _add(cli, "--deadline", "立行立改", "--complaint-number", "D3SX202505280018")
    for step in ("in_progress", "reported_done"):
        assert cli("problem", "move", row, step, "--on", "2025-09-27").code == 0
    assert refused(cli("problem", "move", row, "closed", "--on", "2025-09-28"), "验收人", "验收意见")
    photo = tmp_path / "after.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    assert cli("problem", "move", "D3SX202505280018", "closed", "--on", "2025-09-28",
               "--accepted-by", "赵志强", "--accepted-unit", "曲沃县生态环境分局",
               "--opinion", "经现场核查整改到位", "--photo", str(photo)).code == 0
    shown = json.loads(cli("problem", "show", row, "--json").out)
    assert (shown["accepted_on"], shown["accepted_by"], shown["accepted_unit"], shown["opinion"]) \
        == ("2025-09-28", "赵志强", "曲沃县生态环境分局", "经现场核查整改到位")
    text = cli("problem", "show", row).out
    assert "验收人" in text and "赵志强" in text and "受理编号" in text


def test_numbers_given_and_the_pattern_set_from_the_command_line(cli, ledger):
    assert problems.get(ledger, _add(cli, "--deadline", "2025-12-31"))["number"] == "141021-000001"
    assert cli("settings", "set", "problem_number_pattern", "QW-{year}-{seq:03d}").code == 0
    assert problems.get(ledger, _add(cli, "--deadline", "2025-12-31"))["number"] == "QW-2025-001"
    assert refused(cli("settings", "set", "problem_number_pattern", "QW"), "编号规则")
