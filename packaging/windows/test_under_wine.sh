#!/bin/sh
# Install the Windows setup silently under wine in a fresh prefix, run the installed app's
# self-test and the CLI, leave a file in the data folder, uninstall, and check that the
# program is gone and the data stayed. Usage: test_under_wine.sh dist/EcoLedger-*-setup.exe
set -eu
SETUP=$(realpath "$1")
# Debian's wine64 package puts its loader in /usr/lib/wine (the `wine` wrapper is apart).
PATH=$PATH:/usr/lib/wine
command -v wine64 >/dev/null || { echo "test_under_wine: apt-get install wine64" >&2; exit 1; }
WINE=wine64
WINEPREFIX=$(mktemp -d /tmp/ecoledger-wine.XXXXXX)
export WINEPREFIX WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
trap 'PATH=$PATH:/usr/lib/wine wineserver -k 2>/dev/null || true; rm -rf "$WINEPREFIX"' EXIT
$WINE wineboot -i >/dev/null 2>&1
LOCAL=$(ls -d "$WINEPREFIX"/drive_c/users/*/AppData/Local | head -1)
APP="$LOCAL/Programs/EcoLedger"

$WINE "$SETUP" /S
test -f "$APP/python/python.exe" || { echo "test_under_wine: nothing installed in $APP" >&2; exit 1; }
ls "$WINEPREFIX"/drive_c/users/*/AppData/Roaming/Microsoft/Windows/"Start Menu"/Programs/生态环境整改台账/*.lnk
QT_QPA_PLATFORM=offscreen $WINE "$APP/python/python.exe" "$APP/app/ecoledger.pyw" --self-test
$WINE cmd /c "$($WINE winepath -w "$APP/ecoledger-cli.cmd" 2>/dev/null)" --version

mkdir -p "$LOCAL/EcoLedger" && echo kept > "$LOCAL/EcoLedger/ledger.db"
$WINE "$APP/Uninstall.exe" /S
sleep 3  # the uninstaller copies itself to %TEMP% and finishes from there
test ! -e "$APP/python" || { echo "test_under_wine: the uninstall left $APP/python" >&2; exit 1; }
test "$(cat "$LOCAL/EcoLedger/ledger.db")" = kept || { echo "test_under_wine: the uninstall removed the data" >&2; exit 1; }
echo "installed, self-tested and uninstalled under wine; the data folder stayed"
