"""Map resolved entities to RDF: the one place where records become triples.

Which property takes which datatype is read from ``ontology/lgkg.ttl`` (``rdfs:range``),
so the vocabulary, not this code, decides how a value is typed.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from kg.extract.records import Evidence
from kg.graph.resolve import Entity, Ref, Resolved
from kg.vocab.ontology import ID, LGKG, OA, PREFIXES, area_iri, ontology_file


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


def iri(key: str) -> URIRef:
    return URIRef(str(ID) + key)


def literal(prop: str, value: object) -> Literal:
    rng = property_ranges().get(prop)
    if rng == XSD.boolean:
        return Literal(bool(value), datatype=XSD.boolean)
    if rng == XSD.integer:
        return Literal(int(value), datatype=XSD.integer)
    if rng == XSD.decimal:
        return Literal(Decimal(format(Decimal(str(value)).normalize(), "f")), datatype=XSD.decimal)
    return Literal(str(value))


def report_iri(key: str) -> URIRef:
    return iri(f"report/{key}")


def add_mention(g: Graph, node: URIRef, report_key: str, ev: Evidence) -> None:
    """The span-level provenance of one mention: report, character offsets, sentence."""
    m = iri(f"mention/{report_key}/{ev.start}-{ev.end}")
    sel = iri(f"mention/{report_key}/{ev.start}-{ev.end}/position")
    g.add((node, LGKG.mention, m))
    g.add((m, RDF.type, LGKG.Mention))
    g.add((m, OA.hasSource, report_iri(report_key)))
    g.add((m, OA.hasSelector, sel))
    g.add((m, LGKG.evidence, Literal(ev.sentence)))
    g.add((m, LGKG.section, Literal(ev.section)))
    if ev.rule:
        g.add((m, LGKG.rule, Literal(ev.rule)))
    g.add((sel, RDF.type, OA.TextPositionSelector))
    g.add((sel, OA.start, Literal(ev.start, datatype=XSD.nonNegativeInteger)))
    g.add((sel, OA.end, Literal(ev.end, datatype=XSD.nonNegativeInteger)))
    g.add((sel, OA.exact, Literal(ev.quote)))


def add_entity(g: Graph, ent: Entity) -> None:
    node = iri(ent.key)
    g.add((node, RDF.type, LGKG[ent.cls]))
    g.add((node, RDFS.label, Literal(ent.label)))
    if ent.cls in ("Indicator",):
        g.add((node, SKOS.prefLabel, Literal(ent.label, lang="zh")))
    for alt in sorted(ent.alt_labels - {ent.label}):
        g.add((node, SKOS.altLabel, Literal(alt)))
    for prop, values in sorted(ent.props.items()):
        for value in values:
            if isinstance(value, Ref):
                g.add((node, LGKG[prop], iri(value.key)))
            elif prop == "area":
                concept = area_iri(str(value))
                if concept:
                    g.add((node, LGKG.area, URIRef(concept)))
            elif prop == "evidence" and isinstance(value, Evidence):
                g.add((node, LGKG.evidence, Literal(value.sentence)))
            else:
                g.add((node, LGKG[prop], literal(prop, value)))
    for report_key in sorted({r for r, _ in ent.mentions}):
        g.add((node, LGKG.mentionedIn, report_iri(report_key)))
    for report_key, ev in sorted(ent.mentions, key=lambda m: (m[0], m[1].start, m[1].end)):
        add_mention(g, node, report_key, ev)


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


def to_graph(resolved: Resolved) -> Graph:
    """The whole knowledge graph: reports, entities, provenance, and the area scheme it points to."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.parse(ontology_file("areas.ttl"), format="turtle")
    for rep in resolved.reports:
        node = report_iri(rep.key)
        ex = rep.extraction
        g.add((node, RDF.type, LGKG.Report))
        title = real_title(ex.meta.title)
        g.add((node, RDFS.label, Literal(report_label(title, ex.meta.bureau, ex.meta.year, rep.source))))
        g.add((node, LGKG.sourceFile, Literal(rep.source)))
        if title:
            g.add((node, LGKG.title, Literal(title)))
        if ex.meta.year:
            g.add((node, LGKG.year, literal("year", ex.meta.year)))
        if rep.publisher:
            g.add((node, LGKG.publishedBy, iri(rep.publisher)))
        if rep.region:
            g.add((node, LGKG.aboutRegion, iri(rep.region)))
        g.add((node, LGKG.encoding, Literal(ex.encoding)))
        g.add((node, LGKG.contentHash, Literal(ex.sha256)))
        g.add((node, LGKG.text, Literal(ex.text)))
    for key in sorted(resolved.entities):
        ent = resolved.entities[key]
        add_entity(g, ent)
        if ent.cls == "Policy":
            for report_key in {r for r, _ in ent.mentions}:
                g.add((report_iri(report_key), LGKG.cites, iri(key)))
    return g
