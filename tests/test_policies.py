"""Document-level policy rules: the report's own title is no policy it names."""

from __future__ import annotations

from kg.extract.policies import own_title, policies_in_document
from kg.text.document import make_document

#: dev8 h136: the report opens with its own title in marks, then names policies
OWN_TITLE_TEXT = (
    "《民政部2021年法治政府建设年度报告》(全文)\n"
    "民政部2021年法治政府建设年度报告\n"
    "(一)推进加强重点领域立法。制定《民政部2021年立法工作计划》。\n"
)
#: holdout2 h18: a reading of a report; the report is the document the page is about
ABOUT_A_REPORT_TEXT = (
    "关于《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》的政策解读\n"
    "工作,印发《清水县人民政府关于清水县2023年度法治政府建设工作总结的报告》,现解读如下:\n"
)


def test_own_title_is_no_policy() -> None:
    titles = [p.title for p in policies_in_document(make_document("h136.txt", OWN_TITLE_TEXT))]
    assert "民政部2021年法治政府建设年度报告" not in titles
    assert "民政部2021年立法工作计划" in titles


def test_a_heading_about_a_report_keeps_it() -> None:
    assert own_title(ABOUT_A_REPORT_TEXT) == ""
    titles = [p.title for p in policies_in_document(make_document("h18.txt", ABOUT_A_REPORT_TEXT))]
    assert "清水县人民政府关于清水县2023年度法治政府建设工作总结的报告" in titles
