"""Turning clean rows into ledger rows: match what exists, create what is new, write all or
nothing. Problems imported past 'assigned' get a status log that agrees with their
denormalised columns, so as-of statistics stay right."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterator

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import dates, permissions
from ..ids import new_ids
from ..db import now
from ..workflow import Status
from .cleaning import Finding
from .rows import RowReader, SourceRow

if TYPE_CHECKING:
    from ..ledger import Ledger

ASSIGNED, IN_PROGRESS, STAGE, REPORTED_DONE, CLOSED, REOPENED = (
    Status.ASSIGNED.value, Status.IN_PROGRESS.value, Status.STAGE_CONCLUDED.value,
    Status.REPORTED_DONE.value, Status.CLOSED.value, Status.REOPENED.value)
ORDER = (ASSIGNED, IN_PROGRESS, STAGE, REPORTED_DONE, CLOSED)


def path(start: str, target: str) -> list[str]:
    """The statuses after `start` on the way to `target` (阶段性办结 only when it is the
    target or the start; 反弹 after 销号)."""
    return list(_route(start, target))


@lru_cache(maxsize=None)
def _route(start: str, target: str) -> tuple[str, ...]:
    if target == REOPENED:
        return _route(start, CLOSED) + (REOPENED,)
    return tuple(s for s in ORDER[ORDER.index(start) + 1: ORDER.index(target) + 1]
                 if s != STAGE or target == STAGE)


BASE = ("id", "created_at", "updated_at", "operator")
PROBLEM_COLUMNS = BASE + (
    "number", "source", "campaign_id", "batch_id", "enterprise_id", "region_code", "category",
    "description", "assigned_on", "deadline", "responsible_unit", "responsible_person",
    "extra_categories", "complaint_number", "deadline_text", "deadline_kind", "status",
    "status_since", "deadline_in_force", "deadline_since", "done_on", "closed_on")
LOG_COLUMNS = BASE + ("problem_id", "happened_on", "seq", "status_from", "status_to", "note")
MEASURE_COLUMNS = BASE + ("problem_id", "seq", "description", "deadline", "responsible",
                          "progress", "done_on", "deadline_text", "deadline_kind")
ACCEPTANCE_COLUMNS = BASE + ("problem_id", "accepted_on", "accepted_by", "accepted_unit",
                             "opinion")
ENTERPRISE_COLUMNS = BASE + ("name", "credit_code", "region_code", "key_monitored")
BATCH_COLUMNS = BASE + ("campaign_id", "number", "name", "issued_on")
# Fields a sheet may correct on a problem already in the ledger.
UPDATABLE = ("number", "source", "batch_id", "enterprise_id", "region_code", "category",
             "description", "deadline", "responsible_unit", "responsible_person",
             "extra_categories", "complaint_number")
# The fields of a problem the sheet gives, in PROBLEM_COLUMNS' order after BASE.
RECORD = PROBLEM_COLUMNS[len(BASE):PROBLEM_COLUMNS.index("status")]
_DEADLINE, _ASSIGNED = RECORD.index("deadline"), RECORD.index("assigned_on")
_FIELD_OF = {"batch_id": "batch", "enterprise_id": "enterprise", "region_code": "region",
             "extra_categories": "category"}
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}\s*[.、．)）]|[（(]\s*\d{1,2}\s*[)）]|[①-⑳])\s*")
_LIST_SPLIT = re.compile(r"[；;]\s*")


class IdPool:
    """New ids handed out one by one in the order they were made (so the planned rows come
    out in id order), made 16,384 at a time."""

    def __init__(self, batch: int = 16384):
        self.one: Callable[[], str] = self._made(batch).__next__

    @staticmethod
    def _made(batch: int) -> Iterator[str]:
        while True:
            yield from new_ids(batch)

    def take(self, count: int = 1) -> list[str]:
        one = self.one
        return [one() for _ in range(count)]


@dataclass
class Plan:
    """Everything an import would write, with its counts."""

    enterprises: list[tuple] = field(default_factory=list)
    batches: list[tuple] = field(default_factory=list)
    problems: list[tuple] = field(default_factory=list)
    logs: list[tuple] = field(default_factory=list)
    measures: list[tuple] = field(default_factory=list)
    acceptances: list[tuple] = field(default_factory=list)
    updates: list[tuple[str, dict]] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    new_units: list[str] = field(default_factory=list)
    closed_as_done: int = 0  # rows marked closed that this operator may not close
    closed_rows: list[int] = field(default_factory=list)  # their Excel rows


class Planner:
    """Matches rows with the ledger and builds the rows to insert and the updates to make."""

    def __init__(self, ledger: Ledger, reader: RowReader, campaign_id: str | None = None,
                 today: dt.date | None = None):
        self.ledger = ledger
        self.reader = reader
        self.columns = reader.columns
        self.campaign_id = campaign_id
        self.today = (today or dates.today()).isoformat()
        self.stamp = now()
        self.operator = ledger.operator
        # Closing is a manager's decision on a sheet as by hand: for anyone else a closed
        # row comes in as reported done, with a warning on its status cell.
        self.may_close = permissions.can(ledger, permissions.Action.CLOSE)
        self.plan = Plan()
        self.ids = IdPool()
        self._pending_logs: list[tuple[str, list, str | None]] = []
        self._load()

    def _load(self) -> None:
        conn = self.ledger.conn
        self.by_code: dict[str, tuple[str, str]] = {}
        self.by_name: dict[str, tuple[str, str]] = {}
        self.coded: set[str] = set()
        for row_id, name, code, region in conn.execute(
                "SELECT id, name, credit_code, region_code FROM enterprise ORDER BY created_at"):
            if code:
                self.by_code.setdefault(code, (row_id, region))
                self.coded.add(row_id)
            self.by_name.setdefault(name, (row_id, region))
        self.batch_by_name: dict[str, tuple[str, str | None]] = {}
        for row_id, name, campaign in conn.execute("SELECT id, name, campaign_id FROM batch"):
            self.batch_by_name.setdefault(name, (row_id, campaign))
        self.existing_by_number: dict[str, dict] = {}
        self.existing_by_complaint: dict[str, dict] = {}
        self.existing_by_key: dict[tuple, dict] = {}
        for row in conn.execute(
                "SELECT id, number, source, batch_id, enterprise_id, region_code, category, "
                "description, assigned_on, deadline, responsible_unit, responsible_person, "
                "extra_categories, complaint_number, deadline_text, deadline_kind, status, "
                "status_since, deadline_in_force, deadline_since, done_on, closed_on "
                "FROM problem WHERE withdrawn_on IS NULL"):
            found = dict(row)
            if found["complaint_number"]:
                self.existing_by_complaint.setdefault(found["complaint_number"], found)
            if found["number"]:
                self.existing_by_number.setdefault(found["number"], found)
            self.existing_by_key.setdefault(
                (found["enterprise_id"], found["description"], found["assigned_on"]), found)
        self.any_existing = bool(self.existing_by_complaint or self.existing_by_number
                                 or self.existing_by_key)
        self.seen_numbers: dict[str, int] = {}
        self.seen_keys: dict[tuple, int] = {}
        self.new_batches: dict[str, list] = {}

    # -- per row

    def add(self, row: SourceRow, blocked: bool) -> None:
        """Plan one row; `blocked` rows (with errors) are only checked, never planned."""
        values = row.values
        enterprise_id, region = self._enterprise(row, blocked)
        if region is None or blocked:
            self._duplicate(row, enterprise_id)
            return
        values["region"] = region
        batch_id, campaign_id = self._batch(values)
        if self._duplicate(row, enterprise_id):
            return
        existing = self._existing(values, enterprise_id) if self.any_existing else None
        category = values["category"]
        if "," in category:
            main, *extra = category.split(",")  # 大气、噪声: the first is the main one
            extra_categories = ",".join(extra) or None
        else:
            main, extra_categories = category, None
        if values["status"] == CLOSED and not self.may_close and \
                (existing is None or existing["status"] != CLOSED):
            self._closed_as_done(row, values)
        get = values.get
        record = (  # in the order of RECORD
            get("number"), values["source"], campaign_id, batch_id, enterprise_id, region, main,
            values["description"], values["assigned_on"], get("deadline"),
            get("responsible_unit"), get("responsible_person"), extra_categories,
            get("complaint_number"), get("deadline_text"), get("deadline_kind") or "date")
        if existing is None:
            if values["status"] == REOPENED and not (
                    values.get("closed_on") and values.get("reopened_on")):
                # The sheet cannot say when the problem was closed and reopened.
                self._fail(row, "status", _status_label(values["status"]),
                           Finding("error.import_status_reopened"))
                return
            self._insert(record, values)
        else:
            self._update(row, existing, dict(zip(RECORD, record)), values)

    def _closed_as_done(self, row: SourceRow, values: dict) -> None:
        values["status"] = REPORTED_DONE
        values["done_on"] = values.get("done_on") or values.get("closed_on")
        values["closed_on"] = None
        self.plan.closed_as_done += 1
        self.plan.closed_rows.append(row.line)
        self._fail(row, "status", _status_label(CLOSED), Finding(
            "warning.import_closed_as_done", {"role": permissions.role_label(self.ledger)},
            warning=True))

    def _enterprise(self, row: SourceRow, blocked: bool) -> tuple[str | None, str | None]:
        """The enterprise id (found or planned) and the row's region code."""
        values = row.values
        name, code = values.get("enterprise"), values.get("credit_code")
        region = values.get("region")
        found = self.by_code.get(code) if code else None
        if found is None and name in self.by_name:
            # A name match holds unless the sheet gives a credit code the match lacks or contradicts.
            candidate = self.by_name[name]
            if not code or candidate[0] not in self.coded:
                found = candidate
        if found:
            return found[0], region or found[1]
        region = region or self.reader.regions.only or \
            self.reader.regions.found_in(values.get("responsible_unit"))
        if region is None:
            if "region" not in row.bad:
                self._fail(row, "region", None, Finding("error.import_region_needed"))
            return None, None
        if not (name or code):
            return None, region
        if not name:
            self._fail(row, "enterprise", None, Finding("error.import_enterprise_name_needed"))
            return None, None
        if blocked:
            return None, region
        row_id = self.ids.one()
        self.plan.enterprises.append(
            (row_id, self.stamp, self.stamp, self.operator, name, code, region, 0))
        entry = (row_id, region)
        if code:
            self.by_code[code] = entry
            self.coded.add(row_id)
        self.by_name.setdefault(name, entry)
        return row_id, region

    def _batch(self, values: dict) -> tuple[str | None, str | None]:
        name = values.get("batch")
        if not name:
            return None, self.campaign_id
        if name in self.batch_by_name:
            batch_id, campaign = self.batch_by_name[name]
            self._widen_batch(batch_id, values["assigned_on"])
            return batch_id, campaign or self.campaign_id
        row_id = self.ids.one()
        digits = re.search(r"\d+", name)
        number = int(digits.group()) if digits else len(self.new_batches) + 1
        batch = [row_id, self.stamp, self.stamp, self.operator, self.campaign_id,
                 min(number, 999), name, values["assigned_on"]]
        self.new_batches[row_id] = batch
        self.batch_by_name[name] = (row_id, self.campaign_id)
        return row_id, self.campaign_id

    def _widen_batch(self, batch_id: str, assigned_on: str) -> None:
        """A new batch is issued on the earliest assigned date of its problems."""
        batch = self.new_batches.get(batch_id)
        if batch and assigned_on < batch[7]:
            batch[7] = assigned_on

    def _duplicate(self, row: SourceRow, enterprise_id: str | None) -> bool:
        values = row.values
        number = values.get("complaint_number") or values.get("number")
        if number:
            first = self.seen_numbers.setdefault(number, row.line)
            if first != row.line:
                self._fail(row, "number", number, Finding("error.import_duplicate_row", {"line": first}))
                return True
            return False
        key = (enterprise_id, values.get("description"), values.get("assigned_on"))
        if key[0] is None and values.get("enterprise"):
            key = (values.get("enterprise"), key[1], key[2])
        first = self.seen_keys.setdefault(key, row.line)
        if first != row.line:
            self._fail(row, "description", values.get("description"),
                       Finding("error.import_duplicate_row", {"line": first}))
            return True
        return False

    def use(self, reader: RowReader) -> None:
        """Plan the next rows as read by `reader` (one sheet of several)."""
        self.reader = reader
        self.columns = reader.columns

    def _existing(self, values: dict, enterprise_id: str | None) -> dict | None:
        complaint = values.get("complaint_number")
        if complaint and complaint in self.existing_by_complaint:
            return self.existing_by_complaint[complaint]
        number = values.get("number")
        if number and number in self.existing_by_number:
            return self.existing_by_number[number]
        return self.existing_by_key.get((enterprise_id, values["description"], values["assigned_on"]))

    def _fail(self, row: SourceRow, name: str, value: object, finding: Finding) -> None:
        self.reader.add(row, name, value, finding)

    # -- new problems

    def _insert(self, record: tuple, values: dict) -> None:
        """`record`: the problem's fields in the order of RECORD."""
        problem_id = self.ids.one()
        history = self._history(values)
        _, status, since = history[-1]
        done_on = None
        for _, step, day in reversed(history):
            if step == REPORTED_DONE:
                done_on = day
                break
        closed_on = since if status == CLOSED else None
        self.plan.problems.append((
            problem_id, self.stamp, self.stamp, self.operator, *record,
            status, since, record[_DEADLINE], record[_ASSIGNED], done_on, closed_on))
        self._log(problem_id, history, 1, values.get("note"))
        self._measures(problem_id, values, status, done_on, 1)
        self._acceptance(problem_id, history, values)
        self.plan.added += 1

    def _history(self, values: dict, start: str = ASSIGNED,
                 start_day: str | None = None) -> list[tuple[str | None, str, str]]:
        """(from, to, day) steps from `start` to the row's status, dated from the sheet;
        a done or closed date the sheet lacks is taken as today."""
        target = values["status"]
        assigned = values["assigned_on"]
        get = values.get
        done_on, closed_on, today = get("done_on"), get("closed_on"), self.today
        done = done_on or closed_on
        closed = closed_on or done_on
        days = {IN_PROGRESS: start_day or assigned, STAGE: done or today,
                REPORTED_DONE: done or today, CLOSED: closed or today,
                REOPENED: get("reopened_on") or today}
        steps: list[tuple[str | None, str, str]] = []
        if start_day is None:
            steps.append((None, ASSIGNED, assigned))
        previous, day = start, start_day or assigned
        route = _route(start, target)
        if get("reopened") and start_day is None:
            # closed, reopened (反弹) and, unless still 反弹, back at work since that day
            reopened = values["reopened_on"]
            days[REPORTED_DONE] = min(d for d in (done_on, closed) if d)
            route = path(ASSIGNED, CLOSED) + [REOPENED]
            if target != REOPENED:
                route += [IN_PROGRESS] + [s for s in path(IN_PROGRESS, target)]
            for status in route:
                if status == IN_PROGRESS and previous == REOPENED:
                    day = reopened
                elif previous in (REOPENED, IN_PROGRESS) and day >= reopened and \
                        status in (STAGE, REPORTED_DONE, CLOSED):
                    day = max(day, values.get("done_on") or day)
                else:
                    day = max(day, days[status])
                steps.append((previous, status, day))
                previous = status
            return steps
        for status in route:
            day = max(day, days[status])
            steps.append((previous, status, day))
            previous = status
        return steps

    def _log(self, problem_id: str, history: list, first_seq: int, note: str | None = None) -> None:
        """The status steps; the file's progress text is the note of the last one."""
        one, stamp, operator, add = self.ids.one, self.stamp, self.operator, self.plan.logs.append
        last = first_seq + len(history) - 1
        for seq, (status_from, status_to, day) in enumerate(history, first_seq):
            add((one(), stamp, stamp, operator, problem_id, day, seq, status_from, status_to,
                 note if seq == last else None))

    def _measures(self, problem_id: str, values: dict, status: str, done_on: str | None,
                  first_seq: int, known: frozenset = frozenset()) -> int:
        done = status in (REPORTED_DONE, CLOSED)
        get = values.get
        if get("measure_items"):  # a task over several rows: one measure a row
            items = [(m, own or done, day or done_on, *deadline)
                     for text, own, day, *deadline in values["measure_items"]
                     for m in split_measures(text) if m not in known]
        else:
            own = (done, done_on, get("deadline"), get("deadline_text"), get("deadline_kind"))
            items = [(m, *own) for m in split_measures(get("measures")) if m not in known]
        one, stamp, operator, add = self.ids.one, self.stamp, self.operator, \
            self.plan.measures.append
        person, today = get("responsible_person"), self.today
        for seq, (text, finished, day, deadline, wording, kind) in enumerate(items, first_seq):
            add((one(), stamp, stamp, operator, problem_id, seq, text, deadline, person,
                 100 if finished else 0, (day or today) if finished else None, wording, kind))
        return len(items)

    def _acceptance(self, problem_id: str, steps: list, values: dict) -> None:
        """The verification (验收) of a closure the file records with its verifier."""
        if not values.get("accepted_by"):
            return
        closed = [day for _, status, day in steps if status == CLOSED]
        if not closed:
            return
        from .. import messages

        self.plan.acceptances.append((
            self.ids.one(), self.stamp, self.stamp, self.operator, problem_id,
            values.get("accepted_on") or closed[-1], values["accepted_by"],
            values.get("accepted_unit"),
            values.get("opinion") or messages.text("import.acceptance_opinion")))

    # -- problems already in the ledger

    def _update(self, row: SourceRow, existing: dict, record: dict, values: dict) -> None:
        changed = {name: record[name] for name in UPDATABLE
                   if self._mapped(name) and record[name] != existing[name]
                   and not (name == "number" and record[name] is None)}
        if "deadline" in changed and changed["deadline"] == existing["deadline_in_force"]:
            del changed["deadline"]  # the sheet shows the deadline in force after an extension
        if "batch_id" in changed and existing["batch_id"] and record["complaint_number"] \
                and record["complaint_number"] == existing["complaint_number"]:
            del changed["batch_id"]  # a later batch republishing a complaint: its first batch
        if "batch_id" in changed:
            changed["campaign_id"] = record["campaign_id"]
        if "deadline" in changed:
            changed["deadline_text"] = record["deadline_text"]
            changed["deadline_kind"] = record["deadline_kind"]
        if "deadline" in changed and existing["deadline_since"] == existing["assigned_on"] \
                and existing["deadline_in_force"] == existing["deadline"]:
            changed["deadline_in_force"] = record["deadline"]
        if record["assigned_on"] != existing["assigned_on"]:
            self._fail(row, "assigned_on", record["assigned_on"],
                       Finding("error.import_assigned_changed", {"day": existing["assigned_on"]}))
            return
        moved = self._advance(row, existing, values, changed)
        if moved is None:
            return
        added = self._new_measures(existing, values, changed.get("status") or existing["status"],
                                   changed.get("done_on") or existing["done_on"])
        if changed or moved or added:
            self.plan.updates.append((existing["id"], changed))
            self.plan.updated += 1
        else:
            self.plan.unchanged += 1

    def _mapped(self, name: str) -> bool:
        field_name = _FIELD_OF.get(name, name)
        if name == "enterprise_id":
            return "enterprise" in self.columns or "credit_code" in self.columns
        return field_name in self.columns

    def _advance(self, row: SourceRow, existing: dict, values: dict, changed: dict) -> bool | None:
        """Log the status steps from the ledger's status to the sheet's; None when refused."""
        current, target = existing["status"], values["status"]
        if "status" not in self.columns or target == current:
            return False
        if target == REOPENED and current == CLOSED and values.get("reopened_on"):
            pass
        elif current not in ORDER or target not in ORDER or ORDER.index(target) < ORDER.index(current):
            self._fail(row, "status", values["status"], Finding(
                "error.import_status_backwards", {"current": _status_label(current)}))
            return None
        steps = self._history(values, current, existing["status_since"])
        self._pending_logs.append((existing["id"], steps, values.get("note")))
        self._acceptance(existing["id"], steps, values)
        status, since = steps[-1][1], steps[-1][2]
        changed.update(status=status, status_since=since)
        for _, step, day in steps:
            if step == REPORTED_DONE:
                changed["done_on"] = day
            if step == CLOSED:
                changed["closed_on"] = day
        return True

    def _new_measures(self, existing: dict, values: dict, status: str, done_on: str | None) -> int:
        if "measures" not in self.columns or not values.get("measures"):
            return 0
        known = self._known_measures().get(existing["id"], [])
        if values["measures"] in ("；".join(known), "\n".join(known)):
            return 0
        return self._measures(existing["id"], values, status, done_on, len(known) + 1,
                              frozenset(known))

    def _known_measures(self) -> dict[str, list[str]]:
        if not hasattr(self, "_measures_cache"):
            cache: dict[str, list[str]] = {}
            for problem_id, text in self.ledger.conn.execute(
                    "SELECT problem_id, description FROM measure ORDER BY problem_id, seq"):
                cache.setdefault(problem_id, []).append(text)
            self._measures_cache = cache
        return self._measures_cache

    def _new_units(self) -> list[str]:
        """The bureau's units (开发区, 市直单位, townships) the new problems go to that hold no
        problem yet: announced before the import."""
        at = PROBLEM_COLUMNS.index("region_code")
        used = {row[at] for row in self.plan.problems}
        if not used:
            return []
        marks = ",".join("?" * len(used))
        return [name for (name,) in self.ledger.conn.execute(
            f"SELECT name FROM region r WHERE code IN ({marks}) "
            "AND coalesce(kind, '') IN ('zone', 'department', 'township') "
            "AND NOT EXISTS (SELECT 1 FROM problem p WHERE p.region_code = r.code) "
            "ORDER BY sort_order, code", list(used))]

    def finish(self) -> Plan:
        """Settle what needs every row first: batch dates, log numbers of updated problems."""
        self.plan.batches = [tuple(batch) for batch in self.new_batches.values()]
        self.plan.new_units = self._new_units()
        if self._pending_logs:
            seqs = dict(self.ledger.conn.execute(
                "SELECT problem_id, max(seq) FROM problem_log GROUP BY problem_id"))
            for problem_id, steps, note in self._pending_logs:
                self._log(problem_id, steps, seqs.get(problem_id, 0) + 1, note)
        return self.plan


def _status_label(status: str) -> str:
    from .. import messages

    return messages.label("status." + status)


@lru_cache(maxsize=4096)
def split_measures(value: object) -> tuple[str, ...]:
    """Measures written one per line (or joined by ；, as the app exports them), numbering
    removed."""
    if not value:
        return ()
    lines = str(value).split("\n")
    if len(lines) == 1:
        lines = _LIST_SPLIT.split(lines[0])
    items = [_NUMBERING.sub("", line).strip() for line in lines]
    return tuple(item for item in items if item)
