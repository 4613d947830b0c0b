"""ecoledger-cli exchange: a round trip between two ledger files, and refusals as one line."""
from __future__ import annotations

from core import problems
from core.cli import main
from core.ledger import Ledger

from .sites import new_problem, open_site, problem


def test_export_import_conflicts_and_resolve_from_the_command_line(blank_file, tmp_path,
                                                                   capsys):
    a, b = (open_site(blank_file, tmp_path, n) for n in ("甲", "乙"))
    pid = new_problem(a)
    a.close()
    b.close()
    db_a, db_b = str(tmp_path / "甲.db"), str(tmp_path / "乙.db")
    assert main(["--db", db_b, "exchange", "site"]) == 0
    site_b = capsys.readouterr().out.split("（")[1].split("）")[0]
    out = tmp_path / "1.ecox"
    assert main(["--db", db_a, "exchange", "export", "--to", site_b, "-o", str(out)]) == 0
    assert "已导出 2 条更改" in capsys.readouterr().out
    assert main(["--db", db_b, "exchange", "import", str(out), "--confirm-partner", "141000"]) == 0
    assert "采用 2 条更改" in capsys.readouterr().out
    assert main(["--db", db_b, "exchange", "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "导入过" in err
    for db, text in ((db_a, "甲的描述"), (db_b, "乙的描述")):
        with Ledger.open(db) as ledger:
            problems.update(ledger, pid, {"description": text})
    assert main(["--db", db_a, "exchange", "export", "--to", site_b, "-o", str(out)]) == 1
    assert "已存在" in capsys.readouterr().err  # an existing file is replaced only when asked
    assert main(["--db", db_a, "exchange", "export", "--to", site_b, "-o", str(out),
                 "--force"]) == 0
    assert main(["--db", db_b, "exchange", "import", str(out)]) == 0
    capsys.readouterr()
    assert main(["--db", db_b, "exchange", "conflicts"]) == 0
    listing = capsys.readouterr().out
    assert "问题描述: 乙的描述 | 甲: 甲的描述" in listing
    conflict_id = listing.split()[0]
    assert main(["--db", db_b, "exchange", "resolve", conflict_id[:13], "--keep", "theirs"]) == 0
    assert main(["--db", db_b, "exchange", "conflicts"]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out
    with Ledger.open(db_b) as ledger:
        assert problem(ledger, pid)["description"] == "甲的描述"


def test_a_wrong_key_is_one_line_and_exit_1(blank_file, tmp_path, capsys, monkeypatch):
    a = open_site(blank_file, tmp_path, "甲")
    new_problem(a)
    a.close()
    b = open_site(blank_file, tmp_path, "乙")
    b.close()
    out = tmp_path / "k.ecox"
    monkeypatch.setenv("ECOLEDGER_EXCHANGE_KEY", "right")
    assert main(["--db", str(tmp_path / "甲.db"), "exchange", "export", "-o", str(out)]) == 0
    monkeypatch.setenv("ECOLEDGER_EXCHANGE_KEY", "wrong")
    assert main(["--db", str(tmp_path / "乙.db"), "exchange", "import", str(out)]) == 1
    assert "签名" in capsys.readouterr().err
