"""The first day with an empty ledger: each empty page says what to do next and offers it
(a new record, a ledger imported from Excel, demo data to try the program on)."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from .context import AppContext
from .i18n import tr


class EmptyState(QFrame):
    """Shown instead of an empty table: what this page holds and how to begin."""

    def __init__(self, ctx: AppContext, text: str, new: Callable[[], None] | None,
                 new_label: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("empty_state")
        self.setStyleSheet("#empty_state { background: #f5f7fa; border-radius: 6px; }")
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setStyleSheet("font-size: 12pt; color: #333; background: transparent;")
        self.new_button = QPushButton(new_label or tr("New record"))
        self.new_button.setVisible(new is not None)
        if new is not None:
            self.new_button.clicked.connect(new)
        self.import_button = QPushButton(tr("Import a ledger from Excel…"))
        self.import_button.clicked.connect(self.open_import)
        self.demo_button = QPushButton(tr("Load demo data"))
        self.demo_button.setToolTip(tr("Only while the ledger is empty; for trying the program"))
        self.demo_button.clicked.connect(self.load_demo)
        self.demo_button.hide()  # until the ledger is known to be empty
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.new_button, self.import_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addSpacing(12)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def refresh(self) -> None:
        """Offer demo data only while the ledger holds nothing it would mix with."""
        def can_load(ledger) -> bool:
            from core import demo  # on the reader: the demo's generator loads numpy
            return demo.can_load(ledger)
        self.ctx.db.read(can_load).success(self.demo_button.setVisible).run()

    def open_import(self) -> None:
        window = self.window()
        if hasattr(window, "open_import"):
            window.open_import()

    def load_demo(self) -> None:
        from .progress import run_with_progress

        def failed(error: BaseException) -> None:
            from .worker import Cancelled
            if not isinstance(error, Cancelled):
                QMessageBox.warning(self, tr("Load demo data"), str(error))

        def load(ledger, progress, cancelled):
            from core import demo
            return demo.load(ledger, progress=progress)
        run_with_progress(self.ctx.db, self.window(), tr("Loading demo data…"), load,
                          lambda _changes: None, failure=failed)
