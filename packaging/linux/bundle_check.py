"""Check a frozen Linux bundle against the build root it was made in, and compute Depends.

    bundle_check.py BUNDLE BUILDROOT --allowed LIST --glibc-max 2.28 --depends-out FILE

1. The glibc floor: the newest GLIBC_x.y symbol version any ELF file of the bundle asks for;
   above --glibc-max the build fails, naming the files and symbols that set it.
2. System libraries carried: every file at the bundle's top level that is also a library of
   the build root must match a line of LIST (the spec drops the others; this proves it).
3. Depends: the sonames the bundle's files need and do not carry themselves, mapped to the
   build root's packages through its dpkg database; written to FILE (and the floor to
   FILE.glibc). Exit 1 with a one-line reason per finding when a check fails.
"""
from __future__ import annotations

import argparse
import fnmatch
import re
import subprocess
import sys
from pathlib import Path

# Part of libc6 itself: covered by "libc6 (>= floor)".
LIBC = ("ld-linux", "libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so",
        "libutil.so", "libresolv.so", "libnsl.so", "libanl.so", "libmvec.so")
# Packages renamed between the oldest target (UOS 20, Debian 10 based) and newer ones.
ALTERNATIVES = {"libgcc-s1": "libgcc-s1 | libgcc1"}
FONTS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"
_VERSION = re.compile(r"GLIBC_(2\.\d+)")


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def _key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def glibc_needs(files: list[Path]) -> dict[str, list[str]]:
    """glibc version → the files that need it (dynamic symbol references only)."""
    needs: dict[str, list[str]] = {}
    for path in files:
        out = subprocess.run(["objdump", "-T", str(path)], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if "*UND*" in line:  # symbols the file takes from elsewhere
                for version in _VERSION.findall(line):
                    needs.setdefault(version, []).append(f"{path.name}:{line.split()[-1]}")
    return needs


def needed_sonames(files: list[Path]) -> set[str]:
    needed = set()
    for path in files:
        out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
        needed |= {line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")}
    return needed


def system_libraries(buildroot: Path) -> dict[str, str]:
    """file name → package, for every library file the build root's dpkg knows."""
    owners: dict[str, str] = {}
    for listing in (buildroot / "var/lib/dpkg/info").glob("*.list"):
        package = listing.stem.split(":")[0]
        for line in listing.read_text(errors="replace").splitlines():
            if "/lib" in line and ".so" in line:
                owners.setdefault(line.rsplit("/", 1)[-1], package)
    return owners


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=Path)
    parser.add_argument("buildroot", type=Path)
    parser.add_argument("--allowed", type=Path, required=True)
    parser.add_argument("--glibc-max", required=True)
    parser.add_argument("--depends-out", type=Path, required=True)
    args = parser.parse_args(argv)
    files = elf_files(args.bundle)
    failures = []

    needs = glibc_needs(files)
    floor = max(needs, key=_key) if needs else "2.2.5"
    for version in sorted(needs, key=_key):
        if _key(version) > _key(args.glibc_max):
            failures.append(f"glibc {version} (> {args.glibc_max}) needed by "
                            + ", ".join(sorted(set(needs[version]))[:6]))

    owners = system_libraries(args.buildroot)
    allowed = [line.split("#", 1)[0].strip() for line in args.allowed.read_text().splitlines()]
    allowed = [pattern for pattern in allowed if pattern]
    internal = args.bundle / "_internal"
    for path in sorted(internal.iterdir()):
        if path.name in owners and not any(fnmatch.fnmatch(path.name, p) for p in allowed):
            failures.append(f"system library {path.name} ({owners[path.name]}) bundled "
                            f"but not in {args.allowed.name}")

    carried = {path.name for path in args.bundle.rglob("*")}
    packages = set()
    for soname in sorted(needed_sonames(files) - carried):
        if soname.startswith(LIBC):
            continue
        if soname not in owners:
            failures.append(f"{soname} is needed but neither bundled nor in any package")
            continue
        packages.add(ALTERNATIVES.get(owners[soname], owners[soname]))
    for failure in failures:
        print(f"bundle_check: {failure}", file=sys.stderr)
    if failures:
        return 1
    depends = ", ".join([f"libc6 (>= {floor})", *sorted(packages), FONTS])
    args.depends_out.parent.mkdir(parents=True, exist_ok=True)
    args.depends_out.write_text(depends + "\n")
    Path(f"{args.depends_out}.glibc").write_text(floor + "\n")
    print(f"bundle_check: glibc floor {floor}; {len(files)} ELF files; "
          f"{len(packages)} packages in Depends")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
