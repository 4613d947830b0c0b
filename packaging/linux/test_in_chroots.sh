#!/bin/sh
# The .deb's self-test in each target kind: Debian 11 (glibc 2.31, UOS's family),
# Ubuntu 20.04 (Kylin V10's base; needs UBUNTU_MIRROR) and Debian 12.
# Usage: test_in_chroots.sh dist/ecoledger_*.deb   (as root)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
failed=""
for suite in bullseye focal bookworm; do
  echo "== $suite"
  SUITE=$suite "$HERE/test_in_chroot.sh" "$1" || failed="$failed $suite"
done
[ -z "$failed" ] || { echo "self-test failed in:$failed" >&2; exit 1; }
echo "self-test passed in Debian 11, Ubuntu 20.04 and Debian 12"
