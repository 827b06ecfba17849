"""Sections and sentences of real report layouts: what each sentence knows about where it sits."""

from __future__ import annotations

from kg.text.document import sentences_of


def sections(text: str) -> list[tuple[str, str]]:
    return [(s.section, s.text[:12]) for s in sentences_of(text)]


def section_of(text: str, opening: str) -> str:
    return next(s.section for s in sentences_of(text) if s.text.startswith(opening))


REPORT = """2024年,河东区司法局在区委、区政府的坚强领导下,统筹推进法治政府建设全面提质增效。
一、2024年度推进法治政府建设的主要举措和成效
(一)坚持党的领导,压实法治政府建设责任。坚持把党的领导贯穿到法治政府建设全过程各方面。
二、党政主要负责人履行第一责任人职责情况
区司法局党组书记、局长切实履行推进法治建设第一责任人职责。
三、当前工作存在的不足及原因
(一)调解组织的覆盖领域、服务范围仍需拓展。
全区行业性专业性调解组织建设还存在一定差距。
四、2025年推进法治政府建设工作安排
(一)深入推进政府依法行政。
"""


def test_top_headings_set_the_section_and_sub_headings_inherit_it():
    assert section_of(REPORT, "2024年,河东区") == "preamble"
    assert section_of(REPORT, "坚持把党的领导") == "achievements"
    assert section_of(REPORT, "区司法局党组书记") == "duties"
    assert section_of(REPORT, "(一)调解组织") == "challenges"
    assert section_of(REPORT, "全区行业性") == "challenges"
    assert section_of(REPORT, "(一)深入推进政府") == "plans"


def test_a_heading_is_its_own_sentence_and_the_next_sentences_know_it():
    s = next(s for s in sentences_of(REPORT) if s.text.startswith("坚持把党的领导"))
    assert s.heading == "(一)坚持党的领导,压实法治政府建设责任"
    assert REPORT[s.start : s.end] == s.text


def test_inline_admission_opens_a_shortcomings_passage():
    text = """二、2022年推进法治政府建设的主要举措和成效
(七)有力推进全民守法普法工作。印发年度普法计划。
2022年,区司法局在法治政府建设工作中取得较好成绩,但仍存在以下不足:行政复议应诉质量有待进一步加强,人民调解整体质效有待进一步提高。
三、2023年推进法治政府建设工作打算
2023年,区司法局将深入贯彻落实党的二十大精神。
"""
    assert section_of(text, "印发年度普法计划") == "achievements"
    assert section_of(text, "2022年,区司法局") == "challenges"
    assert section_of(text, "2023年,区司法局") == "plans"


def test_problems_named_in_the_years_work_do_not_open_a_shortcomings_passage():
    text = """一、主要举措和成效
(一)规范性文件管理常态化开展。针对备案审查中发现的问题和不足,督促制定机关及时整改。
(二)社区矫正制度化推进。严格落实社区矫正对象分类管理。
"""
    assert section_of(text, "针对备案审查") == "achievements"
    assert section_of(text, "严格落实社区矫正") == "achievements"


def test_an_inline_admission_ends_at_the_next_sub_heading():
    text = """一、主要举措和成效
(三)强化行政执法监督。执法质量稳步提升,但仍存在一些问题。
(四)强化公共法律服务供给。建成公共法律服务站点200个。
"""
    assert section_of(text, "执法质量稳步提升") == "challenges"
    assert section_of(text, "建成公共法律服务站点") == "achievements"


def test_a_top_heading_naming_the_next_year_opens_the_plans():
    text = """2023年,地区司法局法治政府建设取得了一定成绩。
一、推进法治政府建设的主要举措和成效
(一)强力推进法治政府建设。
二、2024年法治政府建设
(一)强化法治政府建设,严格规范公正文明执法。
"""
    assert section_of(text, "(一)强化法治政府建设") == "plans"


def test_plan_words_in_sub_headings_do_not_switch_the_section():
    text = """一、主要举措和成效
(三)突出工作重点,着力提升依法行政水平。全年审查规范性文件15件。
"""
    assert section_of(text, "全年审查规范性文件") == "achievements"


def test_reports_numbering_parts_with_bracketed_numerals():
    text = """2023年法治政府建设情况报告
(一)主要工作开展情况
全年办理行政复议案件30件。
(二)存在的问题
基层执法力量仍然薄弱。
(三)下一步工作计划
持续深化行政执法监督。
"""
    assert section_of(text, "全年办理") == "achievements"
    assert section_of(text, "基层执法力量") == "challenges"
    assert section_of(text, "持续深化") == "plans"


def test_web_page_furniture_stays_in_the_preamble():
    text = """首页 / 政务公开 / 年度报告 / 法治政府建设年报
大兴安岭地区行政公署司法局2023年度法治政府建设年度工作报告
来源:地区司法局
发布时间:2024-02-23 08:00
一、推进法治政府建设的主要举措和成效
"""
    assert [k for k, _ in sections(text)][:4] == ["preamble"] * 4


def test_a_heading_naming_the_years_work_is_not_a_plan_even_after_an_earlier_year():
    text = """2021年以来,区司法局持续推进法治政府建设。2023年度工作情况报告如下。
一、2023年法治政府建设
全年审查规范性文件15件。
二、2024年法治政府建设
持续深化行政执法监督。
"""
    assert section_of(text, "全年审查") == "achievements"
    assert section_of(text, "持续深化") == "plans"


def test_per_document_answers_once_for_the_same_report_and_again_for_another():
    from kg.text.document import make_document, per_document

    calls = []

    @per_document
    def sentences_of_doc(doc):
        calls.append(doc.source)
        return len(doc.sentences)

    first, second = make_document("a.txt", "一句。两句。"), make_document("b.txt", "一句。")
    assert sentences_of_doc(first) == sentences_of_doc(first) == 2
    assert sentences_of_doc(second) == 1 and sentences_of_doc(first) == 2
    assert calls == ["a.txt", "b.txt", "a.txt"]
