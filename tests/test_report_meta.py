"""Report metadata rules for shapes of title and town the development texts hold only in part.

Each case joins a real report's opening (from the development corpus) to a title line in a shape
real pages use (a year before the place, 关于 first, a page <title> with its site's name, a
joint title split over two lines); one town rule is tested with the gazetteer made to lack the
town, as it lacks renamed or newly made ones.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kg.extract import report_meta as rm
from kg.text.document import make_document
from kg.vocab import gazetteer

CORPUS = Path(__file__).parent.parent / "corpus"


def _opening(path: str, lines: int) -> str:
    text = (CORPUS / path).read_text(encoding="utf-8")
    return "\n".join(line for line in text.split("\n")[:lines] if line.strip())


#: a county report speaking as 我县 whose county (兴国县) stands only in a document title
W307 = _opening("wide/texts/w307.txt", 5)
#: a town report opening 2023年度,泉溪镇政府在县委、县政府的正确领导下…
H11 = _opening("holdout/texts/h11.txt", 6)


def meta_of(text: str):
    return rm.report_meta(make_document("case.txt", text))


@pytest.mark.parametrize(
    "title",
    [
        "2024年度兴国县法治政府建设情况报告",  # the year before the place
        "关于兴国县2024年法治政府建设情况的报告",  # 关于 before the place
        "兴国县法治政府建设2024年度报告",  # the topic right after the place, the year after it
        "二〇二四年兴国县法治政府建设年度报告",  # the year spelled out
        "兴国县 2024 年法治政府建设年度报告",  # the year set off by spaces, as d102 writes its years
    ],
)
def test_title_naming_its_place_in_other_orders(title):
    meta = meta_of(title + "\n" + W307)
    assert (meta.bureau, meta.region.official, meta.year) == ("兴国县人民政府", "兴国县", 2024)
    assert meta.bureau_evidence.rule == "report_meta.title_place_government"


def test_year_first_title_naming_a_body_is_that_bodys():
    meta = meta_of("2024年兴国县司法局法治政府建设工作总结\n" + W307)
    assert meta.bureau == "兴国县司法局"
    assert meta.bureau_evidence.rule == "report_meta.body_in_title"


def test_place_then_no_topic_is_no_place_title():
    """兴国县教育系统…: the place is followed by another subject than the report's topic."""
    title = rm.title_sentence(make_document("case.txt", "兴国县教育系统2024年度工作总结\n" + W307))
    assert (
        rm._title_place(title, make_document("case.txt", "兴国县教育系统2024年度工作总结\n" + W307)) is None
    )


def test_page_title_line_gives_its_first_segment():
    doc = make_document("case.txt", "兴国县2024年法治政府建设年度报告_兴国县人民政府\n" + W307)
    assert rm.title_sentence(doc).text == "兴国县2024年法治政府建设年度报告"
    assert meta_of(doc.text).bureau == "兴国县人民政府"


def test_breadcrumb_is_no_page_title():
    doc = make_document("case.txt", "首页 | 政务公开 | 法治政府建设\n" + W307)
    assert rm.title_sentence(doc) is None


def test_joint_authors_on_a_line_above_a_guanyu_title():
    meta = meta_of("中共兴国县委 兴国县人民政府\n关于2024年度法治政府建设情况的报告\n" + W307)
    assert meta.bureau == "中共兴国县委 兴国县人民政府"
    assert meta.region.official == "兴国县"


def test_one_body_on_the_line_above_is_no_joint_report():
    meta = meta_of("兴国县人民政府\n关于2024年度法治政府建设情况的报告\n" + W307)
    assert meta.bureau == "兴国县人民政府"


def test_a_years_qingkuang_title_is_a_yearly_report():
    """某局2024年度…工作情况, published 2025: the year reported on, not the publication year."""
    text = "诸暨市气象局2024年度法治政府建设工作情况\n发布日期:2025-02-07\n" + _opening(
        "holdout2/texts/h24.txt", 3
    )
    meta = meta_of(text)
    assert (meta.bureau, meta.year) == ("诸暨市气象局", 2024)


def test_undated_news_year_from_its_only_year_of_figures():
    """A story with no date of its own, naming one year, as that of its figures."""
    text = _opening("wide/texts/d705.txt", 4).split("\n", 2)[2]  # the story without its date line
    assert meta_of(text).year is None  # 2015年人民调解案件统计: a year, but no figure in its clause


@pytest.fixture
def without_quanxi(monkeypatch):
    """The gazetteer lacking 泉溪镇, as it lacks renamed or newly made towns."""
    towns = {k: v for k, v in gazetteer.town_names().items() if k != "泉溪镇"}
    monkeypatch.setattr(gazetteer, "town_names", lambda: towns)


def test_unlisted_town_as_the_subject_is_the_region(without_quanxi):
    meta = meta_of(H11)
    assert meta.region is not None and meta.region.name == "泉溪镇"
    assert meta.region.level == "town"
    assert meta.bureau == "泉溪镇政府"


def test_unlisted_town_title_is_the_towns_report(without_quanxi):
    meta = meta_of("泉溪镇2023年度法治政府建设工作报告\n" + H11)
    assert (meta.bureau, meta.region.name) == ("泉溪镇政府", "泉溪镇")


@pytest.mark.parametrize("words", ["全镇", "城乡", "我镇", "乡镇"])
def test_words_ending_like_a_town_are_none(words):
    s = make_document("case.txt", f"2023年,{words}坚持依法行政。").sentences[0]
    assert rm._unlisted_town_at(s, 6, frozenset()) is None


def test_level_named_department_of_a_province():
    """2021年,省商务厅…: a 厅 named by its level, completed with the province the text names."""
    meta = meta_of(
        "2021年,省商务厅坚持以习近平新时代中国特色社会主义思想为指导,全面落实《湖南省法治政府建设实施方案》,"
        "推进全省商务系统依法行政。现将有关情况报告如下:\n一、主要工作\n"
    )
    assert (meta.bureau, meta.region.official) == ("湖南省商务厅", "湖南省")


def test_a_higher_department_guiding_is_not_the_author():
    """h07: 省农业农村厅的正确指导下 names the guiding 厅; the author is the city's bureau."""
    assert meta_of(_opening("holdout/texts/h07.txt", 3)).bureau == "六安市农业农村局"


def test_title_naming_its_body_by_level_is_completed_with_the_reports_unit():
    meta = meta_of("县人民政府关于2024年度法治政府建设情况的报告\n" + W307)
    assert meta.bureau == "兴国县人民政府"
    assert meta.bureau_evidence.rule == "report_meta.level_named_body"
    assert meta.bureau_evidence.start == 0 and meta.bureau_evidence.end == len("县人民政府")


def test_title_body_of_another_level_is_not_completed():
    assert meta_of("市人民政府关于2024年度法治政府建设情况的报告\n" + W307).bureau != "兴国市人民政府"


def test_title_broken_over_two_lines_is_read_whole():
    """d603: 贵州省2023年度法治政府建设工作 / 情况报告 (the page prints the title over two lines)."""
    doc = make_document("case.txt", _opening("wide/texts/d603.txt", 18))
    assert rm.title_sentence(doc).text == "贵州省2023年度法治政府建设工作情况报告"
    meta = rm.report_meta(doc)
    assert (meta.bureau, meta.year) == ("贵州省人民政府", 2023)


