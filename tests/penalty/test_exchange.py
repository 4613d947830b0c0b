"""A case worked on two PCs: its stages, orders, rechecks and seizures travel by exchange."""
from __future__ import annotations

from core import exchange, penalties, settings
from core.ledger import Ledger
from core.penalties import daily_fines, seizures, stages


def test_a_case_and_its_procedure_travel_both_ways(tmp_path):
    city = Ledger.open(tmp_path / "city.db", operator="甲")
    county = Ledger.open(tmp_path / "county.db", operator="乙")
    key_file = tmp_path / "bureau.key"
    exchange.generate_key_file(key_file)
    for ledger in (city, county):
        settings.set_jurisdiction(ledger, "141000")
        exchange.set_key_file(ledger, key_file)
    secret = exchange.shared_key(city).key
    case = penalties.add(city, {"case_number": "临环罚〔2026〕1号", "region_code": "141021",
                                "violation": "超标排放", "opened_on": "2026-10-01",
                                "fine": "1000"}).id
    stages.record(city, case, "decided", "2026-10-20")
    daily_fines.add_order(city, case, "2026-10-21")
    daily_fines.add_recheck(city, case, "2026-10-30", "still_discharging")  # 9 days
    seizures.record(city, case, "2026-10-22")
    exchange.export(city, tmp_path / "city.ecox", key=secret)
    assert exchange.import_file(county, tmp_path / "city.ecox", key=secret, confirm=True).refused == 0
    row = penalties.get(county, case)
    assert (row["stage"], row["daily_fine_fen"], row["seizure"]) == ("decided", 900_000, 1)
    stages.record(county, case, "served", "2026-10-25")
    exchange.export(county, tmp_path / "county.ecox", to=exchange.site(city).id, key=secret)
    exchange.import_file(city, tmp_path / "county.ecox", key=secret, confirm=True)
    assert penalties.get(city, case)["stage"] == "served"
    assert stages.recorded(city, case)["served"]["done_by"] == "乙"
    city.close()
    county.close()


def test_procedure_rows_in_a_file_are_checked_like_typed_ones(tmp_path):
    from core.exchange import entries

    ledger = Ledger.open(tmp_path / "l.db", operator="甲")
    case = penalties.add(ledger, {"case_number": "临环罚〔2026〕2号", "region_code": "141021",
                                  "violation": "超标排放", "opened_on": "2026-10-01"}).id

    def refused(table: str, row: dict) -> list[str]:
        return sorted(i.field for i in entries.CHECKS[table](ledger, row, {}) if not i.warning)

    assert refused("penalty_recheck", {"case_id": case, "checked_on": "2026-10-30",
                                       "finding": "still_discharging"}) == []
    assert refused("penalty_recheck", {"case_id": case, "checked_on": "2026-10-30",
                                       "finding": "paid_off"}) == ["finding"]
    assert refused("penalty_stage", {"case_id": "no-such-case", "stage": "decided",
                                     "happened_on": "2026-10-20"}) == ["case_id"]
    assert refused("penalty_seizure", {"case_id": case, "starts_on": "2026-10-01",
                                       "ends_on": "2026-12-30"}) == ["ends_on"]  # > 30 days
    ledger.close()
