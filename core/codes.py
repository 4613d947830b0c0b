"""The bureau's own code lists: problem categories (问题类别/污染类型) and sources (问题来源).

Each entry has a stable code (what problem rows store), a Chinese label, synonyms (words
import and search take for it), an order and an active flag. The shipped entries are the
defaults every ledger starts with (seeded by the `codes_lists` migration); a manager adds,
renames, reorders, merges and retires entries. Every category or source a front end is
given goes through `resolve`: its code, its label or a synonym.
"""
from __future__ import annotations

import json
import re
from typing import Iterable, NamedTuple, Sequence, TYPE_CHECKING

from . import operators, rows
from .changes import Changes
from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

KINDS = ("category", "source")
TABLE = "code_entry"
MAX_LABEL = 40
MAX_WORDS = 30
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
# Several categories in one cell or argument: 大气、噪声 / 大气,噪声 / 大气；噪声
SEPARATORS = re.compile(r"\s*[、,，;；/／]\s*")
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}


class Entry(NamedTuple):
    id: str
    kind: str
    code: str
    label: str
    synonyms: tuple[str, ...]
    sort_order: int
    active: bool
    merged_into: str | None

    @property
    def words(self) -> tuple[str, ...]:
        """Everything that names this entry: code, label, synonyms."""
        return (self.code, self.label, *self.synonyms)


def key(word: str) -> str:
    """A word as compared: half-width, no spaces or punctuation, lower case."""
    return re.sub(r"[\s\u3000·、，,。.:：()（）“”\"]+", "", word.translate(_FULL_WIDTH)).lower()


# -- reading

_COLUMNS = "id, kind, code, label, synonyms, sort_order, active, merged_into"


def _entry(row: Sequence) -> Entry:
    return Entry(row[0], row[1], row[2], row[3], tuple(json.loads(row[4] or "[]")), row[5],
                 bool(row[6]), row[7])


def entries(ledger: Ledger, kind: str, active_only: bool = False) -> list[Entry]:
    """The entries of a list, in the bureau's order (retired ones too unless `active_only`)."""
    _check_kind(kind)
    where = " AND active = 1" if active_only else ""
    return [_entry(r) for r in ledger.conn.execute(
        f"SELECT {_COLUMNS} FROM {TABLE} WHERE kind = ?{where} ORDER BY sort_order, code",
        (kind,))]


def get(ledger: Ledger, kind: str, code: str) -> Entry:
    row = ledger.conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} WHERE kind = ? AND code = ?",
                              (kind, code)).fetchone()
    if row is None:
        raise LedgerError("error.code_unknown", kind=kind_label(kind), value=code,
                          choices=_choices(ledger, kind))
    return _entry(row)


def get_by_id(ledger: Ledger, row_id: str) -> Entry:
    row = ledger.conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} WHERE id = ?", (row_id,)).fetchone()
    return _entry(row)


def labels(ledger: Ledger, kind: str) -> dict[str, str]:
    """code → label of every entry, in the bureau's order."""
    return {e.code: e.label for e in entries(ledger, kind)}


def label(ledger: Ledger, kind: str, code: str | None) -> str:
    """The label of one code (the code itself when the list does not hold it)."""
    if not code:
        return ""
    row = ledger.conn.execute(f"SELECT label FROM {TABLE} WHERE kind = ? AND code = ?",
                              (kind, code)).fetchone()
    return row[0] if row else code


def table_rows(ledger: Ledger, kind: str) -> list[tuple[str, str]]:
    """(code, label) of the rows a figure or return by category or source lists, in the
    bureau's order: every active entry, and a retired one only while problems carry it."""
    used = usage(ledger, kind)
    return [(e.code, e.label) for e in entries(ledger, kind) if e.active or used.get(e.code)]


def order(ledger: Ledger, kind: str) -> dict[str, int]:
    """code → position in the bureau's order."""
    return {e.code: n for n, e in enumerate(entries(ledger, kind))}


def kind_label(kind: str) -> str:
    from . import messages

    return messages.label(f"codes.kind.{kind}")


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise LedgerError("error.code_kind_unknown", kind=kind, kinds="、".join(KINDS))


def _choices(ledger: Ledger, kind: str) -> str:
    return "、".join(e.label for e in entries(ledger, kind, active_only=True))


