"""Bad input everywhere: validators and parsers never crash and never accept an invalid
value; the workflow state machine never reaches a state the rules do not allow."""
from __future__ import annotations

import datetime as dt
import re
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings as hsettings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from stdnum.cn import uscc

from core import audit, dates, enterprises, money, penalties, problems, settings
from core.errors import LedgerError, ValidationError
from core.ledger import Ledger
from core.validation import Form, clean_text, credit_code_problem
from core.workflow import MANAGER_ONLY, TRANSITIONS, Status
from acceptance_data import ACCEPTED

ANYTHING = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    # quiet NaN only: a signalling NaN cannot come from typing, pasting or a spreadsheet
    st.decimals(allow_nan=False, allow_infinity=True), st.just(Decimal("NaN")),
    st.text(), st.dates(),
    st.text(alphabet="0123456789０１２３４５６７８９-/.年月日 ,，．元eE+-", max_size=30))
FAST = hsettings(max_examples=100, deadline=None)
SLOW_OK = hsettings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


# -- dates

@FAST
@given(ANYTHING)
@example("2019-02-29")
@example("2019年13月1日")
@example(float("nan"))
@example(10**30)
def test_parse_date_returns_a_date_or_raises_date_error(value):
    try:
        day = dates.parse_date(value)
    except dates.DateError:
        return
    assert isinstance(day, dt.date)


@FAST
@given(st.dates(min_value=dt.date(1900, 3, 1)), st.sampled_from(
    ["{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}{m:02d}{d:02d}",
     " {y} 年 {m} 月 {d} 日 "]))
def test_every_written_form_of_a_date_reads_back(day, form):
    text = form.format(y=day.year, m=day.month, d=day.day)
    assert dates.parse_date(text) == day
    full_width = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert dates.iso(full_width) == day.isoformat()


@FAST
@given(st.integers(min_value=2, max_value=2958465))
def test_excel_serials_read_back(serial):
    day = dates.from_excel_serial(serial)
    assert (day - dt.date(1899, 12, 30)).days == serial


# -- money

@FAST
@given(ANYTHING)
@example("1e999999999")
@example("-0.005")
@example("Infinity")
def test_parse_yuan_returns_fen_or_raises_value_error(value):
    try:
        fen = money.parse_yuan(value)
    except ValueError:
        return
    assert isinstance(fen, int)


@FAST
@given(st.decimals(min_value=0, max_value=Decimal("9999999999999.99"), places=2))
def test_amounts_in_yuan_read_back_exactly_as_fen(amount):
    assert money.parse_yuan(str(amount)) == int(amount * 100)
    assert money.parse_yuan(f"{amount:,}元") == int(amount * 100)


@FAST
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_an_amount_shown_in_yuan_reads_back_as_its_fen(fen):
    shown = money.fen_to_yuan_text(fen)  # what a table of fines shows: 355,500.00
    assert shown == f"{Decimal(fen) / 100:,.2f}"
    assert money.parse_yuan(shown) == fen


# -- unified social credit codes

_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@st.composite
def credit_codes(draw):
    body = (draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
            + draw(st.text(alphabet=_CODE_CHARS, min_size=9, max_size=9)))
    return body + uscc.calc_check_digit(body)


@FAST
@given(credit_codes())
def test_valid_credit_codes_pass_and_one_changed_character_never_passes(code):
    assert credit_code_problem(code) is None
    position = len(code) - 1
    changed = code[:position] + ("0" if code[position] != "0" else "1")
    assert credit_code_problem(changed) is not None


@FAST
@given(ANYTHING)
@example("91140100MA0GRWE85Y ")
@example("９１１４０１００ＭＡ０ＧＲＷＥ８５Ｙ")
def test_the_credit_code_field_never_accepts_a_malformed_code(value):
    form = Form({"credit_code": value})
    code = form.credit_code()
    if value is not None and not form.has_error("credit_code") and code is not None:
        assert re.fullmatch(r"[0-9A-Z]{18}", code)


