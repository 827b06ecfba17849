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
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import pyoxigraph as ox
from rdflib import RDF, Graph
from rdflib.namespace import SH

from kg.graph.store import StoreGraph, prefixed_graph, to_rdflib
from kg.vocab.ontology import ontology_file

#: triples validated at once: pyshacl's cost per call is small, its memory grows with the batch
BATCH_TRIPLES = 50_000
A = ox.NamedNode(str(RDF.type))


@lru_cache(maxsize=1)
def split_shapes() -> tuple[Graph, Graph]:
    """``shapes.ttl`` as (every constraint but ``sh:class``, only the ``sh:class`` constraints)."""
    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
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
    out: set[str] = set()
    for subjects, triples in batches(graph, batch_triples):
        constrained = [t for t in triples if t.predicate in paths]  # the rest no shape reads
        data = rdflib_graph(constrained)
        out |= batch_violations(data, own_shapes, subjects)
        linked = [t for t in constrained if t.predicate in class_paths]
        add_to(data, classes_pointed_at(graph, subjects, linked))  # the own shapes have run
        out |= batch_violations(data, class_shapes, subjects)
    return sorted(out)


def batches(graph: StoreGraph, size: int = BATCH_TRIPLES) -> Iterator[tuple[set, list[ox.Triple]]]:
    """(a batch's subjects, their triples): whole subjects, about ``size`` triples each."""
    subjects: set = set()
    triples: list[ox.Triple] = []
    for subject, own in graph.by_subject():
        subjects.add(subject)
        triples.extend(own)
        if len(triples) >= size:
            yield subjects, triples
            subjects, triples = set(), []
    if triples:
        yield subjects, triples


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
