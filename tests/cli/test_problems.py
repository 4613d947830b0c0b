"""Problems, their workflow and their measures from the command line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from core import problems, rows

from .conftest import refused

NUMBER = "临环督〔2024〕7号"


@pytest.fixture
def problem(cli):
    """An assigned problem in 曲沃县 with a number; its id."""
    run = cli("problem", "add", "--number", NUMBER, "--source", "督办函交办", "--region", "曲沃县",
              "--category", "扬尘", "--description", "料场未苫盖，道路扬尘严重",
              "--on", "2024年8月5日", "--deadline", "2024-9-1",
              "--responsible-unit", "曲沃县生态环境分局", "--responsible-person", "王五")
    assert run.code == 0, run.err
    return run.out.strip()


def test_problem_add_as_typed(ledger, problem):
    row = problems.get(ledger, problem)
    assert (row["number"], row["source"], row["region_code"], row["category"],
            row["assigned_on"], row["deadline"], row["status"], row["responsible_person"]) == (
        NUMBER, "supervision_letter", "141021", "dust", "2024-08-05", "2024-09-01",
        "assigned", "王五")


@pytest.mark.parametrize("change,words", [
    ({"--on": "2024-13-01"}, ["交办日期", "2024-13-01", "不是有效日期"]),
    ({"--region": "999999"}, ["所属区县", "999999", "不存在"]),
    ({"--region": "火星县"}, ["所属区县", "火星县"]),
    ({"--category": "光污染"}, ["问题类别", "光污染", "不是可选的问题类别", "扬尘"]),
    ({"--deadline": "2024-8-1"}, ["整改时限 2024-08-01 早于交办日期"]),
    ({"--description": ""}, ["问题描述", "必填"]),
    ({"--batch": "晋环督函〔2099〕1号"}, ["找不到批次"]),
])
def test_problem_add_refused_writes_nothing(cli, snapshot, change, words):
    typed = {"--source": "complaint", "--region": "141021", "--category": "dust",
             "--description": "道路扬尘", "--on": "2024-8-5", "--deadline": "2024-9-1", **change}
    before = snapshot()
    assert refused(cli("problem", "add", *[x for pair in typed.items() for x in pair]), *words)
    assert snapshot() == before


def test_problem_list_filters_search_and_json(cli, problem):
    cli("problem", "add", "--source", "complaint", "--region", "尧都区", "--category", "噪声",
        "--description", "夜间施工噪声", "--on", "2024-8-6", "--deadline", "2099-1-1")
    table = cli("problem", "list")
    assert NUMBER in table.out and "夜间施工噪声" in table.out and "共 2 条，显示 2 条" in table.out
    assert cli("problem", "list", "--overdue", "--count").out == "1\n"
    assert cli("problem", "list", "--region", "临汾市", "--count").out == "2\n"
    assert cli("problem", "list", "--region", "尧都区", "--count").out == "1\n"
    assert cli("problem", "list", "--category", "扬尘", "--count").out == "1\n"
    assert cli("problem", "list", "--status", "整改中", "--count").out == "0\n"
    assert cli("problem", "list", "--from", "2024年8月6日", "--count").out == "1\n"
    found = [json.loads(line) for line in cli("problem", "list", "--search", "料场", "--json").lines]
    assert [(f["id"], f["number"], f["status"], f["overdue"]) for f in found] == [
        (problem, NUMBER, "assigned", True)]
    limited = cli("problem", "list", "--sort", "deadline", "--desc", "--limit", "1")
    assert "夜间施工噪声" in limited.out and NUMBER not in limited.out
    assert "共 2 条，显示 1 条" in limited.out


@pytest.mark.parametrize("args,words", [
    (["--status", "差不多"], ["未知的整改状态", "差不多"]),
    (["--region", "火星"], ["火星", "不存在"]),
    (["--from", "2024-99-1"], ["--from", "2024-99-1"]),
    (["--limit", "many"], ["--limit"]),
])
def test_problem_list_mistakes(cli, args, words):
    assert refused(cli("problem", "list", *args), *words)


def test_the_workflow_by_number_with_roles(cli, ledger, staffed, problem, snapshot):
    assert cli("problem", "move", NUMBER, "in_progress", "--on", "2024-8-6",
               operator="li").code == 0
    assert cli("problem", "move", NUMBER, "已完成待验收", "--on", "2024-8-20",
               "--note", "已全部苫盖", operator="li").code == 0
    before = snapshot()
    assert refused(cli("problem", "move", NUMBER, "closed", "--on", "2024-8-25", operator="li"),
                   "需要科室负责人权限", "录入员")
    assert refused(cli("problem", "move", NUMBER, "反弹", operator="wang"),
                   "不能从“已完成待验收”变为“反弹”")
    assert refused(cli("problem", "move", NUMBER, "closed", "--on", "2024-8-1", operator="wang"),
                   "早于上一次记录的日期")
    assert refused(cli("problem", "move", "临环督〔2024〕99号", "closed"), "找不到问题")
    assert snapshot() == before
    assert cli("problem", "move", NUMBER, "closed", "--on", "2024-8-25", "--accepted-by", "赵志强",
               "--opinion", "同意销号", operator="wang").code == 0
    row = problems.get(ledger, problem)
    assert (row["status"], row["done_on"], row["closed_on"]) == ("closed", "2024-08-20",
                                                                "2024-08-25")

    shown = cli("problem", "show", NUMBER)
    assert "已完成待验收 → 已销号" in shown.out and "已全部苫盖" in shown.out
    assert "山西省临汾市曲沃县" in shown.out and "反弹" in shown.out
    data = json.loads(cli("problem", "show", problem, "--json").out)
    assert data["allowed"] == ["reopened"] and data["region"] == "山西省临汾市曲沃县"
    assert [e["status_to"] for e in data["timeline"]] == [
        "assigned", "in_progress", "reported_done", "closed"]


def test_update_note_withdraw(cli, ledger, problem, snapshot):
    assert cli("problem", "update", NUMBER, "--deadline", "2024年9月15日",
               "--responsible-person", "").code == 0
    row = problems.get(ledger, problem)
    assert (row["deadline"], row["deadline_in_force"], row["responsible_person"]) == (
        "2024-09-15", "2024-09-15", None)
    before = snapshot()
    assert refused(cli("problem", "update", NUMBER, "--deadline", "2024-7-1"), "早于交办日期")
    assert refused(cli("problem", "note", NUMBER, "  "), "进展说明不能为空")
    assert refused(cli("problem", "withdraw", NUMBER, "--reason", ""), "必须说明理由")
    assert snapshot() == before
    assert cli("problem", "note", NUMBER, "企业已采购防尘网", "--on", "2024-8-10").code == 0
    assert cli("problem", "withdraw", problem, "--reason", "重复交办", "--on", "2024-8-12").code == 0
    row = problems.get(ledger, problem)
    assert (row["withdrawn_on"], row["withdrawn_reason"]) == ("2024-08-12", "重复交办")
    assert [e["note"] for e in problems.timeline(ledger, problem)][1:] == [
        "企业已采购防尘网", "重复交办"]
    assert refused(cli("problem", "move", NUMBER, "in_progress"), "已撤销交办")


def test_a_number_two_problems_share_is_refused(cli, problem, snapshot):
    cli("problem", "add", "--number", NUMBER, "--source", "complaint", "--region", "141021",
        "--category", "dust", "--description", "另一处扬尘", "--on", "2024-8-5",
        "--deadline", "2024-9-1")
    before = snapshot()
    assert refused(cli("problem", "move", NUMBER, "in_progress"), NUMBER, "2 条问题", "ID")
    assert cli("problem", "move", problem, "in_progress", "--on", "2024-8-6").code == 0


def test_delete_is_a_managers_and_spares_a_penalised_problem(cli, ledger, staffed, problem,
                                                              snapshot):
    before = snapshot()
    assert refused(cli("problem", "delete", NUMBER, operator="li"), "删除问题", "科室负责人")
    assert snapshot() == before
    case = cli("penalty", "add", "--case-number", "临环罚〔2024〕3号", "--violation", "扬尘污染",
               "--on", "2024-8-10", "--region", "141021", "--problem", NUMBER).out.strip()
    before = snapshot()
    assert refused(cli("problem", "delete", NUMBER, operator="wang"), "临环罚〔2024〕3号", "不能删除")
    assert snapshot() == before
    rows.delete(ledger, "penalty_case", case)
    assert cli("problem", "delete", NUMBER, operator="wang").code == 0
    assert ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0] == 0


def test_measures(cli, ledger, staffed, problem, snapshot):
    first = cli("measure", "add", NUMBER, "--description", "料场全部苫盖",
                "--deadline", "2024-8-20", "--responsible", "王五", "--progress", "30")
    assert first.code == 0, first.err
    second = cli("measure", "add", problem, "--description", "道路每日洒水两次").out.strip()
    measures = problems.measures(ledger, problem)
    assert [(m["id"], m["seq"], m["progress"]) for m in measures] == [
        (first.out.strip(), 1, 30), (second, 2, 0)]
    assert cli("measure", "update", second, "--progress", "100", "--done-on", "2024-8-19").code == 0
    assert problems.measures(ledger, problem)[1]["done_on"] == "2024-08-19"
    listed = cli("measure", "list", NUMBER)
    assert "料场全部苫盖" in listed.out and "道路每日洒水两次" in listed.out
    assert json.loads(cli("measure", "list", NUMBER, "--json").lines[1])["progress"] == 100

    before = snapshot()
    assert refused(cli("measure", "update", second, "--progress", "150"), "进度", "0 到 100")
    assert refused(cli("measure", "add", NUMBER, "--description", "x", "--deadline", "2024-9-31"),
                   "整改时限", "2024-9-31")
    assert refused(cli("measure", "delete", second, operator="li"), "删除整改措施")
    assert refused(cli("measure", "delete", "no-such-id", operator="wang"), "找不到整改措施")
    assert snapshot() == before
    assert cli("measure", "delete", first.out.strip(), operator="wang").code == 0
    assert [(m["id"], m["seq"]) for m in problems.measures(ledger, problem)] == [(second, 1)]


def test_messages_in_english_on_request(cli, problem):
    assert refused(cli("--lang", "en", "problem", "move", NUMBER, "closed"),
                   "Cannot go from “Assigned” to “Closed”")


def test_photos_before_and_after(cli, ledger, problem, snapshot, tmp_path):
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    proof = tmp_path / "整改后.png"
    proof.write_bytes(b"\x89PNG proof")
    assert cli("problem", "attach", NUMBER, str(photo)).code == 0
    assert cli("problem", "attach", NUMBER, str(proof), "--phase", "整改后").code == 0
    found = [json.loads(line) for line in cli("problem", "files", NUMBER, "--json").lines]
    assert [(f["name"], f["phase"]) for f in found] == [
        ("现场.jpg", "before"), ("整改后.png", "after")]
    assert Path(found[1]["path"]).read_bytes() == b"\x89PNG proof"
    assert "整改后.png" in cli("problem", "show", NUMBER).out
    before = snapshot()
    assert refused(cli("problem", "attach", NUMBER, str(tmp_path / "无.jpg")), "找不到文件")
    assert refused(cli("problem", "attach", NUMBER, str(photo), "--phase", "中途"), "中途")
    assert snapshot() == before


def test_extensions_take_a_number_too(cli, problem):
    assert cli("extensions", "request", NUMBER, "--deadline", "2024-10-1", "--reason", "设备采购",
               "--on", "2024-8-10").code == 0
    assert "2024-10-01" in cli("extensions", "list", "--problem", NUMBER).out
