"""The build's graph in a pyoxigraph store: read like rdflib, written in sorted streams,
validated in batches — and none of it may change what the graph says."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SH

from kg.graph.store import StoreGraph, sorted_unique
from kg.graph.validate import violations
from kg.vocab.ontology import ID, LGKG, OA, ontology_file


def test_sorted_unique_spills_to_files_and_merges_like_an_in_memory_sort():
    lines = [f'<s{i % 97}> <p> "{i % 13}" .\n'.encode() for i in range(5000)]
    expected = sorted(set(lines))
    assert list(sorted_unique(lines, chunk_bytes=2_000)) == expected  # dozens of runs
    assert list(sorted_unique(lines)) == expected  # one run, no file
    assert list(sorted_unique([])) == []


def test_store_graph_answers_like_the_rdflib_graph_it_was_made_from(seed_graph):
    rdflib_graph = seed_graph.to_rdflib()
    copy = StoreGraph.of(rdflib_graph)
    assert len(copy) == len(rdflib_graph) == len(seed_graph)
    report = next(iter(rdflib_graph.subjects(RDF.type, LGKG.Report)))
    assert set(copy.objects(report, None)) == set(rdflib_graph.objects(report, None))
    assert copy.value(report, LGKG.sourceFile) == rdflib_graph.value(report, LGKG.sourceFile)
    assert set(copy.subjects(RDF.type, LGKG.Region)) == set(rdflib_graph.subjects(RDF.type, LGKG.Region))
    assert (report, RDF.type, LGKG.Report) in copy
    copy.remove((report, None, None))
    assert (report, RDF.type, LGKG.Report) not in copy
    assert len(copy) == len(rdflib_graph) - len(list(rdflib_graph.predicate_objects(report)))


def test_offsets_keep_their_datatype_through_the_store():
    """pyoxigraph keeps numbers by value (xsd:nonNegativeInteger comes back xsd:integer); the
    Web Annotation offsets must leave the build with the type the vocabulary gives them."""
    selector = URIRef(ID["mention/r/3-5/position"])
    graph = StoreGraph()
    graph.add((selector, OA.start, Literal(3, datatype=XSD.nonNegativeInteger)))
    graph.add((selector, URIRef("https://example.org/count"), Literal(3, datatype=XSD.nonNegativeInteger)))
    assert graph.value(selector, OA.start).datatype == XSD.nonNegativeInteger
    assert b"nonNegativeInteger" in b"".join(graph.sorted_ntriples())


def broken(seed_graph) -> StoreGraph:
    """The seed graph with faults a shape must catch, far apart in subject order."""
    graph = StoreGraph.of(seed_graph.to_rdflib())
    outcome = min(graph.subjects(RDF.type, LGKG.Outcome))
    region = min(graph.subjects(RDF.type, LGKG.Region))
    report = max(graph.subjects(RDF.type, LGKG.Report))
    graph.add((outcome, LGKG.indicator, region))  # sh:class: an indicator that is a region
    graph.add((report, LGKG.year, Literal(1800)))  # below sh:minInclusive, and a second year
    graph.remove((region, RDFS.label, None))  # sh:minCount 1
    return graph


def whole_graph_violations(graph: StoreGraph) -> list[str]:
    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    conforms, report, _ = pyshacl.validate(graph.to_rdflib(), shacl_graph=shapes, inference="none")
    return sorted(
        f"{report.value(r, SH.focusNode)} {report.value(r, SH.resultPath)}: {report.value(r, SH.resultMessage)}"
        for r in report.subjects(SH.resultSeverity, SH.Violation)
    )


@pytest.mark.parametrize("batch_triples", [300, 5_000, 1_000_000])
def test_batched_validation_finds_what_one_whole_run_finds(seed_graph, batch_triples):
    graph = broken(seed_graph)
    expected = whole_graph_violations(graph)
    assert len(expected) >= 4  # class, minInclusive, maxCount, minCount
    assert violations(graph, batch_triples) == expected


def test_the_seed_graph_conforms_in_small_batches(seed_graph):
    assert violations(seed_graph, 500) == []


def test_restoring_the_offsets_datatype_touches_no_literal_that_quotes_one():
    """The datatype the store drops is put back in pyoxigraph's N-Triples text by a pattern;
    a literal holding the very text of such a line (its quotes and line break escaped) is
    left as it is, and only the offsets, not other integers, get their type back."""
    selector = URIRef(ID["mention/r/3-5/position"])
    quoted = f'<{OA.start}> "3"^^<{XSD.integer}> .\n'
    graph = StoreGraph()
    graph.add((selector, OA.start, Literal(3, datatype=XSD.nonNegativeInteger)))
    graph.add((selector, OA.exact, Literal(quoted)))
    graph.add((selector, LGKG.year, Literal(2023, datatype=XSD.integer)))
    lines = list(graph.sorted_ntriples())
    expected = sorted(f"{q.subject} {q.predicate} {q.object} .\n".encode() for q in graph.ox_triples())
    assert lines == expected
    assert sum(b"nonNegativeInteger" in line for line in lines) == 1
    assert any(b"#year>" in line and line.endswith(f"<{XSD.integer}> .\n".encode()) for line in lines)
    assert graph.value(selector, OA.exact) == Literal(quoted)


def test_the_kept_sorted_copy_reads_like_a_fresh_sort_and_a_change_drops_it():
    """keep_sorted() sorts once for every writer; a triple added afterwards through the graph
    is not lost behind the copy."""
    graph = StoreGraph()
    for n in (3, 1, 2):
        graph.add((URIRef(f"{ID}t/{n}"), RDFS.label, Literal(f"name {n}")))
    fresh = list(graph.sorted_ntriples())
    graph.keep_sorted()
    assert list(graph.sorted_ntriples()) == fresh == sorted(fresh)
    assert list(graph.sorted_ntriples()) == fresh  # read again: each reader opens the file anew
    graph.add((URIRef(f"{ID}t/0"), RDFS.label, Literal("name 0")))
    assert len(list(graph.sorted_ntriples())) == 4
