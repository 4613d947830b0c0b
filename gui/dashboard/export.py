"""Plots and the whole dashboard to files for a meeting: PNG, SVG (plots), PDF (page)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QWidget


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


def export_page(sheet: QWidget, path: Path) -> Path:
    """The whole dashboard on one page: a PDF (A4 landscape) or a PNG, by the suffix."""
    if path.suffix.lower() != ".pdf":
        if not sheet.grab().save(str(path), "PNG"):
            raise OSError(f"cannot write {path}")
        return path
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Landscape, QMarginsF(8, 8, 8, 8)))
    painter = QPainter(writer)
    try:
        area = QRectF(writer.pageLayout().paintRectPixels(writer.resolution()))
        size = sheet.size()
        scale = min(area.width() / size.width(), area.height() / size.height())
        painter.scale(scale, scale)
        sheet.render(painter, QPoint(0, 0))
    finally:
        painter.end()
    return path
