"""The interactive graph page: vis-network (through pyvis) with search, filters and an evidence panel.

pyvis renders the page from our template in ``kg/vocab/data/page`` and inlines vis-network, so the
file opens from disk with no network at all. Everything read from a report travels in one JSON
blob inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and the
page script builds the side panel with ``textContent``: report text is never parsed as HTML.
Node and edge lists are filled directly (pyvis's ``add_node`` is quadratic).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.graph.store import StoreGraph
from kg.publish.view import (
    NodeFacts,
    area_label,
    drawn_classes,
    drawn_edges,
    label_of,
    node_facts,
    ontology_labels,
)
from kg.vocab.ontology import LGKG, OA

PAGE_DIR = Path(__file__).parent / "page"
#: where the template leaves room for the page data (filled after rendering, never parsed by Jinja)
DATA_SLOT = "@@LGKG_DATA@@"
#: a <script src=…> or <link href=…> pointing at the network; the page must contain none
REMOTE_TAG = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?(?:https?:)?//", re.I)
#: literal properties shown in the side panel, in this order (names from the ontology)
SHOWN_ATTRIBUTES = (
    "value",
    "unit",
    "changePercent",
    "approximate",
    "isTarget",
    "year",
    "status",
    "initiativeKind",
    "policyType",
    "adminCode",
    "adminLevel",
    "sourceFile",
    "title",
)
#: coded values shown in words (the code stays visible: researchers query by it)
VALUE_NAMES = {"done": "已完成（done）", "planned": "计划（planned）", "true": "是", "false": "否"}
#: evidence sentences kept per node (the panel says how many more there are)
MAX_MENTIONS = 40
#: vis-network settings measured to settle a few thousand nodes in seconds (FIELD-NOTES.md)
VIS_OPTIONS = {
    "autoResize": True,
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9ca3af", "highlight": "#111827", "hover": "#111827", "opacity": 0.6},
        "font": {"size": 11, "align": "top", "strokeWidth": 3},
        "smooth": False,
        "width": 0.8,
    },
    "interaction": {"hideEdgesOnDrag": True, "hover": True, "navigationButtons": False, "tooltipDelay": 120},
    "layout": {"improvedLayout": False, "randomSeed": 7},
    "nodes": {
        "borderWidth": 1,
        "font": {"size": 12, "strokeWidth": 3},
        "scaling": {"min": 8, "max": 36, "label": {"enabled": False}},
    },
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 80, "avoidOverlap": 0.2},
        "stabilization": {"enabled": True, "iterations": 200, "updateInterval": 25, "fit": True},
    },
}


def script_json(obj: object) -> str:
    """JSON safe inside a <script> element: no ``</script>``, no comment or entity openers survive."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


@dataclass(frozen=True, order=True)
class Hit:
    """One mention: the report, where in it, the sentence, the matched words and where they sit in it."""

    report: str
    offset: int
    sentence: str
    exact: str
    at: int  # index of ``exact`` in ``sentence``, -1 when unknown
    source: URIRef | None = field(compare=False, default=None)


def place_in_sentence(text: str, sentence: str, exact: str, offset: int) -> int:
    """Where the matched words sit in their sentence.

    Read from the report offsets when the report text is in the graph (the same figure can
    occur twice in one sentence), else the first occurrence.
    """
    if text and offset >= 0 and exact:
        begin = text.rfind(sentence, 0, offset + len(sentence))
        at = offset - begin
        if begin >= 0 and sentence[at : at + len(exact)] == exact:
            return at
    return sentence.find(exact) if exact else -1


class ReportTexts:
    """The texts of the reports read last, by report: a page or a comparison asks for
    thousands of mentions of the same reports, and a report's text may be hundreds of
    kilobytes, so each is read once while it is in use; memory holds at most ``size`` texts."""

    def __init__(self, graph: Graph, size: int = 64):
        self.graph = graph
        self.size = size
        self.texts: OrderedDict[URIRef, str] = OrderedDict()

    def __getitem__(self, report: URIRef) -> str:
        if report in self.texts:
            self.texts.move_to_end(report)
            return self.texts[report]
        text = str(self.graph.value(report, LGKG.text) or "")
        self.texts[report] = text
        if len(self.texts) > self.size:
            self.texts.popitem(last=False)
        return text


def mention_hits(graph: Graph, node: URIRef, texts: ReportTexts | None = None) -> list[Hit]:
    """Every mention of a node with its sentence and highlight, in report order."""
    texts = ReportTexts(graph) if texts is None else texts
    out = []
    for sentence, report, offset, exact in mentions_of(graph, node):
        text = texts[report] if report is not None else ""
        at = place_in_sentence(text, sentence, exact, offset)
        out.append(Hit(str(report or ""), offset, sentence, exact, at, report))
    return sorted(out)


