"""A streaming .xlsx writer for forms: styled title blocks, bordered tables, print setup.

Profiling openpyxl's write-only mode on 20,000 ledger rows (cProfile, 16 bordered cells a
row) put about 45% of its time in assigning cell styles (hashing Border and Alignment
objects into the style table), 26% in et_xmlfile element serialisation and 12% in value
binding; compression did not appear among the top entries. So this writer keeps a fixed
style table, builds each row's XML text directly (inline strings, dates as serials) and
streams it into the zip. Strings are never written as formulas.
"""
from __future__ import annotations

import datetime as dt
import os
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from ..errors import LedgerError
from ..progress import Cancelled, Progress
from . import cells

# Style names → cellXfs index in _STYLES below (order matters).
STYLES = ("default", "title", "meta", "meta_right", "header", "text", "text_quoted",
          "integer", "decimal", "date", "dash", "total_label", "total_integer",
          "total_decimal", "total_dash", "footer", "note", "subtitle")
S = {name: i for i, name in enumerate(STYLES)}
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_FLUSH_ROWS = 2000
_CJK_WIDTH = 1.85  # column-width units one CJK character takes at 10.5 pt
_LINE_POINTS = 13.5



class ExportCancelled(LedgerError):
    """The user cancelled a running export; the partial file was removed."""

    def __init__(self) -> None:
        super().__init__("error.export_cancelled")


@dataclass(frozen=True)
class PageSetup:
    """Print settings: A4 landscape, one page wide, header rows on every page."""

    title_rows: tuple[int, int] | None = None  # 0-based, inclusive
    freeze: tuple[int, int] | None = None  # first scrolling (row, column), 0-based
    footer_text: str = "第 &P 页，共 &N 页"


