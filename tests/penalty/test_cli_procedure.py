"""The case's procedure from the command line, as scripts drive it."""
from __future__ import annotations

import json

from .conftest import refused

CASE = "曲环罚〔2024〕21号"


def open_case(cli):
    run = cli("penalty", "add", "--case-number", CASE, "--violation", "超标排放废水",
              "--opened-on", "2024年1月10日", "--region", "曲沃县", "--fine", "100,000")
    assert run.code == 0, run.err
    return run.out.strip()


def test_a_case_from_opening_to_closure(cli):
    case_id = open_case(cli)
    for args in (("order", CASE, "--served-on", "2024-03-01"),
                 ("recheck", CASE, "--on", "2024-03-20", "--still-discharging"),
                 ("order", CASE, "--served-on", "2024-03-22"),
                 ("recheck", CASE, "--on", "2024-04-15", "--still-discharging"),
                 ("stage", CASE, "decided", "--on", "2024-03-25"),
                 ("stage", CASE, "served", "--on", "2024-03-28"),
                 ("seizure", CASE, "--from", "2024-04-01"),
                 ("seizure", CASE, "--from", "2024-04-01", "--extend-to", "2024-05-31"),
                 ("seizure", CASE, "--from", "2024-04-01", "--released-on", "2024-05-20")):
        run = cli("penalty", *args)
        assert run.code == 0, (args, run.err)
    shown = json.loads(cli("penalty", "show", CASE, "--json").out)
    # 19 days (3-02 … 3-20) + 26 days (3-21 … 4-15) = 45 days × 100,000 yuan.
    assert (shown["id"], shown["stage"], shown["daily_fine_days"], shown["daily_fine_total"]) == (
        case_id, "served", 45, "4500000")
    assert shown["seizures"][0]["extended_to"] == "2024-05-31"
    assert shown["seizures"][0]["released_on"] == "2024-05-20"
    assert cli("penalty", "stage", CASE, "paid", "--on", "2024-04-10").code == 0
    assert cli("penalty", "stage", CASE, "closed", "--on", "2024-05-30").code == 0
    assert json.loads(cli("penalty", "show", CASE, "--json").out)["stage"] == "closed"
    text = cli("penalty", "show", CASE).out
    assert "结案" in text and "2024-04-15  计罚 2024-03-21 至 2024-04-15，共 26 日" in text


def test_clocks_as_json(cli):
    open_case(cli)  # 立案 2024-01-10: a decision due 2024-04-09
    cli("penalty", "order", CASE, "--served-on", "2024-03-01")  # recheck due 3-31
    found = json.loads(cli("penalty", "clocks", "--on", "2024-03-25", "--json").out)
    assert [(c["case_number"], c["clock"], c["due_on"], c["days_left"]) for c in found] == [
        (CASE, "recheck", "2024-03-31", 6), (CASE, "decision", "2024-04-09", 15)]
    soon = json.loads(cli("penalty", "clocks", "--on", "2024-03-25", "--due-within", "7",
                          "--json").out)
    assert [c["clock"] for c in soon] == ["recheck"]
    table = cli("penalty", "clocks", "--on", "2024-03-25").out
    assert "复查" in table and "作出处罚决定" in table and "2024-04-09" in table


def test_mistakes_are_one_line_and_write_nothing(cli, snapshot):
    open_case(cli)
    before = snapshot()
    assert refused(cli("penalty", "recheck", CASE, "--on", "2024-03-20", "--corrected"),
                   "没有送达责令改正")
    assert refused(cli("penalty", "seizure", CASE, "--from", "2024-04-01", "--to", "2024-05-20"),
                   "30 日", "2024-05-01")
    assert refused(cli("penalty", "stage", CASE, "decided", "--on", "2023-12-31"), "立案")
    assert refused(cli("penalty", "clocks", "--due-within", "-1"), "--due-within")
    assert refused(cli("penalty", "order", "曲环罚〔1999〕1号", "--served-on", "2024-03-01"),
                   "找不到处罚案件")
    assert snapshot() == before


def test_a_clerk_may_not_extend_a_seizure(cli, staffed):
    open_case(cli)
    assert cli("penalty", "seizure", CASE, "--from", "2024-04-01", operator="li").code == 0
    assert refused(cli("penalty", "seizure", CASE, "--from", "2024-04-01", "--extend-to",
                       "2024-05-31", operator="li"), "批准延期", "录入员")
    assert cli("penalty", "seizure", CASE, "--from", "2024-04-01", "--extend-to",
               "2024-05-31", operator="wang").code == 0



def test_a_manager_takes_back_a_mistaken_recheck_and_the_count_follows(cli, staffed):
    open_case(cli)
    cli("penalty", "order", CASE, "--served-on", "2024-03-01")
    cli("penalty", "recheck", CASE, "--on", "2024-03-20", "--still-discharging")
    assert refused(cli("penalty", "undo", CASE, "--recheck", "2024-03-20", operator="li"),
                   "删除记录")
    assert cli("penalty", "undo", CASE, "--recheck", "2024-03-20", operator="wang").code == 0
    shown = json.loads(cli("penalty", "show", CASE, "--json").out)
    assert (shown["daily_fine_days"], shown["daily_fine_total"], shown["rechecks"]) == (0, "0", [])
    assert (shown["daily_fine_fen"], shown["daily_fine"]) == (0, 0)  # what returns add up
    assert refused(cli("penalty", "undo", CASE, "--order", "2024-03-02", operator="wang"),
                   "2024-03-02")
    assert cli("penalty", "undo", CASE, "--stage", "opened").code == 1  # the only date it has


def test_cases_listed_by_opening_or_by_decision(cli):
    open_case(cli)  # 立案 2024-01-10, not decided
    cli("penalty", "add", "--case-number", "曲环罚〔2024〕22号", "--violation", "未批先建",
        "--opened-on", "2023-12-20", "--on", "2024-01-15", "--region", "曲沃县")
    def listed(*args):
        return [json.loads(line)["case_number"] for line in cli("penalty", "list", *args,
                                                                 "--json").lines]
    assert listed("--from", "2024-01-01", "--to", "2024-01-31") == ["曲环罚〔2024〕22号"]
    assert listed("--by", "opened", "--from", "2024-01-01", "--to", "2024-01-31") == [CASE]
    stages = {(r := json.loads(line))["case_number"]: r["stage"]
              for line in cli("penalty", "list", "--json").lines}
    assert stages == {CASE: "opened", "曲环罚〔2024〕22号": "decided"}
