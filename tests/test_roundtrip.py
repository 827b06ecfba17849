"""Text is data: labels with quotes, backslashes, newlines, triple quotes, <, > and & come
back unchanged from every file a build writes (each is parsed back and compared)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal

from kg.pipeline import build
from kg.publish.export import write_exports
from kg.vocab.ontology import LGKG

SEED = Path(__file__).parent.parent / "seeds" / "001_ae9c8d5517191bf2.txt"

#: every character that breaks a writer that forgets to escape
NASTY = 'He said "法治" \\ C:\\path\n第二行 """三引号""" <script>alert(1)</script> & &amp; \'单\' \\"'


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    """A real build whose first initiative is renamed to NASTY, written out."""
    result = build([SEED])
    graph = result.graph
    initiative = sorted(graph.subjects(RDF.type, LGKG.Initiative))[0]
    graph.remove((initiative, RDFS.label, None))
    graph.add((initiative, RDFS.label, Literal(NASTY)))
    out = tmp_path_factory.mktemp("exports")
    written = write_exports(result, out, html=True)
    return initiative, {p.name: p for p in written}


def labels_in(graph: Graph, node) -> set[str]:
    return {str(v) for v in graph.objects(node, RDFS.label)}


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")],
)
def test_rdf_files_give_the_label_back(exports, name, fmt):
    node, files = exports
    if name not in files:
        pytest.skip(f"{name} is not written by this build")
    g = Graph()
    g.parse(files[name], format=fmt)
    assert labels_in(g, node) == {NASTY}


@pytest.mark.parametrize(("name", "fmt"), [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_quad_files_give_the_label_back(exports, name, fmt):
    node, files = exports
    if name not in files:
        pytest.skip(f"{name} is not written by this build")
    g = Dataset(default_union=True)
    g.parse(files[name], format=fmt)
    assert labels_in(g, node) == {NASTY}


def test_graph_page_carries_the_label_as_data_never_as_markup(exports):
    _, files = exports
    page = files["graph.html"].read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    blob = re.search(r'<script type="application/json" id="lgkg-data">(.*?)</script>', page, re.S)
    assert blob, "the page data blob"
    assert NASTY in strings_in(json.loads(blob.group(1)))


def strings_in(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(strings_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(strings_in(v) for v in value)) if value else set()
    return set()


def test_csv_gives_the_label_back(exports):
    _, files = exports
    if "initiatives.csv" not in files:
        pytest.skip("initiatives.csv is not written by this build")
    rows = list(csv.reader(io.StringIO(files["initiatives.csv"].read_text(encoding="utf-8-sig"))))
    assert NASTY in {cell for row in rows for cell in row}


def test_graphml_gives_the_label_back(exports):
    import networkx as nx

    node, files = exports
    if "graph.graphml" not in files:
        pytest.skip("graph.graphml is not written by this build")
    g = nx.read_graphml(files["graph.graphml"])
    assert g.nodes[str(node)]["label"] == NASTY


def test_report_text_with_markup_and_quotes_round_trips_through_the_pipeline(tmp_path):
    """Words a report prints (here in its title and sentences) are never taken for syntax."""
    title = '某区司法局2023年法治政府建设年度报告"""<草案>&\\终稿"'
    body = SEED.read_text(encoding="utf-8").replace(",", ',"<b>&amp;\\</b>",', 1)  # in the opening sentence
    report = tmp_path / "nasty.txt"
    report.write_text(title + "\n" + body, encoding="utf-8")
    result = build([report])
    out = tmp_path / "out"
    write_exports(result, out, html=True)
    g = Graph()
    g.parse(out / "graph.ttl", format="turtle")
    rep = next(g.subjects(RDF.type, LGKG.Report))
    assert str(g.value(rep, RDFS.label)) == title
    assert str(g.value(rep, LGKG.text)) == title + "\n" + body, "the whole text, newlines included"
    original = {str(o) for o in result.graph.objects(None, LGKG.evidence)}
    assert {str(o) for o in g.objects(None, LGKG.evidence)} == original
    assert any('"<b>&amp;\\</b>"' in s for s in original)
    assert "<草案>" not in (out / "graph.html").read_text(encoding="utf-8")
