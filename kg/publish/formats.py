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
from collections.abc import Callable, Iterator
from functools import cached_property

from rdflib import RDF, RDFS, XSD, Dataset, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.vocab.ontology import LGKG, OA, ONTOLOGY_DIR, PREFIXES

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


class Snapshot:
    """The graph converted once into pyoxigraph terms, in a fixed order, for every writer.

    rdflib takes tens of seconds to write Turtle for a corpus-sized graph; pyoxigraph
    writes the same triples in well under one. Converting costs one pass over the graph,
    so it is done once here (each term converted once) and shared by Turtle, N-Triples,
    N-Quads, TriG and the CSV tables, instead of once per file.
    """

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        #: rdflib term -> (pyoxigraph term, its N-Triples form: the sort key)
        self._terms: dict[Node, tuple[object, str]] = {}

    def term(self, node: Node) -> tuple[object, str]:
        found = self._terms.get(node)
        if found is None:
            from kg.sparql.engines import to_oxigraph

            converted = to_oxigraph(node)
            found = self._terms[node] = (converted, str(converted))
        return found

    @cached_property
    def triple_keys(self) -> list[tuple[tuple[object, str], ...]]:
        """Every triple as its three converted terms, sorted by their N-Triples forms.

        Only references to the shared terms are held, never a pyoxigraph Triple per triple
        (each of those copies its terms): the writers get the triples from a generator.
        """
        term = self.term
        keys = [(term(s), term(p), term(o)) for s, p, o in self.graph]
        keys.sort(key=lambda t: (t[0][1], t[1][1], t[2][1]))
        return keys

    def triples(self) -> Iterator:
        """The triples as pyoxigraph Triples, in :attr:`triple_keys` order, made as they are read."""
        import pyoxigraph as ox

        return (ox.Triple(s[0], p[0], o[0]) for s, p, o in self.triple_keys)

    @cached_property
    def quad_keys(self) -> list[tuple[tuple[object, str], ...]]:
        """Every quad as its converted graph, subject, predicate and object: default graph first,
        then by report, subject, ….

        The writers of triples are done by the time the quads are asked for (see
        :func:`format_texts`), so the triples and their store are let go first: only one of
        the two is held at a time.
        """
        import pyoxigraph as ox

        self.__dict__.pop("triple_keys", None)
        self.__dict__.pop("store", None)
        term = self.term
        default = (ox.DefaultGraph(), "")
        keys = [
            (default if g is None else term(g), term(s), term(p), term(o)) for s, p, o, g in quads(self.graph)
        ]
        keys.sort(key=lambda q: (q[0][1], q[1][1], q[2][1], q[3][1]))
        return keys

    def quads(self) -> Iterator:
        import pyoxigraph as ox

        return (ox.Quad(s[0], p[0], o[0], g[0]) for g, s, p, o in self.quad_keys)

    def release(self) -> None:
        """Let go of every conversion (the writers that need them are done)."""
        for name in ("triple_keys", "quad_keys", "store"):
            self.__dict__.pop(name, None)
        self._terms.clear()

    @cached_property
    def store(self):
        """An in-memory pyoxigraph store of the triples (the CSV tables query it)."""
        import pyoxigraph as ox

        store = ox.Store()
        store.bulk_extend(
            ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in self.triples()
        )
        return store


def snapshot(graph: Graph | Snapshot) -> Snapshot:
    return graph if isinstance(graph, Snapshot) else Snapshot(graph)


def writer_prefixes() -> dict[str, str]:
    """Prefixes of the Turtle and TriG files (id/ IRIs stay whole: their Chinese local names
    with slashes are not valid prefixed names)."""
    prefixes = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items()) if prefix != "id"}
    prefixes |= {
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
        "area": "https://w3id.org/lgkg/id/area/",
    }
    return dict(sorted(prefixes.items()))


def sorted_lines(text: str) -> str:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return "\n".join(lines) + "\n" if lines else ""


