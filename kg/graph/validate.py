"""SHACL validation of a built graph against ``ontology/shapes.ttl``, in batches of subjects.

pyshacl validates an rdflib graph, and a corpus-sized graph in rdflib is the memory the
build no longer spends. Every shape of ``shapes.ttl`` speaks of one focus node: its own
triples, and the class of the nodes it points to (``sh:class``). So the graph is validated
a batch of subjects at a time, twice: against the shapes without their ``sh:class``
constraints on the batch's own triples, and against only the ``sh:class`` constraints
with the classes of the nodes the batch points to added. A node pointed at is then never
judged on the few triples it brings along (``sh:class`` alone asks nothing of a node with
no values), and the two runs together find what one run over the whole graph would, in
memory that does not grow with the graph.

pyshacl is the judge, but a slow one (about 60 µs a triple). So SPARQL in the store first
picks the focus nodes that may break a shape (:func:`suspects`: every constraint of
``shapes.ttl`` as a query, erring on the side of suspicion), and pyshacl validates only
those; a graph that conforms costs a few queries. Should the shapes use a constraint the
queries do not know, every node is a suspect and pyshacl sees the whole graph as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.graph.store import StoreGraph, prefixed_graph, to_oxigraph, to_rdflib
from kg.vocab.ontology import ontology_file

#: triples validated at once: pyshacl's cost per call is small, its memory grows with the batch
BATCH_TRIPLES = 50_000
A = ox.NamedNode(str(RDF.type))


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(ontology_file("shapes.ttl"), format="turtle")


@lru_cache(maxsize=1)
def split_shapes() -> tuple[Graph, Graph]:
    """``shapes.ttl`` as (every constraint but ``sh:class``, only the ``sh:class`` constraints)."""
    shapes = shapes_graph()
    own, classes = Graph(), Graph()
    for prefix, namespace in shapes.namespaces():  # pyshacl's messages name paths by them
        own.bind(prefix, namespace)
        classes.bind(prefix, namespace)
    property_shapes = set(shapes.objects(None, SH.property))
    for s, p, o in shapes:
        if s not in property_shapes or p == SH.path:
            own.add((s, p, o))
            classes.add((s, p, o))
        elif p == SH["class"]:
            classes.add((s, p, o))
        else:
            own.add((s, p, o))
    return own, classes


def violations(graph: Graph | StoreGraph, batch_triples: int = BATCH_TRIPLES) -> list[str]:
    """One line per violation: the focus node, the path and pyshacl's message. Empty when it conforms."""
    graph = StoreGraph.of(graph)
    own_shapes, class_shapes = split_shapes()
    own_paths, class_paths = (
        {ox.NamedNode(str(p)) for p in shapes.objects(None, SH.path)} | {A}
        for shapes in (own_shapes, class_shapes)
    )
    paths = own_paths | class_paths
    suspected = suspects(graph, shapes_graph())
    groups = graph.by_subject() if suspected is None else own_triples(graph, suspected)
    out: set[str] = set()
    for subjects, triples in batches(groups, batch_triples):
        constrained = [t for t in triples if t.predicate in paths]  # the rest no shape reads
        data = rdflib_graph(constrained)
        out |= batch_violations(data, own_shapes, subjects)
        linked = [t for t in constrained if t.predicate in class_paths]
        add_to(data, classes_pointed_at(graph, subjects, linked))  # the own shapes have run
        out |= batch_violations(data, class_shapes, subjects)
    return sorted(out)


def batches(
    groups: Iterable[tuple[object, list[ox.Triple]]], size: int = BATCH_TRIPLES
) -> Iterator[tuple[set, list[ox.Triple]]]:
    """(a batch's subjects, their triples): whole subjects, about ``size`` triples each."""
    subjects: set = set()
    triples: list[ox.Triple] = []
    for subject, own in groups:
        subjects.add(subject)
        triples.extend(own)
        if len(triples) >= size:
            yield subjects, triples
            subjects, triples = set(), []
    if triples:
        yield subjects, triples


def own_triples(graph: StoreGraph, subjects: set) -> Iterator[tuple[object, list[ox.Triple]]]:
    """(subject, its triples) for the given subjects, in N-Triples order like ``by_subject``."""
    for subject in sorted(subjects, key=str):
        yield subject, [ox.Triple(q.subject, q.predicate, q.object) for q in graph.ox_triples(subject)]


# -- picking the suspects ------------------------------------------------------------------------

#: what a property shape may say that changes no verdict (names, messages, ordering)
ANNOTATIONS = {SH.path, SH.name, SH.description, SH.message, SH.order, SH.group, SH.severity}
#: how a value breaks each known constraint, as a SPARQL condition on ?v (``{}``: the parameter)
VALUE_BREAKS = {
    SH.datatype: "(!isLITERAL(?v) || DATATYPE(?v) != {0} || !COALESCE({0}(?v) = {0}(?v), false))",
    SH.minLength: "(isBLANK(?v) || STRLEN(STR(?v)) < {0})",
    SH.maxLength: "(isBLANK(?v) || STRLEN(STR(?v)) > {0})",
    SH.minInclusive: "!COALESCE(?v >= {0}, false)",
    SH.maxInclusive: "!COALESCE(?v <= {0}, false)",
    SH.minExclusive: "!COALESCE(?v > {0}, false)",
    SH.maxExclusive: "!COALESCE(?v < {0}, false)",
    SH["class"]: "NOT EXISTS {{ ?v a {0} }}",
}


