#!/bin/sh
# The build root for the .deb: a Debian 11 (bullseye, glibc 2.31) chroot holding a Python
# 3.11 and an SQLite 3.40 compiled there from Debian 12's own source packages, so that the
# frozen bundle needs no glibc newer than 2.28 (UOS 20; Kylin V10 has 2.31).
# Made once and cached in $BUILDROOT (default /var/cache/ecoledger-build/bullseye); every
# step is skipped when its result is already there. Needs root and debootstrap.
# Usage: buildroot.sh            (prints the build root's path on the last line)
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
BUILDROOT=${BUILDROOT:-/var/cache/ecoledger-build/bullseye}
. "$HERE/mirrors.sh"
MIRROR=$(debian_mirror)
[ -n "$MIRROR" ] || { echo "buildroot: set MIRROR to a Debian mirror" >&2; exit 1; }
PREFIX=/opt/ecoledger-python           # inside the build root
# Only what the freeze needs: the compiler, the headers Python's modules link to, and the
# libraries Qt's xcb/offscreen platforms load (they are bundled or named in Depends).
PACKAGES=build-essential,dpkg-dev,ca-certificates,xz-utils,binutils,file,tcl,patchelf,\
libssl-dev,libffi-dev,zlib1g-dev,libbz2-dev,liblzma-dev,libncursesw5-dev,uuid-dev,\
libgdbm-dev,libreadline-dev,libegl1,libgl1,libfontconfig1,libfreetype6,libdbus-1-3,\
libglib2.0-0,libxkbcommon0,libxkbcommon-x11-0,libx11-6,libx11-xcb1,libxcb1,libxcb-cursor0,\
libxcb-icccm4,libxcb-image0,libxcb-keysyms1,libxcb-randr0,libxcb-render0,libxcb-render-util0,\
libxcb-shape0,libxcb-shm0,libxcb-sync1,libxcb-xfixes0,libxcb-xinerama0,libxcb-xkb1,\
libwayland-client0,libwayland-cursor0,libwayland-egl1,\
fonts-noto-cjk

in_root() {
  chroot "$BUILDROOT" env -i DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1700000000}" "$@"
}

# 1. The chroot.
if [ ! -x "$BUILDROOT/usr/bin/gcc" ]; then
  rm -rf "$BUILDROOT.tmp"
  debootstrap --variant=minbase --include="$PACKAGES" bullseye "$BUILDROOT.tmp" "$MIRROR" >&2
  mv "$BUILDROOT.tmp" "$BUILDROOT"
fi
cp /etc/resolv.conf "$BUILDROOT/etc/resolv.conf"
# A cached root made with an older list gets what the list added since.
if [ "$(cat "$BUILDROOT/.packages" 2>/dev/null)" != "$PACKAGES" ]; then
  in_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq --no-install-recommends \
    $(echo "$PACKAGES" | tr , ' ') >&2
  echo "$PACKAGES" > "$BUILDROOT/.packages"
fi

# 2. Debian 12's sources of Python 3.11 and SQLite 3.40.
SRC=$BUILDROOT/build/src
if [ ! -d "$SRC/python3.11" ] || [ ! -d "$SRC/sqlite3" ]; then
  echo "deb-src $MIRROR bookworm main" > "$BUILDROOT/etc/apt/sources.list.d/bookworm-src.list"
  in_root apt-get update -qq >&2
  mkdir -p "$SRC"
  for package in python3.11 sqlite3; do
    rm -rf "$SRC/$package" "$SRC/$package.dl" && mkdir -p "$SRC/$package.dl"
    in_root sh -c "cd /build/src/$package.dl && apt-get source -qq --download-only $package/bookworm" >&2
    in_root sh -c "cd /build/src/$package.dl && dpkg-source -x --skip-patches *.dsc /build/src/$package" >&2
  done
fi

# 3. Build both into $PREFIX, binding the math functions that glibc 2.29 re-versioned to
# their old symbols and refusing sem_clockwait (2.30): the result then needs glibc 2.28.
cp "$HERE/glibc228.h" "$BUILDROOT/build/glibc228.h"
if [ ! -x "$BUILDROOT$PREFIX/bin/python3.11" ]; then
  in_root sh -ec "
    FLAGS='-O2 -include /build/glibc228.h'
    cd /build/src/sqlite3
    ./configure -q --prefix=$PREFIX --disable-tcl --enable-fts5 --disable-static \
      CFLAGS=\"\$FLAGS -DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_JSON1 -DSQLITE_ENABLE_MATH_FUNCTIONS\"
    make -s -j\$(nproc) && make -s install
    cd /build/src/python3.11
    ./configure -q --prefix=$PREFIX --enable-shared --without-ensurepip \
      ac_cv_func_sem_clockwait=no \
      CFLAGS=\"\$FLAGS\" CPPFLAGS=\"-I$PREFIX/include\" \
      LDFLAGS=\"-L$PREFIX/lib -Wl,-rpath,$PREFIX/lib\"
    make -s -j\$(nproc) && make -s install
    $PREFIX/bin/python3.11 -c 'import sqlite3, ssl, lzma, bz2, ctypes; print(sqlite3.sqlite_version)'
  " >&2
fi
echo "$BUILDROOT"
