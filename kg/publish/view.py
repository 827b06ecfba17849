"""Which part of the graph a page shows, and what each node belongs to.

The page's filters and the options of ``kg view`` ask the same questions of a node (which
region, governance area, report and status is it about?), so both read the answers from
:func:`node_facts`; a view is then just a set of node IRIs handed to the page builder.
Selection happens in Python over the graph, so no user value is ever spliced into SPARQL.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.vocab.lexicon import rows
from kg.vocab.ontology import LGKG, OA, ontology_file

#: properties that place a thing in a region directly (a Report is about its aboutRegion)
REGION_PROPS = (LGKG.inRegion, LGKG.jurisdiction, LGKG.aboutRegion)
#: provenance edges: every node of a report is two steps from every other through them,
#: so an ego network does not walk them (the reports are added back as context)
PROVENANCE_PROPS = (LGKG.mentionedIn, LGKG.mention)


@cache
def drawn_classes() -> tuple[tuple[str, str, str], ...]:
    """(class local name, colour, shape) of every class drawn as a node, in legend order."""
    return tuple((name, colour, shape) for name, colour, shape in rows("graph_classes.tsv"))


@cache
def ontology_labels() -> dict[str, str]:
    """lgkg local name -> Chinese rdfs:label, for classes and properties (names shown on the page)."""
    g = Graph()
    g.parse(ontology_file("lgkg.ttl"), format="turtle")
    out = {}
    for term, label in g.subject_objects(RDFS.label):
        if isinstance(label, Literal) and label.language == "zh" and str(term).startswith(str(LGKG)):
            out[local(term)] = str(label)
    return out


def local(term: URIRef) -> str:
    return str(term).split("#")[-1].split("/")[-1]


@dataclass(frozen=True)
class NodeFacts:
    """What the filters know about one drawn node; tuples are sorted, so pages are deterministic."""

    cls: str
    label: str
    reports: tuple[URIRef, ...]
    regions: tuple[URIRef, ...]  # direct or via its reports, plus every region these are part of
    areas: tuple[URIRef, ...]
    status: str | None  # "done", "planned" or None for things that have no status


def node_classes(graph: Graph) -> dict[URIRef, str]:
    """Every node of a drawn class -> its class; a node typed twice takes the first in legend order."""
    order = {name: i for i, (name, _, _) in enumerate(drawn_classes())}
    out: dict[URIRef, str] = {}
    for node, cls in graph.subject_objects(RDF.type):
        name = local(cls) if str(cls).startswith(str(LGKG)) else None
        if name not in order or not isinstance(node, URIRef):
            continue
        if node not in out or order[name] < order[out[node]]:
            out[node] = name
    return dict(sorted(out.items()))


def label_of(graph: Graph, node: URIRef) -> str:
    for prop in (RDFS.label, SKOS.prefLabel):
        values = sorted(str(v) for v in graph.objects(node, prop))
        if values:
            return values[0]
    return local(node)


def area_label(graph: Graph, area: URIRef) -> str:
    """The Chinese name of a governance area (the page and the options speak Chinese)."""
    zh = sorted(str(v) for v in graph.objects(area, SKOS.prefLabel) if getattr(v, "language", None) == "zh")
    return zh[0] if zh else label_of(graph, area)


def ancestors(graph: Graph, regions: Iterable[URIRef]) -> set[URIRef]:
    """The regions and everything they are part of (a city's things count for its province too)."""
    seen: set[URIRef] = set()
    todo = list(regions)
    while todo:
        region = todo.pop()
        if region in seen:
            continue
        seen.add(region)
        todo.extend(o for o in graph.objects(region, LGKG.partOf) if isinstance(o, URIRef))
    return seen


def reports_of(graph: Graph, node: URIRef, cls: str) -> set[URIRef]:
    if cls == "Report":
        return {node}
    found = {o for o in graph.objects(node, LGKG.mentionedIn) if isinstance(o, URIRef)}
    for mention in graph.objects(node, LGKG.mention):
        found.update(o for o in graph.objects(mention, OA.hasSource) if isinstance(o, URIRef))
    return found


def report_regions(graph: Graph, report: URIRef) -> set[URIRef]:
    """A report is about its aboutRegion, else the jurisdiction of the body that published it."""
    direct = {o for o in graph.objects(report, LGKG.aboutRegion) if isinstance(o, URIRef)}
    if direct:
        return direct
    return {
        o
        for agency in graph.objects(report, LGKG.publishedBy)
        for o in graph.objects(agency, LGKG.jurisdiction)
        if isinstance(o, URIRef)
    }


def status_of(graph: Graph, node: URIRef, cls: str) -> str | None:
    """done / planned: an initiative's lgkg:status, an outcome's isTarget (a target is planned)."""
    for value in sorted(str(v) for v in graph.objects(node, LGKG.status)):
        if value in ("done", "planned"):
            return value
    if cls == "Outcome":
        target = graph.value(node, LGKG.isTarget)
        if target is not None:
            return "planned" if target.toPython() is True else "done"
    return None


def node_facts(graph: Graph) -> dict[URIRef, NodeFacts]:
    """The facts of every drawn node, keyed by IRI in sorted order. A report's regions and a set
    of regions' ancestors are asked for by thousands of nodes alike: each is worked out once."""
    out = {}
    regions_of_report: dict[URIRef, set[URIRef]] = {}
    region_chains: dict[frozenset[URIRef], tuple[URIRef, ...]] = {}
    for node, cls in node_classes(graph).items():
        reports = reports_of(graph, node, cls)
        direct = {o for p in REGION_PROPS for o in graph.objects(node, p) if isinstance(o, URIRef)}
        if cls == "Region":
            direct.add(node)
        if not direct:
            for report in reports:
                if report not in regions_of_report:
                    regions_of_report[report] = report_regions(graph, report)
                direct |= regions_of_report[report]
        key = frozenset(direct)
        if key not in region_chains:
            region_chains[key] = tuple(sorted(ancestors(graph, direct)))
        out[node] = NodeFacts(
            cls=cls,
            label=label_of(graph, node),
            reports=tuple(sorted(reports)),
            regions=region_chains[key],
            areas=tuple(sorted(o for o in graph.objects(node, LGKG.area) if isinstance(o, URIRef))),
            status=status_of(graph, node, cls),
        )
    return out


def drawn_edges(graph: Graph, nodes: Iterable[URIRef]) -> list[tuple[URIRef, str, URIRef]]:
    """(subject, lgkg property local name, object) for every lgkg link between two drawn nodes."""
    keep = set(nodes)
    out = set()
    for s in keep:  # the drawn nodes' own triples, not the whole graph's (its report texts)
        for p, o in graph.predicate_objects(s):
            if o in keep and s != o and str(p).startswith(str(LGKG)) and p != LGKG.mention:
                out.add((s, local(p), o))
    return sorted(out)


# --- resolving what a user typed ---------------------------------------------------------


class UnknownValue(ValueError):
    """A view option names nothing in the graph; the message lists what would have matched."""


def _match(wanted: str, candidates: dict[URIRef, tuple[str, ...]], what: str) -> set[URIRef]:
    """Nodes any of whose names equals ``wanted``; failing that, names containing it."""
    exact = {node for node, names in candidates.items() if wanted in names}
    if exact:
        return exact
    partial = {node for node, names in candidates.items() if any(wanted in name for name in names)}
    if partial:
        return partial
    known = sorted({names[0] for names in candidates.values() if names})
    hint = "、".join(known[:30]) + ("…" if len(known) > 30 else "")
    raise UnknownValue(f"no {what} matches {wanted!r}; known: {hint or 'none'}")


def region_names(graph: Graph, facts: dict[URIRef, NodeFacts]) -> dict[URIRef, tuple[str, ...]]:
    regions = {r for f in facts.values() for r in f.regions}
    return {
        r: (label_of(graph, r), *sorted(str(c) for c in graph.objects(r, LGKG.adminCode)), str(r))
        for r in sorted(regions)
    }


def area_names(graph: Graph) -> dict[URIRef, tuple[str, ...]]:
    areas = sorted(a for a in graph.subjects(RDF.type, LGKG.GovernanceArea) if isinstance(a, URIRef))
    return {
        a: (area_label(graph, a), *sorted(str(v) for v in graph.objects(a, SKOS.prefLabel)), local(a), str(a))
        for a in areas
    }


def report_names(graph: Graph, facts: dict[URIRef, NodeFacts]) -> dict[URIRef, tuple[str, ...]]:
    reports = {r for f in facts.values() for r in f.reports}
    out = {}
    for r in sorted(reports):
        files = sorted(str(v) for v in graph.objects(r, LGKG.sourceFile))
        stems = [Path(f).stem for f in files]
        out[r] = (*files, *stems, label_of(graph, r), local(r), str(r))
    return out


def class_names() -> dict[str, tuple[str, ...]]:
    zh = ontology_labels()
    return {name: (name, name.lower(), zh.get(name, name)) for name, _, _ in drawn_classes()}


def resolve_classes(wanted: Iterable[str]) -> set[str]:
    names = class_names()
    out = set()
    for w in wanted:
        hits = {c for c, aliases in names.items() if w in aliases or w.lower() in aliases}
        if not hits:
            raise UnknownValue(f"no class {w!r}; known: {', '.join(names)}")
        out |= hits
    return out


# --- the selection ------------------------------------------------------------------------


def ego_network(graph: Graph, centres: set[URIRef], allowed: set[URIRef], depth: int) -> set[URIRef]:
    """Nodes within ``depth`` steps of a centre, walking links in both directions, provenance excepted."""
    neighbours: dict[URIRef, set[URIRef]] = {n: set() for n in allowed}
    for s, p, o in graph:
        if p in PROVENANCE_PROPS or s not in neighbours or o not in neighbours or s == o:
            continue
        if str(p).startswith(str(LGKG)):
            neighbours[s].add(o)
            neighbours[o].add(s)
    seen = set(centres)
    queue = deque((c, 0) for c in sorted(centres))
    while queue:
        node, dist = queue.popleft()
        if dist >= depth:
            continue
        for nxt in sorted(neighbours.get(node, ())):
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, dist + 1))
    return seen


