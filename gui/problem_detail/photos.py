"""Thumbnails of a problem's photos; on a closed problem, before and after side by side."""
from __future__ import annotations

import time

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QPushButton, QWidget

from typing import TYPE_CHECKING

from ..context import AppContext
from ..i18n import tr

if TYPE_CHECKING:
    from core.attachments import Attachment

THUMB = 96


class PhotoStrip(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._last_opened: tuple[object, float] = (None, 0.0)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)

    def show_files(self, files: list["Attachment"], closed: bool) -> None:
        """Lay out the files; a closed problem shows 'before' and 'after' in two rows."""
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        groups = [("before", tr("Before")), ("after", tr("After"))] if closed else [
            (None, tr("Photos and files"))]
        for row, (phase, caption) in enumerate(groups):
            chosen = [f for f in files if phase is None or f.phase == phase]
            if not chosen and phase is None:
                continue
            self.grid.addWidget(QLabel(caption), row, 0, Qt.AlignmentFlag.AlignTop)
            for column, attachment in enumerate(chosen[:6], 1):
                self.grid.addWidget(self._tile(attachment), row, column)
        self.setVisible(bool(files) or closed)

    def _tile(self, attachment: "Attachment") -> QWidget:
        button = QPushButton()
        button.setFlat(True)
        phase = tr("Before") if attachment.phase == "before" else tr("After")
        button.setToolTip(f"{attachment.name} · {phase} · {attachment.attached_on}")
        pixmap = QPixmap(str(attachment.path)) if attachment.is_image else QPixmap()
        if not pixmap.isNull():
            button.setIcon(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
            button.setIconSize(pixmap.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio)
                               .size())
        else:
            button.setText(attachment.name)
        button.clicked.connect(lambda: self.open_file(attachment))
        return button

    def open_file(self, attachment: "Attachment") -> None:
        """Open the file in its program, once: the second click of a double-click (which
        a button reports as a second click) does not open it again."""
        now = time.monotonic()
        last_path, last_time = self._last_opened
        if last_path == attachment.path and \
                now - last_time < QApplication.doubleClickInterval() / 1000:
            return
        self._last_opened = (attachment.path, now)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachment.path)))
