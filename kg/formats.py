"""The same graph in the formats other tools read: named graphs per report, JSON-LD, tables, Gephi.

Every writer here is byte-deterministic (sorted lines, sorted nodes, ordered rows), so a
rebuild of the same reports gives the same files, and each output can be parsed back
into the graph it came from (tests check the round trip).

Named graphs: a triple goes in the graph of every report that mentions its subject (its
``lgkg:mention`` and ``lgkg:mentionedIn`` links only in the graph of that one report), so
``GRAPH ?report { … }`` tells which report a fact came from. Things no report mentions
(the area scheme, parent regions) stay in the default graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable

from rdflib import RDF, RDFS, XSD, Dataset, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.ontology import LGKG, OA, ONTOLOGY_DIR, PREFIXES

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
#: where the context is published; graph.jsonld embeds it so that it reads offline
CONTEXT_URL = "https://w3id.org/lgkg/context.jsonld"

#: columns of the two tables researchers open first, as the canned questions name them
OUTCOME_COLUMNS = [
    "report", "region", "year", "agency", "indicator", "area", "value", "unit",
    "approximate", "change", "target", "text", "evidence",
]  # fmt: skip
INITIATIVE_COLUMNS = ["report", "region", "agency", "initiative", "kind", "status", "area", "evidence"]

#: links that belong to one report's graph only, by the report they point at
PER_REPORT_LINKS = {LGKG.mention, LGKG.mentionedIn}
#: not part of the entity network drawn for Gephi
NOT_NETWORK = {LGKG.Mention, OA.TextPositionSelector}


# -- named graphs ----------------------------------------------------------------------------


def report_graphs(graph: Graph) -> dict[URIRef, set[URIRef]]:
    """node -> the reports whose graph its triples belong to."""
    home: dict[URIRef, set[URIRef]] = defaultdict(set)
    for report in graph.subjects(RDF.type, LGKG.Report):
        home[report].add(report)
    for mention, report in graph.subject_objects(OA.hasSource):
        home[mention].add(report)
        for selector in graph.objects(mention, OA.hasSelector):
            home[selector].add(report)
    for node, report in graph.subject_objects(LGKG.mentionedIn):
        home[node].add(report)
    return home


def quads(graph: Graph) -> list[tuple[Node, Node, Node, URIRef | None]]:
    """Every triple with the graph it belongs in (a report's IRI, or None for the default graph)."""
    home = report_graphs(graph)
    mention_home = {m: min(home[m]) for m in graph.subjects(RDF.type, LGKG.Mention) if home.get(m)}
    out: list[tuple[Node, Node, Node, URIRef | None]] = []
    for s, p, o in graph:
        if p == LGKG.mentionedIn:
            targets = {o}
        elif p == LGKG.mention and o in mention_home:
            targets = {mention_home[o]}
        else:
            targets = home.get(s, set())
        if not targets:
            out.append((s, p, o, None))
        out.extend((s, p, o, report) for report in targets)
    return out


def to_dataset(graph: Graph) -> Dataset:
    """The graph as an rdflib Dataset with one named graph per report (for Python users)."""
    ds = Dataset()
    for s, p, o, g in quads(graph):
        if g is None:
            ds.add((s, p, o))
        else:
            ds.graph(g).add((s, p, o))
    return ds


def oxigraph_quads(graph: Graph) -> list:
    """The quads as pyoxigraph Quads in a fixed order: default graph first, then by report, subject, …."""
    import pyoxigraph as ox

    from kg.query import to_oxigraph

    def key(q):
        s, p, o, g = q
        return ("" if g is None else str(g), str(s), str(p), o.n3())

    return [
        ox.Quad(
            to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph() if g is None else to_oxigraph(g)
        )
        for s, p, o, g in sorted(quads(graph), key=key)
    ]


def sorted_lines(text: str) -> str:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def ntriples(graph: Graph) -> str:
    """N-Triples, one triple a line, lines sorted (rdflib writes them in hash order)."""
    import pyoxigraph as ox

    from kg.query import to_oxigraph

    triples = (ox.Triple(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o)) for s, p, o in graph)
    return sorted_lines(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"))


def nquads(graph: Graph) -> str:
    import pyoxigraph as ox

    return sorted_lines(ox.serialize(oxigraph_quads(graph), format=ox.RdfFormat.N_QUADS).decode("utf-8"))


def trig(graph: Graph) -> str:
    """TriG with prefixes, the default graph first, then each report's graph in IRI order.

    pyoxigraph writes it (rdflib takes seconds and does not promise an order of graphs);
    the quads go in sorted, so the bytes are the same for the same graph.
    """
    import pyoxigraph as ox

    prefixes = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items()) if prefix != "id"}
    prefixes |= {
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
        "area": "https://w3id.org/lgkg/id/area/",
    }
    return ox.serialize(oxigraph_quads(graph), format=ox.RdfFormat.TRIG, prefixes=prefixes).decode("utf-8")


