"""Render the app icon (resources/icons/ecoledger.svg) to the PNG sizes a Linux desktop
looks for and to the Windows .ico: `python packaging/icons.py OUT_DIR [--ico FILE]`."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "ecoledger.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="folder for hicolor/<size>x<size>/apps/ PNGs")
    parser.add_argument("--name", default="ecoledger", help="file name without extension")
    parser.add_argument("--ico", type=Path, help="also write a Windows .ico (256 px)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    for size in PNG_SIZES:
        folder = args.out / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(folder / f"{args.name}.png")):
            raise SystemExit(f"could not write {size}px PNG")
    if args.ico and not render(256).save(str(args.ico), "ICO"):
        raise SystemExit(f"could not write {args.ico}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
