#!/bin/sh
# Build the Windows installer on Linux: dist/EcoLedger-<version>-setup.exe (NSIS, per user,
# no administrator rights), then install, self-test and uninstall it under wine.
# `make package-windows` runs this. The one input no reachable registry provides is the
# Windows interpreter: python.org's embeddable CPython 3.11 for amd64, given as
#   PYTHON_EMBED_ZIP=/path/python-3.11.9-embed-amd64.zip
#   PYTHON_EMBED_SHA256=<the SHA-256 python.org publishes for that file>
# Everything else comes from PyPI (win_amd64 wheels at the project's pins) and Debian
# (nsis, wine64). SKIP_WINE=1 builds without the wine test.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
WIN=packaging/windows
WORK=build/windows
PAYLOAD=$WORK/payload
started=$(date +%s)

if [ -z "${PYTHON_EMBED_ZIP:-}" ] || [ -z "${PYTHON_EMBED_SHA256:-}" ]; then
  echo "package-windows: give the Windows runtime: PYTHON_EMBED_ZIP=<python-3.11.x-embed-amd64.zip from python.org> PYTHON_EMBED_SHA256=<its published SHA-256> make package-windows" >&2
  exit 1
fi
if [ ! -f "$PYTHON_EMBED_ZIP" ]; then
  echo "package-windows: $PYTHON_EMBED_ZIP: no such file" >&2
  exit 1
fi
actual=$(sha256sum "$PYTHON_EMBED_ZIP" | cut -d' ' -f1)
if [ "$actual" != "$PYTHON_EMBED_SHA256" ]; then
  echo "package-windows: $PYTHON_EMBED_ZIP has SHA-256 $actual, not the $PYTHON_EMBED_SHA256 given" >&2
  exit 1
fi
command -v makensis >/dev/null || { echo "package-windows: apt-get install nsis" >&2; exit 1; }
PY=${PYTHON:-python3}
VERSION=$($PY -c "import sys; sys.path.insert(0, '.'); import core; print(core.__version__)")

# 1. The interpreter, told where the app and its packages are (python311._pth).
rm -rf "$PAYLOAD" && mkdir -p "$PAYLOAD/python" "$PAYLOAD/app"
$PY -m zipfile -e "$PYTHON_EMBED_ZIP" "$PAYLOAD/python"
PTH=$(ls "$PAYLOAD"/python/python3*._pth)
ZIPNAME=$(basename "$PTH" ._pth).zip
printf '%s\r\n' "$ZIPNAME" . Lib/site-packages ../app "import site" > "$PTH"

# 2. The Windows wheels at the project's pins, unpacked into site-packages.
WHEELS=$WORK/wheels
mkdir -p "$WHEELS"
$PY -m pip download -q --dest "$WHEELS" --only-binary=:all: --platform win_amd64 \
  --python-version 3.11 --implementation cp .
rm -f "$WHEELS"/ecoledger-*
for wheel in "$WHEELS"/*.whl; do
  $PY -m zipfile -e "$wheel" "$PAYLOAD/python/Lib/site-packages"
done

# 3. The app's own files, and the launchers.
git ls-files -z core gui resources pyproject.toml | grep -zv '\.ts$' \
  | xargs -0 tar -cf - | tar -xf - -C "$PAYLOAD/app"
cp $WIN/ecoledger.pyw $WIN/ecoledger-cli.py $WIN/ecoledger.ico "$PAYLOAD/app/"
printf '@"%%~dp0python\\python.exe" "%%~dp0app\\ecoledger-cli.py" %%*\r\n' > "$PAYLOAD/ecoledger-cli.cmd"

# 4. The installer.
mkdir -p dist
SETUP=dist/EcoLedger-$VERSION-setup.exe
makensis -V2 -INPUTCHARSET UTF8 "-DVERSION=$VERSION" "-DPAYLOAD=$ROOT/$PAYLOAD" \
  "-DOUTFILE=$ROOT/$SETUP" "-DICON=$ROOT/$WIN/ecoledger.ico" $WIN/ecoledger.nsi
echo "built $SETUP ($(du -h "$SETUP" | cut -f1); payload $(du -sh "$PAYLOAD" | cut -f1)) in $(( $(date +%s) - started )) s"

# 5. Install, self-test and uninstall it under wine.
if [ "${SKIP_WINE:-0}" != 1 ]; then
  $WIN/test_under_wine.sh "$SETUP"
fi
