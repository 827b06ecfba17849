"""Document-level behaviour of the initiative extractor: one name per programme, status by section."""

from __future__ import annotations

import pytest

from kg.extract.initiative_tagger import switched_off
from kg.extract.initiatives import initiatives_in_document
from kg.text.document import make_document


@pytest.fixture(autouse=True)
def rules_alone():
    """These tests pin the rules; the tagger has its own (tests/test_initiative_tagger.py)."""
    with switched_off():
        yield

REPORT = """2024年法治政府建设工作报告
一、2024年工作
黑龙江省司法厅联合主办的“中国宪法边疆行”首站活动,7月7日在漠河市成功举行了启动仪式。
(二)成功承办“中国宪法边疆行”漠河首站启动式。
持续推行证明事项告知承诺制,推行法律援助经济困难证明事项告知承诺制。
四是以“四所一庭一中心”为衔接,完善多元矛盾纠纷化解。
二、2025年工作计划
在“四所一庭一中心”衔接联动工作机制的作用,统筹各类资源。
开展公民法治素养提升行动,分层分类开展法治教育。
"""


def by_name():
    return {i.name: i for i in initiatives_in_document(make_document("r.txt", REPORT))}


def test_bare_mention_takes_the_name_with_its_kind_word():
    names = by_name()
    assert "中国宪法边疆行活动" in names
    assert "中国宪法边疆行" not in names


def test_a_name_with_words_in_front_is_another_programme():
    names = by_name()
    assert "证明事项告知承诺制" in names
    assert "法律援助经济困难证明事项告知承诺制" in names


def test_plan_item_the_year_already_names_is_done():
    names = by_name()
    assert names["四所一庭一中心衔接联动工作机制"].evidence.section == "plans"
    assert names["四所一庭一中心衔接联动工作机制"].status == "done"
    assert names["公民法治素养提升行动"].status == "planned"


GUESSED = """2024年法治政府建设工作报告
一、2024年工作
二是加快推进“一件事一次办”改革。
建设完成“企业全生命周期”平台,上线“一照通办”“一件事一次办”事项333件。
“访调对接”的要义是通过整合人民调解与信访资源,打破单一手段化解纠纷的局面。
省司法厅与省信访局在全省探索开展访调对接试点工作以来,有效地将信访事项化解在基层。
"""


def test_a_bare_quote_takes_the_report_s_name_with_a_kind_word_whatever_its_guessed_kind():
    names = {i.name: i for i in initiatives_in_document(make_document("r.txt", GUESSED))}
    assert "一件事一次办改革" in names
    assert "一件事一次办" not in names


def test_a_pilot_of_a_programme_is_another_programme():
    names = {i.name: i for i in initiatives_in_document(make_document("r.txt", GUESSED))}
    assert {"访调对接", "访调对接试点"} <= set(names)


ROOM = """“定安言和”工作室:借多元之力 解群众之忧
面对这一社会治理的共同课题,定海区公安分局盐仓派出所交出了一份独具特色的答卷———以“定安言和”调解工作室为载体,借专业之力、社会之智、联动之势,构建起多元协同的矛盾纠纷化解新机制,探索出一条符合海岛特点的基层善治新路径。
开展“乡里茶谈”、“讲法律”志愿服务、青年普法志愿者法治文化基层行、群众性法治文化活动等活动500余场次。
"""


def test_a_quoted_name_the_report_writes_as_a_mediation_room_is_a_body():
    names = {i.name for i in initiatives_in_document(make_document("r.txt", ROOM))}
    assert "定安言和工作室" not in names
    assert "乡里茶谈" in names


HEADED = """2026年法治政府建设工作报告
一、2025年工作
近日,长宁区司法局指导区法律援助中心积极发挥维护劳动者合法权益的职能作用,组织开展农民工维权“安心行动”,将法律“直通车”开到辖区多处工地现场。
“安心行动”聚焦农民工核心法律需求,围绕薪酬权益问题开展精准普法宣传服务。
"""


