"""Fixed lists of the domain: inspection kinds and results, special measures. Labels live in
the message catalogue.

Categories and sources are not fixed: each ledger holds its own lists (`core.codes`, the
`code_entry` table), which a manager changes. CATEGORIES and SOURCES below are only the
codes of the entries every ledger starts with (the demo draws from them)."""
from __future__ import annotations

CATEGORIES = (
    "scattered_polluting", "loose_coal", "dust", "waste_gas", "waste_water",
    "solid_waste", "hazardous_waste", "drinking_water", "monitoring_fraud", "noise", "other",
)
SOURCES = (
    "inspection", "supervision_letter", "central_inspection", "provincial_inspection",
    "looking_back", "strengthened_supervision", "complaint",
)
INSPECTION_KINDS = ("routine", "random", "campaign", "complaint", "follow_up")
INSPECTION_RESULTS = ("no_problem", "problems_found")
SPECIAL_MEASURES = ("daily_fine", "seizure", "restriction", "detention", "crime_transfer")
# The "five kinds of cases" plus closure of scattered-polluting enterprises.
PENALTY_FLAGS = SPECIAL_MEASURES + ("closure",)
