"""Bad files: one clear message each, before anything is parsed or written."""
from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

import openpyxl
import pytest

from core import ledger_import
from core.errors import LedgerError

from .workbooks import sheet_rows, write_sheet


def code_of(path: Path) -> str:
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path)
    return caught.value.code


def test_a_text_file_that_is_no_table_is_not_a_spreadsheet(tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_text("请于本月底前报送整改台账。\n", encoding="utf-8")
    assert code_of(path) == "error.import_not_spreadsheet"


def test_an_empty_file_and_a_missing_file(tmp_path):
    (tmp_path / "empty.xlsx").write_bytes(b"")
    assert code_of(tmp_path / "empty.xlsx") == "error.import_empty_file"
    assert code_of(tmp_path / "missing.xlsx") == "error.import_no_file"
    assert code_of(tmp_path / "a\x00.xlsx") == "error.import_no_file"  # not a ValueError


def test_a_truncated_workbook_is_corrupt(tmp_path):
    whole = write_sheet(tmp_path / "whole.xlsx", sheet_rows(30)).read_bytes()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    assert code_of(cut) == "error.import_corrupt"


def test_a_zip_that_is_no_workbook(tmp_path):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a sheet")
    assert code_of(path) == "error.import_is_zip"


def test_a_workbook_with_a_garbled_sheet_is_corrupt(tmp_path):
    good = write_sheet(tmp_path / "good.xlsx", sheet_rows(5))
    bad = tmp_path / "bad.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]  # cut mid-element
            dst.writestr(item, data)
    assert code_of(bad) == "error.import_corrupt"


def test_a_zip_bomb_is_refused_before_inflating(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (16 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert code_of(path) == "error.import_bomb"


def test_a_sheet_declaring_an_absurd_size_is_refused(tmp_path):
    good = write_sheet(tmp_path / "good.xlsx", sheet_rows(5))
    huge = tmp_path / "huge.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(huge, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index('<dimension ref="')
                end = text.index('"', start + 16)
                data = (text[:start] + '<dimension ref="A1:ZZ900000' + text[end:]).encode()
            dst.writestr(item, data)
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(huge)
    assert caught.value.code == "error.import_sheet_too_large"
    assert caught.value.params["rows"] == 900000


def _compound_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE compound file (CFB v3) holding `streams` (each ≥ 4096 bytes)."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sector, end]
    data, entries = b"", []
    for name, body in streams.items():
        first, count = len(fat), -(-len(body) // 512)
        fat += list(range(first + 1, first + count)) + [end]
        data += body.ljust(count * 512, b"\0")
        entries.append((name, 2, first, len(body)))
    fat += [free] * (128 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBB", len(encoded), kind, 1)
                + struct.pack("<III", no_stream, right, child) + b"\0" * 36
                + struct.pack("<IIi", start, size, 0))

    directory = entry("Root Entry", 5, 1, no_stream, end, 0)
    for index, (name, kind, start, size) in enumerate(entries, 1):
        right = index + 1 if index < len(entries) else no_stream
        directory += entry(name, kind, no_stream, right, start, size)
    directory = directory.ljust(512, b"\0")
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
              + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == 512
    return header + struct.pack("<128I", *fat) + directory + data


def test_a_password_protected_workbook(tmp_path):
    path = tmp_path / "locked.xlsx"
    path.write_bytes(_compound_file({"EncryptionInfo": b"\4\0\4\0" + b"\0" * 4092,
                                     "EncryptedPackage": zlib.compress(b"x") * 400 + b"\0" * 4096}))
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path)
    assert caught.value.code == "error.import_password"
    assert "密码" in str(caught.value)


def test_an_empty_sheet(tmp_path):
    path = tmp_path / "empty.xlsx"
    openpyxl.Workbook().save(path)
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path, "Sheet")
    assert caught.value.code == "error.import_empty_sheet"


def test_a_sheet_without_a_recognisable_header(tmp_path):
    path = tmp_path / "list.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "电话", "地址"])
    workbook.active.append(["王建国", "0357-1234567", "尧都区"])
    workbook.save(path)
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path)
    assert caught.value.code == "error.import_no_header"
    assert "表头" in str(caught.value)


def test_a_header_without_data_rows(tmp_path, ledger):
    path = write_sheet(tmp_path / "header_only.xlsx", [])
    with pytest.raises(LedgerError) as caught:
        ledger_import.run(ledger, path)
    assert caught.value.code == "error.import_no_rows"
