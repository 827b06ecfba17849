"""More formats, same graph: every file parses back into the graph it came from, byte-identically rebuilt."""

from __future__ import annotations

import io
import json

import pytest
from conftest import ROOT
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef

from kg.graph.store import StoreGraph
from kg.publish.export import write_formats
from kg.publish.formats import (
    CONTEXT_FILE,
    INITIATIVE_COLUMNS,
    OUTCOME_COLUMNS,
    graphml,
    initiatives_csv,
    jsonld,
    nquads,
    ntriples,
    outcomes_csv,
    to_dataset,
    trig,
)
from kg.vocab.ontology import ID, LGKG, OA

QINJI = ID["report/000_4d4e89313a1e219a"]
HEDONG = ID["report/001_ae9c8d5517191bf2"]
DAXINGANLING = ID["report/002_862ad1820c53f5f0"]

#: report text is data: every character that means something in one of the formats
NASTY = "say \"hi\" \\ back\\slash\nnew line\ttab <tag> & ampersand 《法》“引号” 'single'"


def triples_of(text: str, fmt: str) -> set:
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(data=text, format=fmt)
        return {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}
    return set(Graph().parse(data=text, format=fmt))


def graphs_of(text: str, fmt: str) -> dict:
    ds = Dataset()
    ds.parse(data=text, format=fmt)
    out: dict = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        out.setdefault(name, set()).add((s, p, o))
    return out


@pytest.fixture(scope="module")
def nasty_graph():
    g = Graph()
    rep = ID["report/x"]
    node = ID["initiative/x/1"]
    mention = ID["mention/x/0-5"]
    g.add((rep, RDF.type, LGKG.Report))
    g.add((rep, LGKG.sourceFile, Literal("x.txt")))
    g.add((node, RDF.type, LGKG.Initiative))
    g.add((node, RDFS.label, Literal(NASTY)))
    g.add((node, LGKG.evidence, Literal(NASTY)))
    g.add((node, LGKG.mentionedIn, rep))
    g.add((node, LGKG.mention, mention))
    g.add((mention, RDF.type, LGKG.Mention))
    g.add((mention, OA.hasSource, rep))
    g.add((mention, LGKG.evidence, Literal(NASTY)))
    g.add((ID["region/1"], RDFS.label, Literal("no report mentions me")))
    return g


@pytest.mark.parametrize(
    "write,fmt",
    [(ntriples, "nt"), (nquads, "nquads"), (trig, "trig"), (jsonld, "json-ld")],
    ids=["nt", "nq", "trig", "jsonld"],
)
def test_each_format_parses_back_into_the_seed_graph(seed_graph, write, fmt):
    assert triples_of(write(seed_graph), fmt) == set(seed_graph)


@pytest.mark.parametrize(
    "write,fmt",
    [(ntriples, "nt"), (nquads, "nquads"), (trig, "trig"), (jsonld, "json-ld")],
    ids=["nt", "nq", "trig", "jsonld"],
)
def test_quotes_backslashes_newlines_and_markup_survive(nasty_graph, write, fmt):
    back = triples_of(write(nasty_graph), fmt)
    assert back == set(nasty_graph)
    assert Literal(NASTY) in {o for _, _, o in back}


def test_one_named_graph_per_report(seed_graph):
    graphs = graphs_of(trig(seed_graph), "trig")
    reports = set(seed_graph.subjects(RDF.type, LGKG.Report))
    named = {g for g in graphs if isinstance(g, URIRef) and g in reports}
    assert named == reports and len(reports) == 5
    assert graphs_of(nquads(seed_graph), "nquads") == graphs


def test_a_figure_sits_in_the_graph_of_the_report_that_states_it(seed_graph):
    graphs = graphs_of(nquads(seed_graph), "nquads")
    # 共办结援助案660件 is stated by report 000 only
    outcomes = {
        s
        for s, p, o in graphs[QINJI]
        if p == LGKG.evidence
        and "共办结援助案660件" in str(o)
        and (s, RDF.type, LGKG.Outcome) in graphs[QINJI]
    }
    assert outcomes
    for name, triples in graphs.items():
        if name != QINJI:
            assert not any(s in outcomes for s, _, _ in triples)


