"""Opening a spreadsheet safely: recognise the format and refuse bad archives before parsing.

An .xlsx file is a zip archive; its declared member sizes and compression ratios are
checked before calamine inflates anything, so that a zip bomb or a sheet claiming a
million by sixteen thousand cells fails with a message instead of exhausting memory.
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import python_calamine as calamine

from .. import archives
from ..errors import LedgerError
from ..spreadsheet import column_letter

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted (password-protected) .xlsx is an OLE compound file with this stream.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")

MAX_FILE_BYTES = 200 * 1024**2
MAX_UNPACKED_BYTES = 1024**3
MAX_MEMBERS = 10_000
# Sheet XML compresses about 10:1; a ratio of hundreds means repeated filler.
MAX_RATIO = 100
RATIO_CHECK_FROM = 1024**2
MAX_CELLS = 30_000_000
MAX_ROWS = 1_048_576

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')


@dataclass(frozen=True)
class SheetInfo:
    """A sheet a user may choose: its name, size and whether Excel shows it."""

    name: str
    rows: int
    columns: int
    visible: bool


def open_workbook(path: str | Path) -> calamine.CalamineWorkbook:
    """The workbook at `path`, after every check that can run without parsing it."""
    path = Path(path)
    head = file_head(path)
    if head.startswith(ZIP_MAGIC):
        _check_archive(path)
    elif head.startswith(OLE_MAGIC):
        _check_compound(path)
    else:
        raise LedgerError("error.import_not_spreadsheet", path=path.name)
    try:
        return calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError:
        raise LedgerError("error.import_password", path=path.name) from None
    except calamine.CalamineError as exc:
        raise LedgerError("error.import_corrupt", path=path.name, reason=_short(exc)) from None


def file_head(path: Path, length: int = 8) -> bytes:
    """The first `length` bytes of the file, after the checks any import makes (it exists,
    is a file, is not empty, is not too large)."""
    try:
        size = path.stat().st_size
        with open(path, "rb") as handle:
            head = handle.read(length)
    except FileNotFoundError:
        raise LedgerError("error.import_no_file", path=str(path)) from None
    except IsADirectoryError:
        raise LedgerError("error.import_not_spreadsheet", path=path.name) from None
    except ValueError:  # a NUL in the name: no such file can exist
        raise LedgerError("error.import_no_file", path=str(path).replace("\x00", "\\0")) from None
    if size == 0:
        raise LedgerError("error.import_empty_file", path=path.name)
    if size > MAX_FILE_BYTES:
        raise LedgerError("error.import_too_large", path=path.name,
                          limit=f"{MAX_FILE_BYTES // 1024**2} MB")
    return head


def _check_archive(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_members(path, members)
            for member in members:
                if member.filename.startswith("xl/worksheets/") and member.filename.endswith(".xml"):
                    _check_dimension(path, archive, member)
    except zipfile.BadZipFile as exc:
        raise LedgerError("error.import_corrupt", path=path.name, reason=_short(exc)) from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError) as exc:
        raise LedgerError("error.import_corrupt", path=path.name, reason=_short(exc)) from None


LIMITS = archives.Limits(MAX_UNPACKED_BYTES, MAX_MEMBERS, MAX_RATIO, RATIO_CHECK_FROM)


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise LedgerError("error.import_bomb", path=path.name)
    if any(m.flag_bits & 0x1 for m in members):
        raise LedgerError("error.import_password", path=path.name)
    try:
        archives.check_members(members, LIMITS)
    except archives.TooLarge:
        raise LedgerError("error.import_bomb", path=path.name) from None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names and "content.xml" not in names:
        raise LedgerError("error.import_not_spreadsheet", path=path.name)


def _check_dimension(path: Path, archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Refuse a sheet whose declared extent is absurd, reading only its first bytes."""
    with archive.open(member) as stream:
        start = stream.read(4096)
    found = _DIMENSION.search(start)
    if not found or not found.group(3):
        return
    rows = int(found.group(4)) - int(found.group(2)) + 1
    columns = column_number(found.group(3).decode()) - column_number(found.group(1).decode()) + 1
    if rows > MAX_ROWS or rows * columns > MAX_CELLS:
        raise LedgerError("error.import_sheet_too_large", path=path.name,
                          rows=rows, columns=columns)


def _check_compound(path: Path) -> None:
    """An OLE file is either a legacy .xls or an encrypted .xlsx."""
    with open(path, "rb") as handle:
        data = handle.read()
    if _ENCRYPTED_STREAM in data:
        raise LedgerError("error.import_password", path=path.name)


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def worksheet_names(workbook: calamine.CalamineWorkbook, visible_only: bool = False) -> list[str]:
    """The names of the worksheets (not charts), in workbook order, without parsing them."""
    return [meta.name for meta in workbook.sheets_metadata
            if meta.typ == calamine.SheetTypeEnum.WorkSheet
            and (not visible_only or meta.visible == calamine.SheetVisibleEnum.Visible)]


def sheet(workbook: calamine.CalamineWorkbook, name: str) -> calamine.CalamineSheet:
    """One parsed sheet; a sheet that fails to parse makes the file corrupt."""
    try:
        return workbook.get_sheet_by_name(name)
    except calamine.WorksheetNotFound:
        raise LedgerError("error.import_no_sheet", sheet=name,
                          sheets="、".join(worksheet_names(workbook))) from None
    except calamine.CalamineError as exc:
        raise LedgerError("error.import_corrupt", path=name, reason=_short(exc)) from None


def sheets(workbook: calamine.CalamineWorkbook) -> list[SheetInfo]:
    """The worksheets of a workbook with their used size (charts and macros left out)."""
    visible = set(worksheet_names(workbook, visible_only=True))
    found = []
    for name in worksheet_names(workbook):
        end = sheet(workbook, name).end
        rows, columns = (end[0] + 1, end[1] + 1) if end else (0, 0)
        found.append(SheetInfo(name, rows, columns, name in visible))
    return found


def column_number(letters: str) -> int:
    """The 1-based number of Excel column `letters`: A → 1, AA → 27."""
    number = 0
    for char in letters.upper():
        if not "A" <= char <= "Z":
            raise ValueError(letters)
        number = number * 26 + ord(char) - 64
    return number
