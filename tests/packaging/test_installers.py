"""The installer files: desktop entry, AppStream metadata, Debian control, Inno Setup."""
from __future__ import annotations

import configparser
import re
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import core

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.ecoledger.EcoLedger"


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_version_comes_from_pyproject():
    assert core.__version__ == pyproject_version()


def test_desktop_entry_starts_the_launcher_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "ecoledger"
    assert desktop["Icon"] == APP_ID
    assert desktop["Name[zh_CN]"] == "生态环境整改台账"
    assert "Office" in desktop["Categories"].split(";")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils")
def test_desktop_entry_is_valid():
    result = subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")],
                            capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def metainfo(tmp_path: Path) -> Path:
    """The metainfo as the build script writes it (placeholders filled)."""
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    path = tmp_path / f"{APP_ID}.metainfo.xml"
    path.write_text(text.replace("@VERSION@", "0.1.0").replace("@DATE@", "2026-11-22"),
                    encoding="utf-8")
    return path


def test_metainfo_names_the_desktop_entry_and_binaries(tmp_path):
    root = ET.parse(metainfo(tmp_path)).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert {b.text for b in root.iter("binary")} == {"ecoledger", "ecoledger-cli"}


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream")
def test_metainfo_is_valid(tmp_path):
    result = subprocess.run(["appstreamcli", "validate", "--no-net", "--pedantic",
                             str(metainfo(tmp_path))], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_build_script_fills_every_placeholder():
    script = (LINUX / "build_deb.sh").read_text(encoding="utf-8")
    filled = set(re.findall(r"s/(@[A-Z_]+@)/", script))
    for name in ("control.in", f"{APP_ID}.metainfo.xml", "ecoledger.sh"):
        used = set(re.findall(r"@[A-Z_]+@", (LINUX / name).read_text(encoding="utf-8")))
        assert used <= filled, f"{name}: {used - filled} never filled"


def test_control_takes_depends_from_the_bundle_check():
    control = (LINUX / "control.in").read_text(encoding="utf-8")
    assert re.search(r"^Depends: @DEPENDS@$", control, re.M)


def test_launcher_points_into_opt():
    launcher = (LINUX / "ecoledger.sh").read_text(encoding="utf-8")
    assert 'exec /opt/ecoledger/@PROGRAM@ "$@"' in launcher


def test_windows_setup_installs_per_user_and_keeps_the_data():
    iss = (ROOT / "packaging" / "windows" / "ecoledger.iss").read_text(encoding="utf-8-sig")
    settings = dict(re.findall(r"^(\w+)=(.*)$", iss, re.M))
    assert settings["PrivilegesRequired"] == "lowest"
    assert settings["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert (ROOT / "packaging" / "windows" / settings["SetupIconFile"]).is_file()
    assert "[UninstallDelete]" not in iss  # the ledger in %LOCALAPPDATA%\EcoLedger stays
    assert re.search(r'^Name: "\{group\}\\', iss, re.M)  # Start-menu entry
    assert r'#define Bundle "..\..\build\package\dist\ecoledger"' in iss


def test_icons_render_at_every_size(qapp, tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("icons", ROOT / "packaging" / "icons.py")
    icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(icons)
    assert icons.main([str(tmp_path), "--name", APP_ID, "--ico", str(tmp_path / "a.ico")]) == 0
    from PySide6.QtGui import QImage
    for size in icons.PNG_SIZES:
        image = QImage(str(tmp_path / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
    assert (tmp_path / "a.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_both_programs_print_their_version(capsys):
    from core.cli import main
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ecoledger-cli {pyproject_version()}"
    from gui.app import build_parser
    with pytest.raises(SystemExit) as shown:
        build_parser().parse_args(["--version"])
    assert shown.value.code == 0
    assert capsys.readouterr().out.strip() == f"ecoledger {pyproject_version()}"


def test_man_pages_list_every_command_and_option(tmp_path):
    import importlib.util
    spec = importlib.util.spec_from_file_location("manpages", ROOT / "packaging" / "manpages.py")
    manpages = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(manpages)
    assert manpages.main([str(tmp_path), "2026-12-01"]) == 0
    cli = (tmp_path / "ecoledger-cli.1").read_text(encoding="utf-8")
    from core.cli import build_parser
    subparsers = next(a for a in build_parser()._actions if a.choices and a.dest == "command")
    for command in subparsers.choices:
        assert f"\\fB{command.replace('-', chr(92) + '-')}\\fR" in cli
    gui = (tmp_path / "ecoledger.1").read_text(encoding="utf-8")
    assert "\\fB\\-\\-self\\-test\\fR" in gui and gui.startswith(".TH ECOLEDGER 1 ")
