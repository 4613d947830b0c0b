"""Shared pieces of the record commands: reading what a clerk typed, printing rows.

Everything here is presentation: the rules live in core and are only called from here.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import unicodedata
from typing import Any, Iterable, Mapping, Sequence, TYPE_CHECKING

from .. import codes, dates, lookup, messages, money, queries, regions
from ..changes import Changes
from ..errors import LedgerError
from ..vocabulary import PENALTY_FLAGS
from . import access

if TYPE_CHECKING:
    from ..ledger import Ledger

DEFAULT_LIMIT = 50


# -- reading arguments

def fields(args: argparse.Namespace, names: Mapping[str, str]) -> dict[str, Any]:
    """The record fields given on the command line: `names` maps an argument's dest to the
    core field; arguments left out are left out, so an update keeps what is recorded."""
    return {field: getattr(args, dest) for dest, field in names.items()
            if getattr(args, dest, None) is not None}


def word(prefix: str, value: str | None, codes: Iterable[str]) -> str | None:
    """A code of a fixed list given as the code or as its label in either language
    (扬尘 or dust); anything else comes back as given, for validation to refuse."""
    if value is None:
        return None
    typed = value.strip()
    catalogue = messages._catalogue()
    for code in codes:
        if typed.lower() == code or typed in catalogue.get(f"{prefix}.{code}", {}).values():
            return code
    return typed


# The ledger's own labels of its categories and sources, read once per command (`bind`).
_code_labels: dict[str, dict[str, str]] = {}


def bind(ledger: Ledger) -> None:
    """Read the open ledger's code lists for `shown_value`."""
    _code_labels.clear()
    _code_labels.update({kind: codes.labels(ledger, kind) for kind in codes.KINDS})


def code_word(ledger: Ledger, kind: str, value: str | None) -> str | None:
    """A category or source as given (code, label or synonym) to its code, or a refusal
    listing the choices."""
    return None if value is None else codes.resolve(ledger, kind, value)


CODE_HELP = "code, label or synonym (see `ecoledger-cli codes list {kind}`)"


def choices_help(prefix: str, codes: Iterable[str]) -> str:
    return ", ".join(f"{c} ({messages.label(prefix + '.' + c)})" for c in codes)


def region(ledger: Ledger, value: str | None) -> str | None:
    return None if value is None else lookup.region_code(ledger, value)


def region_filter(ledger: Ledger, value: str | None) -> str | None:
    """A region to filter by: unlike a record's field, an unknown one is refused here."""
    if value is None:
        return None
    return regions.resolve(ledger, value)


def reference(ledger: Ledger, value: str | None, find) -> str | None:
    """An id found by `find` from a key; an empty value clears the reference."""
    if value is None:
        return None
    return find(ledger, value) if value.strip() else ""


def references(ledger: Ledger, args, wanted) -> dict[str, str]:
    """field → id for each (option, field, find) of `wanted` the command line gives; a
    `find` of None takes the value as an id."""
    found = {}
    for dest, field, find in wanted:
        value = getattr(args, dest)
        if value is not None:
            found[field] = reference(ledger, value, find) if find else value.strip()
    return found


def date_filter(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dates.iso(value)
    except dates.DateError:
        raise LedgerError("cli.error.date_option", option=option, value=value) from None


def add_list_arguments(p: argparse.ArgumentParser, sorts: Sequence[str]) -> None:
    p.add_argument("--search", default="", help="free text (every word must match)")
    p.add_argument("--sort", choices=sorts, help="sort key")
    p.add_argument("--desc", action="store_true", help="sort descending")
    p.add_argument("--limit", type=access.count(), default=DEFAULT_LIMIT,
                   help=f"at most this many rows (default {DEFAULT_LIMIT}; 0: all)")
    p.add_argument("--offset", type=access.count(), default=0, help="skip this many rows first")
    p.add_argument("--count", action="store_true", help="print only how many rows match")
    p.add_argument("--json", action="store_true", help="one JSON object per line")


def version_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--version", type=int, default=None, dest="based_on",
                   help="the record's version as `show` printed it: refused if the fields "
                        "written changed since")


def flag_argument(p: argparse.ArgumentParser, name: str, help_text: str) -> None:
    p.add_argument(f"--{name}", dest=name.replace("-", "_"), default=None,
                   action=argparse.BooleanOptionalAction, help=help_text)


# -- writing

