"""SHACL validation of a built graph against ``ontology/shapes.ttl``."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import SH

from kg.vocab.ontology import ontology_file


def violations(graph: Graph) -> list[str]:
    """One line per violation: the focus node, the path and pyshacl's message. Empty when it conforms."""
    import pyshacl  # heavy import, only when validating

    shapes = Graph().parse(ontology_file("shapes.ttl"), format="turtle")
    conforms, report, _ = pyshacl.validate(graph, shacl_graph=shapes, inference="none", advanced=False)
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        out.append(f"{focus} {path}: {message}")
    return sorted(out)
