# Sourced by the build and test scripts: the package mirrors to bootstrap from.
# Debian: $MIRROR, else the first Debian mirror the host's apt already uses.
# Ubuntu (for the Ubuntu 20.04 test root only): $UBUNTU_MIRROR, which must be given.
debian_mirror() {
  if [ -n "${MIRROR:-}" ]; then echo "$MIRROR"; return; fi
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources \
      2>/dev/null | grep -oE 'https?://[^ ]+/debian/?( |$)' | head -1 | tr -d ' '
}
