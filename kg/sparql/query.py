"""Asking the graph: SPARQL in, rows out, with two engines behind one call.

rdflib answers small graphs instantly but reorders joins into cross products on big ones
(see BENCHMARKS.md); pyoxigraph is one to two orders of magnitude faster there. Both are
wrapped here so that a caller gets the same :class:`Result` whichever engine ran, and the
CLI, the Python API and the HTTP endpoint tests compare like with like.

Canned research questions live as ``ontology/queries/*.rq``: a header of ``# zh:``,
``# en:`` and ``# param NAME (TYPE): help`` lines, then SPARQL that runs unchanged in any
SPARQL tool. A parameter is a ``VALUES ?NAME { default }`` clause in the body; a value the
user passes replaces that clause as a properly escaped RDF term, never as pasted text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef

if TYPE_CHECKING:
    import pyoxigraph as ox
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.vocab.ontology import ONTOLOGY_DIR

QUERY_DIR = ONTOLOGY_DIR / "queries"

#: from this many triples on, an in-memory rdflib graph is copied into pyoxigraph to be queried:
#: the copy costs 11–19 µs a triple, and rdflib already takes longer than copy + query on a
#: 5.8k-triple graph (BENCHMARKS.md, "where auto switches")
FAST_ENGINE_FROM = 5_000

#: input files pyoxigraph reads directly, by suffix
RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}


class QueryError(ValueError):
    """A query that cannot run: syntax (with line and column), unknown name, bad parameter."""


# -- canned questions --------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    help: str


@dataclass(frozen=True)
class CannedQuery:
    """One research question: its name (the file stem), the question in two languages, its SPARQL."""

    name: str
    zh: str
    en: str
    sparql: str
    params: tuple[Param, ...] = ()
    path: Path | None = None


HEADER = re.compile(r"^#\s*(zh|en):\s*(.+?)\s*$")
PARAM = re.compile(r"^#\s*param\s+(\w+)\s*\((\w+)\)\s*:\s*(.*?)\s*$")


def read_canned(path: Path) -> CannedQuery:
    text = path.read_text(encoding="utf-8")
    header: dict[str, str] = {}
    params = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if m := HEADER.match(line):
            header[m.group(1)] = m.group(2)
        elif m := PARAM.match(line):
            params.append(Param(m.group(1), m.group(2), m.group(3)))
    return CannedQuery(
        name=path.stem,
        zh=header.get("zh", ""),
        en=header.get("en", ""),
        sparql=text,
        params=tuple(params),
        path=path,
    )


def canned_queries(folder: Path = QUERY_DIR) -> list[CannedQuery]:
    """Every canned question, by name."""
    return [read_canned(p) for p in sorted(folder.glob("*.rq"))]


def canned(name: str) -> CannedQuery | None:
    path = QUERY_DIR / f"{name}.rq"
    return read_canned(path) if path.is_file() else None


def looks_like_sparql(text: str) -> bool:
    return bool(re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE|PREFIX|BASE)\b", text, re.IGNORECASE))


def query_text(query: str) -> tuple[str, CannedQuery | None]:
    """SPARQL for what the user typed: a canned question's name, a ``.rq`` file, or SPARQL itself."""
    q = query.strip()
    if re.fullmatch(r"[\w-]+", q):
        found = canned(q)
        if found is not None:
            return found.sparql, found
        if not looks_like_sparql(q):
            names = ", ".join(c.name for c in canned_queries())
            raise QueryError(f"no canned question named {q!r} (try `kg queries`): {names}")
    if q.endswith(".rq") and "\n" not in q:
        path = Path(q)
        if not path.is_file():
            raise QueryError(f"no such query file: {q}")
        found = read_canned(path)
        return found.sparql, found
    return query, None


# -- parameters --------------------------------------------------------------------------


def param_term(kind: str, name: str, value: str) -> Literal:
    """The RDF literal for a parameter value, typed by its declaration; rejects values of the wrong kind."""
    if kind in ("decimal", "number"):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise QueryError(f"parameter {name} must be a number, not {value!r}") from None
        if not number.is_finite():
            raise QueryError(f"parameter {name} must be a finite number, not {value!r}")
        return Literal(number, datatype=XSD.decimal)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"parameter {name} must be a whole number, not {value!r}")
        return Literal(int(value), datatype=XSD.integer)
    return Literal(value)


def values_clause(name: str) -> re.Pattern[str]:
    """The default ``VALUES ?name { ... }`` clause a canned question declares for a parameter."""
    return re.compile(r"VALUES\s+[?$]" + re.escape(name) + r"\s*\{[^{}]*\}", re.IGNORECASE)


def bind_params(sparql: str, params: Mapping[str, str], declared: Iterable[Param] = ()) -> str:
    """``sparql`` with each parameter's VALUES clause replaced by the value, escaped as an RDF term.

    Only declared parameters are accepted (a typo must not silently run the default), and
    the value enters the query through ``Literal.n3()``, so quotes, backslashes, braces
    or newlines in it stay inside the literal.
    """
    kinds = {p.name: p.kind for p in declared}
    for name, value in sorted(params.items()):
        if name not in kinds:
            known = ", ".join(sorted(kinds)) or "none"
            raise QueryError(f"unknown parameter {name!r} (this query takes: {known})")
        pattern = values_clause(name)
        if not pattern.search(sparql):
            raise QueryError(f"the query declares {name} but has no `VALUES ?{name} {{ … }}` clause")
        term = param_term(kinds[name], name, value).n3()
        sparql = pattern.sub(lambda _m, n=name, t=term: f"VALUES ?{n} {{ {t} }}", sparql, count=1)
    return sparql


