#!/bin/sh
# Install the .deb with dpkg -i in a clean chroot of one target system and run the installed
# launcher's self-test there. Needs root and debootstrap.
#   SUITE=bullseye|bookworm (Debian) or focal (Ubuntu 20.04, the base of Kylin V10)
#   test_in_chroot.sh dist/ecoledger_*.deb
# A pristine minbase of each suite is made once (/var/cache/ecoledger-build/test-SUITE)
# and copied for every run.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/mirrors.sh"
DEB=$(realpath "$1")
SUITE=${SUITE:-bookworm}
BASE=${CHROOT_BASE:-/var/cache/ecoledger-build/test-$SUITE}
if [ ! -x "$BASE/usr/bin/dpkg" ]; then
  case "$SUITE" in
    focal)
      [ -n "${UBUNTU_MIRROR:-}" ] || { echo "test_in_chroot: set UBUNTU_MIRROR for $SUITE" >&2; exit 1; }
      # No Ubuntu keyring on a Debian host: this throwaway test root is not verified.
      debootstrap --variant=minbase --no-check-gpg --components=main "$SUITE" "$BASE.tmp" "$UBUNTU_MIRROR" ;;
    *)
      debootstrap --variant=minbase "$SUITE" "$BASE.tmp" "$(debian_mirror)" ;;
  esac
  mv "$BASE.tmp" "$BASE"
fi
ROOTFS=$(mktemp -d /tmp/ecoledger-chroot.XXXXXX)
cleanup() { umount "$ROOTFS/proc" 2>/dev/null || true; rm -rf "$ROOTFS"; }
trap cleanup EXIT
cp -a "$BASE/." "$ROOTFS/"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
mount -t proc proc "$ROOTFS/proc"
cp "$DEB" "$ROOTFS/tmp/"
in_root() { chroot "$ROOTFS" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

# dpkg -i on a clean system stops at the missing libraries the control file names; apt
# then installs exactly those (from the suite's main component only) and finishes.
if ! in_root dpkg -i "/tmp/$(basename "$DEB")"; then
  in_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq -f >/dev/null
fi
in_root dpkg-query -W -f='${Package} ${Version}: ${Status}\n' ecoledger
# A desktop has the system's own (older) SQLite too: the bundle must still use its 3.40.
DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq libsqlite3-0 >/dev/null
in_root dpkg-query -W -f='system ${Package} ${Version}\n' libsqlite3-0
in_root sh -c 'command -v ecoledger; command -v ecoledger-cli'
in_root ldd --version | head -1
in_root env QT_QPA_PLATFORM=offscreen ecoledger --self-test
in_root ecoledger-cli --version
in_root ecoledger-cli --db /tmp/cli.db init >/dev/null
in_root ecoledger-cli --db /tmp/cli.db returns
in_root sh -c 'man -w ecoledger-cli 2>/dev/null || test -f /usr/share/man/man1/ecoledger-cli.1.gz'
echo "installed launcher's self-test passed in a clean $SUITE chroot"
