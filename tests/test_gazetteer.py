"""The division tree as lgkg reads it from JioNLP: the traps named places fall into."""

from __future__ import annotations

from kg.vocab import gazetteer


def names(places) -> list[str]:
    return [p.name for p in places]


def test_municipality_districts_hang_directly_under_the_municipality():
    (qijiang,) = gazetteer.lookup("綦江区")
    assert names(gazetteer.chain(qijiang)) == ["重庆市", "綦江区"]
    assert qijiang.code == "500110"


def test_placeholder_rows_are_not_places():
    # 东方市 sits under 省直辖县级行政区划 in the tree; the chain skips the bookkeeping row
    (dongfang,) = gazetteer.lookup("东方市")
    assert names(gazetteer.chain(dongfang)) == ["海南省", "东方市"]
    assert not any(p.name.endswith(gazetteer.PLACEHOLDER_SUFFIX) for p in gazetteer.places())


def test_same_name_districts_are_kept_apart():
    hedong = gazetteer.full_names()["河东区"]
    assert sorted(p.code for p in hedong) == ["120102", "371312"]
    assert {gazetteer.province_of(p).name for p in hedong} == {"天津市", "山东省"}


def test_short_names_index_prefectures_and_autonomous_regions():
    assert names(gazetteer.short_names()["大兴安岭"]) == ["大兴安岭地区"]
    assert names(gazetteer.short_names()["广西"]) == ["广西壮族自治区"]
    assert "綦江区" not in gazetteer.short_names()


def test_towns_have_no_code_and_repeat_nationwide():
    baisha = gazetteer.town_names()["白沙镇"]
    assert len(baisha) > 10
    assert all(p.code is None and p.level == "town" for p in baisha)
    (yufeng,) = gazetteer.lookup("鱼峰区")
    assert sum(gazetteer.is_within(p, yufeng) for p in baisha) == 1


def test_bare_town_rows_without_a_suffix_are_not_matchable_towns():
    assert "永安" not in gazetteer.town_names()