# -- the form readers

@FAST
@given(ANYTHING)
def test_form_date_accepts_only_real_dates_in_range(value):
    form = Form({"day": value}, today=dt.date(2024, 6, 1))
    form.date("day", not_future=True)
    if not form.has_error("day"):
        day = dt.date.fromisoformat(form.values["day"])
        assert dt.date(1980, 1, 1) <= day <= dt.date(2024, 6, 1)


@FAST
@given(ANYTHING)
def test_form_money_accepts_only_amounts_in_range(value):
    form = Form({"fine": value})
    form.money("fine", "fine_fen")
    if not form.has_error("fine"):
        assert 0 <= form.values["fine_fen"] < 10**15


@FAST
@given(ANYTHING, st.integers(-5, 5), st.integers(0, 200))
def test_form_integer_accepts_only_integers_in_range(value, low, span):
    form = Form({"n": value})
    form.integer("n", low, low + span)
    # nothing but spaces and control characters is blank too
    blank = value is None or (isinstance(value, str) and not clean_text(value))
    if blank:
        assert form.values["n"] == 0  # the default stands for an empty field
    elif not form.has_error("n"):
        assert low <= form.values["n"] <= low + span


@FAST
@given(ANYTHING, st.integers(1, 50))
def test_form_text_respects_required_and_length(value, limit):
    form = Form({"t": value})
    text = form.text("t", required=True, max_length=limit)
    if not form.has_error("t"):
        assert text and text.strip() and len(text) <= limit


# -- whole records

_PROBLEM_FIELDS = st.fixed_dictionaries({}, optional={
    k: ANYTHING for k in ("source", "region_code", "category", "description", "assigned_on",
                          "deadline", "number", "responsible_unit", "batch_id")})


@SLOW_OK
@given(raw=_PROBLEM_FIELDS)
def test_problem_check_never_crashes_and_a_clean_form_is_a_valid_problem(ledger, raw):
    form = problems.check(ledger, raw)
    if not form.blocking:
        values = form.values
        assert values["description"] and values["assigned_on"] <= values["deadline"]
        problems.add(ledger, raw)  # what check passes, the database takes


@SLOW_OK
@given(raw=st.fixed_dictionaries({}, optional={
    k: ANYTHING for k in ("case_number", "region_code", "violation", "decided_on", "fine",
                          "daily_fine_amount", "seizure")}))
def test_penalty_check_never_crashes(ledger, raw):
    form = penalties.check(ledger, raw)
    if not form.blocking:
        assert form.values["fine_fen"] >= 0 and form.values["case_number"]


@SLOW_OK
@given(raw=st.fixed_dictionaries({"name": st.text(max_size=5)}, optional={
    k: ANYTHING for k in ("credit_code", "region_code", "longitude", "latitude", "key_monitored")}))
def test_enterprise_check_never_crashes(ledger, raw):
    try:
        enterprises.add(ledger, raw)
    except ValidationError as refused:
        assert refused.issues
    else:
        lon = ledger.conn.execute("SELECT longitude FROM enterprise ORDER BY rowid DESC LIMIT 1"
                                  ).fetchone()[0]
        assert lon is None or 73 <= lon <= 136


# -- the workflow as a state machine, with roles