def parse_params(pairs: Iterable[str]) -> dict[str, str]:
    """``name=value`` strings from the command line as a dict."""
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param takes name=value, not {pair!r}")
        out[name.strip()] = value
    return out


# -- results ----------------------------------------------------------------------------


@dataclass
class Result:
    """What a query returned, as rdflib terms whichever engine ran.

    ``kind`` is ``select`` (``vars`` and ``rows``), ``ask`` (``boolean``) or ``graph``
    (``graph``, for CONSTRUCT and DESCRIBE).
    """

    kind: str
    vars: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    engine: str = ""

    def records(self) -> list[dict[str, object]]:
        """Rows as dicts of plain Python values (str, int, Decimal, bool, None)."""
        return [{v: python_value(t) for v, t in zip(self.vars, row, strict=True)} for row in self.rows]


def python_value(term: Node | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        return value if isinstance(value, (str, int, float, Decimal, bool)) else str(term)
    return str(term)


# -- engines ----------------------------------------------------------------------------


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


def to_rdflib(term) -> Node | None:
    """A pyoxigraph term as the rdflib term it denotes."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == str(XSD.string):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise QueryError(f"unsupported term in results: {term!r}")


def to_oxigraph(term: Node):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"unsupported term in graph: {term!r}")


def oxigraph_store(graph: Graph):
    """The triples of an rdflib graph in an in-memory pyoxigraph store (default graph)."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_extend(
        ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), ox.DefaultGraph()) for s, p, o in graph
    )
    return store


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
        for t in res:
            g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
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

    rows = [tuple(term(value) for value in sol) for sol in res]
    return Result(kind="select", vars=names, rows=rows, engine="pyoxigraph")


# -- the one entry point -------------------------------------------------------------------


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


def run(
    graph: Graph | str | Path | ox.Store,
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


# -- output formats ------------------------------------------------------------------------

SHORT = {
    "https://w3id.org/lgkg/ontology#": "lgkg:",
    "https://w3id.org/lgkg/id/": "id:",
    "http://www.w3.org/2001/XMLSchema#": "xsd:",
    "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
    "http://www.w3.org/2004/02/skos/core#": "skos:",
}


def plain(term: Node | None) -> str:
    """A term as a spreadsheet cell: the IRI or the literal's text, empty when unbound."""
    return "" if term is None else str(term)


def short(term: Node | None) -> str:
    """A term for a terminal: IRIs with a known prefix shortened."""
    text = plain(term)
    if isinstance(term, URIRef):
        for ns, prefix in SHORT.items():
            if text.startswith(ns):
                return prefix + text[len(ns) :]
    return text


def json_term(term: Node) -> dict[str, str]:
    """One binding in the SPARQL 1.1 Query Results JSON Format."""
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None and term.datatype != XSD.string:
        out["datatype"] = str(term.datatype)
    return out


def as_json(result: Result) -> str:
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [
        {v: json_term(t) for v, t in zip(result.vars, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False)


def as_csv(result: Result) -> str:
    """SPARQL 1.1 CSV results: a header of variable names, plain values (what pandas.read_csv reads)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.kind == "ask":
        w.writerow(["boolean"])
        w.writerow(["true" if result.boolean else "false"])
        return buf.getvalue()
    w.writerow(result.vars)
    for row in result.rows:
        w.writerow([plain(t) for t in row])
    return buf.getvalue()


#: N-Triples string escapes: one line per value whatever the text holds
NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def tsv_cell(term: Node | None) -> str:
    """SPARQL 1.1 TSV: every value in Turtle/N-Triples syntax, so tabs and newlines are escaped."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype in (XSD.integer, XSD.decimal, XSD.double, XSD.boolean):
        return str(term)  # the TSV format's abbreviated numeric and boolean forms
    if isinstance(term, Literal):
        text = str(term).translate(NT_ESCAPES)
        if term.language:
            return f'"{text}"@{term.language}'
        if term.datatype is not None and term.datatype != XSD.string:
            return f'"{text}"^^<{term.datatype}>'
        return f'"{text}"'
    return term.n3()


def as_tsv(result: Result) -> str:
    if result.kind == "ask":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.vars)]
    lines += ["\t".join(tsv_cell(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def as_table(result: Result, console) -> None:
    from rich.table import Table

    if result.kind == "ask":
        console.print("yes" if result.boolean else "no")
        return
    table = Table(show_lines=False, caption=f"{len(result.rows)} row(s)")
    for v in result.vars:
        table.add_column(v, overflow="fold")
    for row in result.rows:
        table.add_row(*(short(t) for t in row))
    console.print(table)


FORMATS = ("table", "csv", "tsv", "json")


def render(result: Result, fmt: str) -> str:
    """Text of a result in ``csv``, ``tsv`` or ``json`` (graph results: Turtle whatever the format)."""
    if result.kind == "graph":
        assert result.graph is not None
        return result.graph.serialize(format="turtle")
    if fmt == "csv":
        return as_csv(result)
    if fmt == "tsv":
        return as_tsv(result)
    if fmt == "json":
        return as_json(result) + "\n"
    raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def frame(result: Result):
    """Rows as a pandas DataFrame when pandas is installed (decimals as floats), else as dicts."""
    records = result.records()
    try:
        import pandas as pd
    except ImportError:
        return records
    df = pd.DataFrame.from_records(records, columns=result.vars)
    for col in df.columns:
        values = [v for v in df[col] if v is not None]
        if values and all(isinstance(v, Decimal) for v in values):
            df[col] = [None if v is None else float(v) for v in df[col]]
            df[col] = df[col].astype("float64")
    return df