class SheetWriter:
    """Writes one worksheet row by row into a new workbook at `path`."""

    def __init__(self, path: str | Path, sheet_name: str, widths: Sequence[float],
                 setup: PageSetup = PageSetup(), level: int = 1, row_count: int | None = None):
        self.path = Path(path)
        if self.path.suffix.lower() != ".xlsx":
            raise LedgerError("error.return_suffix", path=self.path)
        self.sheet_name = sheet_name
        self.setup = setup
        # Written beside the target and renamed at the end: a failed or cancelled export
        # never leaves half a file, nor destroys an earlier one.
        self._partial = self.path.with_name(f".{self.path.name}.partial")
        self._zip = zipfile.ZipFile(self._partial, "w", zipfile.ZIP_DEFLATED,
                                    compresslevel=level)
        self._sheet = self._zip.open("xl/worksheets/sheet1.xml", "w", force_zip64=True)
        self._buffer: list[str] = []
        self._row = 0
        self._merges: list[str] = []
        self._letters = [cells.column_letter(i) for i in range(len(widths))]
        self._widths = list(widths)
        self.autofilter: str | None = None  # e.g. "A4:T2511": the header row's filter buttons
        self._write_head(widths, row_count)

    # -- rows
    def styled_row(self, values: Sequence[tuple[object, str] | None],
                   height: float | None = None) -> None:
        """One row of (value, style name) cells; None leaves a cell empty."""
        r = self._row + 1
        out = [f'<row r="{r}"' + (f' ht="{height}" customHeight="1">' if height else ">")]
        for i, cell in enumerate(values):
            if cell is None:
                continue
            value, style = cell
            out.append(_cell(f"{self._letters[i]}{r}", value, S[style]))
        out.append("</row>")
        self._buffer.append("".join(out))
        self._row += 1

    def merge(self, row: int, column: int, last_row: int, last_column: int) -> None:
        """Merge a 0-based inclusive range."""
        self._merges.append(f"{cells.address(row, column)}:{cells.address(last_row, last_column)}")

    def table_rows(self, rows: Iterable[Sequence], formats: Sequence[str], total: int = 0,
                   progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
        """Bordered body rows, fast: formats per column are 'text', 'date' or 'integer'.
        Text is cleaned and written as text; dates are ISO strings. Returns the row count."""
        kinds = [("t", "d", "i").index(f[0]) for f in formats]
        letters = self._letters
        serials: dict[str, int] = {}
        buffer = self._buffer
        # Wrapped text needs its row height written: readers do not refit rows on opening.
        per_line = [(i, max(1, int((w - 1) / _CJK_WIDTH)))
                    for i, (w, k) in enumerate(zip(self._widths, kinds)) if k == 0]
        count, r = 0, self._row
        for values in rows:
            r += 1
            texts = [v for v in values if v.__class__ is str]
            joined = "".join(texts)
            if len(joined) > cells.MAX_CELL_TEXT or cells.has_forbidden(joined):
                values = [cells.clean(v, f"{letters[i]}{r}") if v.__class__ is str else v
                          for i, v in enumerate(values)]
            escaping = "&" in joined or "<" in joined or ">" in joined
            lines = 1
            for i, n in per_line:
                v = values[i]
                if v.__class__ is str and len(v) > n:
                    lines = max(lines, -(-len(v) // n) + v.count("\n"))
            parts = [f'<row r="{r}">' if lines == 1 else
                     f'<row r="{r}" ht="{lines * _LINE_POINTS + 3}" customHeight="1">']
            for i, v in enumerate(values):
                if v is None or v == "":
                    parts.append(f'<c r="{letters[i]}{r}" s="5"/>')
                elif kinds[i] == 0:
                    if v.__class__ is not str:
                        v = str(v)
                    style = "6" if v[0] in "=+-@" else "5"
                    if escaping:
                        v = escape(v)
                    parts.append(f'<c r="{letters[i]}{r}" s="{style}" t="inlineStr"><is>'
                                 f'<t xml:space="preserve">{v}</t></is></c>')
                elif kinds[i] == 1:
                    serial = serials.get(v)
                    if serial is None:
                        serial = serials[v] = _serial(v)
                    parts.append(f'<c r="{letters[i]}{r}" s="9"><v>{serial}</v></c>' if serial
                                 else _cell(f"{letters[i]}{r}", v, S["text"]))
                else:
                    parts.append(f'<c r="{letters[i]}{r}" s="7"><v>{int(v)}</v></c>')
            parts.append("</row>")
            buffer.append("".join(parts))
            count += 1
            if count % _FLUSH_ROWS == 0:
                self._row = r
                self._flush()
                if cancelled and cancelled():
                    self.abort()
                    raise ExportCancelled()
                if progress:
                    progress(count, total, "")
        self._row = r
        return count

    # -- finishing
    def close(self) -> None:
        """Finish the sheet and the package."""
        self._buffer.append("</sheetData>")
        if self.autofilter:
            self._buffer.append(f'<autoFilter ref="{self.autofilter}"/>')
        if self._merges:
            self._buffer.append(f'<mergeCells count="{len(self._merges)}">'
                                + "".join(f'<mergeCell ref="{m}"/>' for m in self._merges)
                                + "</mergeCells>")
        self._buffer.append(_PRINT.format(footer=escape(self.setup.footer_text)))
        self._flush()
        self._sheet.close()
        self._write_package()
        self._zip.close()
        os.replace(self._partial, self.path)

    def abort(self) -> None:
        """Stop and remove the partial file."""
        try:
            self._sheet.close()
            self._zip.close()
        except (OSError, ValueError):
            pass
        finally:
            self._partial.unlink(missing_ok=True)

    def _flush(self) -> None:
        self._sheet.write("".join(self._buffer).encode("utf-8"))
        self._buffer.clear()

    def _write_head(self, widths: Sequence[float], row_count: int | None) -> None:
        head = [_XML, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
                ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
                '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>']
        if row_count:  # readers size the sheet from it before reading the rows
            head.append(f'<dimension ref="A1:{cells.address(row_count - 1, len(widths) - 1)}"/>')
        head.append('<sheetViews><sheetView workbookViewId="0" tabSelected="1">')
        freeze = self.setup.freeze
        if freeze:
            row, col = freeze
            corner = cells.address(row, col)
            split = (f' xSplit="{col}"' if col else "") + (f' ySplit="{row}"' if row else "")
            pane = {(True, True): "bottomRight", (True, False): "bottomLeft",
                    (False, True): "topRight"}.get((row > 0, col > 0), "bottomLeft")
            head.append(f'<pane{split} topLeftCell="{corner}" activePane="{pane}" state="frozen"/>'
                        f'<selection pane="{pane}" activeCell="{corner}" sqref="{corner}"/>')
        head.append('</sheetView></sheetViews><sheetFormatPr defaultRowHeight="14.25"/><cols>')
        head += [f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>'
                 for i, w in enumerate(widths, 1)]
        head.append("</cols><sheetData>")
        self._buffer.extend(head)

    def _write_package(self) -> None:
        z = self._zip
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _ROOT_RELS)
        z.writestr("docProps/app.xml", _APP)
        z.writestr("docProps/core.xml", _CORE.format(
            now=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")))
        z.writestr("xl/workbook.xml", _workbook(self.sheet_name, self.setup.title_rows,
                                                self.autofilter))
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLESHEET)


def _cell(ref: str, value: object, style: int) -> str:
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, (int, float, Decimal)):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{S["date"]}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    text = cells.clean(str(value), ref)
    if style == S["text"] and cells.formula_like(text):
        style = S["text_quoted"]
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">' \
           f'{escape(text)}</t></is></c>'


def _serial(value: object) -> int | None:
    """Excel's day number of an ISO date; None if the stored value is not one."""
    try:
        return (dt.date.fromisoformat(str(value)) - _EXCEL_EPOCH).days
    except ValueError:
        return None


def _workbook(name: str, title_rows: tuple[int, int] | None,
              autofilter: str | None = None) -> str:
    sheet = quoteattr(name)[1:-1].replace("'", "''")
    names = ""
    if autofilter:
        first, last = autofilter.split(":")
        absolute = "".join(f"${part}" for part in _split_ref(first)) + ":" + \
            "".join(f"${part}" for part in _split_ref(last))
        names += (f'<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
                  f"'{sheet}'!{absolute}</definedName>")
    if title_rows:
        first_row, last_row = title_rows
        names += (f'<definedName name="_xlnm.Print_Titles" localSheetId="0">'
                  f"'{sheet}'!${first_row + 1}:${last_row + 1}</definedName>")
    if names:
        names = f"<definedNames>{names}</definedNames>"
    return (_XML + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<bookViews><workbookView activeTab="0"/></bookViews>'
            f'<sheets><sheet name={quoteattr(name)} sheetId="1" r:id="rId1"/></sheets>'
            f"{names}</workbook>")


def _split_ref(ref: str) -> tuple[str, str]:
    letters = ref.rstrip("0123456789")
    return letters, ref[len(letters):]


_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# A4 (paperSize 9) landscape, fit to one page wide and as many pages tall as needed.
_PRINT = ('<printOptions horizontalCentered="1"/>'
          '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/>'
          '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
          '<headerFooter><oddFooter>&amp;C{footer}</oddFooter></headerFooter></worksheet>')
_CONTENT_TYPES = _XML + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')
_ROOT_RELS = _XML + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    '</Relationships>')
_WORKBOOK_RELS = _XML + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '</Relationships>')
_APP = _XML + ('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
               '<Application>EcoLedger</Application></Properties>')
