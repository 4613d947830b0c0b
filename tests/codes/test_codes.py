"""The bureau's own categories and sources: data in the ledger, changed by a manager only,
resolved from a code, a label or a synonym everywhere."""
from __future__ import annotations

import json
import re

import pytest

from core import audit, codes, problems, statistics
from core.errors import LedgerError, ValidationError


def problem(**changes) -> dict:
    return {"source": "supervision_letter", "region_code": "141021", "category": "waste_gas",
            "description": "脱硫设施未运行", "assigned_on": "2026-08-01", "deadline": "2026-08-31",
            **changes}


def stored(ledger, pid: str) -> tuple:
    row = ledger.conn.execute("SELECT category, extra_categories, source FROM problem "
                              "WHERE id = ?", (pid,)).fetchone()
    return tuple(row)


def test_the_shipped_lists_are_the_defaults(ledger):
    assert codes.labels(ledger, "category")["dust"] == "扬尘"
    assert list(codes.labels(ledger, "source"))[:2] == ["inspection", "supervision_letter"]
    assert len(codes.entries(ledger, "category")) == 11


@pytest.mark.parametrize("typed", ["dust", "扬尘", "粉尘", " 扬 尘 "])
def test_code_label_or_synonym_is_accepted(ledger, typed):
    pid = problems.add(ledger, problem(category=typed)).id
    assert stored(ledger, pid)[0] == "dust"


def test_an_unknown_category_is_refused_with_the_choices(ledger):
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(category="光污染"))
    text = str(caught.value)
    assert "问题类别" in text and "光污染" in text and "扬尘" in text


def test_a_problem_carries_several_categories_the_first_is_main(ledger):
    pid = problems.add(ledger, problem(category="大气、噪声")).id
    assert stored(ledger, pid)[:2] == ("waste_gas", "noise")
    report = statistics.breakdown(ledger, "2026-09-01")
    assert [(p.key, p.assigned) for p in report.by["category"]] == [("waste_gas", 1)]
    problems.update(ledger, pid, {"extra_categories": "扬尘,噪声"})
    assert stored(ledger, pid)[:2] == ("waste_gas", "dust,noise")


def test_a_manager_adds_and_a_new_problem_uses_it(ledger):
    ledger.role = "manager"
    code = codes.get_by_id(ledger, codes.add(ledger, "category", "土壤污染",
                                             synonyms=["土壤"]).id).code
    assert re.fullmatch("x[0-9a-f]{6}", code)
    pid = problems.add(ledger, problem(category="土壤")).id
    assert stored(ledger, pid)[0] == code
    report = statistics.breakdown(ledger, "2026-09-01")
    assert [(p.key, p.name) for p in report.by["category"]] == [(code, "土壤污染")]


def test_a_clerk_may_not_change_a_list(ledger):
    ledger.role = "clerk"
    for change in (lambda: codes.add(ledger, "category", "辐射"),
                   lambda: codes.rename(ledger, "category", "dust", "扬尘污染防治"),
                   lambda: codes.merge(ledger, "category", "solid_waste", "hazardous_waste"),
                   lambda: codes.retire(ledger, "source", "complaint"),
                   lambda: codes.move(ledger, "source", "complaint", 1)):
        with pytest.raises(LedgerError) as caught:
            change()
        assert caught.value.code == "error.role_refused"
    assert codes.labels(ledger, "category")["dust"] == "扬尘"


def test_a_word_may_name_only_one_entry(ledger):
    with pytest.raises(LedgerError) as caught:
        codes.add(ledger, "category", "粉尘")
    assert "扬尘" in str(caught.value)
    with pytest.raises(LedgerError):
        codes.add(ledger, "category", "辐射", code="dust")
    with pytest.raises(LedgerError):
        codes.add(ledger, "category", "大气、噪声")


def test_rename_keeps_the_old_label_as_a_synonym(ledger):
    codes.rename(ledger, "category", "dust", "扬尘污染")
    assert codes.resolve(ledger, "category", "扬尘") == "dust"
    pid = problems.add(ledger, problem(category="dust")).id
    report = statistics.breakdown(ledger, "2026-09-01")
    assert report.by["category"][0].name == "扬尘污染" and stored(ledger, pid)[0] == "dust"


def test_merge_moves_every_problem_in_the_audit_trail(ledger):
    first = problems.add(ledger, problem(category="固体废物")).id
    second = problems.add(ledger, problem(category="危险废物、固废")).id
    mark = audit.mark(ledger.conn)
    codes.merge(ledger, "category", "solid_waste", "hazardous_waste")
    assert stored(ledger, first)[:2] == ("hazardous_waste", None)
    assert stored(ledger, second)[:2] == ("hazardous_waste", None)
    moved = [dict(r) for r in ledger.conn.execute(
        "SELECT * FROM audit_log WHERE seq > ? AND table_name = 'problem'", (mark,))]
    assert {m["row_id"] for m in moved} == {first, second}
    assert json.loads(moved[0]["old"])["category"] == "solid_waste"
    entry = codes.get(ledger, "category", "solid_waste")
    assert not entry.active and entry.merged_into == "hazardous_waste"
    # the old words still find the entry they went into, for files written before
    assert codes.resolve(ledger, "category", "固废") == "hazardous_waste"
    report = statistics.breakdown(ledger, "2026-09-01")
    assert [(p.key, p.assigned) for p in report.by["category"]] == [("hazardous_waste", 2)]


