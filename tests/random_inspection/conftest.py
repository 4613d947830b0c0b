"""A small bureau's 双随机 directories built in code, as its Excel lists would hold them."""
from __future__ import annotations

import pytest
from stdnum.cn import uscc

from core import enterprises
from core.random_inspection import directory, officers

COUNTIES = ("141021", "141022", "141023", "141024", "141081")  # 曲沃 翼城 襄汾 洪洞 侯马


def credit_code(number: int, county: str = "141021") -> str:
    body = f"91{county}MA{number:07d}"
    return body + uscc.calc_check_digit(body)


def make_directory(ledger, key: int = 8, special: int = 4, general: int = 40,
                   officer_count: int = 10) -> dict[str, list[str]]:
    """Enterprises of each class in the directory and officers across the counties."""
    made: dict[str, list[str]] = {"key": [], "special": [], "general": [], "officers": []}
    number = 0
    for cls, count in (("key", key), ("special", special), ("general", general)):
        for _ in range(count):
            number += 1
            county = COUNTIES[number % len(COUNTIES)]
            raw = {"name": f"测试{cls}企业{number:03d}有限公司", "credit_code": credit_code(number, county),
                   "region_code": county, "key_monitored": int(cls == "key")}
            if cls == "special":
                raw["supervision_class"] = "special"
            enterprise_id = enterprises.add(ledger, raw).id
            directory.put_member(ledger, enterprise_id)
            made[cls].append(enterprise_id)
    for n in range(officer_count):
        made["officers"].append(officers.add(ledger, {
            "name": f"执法{n:02d}", "certificate": f"1410{n:06d}",
            "region_code": COUNTIES[n % len(COUNTIES)]}).id)
    return made


@pytest.fixture
def bureau(ledger):
    return make_directory(ledger)


@pytest.fixture
def cli(ledger, capsys):
    """Run one `ecoledger-cli` command on the `ledger` fixture's file: (code, out, err)."""
    from types import SimpleNamespace

    from core import messages
    from core.cli import main

    capsys.readouterr()

    def run(*args: str) -> SimpleNamespace:
        code = main(["--db", str(ledger.path), *args])
        out, err = capsys.readouterr()
        return SimpleNamespace(code=code, out=out, err=err, lines=out.splitlines())

    yield run
    messages.set_language(messages.DEFAULT_LANGUAGE)
