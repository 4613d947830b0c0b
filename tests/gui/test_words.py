"""Words on screen: Chinese only in the Chinese interface, English only in the English one
(the ledger's own names excepted), and a history that reads as Chinese, not as columns."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from gui import i18n, translations
from gui.pages import PAGES

from screen_words import CJK, chinese_left, english_words, shown_texts

pytestmark = pytest.mark.gui

PLACEHOLDER = re.compile(r"\{[^}]*\}")
# English sources that show what a clerk may type, in Chinese: examples of input, not words.
INPUT_EXAMPLES = {"words separated by 、 e.g. 土壤、耕地",
                  "a date, 立行立改, 2024年6月底前, 长期坚持, 20个工作日…",
                  "25 = 25%, 3家 = a count", "e.g. 噪声、扬尘 (labels or synonyms)",
                  "Problems punished (numbers, 、 between)", "blank: printed as ＿＿＿＿＿＿"}
INPUT_EXAMPLES_TEXT = "\n".join(INPUT_EXAMPLES)


def test_every_translation_is_finished_chinese_with_the_same_placeholders():
    known = translations.read_ts(i18n.ts_path("zh_CN"))
    for source in translations.source_strings():
        translation = known.get(source)
        assert translation, f"untranslated: {source}"
        assert sorted(PLACEHOLDER.findall(translation)) == sorted(
            PLACEHOLDER.findall(source)), source
        if translation == source:  # only codes, units and numbers may stay as they are
            assert not english_words(PLACEHOLDER.sub("", source)), source
        else:
            assert not english_words(PLACEHOLDER.sub("", translation)), (source, translation)


def test_no_english_source_carries_chinese():
    """A gloss like 'Submitted (报送记录)' shows Chinese in the English interface."""
    glossed = [s for s in translations.source_strings()
               if CJK.search(s) and s not in INPUT_EXAMPLES]
    assert glossed == []


def _every_view(window, qtbot, idle, select_problem):
    """Show every page, each tab of a page with tabs, and yield the page's key."""
    for entry in PAGES:
        page = window.page(entry.key)
        idle()
        if entry.key == "problems":
            select_problem(page)
        tabs = getattr(page, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
                idle()
            yield entry.key


def _selecting(qtbot, idle):
    from PySide6.QtCore import QItemSelectionModel

    def select(page):
        page.table.selectionModel().setCurrentIndex(
            page.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        qtbot.waitUntil(lambda: page.detail.data is not None)
        idle()
    return select


def test_the_chinese_window_shows_no_english(ctx, window, qtbot, idle):
    found = set()
    for key in _every_view(window, qtbot, idle, _selecting(qtbot, idle)):
        found |= {(key, kind, text) for kind, text in shown_texts(window)
                  if english_words(text)}
    assert sorted(found) == []


def _ledger_texts(ledger) -> str:
    """Every Chinese text the ledger holds (names, descriptions, notes...), one a line."""
    texts = []
    tables = [row[0] for row in ledger.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' "
        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'audit%'")]
    for table in tables:
        columns = [row[1] for row in ledger.conn.execute(f"PRAGMA table_info({table})")
                   if row[2].upper() == "TEXT"]
        for column in columns:
            texts += [value for (value,) in ledger.conn.execute(
                f"SELECT DISTINCT {column} FROM {table}") if value and CJK.search(value)]
    return "\n".join(texts)


def _made_of(run: str, data: str) -> bool:
    """Whether `run` is the ledger's texts end to end (山西省临汾市: a province, a city)."""
    ends = {0}
    for end in range(1, len(run) + 1):
        if any(start in ends and run[start:end] in data for start in range(end - 1)):
            ends.add(end)
    return len(run) in ends


def test_the_english_window_shows_chinese_only_in_the_ledgers_own_names(
        app, ctx, qtbot, idle):
    from gui.main_window import MainWindow

    i18n.install(app, "en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    idle()
    data = ctx.db.call(_ledger_texts)
    found = set()
    for key in _every_view(window, qtbot, idle, _selecting(qtbot, idle)):
        for kind, text in shown_texts(window):
            if kind == "ChoiceCombo" or kind == "QComboBox":  # lists of the ledger's names
                continue
            left = [run for run in re.findall(r"[\u3400-\u9fff]+", text)
                    if not _made_of(run, data)]
            if left:
                found.add((key, kind, text))
    assert sorted(found) == []


def test_the_history_reads_as_chinese_not_as_columns_and_codes(ctx, window, qtbot, idle):
    from core import problems, regions
    from gui.models.history import HistoryModel

    row_id = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'in_progress' ORDER BY number LIMIT 1"
    ).fetchone()[0])

    def work(ledger):
        import datetime as dt
        problems.update(ledger, row_id, {"region_code": "141022", "category": "dust"})
        in_force = dt.date.fromisoformat(problems.get(ledger, row_id)["deadline_in_force"])
        later = max(in_force, dt.date.today()) + dt.timedelta(days=40)
        problems.approve_extension(ledger, problems.request_extension(
            ledger, row_id, later.isoformat(), "设备到货延迟").id)
        problems.transition(ledger, row_id, "reported_done")
    ctx.db.call(work)
    page = window.page("problems")
    page.detail.show_problem(row_id)
    qtbot.waitUntil(lambda: page.detail.data is not None)
    dialog = page.detail.open_history()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 0)
    model = dialog.model
    cells = [[str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or "")
              for column in range(model.columnCount())] for row in range(model.rowCount())]
    fields = {row[HistoryModel.FIELD] for row in cells}
    values = {row[c] for row in cells for c in (HistoryModel.OLD, HistoryModel.NEW)}
    assert "所属区县" in fields and "整改状态" in fields
    assert not [f for f in fields if re.fullmatch(r"[a-z0-9_]+", f)], fields
    uuid = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-")
    assert not [v for v in values if uuid.search(v) or re.fullmatch(r"[a-z_]+", v)
                or re.fullmatch(r"[0-9a-f]{64}", v) or re.fullmatch(r"\d{6}", v)], values
    county = ctx.db.call(lambda ledger: regions.get(ledger, "141022").name)
    assert county in values  # 141022 read as its name
    assert "已完成待验收" in values and "扬尘" in values
    assert not [c for row in cells for c in row[:4] if re.fullmatch(r"[a-z_]+", c)]


