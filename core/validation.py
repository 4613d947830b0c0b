"""Checks on user input before anything is written; findings name the field and the reason."""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from . import dates
from .errors import Issue, LedgerError, ValidationError

if TYPE_CHECKING:
    from . import deadlines
    from .ledger import Ledger

MAX_TEXT = 2000
MAX_NAME = 60  # an operator's name, as stamped on every row they write

# Characters that change how text shows instead of being text: C0 and C1 controls (a
# line break is kept, a tab becomes a space), DEL, and the bidirectional overrides and
# isolates that make a number or a name read backwards. Kept out of the database, so that
# no list, return or terminal shows them.
_INVISIBLE = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0),
                            0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                            *range(0x2066, 0x206A)])
_INVISIBLE[0x09] = " "
_INVISIBLE[0x0D] = None  # a Windows line end leaves its \n


def strip_invisible(value: object) -> str:
    """`value` as text without control or bidirectional-override characters, trimmed."""
    return str(value).translate(_INVISIBLE).strip()


def clean_text(value: object) -> str:
    """`value` as text without control or bidirectional-override characters, trimmed; a
    single line's runs of spaces become one."""
    text = str(value).translate(_INVISIBLE)
    return " ".join(text.split()) if "\n" not in text else text.strip()


def text_value(field: str, value: object, max_length: int = MAX_TEXT,
               empty_code: str = "error.required") -> str:
    """One free text (a note, a reason, a name) cleaned and checked on its own; raises
    with `empty_code` when nothing is left of it."""
    form = Form({field: value})
    cleaned = form.text(field, required=True, max_length=max_length)
    if cleaned is None:
        from .errors import LedgerError

        raise LedgerError(empty_code)
    form.raise_if_blocked()
    return cleaned


def operator_name(value: object) -> str:
    """The name of who makes the changes (`--operator`), as stamped on every row; empty
    when none is given."""
    form = Form({"operator": value})
    form.text("operator", max_length=MAX_NAME)
    form.raise_if_blocked()
    return form.values["operator"] or ""