def done(changes: Changes, row_id: str | None = None) -> int:
    """Print the id of the row written (for scripts), and any warnings on stderr."""
    for warning in changes.warnings:
        print(f"ecoledger-cli: {messages.label('cli.warning')}：{warning}", file=sys.stderr)
    if row_id:
        print(row_id)
    return 0


# -- listing

def run_list(ledger: Ledger, args: argparse.Namespace, view: queries.View,
             query: queries.Query, shown: Sequence[str], show=None) -> int:
    """Count, page and print a view under a query, as a table or as JSON lines."""
    query = query.sorted_by(args.sort, args.desc) if args.sort else query
    if args.search:
        query = dataclasses.replace(query, text=args.search)
    total = queries.count(ledger, view, query)
    if args.count:
        print(total)
        return 0
    limit = total if args.limit <= 0 else args.limit
    found = queries.page(ledger, view, query, args.offset, limit)
    keys = ("id", *view.keys)
    records = [dict(zip(keys, row)) for row in found]
    if args.json:
        for record in records:
            print(json.dumps({k: json_value(k, v) for k, v in record.items()},
                             ensure_ascii=False, default=str))
        return 0
    show = show or (lambda key, value: shown_value(key, value))
    heads = [column_label(view.kind, k) for k in shown]
    print_table(heads, [[show(k, r[k]) for k in shown] for r in records])
    print(messages.text("cli.rows", shown=len(records), total=total))
    return 0


def json_value(key: str, value: Any) -> Any:
    """A listed value for JSON: flags as booleans, a penalty's special measures by name."""
    if key in ("overdue", "withdrawn"):
        return bool(value)
    if key == "measures" and isinstance(value, str):
        return [flag for flag, on in zip(PENALTY_FLAGS, value) if on == "1"]
    return value


def column_label(kind: str, key: str) -> str:
    for code in (f"cli.column.{kind}.{key}", f"cli.column.{key}", f"field.{key}"):
        text = messages.label(code)
        if text != code:
            return text
    return key


def shown_value(key: str, value: Any) -> str:
    """A stored value as a person reads it: labels for codes, yuan for fen, ✓ for flags."""
    if value is None:
        return ""
    if key in _code_labels:
        return _code_labels[key].get(value, value)
    if key == "extra_categories":
        return "、".join(_code_labels.get("category", {}).get(c, c) for c in value.split(","))
    if key in ("status", "category", "source"):
        return messages.label(f"{key}.{value}")
    if key == "kind":
        return messages.label(f"inspection_kind.{value}")
    if key == "stage":
        return messages.label(f"penalty_stage.{value}")
    if key == "result":
        return messages.label(f"inspection_result.{value}")
    if key.endswith("_fen"):
        return money.fen_to_yuan_text(value)
    if key in ("overdue", "withdrawn", "key_monitored") or key in PENALTY_FLAGS:
        return "✓" if value else ""
    if key == "measures" and isinstance(value, str):  # a penalty's flags, as 0/1 digits
        joiner = "、" if messages.language().startswith("zh") else ", "
        return joiner.join(messages.label("field." + f) for f in json_value(key, value))
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def short(text: str | None, width: int = 24) -> str:
    text = " ".join((text or "").split())
    return text if display_width(text) <= width else _cut(text, width - 1) + "…"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int) -> str:
    out, used = "", 0
    for c in text:
        used += display_width(c)
        if used > width:
            break
        out += c
    return out


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def print_table(heads: Sequence[str], body: Sequence[Sequence[str]]) -> None:
    widths = [max(display_width(str(c)) for c in column) for column in zip(heads, *body)]
    for line in (heads, *body):
        print("  ".join(_pad(str(c), w) for c, w in zip(line, widths)).rstrip())


def print_record(pairs: Sequence[tuple[str, Any]]) -> None:
    """key: value lines, the keys aligned."""
    width = max((display_width(k) for k, _ in pairs), default=0)
    for key, value in pairs:
        print(f"{_pad(key, width)}  {'' if value is None else value}")


def print_json(record: Any) -> None:
    print(json.dumps(record, ensure_ascii=False, indent=1, default=_plain))


def print_json_line(record: Any) -> None:
    print(json.dumps(record, ensure_ascii=False, default=_plain))


def _plain(value: Any) -> Any:
    return str(value)


def record_pairs(kind: str, record: Mapping[str, Any], keys: Sequence[str]) -> list[tuple[str, str]]:
    return [(column_label(kind, k), shown_value(k, record.get(k))) for k in keys]