_CORE = _XML + (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    '<dc:creator>EcoLedger</dc:creator>'
    '<dcterms:created xsi:type="dcterms:W3CDTF">{now}</dcterms:created>'
    '<dcterms:modified xsi:type="dcterms:W3CDTF">{now}</dcterms:modified>'
    '</cp:coreProperties>')

# Fonts: 0 body 宋体 10.5, 1 title 黑体-like bold 16, 2 bold body, 3 subtitle 11.
_FONTS = ('<font><sz val="10.5"/><name val="宋体"/><charset val="134"/></font>'
          '<font><b/><sz val="16"/><name val="宋体"/><charset val="134"/></font>'
          '<font><b/><sz val="10.5"/><name val="宋体"/><charset val="134"/></font>'
          '<font><sz val="11"/><name val="宋体"/><charset val="134"/></font>')
_THIN = ('<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/>'
         '</right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/>'
         '</bottom><diagonal/></border>')


def _xf(font: int = 0, border: int = 0, fmt: int = 0, h: str = "", wrap: bool = False,
        quote: bool = False) -> str:
    attrs = (f'numFmtId="{fmt}" fontId="{font}" fillId="0" borderId="{border}" xfId="0"'
             + (' applyNumberFormat="1"' if fmt else "") + (' applyFont="1"' if font else "")
             + (' applyBorder="1"' if border else "") + ' applyAlignment="1"'
             + (' quotePrefix="1"' if quote else ""))
    align = f'<alignment vertical="center"{f" horizontal={chr(34)}{h}{chr(34)}" if h else ""}' \
            f'{" wrapText=" + chr(34) + "1" + chr(34) if wrap else ""}/>'
    return f"<xf {attrs}>{align}</xf>"


_XFS = {
    "default": _xf(),
    "title": _xf(font=1, h="center"),
    "meta": _xf(h="left"),
    "meta_right": _xf(h="right"),
    "header": _xf(font=2, border=1, h="center", wrap=True),
    "text": _xf(border=1, h="left", wrap=True),
    "text_quoted": _xf(border=1, h="left", wrap=True, quote=True),
    "integer": _xf(border=1, fmt=1, h="right"),
    "decimal": _xf(border=1, fmt=2, h="right"),
    "date": _xf(border=1, fmt=164, h="center"),
    "dash": _xf(border=1, h="center"),
    "total_label": _xf(font=2, border=1, h="center"),
    "total_integer": _xf(font=2, border=1, fmt=1, h="right"),
    "total_decimal": _xf(font=2, border=1, fmt=2, h="right"),
    "total_dash": _xf(font=2, border=1, h="center"),
    "footer": _xf(h="left"),
    "note": _xf(h="left", wrap=True),
    "subtitle": _xf(font=3, h="center"),
}
assert tuple(_XFS) == STYLES
_STYLESHEET = _XML + (
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    f'<fonts count="4">{_FONTS}</fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    f'<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>{_THIN}</borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{len(_XFS)}">{"".join(_XFS.values())}</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    '</styleSheet>')