#: a node's mentions with their sentence, report, start offset and exact words, in one query;
#: the node is bound as ?node by substitution, never pasted into the query text
MENTIONS_QUERY = f"""
SELECT ?node ?sentence ?report ?start ?exact WHERE {{
  ?node <{LGKG.mention}> ?m . ?m <{LGKG.evidence}> ?sentence .
  OPTIONAL {{ ?m <{OA.hasSource}> ?report }}
  OPTIONAL {{ ?m <{OA.hasSelector}> ?sel . OPTIONAL {{ ?sel <{OA.start}> ?start }} OPTIONAL {{ ?sel <{OA.exact}> ?exact }} }}
}}"""


def mentions_of(graph: Graph, node: URIRef) -> list[tuple[str, URIRef | None, int, str]]:
    """(sentence, report, start offset or -1, exact words) of each mention that has a sentence.
    In a store one SPARQL query reads them all: a hub's thousands of mentions were five
    store lookups and five rdflib conversions each."""
    if not isinstance(graph, StoreGraph):  # an rdflib Graph has a .store too: not a pyoxigraph one
        read = (_mention_read(graph, m) for m in graph.objects(node, LGKG.mention))
        return [mention for mention in read if mention is not None]
    out = []
    for row in graph.store.query(MENTIONS_QUERY, substitutions={ox.Variable("node"): ox.NamedNode(str(node))}):
        report, start, exact = row["report"], row["start"], row["exact"]
        out.append(
            (
                row["sentence"].value,
                URIRef(report.value) if report is not None else None,
                int(start.value) if start is not None else -1,
                exact.value if exact is not None else "",
            )
        )
    return out


def _mention_read(graph: Graph, mention) -> tuple[str, URIRef | None, int, str] | None:
    """One mention read through rdflib's API (a plain rdflib graph); None without a sentence."""
    sentence = graph.value(mention, LGKG.evidence)
    if sentence is None:
        return None
    report = graph.value(mention, OA.hasSource)
    selector = graph.value(mention, OA.hasSelector)
    start = graph.value(selector, OA.start) if selector is not None else None
    exact = graph.value(selector, OA.exact) if selector is not None else None
    offset = int(start.toPython()) if isinstance(start, Literal) else -1
    return str(sentence), report, offset, str(exact) if exact is not None else ""


class PageData:
    """The page's JSON: nodes, edges and shared tables (sentences, reports, regions, areas) by index."""

    def __init__(
        self,
        graph: Graph,
        keep: Iterable[URIRef] | None = None,
        facts: dict[URIRef, NodeFacts] | None = None,
    ):
        self.graph = graph
        facts = node_facts(graph) if facts is None else facts
        wanted = set(facts) if keep is None else set(keep) & set(facts)
        self.facts: dict[URIRef, NodeFacts] = {n: facts[n] for n in sorted(wanted)}
        self.index = {n: i for i, n in enumerate(self.facts)}
        self.sentences: dict[str, int] = {}
        self.report_texts = ReportTexts(graph)
        self.reports = self.table({r for f in self.facts.values() for r in f.reports})
        self.regions = self.table({r for f in self.facts.values() for r in f.regions})
        self.areas = self.table({a for f in self.facts.values() for a in f.areas})

    @staticmethod
    def table(items: set[URIRef]) -> dict[URIRef, int]:
        return {item: i for i, item in enumerate(sorted(items))}

    def sentence_id(self, text: str) -> int:
        return self.sentences.setdefault(text, len(self.sentences))

    def evidence(self, node: URIRef) -> tuple[list[list[int]], int]:
        """[report, sentence, hit start, hit end] per mention (hit -1 when the words are not found)."""
        rows, seen = [], set()
        hits = mention_hits(self.graph, node, self.report_texts)
        for hit in hits:
            key = (hit.source, hit.sentence, hit.at, hit.exact)
            if key in seen:
                continue
            seen.add(key)
            span = [hit.at, hit.at + len(hit.exact)] if hit.at >= 0 else [-1, -1]
            rows.append([self.reports.get(hit.source, -1), self.sentence_id(hit.sentence), *span])
        mentioned = {hit.sentence for hit in hits}
        for sentence in sorted(str(e) for e in self.graph.objects(node, LGKG.evidence)):
            if sentence not in mentioned:
                mentioned.add(sentence)
                rows.append([-1, self.sentence_id(sentence), -1, -1])
        return rows[:MAX_MENTIONS], max(0, len(rows) - MAX_MENTIONS)

    def attributes(self, node: URIRef) -> list[list[str]]:
        zh = ontology_labels()
        out = []
        for prop in SHOWN_ATTRIBUTES:
            for value in sorted(str(v) for v in self.graph.objects(node, LGKG[prop])):
                out.append([zh.get(prop, prop), VALUE_NAMES.get(value, value)])
        areas = sorted(area_label(self.graph, a) for a in self.graph.objects(node, LGKG.area))
        out += [[zh.get("area", "area"), a] for a in areas]
        return out

    def as_json(self) -> dict:
        classes = [name for name, _, _ in drawn_classes()]
        zh = ontology_labels()
        edges = drawn_edges(self.graph, self.facts)
        props = sorted({p for _, p, _ in edges})
        degree = Counter()
        for s, _, o in edges:
            degree[s] += 1
            degree[o] += 1
        nodes = []
        for node, f in self.facts.items():
            evidence, more = self.evidence(node)
            nodes.append(
                {
                    "iri": str(node),
                    "label": f.label,
                    "c": classes.index(f.cls),
                    "deg": degree[node],
                    "rep": [self.reports[r] for r in f.reports],
                    "reg": [self.regions[r] for r in f.regions],
                    "area": [self.areas[a] for a in f.areas],
                    "st": f.status or "",
                    "attrs": self.attributes(node),
                    "alt": sorted({str(v) for v in self.graph.objects(node, SKOS.altLabel)} - {f.label}),
                    "ev": evidence,
                    "more": more,
                }
            )
        counts = Counter(f.cls for f in self.facts.values())
        return {
            "classes": [
                {"name": name, "zh": zh.get(name, name), "colour": colour, "shape": shape, "n": counts[name]}
                for name, colour, shape in drawn_classes()
            ],
            "props": [zh.get(p, p) for p in props],
            "edges": [[self.index[s], self.index[o], props.index(p)] for s, p, o in edges],
            "nodes": nodes,
            "reports": [self.report_row(r) for r in self.reports],
            "regions": [self.region_name(r) for r in self.regions],
            "areas": [area_label(self.graph, a) for a in self.areas],
            "sentences": list(self.sentences),
        }

    def region_name(self, region: URIRef) -> str:
        """Label and code: two districts may share a name (河东区 exists in more than one city)."""
        codes = sorted(str(c) for c in self.graph.objects(region, LGKG.adminCode))
        label = label_of(self.graph, region)
        return f"{label}（{codes[0]}）" if codes else label

    def report_row(self, report: URIRef) -> dict:
        files = sorted(str(v) for v in self.graph.objects(report, LGKG.sourceFile))
        years = sorted(str(v) for v in self.graph.objects(report, LGKG.year))
        return {
            "label": label_of(self.graph, report),
            "file": files[0] if files else "",
            "year": years[0] if years else "",
        }


