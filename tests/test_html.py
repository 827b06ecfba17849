"""The graph page, views and the comparison page, checked without a browser.

A small graph built here from real report sentences pins exact behaviour (regions nested
with partOf, an injection label, a target); the seed graph pins structure against its own counts.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from kg.publish.compare import compare_html, shared_indicators
from kg.publish.html import ReportTexts, graph_html, place_in_sentence
from kg.publish.view import UnknownValue, drawn_classes, node_facts, select
from kg.vocab.ontology import ID, LGKG, OA, ontology_file

INJECTION = "<img src=x onerror=alert(1)>"
SCRIPT_BREAK = "</script><script>alert(2)</script>"
AID_2023 = "一是扩大民事、行政法律援助覆盖面,2023年全区共受理法律援助案件191件,认罪认罚241件。"
AID_2024 = "发挥法律援助兜底保障作用,开展“法援惠民生”系列活动28场次,全年区法援中心受理法律援助案件358件,为受援人挽回经济损失473万余元。"
TRAINING = "组织开展法律援助业务培训;聚焦拓展民生领域的法律服务,保障经济和社会高质量发展。"
SCREENING = "全年河东区各人民调解组织开展矛盾纠纷排查24888次,成功化解矛盾纠纷2748件。"


def add_mention(g: Graph, node: URIRef, report: URIRef, sentence: str, exact: str, at: int) -> None:
    """A mention as kg/rdf.py writes it: report, character span, matched words, sentence."""
    start = at + sentence.index(exact)
    m = URIRef(f"{report}/m/{start}")
    sel = URIRef(f"{m}/position")
    g.add((node, LGKG.mention, m))
    g.add((node, LGKG.mentionedIn, report))
    g.add((m, RDF.type, LGKG.Mention))
    g.add((m, OA.hasSource, report))
    g.add((m, OA.hasSelector, sel))
    g.add((m, LGKG.evidence, Literal(sentence)))
    g.add((sel, RDF.type, OA.TextPositionSelector))
    g.add((sel, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((sel, OA.end, Literal(start + len(exact), datatype=XSD.nonNegativeInteger)))
    g.add((sel, OA.exact, Literal(exact)))


def node(g: Graph, key: str, cls: str, label: str, **props) -> URIRef:
    n = ID[key]
    g.add((n, RDF.type, LGKG[cls]))
    g.add((n, RDFS.label, Literal(label)))
    for prop, value in props.items():
        g.add((n, LGKG[prop], value if isinstance(value, URIRef | Literal) else Literal(value)))
    return n


def small_graph() -> Graph:
    """Two reports from two regions (one nested in a province), one shared indicator, an injection label."""
    g = Graph()
    g.parse(ontology_file("areas.ttl"), format="turtle")
    province = node(g, "region/910000", "Region", "甲省", adminCode="910000")
    city = node(g, "region/910100", "Region", "乙市", adminCode="910100", partOf=province)
    district = node(g, "region/920102", "Region", "丙区", adminCode="920102")
    r1 = node(g, "report/r1", "Report", "乙市2023年法治政府建设年度报告", aboutRegion=city)
    g.add((r1, LGKG.sourceFile, Literal("r1.txt")))
    g.add((r1, LGKG.year, Literal(2023, datatype=XSD.integer)))
    r2 = node(g, "report/r2", "Report", "丙区2024年法治政府建设年度报告", aboutRegion=district)
    g.add((r2, LGKG.sourceFile, Literal("r2.txt")))
    g.add((r2, LGKG.year, Literal(2024, datatype=XSD.integer)))
    legal = URIRef(str(ID) + "area/legal-services")
    mediation = URIRef(str(ID) + "area/mediation")
    indicator = node(g, "indicator/aid", "Indicator", "受理法律援助案件")
    g.add((indicator, SKOS.altLabel, Literal("法律援助案件受理数")))
    for key, report, region, year, value, sentence, exact, target in (
        ("o1", r1, city, 2023, 191, AID_2023, "受理法律援助案件191件", False),
        ("o2", r2, district, 2024, 358, AID_2024, "受理法律援助案件358件", False),
        ("o3", r2, district, 2024, 400, AID_2024, "法律援助", True),
    ):
        o = node(g, f"outcome/{key}", "Outcome", exact, indicator=indicator, inRegion=region, area=legal)
        g.add((o, LGKG.value, Literal(str(value), datatype=XSD.decimal)))
        g.add((o, LGKG.unit, Literal("件")))
        g.add((o, LGKG.year, Literal(year, datatype=XSD.integer)))
        g.add((o, LGKG.isTarget, Literal(target)))
        add_mention(g, o, report, sentence, exact, at=100 * value)
    bad = node(g, "agency/bad", "Agency", INJECTION, jurisdiction=city)
    add_mention(g, bad, r1, f"{INJECTION}负责{SCRIPT_BREAK}。", INJECTION, at=10)
    planned = node(g, "initiative/i1", "Initiative", "法律援助业务培训", status="planned", area=legal)
    g.add((planned, LGKG.launchedBy, bad))
    add_mention(g, planned, r1, TRAINING, "法律援助业务培训", at=500)
    done = node(g, "initiative/i2", "Initiative", "矛盾纠纷排查", status="done", area=mediation)
    add_mention(g, done, r2, SCREENING, "矛盾纠纷排查", at=700)
    return g


def page_data(page: str) -> dict:
    blob = re.search(r'<script type="application/json" id="lgkg-data">(.*?)</script>', page, re.S)
    assert blob, "the page has no data blob"
    return json.loads(blob.group(1))


def drawn_count(graph: Graph, label_contains: str | None = None) -> int:
    """Nodes of the drawn classes (with a label or alias containing some words), by SPARQL, not kg.publish.view."""
    classes = ", ".join(f"<{LGKG[name]}>" for name, _, _ in drawn_classes())
    named = ""
    if label_contains is not None:
        named = (
            f"?n <{RDFS.label}>|<{SKOS.altLabel}> ?l . FILTER(CONTAINS(?l, {Literal(label_contains).n3()}))"
        )
    q = f"""SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE {{ ?n a ?t . {named}
        FILTER(isIRI(?n) && ?t IN ({classes})) }}"""
    return int(next(iter(graph.query(q)))[0])


@pytest.fixture(scope="module")
def small() -> Graph:
    return small_graph()


@pytest.fixture(scope="module")
def seed_page(seed_graph) -> str:
    return graph_html(seed_graph)


# --- the page ---------------------------------------------------------------------------


def test_seed_page_is_self_contained(seed_page):
    assert not re.search(r"<(script|link)\b[^>]*\b(src|href)\s*=", seed_page, re.I)
    assert "vis.Network" in seed_page and "vis-network" in seed_page
    assert "default-src 'none'" in seed_page  # the browser itself refuses any fetch


def test_seed_page_carries_every_node_and_its_class(seed_graph, seed_page):
    data = page_data(seed_page)
    assert len(data["nodes"]) == drawn_count(seed_graph)
    counts = {c["name"]: c["n"] for c in data["classes"]}
    assert sum(counts.values()) == len(data["nodes"])
    assert counts["Report"] == len(set(seed_graph.subjects(RDF.type, LGKG.Report)))
    assert all(0 <= a < len(data["nodes"]) and 0 <= b < len(data["nodes"]) for a, b, _ in data["edges"])


def test_page_is_byte_identical_whatever_the_triple_order(small):
    shuffled = Graph()
    for triple in sorted(small, reverse=True):
        shuffled.add(triple)
    assert graph_html(small) == graph_html(shuffled)


def test_report_text_cannot_break_out_of_the_data_blob(small):
    page = graph_html(small)
    assert INJECTION not in page and "<img" not in page
    assert SCRIPT_BREAK not in page
    labels = [n["label"] for n in page_data(page)["nodes"]]
    assert INJECTION in labels  # the label arrives intact, as data


def test_page_title_is_escaped(small):
    page = graph_html(small, title="<b>标题</b>")
    assert "<b>标题</b>" not in page and "&lt;b&gt;标题&lt;/b&gt;" in page


def test_evidence_highlight_points_at_the_matched_words(small):
    data = page_data(graph_html(small))
    outcome = next(n for n in data["nodes"] if n["iri"].endswith("outcome/o1"))
    (report, sentence, start, end), *_ = outcome["ev"]
    assert data["sentences"][sentence] == AID_2023
    assert data["sentences"][sentence][start:end] == "受理法律援助案件191件"
    assert data["reports"][report]["file"] == "r1.txt"


def test_highlight_follows_the_report_offsets_when_words_repeat():
    sentence = "全区共建成8个公共法律服务中心,43个公共法律服务工作站,141个公共法律服务工作室。"
    text = "一、主要成效。" + sentence
    second = text.index("公共法律服务", text.index("43个"))
    at = place_in_sentence(text, sentence, "公共法律服务", second)
    assert at == sentence.index("43个") + 3
    assert place_in_sentence("", sentence, "公共法律服务", second) == sentence.index("公共法律服务")


def test_panel_attributes_are_named_in_chinese(small):
    data = page_data(graph_html(small))
    attrs = {n["label"]: n["attrs"] for n in data["nodes"]}
    assert ["状态", "计划（planned）"] in attrs["法律援助业务培训"]
    figure = attrs["受理法律援助案件191件"]
    assert ["数值", "191"] in figure and ["目标值", "否"] in figure


def test_edge_labels_are_the_chinese_property_names(small):
    data = page_data(graph_html(small))
    assert {"指标", "所在地区", "隶属", "实施机关", "出自报告"} <= set(data["props"])


def test_facts_nest_regions_and_read_status(small):
    facts = node_facts(small)
    province, city = ID["region/910000"], ID["region/910100"]
    assert set(facts[ID["outcome/o1"]].regions) == {province, city}
    assert facts[ID["initiative/i1"]].status == "planned"
    assert facts[ID["outcome/o3"]].status == "planned"  # a target is planned
    assert facts[ID["outcome/o2"]].status == "done"


# --- views -------------------------------------------------------------------------------


def test_view_by_class_keeps_only_that_class(small):
    keep = select(small, classes=["量化成效"])
    assert keep == set(small.subjects(RDF.type, LGKG.Outcome))


def test_view_by_province_includes_its_cities_and_their_reports(small):
    keep = select(small, regions=["甲省"])
    assert ID["outcome/o1"] in keep and ID["agency/bad"] in keep and ID["report/r1"] in keep
    assert ID["outcome/o2"] not in keep and ID["report/r2"] not in keep


def test_view_by_area_report_and_code(small):
    assert select(small, areas=["mediation"]) == {ID["initiative/i2"], ID["report/r2"]}
    assert ID["initiative/i1"] in select(small, reports=["r1"], areas=["公共法律服务"])
    assert ID["outcome/o2"] in select(small, regions=["920102"])


def test_focus_depth_grows_the_ego_network(small):
    one = select(small, focus="受理法律援助案件", depth=1, classes=["Indicator", "Outcome"])
    assert one == {ID["indicator/aid"], ID["outcome/o1"], ID["outcome/o2"], ID["outcome/o3"]}
    zero = select(small, focus="受理法律援助案件", depth=0, classes=["Indicator"])
    assert zero == {ID["indicator/aid"]}
    two = select(small, focus="受理法律援助案件", depth=2)
    assert {ID["region/910100"], ID["region/920102"]} <= two


def test_unknown_or_hostile_values_match_nothing(small):
    for option in ("regions", "areas", "reports"):
        with pytest.raises(UnknownValue):
            select(small, **{option: ['" } ; DROP ALL ; #']})
    with pytest.raises(UnknownValue):
        select(small, focus="没有这个节点")


def test_cli_view_writes_the_selected_part(tmp_path, small):
    from kg.cli import app

    graph = tmp_path / "graph.ttl"
    small.serialize(graph, format="turtle")
    out = tmp_path / "outcomes.html"
    result = CliRunner().invoke(app, ["view", str(graph), "--out", str(out), "--class", "Outcome"])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert sorted(n["iri"] for n in data["nodes"]) == sorted(
        str(o) for o in small.subjects(RDF.type, LGKG.Outcome)
    )
    bad = CliRunner().invoke(app, ["view", str(tmp_path), "--out", str(out), "--region", "无此地"])
    assert bad.exit_code == 1


# --- the comparison page ----------------------------------------------------------------


def test_compare_charts_shared_indicators_without_targets(small):
    charts = shared_indicators(small)
    assert [(label, unit) for label, unit, _ in charts] == [("受理法律援助案件", "件")]
    figures = charts[0][2]
    assert [(f.region, f.year, int(f.value)) for f in figures] == [("丙区", 2024, 358), ("乙市", 2023, 191)]


def test_compare_bars_link_to_their_evidence(small):
    page = compare_html(small)
    targets = re.findall(r'<a href="#(ev-[\d-]+)" class="bar">', page)
    assert len(targets) == 2
    for target in targets:
        item = re.search(rf'<li id="{target}">(.*?)</li>', page)
        assert item and "<mark>受理法律援助案件" in item.group(1)
    assert "<script" not in page and not re.search(r"(src|href)\s*=\s*\"https?:", page)
    assert compare_html(small) == page


def test_compare_escapes_report_text(small):
    g = Graph()
    for triple in small:
        g.add(triple)
    g.set((ID["indicator/aid"], RDFS.label, Literal(INJECTION)))
    page = compare_html(g)
    assert INJECTION not in page and "&lt;img src=x" in page


def test_compare_page_with_nothing_shared_says_so(seed_graph):
    page = compare_html(seed_graph)
    assert ("<section" in page) == bool(shared_indicators(seed_graph))
    if not shared_indicators(seed_graph):
        assert "还没有" in page


def test_docs_describe_the_commands():
    docs = (ROOT / "docs" / "view.md").read_text(encoding="utf-8")
    for command in ("kg view", "--focus", "--depth", "kg compare", "screenshot.png"):
        assert command in docs


def test_the_page_of_a_big_graph_shows_its_most_mentioned_part_and_says_so(seed_graph, monkeypatch):
    import kg.publish.html as page_module

    monkeypatch.setattr(page_module, "MAX_PAGE_NODES", 50)
    page = page_module.overview_html(seed_graph)
    data = page_data(page)
    assert len(data["nodes"]) == 50 < drawn_count(seed_graph)
    assert "kg view" in page and "50" in page
    reports = {n["label"] for n in data["nodes"]}
    assert any("司法局" in label or "区" in label for label in reports)  # hubs, not single figures


def test_the_page_of_a_graph_within_the_cap_is_the_whole_graph(seed_graph, seed_page):
    from kg.publish.html import overview_html

    assert overview_html(seed_graph) == seed_page


def test_report_texts_are_read_once_while_in_use_and_memory_stays_bounded():
    """The page asks for every mention's report text; a report of hundreds of kilobytes read
    once per mention made the page quadratic in the report's length."""
    graph = Graph()
    reports = [URIRef(ID[f"report/r{i}"]) for i in range(3)]
    for i, report in enumerate(reports):
        graph.add((report, LGKG.text, Literal(AID_2023 * (i + 1))))
    reads = []

    class Counting(Graph):
        def value(self, subject=None, predicate=None, *args, **kwargs):
            reads.append(subject)
            return graph.value(subject, predicate, *args, **kwargs)

    texts = ReportTexts(Counting(), size=2)
    assert [texts[reports[0]] for _ in range(5)] == [AID_2023] * 5
    assert reads == [reports[0]]
    texts[reports[1]], texts[reports[2]]  # the first is now the oldest of three: dropped
    assert len(texts.texts) == 2 and reports[0] not in texts.texts
    assert texts[reports[0]] == AID_2023 and reads.count(reports[0]) == 2