def _dialogs(ctx, window):
    """Every dialog a clerk or an administrator opens from the menus and pages."""
    from gui.dialogs.accounts import AccountsDialog
    from gui.dialogs.code_lists import CodeListsDialog
    from gui.forms import (AcceptanceForm, BatchForm, CampaignForm, EnterpriseForm,
                           ExtensionForm, InspectionForm, MeasureForm, PenaltyForm, ProblemForm)
    from gui.dialogs.settings import SettingsDialog

    problem = ctx.db.call(lambda ledger: ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' LIMIT 1").fetchone()[0])
    yield window.open_import()
    yield CodeListsDialog(ctx, window)
    yield AccountsDialog(ctx, window)
    yield SettingsDialog(ctx, window)
    for form in (EnterpriseForm, ProblemForm, PenaltyForm, CampaignForm, BatchForm,
                 InspectionForm):
        yield form(ctx, parent=window)
    for form in (MeasureForm, ExtensionForm, AcceptanceForm):
        yield form(ctx, parent=window, problem_id=problem)


def test_the_chinese_dialogs_show_no_english(ctx, window, qtbot, idle):
    found = set()
    for dialog in _dialogs(ctx, window):
        qtbot.addWidget(dialog)
        dialog.show()
        idle()
        found |= {(type(dialog).__name__, kind, text) for kind, text in shown_texts(dialog)
                  if english_words(text)}
        dialog.close()
    assert sorted(found) == []


def test_the_english_dialogs_show_chinese_only_in_the_ledgers_own_names(
        app, ctx, qtbot, idle):
    from gui.main_window import MainWindow

    i18n.install(app, "en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    idle()
    data = ctx.db.call(_ledger_texts)
    found = set()
    for dialog in _dialogs(ctx, window):
        qtbot.addWidget(dialog)
        dialog.show()
        idle()
        for kind, text in shown_texts(dialog):
            if kind in ("ChoiceCombo", "QComboBox"):
                continue
            left = [run for run in re.findall(r"[\u3400-\u9fff]+", text)
                    if not _made_of(run, data) and run not in INPUT_EXAMPLES_TEXT]
            if left:
                found.add((type(dialog).__name__, kind, text))
        dialog.close()
    assert sorted(found) == []


def test_loading_demo_data_names_what_it_writes_in_chinese(app, ledger):
    """The progress dialog read 'Loading demo data… inspection_officer'."""
    from core import demo, regions
    from gui.labels import table_label

    data = demo.generate(regions.counties_of(ledger, "141000"), 20, 1, "测试员")
    for table in data.tables:
        assert CJK.search(table_label(table)), table
