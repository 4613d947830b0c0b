"""The app's icon, set on the application when something is first to show it.

Rendering the SVG loads Qt's SVG plugin and library, some 30 ms of start-up: the main
window gets its icon once it is painted with its first rows; a dialog shown before it
(first start, sign-in) gets it before it opens.
"""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.paths import resources_dir

PATH = ("icons", "ecoledger.svg")


def install() -> None:
    """Give the application (every window it has and will have) the EcoLedger icon."""
    from PySide6.QtGui import QIcon  # with its enums (150-odd theme icons) when first used

    app = QApplication.instance()
    if app is not None and app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(resources_dir().joinpath(*PATH))))
