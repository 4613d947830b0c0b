"""Write the man pages of both programs from their own argument parsers, so they cannot
drift from the options: `python packaging/manpages.py FOLDER [DATE]` → FOLDER/ecoledger.1,
FOLDER/ecoledger-cli.1 (troff, man(7) macros). The .deb installs them gzipped."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILES = """.SH FILES
.TP
.I ~/.local/share/EcoLedger/ledger.db
the ledger (one SQLite file per bureau), beside its backups and attachments;
.B \\-\\-db
or
.B ECOLEDGER_DB
name another.
"""
ENVIRONMENT = """.SH ENVIRONMENT
.TP
.B ECOLEDGER_DB
the ledger file used when no \\fB\\-\\-db\\fR is given.
.TP
.B ECOLEDGER_LANG
language of messages: \\fBzh_CN\\fR (default) or \\fBen\\fR.
.TP
.B ECOLEDGER_EXCHANGE_KEY
the shared key that signs and checks exchange files.
"""


def escape(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("-", "\\-")
    return "\n".join(("\\&" + line) if line.startswith((".", "'")) else line
                     for line in text.splitlines())


def options(parser: argparse.ArgumentParser) -> list[str]:
    lines = []
    for action in parser._actions:
        if not action.option_strings or isinstance(action, argparse._HelpAction):
            continue
        names = ", ".join(f"\\fB{escape(name)}\\fR" for name in action.option_strings)
        metavar = "" if action.nargs == 0 else f" \\fI{escape(action.dest.upper())}\\fR"
        lines += [".TP", names + metavar, escape(action.help or "")]
    return lines


def commands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    """Every subcommand with its help line, nested groups spelled out (problem add …)."""
    lines = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            continue
        helps = {choice.dest: choice.help for choice in action._choices_actions}
        for name, sub in action.choices.items():
            full = f"{prefix}{name}"
            lines += [".TP", f"\\fB{escape(full)}\\fR", escape(helps.get(name) or sub.description or "")]
            lines += commands(sub, full + " ")
    return lines


def synopsis(parser: argparse.ArgumentParser) -> str:
    """Options in brackets, then the command when there are subcommands."""
    parts = []
    for action in parser._actions:
        if not action.option_strings or isinstance(action, argparse._HelpAction):
            continue
        value = "" if action.nargs == 0 else f" \\fI{escape(action.dest.upper())}\\fR"
        parts.append(f"[\\fB{escape(action.option_strings[-1])}\\fR{value}]")
    if any(isinstance(action, argparse._SubParsersAction) for action in parser._actions):
        parts.append("\\fIcommand\\fR [\\fIarguments\\fR]")
    return " ".join(parts)


def page(name: str, parser: argparse.ArgumentParser, summary: str, description: str,
         date: str, extra: list[str]) -> str:
    import core
    title = escape(name.upper())
    head = [f'.TH {title} 1 "{date}" "EcoLedger {core.__version__}" "EcoLedger"',
            ".SH NAME", f"{escape(name)} \\- {escape(summary)}",
            ".SH SYNOPSIS", f"\\fB{escape(name)}\\fR {synopsis(parser)}",
            ".SH DESCRIPTION", escape(description), ".SH OPTIONS", *options(parser)]
    return "\n".join(head + extra) + "\n" + FILES + ENVIRONMENT + (
        ".SH EXIT STATUS\n0 on success; 1 when the ledger refuses what was asked "
        "(one line on standard error says why).\n.SH SEE ALSO\n"
        + ("\\fBecoledger\\-cli\\fR(1)" if name == "ecoledger" else "\\fBecoledger\\fR(1)") + "\n")


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    date = argv[1] if len(argv) > 1 else "2026-12-01"
    folder.mkdir(parents=True, exist_ok=True)
    from core.cli import build_parser as cli_parser
    from gui.app import build_parser as gui_parser
    (folder / "ecoledger.1").write_text(page(
        "ecoledger", gui_parser(), "inspection and rectification ledger (desktop app)",
        "EcoLedger (生态环境整改台账) keeps a local Ecology and Environment Bureau's inspections, "
        "the problems found or assigned from above and their rectification up to closing, "
        "penalty cases, and writes the statistical returns in the province's Excel form. "
        "It works offline, on one ledger file.", date, []), encoding="utf-8")
    (folder / "ecoledger-cli.1").write_text(page(
        "ecoledger-cli", cli_parser(), "every operation of the EcoLedger ledger from the command line",
        "The command line reaches every core operation of the desktop app on the same "
        "ledger file, with the same rules, for scripts and for work without a screen.",
        date, [".SH COMMANDS", *commands(cli_parser())]), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
