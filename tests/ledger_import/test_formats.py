"""Every format a bureau receives imports the same rows; what is no table is named."""
from __future__ import annotations

import zipfile

import pytest

from core import ledger_import
from core.errors import LedgerError

from . import formats
from .formats import CODE_A, CODE_B, HEADERS


def imported(ledger, path) -> list[tuple]:
    outcome = ledger_import.run(ledger, path)
    assert outcome.added == 2, outcome.summary()
    return ledger.conn.execute(
        "SELECT p.number, e.credit_code, p.assigned_on, p.deadline, p.status, "
        "(SELECT group_concat(m.description, '|') FROM measure m WHERE m.problem_id = p.id) "
        "FROM problem p JOIN enterprise e ON e.id = p.enterprise_id ORDER BY p.number").fetchall()


EXPECTED = [
    ("QW-2024-001", CODE_A, "2024-03-05", "2024-06-30", "in_progress"),
    ("QW-2024-002", CODE_B, "2024-03-08", "2024-06-30", "reported_done"),
]


def check(rows, line_break: bool = True):
    assert [row[:5] for row in rows] == EXPECTED
    # the line break inside the quoted cell survived: two numbered measures, not one
    assert rows[0][5] == ("全封闭改造物料堆场|完善洒水降尘台账" if line_break else
                          "全封闭改造物料堆场 2. 完善洒水降尘台账")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8", "utf-8-sig"])
@pytest.mark.parametrize("forced", ["tab", "apostrophe", "formula"])
def test_csv_in_every_encoding_with_text_forced_codes(tmp_path, ledger, encoding, forced):
    path = formats.write_csv(tmp_path / f"台账-{encoding}.csv", encoding, forced)
    check(imported(ledger, path))


def test_a_gbk_csv_named_xls_is_still_read_as_csv(tmp_path, ledger):
    path = formats.write_csv(tmp_path / "省平台导出.xls", "gbk")
    check(imported(ledger, path))


def test_excel_unicode_text_export(tmp_path, ledger):
    path = formats.write_unicode_text(tmp_path / "台账.txt")
    check(imported(ledger, path), line_break=False)


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_web_system_xls_that_is_an_html_table(tmp_path, ledger, encoding):
    path = formats.write_html_xls(tmp_path / "问题清单.xls", encoding)
    table = ledger_import.load(path)
    # title row, then two header rows: rowspan and colspan merge like Excel's merged cells
    assert table.header_last == 2 and table.first_data == 3
    assert table.headers[:3] == ["序号", "问题编号", "所属区县"]
    assert table.headers[-2:] == ["整改措施", "整改状态"]
    assert [info.name for info in ledger_import.inspect(path)] == ["表1"]
    check(imported(ledger, path))


def test_opendocument_spreadsheet(tmp_path, ledger):
    path = formats.write_ods(tmp_path / "台账.ods", [HEADERS, *formats.rows()])
    check(imported(ledger, path))


def test_legacy_biff8_xls(tmp_path, ledger):
    path = formats.write_biff8(tmp_path / "台账.xls", [HEADERS, *formats.rows()])
    check(imported(ledger, path))


def message_for(path) -> str:
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path)
    return str(caught.value)


def test_files_that_are_no_table_are_named_for_what_they_are(tmp_path):
    pdf = tmp_path / "整改台账.xlsx"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert "是 PDF 文件" in message_for(pdf)
    picture = tmp_path / "台账照片.xls"
    picture.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    assert "是图片" in message_for(picture)
    word = tmp_path / "整改方案.xlsx"
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "是 Word 文档" in message_for(word)
    page = tmp_path / "通知.xls"
    page.write_text("<html><body><p>关于报送整改台账的通知</p></body></html>", encoding="utf-8")
    assert "网页格式的文件" in message_for(page) and "没有表格" in message_for(page)
    xml = tmp_path / "旧版.xls"
    xml.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">'
                   "</Workbook>", encoding="utf-8")
    assert "Excel 2003 XML" in message_for(xml)
    for path in (pdf, picture, word, page, xml):
        assert "不是 Excel 表格" not in message_for(path)
