# Two commands on a fresh Debian/Ubuntu machine with python3: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Debian libraries Qt needs: offscreen (tests) and a real window (xcb).
QT_DEBS := libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 fonts-noto-cjk

.PHONY: run test bench screenshots gui-bench startup-bench sysdeps venv clean package-linux package-windows package-debs

run: venv sysdeps
	$(VENV)/bin/ecoledger

test: venv sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

bench: venv
	@for script in tests/bench/*_bench.py; do echo "== $$script"; $(PY) $$script || exit 1; done

# Every page of the desktop app, with demo data, rendered offscreen to docs/screenshots/.
screenshots: venv sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) -m gui.screenshots docs/screenshots

# Start-up and million-row browsing times of the desktop app (builds a 1M ledger once).
gui-bench: venv sysdeps
	QT_QPA_PLATFORM=offscreen $(PY) tests/bench/gui_bench.py

# Start-up as a user sees it: the app against a bare PySide6 window in a real X server (Xvfb).
startup-bench: venv sysdeps
	@command -v Xvfb >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb >/dev/null; }
	$(PY) tests/bench/startup_bench.py

# The Linux installer for glibc >= 2.28 (UOS 20, Kylin V10, Debian 11+, Ubuntu 20.04+):
# dist/ecoledger_<version>_<arch>.deb, frozen in a cached Debian 11 build root with its own
# Python 3.11 and SQLite 3.40, self-tested there. As root; not part of `make test`.
# `make package-debs` also installs it in clean Debian 11, Ubuntu 20.04 and Debian 12
# chroots and self-tests it there. See packaging/README.md.
PACKAGE_DEBS := debootstrap binutils xz-utils
package-linux:
	@for p in $(PACKAGE_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; fi
	packaging/linux/build_deb.sh

package-debs: package-linux
	packaging/linux/test_in_chroots.sh dist/ecoledger_*.deb

# The Windows installer, built on Linux with NSIS and tested under wine (needs the
# embeddable Windows CPython: PYTHON_EMBED_ZIP and PYTHON_EMBED_SHA256, see packaging/README.md).
WINDOWS_DEBS := nsis wine64
package-windows: venv
	@for p in $(WINDOWS_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi
	PYTHON=$(PY) packaging/windows/build_windows.sh

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv --help >/dev/null 2>&1 || { echo "python3-venv is missing: apt-get install python3-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $(STAMP)

sysdeps:
	@missing=$$(for p in $(QT_DEBS); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q "ok installed" || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Qt system libraries: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Qt needs these system libraries. Run:"; echo "  sudo apt-get install -y $$missing"; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) build *.egg-info
