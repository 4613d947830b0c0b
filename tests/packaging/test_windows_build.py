"""The Windows build on Linux: it stops with one line when the one outside input is missing
or wrong, and its NSIS script compiles into a per-user setup."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "windows" / "build_windows.sh"


def build(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_EMBED")}
    return subprocess.run(["sh", str(BUILD)], cwd=ROOT, env={**clean, **env},
                          capture_output=True, text=True, timeout=60)


def test_without_the_runtime_the_build_says_what_to_provide():
    result = build()
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "PYTHON_EMBED_ZIP=" in lines[0] and "PYTHON_EMBED_SHA256=" in lines[0]


def test_a_runtime_with_another_hash_is_refused(tmp_path):
    runtime = tmp_path / "python-3.11.9-embed-amd64.zip"
    runtime.write_bytes(b"not the runtime")
    result = build(PYTHON_EMBED_ZIP=str(runtime), PYTHON_EMBED_SHA256="0" * 64)
    assert result.returncode == 1
    actual = hashlib.sha256(b"not the runtime").hexdigest()
    assert f"has SHA-256 {actual}, not the {'0' * 64} given" in result.stderr


@pytest.mark.skipif(not shutil.which("makensis"), reason="nsis")
def test_nsis_script_compiles_a_64_bit_per_user_setup(tmp_path):
    payload = tmp_path / "payload"
    (payload / "python").mkdir(parents=True)
    (payload / "app").mkdir()
    (payload / "python" / "pythonw.exe").write_bytes(b"stand-in")
    (payload / "app" / "ecoledger.pyw").write_text("pass\n")
    setup = tmp_path / "EcoLedger-0.1.0-setup.exe"
    icon = ROOT / "packaging" / "windows" / "ecoledger.ico"
    subprocess.run(["makensis", "-V1", "-INPUTCHARSET", "UTF8", "-DVERSION=0.1.0",
                    f"-DPAYLOAD={payload}", f"-DOUTFILE={setup}", f"-DICON={icon}",
                    str(ROOT / "packaging" / "windows" / "ecoledger.nsi")], check=True)
    head = setup.read_bytes()[:4096]
    assert head[:2] == b"MZ"
    pe = int.from_bytes(head[0x3C:0x40], "little")
    assert head[pe:pe + 4] == b"PE\0\0" and head[pe + 4:pe + 6] == b"\x64\x86"  # amd64
    script = (ROOT / "packaging" / "windows" / "ecoledger.nsi").read_text(encoding="utf-8")
    assert "RequestExecutionLevel user" in script
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\${APPNAME}"' in script
    assert "生态环境整改台账" in script
    uninstall = script[script.index('Section "Uninstall"'):].split("SectionEnd")[0]
    removed = [line.split()[-1] for line in uninstall.splitlines()
               if line.strip().startswith(("RMDir", "Delete "))]
    assert removed and all(path.strip('"').startswith(("$INSTDIR", "$SMPROGRAMS"))
                           for path in removed)  # never the data folder
