"""Signing in at start, once a ledger has operators; the signed-in role decides what is offered."""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QWidget

from core import messages, operators
from core.ledger import Ledger

from ..context import AppContext

REMEMBERED_FILE = "remembered.json"  # in the GUI's settings folder, never in the ledger


def _state(ledger: Ledger, file: Path) -> tuple[bool, operators.Operator | None]:
    """Runs on the worker: must someone sign in, and who, if this PC remembers an operator."""
    if not operators.sign_in_required(ledger):
        return False, None
    return True, operators.sign_in_remembered(ledger, file)


def role_text(operator: operators.Operator) -> str:
    return f"{operator.name}（{messages.label(f'role.{operator.role.value}')}）"


def sign_in(ctx: AppContext, folder: Path, parent: QWidget | None = None) -> bool:
    """Before the window: sign an operator in if the ledger has any; False if the user gave up.
    The worker's ledger then writes under that login and acts with that role."""
    file = folder / REMEMBERED_FILE
    required, operator = ctx.db.call(lambda ledger: _state(ledger, file))
    if not required:
        return True
    if operator is None:
        from PySide6.QtWidgets import QDialog

        from ..icon import install as install_icon
        from .signin_dialog import SignInDialog

        install_icon()
        dialog = SignInDialog(ctx.db, ctx.db.path, file, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.operator is None:
            return False
        operator = dialog.operator
    ctx.account = operator
    ctx.db_operator = operator.login
    return True


def offer(ctx: AppContext, action: operators.Action | str,
          show: Callable[[bool], None]) -> None:
    """Ask the worker's ledger whether its operator may do `action`, and pass the answer to
    `show` (a widget's setVisible or setEnabled). Core refuses the action again on every
    write, so this only keeps refused actions out of sight."""
    ctx.db.op(lambda ledger: operators.can(ledger, action)).success(show).run()
