"""Translation: every visible GUI string goes through `tr`, Chinese is the default.

All strings share one translation context, so a string keeps its translation wherever
it moves; `gui.translations` extracts the `tr("...")` calls into the .ts files.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from core import messages
from core.paths import resources_dir

CONTEXT = "EcoLedger"
LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"


def tr(text: str) -> str:
    """The translation of an English source string in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


def ts_path(language: str):
    return resources_dir() / "i18n" / f"ecoledger_{language}.ts"


def qm_path(language: str):
    return resources_dir() / "i18n" / f"ecoledger_{language}.qm"


_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> None:
    """Use `language` for the GUI, Qt's own dialogs and the core's messages."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    messages.set_language(language)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"ecoledger_{language}",
                                                          str(qm_path(language).parent))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