def test_a_line_and_a_running_sentence_make_no_title():
    """A short name line followed by the text's own first sentence is not a broken title."""
    doc = make_document("case.txt", _opening("holdout2/texts/h24.txt", 3))
    assert rm.title_sentence(doc).text == "诸暨市气象局关于2024年度法治政府建设工作的报告"
    s, after = doc.sentences[0], doc.sentences[1]
    assert rm._split_title(s, after) is None


def test_county_level_city_is_never_its_prefectures():
    """d102 names 济宁市 (its prefecture, twice) and 邹城 (itself, twice): a 市 text's own unit is the
    county-level city, not the prefecture above it."""
    doc = make_document("case.txt", _opening("wide/texts/d102.txt", 1))
    assert rm._own_place(doc, "市").official == "邹城市"


def test_a_city_with_counties_under_it_keeps_the_prefecture_reading():
    """h32 (我市各縣(市、區)司法局): county-level cities it names are below it, so none is its own."""
    doc = make_document("case.txt", _opening("holdout2/texts/h32.txt", 4))
    own = rm._own_place(doc, "市")
    assert own is None or own.level == "city"


def test_a_towns_body_opening_the_report_is_the_bureau():
    """2023年,泉溪镇司法所…: the body the subject town starts is the author, not the town's
    government (the town is placed by the gazetteer alone: the text names no county)."""
    text = H11.replace("泉溪镇政府", "泉溪镇司法所", 1)
    meta = meta_of(text)
    assert (meta.bureau, meta.region.name) == ("泉溪镇司法所", "泉溪镇")
    assert meta.bureau_evidence.rule == "report_meta.body_in_opening"


def test_a_town_subject_without_a_body_is_its_governments():
    """2023年,我镇 … / 2025年,下蜀镇坚持…: a town opening as subject, no body after it."""
    meta = meta_of(H11.replace("泉溪镇政府在", "泉溪镇在", 1))
    assert meta.bureau == "泉溪镇人民政府"
    assert meta.bureau_evidence.rule == "report_meta.subject_place_government"


#: a bureau report that names its body only in its page's metadata fields
BUREAU_OPENING = "2024年,我局深入贯彻落实法治政府建设部署,扎实推进依法行政。现将有关情况报告如下:\n一、主要工作\n"


@pytest.mark.parametrize(
    "fields",
    [
        "发布机构\n冠县司法局\n发文日期\n2025-01-20",  # a metadata table laid out one cell a line
        "- 发布机构: 冠县司法局 | 发文日期: 2025-01-20",  # list marks and table bars around fields
    ],
)
def test_body_named_only_in_metadata_fields(fields):
    meta = meta_of(fields + "\n2024年度法治政府建设工作报告\n" + BUREAU_OPENING)
    assert (meta.bureau, meta.region.official, meta.year) == ("冠县司法局", "冠县", 2024)


@pytest.mark.parametrize("title", ["冠县关于2024年法治政府建设工作情况的报告", "房县2024年法治政府建设工作报告"])
def test_title_opening_with_a_two_character_county(title):
    """A two-character county is a place where it is the whole of the title's prefix."""
    meta = meta_of(title + "\n" + BUREAU_OPENING.replace("我局", "我县"))
    assert meta.bureau == title[:2] + "人民政府"
    assert meta.region.official == title[:2]


def test_addressee_line_of_bodies_is_not_the_author():
    """中共某县委员会,某县人民政府: the bodies a report is addressed to stand before its text."""
    text = "2024年法治政府建设年度报告\n中共兴国县委员会,兴国县人民政府:\n2024年,在县委县政府的领导下,兴国县司法局深入推进法治政府建设。\n一、主要工作\n"
    assert meta_of(text).bureau == "兴国县司法局"


#: a 政府信息公开 annual report with no title line: its year stands in the statistics period
H62 = _opening("wide/texts/h62.txt", 2)


def test_statistics_period_dates_an_untitled_yearly_report():
    meta = meta_of(H62)
    assert meta.year == 2022
    assert "report year read from the calendar year its figures cover" in meta.warnings


def test_statistics_period_of_two_years_dates_nothing():
    """A period across two calendar years (a half year each side) makes no one year the report's."""
    text = H62.replace("自2022年1月1日起至12月31日止", "自2021年7月1日起至2022年6月30日止")
    assert rm._statistics_year(make_document("case.txt", text)) is None
    two = H62 + "\n本报告中所列数据统计期限自2021年1月1日起至2021年12月31日止。"
    assert rm._statistics_year(make_document("case.txt", two)) is None


#: a news item whose headline closes with its date in brackets (h68), a page whose long
#: date-and-source line stands above the story (h42)
H68 = _opening("wide/texts/h68.txt", 3)
H42 = _opening("holdout3/texts/h42.txt", 7)


def test_headline_closed_by_its_bracketed_date_dates_the_item():
    assert meta_of(H68).year == 2026
    unbracketed = H68.replace(" (2026-02-09)", "")
    assert meta_of(unbracketed).year is None


def test_bracketed_date_mid_headline_is_no_closing_date():
    doc = make_document("case.txt", "某县(2026-02-09)健全法律援助体系,助力劳动者过年\n" + H68.split("\n", 1)[1])
    assert rm._closing_date(doc.sentences[0]) is None


def test_long_page_stamp_is_no_opening_sentence_and_dates_the_page():
    meta = meta_of(H42)
    assert (meta.bureau, meta.year) == ("区法律援助中心", 2019)
    assert meta.bureau_evidence.rule == "report_meta.acting_body"
    stamp = next(s for s in make_document("case.txt", H42).sentences if "来源" in s.text)
    assert rm._page_stamp(stamp)
    no_source = replace_source(stamp.text)
    assert not rm._page_stamp(make_document("case.txt", no_source).sentences[0])


def replace_source(text: str) -> str:
    return text.replace("来源:", "").replace("来源：", "")


def test_a_sites_name_is_no_bureau():
    """来源:福山区政府网站 (h42): the site that carries the item; the 区法律援助中心 acting in it writes it."""
    stamp = next(s for s in make_document("case.txt", H42).sentences if "网站" in s.text)
    start = stamp.text.index("福山区")
    assert rm._body_after_place(stamp, start, start + 3, "source") is None
    body_line = dataclasses.replace(stamp, text=stamp.text.replace("网站", "  "))
    assert rm._body_after_place(body_line, start, start + 3, "source").name == "福山区政府"


#: a news item whose acting body is named by its level only (市司法局, h72)
H72 = _opening("wide/texts/h72.txt", 2)


def test_a_level_named_bodys_region_is_of_its_level():
    """市司法局…深入信州区…: a district the 市 body works in is not its region."""
    text = H72 + "\n在信州区,市司法局、市律师协会各普法小分队深入西市街道渡口社区,重点宣传了民法典。"
    meta = meta_of(text)
    assert (meta.bureau, meta.region) == ("市司法局", None)
    district = meta_of(H72.replace("市司法局", "区司法局") + "\n在信州区,区司法局深入西市街道渡口社区。")
    assert district.region.name == "信州区"


