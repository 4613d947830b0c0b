"""Demo directories for 双随机: the ministry's common inspection items, the demo enterprises
in the directory by class, two dozen officers across the counties with a few declared
conflicts, last quarter's plan drawn, inspected and half published, and this quarter's drawn."""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
import random

from .. import dates, regions, rows, settings
from ..changes import Changes
from . import directory, draw, notices, officers, plans, tasks

if TYPE_CHECKING:
    from ..ledger import Ledger

ITEMS = (
    ("HB-01", "排污许可证执行情况检查", "《排污许可管理条例》"),
    ("HB-02", "污染防治设施运行情况检查", "《中华人民共和国环境保护法》"),
    ("HB-03", "自动监测设备运行及数据质量检查", "《污染源自动监控管理办法》"),
    ("HB-04", "危险废物规范化环境管理检查", "《中华人民共和国固体废物污染环境防治法》"),
    ("HB-05", "建设项目环境影响评价及“三同时”执行情况检查", "《建设项目环境保护管理条例》"),
    ("HB-06", "突发环境事件应急预案备案及落实情况检查", "《突发环境事件应急管理办法》"),
)
_OFFICERS = ("王建国", "李海燕", "张志强", "刘晓峰", "陈丽娟", "杨伟", "赵静", "黄军", "周敏",
             "吴勇", "徐磊", "孙婷", "马斌", "朱红梅", "胡鹏", "郭亮", "何霞", "高刚", "林涛",
             "罗娜", "郑建华", "梁志刚", "谢文斌", "宋晓东")
_UNITS = ("市生态环境综合行政执法支队", "{county}生态环境保护综合行政执法大队")


def quarter(day: dt.date, back: int = 0) -> tuple[dt.date, dt.date]:
    """The first and last day of the quarter `back` quarters before the one holding `day`."""
    index = (day.year * 4 + (day.month - 1) // 3) - back
    year, q = divmod(index, 4)
    start = dt.date(year, q * 3 + 1, 1)
    following = dt.date(year + (q == 3), (q * 3 + 3) % 12 + 1, 1)
    return start, following - dt.timedelta(days=1)


def load(ledger: Ledger, seed: int = 1, today: dt.date | None = None) -> Changes:
    """Fill the 双随机 directories over the demo enterprises; two quarters' plans and draws."""
    with ledger.transaction():  # one commit: a million-problem demo has 20,000 directory rows
        return _load(ledger, random.Random(seed), today or dates.today())


def _load(ledger: Ledger, rng: random.Random, today: dt.date) -> Changes:
    for code, name, basis in ITEMS:
        directory.add_item(ledger, {"code": code, "name": name, "basis": basis})
    firms = []
    for number, (firm, key) in enumerate(ledger.conn.execute(
            "SELECT id, key_monitored FROM enterprise ORDER BY name").fetchall()):
        if not key and number % 9 == 4:  # every ninth other one is a special object
            rows.update(ledger, "enterprise", firm, {"supervision_class": "special"})
        firms.append(firm)
    counties = regions.counties_of(ledger, settings.jurisdiction(ledger)) or [None]
    for number, name in enumerate(_OFFICERS):
        county = counties[number % len(counties)]
        unit = _UNITS[number % 2].format(county=county.name if county else "")
        declared = [firms[rng.randrange(len(firms))]] if number % 3 == 0 and firms else []
        officers.add(ledger, {"name": name, "certificate": f"1410{number + 2017:04d}{number + 1:04d}",
                              "field": "生态环境", "unit": unit,
                              "region_code": county.code if county else None,
                              "active": 0 if number == len(_OFFICERS) - 1 else 1}, declared)
    for number, firm in enumerate(firms):
        applying = [c for c, _, _ in ITEMS if rng.random() < 0.6] or [ITEMS[0][0]]
        directory.put_member(ledger, firm, applying, active=number % 40 != 17)
    last, now = quarter(today, 1), quarter(today)
    last_plan = _plan(ledger, last, [c for c, _, _ in ITEMS[:3]])
    now_plan = _plan(ledger, now, [c for c, _, _ in ITEMS[:4]])
    draw.make(ledger, last_plan, "07 15 23", _WITNESS, drawn_on=_day(last[0], 6, today))
    draw.make(ledger, now_plan, "03 11 26", _WITNESS, drawn_on=_day(now[0], 8, today))
    _inspect(ledger, rng, last_plan, today)
    notices.publish(ledger, draw.standing(ledger, now_plan), "draw", _day(now[0], 12, today))
    return Changes.of(directory.ITEM, directory.MEMBER, officers.TABLE, officers.CONFLICT,
                      plans.TABLE, draw.DRAW, draw.TASK, "inspection", "enterprise")


_WITNESS = "市纪检监察组 刘明"


def _day(start: dt.date, days: int, today: dt.date) -> str:
    return min(start + dt.timedelta(days=days), today).isoformat()


def _plan(ledger: Ledger, period: tuple[dt.date, dt.date], items: list[str]) -> str:
    start, end = period
    name = f"{start.year}年第{(start.month - 1) // 3 + 1}季度双随机抽查"
    return plans.add(ledger, {"name": name, "starts_on": start.isoformat(),
                              "ends_on": end.isoformat(), "items": items,
                              "shares": {"key": {"percent": "25"}, "special": {"percent": "15"},
                                         "general": {"percent": "5"}}}, approve=True).id


def _inspect(ledger: Ledger, rng: random.Random, plan_id: str, today: dt.date) -> None:
    """Last quarter's tasks inspected but three, none with problems (the demo's 2,507
    problems stay the campaign's). Its list is published, its results not yet."""
    draw_id = draw.standing(ledger, plan_id)
    plan = plans.get(ledger, plan_id)
    start, end = dt.date.fromisoformat(plan.starts_on), dt.date.fromisoformat(plan.ends_on)
    drawn = tasks.of_draw(ledger, draw_id)
    for task in drawn[:-3]:
        day = start + dt.timedelta(days=rng.randint(10, (end - start).days))
        notes = "现场检查未发现环境违法问题" if rng.random() < 0.8 else \
            "未发现违法问题；提醒企业完善环境管理台账"
        tasks.record(ledger, task.id, {"inspected_on": min(day, today).isoformat(),
                                       "result": "no_problem", "notes": notes}, task.officers)
    notices.publish(ledger, draw_id, "draw", (start + dt.timedelta(days=9)).isoformat())
