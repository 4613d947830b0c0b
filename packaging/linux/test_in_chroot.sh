#!/bin/sh
# Install the .deb with dpkg -i in a clean Debian chroot and run the installed launcher's
# self-test there. Needs root and debootstrap. Usage: test_in_chroot.sh dist/ecoledger_*.deb
# A pristine bookworm minbase is made once (CHROOT_BASE) and copied for every run.
set -eu
DEB=$(realpath "$1")
BASE=${CHROOT_BASE:-/tmp/chroot}
SUITE=${SUITE:-bookworm}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
if [ ! -x "$BASE/usr/bin/dpkg" ]; then
  debootstrap --variant=minbase "$SUITE" "$BASE" "$MIRROR"
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
# then installs exactly those and finishes the configuration.
if ! in_root dpkg -i "/tmp/$(basename "$DEB")"; then
  in_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq -f >/dev/null
fi
in_root dpkg-query -W -f='${Package} ${Version}: ${Status}\n' ecoledger
in_root sh -c 'command -v ecoledger; command -v ecoledger-cli'
in_root env QT_QPA_PLATFORM=offscreen ecoledger --self-test
in_root ecoledger-cli --db /tmp/cli.db init >/dev/null
in_root ecoledger-cli --db /tmp/cli.db returns
echo "installed launcher's self-test passed in a clean $SUITE chroot"
