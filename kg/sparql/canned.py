"""The canned research questions and their parameters.

They live as ``ontology/queries/*.rq``: a header of ``# zh:``, ``# en:`` and
``# param NAME (TYPE): help`` lines, then SPARQL that runs unchanged in any SPARQL tool.
A parameter is a ``VALUES ?NAME { default }`` clause in the body; a value the user passes
replaces that clause as a properly escaped RDF term, never as pasted text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import XSD

from kg.sparql.results import QueryError
from kg.vocab.ontology import ONTOLOGY_DIR

QUERY_DIR = ONTOLOGY_DIR / "queries"


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
