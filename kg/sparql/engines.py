"""The two engines behind one call, and reading graph files into them.

rdflib answers small graphs instantly but reorders joins into cross products on big ones
(see BENCHMARKS.md); pyoxigraph is one to two orders of magnitude faster there. Both give a
:class:`~kg.sparql.results.Result` of rdflib terms, so the CLI, the Python API and the HTTP
endpoint tests compare like with like.
"""

from __future__ import annotations

import re
from pathlib import Path

from rdflib import Graph

from kg.graph.store import StoreGraph, UnsupportedTerm, to_oxigraph, to_rdflib  # noqa: F401 (re-exported)
from kg.sparql.results import QueryError, Result

#: input files pyoxigraph reads directly, by suffix
RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


def syntax_message(exc: Exception) -> str:
    """A parser's complaint with its position as ``line L, column C``, whichever parser it was."""
    text = str(exc)
    if m := re.match(r"error at (\d+):(\d+):\s*(.*)", text, re.DOTALL):
        return f"SPARQL syntax error at line {m.group(1)}, column {m.group(2)}: {m.group(3)}"
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    if line is not None and col is not None:
        msg = getattr(exc, "msg", text)
        return f"SPARQL syntax error at line {line}, column {col}: {msg}"
    return f"SPARQL error: {text}"


def check_syntax(sparql: str) -> None:
    """Raise QueryError with the parser's line and column when ``sparql`` does not parse.

    pyoxigraph's parser is used because it is strict SPARQL 1.1 and fast; parsing against
    an empty store costs well under a millisecond.
    """
    import pyoxigraph as ox

    try:
        ox.Store().query(sparql)
    except SyntaxError as exc:
        raise QueryError(syntax_message(exc)) from None
    except (ValueError, OSError) as exc:  # e.g. a SERVICE call or unsupported function at evaluation
        raise QueryError(f"SPARQL error: {exc}") from None


def run_rdflib(graph: Graph, sparql: str) -> Result:
    try:
        res = graph.query(sparql)
    except Exception as exc:  # pyparsing and evaluation errors alike
        raise QueryError(syntax_message(exc)) from None
    if res.type == "ASK":
        return Result(kind="ask", boolean=bool(res.askAnswer), engine="rdflib")
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return Result(kind="graph", graph=res.graph, engine="rdflib")
    names = [str(v) for v in (res.vars or [])]
    rows = [tuple(row) for row in res]
    return Result(kind="select", vars=names, rows=rows, engine="rdflib")


def oxigraph_store(graph: Graph | StoreGraph):
    """The triples of a graph in a pyoxigraph store (default graph): a build's graph is one
    already; an rdflib graph is copied into an in-memory one."""
    return StoreGraph.of(graph).store


#: the default graph as the merge of the named graphs (a set: a triple several reports share
#: counts once, where a union default graph would repeat it once per graph)
MERGE_NAMED_GRAPHS = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def load_oxigraph(path: Path):
    """A file read straight into pyoxigraph, without passing through rdflib (fast for big files)."""
    import pyoxigraph as ox

    store = ox.Store()
    fmt = {
        "turtle": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "nquads": ox.RdfFormat.N_QUADS,
        "trig": ox.RdfFormat.TRIG,
        "json-ld": getattr(ox.RdfFormat, "JSON_LD", None),
    }[rdf_format(path)]
    if fmt is None:
        raise QueryError(f"this pyoxigraph cannot read {path.suffix} files")
    store.bulk_load(path=str(path), format=fmt)
    if fmt in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        store.update(MERGE_NAMED_GRAPHS)
    return store


def run_oxigraph(store, sparql: str) -> Result:
    import pyoxigraph as ox

    try:
        res = store.query(sparql)
    except SyntaxError as exc:
        raise QueryError(syntax_message(exc)) from None
    except (ValueError, OSError, RuntimeError) as exc:
        raise QueryError(f"SPARQL error: {exc}") from None
    if isinstance(res, ox.QueryBoolean):
        return Result(kind="ask", boolean=bool(res), engine="pyoxigraph")
    if isinstance(res, ox.QueryTriples):
        g = Graph()
        try:
            for t in res:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
        except UnsupportedTerm as exc:
            raise QueryError(f"unsupported term in results: {exc}") from None
        return Result(kind="graph", graph=g, engine="pyoxigraph")
    names = [v.value for v in res.variables]
    seen: dict = {}  # values repeat down a column (regions, units, years): convert each once

    def term(value):
        if value is None:
            return None
        found = seen.get(value)
        if found is None:
            found = seen[value] = to_rdflib(value)
        return found

    try:
        rows = [tuple(term(value) for value in sol) for sol in res]
    except UnsupportedTerm as exc:
        raise QueryError(f"unsupported term in results: {exc}") from None
    return Result(kind="select", vars=names, rows=rows, engine="pyoxigraph")


def rdf_format(path: Path) -> str:
    fmt = RDF_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"cannot tell the RDF format of {path} (use .ttl, .nt, .nq, .trig or .jsonld)")
    return fmt


def graph_file(path: Path) -> Path:
    """The graph a user means: the file itself, or ``graph.ttl`` inside an output folder."""
    if path.is_dir():
        inside = path / "graph.ttl"
        if not inside.is_file():
            raise QueryError(f"{path} is a folder without graph.ttl (run `kg build … --out {path}` first)")
        return inside
    if not path.is_file():
        raise QueryError(f"no such graph file or folder: {path}")
    return path


def load_graph(path: Path) -> Graph:
    """An rdflib graph of a file or output folder (quads of named graphs merged)."""
    from rdflib import Dataset

    path = graph_file(Path(path))
    fmt = rdf_format(path)
    if fmt in ("nquads", "trig"):
        ds = Dataset()
        ds.parse(path, format=fmt)
        g = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return Graph().parse(path, format=fmt)
