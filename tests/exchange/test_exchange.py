"""Exchange files between PCs: merging, conflicts, refusals, consolidation upward."""
from __future__ import annotations

import json
import zipfile

import pytest

from core import attachments, exchange, operators, problems, rows, settings, statistics
from core.errors import LedgerError
from core.exchange import fileformat
from core.schema import SCHEMA_VERSION

from .sites import contents, fingerprint, new_problem, open_site, problem, send, sound
from acceptance_data import ACCEPTED


def test_new_rows_and_their_log_reach_the_other_pc(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    problems.add_measure(a, pid, {"description": "覆盖防尘网"})
    summary = send(a, b, tmp_path)
    assert summary.applied == 3 and summary.conflicts == 0
    assert problem(b, pid)["description"] == "工地未苫盖"
    assert contents(a) == contents(b)
    assert sound(b)


def test_different_fields_changed_on_both_sides_merge(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    problems.update(a, pid, {"description": "甲改的描述"})
    problems.update(b, pid, {"responsible_person": "乙填的责任人"})
    problems.transition(b, pid, "in_progress", on="2026-01-10", acceptance=ACCEPTED)
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    for pc in (a, b):
        row = problem(pc, pid)
        assert (row["description"], row["responsible_person"], row["status"]) == \
            ("甲改的描述", "乙填的责任人", "in_progress")
        assert exchange.conflicts(pc) == []
        assert sound(pc)
    assert contents(a) == contents(b)


def test_the_same_field_changed_on_both_sides_is_a_conflict_never_a_clock(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    problems.update(b, pid, {"description": "乙的描述"})
    problems.update(a, pid, {"description": "甲的描述"})  # later by the clock
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    assert problem(a, pid)["description"] == "甲的描述"  # each keeps its own until decided
    assert problem(b, pid)["description"] == "乙的描述"
    [mine_a] = exchange.conflicts(a)
    [mine_b] = exchange.conflicts(b)
    assert (mine_a.field, mine_a.mine, mine_a.theirs) == ("description", "甲的描述", "乙的描述")
    assert (mine_b.mine, mine_b.theirs, mine_b.partner_name) == ("乙的描述", "甲的描述", "甲")


@pytest.mark.parametrize("choice, expected", [("mine", "乙的描述"), ("theirs", "甲的描述"),
                                              ("edit", "合并后的描述")])
def test_a_resolution_travels_and_closes_the_conflict_on_the_other_pc(pcs, tmp_path, choice,
                                                                      expected):
    a, b, _ = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    problems.update(a, pid, {"description": "甲的描述"})
    problems.update(b, pid, {"description": "乙的描述"})
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    [conflict] = exchange.conflicts(b)
    exchange.resolve(b, conflict.id, choice, "合并后的描述" if choice == "edit" else None)
    summary = send(b, a, tmp_path)
    assert summary.resolved == 1
    for pc in (a, b):
        assert problem(pc, pid)["description"] == expected
        assert exchange.conflicts(pc) == []
        assert sound(pc)


def test_only_a_manager_resolves_conflicts(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    problems.update(a, pid, {"deadline": "2026-04-01"})
    problems.update(b, pid, {"deadline": "2026-05-01"})
    send(a, b, tmp_path)
    conflict = exchange.conflicts(b)[0]  # deadline and deadline in force
    b.role = operators.Role.CLERK.value
    with pytest.raises(LedgerError, match="处理交换冲突.*科室负责人"):
        exchange.resolve(b, conflict.id, "theirs")
    assert exchange.conflicts(b)


def test_a_deletion_wins_but_a_change_made_meanwhile_is_kept_in_a_conflict(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    rows.delete(a, "problem", pid)
    problems.update(b, pid, {"responsible_unit": "某建筑公司"})
    problems.update(b, pid, {"responsible_person": "李四"})
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    assert problem(a, pid) is None and problem(b, pid) is None
    [at_b] = exchange.conflicts(b)  # changed here, deleted there
    assert at_b.field == "*" and at_b.theirs is None
    assert (at_b.mine["responsible_unit"], at_b.mine["responsible_person"]) == ("某建筑公司", "李四")
    [at_a] = exchange.conflicts(a)  # deleted here, changed there: both changes gathered
    assert at_a.mine is None
    assert at_a.theirs == {"responsible_unit": "某建筑公司", "responsible_person": "李四"}
    assert contents(a) == contents(b)


def test_a_manager_may_bring_a_deleted_row_back_with_the_changes(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    rows.delete(a, "problem", pid)
    problems.update(b, pid, {"responsible_unit": "某建筑公司"})
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    [conflict] = exchange.conflicts(a)
    exchange.resolve(a, conflict.id, "theirs")
    send(a, b, tmp_path)
    for pc in (a, b):
        assert problem(pc, pid)["responsible_unit"] == "某建筑公司"
        assert exchange.conflicts(pc) == []
        assert sound(pc)
    assert contents(a) == contents(b)


def test_changes_travel_on_through_a_third_pc(pcs, tmp_path):
    a, b, c = pcs
    pid = new_problem(a)
    send(a, b, tmp_path)
    problems.update(b, pid, {"description": "乙在甲之后改"})
    send(b, c, tmp_path)  # carries 甲's row and 乙's change
    send(a, c, tmp_path)  # 甲's row again: already there, no conflict
    assert problem(c, pid)["description"] == "乙在甲之后改"
    assert exchange.conflicts(c) == []


# -- refusals

def _exported(a, b, tmp_path, **options):
    pid = new_problem(a)
    path = tmp_path / "a.ecox"
    exchange.export(a, path, to=exchange.site(b).id, **options)
    return path, pid


def _rewrite(path, member, change):
    with zipfile.ZipFile(path) as archive:
        members = {i.filename: archive.read(i) for i in archive.infolist()}
    members[member] = change(members[member])
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)


def test_a_file_altered_after_export_is_refused_and_changes_nothing(pcs, tmp_path):
    a, b, _ = pcs
    path, _ = _exported(a, b, tmp_path)
    _rewrite(path, fileformat.ENTRIES, lambda d: d.replace("工地未苫盖".encode(), "已整改".encode()))
    before = fingerprint(b)
    with pytest.raises(LedgerError, match="被改动过"):
        exchange.import_file(b, path, confirm=True)
    assert fingerprint(b) == before


def test_a_damaged_file_is_refused(pcs, tmp_path):
    a, b, _ = pcs
    path, _ = _exported(a, b, tmp_path)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    before = fingerprint(b)
    with pytest.raises(LedgerError):
        exchange.import_file(b, path, confirm=True)
    assert fingerprint(b) == before


def test_with_a_shared_key_a_file_must_carry_its_hmac(pcs, tmp_path):
    a, b, _ = pcs
    path, pid = _exported(a, b, tmp_path, key=b"bureau secret")
    before = fingerprint(b)
    with pytest.raises(LedgerError, match="共享密钥"):
        exchange.import_file(b, path, confirm=True)  # signed, no key given
    with pytest.raises(LedgerError, match="签名"):
        exchange.import_file(b, path, key=b"another key", confirm=True)
    assert fingerprint(b) == before
    exchange.import_file(b, path, key=b"bureau secret", confirm=True)
    assert problem(b, pid)


def test_an_unsigned_file_is_refused_where_a_key_is_set(pcs, tmp_path):
    a, b, _ = pcs
    path, _ = _exported(a, b, tmp_path)
    with pytest.raises(LedgerError, match="签名"):
        exchange.import_file(b, path, key=b"bureau secret", confirm=True)


def test_a_file_for_another_pc_is_refused(pcs, tmp_path):
    a, b, c = pcs
    path, _ = _exported(a, c, tmp_path)
    before = fingerprint(b)
    with pytest.raises(LedgerError, match="另一站点"):
        exchange.import_file(b, path, confirm=True)
    assert fingerprint(b) == before


def test_a_file_from_a_newer_schema_is_refused(pcs, tmp_path):
    a, b, _ = pcs
    path, _ = _exported(a, b, tmp_path)
    package = fileformat.read(path)
    package.manifest["schema_version"] = SCHEMA_VERSION + 1
    fileformat.write(path, package.manifest, package.entries)  # a sound file, but newer
    before = fingerprint(b)
    with pytest.raises(LedgerError, match="更新版本"):
        exchange.import_file(b, path, confirm=True)
    assert fingerprint(b) == before


def test_importing_the_same_file_twice_changes_nothing(pcs, tmp_path):
    a, b, _ = pcs
    path, _ = _exported(a, b, tmp_path)
    exchange.import_file(b, path, confirm=True)
    before = fingerprint(b)
    with pytest.raises(LedgerError, match="已于 .* 导入过"):
        exchange.import_file(b, path, confirm=True)
    assert fingerprint(b) == before


def test_an_older_file_after_a_newer_one_is_recognised(pcs, tmp_path):
    a, b, _ = pcs
    old, _ = _exported(a, b, tmp_path)
    new_problem(a, description="后来的问题")
    newer = tmp_path / "again.ecox"
    exchange.export(a, newer, to=exchange.site(b).id, again=True)  # from the start again
    exchange.import_file(b, newer, confirm=True)
    before = fingerprint(b)
    with pytest.raises(LedgerError, match="较早的交换文件"):
        exchange.import_file(b, old, confirm=True)
    assert fingerprint(b) == before


def test_a_missing_earlier_file_is_named_and_export_again_recovers(pcs, tmp_path):
    a, b, _ = pcs
    _exported(a, b, tmp_path)  # lost on the way
    later = tmp_path / "later.ecox"
    pid = new_problem(a, description="第二批")
    exchange.export(a, later, to=exchange.site(b).id)
    with pytest.raises(LedgerError, match="缺少 甲 更早的交换文件"):
        exchange.import_file(b, later, confirm=True)
    recovered = tmp_path / "recovered.ecox"
    exchange.export(a, recovered, to=exchange.site(b).id, again=True)
    exchange.import_file(b, recovered, confirm=True)
    assert problem(b, pid) and contents(a) == contents(b)


# -- consolidation upward

def test_a_city_consolidates_its_counties_and_no_county_overwrites_another(blank_file, tmp_path):
    quwo = open_site(blank_file, tmp_path, "曲沃县局", "141021")
    yicheng = open_site(blank_file, tmp_path, "翼城县局", "141022")
    city = open_site(blank_file, tmp_path, "临汾市局")
    quwo_ids = [new_problem(quwo, "141021") for _ in range(3)]
    problems.transition(quwo, quwo_ids[0], "in_progress", on="2026-01-06", acceptance=ACCEPTED)
    problems.transition(quwo, quwo_ids[0], "reported_done", on="2026-01-07", acceptance=ACCEPTED)
    problems.transition(quwo, quwo_ids[0], "closed", on="2026-01-08", acceptance=ACCEPTED)
    new_problem(yicheng, "141022")
    send(quwo, city, tmp_path)
    send(yicheng, city, tmp_path)
    report = statistics.breakdown(city, "2026-02-01")
    by_region = {p.key: (p.assigned, p.closed) for p in report.by["region"]}
    assert by_region["141021"] == (3, 1) and by_region["141022"] == (1, 0)
    # the closure's acceptance (验收) travels with it
    assert [a["accepted_by"] for a in problems.acceptances(city, quwo_ids[0])] == [
        ACCEPTED["accepted_by"]]
    assert report.total.assigned == 4
    # 翼城 got 曲沃's rows somehow (its ledger once set to the whole city, since a county
    # ledger refuses other counties' rows) and changed one: the city refuses that change
    settings.set_jurisdiction(yicheng, "141000")
    send(quwo, yicheng, tmp_path)
    settings.set_jurisdiction(yicheng, "141022")
    problems.update(yicheng, quwo_ids[1], {"description": "翼城改了曲沃的问题"})
    summary = send(yicheng, city, tmp_path)
    assert summary.refused >= 1
    assert problem(city, quwo_ids[1])["description"] == "工地未苫盖"
    assert problem(city, quwo_ids[1])["region_code"] == "141021"
    assert sound(city)
    for pc in (quwo, yicheng, city):
        pc.close()


def test_attachment_files_can_travel_with_their_rows(pcs, tmp_path):
    a, b, _ = pcs
    pid = new_problem(a)
    photo = tmp_path / "现场.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    attachments.attach(a, pid, [photo], folder=tmp_path / "a-files")
    a.path = tmp_path / "a" / "a.db"  # its attachment folder: tmp_path/a/attachments
    (tmp_path / "a" / "attachments").mkdir(parents=True)
    for f in (tmp_path / "a-files").iterdir():
        (tmp_path / "a" / "attachments" / f.name).write_bytes(f.read_bytes())
    b.path = tmp_path / "b" / "b.db"
    summary = send(a, b, tmp_path, with_files=True)
    assert summary.files == 1
    [stored] = attachments.of_problem(b, pid)
    assert stored.path.read_bytes() == photo.read_bytes()


def test_the_manifest_says_what_the_file_holds(pcs, tmp_path):
    a, b, _ = pcs
    path, _ = _exported(a, b, tmp_path)
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        lines = archive.read("entries.jsonl").decode().splitlines()
    assert manifest["format"] == "ecox" and manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["source"]["name"] == "甲" and manifest["target"] == exchange.site(b).id
    assert manifest["counts"]["entries"] == len(lines) == 2
    assert manifest["counts"]["by_kind"] == {"problem.insert": 1, "problem_log.insert": 1}
