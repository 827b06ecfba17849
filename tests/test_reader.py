"""The reader's pieces: encodings, the analysis copy, web-page furniture, PDF line joining."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import extract
from kg.ingest.reader import InputError, PdfLine, decode, html_text, join_pdf_lines, looks_binary
from kg.text.document import make_document
from kg.text.normalize import (
    analysis_text,
    blank_furniture,
    fold_width,
    is_furniture,
    restore_original,
    to_simplified,
)

SEED = Path(__file__).parent.parent / "seeds" / "003_6d2be61a73a6c314.txt"
#: a sentence as reports print it (from a seed report)
SENTENCE = "全年共办理法律援助案件1090件,受援群众1300余人次。"


# --- encodings -------------------------------------------------------------------------


def test_utf8_is_taken_as_is_and_a_bom_is_named():
    assert decode(SENTENCE.encode("utf-8")) == (SENTENCE, "utf-8")
    assert decode(SENTENCE.encode("utf-8-sig")) == (SENTENCE, "utf-8-sig")


def test_a_short_gbk_sentence_is_read_as_gb18030():
    assert decode(SENTENCE.encode("gbk")) == (SENTENCE, "gb18030")


def test_characters_gbk_lacks_are_read_from_gb18030():
    text = SENTENCE + "䶮𠀀"  # CJK extension A and B: only GB18030 of the GB family has them
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_utf16_without_bom_is_text_not_binary():
    data = SENTENCE.encode("utf-16-le")
    assert b"\x00" in data and not looks_binary(data)
    assert decode(data)[0] == SENTENCE


def test_nul_bytes_of_a_binary_file_are_refused():
    with pytest.raises(InputError, match="binary"):
        decode(b"\x00\x01\x02\x03\xff\xfe\x00\x00" * 64)


# --- the analysis copy -----------------------------------------------------------------


def test_full_width_digits_and_punctuation_fold_to_ascii_one_for_one():
    wide = "全年共办理法律援助案件１０９０件，增长１５．３％。"
    assert fold_width(wide) == "全年共办理法律援助案件1090件,增长15.3%。"


def test_radical_forms_from_pdf_text_layers_fold_to_ideographs():
    assert fold_width("推进法治⼯作,⺠事调解,⻓效机制,⻔户网站") == "推进法治工作,民事调解,长效机制,门户网站"


def test_multi_character_compatibility_forms_are_left_alone():
    assert fold_width("面积2000㎡…") == "面积2000㎡…"


def test_simplified_reports_are_not_converted():
    text = SEED.read_text(encoding="utf-8")
    assert analysis_text(text) == blank_furniture(fold_width(text))
    assert to_simplified(text) == text, "the seed is plain simplified text"


def test_traditional_text_is_simplified_at_the_same_length():
    traditional = "全年共辦理法律援助案件1090件,受援群眾1300餘人次。"
    assert analysis_text(traditional) == SENTENCE
    assert len(to_simplified(traditional)) == len(traditional)


def test_simplified_characters_t2s_would_change_keep_a_page_simplified():
    # dev8 h129 (珠海 news): 乾务 five times in 497 characters made the page "traditional"
    # and its town 乾务镇 unreadable as 干务
    text = "5月25日,斗门区司法局乾务司法所、夏村村党委联合在夏村村广场开展“人民调解宣传月”主题开放日活动。"
    assert analysis_text(text) == text
    assert "乾" in to_simplified("乾務鎮司法所組織開展調解")


def test_phrase_conversions_that_change_length_fall_back_to_characters():
    # OpenCC may convert some phrases to a different length; the copy never changes length
    for text in ("於是", "乾隆年間", "聯繫電話：１２３４８"):
        assert len(analysis_text(text)) == len(text)


def test_labels_and_evidence_are_cut_from_the_original():
    traditional = "2023年,某市司法局組織開展“法治體檢”活動12場次,服務企業300餘家。"
    doc = make_document("t.txt", traditional)
    assert doc.original == traditional and doc.text != traditional
    ex = extract(doc)
    assert ex.outcomes and ex.initiatives
    for record in ex.outcomes + ex.initiatives:
        assert record.evidence.sentence == traditional
    assert "服務企業300餘家" in [o.text for o in ex.outcomes]
    # a name the extractor put together (quotes dropped) is still spelled as printed
    assert [i.name for i in ex.initiatives] == ["法治體檢活動"]
    restored = restore_original(ex, doc.original, doc.text)
    assert restored is ex, "already restored: nothing left to map"


# --- web pages -------------------------------------------------------------------------

FURNITURE = [
    "首页 / 政务公开 / 年度报告 / 法治政府建设年报",
    "首页 > 政务公开 > 法治政府建设",
    "当前位置:首页 > 信息公开",
    "来源:地区司法局",
    "发布时间:2024-01-30 10:12",
    "浏览次数:1234",
    "【字体:大 中 小】",
    "分享到:",
    "扫一扫在手机打开当前页",
    "打印本页 关闭窗口",
    "网站标识码:2327000001 黑ICP备05000001号",
]
NOT_FURNITURE = [
    "一、推进法治政府建设的主要举措和成效",
    "来源广泛的群众诉求得到及时回应,全年受理群众来信来访120件。",
    "推行“扫一扫”执法检查,企业扫码即可查看执法人员身份,全年扫码核验3200次,群众满意度持续提升,执法规范化水平明显提高。",
    "河东区司法局",
    "2025年1月17日",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_lines_are_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", NOT_FURNITURE)
def test_report_lines_are_not_furniture(line):
    assert not is_furniture(line)


def test_page_title_comes_from_title_tag_without_the_site_name():
    page = (
        "<html><head><title>某市司法局2023年法治政府建设年度报告_某市人民政府门户网站</title></head>"
        "<body><div class='content'>"
        + "".join(f"<p>{SENTENCE}</p>" for _ in range(3))
        + "</div></body></html>"
    )
    assert html_text(page).split("\n")[0] == "某市司法局2023年法治政府建设年度报告"


# --- PDF line joining ------------------------------------------------------------------


def line(text: str, x0: float = 72, x1: float | None = None) -> PdfLine:
    return PdfLine(text, x0, x1 if x1 is not None else x0 + 12 * len(text), 12)


def test_wrapped_lines_join_without_spaces_and_short_lines_end_paragraphs():
    lines = [
        line("一、主要举措和成效"),
        line("全年共办理法律援助案件1090件,受援群众1300余人次,", x1=456),
        line("挽回经济损失560万元。", x1=300),
        line("二、存在的不足"),
    ]
    assert (
        join_pdf_lines(lines)
        == "一、主要举措和成效\n全年共办理法律援助案件1090件,受援群众1300余人次,挽回经济损失560万元。\n二、存在的不足"
    )


def test_with_indented_paragraphs_a_full_line_ending_a_sentence_still_runs_on():
    full = 456
    lines = [
        line("全年共办理法律援助案件1090件。", x0=96, x1=full),
        line("受援群众1300余人次。", x1=full),
        line("挽回经济损失560万元。", x1=300),
        line("新的段落从缩进开始。", x0=96, x1=300),
    ]
    assert join_pdf_lines(lines).split("\n") == [
        "全年共办理法律援助案件1090件。受援群众1300余人次。挽回经济损失560万元。",
        "新的段落从缩进开始。",
    ]


def test_paragraphs_indented_with_full_width_spaces_start_new_lines():
    full = 456
    lines = [
        line("\u3000\u3000全年共办理法律援助案件1090件。", x1=full),
        line("受援群众1300余人次。", x1=full),
        line("挽回经济损失560万元。", x1=300),
        line("\u3000\u3000新的段落。", x1=300),
    ]
    assert [t.strip() for t in join_pdf_lines(lines).split("\n")] == [
        "全年共办理法律援助案件1090件。受援群众1300余人次。挽回经济损失560万元。",
        "新的段落。",
    ]