def test_a_documents_year_in_book_title_marks_dates_no_item():
    """发放了区司法局、法宣办联合编印的《2018年度普法读本》: the book's year, not the item's."""
    text = H72 + "\n活动现场发放了市司法局、法宣办联合编印的《2018年度普法读本》和宣传册页。"
    assert meta_of(text).year is None
    assert meta_of(text.replace("《2018年度普法读本》", "2018年度普法读本")).year == 2018


def test_site_date_line_and_column_name_make_no_title():
    """今天是: 2018年9月10日 星期一 (d209's site furniture) above a column's name (工作报告): neither
    joins into a title, nor is the column's name one; the report's own title below is read."""
    text = "今天是: 2018年9月10日 星期一\n工作报告\n兴国县2024年法治政府建设年度报告\n" + W307
    meta = meta_of(text)
    assert rm.title_sentence(make_document("case.txt", text)).text == "兴国县2024年法治政府建设年度报告"
    assert (meta.bureau, meta.year) == ("兴国县人民政府", 2024)
    assert rm.title_sentence(make_document("case.txt", "兴国县2024年法治政府建设\n工作报告\n" + W307)).text == (
        "兴国县2024年法治政府建设工作报告"
    )


#: a department's party group heading its own report (h05: 中共青岛市交通运输局党组 / 2022年度…报告)
H05 = _opening("holdout/texts/h05.txt", 6)


def test_a_party_group_is_named_whole():
    meta = meta_of(H05)
    assert meta.bureau == "中共青岛市交通运输局党组"
    assert meta_of(H05.replace("党组", "", 1)).bureau == "中共青岛市交通运输局"


@pytest.mark.parametrize(
    ("title", "bureau"),
    [
        ("兴国县综合行政执法大队2023年法治政府建设工作总结", "兴国县综合行政执法大队"),
        ("兴国县人大常委会2023年法治建设工作报告", "兴国县人大常委会"),
        ("兴国县城市管理局2023年度法治政府建设情况报告", "兴国县城市管理局"),
        ("兴国县城乡建设局2023年度法治政府建设情况报告", "兴国县城乡建设局"),
    ],
)
def test_bodies_of_other_kinds_title_their_reports(title, bureau):
    """Brigades and standing committees write reports; a county's 城市管理局 is no 县城 (county seat)."""
    meta = meta_of(title + "\n" + W307)
    assert (meta.bureau, meta.region.official) == (bureau, "兴国县")


def test_the_county_seat_is_no_county():
    from kg.extract.regions import regions_in_text

    seat = make_document("case.txt", "兴国县城内设立法律服务点").sentences[0]
    assert regions_in_text(seat) == []


#: a department's report that calls itself 我局 and never names itself (w105)
W105 = _opening("wide/texts/w105.txt", 1)


def test_a_site_title_government_is_no_departments_author():
    """山南市人民政府 / 当前位置:… (d209's site title) above a text speaking as 我局: the site's owner."""
    text = "辽阳市人民政府\n当前位置: 首页>政务公开>法治政府建设\n" + W105
    meta = meta_of(text)
    assert meta.bureau is None
    assert meta.region.official == "辽阳市"
    as_place = meta_of(text.replace("我局", "我市"))
    assert as_place.bureau == "辽阳市人民政府"


#: a news feature naming no body: its people live in a town it later calls 该镇 (h41)
H41 = _opening("holdout3/texts/h41.txt", 6)


def test_a_feature_is_about_the_place_it_calls_this_town():
    meta = meta_of(H41)
    assert (meta.bureau, meta.region.name) == (None, "杨柳青镇")
    # without 该镇 the rule does not read it (story_place may still, from the town named twice)
    assert not any("refers back" in w for w in meta_of(H41.replace("该镇", "全镇")).warnings)


#: an untitled county report opening with a sentence of praise for the rule of law, then 2022年,…
H44 = _opening("holdout4/texts/h44.txt", 2)


def test_year_framing_the_first_dated_opening_sentence():
    """opening_year: the first opening sentence that names a year is framed by it (h44), though
    the text's first sentence names none; the same opening without its year has none."""
    assert meta_of(H44).year == 2022
    assert meta_of(H44.replace("2022年,", "", 1)).year != 2022


def test_an_opening_first_naming_a_period_has_no_framing_year():
    """2021年以来,全市共…: the first year the opening names starts a period, not the text's time
    (h44's praise sentence above it, so the period is the first dated sentence)."""
    line = (CORPUS / "wide/texts/d503.txt").read_text(encoding="utf-8").split("\n")[4]
    assert line.startswith("2021年以来")
    doc = make_document("case.txt", H44.split("\n")[0].split("。")[0] + "。\n" + line)
    assert rm._opening_year(doc, rm.title_sentence(doc)) is None


#: a district government office's report: 区政府办 in the title, its district only in the
#: title of the plan it carries out (《西安市雁塔区2025年法治政府建设工作要点》)
H50 = _opening("holdout4/texts/h50.txt", 3)


def test_a_level_named_title_body_takes_the_unit_of_its_level_the_text_names():
    """level_named_region: 区政府办 is of the one 区 the text names."""
    meta = meta_of(H50)
    assert meta.region.official == "雁塔区"
    assert meta.bureau == "雁塔区政府办"


def test_a_level_named_title_body_takes_no_unit_of_another_level():
    """县政府办 in a text naming a 区 only: no unit of its level is named, so no region."""
    meta = meta_of(H50.replace("区政府办", "县政府办", 1))
    assert meta.region is None or meta.region.official != "雁塔区"


#: a county report of 县委、县政府 addressed to the prefecture's, its county only in 《》 titles
H45 = _opening("holdout4/texts/h45.txt", 4)


def test_a_report_whose_subject_is_its_levels_committee_and_government():
    """joint_subject: 2025年,县委、县政府坚持… makes the text the county's; its government writes it."""
    meta = meta_of(H45)
    assert meta.region.official == "金平苗族瑶族傣族自治县"
    assert meta.bureau == "金平县人民政府"
    assert meta.bureau_evidence.rule == "report_meta.joint_subject_government"


def test_a_thanked_committee_and_government_are_no_subject():
    """在县委、县政府的坚强领导下 (d405) thanks the leaders; 中共某州委、某州人民政府: addresses them."""
    line = (CORPUS / "wide/texts/d405.txt").read_text(encoding="utf-8").split("\n")[1]
    assert "在县委、县政府的坚强领导下" in line
    assert rm._joint_level(make_document("case.txt", line)) is None
    assert rm._joint_level(make_document("case.txt", H45.split("\n")[0])) is None


#: a news item (traditional characters) on a 人大 team inspecting a district's 2020 report
H46 = _opening("holdout4/texts/h46.txt", 4)


def test_a_heard_reports_author_is_the_bureau_not_the_hearer():
    """heard_report: 眉山市人大常委會…調研東坡區… / 聽取了…區政府關于2020年度法治政府建設情況的報告:
    the district government's report; its level-named name takes the district the text names."""
    meta = meta_of(H46)
    assert meta.bureau_evidence.rule == "report_meta.heard_report"
    assert meta.region.official == "东坡区"
    assert meta.bureau.endswith("人民政府") and "人大" not in meta.bureau


