"""Keep the .ts files in step with the `tr("...")` calls, and compile them to .qm.

    python -m gui.translations update    # add new strings to every .ts, keep translations
    python -m gui.translations release   # .ts → .qm with pyside6-lrelease
    python -m gui.translations check     # exit 1 if a string lacks its zh_CN translation

pyside6-lupdate is not used because every string here shares one context (see i18n).
"""
from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from .i18n import CONTEXT, LANGUAGES, qm_path, ts_path

GUI_DIR = Path(__file__).resolve().parent
TRANSLATED = tuple(language for language in LANGUAGES if language != "en")


def source_strings(folder: Path = GUI_DIR) -> list[str]:
    """Every literal passed to tr(...) in the GUI sources, in first-seen order."""
    found: dict[str, None] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "tr" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                found[node.args[0].value] = None
    return list(found)


def read_ts(path: Path) -> dict[str, str | None]:
    """source → translation (None when unfinished) of an existing .ts file."""
    if not path.exists():
        return {}
    result: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") is None and translation.text
        result[message.findtext("source") or ""] = translation.text if done else None
    return result


def write_ts(path: Path, language: str, strings: list[str],
             translations: dict[str, str | None]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for text in strings:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        translation = ET.SubElement(message, "translation")
        if translations.get(text):
            translation.text = translations[text]
        else:
            translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def update() -> None:
    strings = source_strings()
    for language in TRANSLATED:
        path = ts_path(language)
        write_ts(path, language, strings, read_ts(path))


def missing(language: str) -> list[str]:
    """Source strings with no finished translation in `language`."""
    known = read_ts(ts_path(language))
    return [text for text in source_strings() if not known.get(text)]


def release() -> None:
    tool = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent /
                                                    "pyside6-lrelease")
    for language in TRANSLATED:
        subprocess.run([tool, "-silent", str(ts_path(language)), "-qm",
                        str(qm_path(language))], check=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "check":
        gaps = {language: missing(language) for language in TRANSLATED}
        for language, texts in gaps.items():
            for text in texts:
                print(f"{language}: untranslated: {text}")
        return 1 if any(gaps.values()) else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