# -- JSON-LD -------------------------------------------------------------------------------------


def context() -> dict:
    """The published JSON-LD context (ontology/context.jsonld)."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def canonical_json(value):
    """Sort every list and key so that the same graph gives the same bytes."""
    if isinstance(value, dict):
        return {k: canonical_json(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        items = [canonical_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def jsonld(graph: Graph) -> str:
    """JSON-LD compacted with the lgkg context, the context embedded so the file reads offline."""
    ctx = context()
    text = graph.serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = json.loads(text)
    nodes = doc.get("@graph", [doc] if "@id" in doc else [])
    for node in nodes:
        node.pop("@context", None)
    nodes = sorted((canonical_json(n) for n in nodes), key=lambda n: str(n.get("@id", "")))
    return json.dumps({"@context": ctx, "@graph": nodes}, ensure_ascii=False, indent=1) + "\n"


# -- tables --------------------------------------------------------------------------------------


def table_csv(graph: Graph, question: str, columns: list[str]) -> str:
    """A canned question's rows as CSV with a BOM (Excel then shows the Chinese), rows sorted."""
    from kg.query import plain, run

    result = run(graph, question, engine="oxigraph")  # same rows as rdflib (tested), 10x sooner
    index = [result.vars.index(c) for c in columns]
    rows = sorted({tuple(plain(row[i]) for i in index) for row in result.rows})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()


def outcomes_csv(graph: Graph) -> str:
    return table_csv(graph, "outcomes", OUTCOME_COLUMNS)


def initiatives_csv(graph: Graph) -> str:
    return table_csv(graph, "initiatives", INITIATIVE_COLUMNS)


# -- Gephi ---------------------------------------------------------------------------------------

XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def local_name(iri: URIRef) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def node_label(graph: Graph, node: URIRef) -> str:
    labels = sorted(str(v) for v in graph.objects(node, RDFS.label))
    if not labels:
        labels = sorted(
            str(v) for v in graph.objects(node, SKOS.prefLabel) if getattr(v, "language", None) == "zh"
        )
    return XML_UNSAFE.sub("", labels[0]) if labels else local_name(node)


def network(graph: Graph):
    """The entities and their relations as a networkx MultiDiGraph (no mentions, no literals)."""
    import networkx as nx

    types: dict[URIRef, str] = {}
    for node, cls in graph.subject_objects(RDF.type):
        if isinstance(node, URIRef) and cls not in NOT_NETWORK and str(cls).startswith(str(LGKG)):
            types[node] = min(types.get(node, local_name(cls)), local_name(cls))
    g = nx.MultiDiGraph()
    for node in sorted(types):
        g.add_node(str(node), label=node_label(graph, node), type=types[node])
    edges = sorted(
        (str(s), str(o), local_name(p))
        for s, p, o in graph
        if s in types and isinstance(o, URIRef) and o in types and p != RDF.type
    )
    for s, o, rel in edges:
        g.add_edge(s, o, key=rel, relation=rel)
    return g


def graphml(graph: Graph) -> str:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(network(graph), buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")


# -- all of them ---------------------------------------------------------------------------------


def format_texts(graph: Graph) -> dict[str, Callable[[], str]]:
    """Every extra format of a build: file name -> the function that renders it (kg/export.py
    writes them; this module only renders, so it needs nothing from the writer)."""
    return {
        "graph.nt": lambda: ntriples(graph),
        "graph.nq": lambda: nquads(graph),
        "graph.trig": lambda: trig(graph),
        "graph.jsonld": lambda: jsonld(graph),
        "outcomes.csv": lambda: outcomes_csv(graph),
        "initiatives.csv": lambda: initiatives_csv(graph),
        "graph.graphml": lambda: graphml(graph),
    }
