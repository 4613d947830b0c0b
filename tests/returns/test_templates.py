from __future__ import annotations

import pytest

from core.errors import LedgerError
from core.returns import figures, ledger_export, templates

SHIPPED = ("campaign_progress", "penalty_monthly", "rectification_ledger")


def test_shipped_templates_load_and_name_known_statistics():
    assert set(SHIPPED) <= set(templates.names())
    for name in SHIPPED:
        template = templates.load(name)
        for column in template.columns:
            known = ledger_export.FIELDS if template.kind == templates.PROBLEM_LIST \
                else figures.STATISTICS
            assert column.stat in known, (name, column.key)


def test_campaign_progress_has_the_issue_columns_in_order():
    template = templates.load("campaign_progress")
    assert [c.key for c in template.columns] == [
        "sources", "found", "assigned", "rectified", "rate", "cases", "fines", "daily_fine",
        "seizure", "restriction", "detention", "crime_transfer", "closure"]
    assert template.column("fines").format == "wan"
    assert template.column("found").filter == (("source", "inspection"),)
    assert template.header_depth == 2


def test_unknown_template_names_the_shipped_ones():
    with pytest.raises(LedgerError) as error:
        templates.load("weekly_dust")
    assert "campaign_progress" in str(error.value)


def test_a_new_layout_is_a_new_file(tmp_path):
    path = tmp_path / "dust_weekly.toml"
    path.write_text('kind = "by_region"\ntitle = "扬尘问题周报"\n'
                    '[[columns]]\nkey = "dust"\nheader = "扬尘问题（个）"\n'
                    'stat = "problems.assigned"\nfilter = { category = "dust" }\n',
                    encoding="utf-8")
    template = templates.load(str(path))
    assert template.name == "dust_weekly"
    assert template.columns[0].filter == (("category", "dust"),)


@pytest.mark.parametrize("body, reason", [
    ('kind = "pivot"\ntitle = "x"\n[[columns]]\nkey = "a"\nheader = "A"\n', "kind"),
    ('kind = "by_region"\ntitle = "x"\n[[columns]]\nkey = "a"\nheader = "A"\nstat = "rate"\n'
     'of = ["a", "b"]\n', "unknown column b"),
    ('kind = "by_region"\ntitle = "x"\n[[columns]]\nkey = "a"\nheader = "A"\nformat = "money"\n',
     "format"),
    ('kind = "by_region"\ntitle = "x"\ncolumns = 3\n', ""),
])
def test_a_malformed_template_is_refused_with_its_reason(tmp_path, body, reason):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LedgerError) as error:
        templates.load(str(path))
    assert "bad.toml" in str(error.value) and reason in str(error.value)
