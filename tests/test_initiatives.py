"""Document-level behaviour of the initiative extractor: one name per programme, status by section."""

from __future__ import annotations

from kg.document import make_document
from kg.extract.initiatives import initiatives_in_document

REPORT = """2024年法治政府建设工作报告
一、2024年工作
发挥职能作用,开展行政复议质量提升年活动,检视案件170件。
开展质量提升年活动,对近3年案卷情况进行评查。
四是以“四所一庭一中心”为衔接,完善多元矛盾纠纷化解。
二、2025年工作计划
在“四所一庭一中心”衔接联动工作机制的作用,统筹各类资源。
开展公民法治素养提升行动,分层分类开展法治教育。
"""


def by_name():
    return {i.name: i for i in initiatives_in_document(make_document("r.txt", REPORT))}


def test_short_mention_takes_the_full_name():
    names = by_name()
    assert "行政复议质量提升年活动" in names
    assert "质量提升年活动" not in names


def test_plan_item_the_year_already_names_is_done():
    names = by_name()
    assert names["四所一庭一中心衔接联动工作机制"].evidence.section == "plans"
    assert names["四所一庭一中心衔接联动工作机制"].status == "done"
    assert names["公民法治素养提升行动"].status == "planned"
