"""lgkg: a knowledge graph of legal-governance initiatives read from Chinese government annual reports.

``kg.build(paths, out=DIR)`` does what ``kg build`` does and returns the result;
``kg.query(graph, q)`` asks a graph a question. The ``kg`` command is a thin skin over
these functions. The stages live in folders, in the order data flows (README, "How it
works"): vocab, text, ingest, extract, graph, sparql, publish; pipeline.py runs them.
"""

from __future__ import annotations

__version__ = "0.1.0"


def build(paths, out=None, **options):
    """Build the knowledge graph of the reports under ``paths``; returns a :class:`kg.pipeline.BuildResult`.

    With ``out``, every export is written there as ``kg build --out`` writes it (staged,
    SHACL-checked, renamed into place); see :func:`kg.pipeline.build` for the options.
    """
    from kg.pipeline import build as _build

    return _build(paths, out=out, **options)


def query(graph, q: str, params=None, engine: str = "auto"):
    """Ask ``graph`` (an rdflib Graph, a BuildResult, or a graph file/folder) a SPARQL query.

    ``q`` is SPARQL text, a ``.rq`` file or a canned question's name (``kg queries``).
    Returns a pandas DataFrame when pandas is installed, else a list of dicts; ASK gives a bool.
    """
    from kg.sparql.query import run
    from kg.sparql.results import frame

    graph = getattr(graph, "graph", graph)  # a BuildResult carries its graph
    result = run(graph, q, params=params, engine=engine)
    if result.kind == "ask":
        return bool(result.boolean)
    if result.kind == "graph":
        return result.graph
    return frame(result)