def test_a_bare_mention_of_a_quoted_nickname_takes_the_headed_name():
    names = {i.name for i in initiatives_in_document(make_document("r.txt", HEADED))}
    assert names == {"农民工维权安心行动"}


def test_diversified_dispute_work_is_generic_but_a_name_with_words_of_its_own_is_not():
    from kg.extract.initiatives import is_generic

    assert is_generic("多元调解")  # 构建多元调解体系 (h39)
    assert not is_generic("矛盾纠纷多元预防调处化解综合")  # seeds 000/004 gold


HOTLINE = """2020年法治政府建设工作报告
一、2020年工作
发挥县公共法律服务中心、乡镇和村级公共法律服务工作站(室)三级平台优势,畅通“12348”公共法律服务热线,推进实体、热线、网络三大平台融合发展,直接为群众提供“零距离”规范化法律服务。
利用12348热线,对法律援助申请人实行预约服务;各司法所经过审核受理的法律援助案件可以先行办理再补交相关资料。
"""


def test_a_numbered_hotline_takes_the_report_s_fuller_name_with_its_number():
    names = {i.name for i in initiatives_in_document(make_document("r.txt", HOTLINE))}
    assert "12348公共法律服务热线" in names
    assert "12348热线" not in names


def test_a_name_without_keywords_takes_its_area_from_its_clause_before_its_sentence():
    """w206: the clause opens a channel for legal aid; the sentence's later clauses are about mediation."""
    from kg.extract.initiatives import initiatives_in
    from kg.text.document import Sentence

    text = (
        "各法律援助机构为农民工开辟“绿色通道”,执行“4个当天”原则,即当天受理、当天审批、当天指派、"
        "律师当天会谈,由办案经验丰富、沟通能力强的律师承办农民工维权案件,积极通过调解或和解等多种方式"
        "化解矛盾纠纷,快速、高效解决农民工讨薪难题。"
    )
    found = {i.name: i for i in initiatives_in(Sentence(text, 0, len(text), "achievements"))}
    assert found["绿色通道"].area == "公共法律服务"


def test_an_aside_in_brackets_does_not_decide_the_area():
    """h48: the places a publicity campaign went (进企业) do not make it business environment work."""
    from kg.extract.initiatives import initiatives_in
    from kg.text.document import Sentence

    text = (
        "组织开展了“城管十进”活动(进广场、进公园、进社区、进学校、进企业、进家庭、进市场、进工地、进农村、进商店),"
        "活动共开展171次,发放各类宣传资料25000余份。"
    )
    heading = "(一)加强普法宣传教育,全面提升执法能力。"
    found = {i.name: i for i in initiatives_in(Sentence(text, 0, len(text), "achievements", heading))}
    assert found["城管十进活动"].area == "普法与法治宣传"


LOOKBACK = """2023年法治政府建设工作报告
(二)充分发挥市场监管职能,全面推进法治政府建设
1.全力护企稳进提质。一是持续深化商事改革,打造“办小助”AI机器人,以“人工智能+专人服务”模式,实现全天候、全过程、全方位服务。
"""


def test_a_name_with_no_area_in_its_sentence_takes_the_area_of_the_work_just_before():
    """d301: the robot's sentence names no field; the line before it is about supporting firms."""
    names = {i.name: i for i in initiatives_in_document(make_document("r.txt", LOOKBACK))}
    assert names["办小助AI机器人"].area == "营商环境"


