"""User-facing messages of the core, looked up by code in the shipped catalogue."""
from __future__ import annotations

import json
import os
from functools import lru_cache

from .paths import resources_dir

DEFAULT_LANGUAGE = "zh_CN"
_language = os.environ.get("ECOLEDGER_LANG", DEFAULT_LANGUAGE)


def set_language(language: str) -> None:
    """Choose the language of core messages ('zh_CN' or 'en')."""
    global _language
    _language = language


def language() -> str:
    return _language


@lru_cache(maxsize=None)
def _catalogue() -> dict[str, dict[str, str]]:
    """All message files (messages.json, messages.<area>.json) merged."""
    merged: dict[str, dict[str, str]] = {}
    for path in sorted((resources_dir() / "i18n").glob("messages*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def text(code: str, /, **params: object) -> str:
    """The message for `code` in the current language, with `params` filled in."""
    entry = _catalogue().get(code)
    if entry is None:
        return code + (f" {params}" if params else "")
    template = entry.get(_language) or entry["en"]
    return template.format(**params)


def label(code: str) -> str:
    """A display label (field, status, category...) in the current language."""
    return text(code)
