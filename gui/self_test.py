"""`ecoledger --self-test`: the frozen or installed app checks itself without a window.

The Qt part checks what a frozen build most easily leaves out: the platform plugin, Qt's
own Chinese translations, the app's .qm file, the icon, the image plugins and every page
module (pages are imported by name, which a freezer cannot see). Then the core steps run
on a temporary ledger (`core.self_test`). Exit status 0 when everything passed.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from core import self_test as core_self_test
from core.self_test import Checks, expect

ICON = "icons/ecoledger.svg"


def qt_application():
    from PySide6.QtWidgets import QApplication

    from .app import application
    expect(QApplication.instance() is not None or application() is not None, "no QApplication")
    return QApplication.instance()


def check_platform(checks: Checks) -> str:
    app = qt_application()
    return f"Qt platform {app.platformName()}"


def check_translations(checks: Checks) -> str:
    from PySide6.QtCore import QCoreApplication

    from . import i18n
    i18n.install(QCoreApplication.instance(), "zh_CN")
    qt_text = QCoreApplication.translate("QPlatformTheme", "Cancel")
    expect(qt_text == "取消", f"Qt's translation (qtbase_zh_CN.qm) missing: Cancel → {qt_text}")
    app_text = i18n.tr("Quit")
    expect(app_text != "Quit", "the app's translation (ecoledger_zh_CN.qm) missing")
    return f"Cancel → {qt_text}, Quit → {app_text}"


def check_images(checks: Checks) -> str:
    from PySide6.QtGui import QIcon, QImageReader

    from core.paths import resources_dir
    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    expect({"svg", "png", "jpg"} <= formats, f"image plugins missing: {sorted(formats)}")
    icon = QIcon(str(resources_dir() / ICON))
    expect(not icon.pixmap(64, 64).isNull(), f"the icon {ICON} does not load")
    return f"{len(formats)} image formats, icon ok"


def check_pages(checks: Checks) -> str:
    from .pages import PAGES
    for entry in PAGES:
        entry.load()
    import pyqtgraph  # noqa: F401 - the dashboard's plots
    return f"{len(PAGES)} pages importable"


QT_STEPS = [("Qt", check_platform), ("translations", check_translations),
            ("images", check_images), ("pages", check_pages)]


def console():
    """Lines go to the console; a windowed Windows build has none, so to a file in %TEMP%."""
    stream = sys.stdout or sys.stderr
    if stream is not None:
        return lambda line: print(line, file=stream, flush=True)
    log = Path(tempfile.gettempdir()) / "ecoledger-self-test.log"
    log.write_text("", encoding="utf-8")

    def to_file(line: str) -> None:
        with log.open("a", encoding="utf-8") as out:
            out.write(line + "\n")
    return to_file


def run(say=None, problems: int = core_self_test.demo.DEFAULT_PROBLEMS) -> int:
    """Run the Qt checks, then the core ones; 0 when all passed."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # never show a window
    return core_self_test.run(say or console(), problems,
                              QT_STEPS + core_self_test.CORE_STEPS)
