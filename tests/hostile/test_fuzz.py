"""Every subcommand fuzzed in-process: no traceback, exit 0 or 1, nothing invalid stored."""
from __future__ import annotations

import argparse
import io
import shutil
from contextlib import redirect_stderr, redirect_stdout

from hypothesis import HealthCheck, given, settings, strategies as st

from core.cli import build_parser, main
from core.ledger import Ledger
from core.validation import MAX_TEXT, strip_invisible
from core.workflow import Status

from .conftest import built_ledger


def _commands() -> list[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    found = []

    def walk(parser, words):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, (*words, name))
                return
        found.append((words, parser))
    walk(build_parser(), ())
    return found


COMMANDS = _commands()
_VALUES = st.one_of(
    st.text(max_size=30), st.sampled_from(["", "0", "-1", str(2**63), str(2**70), "2019-02-30",
                                           "0000-00-00", "扬尘", "\x1b[31m红\u202e", "é" * 3000]),
    st.integers(-2**70, 2**70).map(str))


@st.composite
def calls(draw):
    words, parser = draw(st.sampled_from(COMMANDS))
    argv = list(words)
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction) or action.dest in ("output",) and \
                not action.option_strings:
            continue
        if not action.option_strings:  # a positional
            argv.append(draw(_VALUES))
            continue
        if not draw(st.booleans()):
            continue
        argv.append(action.option_strings[-1])
        if action.nargs != 0:
            values = list(action.choices) if action.choices else None
            argv.append(draw(st.sampled_from(values)) if values and draw(st.booleans())
                        else draw(_VALUES))
    return argv


def _stored_values_are_valid(path) -> None:
    with Ledger.open(path) as ledger:
        conn = ledger.conn
        for table in ("problem", "problem_log", "measure", "enterprise", "campaign", "batch",
                      "penalty_case", "deadline_extension", "inspection", "setting"):
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[2] == "TEXT"]
            for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
                for value in row:
                    if isinstance(value, str):
                        assert len(value) <= MAX_TEXT and strip_invisible(value) == value.strip(), \
                            (table, value[:80])
        statuses = {s.value for s in Status}
        assert {r[0] for r in conn.execute("SELECT DISTINCT status FROM problem")} <= statuses


def test_every_subcommand_fuzzed(tmp_path_factory, tmp_path):
    db = tmp_path / "ledger.db"
    shutil.copy(built_ledger(tmp_path_factory), db)
    seen = set()

    @settings(max_examples=300, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(calls())
    def one(argv):
        seen.add(tuple(w for w in argv[:2] if not w.startswith("-")))
        out, err = io.StringIO(), io.StringIO()
        with redirect_stdout(out), redirect_stderr(err):
            status = main(["--db", str(db), *argv])  # an exception here is a traceback
        assert status in (0, 1), (argv, status)
        if status == 1:
            assert err.getvalue().count("\n") >= 1 and "Traceback" not in err.getvalue()

    one()
    _stored_values_are_valid(db)
    assert len(seen) > 30  # most subcommands were reached