def test_a_shared_policy_is_in_each_citing_reports_graph_with_only_that_reports_links(seed_graph):
    # 《中华人民共和国行政复议法》 is cited by both 001 and 002
    policy = next(
        p
        for p in seed_graph.subjects(RDF.type, LGKG.Policy)
        if "行政复议法" in str(seed_graph.value(p, RDFS.label))
    )
    graphs = graphs_of(nquads(seed_graph), "nquads")
    for report in (HEDONG, DAXINGANLING):
        assert (policy, RDF.type, LGKG.Policy) in graphs[report]
        assert (policy, LGKG.mentionedIn, report) in graphs[report]
    assert (policy, LGKG.mentionedIn, DAXINGANLING) not in graphs[HEDONG]
    for _, _, mention in [t for t in graphs[HEDONG] if t[0] == policy and t[1] == LGKG.mention]:
        assert (mention, OA.hasSource, HEDONG) in graphs[HEDONG]


def test_unmentioned_things_stay_in_the_default_graph(nasty_graph):
    ds = to_dataset(nasty_graph)
    assert (ID["region/1"], RDFS.label, Literal("no report mentions me")) in ds.default_context
    assert len(ds.graph(ID["report/x"])) == len(nasty_graph) - 1


def test_the_files_are_byte_identical_whatever_the_insertion_order(seed_graph, tmp_path):
    shuffled = Graph()
    for t in sorted(seed_graph, key=lambda t: (str(t[2]), str(t[1]), str(t[0])), reverse=True):
        shuffled.add(t)
    a = write_formats(seed_graph, tmp_path / "a")
    b = write_formats(shuffled, tmp_path / "b")
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
    assert not list((tmp_path / "a").glob(".*.part"))


def test_outcomes_csv_is_the_table_researchers_open(seed_graph):
    pd = pytest.importorskip("pandas")
    text = outcomes_csv(seed_graph)
    assert text.startswith("\ufeff")  # Excel needs the BOM to show Chinese
    df = pd.read_csv(io.StringIO(text.lstrip("\ufeff")), dtype={"report": str})
    assert list(df.columns) == OUTCOME_COLUMNS
    row = df[df["evidence"].str.contains("共办结援助案660件", na=False) & (df["value"] == 660)]
    assert len(row) == 1
    assert row.iloc[0]["report"] == "000_4d4e89313a1e219a.txt" and row.iloc[0]["year"] == 2022
    assert row.iloc[0]["unit"] == "件"
    # the file read with a BOM-aware reader gives the same header
    assert pd.read_csv(io.BytesIO(text.encode("utf-8"))).columns[0] == "report"


def test_initiatives_csv(seed_graph):
    pd = pytest.importorskip("pandas")
    df = pd.read_csv(io.StringIO(initiatives_csv(seed_graph).lstrip("\ufeff")))
    assert list(df.columns) == INITIATIVE_COLUMNS
    assert set(df["status"].dropna()) <= {"done", "planned"}
    assert df["evidence"].notna().all()


def test_graphml_opens_in_networkx_with_labels(seed_graph, nasty_graph):
    import networkx as nx

    g = nx.read_graphml(io.BytesIO(graphml(seed_graph).encode("utf-8")))
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert "Mention" not in types and {"Report", "Outcome", "Agency"} <= types
    assert g.nodes[str(QINJI)]["type"] == "Report"
    assert any(d["relation"] == "mentionedIn" and v == str(QINJI) for _, v, d in g.edges(data=True))
    nasty = nx.read_graphml(io.BytesIO(graphml(nasty_graph).encode("utf-8")))
    assert nasty.nodes[str(ID["initiative/x/1"])]["label"] == NASTY


def test_jsonld_uses_the_published_context(seed_graph):
    published = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    doc = json.loads(jsonld(seed_graph))
    assert doc["@context"] == published
    for term in [
        "Report", "Region", "Agency", "MediationCommittee", "Policy", "Initiative", "Outcome", "Indicator",
        "Challenge", "sourceFile", "year", "publishedBy", "aboutRegion", "partOf", "adminCode", "value", "unit",
        "approximate", "changePercent", "isTarget", "indicator", "inRegion", "mentionedIn", "evidence", "label",
    ]:  # fmt: skip
        assert term in published, term
    assert published["value"]["@type"] == "xsd:decimal" and published["inRegion"]["@type"] == "@id"
    outcome = next(n for n in doc["@graph"] if n.get("@type") == "Outcome")
    assert "value" in outcome and "mentionedIn" in outcome


