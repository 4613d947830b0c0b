#!/bin/sh
# Build the Linux .deb for UOS 20, Kylin V10 and later Debian/Ubuntu: freeze the app with
# PyInstaller inside the bullseye build root (buildroot.sh: its own Python 3.11 and
# SQLite 3.40, glibc 2.31 headers bound to 2.28 symbols), check what the bundle carries and
# needs, lay out the package tree and build it. `make package-linux` runs this, as root.
# Output: dist/ecoledger_<version>_<arch>.deb, with the glibc floor, sizes and times.
#   GLIBC_MAX=2.28   the build fails when the bundle needs a newer glibc than this
#   XZ_LEVEL=6       xz level of the package (1 packs in a third of the time, 18% larger)
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
LINUX=packaging/linux
GLIBC_MAX=${GLIBC_MAX:-2.28}
APP_ID=org.ecoledger.EcoLedger
WORK=build/package
TREE=$WORK/deb
started=$(date +%s)
[ "$(id -u)" = 0 ] || { echo "package-linux: run as root (it builds in a chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "package-linux: apt-get install debootstrap" >&2; exit 1; }
# One date for every timestamp the build writes: the last commit's.
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}
export SOURCE_DATE_EPOCH

# 1. The build root (cached after the first run).
BUILDROOT=$($LINUX/buildroot.sh | tail -1)
# pip in the build root trusts the CAs the host trusts (a proxy's own CA among them).
cp /etc/ssl/certs/ca-certificates.crt "$BUILDROOT/build/host-ca.crt"
in_root() {
  chroot "$BUILDROOT" env -i PATH=/opt/ecoledger-python/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 SOURCE_DATE_EPOCH="$SOURCE_DATE_EPOCH" PYTHONHASHSEED=0 \
    PIP_CERT=/build/host-ca.crt SSL_CERT_FILE=/build/host-ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 "$@"
}

# 2. The checkout's tracked files (as they are now) into the build root, and a venv there
#    with the project's pins and PyInstaller (the project editable: the spec reads the tree).
SRC=$BUILDROOT/build/ecoledger
rm -rf "$SRC" && mkdir -p "$SRC"
git ls-files -z --cached --others --exclude-standard | xargs -0 tar -cf - | tar -xf - -C "$SRC"
if [ ! -f "$BUILDROOT/build/venv/.installed" ] || [ pyproject.toml -nt "$BUILDROOT/build/venv/.installed" ]; then
  rm -rf "$BUILDROOT/build/venv"
  in_root python3.11 -m venv /build/venv
  in_root /build/venv/bin/pip install -q --upgrade pip
  in_root /build/venv/bin/pip install -q -e /build/ecoledger "pyinstaller>=6.10,<7"
  touch "$BUILDROOT/build/venv/.installed"
fi
VERSION=$(in_root /build/venv/bin/python -c "import core; print(core.__version__)")
ARCH=$(dpkg --print-architecture)

# 3. Freeze, then strip what is safe to strip: our own interpreter and SQLite (built with
#    symbols), Python's extension modules, Qt's ICU, numpy's and calamine's extension
#    modules. numpy.libs (OpenBLAS, gfortran) stays as shipped: stripping it breaks numpy.
#    Our libraries lose the build root's RUNPATH (/opt/ecoledger-python/lib): the bundle
#    finds them beside itself.
frozen_at=$(date +%s)
in_root sh -ec "cd /build/ecoledger && rm -rf /build/out && /build/venv/bin/pyinstaller \
  --noconfirm --log-level ERROR --distpath /build/out --workpath /build/work packaging/ecoledger.spec"
freeze_seconds=$(( $(date +%s) - frozen_at ))
BUNDLE=$BUILDROOT/build/out/ecoledger
INTERNAL=$BUNDLE/_internal
OURS=$(find "$INTERNAL" -maxdepth 1 -type f \( -name 'libpython3*' -o -name 'libsqlite3*' \);
       find "$INTERNAL/python3.11/lib-dynload" -name '*.so' -type f)
