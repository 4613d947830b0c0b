"""The core must run without Qt: scripts, the CLI and tests use it with no QApplication."""
from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import core


def test_importing_every_core_module_loads_no_pyside6():
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "core.")
             if not m.name.endswith("__main__")]
    assert "core.statistics" in names and "core.cli.ledger_commands" in names
    script = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph')))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=Path(core.__file__).parent.parent, check=True)
    assert out.stdout.strip() == ""


def test_core_sources_do_not_mention_qt_imports():
    root = Path(core.__file__).parent
    offenders = [p.name for p in root.rglob("*.py")
                 if any(line.lstrip().startswith(("import PySide6", "from PySide6"))
                        for line in p.read_text(encoding="utf-8").splitlines())]
    assert offenders == []
