"""Document-level behaviour of the outcomes extractor (sentence cases live in tests/corpus/outcomes.yaml)."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.outcomes import outcomes_in_document
from kg.text.document import make_document

#: a real news item (宁夏法治报, 2022): the same six households are named in every sentence
VILLAGE_NEWS = (
    "尹某、樊某、蒋某等6户村民相邻种植30余亩土地,土地确权过程中,6户村民都不愿让出土地修建农路。"
    "近日,高荣村人民调解委员会在排查矛盾纠纷过程中主动介入,把6户村民约至村委会进行了2轮调解,"
    "最终6户村民达成一致协议。8月16日,高荣村人民调解委员会2名调解员拿到350元人民调解以案定补。"
)


def figures(text: str) -> list[tuple[Decimal, str]]:
    return [(o.value, o.unit) for o in outcomes_in_document(make_document("case.txt", text))]


def test_a_group_named_again_is_one_outcome():
    found = figures(VILLAGE_NEWS)
    assert found.count((Decimal(6), "户")) == 1
    assert (Decimal(30), "亩") in found and (Decimal(2), "名") in found


def test_the_same_number_of_different_things_is_two_outcomes():
    """Same value and unit, another counted noun (调解员 / 律师): two facts."""
    found = figures("全镇选聘2名调解员。另聘请2名律师担任法律顾问。")
    assert found.count((Decimal(2), "名")) == 2


def test_a_repeated_rate_is_not_merged():
    """Rates and sums are not groups: 100% twice may be two facts."""
    found = figures("行政复议纠错率100%。行政应诉出庭率100%。")
    assert found.count((Decimal(100), "%")) == 2


#: a real news item (dev8 h123, traditional, with pinyin glosses as the page prints them)
WAGE_NEWS = (
    "西安市周至縣法律援助中心為232名農(nóng)民工討薪493萬元\n"
    "1月25日,來自四川的農(nóng)民工趙某雙手接過被拖欠的57名農(nóng)民工的69.5萬余元血汗錢時,很是激動。\n"
    "2021年4月,趙某等57名農(nóng)民工來到周至縣,在劉某承包的建筑工地打工。\n"
    "辦理農(nóng)民工維權(quán)案件196件,為232名農(nóng)民工追回欠薪493萬元。\n"
)


def test_a_group_glossed_in_pinyin_named_again_is_one_outcome():
    """57名農(nóng)民工 twice in the story: the gloss is no part of the counted noun."""
    assert figures(WAGE_NEWS).count((Decimal(57), "名")) == 1


def test_a_headline_figure_restated_in_the_body_is_kept_twice():
    """The headline's 232名 and the closing summary's are both annotated (dev8 REVIEW)."""
    assert figures(WAGE_NEWS).count((Decimal(232), "名")) == 2
    body_only = WAGE_NEWS.split("\n", 1)[1]
    assert figures(body_only).count((Decimal(232), "名")) == 1