class Workflow(RuleBasedStateMachine):
    """A problem driven by random moves of random roles; a model says what must happen."""

    def __init__(self):
        super().__init__()
        self.folder = tempfile.TemporaryDirectory()
        self.ledger = Ledger.open(Path(self.folder.name) / "l.db")
        settings.set_jurisdiction(self.ledger, "141000")
        assigned = (dates.today() - dt.timedelta(days=30)).isoformat()
        self.problem = problems.add(self.ledger, {
            "source": "complaint", "region_code": "141021", "category": "dust",
            "description": "扬尘", "assigned_on": assigned,
            "deadline": dates.today().isoformat()}).id
        self.status = Status.ASSIGNED
        self.moves = 0
        self.withdrawn = False

    @rule(status=st.sampled_from([s.value for s in Status] + ["done", ""]),
          role=st.sampled_from(["clerk", "manager", "admin"]))
    def move(self, status, role):
        self.ledger.role = role
        allowed = (not self.withdrawn and status in {s.value for s in TRANSITIONS[self.status]}
                   and (Status(status) not in MANAGER_ONLY or role != "clerk"))
        try:
            problems.transition(self.ledger, self.problem, status, acceptance=ACCEPTED)
        except LedgerError:
            assert not allowed
            return
        assert allowed
        self.status = Status(status)
        self.moves += 1

    @precondition(lambda self: not self.withdrawn)
    @rule(reason=st.text(max_size=3))
    def withdraw(self, reason):
        try:
            problems.withdraw(self.ledger, self.problem, reason)
        except LedgerError:
            assert not clean_text(reason)  # nothing but spaces and control characters
            return
        self.withdrawn = True

    @invariant()
    def matches_the_model(self):
        row = problems.get(self.ledger, self.problem)
        assert row["status"] == self.status.value
        assert (row["closed_on"] is not None) == (self.status is Status.CLOSED)
        changes = [e for e in problems.timeline(self.ledger, self.problem) if e["status_to"]]
        assert len(changes) == self.moves + 1

    def teardown(self):
        assert audit.verify(self.ledger.conn) == []
        self.ledger.close()
        self.folder.cleanup()


Workflow.TestCase.settings = hsettings(max_examples=15, stateful_step_count=12, deadline=None)
test_workflow_state_machine = Workflow.TestCase


# -- campaigns, inspections and the cleaners of imported cells

@FAST
@given(st.fixed_dictionaries({}, optional={
    k: ANYTHING for k in ("name", "starts_on", "ends_on", "target_rate")}))
def test_campaign_check_never_accepts_an_invalid_campaign(raw):
    from core import campaigns

    form = campaigns.check_campaign(raw)
    if not form.blocking:
        values = form.values
        assert values["name"] and values["starts_on"] <= values["ends_on"]
        assert values["target_rate"] is None or 0 <= values["target_rate"] <= 100


@SLOW_OK
@given(raw=st.fixed_dictionaries({}, optional={
    k: ANYTHING for k in ("inspected_on", "kind", "result", "notes")}),
    officers=st.lists(st.one_of(st.text(max_size=4), st.just("  ")), max_size=4))
def test_inspection_check_needs_two_distinct_officers(ledger, raw, officers):
    from core import inspections

    form = inspections.check(ledger, {**raw, "enterprise_id": None}, officers)
    names = form.values["officers"]
    if not form.has_error("officers"):
        assert len(names) >= 2 and len(set(names)) == len(names)
    assert form.has_error("enterprise_id")  # required, so never a clean form here


@FAST
@given(ANYTHING)
@example(20190705.0)
@example("2019年7月5日前")
@example("2019-07-05 08:30:00")
def test_import_cleaners_never_crash_nor_pass_a_bad_date_or_code(value):
    from core.ledger_import import cleaning

    day, finding = cleaning.clean_date(value, today=dt.date(2024, 6, 1), not_future=True)
    if finding is None and day is not None:
        assert dt.date(1980, 1, 1) <= dt.date.fromisoformat(day) <= dt.date(2024, 6, 1)
    code, finding = cleaning.clean_credit_code(value)
    if code is not None and (finding is None or finding.warning):
        assert re.fullmatch(r"[0-9A-Z]{18}", code)
    text, finding = cleaning.clean_text(value, max_length=10, required=True)
    if finding is None:
        assert text and len(text) <= 10
    number, finding = cleaning.clean_number(value)
    if finding is None and number is not None:
        assert len(number) <= 60 and " " not in number
