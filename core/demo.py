"""Realistic demo data for a Shanxi bureau: enterprises, inspections, problems in batches,
measures, status history and penalty cases, anchored on today's date.

The default size follows the Shanxi "100 days to zero" campaign: four batches of
supervision letters covering 2,507 problems.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from stdnum.cn import uscc

from . import bulk, ids, intervals, regions, settings
from .air import demo as air_demo
from .changes import Changes
from .db import now
from .errors import LedgerError
from .penalties import demo as penalty_demo
from .progress import Progress
from .vocabulary import CATEGORIES, INSPECTION_KINDS, SOURCES

if TYPE_CHECKING:
    from .ledger import Ledger

DEFAULT_PROBLEMS = 2507
CHUNK = 50_000  # rows written (and their audit entries sealed) at a time
MAX_PROBLEMS = 5_000_000

_FIRMS = ("宏达", "鑫源", "晋丰", "恒信", "华鑫", "瑞丰", "永昌", "金泰", "汾河", "太岳", "同盛",
          "兴旺", "三晋", "福源", "佳泰", "利民", "丰源", "吉祥", "正泰", "安泰", "明珠", "盛达")
# (industry word, GB/T 4754 code, the problem categories it tends to have)
_INDUSTRIES = (
    ("焦化", "2521", ("waste_gas", "dust", "waste_water", "monitoring_fraud")),
    ("钢铁", "3110", ("waste_gas", "dust", "solid_waste", "monitoring_fraud")),
    ("煤业", "0610", ("dust", "waste_water", "loose_coal")),
    ("发电", "4411", ("waste_gas", "monitoring_fraud", "solid_waste")),
    ("污水处理", "4620", ("waste_water", "monitoring_fraud")),
    ("铸造", "3391", ("waste_gas", "dust", "scattered_polluting")),
    ("玻璃", "3041", ("waste_gas", "dust")),
    ("水泥", "3011", ("dust", "waste_gas", "noise")),
    ("化工", "2614", ("hazardous_waste", "waste_water", "waste_gas")),
    ("洗煤", "0620", ("loose_coal", "waste_water", "scattered_polluting")),
)
_SUFFIXES = ("有限公司", "有限责任公司", "股份有限公司", "厂")
_DESCRIPTIONS = {
    "scattered_polluting": "未办理环评手续擅自生产，无污染防治设施",
    "loose_coal": "散煤露天堆放，未苫盖，未完成清洁取暖替代",
    "dust": "物料堆场未全封闭，道路扬尘明显，抑尘设施未运行",
    "waste_gas": "脱硫脱硝设施不正常运行，烟气超标排放",
    "waste_water": "生产废水未经处理直排，雨污未分流",
    "solid_waste": "一般固废随意堆放，未建规范贮存场所",
    "hazardous_waste": "危险废物未按规定贮存转移，台账记录不全",
    "drinking_water": "饮用水水源保护区内存在违规建设项目",
    "monitoring_fraud": "在线监测设备参数被篡改，监测数据失真",
    "noise": "夜间生产噪声扰民，隔声设施缺失",
    "other": "环境管理制度不健全，应急预案未备案",
}
_SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯邓曹彭曾"
_GIVEN = ("建国", "志强", "海燕", "晓峰", "丽娟", "伟", "静", "军", "敏", "勇", "磊", "婷", "斌",
          "红梅", "鹏", "亮", "霞", "刚", "涛", "娜")
_MEASURES = ("停产整治并完善污染防治设施", "安装在线监测并与生态环境部门联网", "全封闭改造物料堆场",
             "建设规范危险废物贮存间", "依法关停取缔并拆除设备", "委托第三方开展环境监测",
             "落实雨污分流改造", "完善环境管理台账")
_VIOLATIONS = ("超标排放大气污染物", "未批先建", "不正常运行防治污染设施", "逃避监管排放水污染物",
               "篡改伪造监测数据", "未按规定贮存危险废物", "无证排污")


@dataclass
class DemoData:
    """Rows per table, in insertion order: table → (columns, rows)."""

    tables: dict[str, tuple[tuple[str, ...], list[tuple]]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return len(self.tables[table][1]) if table in self.tables else 0


class _Maker:
    def __init__(self, seed: int, operator: str, today: dt.date):
        self.rng = random.Random(seed)
        self.operator = operator
        self.stamp = now()
        self.today = today
        midnight = dt.datetime.combine(today, dt.time()).timestamp()
        self.uid = ids.Sequence(self.rng, int(midnight * 1000))

    def base(self) -> tuple[str, str, str, str]:
        return (self.uid(), self.stamp, self.stamp, self.operator)

    def day(self, offset: int) -> str:
        return (self.today + dt.timedelta(days=offset)).isoformat()

    def person(self) -> str:
        return self.rng.choice(_SURNAMES) + self.rng.choice(_GIVEN)


_BASE = ("id", "created_at", "updated_at", "operator")


def generate(counties: list[regions.Region], problems: int = DEFAULT_PROBLEMS, seed: int = 1,
             operator: str = "demo", today: dt.date | None = None) -> DemoData:
    """Build (without writing) a consistent demo ledger over `counties`."""
    m = _Maker(seed, operator, today or dt.date.today())
    data = DemoData()
    campaign = _campaign(m, data)
    batches = _batches(m, data, campaign)
    firms = _enterprises(m, data, counties, max(60, min(problems // 2, 20000)))
    inspections = _inspections(m, data, firms, campaign)
    _problems(m, data, firms, batches, inspections, campaign, problems)
    _penalties(m, data, firms, campaign, max(1, problems * 539 // 2507))
    penalty_demo.add_procedures(m, data)
    return data


def _campaign(m: _Maker, data: DemoData) -> str:
    row = m.base() + ("百日清零专项行动", m.day(-80), m.day(20), 90.0)
    data.tables["campaign"] = (_BASE + ("name", "starts_on", "ends_on", "target_rate"), [row])
    return row[0]


def _batches(m: _Maker, data: DemoData, campaign: str) -> list[tuple[str, str]]:
    rows = [m.base() + (campaign, n, f"第{n}批督办问题", m.day(-80 + 15 * (n - 1)),
                        f"晋环督函〔{m.today.year}〕{10 + n}号") for n in range(1, 5)]
    data.tables["batch"] = (
        _BASE + ("campaign_id", "number", "name", "issued_on", "letter_number"), rows)
    return [(row[0], row[7]) for row in rows]


def _enterprises(m: _Maker, data: DemoData, counties: list[regions.Region], count: int) -> list:
    rows, names = [], set()
    for i in range(count):
        county = counties[i % len(counties)]
        word, industry, cats = m.rng.choice(_INDUSTRIES)
        name = f"{county.name}{m.rng.choice(_FIRMS)}{word}{m.rng.choice(_SUFFIXES)}"
        if name in names:
            name = name.replace(word, f"{word}{i}分", 1)
        names.add(name)
        body = f"91{county.code}" + "".join(m.rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY")
                                            for _ in range(9))
        rows.append(m.base() + (name, body + uscc.calc_check_digit(body), county.code, industry,
                                f"{body[2:]}001P", int(m.rng.random() < 0.2),
                                f"{county.name}工业园区{m.rng.randint(1, 99)}号", cats))
    data.tables["enterprise"] = (
        _BASE + ("name", "credit_code", "region_code", "industry_code", "permit_number",
                 "key_monitored", "address"), [row[:-1] for row in rows])
    return rows


def _inspections(m: _Maker, data: DemoData, firms: list, campaign: str) -> list:
    rows, officers = [], []
    for firm in firms:
        for _ in range(m.rng.choice((1, 1, 2))):
            row = m.base() + (firm[0], m.day(-m.rng.randint(1, 85)), m.rng.choice(INSPECTION_KINDS),
                              "problems_found", campaign, None)
            rows.append(row)
            first, second = m.person(), m.person()
            while second == first:
                second = m.person()
            officers += [(row[0], 1, first), (row[0], 2, second)]
    data.tables["inspection"] = (
        _BASE + ("enterprise_id", "inspected_on", "kind", "result", "campaign_id", "notes"), rows)
    data.tables["inspection_officer"] = (("inspection_id", "seq", "name"), officers)
    return rows


def _problems(m: _Maker, data: DemoData, firms: list, batches: list, inspections: list,
              campaign: str, count: int) -> None:
    problems, log, measures, extensions = [], [], [], []
    today = m.today.isoformat()
    for i in range(count):
        firm = m.rng.choice(firms)
        category = m.rng.choice(firm[-1]) if m.rng.random() < 0.85 else m.rng.choice(CATEGORIES)
        batch_id, issued = batches[min(3, int(m.rng.random() ** 1.3 * 4))]
        assigned = dt.date.fromisoformat(issued) + dt.timedelta(days=m.rng.randint(0, 6))
        assigned = min(assigned, m.today)
        deadline = assigned + dt.timedelta(days=m.rng.choice((15, 30, 30, 45, 60, 90)))
        source = "supervision_letter" if m.rng.random() < 0.8 else m.rng.choice(SOURCES)
        problem_id = m.uid()
        history = _history(m, assigned)
        status, since = history[-1]
        ext = _extension(m, problem_id, deadline, since, status) if m.rng.random() < 0.04 else None
        deadline_in_force, deadline_since = (ext[6], ext[8]) if ext else (deadline.isoformat(),
                                                                          assigned.isoformat())
        problems.append((problem_id, m.stamp, m.stamp, m.operator,
                         f"{firm[6][:6]}-{i + 1:06d}", source, campaign, batch_id, None, firm[0],
                         firm[6], category, f"{firm[4]}{_DESCRIPTIONS[category]}",
                         assigned.isoformat(), deadline.isoformat(),
                         firm[4], m.person(), status, since, deadline_in_force, deadline_since,
                         _first(history, "reported_done"), since if status == "closed" else None))
        previous = None
        for seq, (state, day) in enumerate(history, 1):
            log.append(m.base() + (problem_id, day, seq, previous, state, None))
            previous = state
        if ext:
            extensions.append(ext)
        for seq in range(1, m.rng.choice((1, 2, 2, 3)) + 1):
            done = status in ("reported_done", "closed")
            measures.append(m.base() + (problem_id, seq, m.rng.choice(_MEASURES),
                                        deadline.isoformat(), m.person(), 100 if done else
                                        m.rng.choice((0, 20, 50, 80)), since if done else None))
    data.tables["problem"] = (_BASE + (
        "number", "source", "campaign_id", "batch_id", "inspection_id", "enterprise_id",
        "region_code", "category", "description", "assigned_on", "deadline",
        "responsible_unit", "responsible_person", "status", "status_since",
        "deadline_in_force", "deadline_since", "done_on", "closed_on"), problems)
    data.tables["problem_log"] = (_BASE + (
        "problem_id", "happened_on", "seq", "status_from", "status_to", "note"), log)
    data.tables["measure"] = (_BASE + (
        "problem_id", "seq", "description", "deadline", "responsible", "progress", "done_on"),
        measures)
    data.tables["deadline_extension"] = (_BASE + (
        "problem_id", "requested_on", "new_deadline", "reason", "approved_on", "approved_by"),
        extensions)
    assert today  # dates never pass today: _history clamps them


def _history(m: _Maker, assigned: dt.date) -> list[tuple[str, str]]:
    """A plausible status history from the assigned date up to today."""
    steps = [("assigned", assigned)]
    path = ("in_progress", "reported_done", "closed")
    day = assigned
    for state in path:
        day += dt.timedelta(days=m.rng.randint(1, 18 if state == "closed" else 12))
        if day > m.today or m.rng.random() < 0.12:
            break
        steps.append((state, day))
    if steps[-1][0] == "closed" and m.rng.random() < 0.015:
        day += dt.timedelta(days=m.rng.randint(3, 20))
        if day <= m.today:
            steps.append(("reopened", day))
    return [(state, d.isoformat()) for state, d in steps]


def _first(history: list[tuple[str, str]], state: str) -> str | None:
    return next((day for s, day in reversed(history) if s == state), None)


def _extension(m: _Maker, problem_id: str, deadline: dt.date, since: str, status: str) -> tuple:
    requested = max(dt.date.fromisoformat(since), deadline - dt.timedelta(days=5))
    requested = min(requested, m.today)
    approved = min(requested + dt.timedelta(days=2), m.today)
    return m.base() + (problem_id, requested.isoformat(),
                       (deadline + dt.timedelta(days=30)).isoformat(),
                       "设备采购周期长，申请延期三十日", approved.isoformat(), "科长")


def _penalties(m: _Maker, data: DemoData, firms: list, campaign: str, count: int) -> None:
    rows = []
    for i in range(count):
        firm = m.rng.choice(firms)
        fine = m.rng.choice((10_000, 20_000, 30_000, 50_000, 100_000, 200_000)) * 100
        flags = [int(m.rng.random() < p) for p in (0.004, 0.03, 0.055, 0.03, 0.01, 0.12)]
        daily = fine * m.rng.randint(3, 20) if flags[0] else 0
        rows.append(m.base() + (f"临环罚〔{m.today.year}〕{i + 1}号", firm[0], firm[6], campaign,
                                m.rng.choice(_VIOLATIONS), m.day(-m.rng.randint(0, 80)), fine,
                                flags[0], daily, *flags[1:]))
    data.tables["penalty_case"] = (_BASE + (
        "case_number", "enterprise_id", "region_code", "campaign_id", "violation", "decided_on",
        "fine_fen", "daily_fine", "daily_fine_fen", "seizure", "restriction", "detention",
        "crime_transfer", "closure"), rows)


def write(ledger: Ledger, data: DemoData, progress: Progress | None = None) -> Changes:
    """Insert generated demo rows in one transaction."""
    total = sum(len(rows) for _, rows in data.tables.values())
    done = 0
    with ledger.transaction():
        # the problems' state intervals (and the stored days' figures) built once at the
        # end, set-based, not rebuilt at every status log inserted
        paused = intervals.Paused(ledger.conn, data.tables)
        for table, (columns, rows) in data.tables.items():
            for start in range(0, len(rows), CHUNK):
                if progress:
                    progress(done, total, table)
                chunk = rows[start:start + CHUNK]
                bulk.insert_rows(ledger.conn, table, columns, chunk)
                ledger.seal_pending()
                done += len(chunk)
        paused.finish()
    return Changes.of(*data.tables, "campaign", "batch")


def can_load(ledger: Ledger) -> bool:
    """Whether demo data may go into this ledger: only while it holds no enterprise."""
    return ledger.conn.execute("SELECT 1 FROM enterprise LIMIT 1").fetchone() is None


def load(ledger: Ledger, problems: int = DEFAULT_PROBLEMS, seed: int = 1,
         progress: Progress | None = None) -> Changes:
    """Fill an empty ledger with demo data for its jurisdiction."""
    if not 0 <= problems <= MAX_PROBLEMS:
        raise LedgerError("error.problems_count")
    if not can_load(ledger):
        raise LedgerError("error.demo_not_empty")
    counties = regions.counties_of(ledger, settings.jurisdiction(ledger))
    data = generate(counties, problems, seed, ledger.operator)
    changes = write(ledger, data, progress)
    from .random_inspection import demo as random_demo  # 双随机 directories and draws
    return changes | random_demo.load(ledger, seed) | air_demo.load(ledger, seed)