def test_build_writes_every_format(tmp_path):
    import kg
    from kg.publish.export import write_exports

    result = kg.build([ROOT / "seeds" / "000_4d4e89313a1e219a.txt"])
    written = {p.name for p in write_exports(result, tmp_path, html=False)}
    assert {"graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "outcomes.csv"} <= written
    assert {"initiatives.csv", "graph.graphml"} <= written


def test_canned_questions_on_trig_match_turtle(seed_graph, tmp_path):
    """Named graphs repeat a shared triple per report; the default graph a query sees must not."""
    from kg.sparql.canned import canned_queries
    from kg.sparql.query import run

    (tmp_path / "graph.trig").write_text(trig(seed_graph), encoding="utf-8")
    (tmp_path / "graph.nq").write_text(nquads(seed_graph), encoding="utf-8")
    for q in canned_queries():
        expected = run(seed_graph, q.name, engine="oxigraph").records()
        assert run(tmp_path / "graph.trig", q.name).records() == expected, q.name
        assert run(tmp_path / "graph.nq", q.name).records() == expected, q.name


# -- the fast paths write what the slow ones wrote ----------------------------------------------


def as_json(node: dict) -> str:
    """A node as graph.jsonld writes it (rdflib's terms are strings there)."""
    from kg.publish.formats import canonical_json

    return json.dumps(canonical_json(node), ensure_ascii=False, indent=1)


def test_fast_jsonld_compaction_matches_rdflibs_on_every_seed_subject(seed_graph):
    """Every subject of the seed graph (reports, mentions, outcomes with decimals and booleans,
    offsets typed xsd:nonNegativeInteger, regions with language-tagged labels) compacts to the
    same node by the rules as by rdflib's converter."""
    from kg.publish.formats import Compaction

    compaction = Compaction()
    subjects = 0
    for subject, triples in StoreGraph.of(seed_graph).by_subject():
        fast = compaction.fast_node(subject, triples)
        assert fast is not None, subject
        assert as_json(fast) == as_json(compaction.rdflib_node(subject, triples)), subject
        subjects += 1
    assert subjects > 1000
    modes = {str(rule[2]) for rule in [*compaction.literal_rules.values(), *compaction.iri_rules.values()]}
    assert {"lexical", "coerced", "('language', 'zh')", "shrink", "symbol"} <= modes


def test_fast_jsonld_compaction_matches_rdflibs_on_odd_literals_and_terms():
    """What the build never writes but a Python user's graph may hold: literals of every kind
    (empty, false first, doubles, a language the context does not name), predicates and
    classes outside the context, a blank node (handed to rdflib), an RDF list's nil."""
    from rdflib import BNode
    from rdflib.namespace import XSD

    from kg.publish.formats import Compaction

    s = ID["outcome/x/1"]
    other = URIRef("https://example.org/other")
    g = Graph()
    for o in (
        Literal(""), Literal("x"), Literal(False), Literal(True), Literal(0), Literal(7),
        Literal("2.50", datatype=XSD.decimal), Literal(1.5e3), Literal("abc", lang="en"),
        Literal("2024-01-01", datatype=XSD.date), Literal("07", datatype=XSD.integer),
        URIRef("https://example.org/thing"), LGKG.Outcome,
    ):  # fmt: skip
        for p in (LGKG.approximate, LGKG.value, RDFS.label, other, LGKG.indicator):
            g.add((s, p, o))
    g.add((s, RDF.type, LGKG.Outcome))
    g.add((s, RDF.type, URIRef("https://example.org/Class")))
    g.add((ID["outcome/x/2"], LGKG.indicator, BNode("b1")))
    g.add((ID["outcome/x/3"], LGKG.indicator, RDF.nil))
    compaction = Compaction()
    fast = []
    for subject, triples in StoreGraph.of(g).by_subject():
        assert as_json(compaction.node(subject, triples)) == as_json(compaction.rdflib_node(subject, triples))
        fast.append(compaction.fast_node(subject, triples) is not None)
    assert fast == [True, False, False]  # the blank node and the list go to rdflib
    modes = {str(rule[2]) for rule in compaction.literal_rules.values()}
    assert {"native", "coerced", "lexical", "('typed', 'xsd:decimal', False)", "('language', 'en')"} <= modes


@pytest.mark.parametrize(
    "value",
    [
        {}, [], "", {"a": []}, {"b": {}, "a": [1, 2.5, True, False, None]},
        {"@id": "x", "label": ["say \"hi\"\n", "《法》"], "n": {"@type": "xsd:decimal", "@value": "2.5"}},
        [[["deep"]], {"k": float("inf")}],
    ],
)  # fmt: skip
def test_indented_json_is_what_json_dumps_writes(value):
    from kg.publish.formats import indented_json, json_sort_key

    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=1)
    assert json_sort_key(value) == json.dumps(value, ensure_ascii=False, sort_keys=True)
    assert json_sort_key('a"b\n《》') == json.dumps('a"b\n《》', ensure_ascii=False)


