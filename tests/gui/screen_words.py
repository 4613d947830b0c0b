"""What a user reads on screen: the texts of a widget tree's visible labels, buttons, tabs,
group boxes, headers, list entries and placeholders (table cells are data, not read here)."""
from __future__ import annotations

import re
from typing import Iterator

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QHeaderView, QLabel,
                               QLineEdit, QListWidget, QTabBar, QWidget)

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
# An English word: two or more letters, some lower case (AQI, KB, PM2.5 are not words).
WORD = re.compile(r"(?<![.\w-])[A-Za-z]*[a-z][A-Za-z]*\b")
# Words the Chinese interface keeps: product names, keys, file kinds, units.
KEPT = {"Excel", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "Del", "ecoledger", "cli",
        "xlsx", "xls", "csv", "ods", "ecox", "key", "png", "jpg", "pdf", "txt", "ug", "mg",
        "KB", "MB", "air", "rankings", "import", "wangxf"}


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) of every text `root` shows now."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root.window()) or not widget.isVisible():
            continue
        yield from _texts_of(widget)


def _texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    kind = type(widget).__name__
    if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.RichText:
        yield kind, widget.text()
    elif isinstance(widget, QLabel):
        yield kind, re.sub(r"<[^>]+>", " ", widget.text())
    elif isinstance(widget, QAbstractButton) and not widget.inherits("QHeaderView"):
        yield kind, widget.text()
    elif isinstance(widget, QGroupBox):
        yield kind, widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            yield kind, widget.tabText(index)
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        model = widget.model()
        count = model.columnCount() if widget.orientation() == Qt.Orientation.Horizontal else 0
        for section in range(count):
            if not widget.isSectionHidden(section):
                yield kind, str(model.headerData(section, widget.orientation()) or "")
    elif isinstance(widget, QListWidget) and widget.objectName() == "nav":
        for row in range(widget.count()):
            yield kind, widget.item(row).text()
    elif isinstance(widget, QLineEdit):
        yield kind + ".placeholder", widget.placeholderText()
    elif isinstance(widget, QComboBox) and not widget.isEditable():
        yield kind, widget.currentText()
    if widget.isWindow():
        yield kind + ".title", widget.windowTitle()


def english_words(text: str) -> list[str]:
    """The English words of `text` a Chinese interface should not show."""
    return [w for w in WORD.findall(text) if w not in KEPT and len(w) > 1]


def chinese_left(text: str, data: list[str]) -> str:
    """What of `text` is Chinese once the ledger's own names (`data`, longest first) are
    taken out: empty in a wholly English interface."""
    for name in data:
        if name and name in text:
            text = text.replace(name, "")
    return "".join(CJK.findall(text))