def pyvis_page(title: str) -> str:
    """Our template rendered by pyvis: it owns the vis options and inlines vis-network (no CDN).

    pyvis's own template always adds Bootstrap from a CDN and turns titles into innerHTML
    when one contains "href", so the page uses its own template in ``kg/vocab/data/page``.
    """
    import pyvis  # imported here: it costs a quarter second and only pages need it
    from jinja2 import ChoiceLoader, Environment, FileSystemLoader
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line", heading=html.escape(title))
    net.set_options(json.dumps(VIS_OPTIONS, sort_keys=True))
    pyvis_templates = Path(pyvis.__file__).parent / "templates"
    net.templateEnv = Environment(
        loader=ChoiceLoader([FileSystemLoader(PAGE_DIR), FileSystemLoader(pyvis_templates)])
    )
    net.path = "graph.html"
    return net.generate_html()


def graph_html(
    graph: Graph,
    keep: Iterable[URIRef] | None = None,
    title: str = "法治政府建设知识图谱",
    facts: dict[URIRef, NodeFacts] | None = None,
) -> str:
    """A self-contained page of the graph (or of the nodes in ``keep``): opens from disk, fetches
    nothing. ``facts`` are the graph's :func:`node_facts` when the caller has them already."""
    page = pyvis_page(title)
    head, slot, tail = page.partition(DATA_SLOT)
    if not slot:
        raise AssertionError("the page template has lost its data slot")
    page = head + script_json(PageData(graph, keep, facts).as_json()) + tail
    if REMOTE_TAG.search(page):
        raise AssertionError("the graph page would load something from the network")
    return page


#: the build's page draws at most this many things: vis-network stays responsive in a browser
#: up to a few thousand nodes; a bigger graph's page shows its most-mentioned part and says so
MAX_PAGE_NODES = 3000


def overview_html(graph: Graph, title: str = "法治政府建设知识图谱") -> str:
    """The page ``kg build`` writes: the whole graph, or for a big one the things mentioned by
    the most reports (regions, bodies, laws: the hubs researchers start from), with a heading
    that says it is a part and how to ask for another with ``kg view``."""
    facts = node_facts(graph)
    if len(facts) <= MAX_PAGE_NODES:
        return graph_html(graph, title=title, facts=facts)
    ranked = sorted(facts, key=lambda n: (-len(facts[n].reports), str(n)))[:MAX_PAGE_NODES]
    part = (
        f"{title} · 显示被最多报告提及的 {MAX_PAGE_NODES:,} 个节点 / 共 {len(facts):,} 个"
        " · the most-mentioned part; for another: kg view graph.ttl --region 地区 | --area 领域 |"
        " --report 报告 | --focus 名称 --out page.html"
    )
    return graph_html(graph, keep=ranked, title=part, facts=facts)