def test_a_legislatures_own_inspection_report_names_no_other_author():
    """省人大常委会…听取了《…》执法检查报告 (holdout h15): no body's 关于…法治…的报告 is heard."""
    doc = make_document("case.txt", _opening("holdout/texts/h15.txt", 1))
    assert rm._heard_report(doc, None, "", ()) is None


#: a 2011 司法所 summary whose town and county are never named
H53 = _opening("holdout4/texts/h53.txt", 2)


def test_a_grassroots_unit_named_alone_as_the_subject_is_the_bureau():
    """unplaced_subject_body: 2011年,建华司法所以强化… (该所 after): its report, no region."""
    meta = meta_of(H53)
    assert (meta.bureau, meta.region, meta.year) == ("建华司法所", None, 2011)
    assert meta.bureau_evidence.rule == "report_meta.unplaced_subject_body"


def test_a_subject_past_thanks_that_is_no_grassroots_unit_gives_no_body():
    """2022年,在市委…领导下,全县法治政府建设工作… (h44): 全县 is a deictic, no unit's name."""
    doc = make_document("case.txt", H44.split("。")[1] + "。")
    assert rm._unplaced_subject_body(doc, rm.title_sentence(doc)) is None


#: a traditional-character legal-aid news item whose converter left pinyin notes in its words
H57 = _opening("holdout4/texts/h57.txt", 2)


def test_pinyin_notes_inside_names_are_read_through_and_kept():
    """pinyin_notes: 龍沙區(qū)法律援助中心 is read as 龙沙区法律援助中心 and kept as printed."""
    meta = meta_of(H57)
    assert meta.bureau == "龙沙区(qū)法律援助中心"
    assert meta.region.official == "龙沙区"
    start, end = meta.bureau_evidence.start, meta.bureau_evidence.end
    assert make_document("case.txt", H57).text[start:end] == meta.bureau


def test_a_text_without_pinyin_notes_is_read_as_it_is():
    """A bracketed word that is no pinyin note ((蘇祠街道金龍社區), h46) leaves the text alone."""
    assert rm._read_unbroken(make_document("case.txt", H46)) is None
    assert rm._read_unbroken(make_document("case.txt", H57)) is not None


#: a traditional-character mediation feature with pinyin notes inside its words (wide w208)
W208 = _opening("wide/texts/w208.txt", 6)


def test_mediation_bodies_are_read_through_pinyin_notes_as_one_body():
    """organizations + unbroken: 哨子河鄉(xiāng)人民調(diào)解委員會 and 哨子河鄉(xiāng)調(diào)委會 are one
    body, named as printed, notes kept."""
    from kg.extract.organizations import organizations_in_document

    doc = make_document("case.txt", W208)
    mediation = [o for o in organizations_in_document(doc) if o.kind == "mediation"]
    assert {o.canonical or o.name for o in mediation} == {"哨子河乡(xiāng)人民调(diào)解委员会"}
    assert all(doc.text[o.evidence.start : o.evidence.end] == o.name for o in mediation)


def test_mediation_bodies_of_a_text_without_notes_are_left_as_read():
    """The same lines with the notes taken out give the plain name, read by the usual rules."""
    from kg.extract.organizations import organizations_in_document

    doc = make_document("case.txt", rm.PINYIN_NOTE.sub("", W208))
    mediation = [o for o in organizations_in_document(doc) if o.kind == "mediation"]
    assert "哨子河乡人民调解委员会" in {o.canonical or o.name for o in mediation}


def test_an_untitled_text_whose_subject_is_its_committee_and_government_is_a_report():
    """h44 has no title, no 报告如下 and no numbered parts, but 县委、县政府高度重视… makes it the
    county government's report, not a news item whose first acting body writes it."""
    doc = make_document("case.txt", _opening("holdout4/texts/h44.txt", 8))
    assert rm._is_yearly_report(doc, rm.title_sentence(doc))
    meta = rm.report_meta(doc)
    assert (meta.bureau, meta.region.official, meta.year) == ("高台县人民政府", "高台县", 2022)


def test_a_news_item_naming_no_committee_and_government_stays_news():
    """湖南日报…讯 (d503): a news item; no level's 委、政府 pair is its subject."""
    doc = make_document("case.txt", _opening("wide/texts/d503.txt", 6))
    assert rm._joint_level(doc) is None
    assert not rm._is_yearly_report(doc, rm.title_sentence(doc))


def test_a_level_named_author_right_after_the_hearings_verb():
    """d609: …分组审议省人民政府关于2024年法治政府建设情况的报告: 省人民政府 is the author though a
    verb stands right before it; 东昌区人民政府 holds no government named by level alone."""
    line = (CORPUS / "wide/texts/d609.txt").read_text(encoding="utf-8").split("\n")[5]
    s = make_document("case.txt", line).sentences[-1]
    assert "分组审议省人民政府关于" in s.text
    at = s.text.index("关于2024年")
    assert rm._author_before(s, at, frozenset()).name == "省人民政府"
    title = (CORPUS / "wide/texts/d205.txt").read_text(encoding="utf-8").split("\n")[6]
    assert "东昌区人民政府关于" in title  # d205: 区人民政府 ends a place's name, no level's alone
    assert rm.LEVEL_GOVERNMENT.search(title, 0, title.index("关于")) is None


def test_a_level_named_commission_opening_a_report_is_its_author():
    """holdout6 h80: 2022年,省卫生健康委坚持… names its author by level; a 委 of a department is
    a body as 局 and 厅 are. 人大常委会 and its 委员 are no author."""
    doc = make_document("case.txt", _opening("holdout6/texts/h80.txt", 1))
    meta = rm.report_meta(doc)
    assert (meta.bureau, meta.region, meta.year) == ("省卫生健康委", None, 2022)
    assert rm.RELATIVE_BODY.search("2022年,市人大常委会听取") is None
    assert rm.RELATIVE_BODY.search("2022年,县政协委员视察") is None


def test_a_ministry_under_a_masthead_is_read_in_the_story():
    """dev8 h134: masthead and slogan lines fill the opening; 本站訊 (traditional) is a dateline
    and 2021年,水利部堅持… names the ministry as its report's subject."""
    doc = make_document("case.txt", _opening("dev8/texts/h134.txt", 7))
    meta = rm.report_meta(doc)
    assert (meta.bureau, meta.region, meta.year) == ("水利部", None, 2021)
    assert rm.OPENING.match("本站訊 近日,水利部發布").end() == len("本站訊 ")


def test_a_site_government_above_a_town_title_is_not_the_author():
    """dev8 h140: 禄丰市人民政府 heads the site carrying 中村乡2020年度…报告; the town's government
    wrote it. A head government the title's place opens stays the author (no title place here)."""
    doc = make_document("case.txt", (CORPUS / "dev8/texts/h140.txt").read_text(encoding="utf-8"))
    meta = rm.report_meta(doc)
    assert (meta.bureau, meta.region.name) == ("中村乡人民政府", "中村乡")
    found = rm._Found("中村乡人民政府", doc.sentences[0], 0, "head")
    title_place = rm._Found("中村乡", doc.sentences[0], 0, "title")
    assert not rm._site_above_title_place(found, title_place)
    assert not rm._site_above_title_place(found, None)


