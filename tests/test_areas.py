"""The governance-area classifier: what is measured or done decides, the heading only breaks ties."""

from __future__ import annotations

import pytest

from kg.vocab.areas import area_of
from kg.vocab.ontology import area_scheme


@pytest.mark.parametrize(
    "text, area",
    [
        ("共办结援助案660件", "公共法律服务"),
        ("累计接收行政复议申请673件", "行政复议与应诉"),
        ("全年开展行政执法培训61场次", "行政执法与监督"),
        ("全区共成功调处人民调解案件9857件", "人民调解与矛盾化解"),
        ("全年开展法治宣传活动100余场次", "普法与法治宣传"),
        ("273名社区矫正对象", "社区矫正与特殊人群"),
        ("全区公职律师单位38家", "制度建设与合法性审查"),
        ("调解涉企纠纷500余件", "营商环境"),
        ("梳理出全县行政许可事项258项", "政务服务与公开"),
    ],
)
def test_what_is_measured_decides(text, area):
    assert area_of(text) == area


def test_work_for_enterprises_is_business_environment_for_the_whole_sentence():
    sentence = "为企业开展法治宣传60余场、出具法治体检报告50份、提供法律建议400余条。"
    assert area_of("出具法治体检报告50份", around=sentence) == "营商环境"


def test_the_sentence_decides_a_bare_clause():
    sentence = "全区共受理行政复议案件72件,办结65件,调解结案3件。"
    assert area_of("办结65件", around=sentence) == "行政复议与应诉"


def test_heading_only_breaks_ties():
    assert area_of("开展法治宣传活动12场", "(三)加强行政执法监督") == "普法与法治宣传"
    assert area_of("办结65件", "(四)依法化解行政争议,做好行政复议") == "行政复议与应诉"


def test_nothing_to_go_by():
    assert area_of("完成目标任务") is None


def test_every_area_has_keywords_and_twelve_areas():
    scheme = area_scheme()
    assert len(scheme) == 12
    assert all(keywords for _, _, keywords in scheme)