def select(
    graph: Graph,
    *,
    regions: Iterable[str] = (),
    areas: Iterable[str] = (),
    classes: Iterable[str] = (),
    reports: Iterable[str] = (),
    focus: str | None = None,
    depth: int = 1,
) -> set[URIRef]:
    """The nodes a view shows: options of one kind are OR-ed, different kinds AND-ed.

    Unless classes are named, the reports the selected nodes were read from are kept too,
    so a smaller page still shows where everything came from.
    Raises :class:`UnknownValue` when an option matches nothing in the graph.
    """
    regions, areas, classes, reports = list(regions), list(areas), list(classes), list(reports)
    facts = node_facts(graph)
    keep = set(facts)
    if classes:
        wanted_classes = resolve_classes(classes)
        keep = {n for n in keep if facts[n].cls in wanted_classes}
    if regions:
        names = region_names(graph, facts)
        wanted = set().union(*(_match(r, names, "region") for r in regions))
        keep = {n for n in keep if wanted & set(facts[n].regions)}
    if areas:
        names = area_names(graph)
        wanted = set().union(*(_match(a, names, "governance area") for a in areas))
        keep = {n for n in keep if wanted & set(facts[n].areas)}
    if reports:
        names = report_names(graph, facts)
        wanted = set().union(*(_match(r, names, "report") for r in reports))
        keep = {n for n in keep if wanted & set(facts[n].reports)}
    if focus is not None:
        labels = {n: (facts[n].label,) for n in keep}
        centres = _match(focus, labels, "node in this selection")
        keep = ego_network(graph, centres, keep, max(depth, 0))
    if not classes:
        keep |= {r for n in keep for r in facts[n].reports if r in facts}
    return keep


def load_graph(path: Path) -> Graph:
    """A graph file (any RDF syntax rdflib knows by its suffix), or a build folder's graph.ttl."""
    from rdflib.util import guess_format

    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise FileNotFoundError(f"no graph at {path}")
    return Graph().parse(path, format=guess_format(str(path)) or "turtle")


def view_title(**options: object) -> str:
    """The page heading names the selection, so a saved page says what it shows."""
    names = {"region": "地区", "area": "领域", "cls": "类别", "report": "报告", "focus": "中心"}
    parts = []
    for key, zh in names.items():
        value = options.get(key)
        values = [value] if isinstance(value, str) else list(value or [])
        if values:
            parts.append(f"{zh}：{'、'.join(str(v) for v in values)}")
    if options.get("focus") is not None:
        parts.append(f"{options.get('depth', 1)} 步")
    return "法治政府建设知识图谱" + (f"（{'；'.join(parts)}）" if parts else "")
