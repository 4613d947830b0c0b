"""Plots and the whole dashboard to files for a meeting: PNG, SVG (plots), PDF (page)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QMarginsF, QPoint, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QAbstractButton, QWidget


def export_chart(chart, path: Path) -> Path:
    """One plot as PNG (as on screen, at twice its pixels) or SVG, by the file's suffix."""
    if path.suffix.lower() == ".svg":
        from pyqtgraph.exporters import SVGExporter

        SVGExporter(chart.ci).export(fileName=str(path))
        return path
    pixmap = chart.grab()
    if not pixmap.save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


@contextmanager
def _without_buttons(sheet: QWidget) -> Iterator[None]:
    """Leave the export buttons out of the picture."""
    shown = [b for b in sheet.findChildren(QAbstractButton) if b.isVisible()]
    for button in shown:
        button.setVisible(False)
    try:
        yield
    finally:
        for button in shown:
            button.setVisible(True)


def export_page(sheet: QWidget, path: Path) -> Path:
    """The whole dashboard on one page: a PDF (A4, text kept as text) or a PNG."""
    with _without_buttons(sheet):
        if path.suffix.lower() != ".pdf":
            if not sheet.grab().save(str(path), "PNG"):
                raise OSError(f"cannot write {path}")
            return path
        _pdf(sheet, path)
    return path


def _pdf(sheet: QWidget, path: Path) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setTitle(sheet.window().windowTitle())
    orientation = (QPageLayout.Orientation.Portrait if sheet.height() > sheet.width()
                   else QPageLayout.Orientation.Landscape)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                     QMarginsF(8, 8, 8, 8)))
    painter = QPainter(writer)
    try:
        area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        size = sheet.size()
        scale = min(area.width() / size.width(), area.height() / size.height())
        painter.scale(scale, scale)
        sheet.render(painter, QPoint(0, 0))
    finally:
        painter.end()
