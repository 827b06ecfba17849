"""Asking the graph: SPARQL (or a canned question) in, rows out, the engine chosen here.

The stage's other rooms: :mod:`kg.sparql.canned` (questions and parameters),
:mod:`kg.sparql.engines` (rdflib and pyoxigraph, graph files), :mod:`kg.sparql.results`
(what comes back and how it is shown), :mod:`kg.sparql.serve` (the HTTP endpoint).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from kg.graph.store import StoreGraph
from kg.sparql.canned import bind_params, query_text
from kg.sparql.engines import (
    check_syntax,
    graph_file,
    load_graph,
    load_oxigraph,
    oxigraph_store,
    run_oxigraph,
    run_rdflib,
)
from kg.sparql.results import QueryError, Result

if TYPE_CHECKING:
    import pyoxigraph as ox

#: from this many triples on, an in-memory rdflib graph is copied into pyoxigraph to be queried:
#: the copy costs 11–19 µs a triple, and rdflib already takes longer than copy + query on a
#: 5.8k-triple graph (BENCHMARKS.md, "where auto switches")
FAST_ENGINE_FROM = 5_000


def run(
    graph: Graph | StoreGraph | str | Path | ox.Store,
    query: str,
    params: Mapping[str, str] | None = None,
    engine: str = "auto",
) -> Result:
    """Run a canned question, a ``.rq`` file or SPARQL text against a graph or a graph file.

    ``engine`` is ``rdflib``, ``oxigraph`` or ``auto``: a file is read straight into
    pyoxigraph; an in-memory graph stays in rdflib below :data:`FAST_ENGINE_FROM` triples.
    Both engines return the same rows (tests compare them on every canned question).
    """
    sparql, found = query_text(query)
    if params:
        sparql = bind_params(sparql, params, found.params if found else ())
    check_syntax(sparql)
    if engine not in ("auto", "rdflib", "oxigraph"):
        raise QueryError(f"unknown engine {engine!r} (auto, rdflib or oxigraph)")
    if isinstance(graph, StoreGraph):  # a build's graph: its store answers, unless rdflib is asked for
        if engine == "rdflib":
            return run_rdflib(graph.to_rdflib(), sparql)
        return run_oxigraph(graph.store, sparql)
    if not isinstance(graph, (str, Path, Graph)):  # a pyoxigraph Store
        return run_oxigraph(graph, sparql)
    if isinstance(graph, (str, Path)):
        path = graph_file(Path(graph))
        if engine == "rdflib":
            return run_rdflib(load_graph(path), sparql)
        return run_oxigraph(load_oxigraph(path), sparql)
    if engine == "oxigraph" or (engine == "auto" and len(graph) >= FAST_ENGINE_FROM):
        return run_oxigraph(oxigraph_store(graph), sparql)
    return run_rdflib(graph, sparql)
