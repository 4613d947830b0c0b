"""Write resources/regions/readings.tsv: the pinyin of every shipped region name, so that
county lists sort by pinyin without loading pypinyin at start-up. Run after the shipped
regions change:

    .venv/bin/python docs/regions/write_readings.py
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import collation, regions  # noqa: E402

print(collation.write_readings(region.name for region in regions.shipped_regions()))
