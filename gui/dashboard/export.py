"""Plots and the whole dashboard to files for a meeting: PNG, SVG (plots), PDF (page)."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QMarginsF, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

PRINT_DPI = 300
PRINT_WIDTH = 2480  # pixels: the width of an A4 page at 300 dpi


def export_chart(chart, path: Path, heading: str = "") -> Path:
    """One plot as PNG (A4 wide at 300 dpi, drawn again at that size, not enlarged) or SVG,
    by the file's suffix; `heading` (the unit, filters and date) stands above it."""
    if path.suffix.lower() == ".svg":
        from pyqtgraph.exporters import SVGExporter

        SVGExporter(chart.ci).export(fileName=str(path))
        if heading:
            _svg_heading(path, heading)
        return path
    if not render_chart(chart, heading).save(str(path), "PNG"):
        raise OSError(f"cannot write {path}")
    return path


def render_chart(chart, heading: str = "", width: int = PRINT_WIDTH) -> QImage:
    """The plot painted again at `width` pixels, as a screen of that many more pixels per
    point would show it (text, lines and legend scaled alike, not an enlarged screenshot),
    with `heading` in a strip above it."""
    view = chart.viewport()
    scale = width / max(1, view.width())
    plot = QImage(width, int(round(view.height() * scale)), QImage.Format.Format_RGB32)
    plot.setDevicePixelRatio(scale)
    plot.fill(QColor("white"))
    QWidget.render(chart, plot)  # the widget, not QGraphicsView.render of its scene
    plot.setDevicePixelRatio(1.0)
    head = int(round(40 * scale)) if heading else 0
    image = QImage(plot.width(), plot.height() + head, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        if heading:
            painter.setFont(_fitting_font(heading, int(round(15 * scale)), width * 0.94))
            painter.setPen(QColor("#222"))
            painter.drawText(QRectF(0, 0, width, head), Qt.AlignmentFlag.AlignCenter, heading)
        painter.drawImage(0, head, plot)
    finally:
        painter.end()
    dots_per_metre = int(round(PRINT_DPI / 0.0254))
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def _fitting_font(text: str, pixels: int, room: float) -> QFont:
    """A bold font of at most `pixels` in which `text` fits in `room` pixels."""
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPixelSize(max(8, pixels))
    wide = QFontMetricsF(font).horizontalAdvance(text)
    if wide > room:
        font.setPixelSize(max(8, int(pixels * room / wide)))
    return font


def _svg_heading(path: Path, heading: str) -> None:
    """Put `heading` as a text line above the drawing of an exported SVG."""
    from xml.sax.saxutils import escape

    text = path.read_text(encoding="utf-8")
    close = text.index(">", text.index("<svg")) + 1
    line = (f'<text x="50%" y="18" text-anchor="middle" font-size="15" font-weight="bold" '
            f'fill="#222">{escape(heading)}</text><g transform="translate(0,28)">')
    end = text.rindex("</svg>")
    path.write_text(text[:close] + line + text[close:end] + "</g>" + text[end:],
                    encoding="utf-8")


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


def export_page(sheet: QWidget, path: Path, title: str = "") -> Path:
    """The whole dashboard on one page: a PDF (A4, text kept as text) or a PNG; `title`
    (the unit, filters and date) is the document's title (the sheet's heading says it too)."""
    with _without_buttons(sheet):
        if path.suffix.lower() != ".pdf":
            if not sheet.grab().save(str(path), "PNG"):
                raise OSError(f"cannot write {path}")
            return path
        _pdf(sheet, path, title or sheet.window().windowTitle())
    return path


def _pdf(sheet: QWidget, path: Path, title: str) -> None:
    writer = QPdfWriter(str(path))
    writer.setResolution(150)
    writer.setTitle(title)
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
