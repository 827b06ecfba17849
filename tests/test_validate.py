"""SHACL at corpus size: SPARQL in the store picks the nodes that may break a shape, pyshacl
judges only those. A node the queries let through unjudged would be a violation nobody sees,
so every constraint of ``shapes.ttl`` is broken here, one node at a time, and the queries
must suspect that node; then all the faults at once must give pyshacl's own verdict."""

from __future__ import annotations

import pyshacl
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from kg.graph.store import StoreGraph, to_oxigraph
from kg.graph.validate import shapes_graph, suspects, violations
from kg.vocab.ontology import ID

#: rdflib reads an ill-typed boolean as false, so only numbers can carry an ill-typed value here
NUMERIC = {XSD.integer, XSD.decimal, XSD.double}


def faults_of(shapes: Graph, prop) -> list[tuple[str, list, list]]:
    """(what, triples to add, patterns to remove) that break one property shape, for a node ``?n``
    (the placeholder ``None`` stands for the focus node)."""
    path = shapes.value(prop, SH.path)
    out = []
    for constraint, value in shapes.predicate_objects(prop):
        if constraint == SH.minCount:
            out.append(("minCount", [], [(None, path, None)]))
        elif constraint == SH.maxCount:
            extra = [(None, path, Literal(f"extra {i}")) for i in range(int(value) + 1)]
            out.append(("maxCount", extra, []))
        elif constraint == SH.datatype:
            wrong = Literal("x", lang="en") if value == XSD.string else Literal("x")
            out.append(("datatype", [(None, path, wrong)], [(None, path, None)]))
            if value in NUMERIC:
                out.append(
                    ("ill-typed", [(None, path, Literal("abc", datatype=value))], [(None, path, None)])
                )
        elif constraint == SH.minLength:
            out.append(("minLength", [(None, path, Literal(""))], [(None, path, None)]))
        elif constraint == SH.pattern:
            out.append(("pattern", [(None, path, Literal("!!"))], [(None, path, None)]))
        elif constraint == SH["in"]:
            assert list(Collection(shapes, value))
            out.append(("in", [(None, path, Literal("bogus"))], [(None, path, None)]))
        elif constraint == SH.minInclusive:
            out.append(("minInclusive", [(None, path, Literal(int(value) - 1))], [(None, path, None)]))
        elif constraint == SH.maxInclusive:
            out.append(("maxInclusive", [(None, path, Literal(int(value) + 1))], [(None, path, None)]))
        elif constraint == SH["class"]:
            out.append(("class", [(None, path, URIRef(ID["nowhere"]))], [(None, path, None)]))
        elif constraint == SH.uniqueLang:
            twins = [(None, path, Literal("甲", lang="zh")), (None, path, Literal("乙", lang="zh"))]
            out.append(("uniqueLang", twins, [(None, path, None)]))
    return out


def all_faults(graph: StoreGraph) -> list[tuple[URIRef, str, list, list]]:
    """Every fault of every property shape, each on its own node of the shape's target class
    where the class has nodes enough (instances are taken in turn)."""
    shapes = shapes_graph()
    out = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape)):
        for target in sorted(shapes.objects(shape, SH.targetClass)):
            nodes = sorted(graph.subjects(RDF.type, target))
            if not nodes:
                continue
            i = 0
            for prop in sorted(shapes.objects(shape, SH.property), key=str):
                for what, add, remove in faults_of(shapes, prop):
                    node = nodes[i % len(nodes)]
                    i += 1
                    out.append((node, f"{shape} {target} {what}", add, remove))
    return out


def apply(graph: StoreGraph, node, add: list, remove: list) -> None:
    for _s, p, o in remove:
        graph.remove((node, p, o))
    for _s, p, o in add:
        graph.add((node, p, o))


def test_every_constraint_of_the_shapes_has_faults_here(seed_graph):
    whats = {what.rsplit(" ", 1)[1] for _, what, _, _ in all_faults(StoreGraph.of(seed_graph.to_rdflib()))}
    assert whats >= {"minCount", "maxCount", "datatype", "ill-typed", "minLength", "pattern", "in"}
    assert whats >= {"minInclusive", "maxInclusive", "class", "uniqueLang"}


def test_a_node_that_breaks_a_constraint_is_suspected(seed_graph):
    shapes = shapes_graph()
    assert suspects(StoreGraph.of(seed_graph), shapes) == set()
    missed = []
    for node, what, add, remove in all_faults(StoreGraph.of(seed_graph.to_rdflib())):
        graph = StoreGraph.of(seed_graph.to_rdflib())
        apply(graph, node, add, remove)
        found = suspects(graph, shapes)
        if found is None or to_oxigraph(node) not in found:
            missed.append(what)
    assert missed == []


def test_with_every_fault_at_once_the_verdict_is_pyshacls(seed_graph):
    graph = StoreGraph.of(seed_graph.to_rdflib())
    faults = all_faults(graph)
    for node, _, add, remove in faults:
        apply(graph, node, add, remove)
    conforms, report, _ = pyshacl.validate(graph.to_rdflib(), shacl_graph=shapes_graph(), inference="none")
    expected = sorted(
        {
            f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}: {report.value(r, SH.resultMessage)}"
            for r in report.subjects(SH.resultSeverity, SH.Violation)
        }
    )
    assert len(expected) >= len(faults) // 2
    assert violations(graph, 2_000) == expected


def test_a_constraint_the_queries_do_not_know_makes_every_node_a_suspect(seed_graph):
    shapes = Graph()
    for triple in shapes_graph():
        shapes.add(triple)
    prop = next(shapes.objects(None, SH.property))
    shapes.add((prop, SH.nodeKind, SH.IRI))
    assert suspects(StoreGraph.of(seed_graph), shapes) is None
