"""Files in the formats bureaus receive, written in code as those systems write them:
CSV exports of provincial systems (GBK/GB18030 or UTF-8, CRLF, quoted line breaks, credit
codes kept as text with a tab, an apostrophe or ="…"), Excel's "Unicode text" (UTF-16, tabs),
web systems' "xls" that is an HTML table, OpenDocument .ods and legacy BIFF8 .xls."""
from __future__ import annotations

import zipfile
from html import escape
from pathlib import Path
from typing import Sequence

from .workbooks import credit_code

# A county ledger's columns, as a provincial web system exports them.
HEADERS = ["序号", "问题编号", "所属区县", "企业名称", "统一社会信用代码", "问题类别", "问题描述",
           "交办日期", "整改时限", "整改措施", "整改状态"]
CODE_A = credit_code("91141021MA0GRX2H8")
CODE_B = credit_code("91141023771532859")


def rows() -> list[list[str]]:
    return [
        ["1", "QW-2024-001", "曲沃县", "曲沃县宏达焦化有限公司", CODE_A, "扬尘",
         "物料堆场未全封闭，道路扬尘明显", "2024-03-05", "2024-06-30",
         "1. 全封闭改造物料堆场\n2. 完善洒水降尘台账", "整改中"],
        ["2", "QW-2024-002", "翼城县", "翼城县金鼎铸造有限公司", CODE_B, "废气",
         "脱硫设施未正常运行", "2024/3/8", "2024年6月30日", "更换脱硫喷淋层", "已完成"],
    ]


def csv_text(quote_code: str = "tab") -> str:
    """The rows as a provincial system's CSV: every cell quoted, CRLF, a line break inside
    the measures cell, the credit code forced to text (tab, apostrophe or ="…")."""
    forced = {"tab": "\t{}", "apostrophe": "'{}", "formula": '="{}"', "none": "{}"}[quote_code]
    lines = []
    for row in [HEADERS, *rows()]:
        cells = list(row)
        if row is not HEADERS:
            cells[4] = forced.format(cells[4])
        lines.append(",".join('"' + cell.replace('"', '""') + '"' for cell in cells))
    return "\r\n".join(lines) + "\r\n"


def write_csv(path: Path, encoding: str, quote_code: str = "tab") -> Path:
    data = csv_text(quote_code).encode(encoding)
    if encoding == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf")
    path.write_bytes(data)
    return path


def write_unicode_text(path: Path) -> Path:
    """Excel's "Unicode text" save: UTF-16 with BOM, tab-separated, CRLF."""
    text = "\r\n".join("\t".join(cell.replace("\n", " ") for cell in row)
                       for row in [HEADERS, *rows()]) + "\r\n"
    path.write_bytes(text.encode("utf-16"))
    return path


def html_table(title: str = "临汾市生态环境问题整改台账", charset: str = "gb2312") -> str:
    """A web system's export: a title row spanning the table, a two-row header whose
    first columns span both rows (rowspan) and whose 整改情况 spans two columns (colspan)."""
    top = [h for h in HEADERS if h not in ("整改措施", "整改状态")]
    head1 = "".join(f'<td rowspan="2">{escape(h)}</td>' for h in top)
    head1 += '<td colspan="2">整改情况</td>'
    head2 = "<td>整改措施</td><td>整改状态</td>"
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(c).replace(chr(10), '<br>')}</td>" for c in row) + "</tr>"
        for row in rows())
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f'</head><body><table border="1">'
            f'<tr><td colspan="{len(HEADERS)}">{escape(title)}</td></tr>'
            f"<tr>{head1}</tr><tr>{head2}</tr>{body}"
            f'<tr style="display:none"><td>隐藏行</td></tr></table></body></html>')


def write_html_xls(path: Path, encoding: str = "gbk") -> Path:
    path.write_bytes(html_table(charset="gb2312" if encoding == "gbk" else encoding).encode(encoding))
    return path


def write_ods(path: Path, table: Sequence[Sequence[str]]) -> Path:
    """A minimal OpenDocument spreadsheet, as WPS or LibreOffice writes its content."""
    def cell(value: str) -> str:
        paragraphs = "".join(f"<text:p>{escape(line)}</text:p>" for line in value.split("\n"))
        return f'<table:table-cell office:value-type="string">{paragraphs}</table:table-cell>'

    body = "".join("<table:table-row>" + "".join(cell(c) for c in row) + "</table:table-row>"
                   for row in table)
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="整改台账">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return path


def write_biff8(path: Path, table: Sequence[Sequence[str]]) -> Path:
    """A legacy Excel 97–2003 .xls (BIFF8), as old county PCs still save."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("整改台账")
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    book.save(str(path))
    return path