def prefix_lines_sorted(text: str) -> list[str]:
    """The lines of a pyoxigraph Turtle or TriG text, its prefix lines (which come first, in no
    promised order) sorted, so the same graph gives the same bytes."""
    lines = text.splitlines()
    n_prefixes = sum(1 for line in lines if line.startswith("@prefix"))
    return sorted(lines[:n_prefixes]) + lines[n_prefixes:]


def tidy_turtle(text: str) -> str:
    """Prefix lines sorted, and a blank line before each subject's block, as people write Turtle.

    pyoxigraph does not promise an order of prefix lines (they come first), so they are sorted; it
    escapes line breaks inside literals, so every other line that does not start with a
    tab opens a new subject.
    """
    out: list[str] = []
    for line in prefix_lines_sorted(text):
        if out and not line.startswith(("\t", "@prefix")):
            out.append("")
        out.append(line)
    return "\n".join(out) + "\n"


def turtle(graph: Graph | Snapshot) -> str:
    """Turtle with prefixes, subjects in IRI order, byte-identical for the same graph."""
    import pyoxigraph as ox

    text = ox.serialize(snapshot(graph).triples(), format=ox.RdfFormat.TURTLE, prefixes=writer_prefixes())
    return tidy_turtle(text.decode("utf-8"))


def ntriples(graph: Graph | Snapshot) -> str:
    """N-Triples, one triple a line, lines sorted.

    The triples go in sorted by their N-Triples forms, which sorts the lines too (a space
    follows each term and sorts below every character that can continue one).
    """
    import pyoxigraph as ox

    return ox.serialize(snapshot(graph).triples(), format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def nquads(graph: Graph | Snapshot) -> str:
    import pyoxigraph as ox

    return sorted_lines(ox.serialize(snapshot(graph).quads(), format=ox.RdfFormat.N_QUADS).decode("utf-8"))


def trig(graph: Graph | Snapshot) -> str:
    """TriG with prefixes, the default graph first, then each report's graph in IRI order.

    pyoxigraph writes it (rdflib takes seconds and does not promise an order of graphs);
    the quads go in sorted and the prefix lines are sorted, so the bytes are the same for the
    same graph.
    """
    import pyoxigraph as ox

    text = ox.serialize(snapshot(graph).quads(), format=ox.RdfFormat.TRIG, prefixes=writer_prefixes())
    return "\n".join(prefix_lines_sorted(text.decode("utf-8"))) + "\n"


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


def table_csv(graph: Graph | Snapshot, question: str, columns: list[str]) -> str:
    """A canned question's rows as CSV with a BOM (Excel then shows the Chinese), rows sorted."""
    from kg.sparql.query import run
    from kg.sparql.results import plain

    result = run(snapshot(graph).store, question)  # same rows as rdflib (tested), 10x sooner
    index = [result.vars.index(c) for c in columns]
    rows = sorted({tuple(plain(row[i]) for i in index) for row in result.rows})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(columns)
    w.writerows(rows)
    return "\ufeff" + buf.getvalue()


def outcomes_csv(graph: Graph | Snapshot) -> str:
    return table_csv(graph, "outcomes", OUTCOME_COLUMNS)


def initiatives_csv(graph: Graph | Snapshot) -> str:
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


def format_texts(graph: Graph, view: Snapshot | None = None) -> dict[str, Callable[[], str]]:
    """Every format of a build but the graph page: file name -> the function that renders it
    (kg/publish/export.py writes them; this module only renders). The renderers share one
    :class:`Snapshot` (``view``, made here when not given), so the graph is converted for
    pyoxigraph once."""
    view = view or Snapshot(graph)
    return {
        "graph.ttl": lambda: turtle(view),
        "graph.nt": lambda: ntriples(view),
        "outcomes.csv": lambda: outcomes_csv(view),
        "initiatives.csv": lambda: initiatives_csv(view),
        "graph.nq": lambda: nquads(view),
        "graph.trig": lambda: trig(view),
        "graph.jsonld": lambda: jsonld(graph),
        "graph.graphml": lambda: graphml(graph),
    }