def test_a_retired_entry_is_refused_for_new_rows_and_kept_where_used(ledger):
    pid = problems.add(ledger, problem(source="complaint")).id
    codes.retire(ledger, "source", "complaint")
    with pytest.raises(ValidationError) as caught:
        problems.add(ledger, problem(source="complaint"))
    assert "已停用" in str(caught.value)
    problems.update(ledger, pid, {"description": "改过的描述"})  # keeps its retired source
    report = statistics.breakdown(ledger, "2026-09-01")
    assert [(p.key, p.name) for p in report.by["source"]] == [("complaint", "群众举报（12369）")]
    codes.retire(ledger, "source", "complaint", active=True)
    problems.add(ledger, problem(source="complaint"))


def test_order_is_the_bureaus(ledger):
    codes.move(ledger, "category", "other", 1)
    assert [e.code for e in codes.entries(ledger, "category")][:2] == ["other", "scattered_polluting"]
    problems.add(ledger, problem(category="dust"))
    problems.add(ledger, problem(category="other"))
    report = statistics.breakdown(ledger, "2026-09-01")
    assert [p.key for p in report.by["category"]] == ["other", "dust"]


def test_import_cleaning_takes_the_ledgers_words(ledger):
    from core.ledger_import.cleaning import Vocabularies

    codes.add(ledger, "category", "土壤污染", code="soil", synonyms=["土壤"])
    words = Vocabularies(ledger)
    assert words.clean_category("大气、噪声") == ("waste_gas,noise", None)
    assert words.clean_category("农用地土壤污染问题") == ("soil", None)
    assert words.clean_category("星际尘埃")[0] == "other"  # a new word falls to other, flagged


def test_search_finds_problems_by_a_category_or_source_word(ledger):
    from core import queries

    gas = problems.add(ledger, problem(description="脱硫设施未运行")).id
    problems.add(ledger, problem(category="dust", description="工地未苫盖"))
    complaint = problems.add(ledger, problem(category="noise", source="complaint",
                                             description="夜间施工扰民")).id

    def found(text: str) -> set[str]:
        query = queries.Query(text=text)
        total = queries.count(ledger, queries.PROBLEMS, query)
        rows = queries.page(ledger, queries.PROBLEMS, query, 0, 50, total)
        assert len(rows) == total
        return {r[0] for r in rows}
    assert found("大气") == {gas}  # a synonym of 废气, not in any description
    assert found("12369") == {complaint}
    assert found("工地") == found("苫盖") and len(found("工地")) == 1  # text search as before
    assert found("大气 脱硫") == {gas} and found("大气 苫盖") == set()


def test_typing_several_categories_again_replaces_the_further_ones(ledger):
    pid = problems.add(ledger, problem(category="大气、噪声、扬尘")).id
    assert stored(ledger, pid)[:2] == ("waste_gas", "noise,dust")
    problems.update(ledger, pid, {"category": "废水、噪声"})
    assert stored(ledger, pid)[:2] == ("waste_water", "noise")
    problems.update(ledger, pid, {"description": "改了描述"})
    assert stored(ledger, pid)[:2] == ("waste_water", "noise")
    problems.update(ledger, pid, {"extra_categories": ""})
    assert stored(ledger, pid)[:2] == ("waste_water", None)


def test_table_rows_list_active_entries_and_retired_ones_still_used(ledger):
    problems.add(ledger, problem(category="noise"))
    codes.retire(ledger, "category", "noise")
    codes.retire(ledger, "category", "other")
    listed = [code for code, _ in codes.table_rows(ledger, "category")]
    assert "noise" in listed and "other" not in listed and listed[0] == "scattered_polluting"


def test_two_pcs_adding_the_same_label_get_two_codes_and_a_clear_refusal(ledger):
    first = codes.get_by_id(ledger, codes.add(ledger, "category", "辐射").id)
    ledger.conn.execute("INSERT INTO code_entry (id, created_at, updated_at, operator, kind, "
                        "code, label, sort_order) VALUES ('other-pc', '', '', '乙', 'category', "
                        "'xabcdef', '辐射', 999)")  # as an exchange file brings it
    assert first.code != "xabcdef"
    with pytest.raises(LedgerError) as caught:
        codes.resolve(ledger, "category", "辐射")
    assert caught.value.code == "error.code_ambiguous" and first.code in str(caught.value)
    codes.merge(ledger, "category", "xabcdef", first.code)
    assert codes.resolve(ledger, "category", "辐射") == first.code