def test_a_party_committee_line_above_its_government_line_gives_way():
    """holdout6 h84: 中共…四屏镇委员会 / …四屏镇人民政府 / 关于2025年…的报告: the joint report is
    named by the government; a committee line with no government line after it stays (h83's
    joint title on one line is read whole)."""
    meta = rm.report_meta(make_document("case.txt", _opening("holdout6/texts/h84.txt", 6)))
    assert meta.bureau == "重庆市江津区四屏镇人民政府"
    meta = rm.report_meta(make_document("case.txt", _opening("holdout6/texts/h83.txt", 3)))
    assert meta.bureau == "中共渠县李馥镇委员会 渠县李馥镇人民政府"


def _whole(path: str):
    return make_document("case.txt", (CORPUS / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("path", "bureau", "rule"),
    [
        # 记者日前从香坊区政府获悉: a source; 日前,该区公共法律服务中心正式挂牌… is the item's body
        ("dev8/texts/h128.txt", "香坊区公共法律服务中心", "report_meta.acting_body"),
        # 握着安庆市法律援助中心工作人员的手: an object; 近年来,该市司法局以… frames the item
        ("dev8/texts/h125.txt", "安庆市司法局", "report_meta.referred_body"),
        # 广西…江南区司法局,一间…工作室里: the scene; 近年来,江南区委政法委积极践行…
        ("holdout6/texts/h85.txt", "江南区委政法委", "report_meta.acting_body"),
    ],
)
def test_a_news_body_that_does_not_act_gives_way_to_the_acting_one(path, bureau, rule):
    meta = rm.report_meta(_whole(path))
    assert (meta.bureau, meta.bureau_evidence.rule) == (bureau, rule)


@pytest.mark.parametrize(
    ("path", "bureau"),
    [
        # 锦旗送到了龍沙區法律援助中心…手中; later 龍沙區司法局局長… acts as a person and
        # 龍沙區法院 only in a fifth clause: the centre stays
        ("holdout4/texts/h57.txt", "龙沙区(qū)法律援助中心"),
        # 中新网 哈尔滨10月12日电 (记者 某某)“黑龙江省公共法律服务中心的目标…: past a long dateline,
        # the centre opens the story
        ("wide/texts/d509.txt", "黑龙江省公共法律服务中心"),
    ],
)
def test_a_news_body_framing_the_story_stays(path, bureau):
    assert rm.report_meta(_whole(path)).bureau == bureau


def test_a_department_word_holding_he_is_one_name():
    """holdout7 h94 says only 我局 and names itself in its own document's title, 《天津市文化和旅游局
    关于建立…》: the 和 is inside the department word (org_departments.tsv), not a join of two
    bodies; 某县司法局和公安局 still stops at the first suffix."""
    meta = rm.report_meta(_whole("holdout7/texts/h94.txt"))
    assert (meta.bureau, meta.bureau_evidence.rule) == ("天津市文化和旅游局", "report_meta.body_in_own_document")
    joined = meta_of("2023年,天津市河西区司法局和公安局联合开展普法活动。\n现将有关情况报告如下:")
    assert joined.bureau == "天津市河西区司法局"


def test_a_plural_body_is_no_author():
    """holdout7 h102: 自去年以来,常州市各级调解部门受理…: every level's mediation departments, a
    generic plural (GUIDELINES), so no bureau; a place's single body in the same shape stays."""
    assert rm.report_meta(_whole("holdout7/texts/h102.txt")).bureau is None
    one = meta_of("自去年以来,常州市司法局受理各类矛盾纠纷44224件,调处成功率达到了97.5%。")
    assert one.bureau == "常州市司法局"


def test_the_year_of_the_first_outline_heading():
    """holdout8 h111 opens 2022年以来,… (a period, no year) and has no title: its first outline
    heading 一、2022年法治政府建设工作总结 gives the year. A heading naming a period
    (一、2018年以来…) gives none (the opening's own 2022年以来 then does: since_opening_year)."""
    assert rm.report_meta(_whole("holdout8/texts/h111.txt")).year == 2022
    lines = _opening("holdout8/texts/h111.txt", 2).split("\n")
    since = make_document("case.txt", lines[0] + "\n一、2018年以来法治政府建设工作总结")
    assert rm._outline_year(since) is None


def test_a_cut_story_line_dates_no_text():
    """holdout8 h120's page ends mid-sentence, 2020年10月下旬的一个: a story's month, not the item's
    date line, so no year (the gold's 2021 stands nowhere as a date). A signature's bare month
    (宣汉县司法局 / 2021年1月) still dates a text."""
    assert rm.report_meta(_whole("holdout8/texts/h120.txt")).year is None
    assert rm._cut_story_line(rm.Sentence(text="2020年10月下旬的一个", start=0, end=14))
    assert not rm._cut_story_line(rm.Sentence(text="2021年1月", start=0, end=7))
    assert not rm._cut_story_line(rm.Sentence(text="2025年04月10日11:52 | 来源:人民网", start=0, end=28))


def test_a_government_named_by_level_is_completed_in_full():
    """holdout6 h88: 2019年,在县委的坚强领导下,在县人大常委会的有效监督下,县政府及工作部门坚持…: the
    county's government (县政府, without 人民) speaks, named in full with the county the text names
    most; a department named by level keeps its own name (县司法局 → 平利县司法局), and a 县政府办
    is an office, no government."""
    meta = rm.report_meta(_whole("holdout6/texts/h88.txt"))
    assert (meta.bureau, meta.bureau_evidence.rule) == ("平利县人民政府", "report_meta.level_named_body")
    assert rm.RELATIVE_BODY.match("县政府及工作部门").group(0) == "县政府"
    assert rm.RELATIVE_BODY.match("县政府办坚持") is None


def test_a_governments_own_body_is_not_the_government():
    """holdout8 h113: 2025年,市政府国资委在市委、市政府的坚强领导下…: the commission of the city's
    government, not the government (县政府 alone is read only where no body of its own follows)."""
    assert rm.RELATIVE_BODY.match("市政府国资委在市委").group(0) == "市政府国资委"
    assert rm.report_meta(_whole("holdout8/texts/h113.txt")).bureau == "武汉市政府国资委"


def test_a_grassroots_unit_named_by_its_towns_short_name_serves_that_town():
    """dev8 h126: 6月13日,太平司法所走进太平镇贫困村良垌村…: the 司法所 is the town's, so the region is
    太平镇, not 太平区 (a district of another province the short name also stands for). Where the
    text never names the town in full, the short name's reading stands."""
    meta = rm.report_meta(_whole("dev8/texts/h126.txt"))
    assert (meta.bureau, meta.region.name) == ("太平司法所", "太平镇")
    alone = meta_of("6月13日,太平司法所走进贫困村,开展了一场内接地气的法制讲座。")
    assert alone.region is None or alone.region.name != "太平镇"


@pytest.mark.parametrize(("path", "year"), [("holdout4/texts/h56.txt", 2025), ("holdout7/texts/h101.txt", 2014)])
def test_a_news_lede_dates_its_story_by_the_day_its_body_acts(path, year):
    """2025年4月7日,黔东南州榕江县法律援助中心收到… (h56, whose back-story frames a sentence with 2024年)
    and …,2014年1月11日,兗州法律援助中心联合… (h101): the lede's full date, on which its body acts."""
    assert rm.report_meta(_whole(path)).year == year


def test_a_lede_date_before_a_person_gives_no_year():
    """holdout6 h86's 2006年12月26日,老苏先后到周围几个生产组跑了一圈: a person acts; the date is an
    event's, and the story (no year in the gold) keeps none from it."""
    doc = make_document("case.txt", "2006年12月26日,老苏先后到周围几个生产组跑了一圈,了解纠纷的来龙去脉。")
    assert rm._lede_date_year(doc) is None
    assert rm._lede_date_year(make_document("case.txt", "2025年4月7日,黔东南州榕江县法律援助中心收到一面锦旗。")) == 2025


def test_a_story_is_about_the_place_within_its_opening_it_names_most():
    """holdout7 h102 opens 上周,江苏省加强调解能力建设工作会议在常州召开 and names 常州 eight times:
    the story is 常州市's (the province names the meeting); d409 opens with 崇仁县 and names its
    province 江西 more often: a place above the opening's is no story's place."""
    assert rm.report_meta(_whole("holdout7/texts/h102.txt")).region.official == "常州市"
    assert rm.report_meta(_whole("wide/texts/d409.txt")).region.official == "崇仁县"


def test_a_profile_with_no_acting_body_is_about_the_place_it_names_most():
    """holdout8 h119 profiles the head of 石塘司法所 (his post, not a body, acts) and names 石塘镇
    three times: its region, with no bureau; a story naming its one place once keeps none from this
    rule (holdout8 h108 has no region in the gold)."""
    meta = rm.report_meta(_whole("holdout8/texts/h119.txt"))
    assert (meta.bureau, meta.region.name) == (None, "石塘镇")
    assert rm._story_place(make_document("case.txt", "代金路是温岭司法局石塘司法所所长。"), None) is None


@pytest.mark.parametrize(
    ("path", "bureau"),
    [("wide/texts/w207.txt", "定海区公安分局盐仓派出所"), ("dev8/texts/h129.txt", "斗门区司法局乾务司法所")],
)
def test_a_grassroots_unit_under_its_bureau_is_one_body(path, bureau):
    """…斗门区司法局乾务司法所、夏村村党委联合… (dev8 h129; a simplified page: its 乾 stays 乾, see
    kg/vocab/data/cjk_ambiguous.tsv) and w207's 定海区公安分局盐仓派出所: the unit, named in full under
    the bureau it belongs to, as both golds name it; a bureau alone (斗门区司法局开展…) stays."""
    assert rm.report_meta(_whole(path)).bureau == bureau
    assert meta_of("5月25日,斗门区司法局在夏村村广场开展主题开放日活动。").bureau == "斗门区司法局"


def test_a_story_told_in_order_is_of_the_last_year_it_reaches():
    """holdout8 h121 (红网时刻张家界9月2日讯, no year): 2015年,受援人张某为黄某修建房屋… is back-story; 2023年初,
    张某找到当地司法所… reaches the story's year. A story whose later years only mark a period
    (2015年以来) keeps its first."""
    assert rm.report_meta(_whole("holdout8/texts/h121.txt")).year == 2023
    doc = make_document("case.txt", "2015年,某县开展调解。2018年以来,全县共调解纠纷300件。")
    assert rm._later_framing_year(doc, 2015) is None


def test_a_long_joined_department_word_is_one_name():
    """holdout10 h164 names itself on a line of its own, 广元市人力资源和社会保障局: the joined
    department word (nine characters) counts as one word against the name's middle, as
    天津市文化和旅游局 does; a place followed by plain words and no body stays the place's government."""
    meta = rm.report_meta(_whole("holdout10/texts/h164.txt"))
    assert (meta.bureau, meta.bureau_evidence.rule) == ("广元市人力资源和社会保障局", "report_meta.body_in_head")
    assert meta.region.official == "广元市"
    long_middle = meta_of("2023年,广元市坚持以新时代思想为指导推进依法治市工作局面。\n现将有关情况报告如下:")
    assert long_middle.bureau == "广元市人民政府"


def test_a_report_handed_over_for_publication_names_its_body():
    """holdout9 h143: 现将市人社局2022年法治政府建设情况报告予以公开: the handover formula of a
    page publishing the report (予以公开 for 如下) names its body by level, completed with the
    unit its address names (天津市); a handover naming no body gives none."""
    meta = rm.report_meta(_whole("holdout9/texts/h143.txt"))
    assert (meta.bureau, meta.bureau_evidence.rule) == ("天津市人社局", "report_meta.level_named_body")
    assert meta.region.official == "天津市"
    bare = meta_of("根据《法治政府建设实施纲要(2021—2025年)》和相关文件要求,现将2022年法治政府建设情况报告予以公开。")
    assert bare.bureau is None


def test_bracketed_field_labels_are_fields():
    """holdout10 h170 prints its metadata table as [ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ], two
    fields a line, twice over, which made [ 体裁分类 ] 工作报告 read as a title: bracketed labels
    are field labels, the value ending at the next bracket, and the 发布机构 field gives the bureau. A bracket not holding a field's
    label ([1] in running text) is no field."""
    meta = rm.report_meta(_whole("holdout10/texts/h170.txt"))
    assert (meta.bureau, meta.region.name) == ("丰都县栗子乡人民政府", "栗子乡")
    title = rm.title_sentence(_whole("holdout10/texts/h170.txt"))
    assert title is None or "体裁分类" not in title.text
    line = make_document("case.txt", "[ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ]\n[1] 丰都县栗子乡人民政府\n")
    fields = rm._fields(line)
    assert fields[0][0] == "发布机构" and fields[0][1].text == "丰都县栗子乡人民政府"
    assert 1 not in fields


def test_a_station_the_news_item_is_about_is_its_bureau():
    """holdout9 h155 opens past a wire dateline: 15日,吉林省農民工法律援助工作站正式在長春揭牌: a
    legal-aid station the item is about is its bureau, as a 法律援助中心 is (bureau_suffixes.tsv
    工作站)."""
    meta = rm.report_meta(_whole("holdout9/texts/h155.txt"))
    assert meta.bureau in ("吉林省农民工法律援助工作站", "吉林省農民工法律援助工作站")
    assert meta.bureau_evidence.rule == "report_meta.body_in_opening"


def test_a_place_after_zhu_owns_no_body():
    """holdout10 h172: 向遂宁市驻乌鲁木齐法律援助工作站求助: the station is 遂宁市's, placed in
    乌鲁木齐 (驻), so 乌鲁木齐 names no body; the same station without 驻 is its place's."""
    stationed = meta_of("1个多月前,在新疆和静县打工的蔡勇军和工友因被拖欠工资,向遂宁市驻乌鲁木齐法律援助工作站求助。")
    assert stationed.bureau is None or "乌鲁木齐" not in stationed.bureau
    assert rm._body_after_place(make_document("c.txt", "乌鲁木齐法律援助工作站").sentences[0], 0, 4, "opening") is not None


def test_a_body_named_as_where_a_scene_happens_writes_nothing():
    """holdout10 h172 opens its feature with a photo caption, 2月16日,在遂宁市大英县法律援助中心接待
    受理窗口,…, and no body acts in its story: the centre is where the scene is, so the item has
    no bureau and no region (calibration: null for a feature no body writes). dev8 h128's centre,
    named as an object (握着…工作人员的手) with an acting body found, is not touched by the rule."""
    meta = rm.report_meta(_whole("holdout10/texts/h172.txt"))
    assert (meta.bureau, meta.region) == (None, None)
    s = make_document("c.txt", "2月16日,在遂宁市大英县法律援助中心接待受理窗口,法律援助工作者(右一)为求助者受理诉求。").sentences[0]
    assert rm._located_in(rm._Found("遂宁市大英县法律援助中心", s, 7, "opening"))
    assert not rm._located_in(rm._Found("遂宁市大英县法律援助中心", s, 7 + 1, "opening"))
    assert rm.report_meta(_whole("dev8/texts/h128.txt")).bureau is not None


@pytest.mark.parametrize(
    ("text", "end", "people"),
    [
        ("今年年初,旌德县孙村镇玉屏村村民方某因租金问题与村内某大理石生产企业产生纠纷。", 11, True),  # h171: past the village
        ("日喀則市的5名司機運送建材至工地后,攥著發皺的欠條。", 4, True),  # h154: a count of people
        ("近年来,宣城市积极践行新时代“枫桥经验”。", 7, False),  # h171 later: the place acts
    ],
)
def test_a_place_saying_where_people_are_from_is_no_subject(text, end, people):
    """holdout10 h171 and holdout9 h154 open with an anecdote whose people a place describes (Rule
    people_of_place); a place that acts is the story's subject."""
    assert rm._modifies_people(text, end) is people


def test_a_news_item_whose_anecdote_names_the_only_place_has_no_region():
    """holdout9 h154 (沱沱河 feature, locality unnamed in the gold): 日喀則市 is where the drivers
    of its anecdote come from, not the item's region."""
    meta = rm.report_meta(_whole("holdout9/texts/h154.txt"))
    assert meta.region is None or meta.region.name not in ("日喀则市", "日喀則市")


def test_a_yearly_report_opening_with_its_year_to_date_is_of_that_year():
    """holdout11 h180 (untitled, addressed to 市委、市政府:) opens 2025年以来,在市委、市政府的精心指导下,
    我委… and hands over 本年度工作情况: 2025 (rule since_opening_year; every yearly report of the
    development texts opening so is of its year). A news item opening 2021年以来,全市共免费为3.5万名
    群众提供法律咨询服务 (wide d503) is a period's count and keeps no year."""
    assert rm.report_meta(_whole("holdout11/texts/h180.txt")).year == 2025
    assert rm.report_meta(_whole("wide/texts/d503.txt")).year is None


def test_a_yearly_report_speaking_as_a_town_is_that_towns():
    """holdout12 h203 (untitled) says 全镇, 本镇 and names 蔡家桥镇 four times; its one coded place,
    宣城市, runs an exam platform: the town's report, its government the bureau (rule
    self_named_town). A county report saying 全县 more than 全镇 speaks as no town."""
    meta = rm.report_meta(_whole("holdout12/texts/h203.txt"))
    assert (meta.bureau, meta.region.name) == ("蔡家桥镇人民政府", "蔡家桥镇")
    county = make_document(
        "c.txt", "全县法治建设稳步推进,全县各乡镇落实责任。蔡家桥镇和本镇干部参加,蔡家桥镇完成全镇学法,全县考核。"
    )
    assert rm._own_town(county) is None


def test_a_report_handed_over_by_its_own_title_is_that_titles():
    """holdout12 h195: …要求,现将《临沧市文化和旅游局2025年度法治政府建设情况报告》予以公布: the 《》 title
    after the handover's words is the report's own (report_relays.tsv); the notice asking for it
    (中共临沧市委…办公室《关于报送…报告的通知》) names no title, its 《》 not ending 报告. A handover
    naming a plan in 《》 (现将《…实施方案》落实情况报告如下) relays no title."""
    meta = rm.report_meta(_whole("holdout12/texts/h195.txt"))
    assert (meta.bureau, meta.title) == ("临沧市文化和旅游局", "临沧市文化和旅游局2025年度法治政府建设情况报告")
    s = make_document("c.txt", "现将《临沧市法治政府建设实施方案》落实情况报告如下:").sentences[0]
    assert rm._relayed_title(s) is None


def test_a_body_conferring_an_honour_is_no_news_items_author():
    """holdout12 h204: 近日,司法部决定授予299个人民调解委员会…称号,后溪镇人民调解委员会位列其中: the
    ministry honours, the story is the committee's, which writes no report: no bureau, the town the
    region (rule honouring_body; dev8 h127's 司法部日前通報表彰了… has the same shape). holdout2 h31's
    23日,司法部召开新闻发布会 is the ministry's own item and stays its."""
    meta = rm.report_meta(_whole("holdout12/texts/h204.txt"))
    assert (meta.bureau, meta.region.name) == (None, "后溪镇")
    assert rm.report_meta(_whole("holdout2/texts/h31.txt")).bureau == "司法部"


def test_a_body_saying_wo_wei_names_itself_and_its_year_in_its_own_notices():
    """holdout11 h179 says only 我委 and names itself in its own notices, 《鄂尔多斯市卫生健康委员会
    关于印发2024年度学法计划的通知》: 委 stands for 委员会 (body_in_own_document), and the one year of
    its own documents is the report's (own_documents_year). Own documents of two years give none."""
    meta = rm.report_meta(_whole("holdout11/texts/h179.txt"))
    assert (meta.bureau, meta.year) == ("鄂尔多斯市卫生健康委员会", 2024)
    two = make_document(
        "c.txt",
        "我委制定《鄂尔多斯市卫生健康委员会2023年度学法计划》和《鄂尔多斯市卫生健康委员会2024年法治政府建设工作计划》。",
    )
    assert rm._own_documents_year(two) is None
    assert rm._calls_itself("鄂尔多斯市卫生健康委员会", {"委"})
    assert not rm._calls_itself("鄂尔多斯市卫生健康委员会", {"局"})


def test_a_body_with_a_word_of_place_after_it_is_a_scene():
    """holdout12 h206: 12月3日,泸州市纳溪区社会治安综治中心里,61岁的林万泉坐在了调解工作桌前: the centre
    is where the scene is (里), its people act and no body does: no bureau, the story's place the
    region (scene_body / scene_location widened from h85's comma and h172's 在). A body acting on
    its own (…中心里外一新 is no clause break) stays a body."""
    meta = rm.report_meta(_whole("holdout12/texts/h206.txt"))
    assert (meta.bureau, meta.region.name) == (None, "纳溪区")
    centre = "泸州市纳溪区社会治安综治中心"
    assert rm._located_in(_found_opening("12月3日,泸州市纳溪区社会治安综治中心里,61岁的林万泉坐在了调解工作桌前。", centre))
    assert not rm._located_in(_found_opening("12月3日,泸州市纳溪区社会治安综治中心里外一新。", centre))


def _found_opening(sentence: str, body: str):
    """``body`` found opening the one-sentence report ``sentence``."""
    s = make_document("c.txt", sentence).sentences[0]
    return rm._Found(body, s, sentence.index(body), "opening")


def test_a_visiting_officials_body_is_no_news_items_author():
    """holdout12 h202: 日前,福建省泉州市政法委副书记、市综治办主任徐义平一行…到永春县锦斗镇调研古厝调解工作:
    the body only says where the visiting official is from (official_of_body, as in d509's 某省司法厅
    副厅长某某表示); the story then opens 2016年来,锦斗镇在推进…: the town is its region and no body
    writes it. A body opening the story by itself (holdout2 h31, 司法部召开新闻发布会) stays."""
    meta = rm.report_meta(_whole("holdout12/texts/h202.txt"))
    assert (meta.bureau, meta.region.name) == (None, "锦斗镇")
    body = "福建省泉州市政法委"
    assert rm._bystander(_found_opening("日前,福建省泉州市政法委副书记、市综治办主任徐义平一行到永春县调研。", body))
    assert not rm._bystander(_found_opening("日前,福建省泉州市政法委召开会议,部署调解工作。", body))


@pytest.mark.parametrize(("path", "bureau"), [("holdout11/texts/h183.txt", "市司法局"), ("holdout6/texts/h81.txt", "市司法局")])
def test_a_department_of_the_level_the_text_calls_itself_by(path, bureau):
    """holdout11 h183 (a reply letter: 现将我局办理…汇报如下, 我市, then 近年来,市司法局在…领导下) and
    holdout6 h81 (近年來特別是新一屆市司法局班子調整以來,堅持從我市…出發): the 市 department the text
    names as itself, as written (rule self_level_body)."""
    meta = rm.report_meta(_whole(path))
    assert (meta.bureau, meta.bureau_evidence.rule) == (bureau, "report_meta.self_level_body")


@pytest.mark.parametrize("path", ["holdout/texts/h13.txt", "holdout8/texts/h108.txt", "wide/texts/d705.txt"])
def test_a_department_heading_a_list_or_of_another_level_is_no_self_level_body(path):
    """holdout h13 (我县; 近年来,县司法局等相关部门…: one of several), holdout8 h108 (a county report,
    我县, naming 县司法局 later) and d705 (市司法局第四检查组对我区…: another level's) give no
    self_level_body."""
    assert rm._self_level_body(_whole(path)) is None


@pytest.mark.parametrize(
    ("text", "bureau"),
    [
        # holdout12 h195's request clause before its own body's opening (the handover title left out)
        (
            "根据按照中共临沧市委全面依法治市委员会办公室《关于报送2025年度法治政府建设工作情况报告的通知》要求,全局认真总结。\n"
            "2025年,临沧市文化和旅游局在市委、市政府的坚强领导下,深入学习贯彻习近平法治思想。",
            "临沧市文化和旅游局",
        ),
        # wide d703's opening without its title: the meeting that asked for the report is no author
        ("根据靖边县第十八届人大常委会第十一次会议安排,现将靖边县司法局2017年度重点工作任务完成情况报告如下:", "靖边县司法局"),
        # a body acting on its own in the opening stays (seed 001's shape)
        ("2024年,河东区司法局在区委、区政府的坚强领导下,统筹推进法治政府建设。", "河东区司法局"),
    ],
)
def test_a_body_asking_for_the_report_is_not_its_author(text, bureau):
    """根据/按照 X…要求/安排/部署: X asks for the report (rule requesting_body, read like 在…领导下)."""
    assert meta_of(text).bureau == bureau


def test_a_persons_year_is_no_reports_and_framed_figures_date_a_yearly_text():
    """holdout12 h199 (近年来,福州市司法局始终牢记习近平总书记2014年调研军门社区时提出的…): 2014 is when a
    person did something (persons_year), and the one year its figures are framed by, 2025年全市各级
    人民调解组织调解案件2.8万件, is the year (framed_figures_year; it agrees with the year read first in
    26 of the 27 yearly development texts that state one). d709's 对2016年以前制订…的48个县 frames no
    clause."""
    assert rm.report_meta(_whole("holdout12/texts/h199.txt")).year == 2025
    assert "2014" not in rm._without_persons_years("牢记习近平总书记2014年调研军门社区时提出的")
    assert "2024" in rm._without_persons_years("2024年,河东区司法局在区委、区政府的坚强领导下")
    assert rm._figures_year(_whole("wide/texts/d709.txt"), framing=True) is None


def test_a_town_name_line_above_a_placeless_title_is_the_bureau():
    """A town report's page with its body on a line above a title naming no place (尼山镇人民政府 /
    2024年法治政府建设工作总结, the head of holdout11 h190 without its 来源 line naming 曲阜市): the town
    the gazetteer cannot place still opens the line, so it is the bureau (body_in_head through
    _town_line). A name line that no town opens (法治政府建设) gives none."""
    meta = meta_of("尼山镇人民政府\n2024年法治政府建设工作总结\n2024年,我镇坚持以习近平法治思想为指导。")
    assert (meta.bureau, meta.region.name, meta.bureau_evidence.rule) == (
        "尼山镇人民政府", "尼山镇", "report_meta.body_in_head"
    )
    assert meta_of("法治政府建设\n2024年法治政府建设工作总结\n2024年,我局坚持以习近平法治思想为指导。").bureau is None


def test_every_department_word_counts_as_one_word_of_a_name():
    """临沧市城市管理综合行政执法局 opening a report: 城市管理 and 综合行政执法 are two department words
    (org_departments.tsv), not ten characters, so the body is read whole (the joined_department
    rule of holdout7 h94 and holdout10 h164 widened to every department word); it had fallen to the
    city's government. A 和 joining two bodies still ends the first (某市司法局和公安局)."""
    text = "2024年,临沧市城市管理综合行政执法局坚持以习近平法治思想为指导,全面推进法治建设。现将有关情况报告如下:"
    assert meta_of(text).bureau == "临沧市城市管理综合行政执法局"
    assert meta_of("2024年,临沧市司法局和公安局联合开展普法活动。\n现将有关情况报告如下:").bureau == "临沧市司法局"


def test_a_grassroots_unit_does_not_own_the_next_one():
    """近日,曾集镇司法所联合派出所成功调解…: the 司法所 acts with (联合) a 派出所; a grassroots unit is
    read on after a bureau only (斗门区司法局乾务司法所, dev8 h129, stays one body)."""
    assert meta_of("近日,曾集镇司法所联合派出所成功调解一起邻里纠纷。").bureau == "曾集镇司法所"
    assert rm.report_meta(_whole("dev8/texts/h129.txt")).bureau.startswith("斗门区司法局")


def test_a_body_named_by_its_prefectures_level_word_is_completed():
    """holdout11 h182: 2023年以来,地区司法处坚持… names the body by 地区 (no one-character level), so
    it is 阿里地区司法处, not 区党委 read from 自治区第十次党代会、区党委十届四次全会 (the region's
    committee in a list); seed 002's opening 年初以来,地区司法局在地委行署的坚强领导下 has the same
    shape. A text naming two 地区 completes nothing."""
    meta = rm.report_meta(_whole("holdout11/texts/h182.txt"))
    assert (meta.bureau, meta.region.official) == ("阿里地区司法处", "阿里地区")
    seed = make_document("c.txt", (Path(__file__).parent.parent / "seeds" / "002_862ad1820c53f5f0.txt").read_text(encoding="utf-8"))
    assert rm._prefecture_body(seed, rm.title_sentence(seed))[0].name == "地区司法局"
    two = make_document("c.txt", "2023年以来,地区司法处坚持依法行政,阿里地区和塔城地区联合开展普法。")
    assert rm._prefecture_body(two, None) is None
