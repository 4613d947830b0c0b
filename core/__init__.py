"""EcoLedger core: the rectification ledger on SQLite, with no Qt."""
from __future__ import annotations

from pathlib import Path

DIST_NAME = "ecoledger"


def _source_version() -> str | None:
    """The version in pyproject.toml when running from a checkout (so a bumped version
    shows without reinstalling); None in an installed or frozen app."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    try:
        import tomllib
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (ImportError, OSError):  # Python 3.10, or no checkout around us
        return None
    return project.get("version") if project.get("name") == DIST_NAME else None


def _version() -> str:
    """pyproject.toml's version: from the checkout, else from the package metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return _source_version() or version(DIST_NAME)
    except PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str) -> str:
    # Lazy: start-up does not pay for reading the version until something shows it.
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(name)