echo "$OURS" | xargs strip --strip-unneeded
for file in $OURS; do in_root patchelf --remove-rpath "${file#"$BUILDROOT"}"; done
{ find "$INTERNAL/PySide6/Qt/lib" -name 'libicu*' -type f
  find "$INTERNAL/numpy" "$INTERNAL/python_calamine" -name '*.cpython-*.so' -type f
} | xargs strip --strip-unneeded
find "$BUNDLE" -type f -name '*.so*' -exec chmod 644 {} +

# 4. The bundle checks itself in the build root: Qt, translations, pages, demo, a return.
in_root env QT_QPA_PLATFORM=offscreen /build/out/ecoledger/ecoledger --self-test
in_root /build/out/ecoledger/ecoledger-cli --version

# 5. What the bundle carries from the system is a choice, not an accident of the machine.
python3 $LINUX/bundle_check.py "$BUNDLE" "$BUILDROOT" --allowed $LINUX/bundled-system-libs.txt \
  --glibc-max "$GLIBC_MAX" --depends-out $WORK/depends
GLIBC=$(cat $WORK/depends.glibc)
DEPENDS=$(cat $WORK/depends)

# 6. The package tree.
rm -rf $TREE
mkdir -p $TREE/DEBIAN $TREE/opt $TREE/usr/bin $TREE/usr/share/applications \
  $TREE/usr/share/metainfo $TREE/usr/share/icons/hicolor/scalable/apps \
  $TREE/usr/share/doc/ecoledger $TREE/usr/share/man/man1
cp -a "$BUNDLE" $TREE/opt/ecoledger
for program in ecoledger ecoledger-cli; do
  sed "s/@PROGRAM@/$program/" $LINUX/ecoledger.sh > $TREE/usr/bin/$program
  chmod 755 $TREE/usr/bin/$program
done
cp $LINUX/$APP_ID.desktop $TREE/usr/share/applications/
DATE=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)
sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$DATE/" \
  $LINUX/$APP_ID.metainfo.xml > $TREE/usr/share/metainfo/$APP_ID.metainfo.xml
cp resources/icons/ecoledger.svg $TREE/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg
in_root /build/venv/bin/python /build/ecoledger/packaging/icons.py /build/icons --name $APP_ID
cp -a "$BUILDROOT/build/icons/." $TREE/usr/share/icons/hicolor/
cp $LINUX/copyright $TREE/usr/share/doc/ecoledger/copyright
gzip -9n < $LINUX/changelog > $TREE/usr/share/doc/ecoledger/changelog.gz
in_root /build/venv/bin/python /build/ecoledger/packaging/manpages.py /build/man "$DATE"
for page in ecoledger ecoledger-cli; do
  gzip -9n < "$BUILDROOT/build/man/$page.1" > $TREE/usr/share/man/man1/$page.1.gz
done
SIZE_KB=$(du -sk --exclude=DEBIAN $TREE | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@DEPENDS@/$DEPENDS/" \
  -e "s/@INSTALLED_SIZE@/$SIZE_KB/" $LINUX/control.in > $TREE/DEBIAN/control
find $TREE -type d -exec chmod 755 {} +
find $TREE -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +

# 7. Build.
mkdir -p dist
DEB=dist/ecoledger_${VERSION}_${ARCH}.deb
dpkg-deb --root-owner-group -Zxz -z"${XZ_LEVEL:-6}" --build $TREE $DEB >/dev/null
total_seconds=$(( $(date +%s) - started ))
echo "built $DEB"
echo "  glibc floor: $GLIBC (limit $GLIBC_MAX)"
echo "  Depends: $DEPENDS"
echo "  bundle: $(du -sh "$BUNDLE" | cut -f1) in $(find "$BUNDLE" -type f | wc -l) files;" \
  ".deb: $(du -h $DEB | cut -f1)"
echo "  freeze: ${freeze_seconds} s; whole build with self-test: ${total_seconds} s"
