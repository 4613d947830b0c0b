"""The .deb's bundle check: glibc floor, system libraries carried, Depends computed."""
from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIB = Path("/usr/lib/x86_64-linux-gnu")
pytestmark = pytest.mark.skipif(not shutil.which("objdump") or not (LIB / "libfontconfig.so.1").exists(),
                                reason="needs objdump and the host's libfontconfig")


def bundle_check():
    spec = importlib.util.spec_from_file_location(
        "bundle_check", ROOT / "packaging" / "linux" / "bundle_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_build(tmp_path: Path, carried: list[str]) -> tuple[Path, Path]:
    """A bundle carrying host libraries, and a build root whose dpkg owns them."""
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    for name in carried:
        shutil.copy(LIB / name, bundle / "_internal" / name)
    info = tmp_path / "root" / "var" / "lib" / "dpkg" / "info"
    info.mkdir(parents=True)
    for package, name in (("libfontconfig1", "libfontconfig.so.1"),
                          ("libfreetype6", "libfreetype.so.6"), ("libexpat1", "libexpat.so.1"),
                          ("libgcc-s1", "libgcc_s.so.1")):
        (info / f"{package}:amd64.list").write_text(f"/usr/lib/x86_64-linux-gnu/{name}\n")
    return bundle, tmp_path / "root"


def run(tmp_path, carried, allowed, glibc_max="2.99"):
    bundle, root = fake_build(tmp_path, carried)
    listing = tmp_path / "allowed.txt"
    listing.write_text("\n".join(allowed) + "\n")
    out = tmp_path / "depends"
    code = bundle_check().main([str(bundle), str(root), "--allowed", str(listing),
                                "--glibc-max", glibc_max, "--depends-out", str(out)])
    return code, out


def test_what_the_bundle_lacks_becomes_depends(tmp_path):
    code, out = run(tmp_path, ["libfontconfig.so.1"], ["libfontconfig.so.1"])
    assert code == 0
    depends = out.read_text().strip()
    assert depends.startswith("libc6 (>= 2.")
    assert "libfreetype6" in depends and "libexpat1" in depends  # needed, not carried
    assert "libfontconfig1" not in depends  # carried
    assert depends.endswith("fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei")


def test_a_carried_library_drops_out_of_depends(tmp_path):
    code, out = run(tmp_path, ["libfontconfig.so.1", "libexpat.so.1"],
                    ["libfontconfig.so.1", "libexpat.so.*"])
    assert code == 0 and "libexpat1" not in out.read_text()


def test_a_system_library_not_on_the_list_fails_the_build(tmp_path, capsys):
    code, _ = run(tmp_path, ["libfontconfig.so.1", "libexpat.so.1"], ["libfontconfig.so.1"])
    assert code == 1
    assert "libexpat.so.1 (libexpat1) bundled but not in allowed.txt" in capsys.readouterr().err


def test_a_floor_above_the_limit_fails_and_names_the_file(tmp_path, capsys):
    code, _ = run(tmp_path, ["libfontconfig.so.1"], ["libfontconfig.so.1"], glibc_max="2.3")
    assert code == 1
    assert "needed by libfontconfig.so.1:" in capsys.readouterr().err
