"""Map resolved entities to RDF: the one place where records become triples.

Which property takes which datatype is read from ``ontology/lgkg.ttl`` (``rdfs:range``),
so the vocabulary, not this code, decides how a value is typed. Triples are made as
pyoxigraph quads of the default graph and go straight into the build's store
(kg/graph/store.py): no rdflib object, and no second pyoxigraph object, is made per triple.

A build maps each report as soon as it is resolved (:func:`graph_of`): its own triples go
into the store in batches and are forgotten, and the things several reports name are
written once, at the end, with the names and properties all reports gave them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Graph, URIRef
from rdflib.namespace import OWL, SKOS

from kg.extract.records import Evidence, Extraction
from kg.graph.resolve import Entity, Ref, ReportPart, Resolved, Resolver
from kg.graph.store import StoreGraph
from kg.text.normalize import to_simplified
from kg.vocab.ontology import ID, LGKG, OA, area_iri, ontology_file


@lru_cache(maxsize=1)
def property_ranges() -> dict[str, URIRef]:
    """lgkg property local name -> rdfs:range, for datatype properties."""
    g = Graph()
    g.parse(ontology_file("lgkg.ttl"), format="turtle")
    out = {}
    for prop in g.subjects(RDF.type, OWL.DatatypeProperty):
        rng = g.value(prop, RDFS.range)
        if rng is not None:
            out[str(prop).split("#")[-1]] = rng
    return out


@cache
def term(iri: str) -> ox.NamedNode:
    """A vocabulary IRI as a pyoxigraph node (made once: classes and properties repeat)."""
    return ox.NamedNode(iri)


@cache
def lgkg(name: str) -> ox.NamedNode:
    """An lgkg class or property as a pyoxigraph node (made once per name)."""
    return term(str(LGKG[name]))


A = term(str(RDF.type))
LABEL = term(str(RDFS.label))
ALT_LABEL = term(str(SKOS.altLabel))
PREF_LABEL = term(str(SKOS.prefLabel))
XSD_BOOLEAN, XSD_INTEGER, XSD_DECIMAL = term(str(XSD.boolean)), term(str(XSD.integer)), term(str(XSD.decimal))
XSD_NON_NEGATIVE = term(str(XSD.nonNegativeInteger))
HAS_SOURCE, HAS_SELECTOR = term(str(OA.hasSource)), term(str(OA.hasSelector))
START, END, EXACT = term(str(OA.start)), term(str(OA.end)), term(str(OA.exact))
TEXT_POSITION_SELECTOR = term(str(OA.TextPositionSelector))


def iri(key: str) -> ox.NamedNode:
    return ox.NamedNode(str(ID) + key)


def decimal_lexical(value: object) -> str:
    """A number as xsd:decimal writes it: plain digits, no exponent, no trailing zeros."""
    return format(Decimal(str(value)).normalize(), "f")


def literal(prop: str, value: object) -> ox.Literal:
    rng = property_ranges().get(prop)
    if rng == XSD.boolean:
        return ox.Literal("true" if value else "false", datatype=XSD_BOOLEAN)
    if rng == XSD.integer:
        return ox.Literal(str(int(value)), datatype=XSD_INTEGER)
    if rng == XSD.decimal:
        return ox.Literal(decimal_lexical(value), datatype=XSD_DECIMAL)
    return ox.Literal(str(value))


def report_iri(key: str) -> ox.NamedNode:
    return iri(f"report/{key}")


def mention_triples(node: ox.NamedNode, report_key: str, ev: Evidence) -> Iterator[ox.Quad]:
    """The span-level provenance of one mention: report, character offsets, sentence."""
    m = iri(f"mention/{report_key}/{ev.start}-{ev.end}")
    sel = iri(f"mention/{report_key}/{ev.start}-{ev.end}/position")
    yield ox.Quad(node, lgkg("mention"), m)
    yield ox.Quad(m, A, lgkg("Mention"))
    yield ox.Quad(m, HAS_SOURCE, report_iri(report_key))
    yield ox.Quad(m, HAS_SELECTOR, sel)
    yield ox.Quad(m, lgkg("evidence"), ox.Literal(ev.sentence))
    yield ox.Quad(m, lgkg("section"), ox.Literal(ev.section))
    if ev.rule:
        yield ox.Quad(m, lgkg("rule"), ox.Literal(ev.rule))
    yield ox.Quad(sel, A, TEXT_POSITION_SELECTOR)
    yield ox.Quad(sel, START, ox.Literal(str(ev.start), datatype=XSD_NON_NEGATIVE))
    yield ox.Quad(sel, END, ox.Literal(str(ev.end), datatype=XSD_NON_NEGATIVE))
    yield ox.Quad(sel, EXACT, ox.Literal(ev.quote))


def labels(node: ox.NamedNode, label: str, alt_labels: set[str], pref: bool) -> Iterator[ox.Quad]:
    """The label, the other names, and for a label in traditional characters its simplified
    form as skos:altLabel (researchers and their queries mostly spell names simplified)."""
    yield ox.Quad(node, LABEL, ox.Literal(label))
    if pref:
        yield ox.Quad(node, PREF_LABEL, ox.Literal(label, language="zh"))
    names = set(alt_labels) - {label}
    simplified = to_simplified(label)
    if simplified != label:
        names.add(simplified)
    for alt in sorted(names):
        yield ox.Quad(node, ALT_LABEL, ox.Literal(alt))


def entity_triples(ent: Entity) -> Iterator[ox.Quad]:
    """What a thing is: its class, names and properties (its mentions are the reports' part)."""
    node = iri(ent.key)
    yield ox.Quad(node, A, lgkg(ent.cls))
    yield from labels(node, ent.label, ent.alt_labels, pref=ent.cls == "Indicator")
    for prop, values in sorted(ent.props.items()):
        for value in values:
            if isinstance(value, Ref):
                yield ox.Quad(node, lgkg(prop), iri(value.key))
            elif prop == "area":
                concept = area_iri(str(value))
                if concept:
                    yield ox.Quad(node, lgkg("area"), term(concept))
            elif prop == "evidence" and isinstance(value, Evidence):
                yield ox.Quad(node, lgkg("evidence"), ox.Literal(value.sentence))
            else:
                yield ox.Quad(node, lgkg(prop), literal(prop, value))


TITLE_WORDS = ("报告", "总结", "情况")


def real_title(line: str | None) -> str | None:
    """The first line when it reads as a title (short, no sentence punctuation, names a report);
    many reports open straight with their first sentence instead."""
    if not line or len(line) > 80 or any(p in line for p in "，,。；;"):
        return None
    return line if any(w in line for w in TITLE_WORDS) else None


def report_label(title: str | None, bureau: str | None, year: int | None, source: str) -> str:
    """What a person calls the report: its title, else bureau and year, else the file name."""
    if title:
        return title
    if bureau or year:
        return f"{bureau or ''}{f'{year}年' if year else ''}法治政府建设年度报告（{source}）"
    return source


def report_triples(rep) -> Iterator[ox.Quad]:
    node = report_iri(rep.key)
    ex = rep.extraction
    title = real_title(ex.meta.title)
    yield ox.Quad(node, A, lgkg("Report"))
    yield from labels(node, report_label(title, ex.meta.bureau, ex.meta.year, rep.source), set(), pref=False)
    yield ox.Quad(node, lgkg("sourceFile"), ox.Literal(rep.source))
    if title:
        yield ox.Quad(node, lgkg("title"), ox.Literal(title))
    if ex.meta.year:
        yield ox.Quad(node, lgkg("year"), literal("year", ex.meta.year))
    if rep.publisher:
        yield ox.Quad(node, lgkg("publishedBy"), iri(rep.publisher))
    if rep.region:
        yield ox.Quad(node, lgkg("aboutRegion"), iri(rep.region))
    yield ox.Quad(node, lgkg("encoding"), ox.Literal(ex.encoding))
    yield ox.Quad(node, lgkg("contentHash"), ox.Literal(ex.sha256))
    yield ox.Quad(node, lgkg("text"), ox.Literal(ex.text))


def part_triples(part: ReportPart) -> Iterator[ox.Quad]:
    """Everything one report adds that no later report changes: the report, the things only
    it names, each of its mentions, the evidence sentences and the laws it cites."""
    rkey = part.report.key
    yield from report_triples(part.report)
    for ent in part.local:
        yield from entity_triples(ent)
    for key in sorted({key for key, _ in part.mentions}):
        yield ox.Quad(iri(key), lgkg("mentionedIn"), report_iri(rkey))
    for key, ev in sorted(part.mentions, key=lambda m: (m[0], m[1].start, m[1].end)):
        yield from mention_triples(iri(key), rkey, ev)
    for key, ev in part.evidence:
        yield ox.Quad(iri(key), lgkg("evidence"), ox.Literal(ev.sentence))
    for key in part.cites:
        yield ox.Quad(report_iri(rkey), lgkg("cites"), iri(key))


def shared_triples(entities: dict[str, Entity]) -> Iterator[ox.Quad]:
    for key in sorted(entities):
        yield from entity_triples(entities[key])


def graph_triples(resolved: Resolved) -> Iterator[ox.Quad]:
    """Every triple of the graph but the area scheme's: reports, entities, provenance."""
    for part in resolved.parts:
        yield from part_triples(part)
    yield from shared_triples(resolved.entities)


#: triples handed to the store at a time: an on-disk store's bulk loader holds a whole call
#: in memory, so one call for the whole graph would hold the whole graph
BATCH = 50_000


def fill(graph: StoreGraph, triples: Iterable[ox.Quad]) -> None:
    """Add the triples to the store in batches of :data:`BATCH`."""
    it = iter(triples)
    while batch := list(itertools.islice(it, BATCH)):
        graph.store.bulk_extend(batch)


def new_graph(on_disk: bool = False) -> StoreGraph:
    """An empty graph holding the area scheme its things point to, in memory or on disk."""
    graph = StoreGraph.on_disk() if on_disk else StoreGraph()
    graph.store.load(path=str(ontology_file("areas.ttl")), format=ox.RdfFormat.TURTLE)
    return graph


def graph_of(extractions: Iterable[Extraction], on_disk: bool = False) -> StoreGraph:
    """The knowledge graph of the reports, made as they stream through: each report is
    resolved, mapped and forgotten before the next is read (only the things several reports
    name wait for the end). In memory, or on disk for a corpus too big for memory."""
    resolver = Resolver()
    triples = (quad for ex in extractions for quad in part_triples(resolver.part(ex)))
    # the store is made once the first report is in: by then the extraction's worker
    # processes are forked, and a process must not fork while a RocksDB store is open
    first = list(itertools.islice(triples, 1))
    graph = new_graph(on_disk)
    fill(graph, itertools.chain(first, triples))
    fill(graph, shared_triples(resolver.shared()))
    graph.flush()
    return graph


def to_graph(resolved: Resolved) -> StoreGraph:
    """The whole knowledge graph of a corpus resolved at once (:func:`kg.graph.resolve.resolve`)."""
    graph = new_graph()
    fill(graph, graph_triples(resolved))
    return graph
