"""The files bureaus really hand over, each read into the same grid of cells.

Excel (.xlsx, .xlsm, legacy .xls) and OpenDocument (.ods) go through calamine after the
archive checks of `workbook`; CSV in any encoding (GB18030, GBK, UTF-8 with or without BOM,
UTF-16) through the csv module; the "xls" files that web systems export, which are really
HTML tables, through lxml. The name on the file does not matter: the content decides. A
file that is none of these is named for what it is (PDF, Word, picture, web page without a
table) rather than called "not Excel".
"""
from __future__ import annotations

import codecs
import csv
import io
import re
from pathlib import Path
from typing import Iterator

import charset_normalizer
import lxml.html

from ..errors import LedgerError
from . import workbook as excel
from .table import Grid, pad, read_grid
from .workbook import MAX_CELLS, MAX_FILE_BYTES, OLE_MAGIC, ZIP_MAGIC, SheetInfo

SNIFF_BYTES = 64 * 1024
# Chinese single- and double-byte encodings all decode as GB18030, their superset: a GBK
# file read as GBK loses the characters GBK lacks (人名 rarities such as 堃, 赟 are in both;
# 𠀀 and the ethnic-minority scripts only in GB18030).
_CHINESE = {"gb2312", "gbk", "gb18030", "cp936", "hz", "hz_gb_2312", "euc_cn"}
_HTML = re.compile(rb"<\s*(!doctype\s+html|html|table|meta|body|head)\b", re.I)
_TABLE = re.compile(rb"<\s*table\b", re.I)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_PDF, _PNG, _JPEG, _GIF = b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8"
_OLE_WORD = "WordDocument".encode("utf-16-le")
_XML_SPREADSHEET = b"urn:schemas-microsoft-com:office:spreadsheet"
_FORCED_TEXT = re.compile(r'^="(.*)"$', re.S)


class Book:
    """A file of one or more sheets, read lazily where the format allows."""

    def __init__(self, path: Path):
        self.path = path

    def __enter__(self) -> "Book":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Release the file (only a workbook holds it open)."""

    def names(self, visible_only: bool = False) -> list[str]:
        """The sheets in file order (hidden ones left out when `visible_only`)."""
        raise NotImplementedError

    def infos(self) -> list[SheetInfo]:
        raise NotImplementedError

    def grid(self, name: str) -> Grid:
        raise NotImplementedError


class ExcelBook(Book):
    """.xlsx, .xlsm, .xls and .ods, parsed by calamine one sheet at a time."""

    def __init__(self, path: Path):
        super().__init__(path)
        self.workbook = excel.open_workbook(path)

    def close(self) -> None:
        self.workbook.close()

    def names(self, visible_only: bool = False) -> list[str]:
        return excel.worksheet_names(self.workbook, visible_only)

    def infos(self) -> list[SheetInfo]:
        return excel.sheets(self.workbook)

    def grid(self, name: str) -> Grid:
        return read_grid(self.workbook, name)


class GridBook(Book):
    """Formats read whole at once (CSV, HTML): every sheet's grid is ready."""

    def __init__(self, path: Path, grids: list[Grid]):
        super().__init__(path)
        self.grids = {grid.sheet: grid for grid in grids}

    def names(self, visible_only: bool = False) -> list[str]:
        return list(self.grids)

    def infos(self) -> list[SheetInfo]:
        return [SheetInfo(g.sheet, len(g.rows), g.width, True) for g in self.grids.values()]

    def grid(self, name: str) -> Grid:
        if name not in self.grids:
            raise LedgerError("error.import_no_sheet", sheet=name, sheets="、".join(self.grids))
        found = self.grids[name]
        return Grid(found.sheet, [list(row) for row in found.rows], list(found.merged))


def open_book(path: str | Path) -> Book:
    """The file at `path` as sheets of cells, whatever its name says it is."""
    path = Path(path)
    head = excel.file_head(path, SNIFF_BYTES)
    if head.startswith(ZIP_MAGIC):
        _refuse_other_archives(path)
        return ExcelBook(path)
    if head.startswith(OLE_MAGIC):
        if _OLE_WORD in _ole_names(path):
            raise LedgerError("error.import_is_word", path=path.name)
        return ExcelBook(path)
    for magic, code in ((_PDF, "error.import_is_pdf"), (_PNG, "error.import_is_picture"),
                        (_JPEG, "error.import_is_picture"), (_GIF, "error.import_is_picture")):
        if head.startswith(magic):
            raise LedgerError(code, path=path.name)
    data = _read_all(path)
    text_head = _strip_bom(head)
    if _XML_SPREADSHEET in head:
        raise LedgerError("error.import_is_xml_spreadsheet", path=path.name)
    if _HTML.search(text_head[:4096]) or _TABLE.search(head):
        return GridBook(path, html_grids(path, data))
    return GridBook(path, [csv_grid(path, data)])