# -- resolving what a person typed

class Words:
    """The words of one list as clerks write them, each to its code; built once per import
    or request. A word two entries share resolves to neither."""

    def __init__(self, ledger: Ledger, kind: str):
        self.kind = kind
        self.entries = entries(ledger, kind)
        self.by_code = {e.code: e for e in self.entries}
        self.exact: dict[str, str] = {}
        ambiguous: dict[str, set[str]] = {}
        for entry in self.entries:
            target = entry.merged_into or entry.code
            for word in entry.words:
                k = key(word)
                if not k:
                    continue
                if self.exact.get(k, target) != target:
                    ambiguous.setdefault(k, {self.exact[k]}).add(target)
                self.exact.setdefault(k, target)
        self.ambiguous = ambiguous
        # Longest words first: in 建筑施工扬尘 the word 扬尘 wins over a shorter hint.
        self.hints = sorted(((k, c) for k, c in self.exact.items() if k not in ambiguous),
                            key=lambda item: -len(item[0]))

    def find(self, text: str) -> str | None:
        """The code `text` names exactly (code, label or synonym); None if none does."""
        k = key(text)
        if k in self.ambiguous:
            raise LedgerError("error.code_ambiguous", kind=kind_label(self.kind), value=text,
                              candidates=self._names(self.ambiguous[k]))
        return self.exact.get(k)

    def guess(self, text: str) -> str | None:
        """A code whose word is part of a longer free-written `text` (建筑工地扬尘 → dust)."""
        found = self.find(text)
        if found:
            return found
        k = key(text)
        for word, code in self.hints:
            if len(word) >= 2 and word in k:
                return code
        return None

    def resolve(self, text: str) -> str:
        """The code `text` names, or a refusal listing the choices."""
        found = self.find(text)
        if found is None:
            raise LedgerError("error.code_unknown", kind=kind_label(self.kind), value=text,
                              choices="、".join(e.label for e in self.entries if e.active))
        return found

    def _names(self, codes: Iterable[str]) -> str:
        return "、".join(f"{self.by_code[c].label}（{c}）" if c in self.by_code else c
                        for c in sorted(codes))


def resolve(ledger: Ledger, kind: str, text: str) -> str:
    """The code of the entry `text` names (its code, label or a synonym), or a refusal."""
    _check_kind(kind)
    return Words(ledger, kind).resolve(text)


def split(text: str) -> list[str]:
    return [part for part in SEPARATORS.split(text.strip()) if part]


def check_value(ledger: Ledger, form, kind: str, keep: str | None = None) -> str | None:
    """Validate field `kind` of a record form: a code, label or synonym of an active entry
    (or the value the record holds already, `keep`, even if retired since)."""
    value = form.text(kind, required=True)
    if value is None:
        return None
    words = Words(ledger, kind)
    try:
        code = words.resolve(value)
    except LedgerError as error:
        form.fail(kind, error.code, **error.params)
        return value
    entry = words.by_code[code]
    if not entry.active and code != keep:
        form.fail(kind, "error.code_retired", kind=kind_label(kind), label=entry.label)
    form.values[kind] = code
    return code


def check_extra(ledger: Ledger, form, keep: str | None = None) -> None:
    """Validate `extra_categories` (codes or words, a list or "大气、噪声"), stored as codes
    joined by commas, the main category left out."""
    raw = form.raw.get("extra_categories")
    if raw is None or raw == "" or raw == []:
        form.values["extra_categories"] = None
        return
    parts = split(raw) if isinstance(raw, str) else [str(p) for p in raw]
    words = Words(ledger, "category")
    kept = set(split(keep or ""))
    found = []
    for part in parts:
        try:
            code = words.resolve(part)
        except LedgerError as error:
            form.fail("extra_categories", error.code, **error.params)
            continue
        if not words.by_code[code].active and code not in kept:
            form.fail("extra_categories", "error.code_retired", kind=kind_label("category"),
                      label=words.by_code[code].label)
        found.append(code)
    main = form.values.get("category")
    extra = [c for c in dict.fromkeys(found) if c != main]
    form.values["extra_categories"] = ",".join(extra) or None


def categories_of(main: str, extra: str | None) -> list[str]:
    """A problem's categories, the main one first."""
    return [main, *[c for c in (extra or "").split(",") if c and c != main]]