class UnknownConstraint(ValueError):
    """A shape says something :func:`suspects` has no query for."""


def suspects(graph: StoreGraph, shapes: Graph) -> set | None:
    """The focus nodes that may break a shape, or None when the shapes use a constraint the
    queries do not know (then every node must be validated).

    Each query errs towards suspicion (an ill-typed or incomparable value is a suspect; a
    class must be the value's own ``rdf:type``), so pyshacl, run on the suspects, finds
    every violation a run over the whole graph would.
    """
    try:
        queries = [
            q
            for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape))
            for q in shape_queries(shapes, shape)
        ]
        found: set = set()
        for query in queries:
            found.update(solution["s"] for solution in graph.store.query(query))
        return found
    except (UnknownConstraint, SyntaxError, ValueError, OSError):
        return None


def shape_queries(shapes: Graph, shape) -> list[str]:
    """The SPARQL queries whose ?s are the nodes of ``shape``'s target classes that may break it."""
    known = {RDF.type, SH.targetClass, SH.property}
    if set(shapes.predicates(shape)) - known:
        raise UnknownConstraint(f"{shape}: {sorted(set(shapes.predicates(shape)) - known)}")
    queries = []
    for target in sorted(shapes.objects(shape, SH.targetClass)):
        for prop in sorted(shapes.objects(shape, SH.property), key=str):
            queries += property_queries(shapes, prop, f"?s a {sparql_term(target)} .")
    return queries


def property_queries(shapes: Graph, prop, focus: str) -> list[str]:
    path = shapes.value(prop, SH.path)
    if not isinstance(path, URIRef):
        raise UnknownConstraint(f"{prop}: a path that is not one property")
    p = sparql_term(path)
    queries, breaks = [], []
    for constraint, value in sorted(shapes.predicate_objects(prop)):
        if constraint in ANNOTATIONS:
            continue
        if constraint == SH.minCount:
            queries.append(
                f"SELECT ?s WHERE {{ {focus} OPTIONAL {{ ?s {p} ?v }} }} GROUP BY ?s HAVING (COUNT(DISTINCT ?v) < {int(value)})"
            )
        elif constraint == SH.maxCount:
            queries.append(
                f"SELECT ?s WHERE {{ {focus} ?s {p} ?v }} GROUP BY ?s HAVING (COUNT(DISTINCT ?v) > {int(value)})"
            )
        elif constraint == SH.uniqueLang and value.toPython() is True:
            queries.append(
                f"SELECT DISTINCT ?s WHERE {{ {focus} ?s {p} ?v, ?w . "
                'FILTER(!sameTerm(?v, ?w) && LANG(?v) != "" && LCASE(LANG(?v)) = LCASE(LANG(?w))) }'
            )
        elif constraint == SH["in"]:
            allowed = " || ".join(f"sameTerm(?v, {sparql_term(t)})" for t in Collection(shapes, value))
            breaks.append(f"!({allowed or 'false'})")
        elif constraint == SH.pattern:
            flags = shapes.value(prop, SH.flags)
            args = sparql_term(Literal(str(value))) + (
                f", {sparql_term(Literal(str(flags)))}" if flags else ""
            )
            breaks.append(f"(isBLANK(?v) || !REGEX(STR(?v), {args}))")
        elif constraint == SH.flags:
            continue  # read with sh:pattern
        elif constraint in VALUE_BREAKS:
            breaks.append(VALUE_BREAKS[constraint].format(sparql_term(value)))
        else:
            raise UnknownConstraint(f"{prop}: {constraint}")
    if breaks:
        queries.append(f"SELECT DISTINCT ?s WHERE {{ {focus} ?s {p} ?v . FILTER({' || '.join(breaks)}) }}")
    return queries


def sparql_term(term) -> str:
    """An rdflib term in SPARQL syntax (pyoxigraph's N-Triples form: escaped, never injected)."""
    return str(to_oxigraph(term))


def classes_pointed_at(graph: StoreGraph, subjects: set, triples: list[ox.Triple]) -> list[ox.Triple]:
    """The ``rdf:type`` triples of the nodes the batch points to, outside the batch."""
    pointed_at = {t.object for t in triples if isinstance(t.object, ox.NamedNode)} - subjects
    return [ox.Triple(q.subject, A, q.object) for node in pointed_at for q in graph.ox_triples(node, A, None)]


def rdflib_graph(triples: list[ox.Triple]) -> Graph:
    return add_to(prefixed_graph(), triples)


def add_to(data: Graph, triples: list[ox.Triple]) -> Graph:
    data.addN((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object), data) for t in triples)
    return data


def batch_violations(data: Graph, shapes: Graph, subjects: set) -> set[str]:
    import pyshacl  # heavy import, only when validating

    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    if conforms:
        return set()
    focus_nodes = {to_rdflib(s) for s in subjects}
    out = set()
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        if focus in focus_nodes:
            path = report.value(result, SH.resultPath)
            message = report.value(result, SH.resultMessage)
            out.add(f"{focus} {path}: {message}")
    return out
