"""EcoLedger core: the rectification ledger on SQLite, with no Qt."""
from __future__ import annotations

from pathlib import Path

DIST_NAME = "ecoledger"


def _version() -> str:
    """The version in pyproject.toml: read from the source tree when running from a
    checkout (so a bumped version shows without reinstalling), else from the installed
    (or frozen) package metadata."""
    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
        if project.get("name") == DIST_NAME and "version" in project:
            return str(project["version"])
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(DIST_NAME)
    except PackageNotFoundError:
        return "0+unknown"


def __getattr__(name: str) -> str:
    # Lazy: start-up does not pay for reading the version until something shows it.
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(name)