# -- a manager's changes

def _require(ledger: Ledger) -> None:
    operators.require(ledger, operators.Action.CODES)


def _clean_label(kind: str, label: str) -> str:
    label = " ".join((label or "").split())
    if not label:
        raise LedgerError("error.code_label_required", kind=kind_label(kind))
    if len(label) > MAX_LABEL:
        raise LedgerError("error.too_long", limit=MAX_LABEL, length=len(label))
    if SEPARATORS.search(label):
        raise LedgerError("error.code_label_separator", label=label)
    return label


def _clean_words(words: Iterable[str]) -> list[str]:
    cleaned = list(dict.fromkeys(w for w in (" ".join(str(w).split()) for w in words) if w))
    if len(cleaned) > MAX_WORDS:
        raise LedgerError("error.code_too_many_synonyms", limit=MAX_WORDS)
    for word in cleaned:
        if len(word) > MAX_LABEL:
            raise LedgerError("error.too_long", limit=MAX_LABEL, length=len(word))
    return cleaned


def _refuse_taken(ledger: Ledger, kind: str, words: Iterable[str], own: str | None) -> None:
    """No word may name two live entries of one list."""
    taken = Words(ledger, kind)
    for word in words:
        found = taken.exact.get(key(word))
        if found and found != own:
            raise LedgerError("error.code_word_taken", word=word,
                              label=taken.by_code[found].label, code=found)


def _new_code(ledger: Ledger, kind: str, row_id: str) -> str:
    """x and the last six hex digits of the entry's (random) id, e.g. x3f9c0a: two PCs that
    each add an entry before they exchange never make the same code."""
    used = {e.code for e in entries(ledger, kind)}
    for width in range(6, 13):
        code = "x" + row_id.replace("-", "")[-width:]
        if code not in used:
            return code
    raise LedgerError("error.code_taken", kind=kind_label(kind), code=code)


def add(ledger: Ledger, kind: str, label: str, code: str | None = None,
        synonyms: Iterable[str] = ()) -> Changes:
    """A new entry at the end of the list."""
    _require(ledger)
    _check_kind(kind)
    label = _clean_label(kind, label)
    words = _clean_words(synonyms)
    row_id = rows.new_id()
    with ledger.transaction():
        if code:
            code = code.strip().lower()
            if not _CODE.match(code):
                raise LedgerError("error.code_format", code=code)
            if ledger.conn.execute(f"SELECT 1 FROM {TABLE} WHERE kind = ? AND code = ?",
                                   (kind, code)).fetchone():
                raise LedgerError("error.code_taken", kind=kind_label(kind), code=code)
        else:
            code = _new_code(ledger, kind, row_id)
        _refuse_taken(ledger, kind, [code, label, *words], None)
        last = ledger.conn.execute(f"SELECT coalesce(max(sort_order), 0) FROM {TABLE} "
                                   "WHERE kind = ?", (kind,)).fetchone()[0]
        rows.insert(ledger, TABLE, {
            "id": row_id, "kind": kind, "code": code, "label": label,
            "synonyms": json.dumps(words, ensure_ascii=False), "sort_order": last + 10})
    return Changes.of(TABLE, ids=(row_id,))


def rename(ledger: Ledger, kind: str, code: str, label: str) -> Changes:
    """A new label; the old one stays a synonym, so files written with it still import."""
    _require(ledger)
    entry = get(ledger, kind, resolve(ledger, kind, code))
    label = _clean_label(kind, label)
    _refuse_taken(ledger, kind, [label], entry.code)
    words = [w for w in (*entry.synonyms, entry.label) if key(w) != key(label)]
    with ledger.transaction():
        rows.update(ledger, TABLE, entry.id, {
            "label": label, "synonyms": json.dumps(list(dict.fromkeys(words)), ensure_ascii=False)})
    return Changes.of(TABLE, ids=(entry.id,))


def set_synonyms(ledger: Ledger, kind: str, code: str, synonyms: Iterable[str]) -> Changes:
    """Replace the entry's synonyms."""
    _require(ledger)
    entry = get(ledger, kind, resolve(ledger, kind, code))
    words = _clean_words(synonyms)
    _refuse_taken(ledger, kind, words, entry.code)
    with ledger.transaction():
        rows.update(ledger, TABLE, entry.id,
                    {"synonyms": json.dumps(words, ensure_ascii=False)})
    return Changes.of(TABLE, ids=(entry.id,))