def test_ntriples_lines_are_pyoxigraphs_terms_written_out(seed_graph, nasty_graph):
    """The lines read from pyoxigraph's own writer are those of the terms' N-Triples forms,
    the offsets' datatype restored."""
    for graph in (StoreGraph.of(seed_graph), StoreGraph.of(nasty_graph)):
        expected = sorted(f"{q.subject} {q.predicate} {q.object} .\n".encode() for q in graph.ox_triples())
        assert list(graph.sorted_ntriples()) == expected
    assert any(b"#nonNegativeInteger>" in line for line in StoreGraph.of(seed_graph).ntriples())


def test_nquads_stream_is_sorted_and_homes_as_the_store_says(seed_graph):
    """The shared quad stream needs no second sort: its lines come out in byte order, and
    each report's graph holds its own mentions' triples."""
    from kg.publish.formats import quad_lines

    lines = list(quad_lines(seed_graph))
    assert lines == sorted(set(lines))
    mention = next(iter(seed_graph.subjects(RDF.type, LGKG.Mention)))
    report = seed_graph.value(mention, OA.hasSource)
    own = [line for line in lines if line.startswith(f"<{mention}> ".encode())]
    assert own and all(line.endswith(f" <{report}> .\n".encode()) for line in own)


@pytest.mark.parametrize(
    "datatype", ["integer", "nonNegativeInteger", "decimal", "boolean", "double", "date", "positiveInteger"]
)
def test_literal_text_and_truth_are_rdflibs(datatype):
    """The numbers the JSON-LD writer keeps as they are read as rdflib reads them: the same text,
    the same truth (rdflib merges a second value onto a false first one by replacing it)."""
    from rdflib.namespace import XSD

    from kg.publish.formats import coerced_literal, literal_text

    dt = str(XSD[datatype])
    for lexical in [
        "0",
        "7",
        "-0",
        "-5",
        "007",
        "+5",
        "2.50",
        "0.0",
        "-0.00",
        "10",
        "1E3",
        "true",
        "false",
        "1",
        "x",
        "",
    ]:
        expected = Literal(lexical, datatype=XSD[datatype])
        assert literal_text(lexical, dt) == str(expected), lexical
        assert str(coerced_literal(lexical, dt)) == str(expected), lexical
        assert bool(coerced_literal(lexical, dt)) == bool(expected), lexical


def test_table_rows_sort_through_files_in_the_order_of_tuples():
    """The CSV tables sort their rows through temporary files (flat memory); a row's line
    must sort as the row does, whatever control characters its cells hold."""
    import random

    from kg.publish.formats import row_of, sort_line

    random.seed(7)
    cells = ["", "a", "a\n", "a\t", "ab", "\x0b", "b", "\x0c", "\r", "\x00", "b\x0c", "调解", "调"]
    rows = {tuple(random.choice(cells) for _ in range(3)) for _ in range(3000)}
    assert sorted(rows) == sorted(rows, key=sort_line)
    for row in rows:
        line = sort_line(row)
        assert line.endswith(b"\n") and b"\n" not in line[:-1]
        assert tuple(row_of(line)) == row


def test_a_sentence_with_a_line_break_stays_one_csv_cell(seed_graph):
    pd = pytest.importorskip("pandas")
    graph = StoreGraph.of(seed_graph.to_rdflib())
    outcome = next(iter(graph.subjects(RDF.type, LGKG.Outcome)))
    graph.remove((outcome, LGKG.evidence, None))
    graph.add((outcome, LGKG.evidence, Literal("第一行\n第二行")))
    df = pd.read_csv(io.StringIO(outcomes_csv(graph).lstrip("\ufeff")), dtype=str)
    assert "第一行\n第二行" in set(df["evidence"])
    assert len(df) == len(pd.read_csv(io.StringIO(outcomes_csv(seed_graph).lstrip("\ufeff")), dtype=str))


def test_graphml_written_from_the_store_is_what_networkx_writes_of_the_network(seed_graph, nasty_graph):
    """graph.graphml is written element by element (flat memory); it must stay the file
    networkx's own writer makes of :func:`network`, the graph researchers analyse."""
    import networkx as nx

    from kg.publish.formats import network

    for graph in (seed_graph, nasty_graph):
        buf = io.BytesIO()
        nx.write_graphml_lxml(network(graph), buf, encoding="utf-8", prettyprint=True)
        assert graphml(graph) == buf.getvalue().decode("utf-8")
