#!/bin/sh
# Launcher on PATH for the self-contained build in /opt/ecoledger.
# The bundled Qt has IBus but no Fcitx input plugin; Fcitx 5 (UOS, Kylin) also speaks the
# IBus protocol, so route Chinese input through it rather than lose it.
case "${QT_IM_MODULE:-}" in
  fcitx*) QT_IM_MODULE=ibus; export QT_IM_MODULE ;;
esac
exec /opt/ecoledger/@PROGRAM@ "$@"
