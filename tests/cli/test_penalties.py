"""Penalty cases from the command line: yuan in, fen kept, special measures as flags."""
from __future__ import annotations

import json

import pytest

from core import penalties

from .conftest import refused

CASE = "临环罚〔2024〕12号"


@pytest.fixture
def works(cli):
    return cli("enterprise", "add", "--name", "高平市某焦化厂", "--region", "高平市").out.strip()


@pytest.fixture
def case(cli, works):
    run = cli("penalty", "add", "--case-number", CASE, "--violation", "超标排放大气污染物",
              "--on", "2024年8月10日", "--enterprise", "高平市某焦化厂", "--fine", "35,550,000",
              "--seizure", "--restriction")
    assert run.code == 0, run.err
    return run.out.strip()


def test_penalty_add_keeps_fen_and_the_enterprises_county(ledger, works, case):
    row = penalties.get(ledger, case)
    assert (row["case_number"], row["enterprise_id"], row["region_code"], row["decided_on"],
            row["fine_fen"], row["seizure"], row["restriction"], row["detention"]) == (
        CASE, works, "140581", "2024-08-10", 3_555_000_000, 1, 1, 0)


def test_penalty_update_list_show(cli, ledger, case):
    assert cli("penalty", "update", CASE, "--daily-fine-amount", "10000", "--no-seizure",
               "--detention").code == 0
    row = penalties.get(ledger, case)
    assert (row["daily_fine"], row["daily_fine_fen"], row["seizure"], row["detention"],
            row["fine_fen"]) == (1, 1_000_000, 0, 1, 3_555_000_000)
    cli("penalty", "add", "--case-number", "临环罚〔2024〕13号", "--violation", "未批先建",
        "--on", "2024-9-1", "--region", "泽州县", "--fine", "200000")

    table = cli("penalty", "list")
    assert CASE in table.out and "35,550,000.00" in table.out and "移送行政拘留" in table.out
    found = [json.loads(line) for line in cli("penalty", "list", "--to", "2024-8-31",
                                             "--json").lines]
    assert [(f["case_number"], f["fine_fen"], f["measures"]) for f in found] == [
        (CASE, 3_555_000_000, ["daily_fine", "restriction", "detention"])]
    assert cli("penalty", "list", "--region", "晋城市", "--count").out == "2\n"
    assert cli("penalty", "list", "--search", "未批先建", "--count").out == "1\n"

    shown = cli("penalty", "show", CASE)
    assert "35,550,000.00" in shown.out and "山西省晋城市高平市" in shown.out
    data = json.loads(cli("penalty", "show", case, "--json").out)
    assert (data["fine_fen"], data["fine_yuan"], data["daily_fine_yuan"]) == (
        3_555_000_000, "35550000", "10000")


@pytest.mark.parametrize("args,words", [
    (["--case-number", CASE], ["案件文号", "已存在"]),
    (["--fine", "三万"], ["罚款金额", "三万"]),
    (["--fine", "-5"], ["金额不能为负数"]),
    (["--on", "2024-02-30"], ["处罚决定日期", "2024-02-30"]),
    (["--region", "火星县"], ["所属区县", "火星县"]),
    (["--problem", "临环督〔2024〕404号"], ["找不到问题"]),
])
def test_penalty_mistakes_write_nothing(cli, snapshot, case, args, words):
    typed = {"--case-number": "临环罚〔2024〕20号", "--violation": "超标排放",
             "--on": "2024-8-10", "--region": "140581"}
    typed.update(zip(args[::2], args[1::2]))
    before = snapshot()
    assert refused(cli("penalty", "add", *[x for pair in typed.items() for x in pair]), *words)
    assert snapshot() == before


def test_penalty_update_and_show_of_an_unknown_case(cli, snapshot, case):
    before = snapshot()
    assert refused(cli("penalty", "update", "临环罚〔1999〕1号", "--fine", "1"), "找不到处罚案件")
    assert refused(cli("penalty", "update", CASE, "--on", "2024年13月1日"), "处罚决定日期")
    assert refused(cli("penalty", "list", "--from", "昨天"), "--from", "昨天")
    assert snapshot() == before