def test_matters_a_government_lists_are_administrative_services_whatever_the_sentence_says():
    """h45: the sentence counts legal aid and notarisation too; the items listed are government services."""
    from kg.extract.initiatives import initiatives_in
    from kg.text.document import Sentence

    text = (
        "建成 13 个乡(镇)公共法律服务工作站、109 个村(社区)公共法律服务工作室规范化运行,提供法律咨询 240 余人次,"
        "办理各类公证 441 件,受理法律援助案件 537 件,为干部群众挽回经济损失 27.4 万元;全面推行审批服务"
        "“马上办、网上办、就近办、一次办、自助办”,推出“一证即办”便民措施 103 项,办理 5 万件,"
        "梳理“免办证”事项 225 项,提供全流程一体化的优质服务,办理 9 万件。"
    )
    found = {i.name: i for i in initiatives_in(Sentence(text, 0, len(text), "achievements"))}
    assert found["免办证"].area == "政务服务与公开"


LEVELS = """2025年法治政府建设工作报告
一、2025年工作
法治政府建设取得显著成效,陇西县成功获评第三批全国法治政府建设示范县。
将法治政府建设纳入全县经济社会发展总体规划和年度考核体系,锚定法治政府建设示范县目标,全面依法履职。
"""


def test_a_model_place_drive_named_with_and_without_its_level_is_one_drive():
    names = {i.name for i in initiatives_in_document(make_document("r.txt", LEVELS))}
    assert names == {"全国法治政府建设示范县"}


MODEL_VILLAGES = """2024年法治政府建设工作报告
一、2024年工作
深入推进民主法治示范村建设,全市有10个村(社区)获评“全国民主法治示范村(社区)”。
"""


def test_a_model_place_named_after_its_building_project_is_that_project():
    """seed 003: the villages awarded are the outcome of the 示范村建设 project the sentence names."""
    names = {i.name for i in initiatives_in_document(make_document("r.txt", MODEL_VILLAGES))}
    assert names == {"民主法治示范村建设"}


def test_a_title_s_programme_drops_the_year_and_the_place_that_open_the_title():
    from kg.extract.initiatives import _title_programme

    assert _title_programme("2023年气象法治能力提升专项行动方案") == ("气象法治能力提升专项行动", 5, "专项行动")
    assert _title_programme("关于开展行政执法温度提升活动的通知") == ("行政执法温度提升活动", 4, "活动")
    assert _title_programme("关于开展法治宣传活动的通知") is None  # generic work names no campaign


STUDIO = """个人“调解工作室”开先河
常州作为江苏省调解工作的先进城市,积极开展了个人“调解工作室”试点工作,通过不断的实践来探索调解工作的新思路。“夏戈工作室”就是试点之一,这种以个人名字命名的调解工作室不仅在常州,在全省也是属于先行者。
16日,记者来到位于常州荷花池公寓的“夏戈工作室”。十几平方米的房间,布置得十分典雅。
"""


def test_a_quoted_studio_named_once_in_a_sentence_about_mediation_is_a_body_throughout():
    """holdout7 h102: the studio is a mediation room; the pilot of such rooms stays a programme."""
    names = {i.name for i in initiatives_in_document(make_document("r.txt", STUDIO))}
    assert not any(n.startswith("夏戈工作室") for n in names)
    assert "调解工作室试点" in names


DRIVE_NAMED_THREE_WAYS = """2024年法治政府建设工作报告
一、2024年工作
(二)做好法治政府示范创建工作,推动卫生健康事业高质量发展
严格贯彻落实法治政府建设示范创建工作方案、宣传工作方案和示范创建部署会、推进会会议精神,紧紧围绕法治政府建设示范创建工作目标,全力营造全员参与的舆论氛围,已将我委涉及的各项指标资料报送至法治政府专班,确保全面完成全国法治政府建设示范创建工作任务。
"""


def test_a_drive_named_with_and_without_建设_takes_its_fullest_name():
    """holdout11 h179: 法治政府示范创建 and 全国法治政府建设示范创建 are one drive, the gold names it fully."""
    names = {i.name for i in initiatives_in_document(make_document("r.txt", DRIVE_NAMED_THREE_WAYS))}
    assert names == {"全国法治政府建设示范创建"}
