"""The region-name scan (issue 10): the fast walk finds the spans the plain walk finds."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import regions
from kg.ingest.reader import document_of, input_files, read_bytes

ROOT = Path(__file__).resolve().parents[1]


def plain_scan(text: str) -> list[tuple[int, int]]:
    """The walk before the two-character test: at every position, every length a name
    starting with that character may have, longest first."""
    names, lengths = regions._names(), regions._lengths_by_first_char()
    out, i = [], 0
    while i < len(text):
        for length in lengths.get(text[i], ()):
            if i + length <= len(text) and text[i : i + length] in names:
                out.append((i, i + length))
                i += length
                break
        else:
            i += 1
    return out


@pytest.fixture(scope="module")
def development_sentences():
    files = input_files([ROOT / "corpus/wide/texts", ROOT / "corpus/holdout4/texts"])
    return [s.text for p in files for s in document_of(p, read_bytes(p)).sentences]


def test_every_name_has_two_characters():
    """The two-character test passes over a position no name's first two characters open:
    a one-character name would be passed over."""
    assert min(map(len, regions._names())) >= 2


def test_the_scan_finds_chained_names_and_nothing_where_none_is():
    """江西崇仁县 (d409) is two names side by side; a sentence naming no place gives none."""
    assert regions._scan("江西崇仁县:止纷息诉 “仁理”有温情") == [(0, 2), (2, 5)]
    assert regions._scan("二是全面推行证明事项告知承诺制。") == []


def test_the_scan_reads_what_the_plain_walk_reads(development_sentences):
    """Every wide and holdout4 sentence, and a name ending the text (人民网>>江西, d409), whose
    span ends with the text (it once took the length of the longest name of its first
    character, so the evidence ran past its sentence)."""
    tail = "人民网>>江西"
    assert regions._scan(tail) == plain_scan(tail) == [(5, 7)]
    found = 0
    for text in development_sentences:
        spans = regions._scan(text)
        assert spans == plain_scan(text), text
        found += len(spans)
    assert found > 400


def test_an_official_name_with_a_traditional_suffix_in_a_simplified_text():
    """holdout8 h109, a simplified forum copy with traditional characters injected, writes
    《汉源縣行政审批中介服务事项清单》: the county, as printed; a fully traditional text is converted
    before it is read, and 縣 alone, or after a short name, is no county (两縣 is no place)."""
    from kg.text.document import make_document

    path = Path(__file__).parent.parent / "corpus" / "holdout8" / "texts" / "h109.txt"
    doc = make_document("h109.txt", path.read_text(encoding="utf-8"))
    found = regions.regions_in_document(doc)
    printed = {doc.text[r.evidence.start : r.evidence.end]: r.official for r in found}
    assert printed.get("汉源縣") == "汉源县"
    assert regions._scan("清理并公布《汉源縣行政审批") == [(6, 9)]
    assert regions.places_called("两縣") == ()


def test_a_short_name_before_a_towns_body_is_the_town_the_text_names():
    """dev8 h126 names 太平司法所 and 太平镇: 太平 there is the town's short name, not the county 太平区
    of another province; without 太平镇 in the text the short name is read as before."""
    from kg.text.document import make_document

    line = "6月13日,太平司法所走进太平镇贫困村良垌村,开展了一场内接地气的法制讲座。"
    names = [r.official for r in regions.regions_in_document(make_document("h126.txt", line))]
    assert "太平区" not in names
    alone = "6月13日,太平司法所走进贫困村,开展了一场内接地气的法制讲座。"
    assert "太平区" in [r.official for r in regions.regions_in_document(make_document("x.txt", alone))]


def test_a_numeral_and_a_counting_word_is_no_subject_place():
    """holdout6 h89: 一间不到20平方米的办公室,两张桌子,三台电脑,…: 三台 counts computers, no county
    opens that clause; 三台县 in full, or 三台 before a body (三台司法局), is the county."""
    from kg.text.document import Sentence

    def at(text: str, start: int):
        return regions.place_at(Sentence(text=text, start=0, end=len(text)), start, frozenset())

    assert at("一间不到20平方米的办公室,两张桌子,三台电脑,包括陈会琪在内的总共四名常驻工作人员。", 19) is None
    assert at("2023年,三台县坚持依法行政。", 6).official == "三台县"
    assert at("2023年,三台司法局坚持依法行政。", 6).official == "三台县"


def test_a_joining_word_after_a_body_opens_the_next_bodys_level_word():
    """holdout8 h109: 县行政审批局和县综合行政执法局 lists two county bodies; 和县 (a county of 安徽)
    is 和 + 县 there, as in 和县委; opening a clause (2023年,和县司法局…) it is the county."""
    from kg.text.document import make_document

    listed = "县行政审批局和县综合行政执法局相对集中行使行政权力事项1525项。"
    assert regions.regions_in_document(make_document("h109.txt", listed)) == []
    county = "2023年,和县司法局开展普法宣传。"
    assert "和县" in [r.official for r in regions.regions_in_document(make_document("x.txt", county))]


@pytest.mark.parametrize(
    ("line", "village", "parent"),
    [
        # holdout10 h171: the county, the town, then the village
        ("今年年初,旌德县孙村镇玉屏村村民方某因租金问题与村内某大理石生产企业产生纠纷,多次索要租金无果。", "玉屏村", "孙村镇"),
        # holdout6 h86: a village written right after its county
        ("苏美峰是上思县佛子村的村委会主任。", "佛子村", "上思县"),
    ],
)
def test_a_village_after_its_town_or_county(line, village, parent):
    """The gazetteer lists no villages: a village's name right after the town or county it lies in
    is a region (Rule village_name), its parent that place; the 孙村 of 孙村镇 is no village."""
    from kg.text.document import make_document

    found = [r for r in regions.regions_in_document(make_document("x.txt", line)) if r.evidence.rule == "regions.village_name"]
    assert [(r.name, r.parents[-1][0]) for r in found] == [(village, parent)]


def test_a_word_ending_like_a_village_is_none():
    """dev8 h126: 太平司法所走进太平镇贫困村良垌村: 贫困村 names a kind of village, not one; 乡村
    after a county is the countryside (region_village_lookalikes.tsv)."""
    from kg.text.document import make_document

    for line in (
        "6月13日,太平司法所走进太平镇贫困村良垌村,开展了一场内接地气的法制讲座。",
        "旌德县乡村振兴工作扎实推进。",
    ):
        found = regions.regions_in_document(make_document("x.txt", line))
        assert not [r for r in found if r.evidence.rule == "regions.village_name"], found


def test_a_line_of_place_names_parted_by_spaces_is_a_menu():
    """dev17 h276: a news portal's region menu names no place the text is about; prose lists
    places with 、 and words around them, and keeps them."""
    from kg.extract.regions import regions_in_document
    from kg.text.document import make_document

    menu = "区域:北京 天津 河北 山西 内蒙古 吉林 辽宁 黑龙江 陕西 甘肃 宁夏 新疆 青海 山东 安徽 上海\n"
    story = "河北省邯郸市大名县建立跨区域矛盾纠纷综合化解机制。\n"
    names = {r.name for r in regions_in_document(make_document("r.txt", menu + story))}
    assert "大名县" in names and "天津" not in names and "黑龙江" not in names
    prose = "北京、天津、河北、山西、内蒙古、吉林、辽宁、黑龙江等地的调解组织参加交流。\n"
    assert "黑龙江" in {r.name for r in regions_in_document(make_document("r.txt", prose))}
