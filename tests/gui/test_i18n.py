"""Chinese first: every GUI string translated, Qt's own dialogs too, a Chinese font."""
from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontInfo

from gui import i18n, translations
from gui.app import cjk_font

pytestmark = pytest.mark.gui


def test_every_gui_string_has_a_chinese_translation():
    strings = translations.source_strings()
    assert len(strings) > 100
    assert translations.missing("zh_CN") == []


def test_the_compiled_translation_is_current(app):
    i18n.install(app, "zh_CN")
    known = translations.read_ts(i18n.ts_path("zh_CN"))
    for source in translations.source_strings():
        assert i18n.tr(source) == known[source], source
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"  # qtbase_zh_CN


def test_english_can_be_chosen(app):
    i18n.install(app, "en")
    assert i18n.tr("Problems") == "Problems"
    i18n.install(app, "zh_CN")
    assert i18n.tr("Problems") == "问题台账"


def test_the_font_is_a_simplified_chinese_face(app):
    info = QFontInfo(cjk_font())
    assert "CJK SC" in info.family() or "YaHei" in info.family()


def test_core_loads_without_qt():
    code = ("import sys, pkgutil, importlib, core\n"
            "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
            "    if not m.name.endswith('__main__'): importlib.import_module(m.name)\n"
            "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt in core'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_start_up_imports_no_plotting_or_spreadsheet_library():
    code = ("import sys, gui.app, gui.main_window\n"
            "heavy = [m for m in ('pyqtgraph', 'openpyxl', 'numpy', 'pandas') if m in sys.modules]\n"
            "assert not heavy, heavy\n")
    subprocess.run([sys.executable, "-c", code], check=True)