class Form:
    """Reads raw field values into clean ones, collecting an Issue for each fault."""

    def __init__(self, raw: Mapping[str, Any], today: dt.date | None = None):
        self.raw = raw
        self.values: dict[str, Any] = {}
        self.issues: list[Issue] = []
        self.today = today or dates.today()

    # -- findings
    def fail(self, field: str, code: str, /, **params: object) -> None:
        self.issues.append(Issue(field, code, params))

    def warn(self, field: str, code: str, /, **params: object) -> None:
        self.issues.append(Issue(field, code, params, warning=True))

    def has_error(self, field: str) -> bool:
        return any(i.field == field and not i.warning for i in self.issues)

    @property
    def blocking(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.warning]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.warning]

    def raise_if_blocked(self) -> None:
        if self.blocking:
            raise ValidationError(self.issues)

    # -- readers
    def _blank(self, field: str) -> bool:
        value = self.raw.get(field)
        return value is None or (isinstance(value, str) and not clean_text(value))

    def text(self, field: str, required: bool = False, max_length: int = MAX_TEXT) -> str | None:
        if self._blank(field):
            if required:
                self.fail(field, "error.required")
            self.values[field] = None
            return None
        value = clean_text(self.raw[field])
        if len(value) > max_length:
            self.fail(field, "error.too_long", limit=max_length, length=len(value))
        self.values[field] = value
        return value

    def date(self, field: str, required: bool = True, not_future: bool = False) -> str | None:
        if self._blank(field):
            if required:
                self.fail(field, "error.required")
            self.values[field] = None
            return None
        try:
            day = dates.parse_date(self.raw[field])
        except dates.DateError:
            self.fail(field, "error.date_invalid", value=self.raw[field])
            self.values[field] = None
            return None
        if day.year < 1980 or day.year > 2100:
            self.fail(field, "error.date_out_of_range", value=day.isoformat())
        elif not_future and day > self.today:
            self.fail(field, "error.date_in_future", value=day.isoformat())
        self.values[field] = day.isoformat()
        return day.isoformat()

    def choice(self, field: str, choices: Iterable[str], required: bool = True) -> str | None:
        value = self.text(field, required=required)
        if value is not None and value not in tuple(choices):
            self.fail(field, "error.choice_unknown", value=value)
        return value

    def flag(self, field: str) -> int:
        value = self.raw.get(field)
        self.values[field] = 1 if value not in (None, "", 0, "0", False) else 0
        return self.values[field]

    def money(self, field: str, store_as: str) -> int:
        """Yuan as typed in `field`, kept as fen in `store_as`; blank is zero."""
        if self._blank(field):
            self.values[store_as] = 0
            return 0
        try:
            from . import money

            fen = money.parse_yuan(self.raw[field])
        except ValueError:
            self.fail(field, "error.money_invalid", value=self.raw[field])
            fen = 0
        if fen < 0:
            self.fail(field, "error.money_negative")
        elif fen >= 10**15:
            self.fail(field, "error.money_too_large")
        self.values[store_as] = fen
        return fen

    def integer(self, field: str, low: int, high: int, default: int = 0) -> int:
        if self._blank(field):
            self.values[field] = default
            return default
        try:
            number = int(str(self.raw[field]).strip())
        except ValueError:
            self.fail(field, "error.number_invalid", value=self.raw[field])
            number = default
        if not low <= number <= high:
            self.fail(field, "error.number_range", low=low, high=high)
        self.values[field] = number
        return number

    def region(self, ledger: "Ledger", field: str = "region_code") -> str | None:
        code = self.text(field, required=True)
        if code is not None:
            row = ledger.conn.execute("SELECT level FROM region WHERE code = ?", (code,)).fetchone()
            if row is None:  # a name: the one resolver settles it or says why not
                from . import regions

                try:
                    code = self.values[field] = regions.resolve(ledger, code)
                except LedgerError as error:
                    self.fail(field, error.code, **error.params)
        return code

    def credit_code(self, field: str = "credit_code") -> str | None:
        value = self.text(field)
        if value is None:
            return None
        from stdnum.cn import uscc  # stdnum's first import costs 40 ms: not at start-up

        value = uscc.compact(value.translate(_FULLWIDTH_ALNUM)).upper()
        self.values[field] = value
        found = credit_code_finding(value)
        if found and found[0].startswith("warning."):
            self.warn(field, found[0], **found[1])
        elif found:
            self.fail(field, found[0], **found[1])
        return value

    def deadline(self, field: str, start_field: str, required: bool = True,
                 start: str | None = None) -> deadlines.Deadline | None:
        """A deadline as bureaus write it (see core.deadlines), anchored on the date in
        `start_field` (or `start`). Stores the date (None without one) in `field`, the
        wording in `field`_text and the kind in `field`_kind; a vague text is kept with a
        warning asking for a date, a working-day count the calendar cannot cover fails."""
        from . import deadlines

        for suffix in ("", "_text", "_kind"):
            self.values[field + suffix] = None
        if self._blank(field):
            if required:
                self.fail(field, "error.required")
            return None
        anchor = start or self.values.get(start_field) or self.today.isoformat()
        try:
            found = deadlines.parse(self.raw[field], anchor)
        except LedgerError as exc:
            self.fail(field, exc.code, **exc.params)
            return None
        except dates.DateError:
            self.fail(field, "error.date_invalid", value=self.raw[field])
            return None
        if found.date and not "1980-01-01" <= found.date <= "2100-12-31":
            self.fail(field, "error.date_out_of_range", value=found.date)
        if found.needs_date:
            self.warn(field, "warning.deadline_vague", text=found.text)
        self.values.update({field: found.date, field + "_text": found.text,
                            field + "_kind": found.kind.value})
        return found

    def ordered(self, first: str, second: str, code: str) -> None:
        """`second` must not be before `first` (both ISO dates, when valid)."""
        a, b = self.values.get(first), self.values.get(second)
        if a and b and b < a:
            self.fail(second, code, first=a, second=b)

    def reference(self, ledger: "Ledger", field: str, table: str, required: bool = False) -> str | None:
        value = self.text(field, required=required)
        if value is not None:
            found = ledger.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (value,)).fetchone()
            if not found:
                self.fail(field, "error.reference_unknown", value=value)
        return value


_FULLWIDTH_ALNUM = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


# GB 32100-2015 (法人和其他组织统一社会信用代码编码规则): 18 characters of the digits and
# capital letters without I, O, S, V and Z, positions 3–8 the registering authority's
# administrative division code (six digits), the last a check character (stdnum computes it).
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_CODE_LENGTH = 18
_NEVER_USED = "IOSVZ"
_CODE_SHAPE = re.compile(r"[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}")


def credit_code_finding(code: str) -> tuple[str, dict[str, object]] | None:
    """What is wrong with a unified social credit code (already compact and upper case),
    as (message code, params): its length, the first character it may not have (and
    where), a division code that is not digits, or (a warning) its check character."""
    if len(code) != CREDIT_CODE_LENGTH:
        return "error.credit_code_length", {"value": code, "length": len(code)}
    if not _CODE_SHAPE.fullmatch(code):
        for position, char in enumerate(code, start=1):
            if char in _NEVER_USED:
                return "error.credit_code_letter", {"value": code, "position": position,
                                                    "char": char}
            if char not in CREDIT_CODE_ALPHABET:
                return "error.credit_code_character", {"value": code, "position": position,
                                                       "char": char}
            if 3 <= position <= 8 and not char.isdigit():
                return "error.credit_code_region", {"value": code, "position": position,
                                                    "char": char}
    from stdnum.cn import uscc

    expected = uscc.calc_check_digit(code[:-1])
    if code[-1] != expected:
        return "warning.credit_code_checksum", {"value": code, "expected": expected}
    return None


def credit_code_problem(code: str) -> str | None:
    """None for a valid unified social credit code, 'checksum' or 'format' otherwise."""
    found = credit_code_finding(code)
    if found is None:
        return None
    return "checksum" if found[0].startswith("warning.") else "format"
