"""The Exchange page's conflicts and partners models under Qt's checks, from two PCs."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core import exchange, problems, settings
from core.ledger import Ledger
from gui.models.exchange import SHOWN_CHARACTERS, ConflictModel, PartnerModel
from gui.pages.exchange import read_state

H = Qt.Orientation.Horizontal


def _pc(folder, name: str) -> Ledger:
    ledger = Ledger.open(folder / f"{name}.db", operator=name)
    settings.set_jurisdiction(ledger, "141000")
    exchange.new_site_id(ledger)
    exchange.set_site_name(ledger, name)
    return ledger


def _send(source: Ledger, target: Ledger, path) -> None:
    exchange.export(source, path, to=exchange.site(target).id, force=True)
    exchange.import_file(target, path, confirm=True)


@pytest.fixture
def pcs(tmp_path):
    """PCs 甲 and 乙 that changed one problem's description each: one conflict on 甲."""
    a, b = _pc(tmp_path, "甲"), _pc(tmp_path, "乙")
    pid = problems.add(a, {"source": "inspection", "region_code": "141021",
                           "category": "dust", "description": "工地未苫盖",
                           "assigned_on": "2026-01-05", "deadline": "2026-03-01"}).id
    _send(a, b, tmp_path / "1.ecox")
    long = "乙的描述：" + "料场" * SHOWN_CHARACTERS
    problems.update(b, pid, {"description": long})
    problems.update(a, pid, {"description": "甲的描述"})
    _send(a, b, tmp_path / "2.ecox")
    _send(b, a, tmp_path / "3.ecox")
    yield a, b, pid, long
    a.close()
    b.close()


def test_a_conflict_shows_both_values_and_the_partner(app, checked, pcs):
    a, _, pid, long = pcs
    state = read_state(a)
    model = checked(ConflictModel())
    model.set_rows(state.conflicts)
    assert [model.headerData(c, H) for c in range(5)] == ["记录", "字段", "本机的值", "对方的值", "对方站点"]
    record, field, mine, theirs, partner = (model.index(0, c).data() for c in range(5))
    assert record == f"问题 …{pid[-8:]}" and field == "问题描述"
    assert mine == "甲的描述" and partner == "乙"
    assert len(theirs) == SHOWN_CHARACTERS and theirs.endswith("…")  # a long value is cut
    tip = model.index(0, ConflictModel.THEIRS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"<qt>{long}</qt>"  # the whole value on hovering
    site = model.index(0, ConflictModel.PARTNER).data(Qt.ItemDataRole.ToolTipRole)
    assert exchange.site(pcs[1]).id in site
    alignment = model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole)
    assert Qt.AlignmentFlag(alignment) & Qt.AlignmentFlag.AlignTop  # several lines read down
    model.set_rows([])  # resolved
    assert model.rowCount() == 0


def test_the_partner_list_shows_the_last_exchange_each_way(app, checked, pcs):
    a, b, _, _ = pcs
    model = checked(PartnerModel())
    model.set_rows(read_state(a).partners)
    assert [model.headerData(c, H) for c in range(4)] == ["站点", "辖区", "最近导出给对方", "最近从对方导入"]
    name, jurisdiction, exported, imported = (model.index(0, c).data() for c in range(4))
    assert name == "乙" and jurisdiction == "141000"
    partner = exchange.partners(a)[0]
    assert exported == partner.last_export_at[:16].replace("T", " ")
    assert len(imported) == 16 and imported[10] == " "  # 2026-12-01 10:40: to the minute
    fresh = _pc(a.path.parent, "丙")
    model.set_rows(read_state(fresh).partners)  # a PC that never exchanged
    assert model.rowCount() == 0
    fresh.close()
