"""What a query returned, and how it is shown: a :class:`Result` of rdflib terms whichever
engine ran, and its renderings (table, CSV, TSV, JSON, a pandas DataFrame)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node


class QueryError(ValueError):
    """A query that cannot run: syntax (with line and column), unknown name, bad parameter."""


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