def _refuse_other_archives(path: Path) -> None:
    """A zip that is a Word document or no office file at all is named as such."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return  # the workbook checks report the damage
    if "word/document.xml" in names:
        raise LedgerError("error.import_is_word", path=path.name)
    if "xl/workbook.xml" not in names and "content.xml" not in names:
        raise LedgerError("error.import_is_zip", path=path.name)


def _ole_names(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(2 * 1024 * 1024)


def _read_all(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def _strip_bom(data: bytes) -> bytes:
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return data[len(bom):]
    return data


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding it was read in (GB18030 for any Chinese one)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    candidates = []
    if declared:
        candidates.append(_preferred(declared))
    candidates.append("utf-8")
    best = charset_normalizer.from_bytes(data[:SNIFF_BYTES * 4]).best()
    if best is not None:
        candidates.append(_preferred(best.encoding))
    candidates.append("gb18030")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("gb18030", errors="replace"), "gb18030"


def _preferred(encoding: str) -> str:
    name = codecs.lookup(encoding).name if _known(encoding) else encoding.lower()
    return "gb18030" if name.replace("-", "_") in _CHINESE else name


def _known(encoding: str) -> bool:
    try:
        codecs.lookup(encoding)
        return True
    except LookupError:
        return False


# -- CSV

def csv_grid(path: Path, data: bytes) -> Grid:
    """One sheet from a CSV or tab-separated text export."""
    text, _ = decode(data)
    if "\x00" in text:
        raise LedgerError("error.import_not_spreadsheet", path=path.name)
    dialect = _dialect(text[:SNIFF_BYTES])
    try:
        rows = [[_cell(value) for value in row] for row in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise LedgerError("error.import_csv_broken", path=path.name, reason=str(exc)) from None
    while rows and not any(rows[-1]):
        rows.pop()
    if len(rows) < 2 or max(len(row) for row in rows) < 2:
        raise LedgerError("error.import_not_spreadsheet", path=path.name)
    _check_size(path, rows)
    grid = Grid(path.stem, rows, [])
    pad(grid.rows, grid.merged)
    return grid


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|")
    except csv.Error:
        return csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel


def _cell(value: str) -> str:
    """A CSV cell as Excel would show it: the apostrophe, tab or ="…" that exports put
    before long numbers (credit codes, permit and phone numbers) to keep them text, gone."""
    forced = _FORCED_TEXT.match(value)
    if forced:
        value = forced.group(1)
    if value[:1] in ("'", "\t"):
        value = value[1:]
    return value.strip()


def _check_size(path: Path, rows: list[list]) -> None:
    width = max((len(row) for row in rows), default=0)
    if len(rows) > excel.MAX_ROWS or len(rows) * width > MAX_CELLS:
        raise LedgerError("error.import_sheet_too_large", path=path.name,
                          rows=len(rows), columns=width)


# -- HTML tables saved as .xls

def html_grids(path: Path, data: bytes) -> list[Grid]:
    """Every table of a web page (the 'xls' a web system exports), merged cells kept."""
    declared = _CHARSET.search(data[:4096])
    text, _ = decode(data, declared.group(1).decode("ascii", "replace") if declared else None)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        document = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise LedgerError("error.import_html_broken", path=path.name, reason=str(exc)[:200]) from None
    grids = []
    for number, table in enumerate(_outer_tables(document), start=1):
        grid = _table_grid(table, _table_name(table, number))
        if len(grid.rows) >= 2 and grid.width >= 2:
            _check_size(path, grid.rows)
            grids.append(grid)
    if not grids:
        raise LedgerError("error.import_html_no_table", path=path.name)
    _unique_names(grids)
    return grids


def _outer_tables(document) -> Iterator:
    for table in document.iter("table"):
        if not any(parent.tag == "table" for parent in table.iterancestors()):
            yield table


def _table_name(table, number: int) -> str:
    caption = table.find("caption")
    text = " ".join(caption.text_content().split()) if caption is not None else ""
    return text[:31] or f"表{number}"


def _unique_names(grids: list[Grid]) -> None:
    seen: dict[str, int] = {}
    for grid in grids:
        count = seen.get(grid.sheet, 0) + 1
        seen[grid.sheet] = count
        if count > 1:
            grid.sheet = f"{grid.sheet}（{count}）"


def _rows_of(table) -> Iterator:
    """The table's own rows (thead, tbody, tfoot or bare), not those of nested tables."""
    for element in table:
        if element.tag == "tr":
            yield element
        elif element.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in element if row.tag == "tr")


def _table_grid(table, name: str) -> Grid:
    """Cells laid out as a browser does: rowspan and colspan become merged areas."""
    rows: list[list] = []
    merged: list = []
    taken: set[tuple[int, int]] = set()
    for r, tr in enumerate(_rows_of(table)):
        if _hidden(tr):
            continue
        r = len(rows)
        rows.append([])
        c = 0
        for td in tr:
            if td.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            span_r, span_c = _span(td, "rowspan"), _span(td, "colspan")
            for dr in range(span_r):
                for dc in range(span_c):
                    taken.add((r + dr, c + dc))
            _put(rows, r, c, _text(td))
            if span_r > 1 or span_c > 1:
                merged.append(((r, c), (r + span_r - 1, c + span_c - 1)))
            c += span_c
    grid = Grid(name, rows, merged)
    pad(grid.rows, grid.merged)
    return grid


def _hidden(element) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return "display:none" in style


def _span(cell, attribute: str) -> int:
    try:
        return max(1, min(int(cell.get(attribute, "1")), 1000))
    except ValueError:
        return 1


def _put(rows: list[list], r: int, c: int, value: str) -> None:
    while len(rows) <= r:
        rows.append([])
    row = rows[r]
    while len(row) <= c:
        row.append("")
    row[c] = value


def _text(cell) -> str:
    """A cell's text with line breaks kept and other whitespace collapsed, as Excel shows it."""
    for br in cell.iter("br"):
        br.tail = "\n" + (br.tail or "")
    lines = (" ".join(line.split()) for line in cell.text_content().replace("\xa0", " ").split("\n"))
    return _cell("\n".join(line for line in lines if line))