def move(ledger: Ledger, kind: str, code: str, position: int) -> Changes:
    """Put the entry at `position` (1 = first) of the list; the others keep their order."""
    _require(ledger)
    listed = entries(ledger, kind)
    entry = get(ledger, kind, resolve(ledger, kind, code))
    if not 1 <= position <= len(listed):
        raise LedgerError("error.number_range", low=1, high=len(listed))
    others = [e for e in listed if e.code != entry.code]
    others.insert(position - 1, entry)
    with ledger.transaction():
        for n, e in enumerate(others):
            if e.sort_order != 10 * (n + 1):
                rows.update(ledger, TABLE, e.id, {"sort_order": 10 * (n + 1)})
    return Changes.of(TABLE, ids=(entry.id,))


def retire(ledger: Ledger, kind: str, code: str, active: bool = False) -> Changes:
    """Stop offering the entry for new records (rows that carry it keep it and are still
    counted under it); `active=True` brings it back."""
    _require(ledger)
    entry = get(ledger, kind, resolve(ledger, kind, code))
    if entry.merged_into and active:
        raise LedgerError("error.code_merged", label=entry.label, into=entry.merged_into)
    with ledger.transaction():
        rows.update(ledger, TABLE, entry.id, {"active": int(active)})
    return Changes.of(TABLE, ids=(entry.id,))


def merge(ledger: Ledger, kind: str, source: str, target: str) -> Changes:
    """Move every problem of entry `source` to `target` (each move in the audit trail),
    retire `source`, and keep its words as synonyms of `target`."""
    _require(ledger)
    words = Words(ledger, kind)
    old = words.by_code[words.resolve(source)]
    new = words.by_code[words.resolve(target)]
    if old.code == new.code:
        raise LedgerError("error.code_merge_same", label=old.label)
    if not new.active:
        raise LedgerError("error.code_retired", kind=kind_label(kind), label=new.label)
    moved = []
    with ledger.transaction():
        for row_id, values in _moved_rows(ledger, kind, old.code, new.code):
            rows.update(ledger, "problem", row_id, values)
            moved.append(row_id)
        synonyms = [w for w in dict.fromkeys((*new.synonyms, old.label, *old.synonyms))
                    if key(w) != key(new.label)]
        rows.update(ledger, TABLE, new.id, {"synonyms": json.dumps(synonyms, ensure_ascii=False)})
        rows.update(ledger, TABLE, old.id, {"active": 0, "merged_into": new.code,
                                            "synonyms": "[]"})
    return Changes.of(TABLE, "problem", ids=(new.id, *moved))


def _moved_rows(ledger: Ledger, kind: str, old: str, new: str) -> list[tuple[str, dict]]:
    if kind == "source":
        return [(r[0], {"source": new}) for r in ledger.conn.execute(
            "SELECT id FROM problem WHERE source = ?", (old,))]
    found = []
    for row_id, main, extra in ledger.conn.execute(
            "SELECT id, category, extra_categories FROM problem WHERE category = ? OR "
            "instr(',' || extra_categories || ',', ',' || ? || ',') > 0", (old, old)):
        codes = [new if c == old else c for c in categories_of(main, extra)]
        codes = list(dict.fromkeys(codes))
        values = {"category": codes[0], "extra_categories": ",".join(codes[1:]) or None}
        found.append((row_id, {k: v for k, v in values.items()
                               if v != {"category": main, "extra_categories": extra}[k]}))
    return found


def as_dict(entry: Entry, rows_using: int | None = None) -> dict:
    """An entry as `codes list --json` prints it."""
    data = {"code": entry.code, "label": entry.label, "synonyms": list(entry.synonyms),
            "order": entry.sort_order, "active": entry.active, "merged_into": entry.merged_into}
    if rows_using is not None:
        data["problems"] = rows_using
    return data


def usage(ledger: Ledger, kind: str) -> dict[str, int]:
    """code → how many problems carry it (as main category, for categories)."""
    column = "category" if kind == "category" else "source"
    return dict(ledger.conn.execute(
        f"SELECT {column}, count(*) FROM problem GROUP BY {column}").fetchall())
