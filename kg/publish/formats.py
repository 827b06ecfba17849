"""The same graph in the formats other tools read: named graphs per report, JSON-LD, tables, Gephi.

Every writer here is byte-deterministic (sorted lines, sorted nodes, ordered rows), so a
rebuild of the same reports gives the same files, and each output can be parsed back
into the graph it came from (tests check the round trip).

Named graphs: a triple goes in the graph of every report that mentions its subject (its
``lgkg:mention`` and ``lgkg:mentionedIn`` links only in the graph of that one report), so
``GRAPH ?report { … }`` tells which report a fact came from. Things no report mentions
(the area scheme, parent regions) stay in the default graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from functools import lru_cache
from json.encoder import encode_basestring as encode_json_string  # the C function
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Dataset, Graph, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.graph.store import DEFAULT_GRAPH, StoreGraph, parsed, sorted_unique, to_rdflib
from kg.vocab.ontology import LGKG, OA, ONTOLOGY_DIR, PREFIXES

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
#: where the context is published; graph.jsonld embeds it so that it reads offline
CONTEXT_URL = "https://w3id.org/lgkg/context.jsonld"

#: columns of the two tables researchers open first, as the canned questions name them
OUTCOME_COLUMNS = [
    "report", "region", "year", "agency", "indicator", "area", "value", "unit",
    "approximate", "change", "target", "text", "evidence",
]  # fmt: skip
INITIATIVE_COLUMNS = ["report", "region", "agency", "initiative", "kind", "status", "area", "evidence"]

#: links that belong to one report's graph only, by the report they point at
PER_REPORT_LINKS = {LGKG.mention, LGKG.mentionedIn}
#: not part of the entity network drawn for Gephi
NOT_NETWORK = {LGKG.Mention, OA.TextPositionSelector}


# -- named graphs ----------------------------------------------------------------------------

A = ox.NamedNode(str(RDF.type))
HAS_SOURCE = ox.NamedNode(str(OA.hasSource))
HAS_SELECTOR = ox.NamedNode(str(OA.hasSelector))
MENTION = ox.NamedNode(str(LGKG.mention))
MENTIONED_IN = ox.NamedNode(str(LGKG.mentionedIn))
MENTION_CLASS = ox.NamedNode(str(LGKG.Mention))
REPORT_CLASS = ox.NamedNode(str(LGKG.Report))


class Homes:
    """Which report graphs a node's triples belong to: a report's own, a mention's (and its
    selector's) report, the reports an entity is mentioned in. Nodes are keyed by their
    N-Triples form (bytes), as they stand in the sorted lines the writers stream.

    The index holds only the links that decide a home (one entry per mention, selector and
    mentioned entity), read from the store once, instead of asking the store four questions
    per subject.
    """

    def __init__(self, graph: StoreGraph):
        names: dict[bytes, bytes] = {}  # each report's name held once, however many link to it

        def pairs(p, o=None) -> Iterator[tuple[bytes, bytes]]:
            for q in graph.store.quads_for_pattern(None, p, o, DEFAULT_GRAPH):
                name = str(q.object).encode()
                yield str(q.subject).encode(), names.setdefault(name, name)

        def index(p) -> dict[bytes, tuple[bytes, ...]]:
            """node -> the objects of its ``p`` links (a tuple: mostly one, and small)."""
            out: dict[bytes, list[bytes]] = {}
            for s, o in pairs(p):
                out.setdefault(s, []).append(o)
            return {s: tuple(objects) for s, objects in out.items()}

        self.sources = index(HAS_SOURCE)
        self.mentioned_in = index(MENTIONED_IN)
        self.reports = {s for s, _ in pairs(A, REPORT_CLASS)}
        self.mentions = {s for s, _ in pairs(A, MENTION_CLASS)}
        selected: dict[bytes, list[bytes]] = {}  # a selector: the sources of its mentions
        for mention, selector in pairs(HAS_SELECTOR):
            selected.setdefault(selector, []).extend(self.sources.get(mention, ()))
        self.selected = {s: tuple(sources) for s, sources in selected.items()}

    def of(self, node: bytes) -> set[bytes]:
        found = {*self.sources.get(node, ()), *self.mentioned_in.get(node, ()), *self.selected.get(node, ())}
        if node in self.reports:
            found.add(node)
        return found

    def targets(self, subject_homes: set[bytes], predicate: bytes, obj: bytes) -> set[bytes]:
        """The graphs of one triple: its subject's, but a ``mentionedIn`` link only in the graph
        it names and a ``mention`` link only in its mention's report's (the first by IRI)."""
        if predicate == MENTIONED_IN_NT:
            return {obj}
        if predicate == MENTION_NT and obj in self.mentions:
            mention_homes = self.of(obj)
            return {min(mention_homes)} if mention_homes else subject_homes
        return subject_homes


MENTION_NT = str(MENTION).encode()
MENTIONED_IN_NT = str(MENTIONED_IN).encode()


def sorted_quads(graph: Graph | StoreGraph) -> Iterator[tuple[bytes, bytes]]:
    """Every quad as (its graph's name, or b"" for the default graph, which holds what no report
    mentions; its N-Quads line), lines in byte order: the sorted N-Triples lines, each
    followed by its graphs in order.

    No second sort is needed: a term is followed by a space, which sorts below any byte that
    can continue a term, so N-Quads lines sort by triple first and then by graph name, and
    the default graph's `` .`` sorts below a name's `` <``.
    """
    graph = StoreGraph.of(graph)
    homes = Homes(graph)
    subject = None
    subject_homes: set[bytes] = set()
    for line in graph.sorted_ntriples():
        s, p, rest = line.split(b" ", 2)
        if s != subject:
            subject, subject_homes = s, homes.of(s)
        targets = homes.targets(subject_homes, p, rest[:-3])
        if not targets:
            yield b"", line
            continue
        spo = line[:-3]
        for name in sorted(targets):
            yield name, spo + b" " + name + b" .\n"


def quad_lines(graph: Graph | StoreGraph) -> Iterator[bytes]:
    """Every quad as its N-Quads line, in byte order."""
    return (line for _, line in sorted_quads(graph))


def to_dataset(graph: Graph | StoreGraph) -> Dataset:
    """The graph as an rdflib Dataset with one named graph per report (for Python users)."""
    ds = Dataset()
    ds.parse(data=b"".join(sorted_unique(quad_lines(graph))).decode("utf-8"), format="nquads")
    return ds


# -- writers -----------------------------------------------------------------------------------


def writer_prefixes() -> dict[str, str]:
    """Prefixes of the Turtle and TriG files (id/ IRIs stay whole: their Chinese local names
    with slashes are not valid prefixed names)."""
    prefixes = {prefix: str(ns) for prefix, ns in sorted(PREFIXES.items()) if prefix != "id"}
    prefixes |= {
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
        "area": "https://w3id.org/lgkg/id/area/",
    }
    return dict(sorted(prefixes.items()))


def tidied(raw: BinaryIO, out: BinaryIO, blank_before_subjects: bool) -> None:
    """A pyoxigraph Turtle or TriG text copied with its prefix lines (which come first, in no
    promised order) sorted, so the same graph gives the same bytes; for Turtle also a blank
    line before each subject's block, as people write it (literals escape line breaks, so
    every line that does not start with a tab opens a subject)."""
    raw.seek(0)
    prefixes: list[bytes] = []
    wrote = False
    for line in raw:
        if not line.endswith(b"\n"):
            line += b"\n"
        if not wrote and line.startswith(b"@prefix"):
            prefixes.append(line)
            continue
        if not wrote:
            out.writelines(sorted(prefixes))
            wrote = True
        if blank_before_subjects and not line.startswith(b"\t") and (prefixes or out.tell() > 0):
            out.write(b"\n")
        out.write(line)
    if not wrote:
        out.writelines(sorted(prefixes))


def write_ntriples(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    """N-Triples, one triple a line, lines sorted (and so subjects together)."""
    out.writelines(StoreGraph.of(graph).sorted_ntriples())


def write_turtle(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    """Turtle with prefixes, subjects in IRI order, byte-identical for the same graph:
    pyoxigraph writes it from the sorted triples into a temporary file, then the prefix
    lines are sorted and blank lines put between subjects."""
    with tempfile.TemporaryFile(prefix="lgkg-ttl-") as raw:
        ox.serialize(StoreGraph.of(graph).sorted_triples(), raw, format=ox.RdfFormat.TURTLE,
                     prefixes=writer_prefixes())  # fmt: skip
        tidied(raw, out, blank_before_subjects=True)


def write_nquads(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    """N-Quads: a triple once in each report graph it belongs in, lines sorted."""
    out.writelines(quad_lines(graph))


def write_trig(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    """TriG with prefixes, the default graph first, then each report's graph in IRI order.

    The quads are sorted by graph, then subject, predicate and object (a graph's N-Triples
    form, then a NUL, then the quad's line), so pyoxigraph writes each graph once.
    """

    def by_graph() -> Iterator[bytes]:
        for name, line in sorted_quads(graph):
            yield name + b"\x00" + line

    quads = parsed(sorted_unique(by_graph()), ox.RdfFormat.N_QUADS, keyed=True)
    with tempfile.TemporaryFile(prefix="lgkg-trig-") as raw:
        ox.serialize(quads, raw, format=ox.RdfFormat.TRIG, prefixes=writer_prefixes())
        tidied(raw, out, blank_before_subjects=False)


def text_of(write: Callable[[Graph | StoreGraph, BinaryIO], None], graph: Graph | StoreGraph) -> str:
    buf = io.BytesIO()
    write(graph, buf)
    return buf.getvalue().decode("utf-8")


def turtle(graph: Graph | StoreGraph) -> str:
    return text_of(write_turtle, graph)


def ntriples(graph: Graph | StoreGraph) -> str:
    return text_of(write_ntriples, graph)


def nquads(graph: Graph | StoreGraph) -> str:
    return text_of(write_nquads, graph)


def trig(graph: Graph | StoreGraph) -> str:
    return text_of(write_trig, graph)


# -- JSON-LD -------------------------------------------------------------------------------------


def context() -> dict:
    """The published JSON-LD context (ontology/context.jsonld)."""
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def canonical_json(value):
    """Sort every list and key so that the same graph gives the same bytes."""
    if isinstance(value, dict):
        return {k: canonical_json(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        items = [canonical_json(v) for v in value]
        return sorted(items, key=json_sort_key)
    return value


def json_sort_key(value) -> str:
    """A value's JSON text, the order of a sorted list (a string's is its quoted, escaped
    text, as ``json.dumps`` writes it, without the encoder's per-call set-up)."""
    if isinstance(value, str):
        return encode_json_string(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def indented_json(value, newline: str = "\n", level: int = 0) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=1)`` writes it, but with
    ``newline`` for each line break (JSON strings escape their own), in one recursive pass
    instead of the pure-Python encoder's generators (tests compare the two)."""
    if isinstance(value, str):
        return encode_json_string(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = newline + " " * (level + 1)
        items = (f"{encode_json_string(k)}: {indented_json(v, newline, level + 1)}" for k, v in value.items())
        return "{" + inner + ("," + inner).join(items) + newline + " " * level + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = newline + " " * (level + 1)
        return (
            "["
            + inner
            + ("," + inner).join(indented_json(v, newline, level + 1) for v in value)
            + newline
            + " " * level
            + "]"
        )
    return json.dumps(value)  # numbers, booleans, null: as the encoder writes them


class OneSubject:
    """One subject's triples, read as the rdflib graph of those triples alone: all that rdflib's
    JSON-LD converter asks of a graph (``predicate_objects``, ``value``, ``subjects``), without
    the cost of indexing a graph per subject."""

    def __init__(self, subject: Node, triples: list[tuple[Node, Node, Node]]):
        self.subject = subject
        self.own = triples
        self.by_predicate: dict[Node, list[tuple[Node, Node, Node]]] = {}
        for t in triples:
            self.by_predicate.setdefault(t[1], []).append(t)

    def triples(self, pattern: tuple) -> Iterator[tuple[Node, Node, Node]]:
        """Matching triples; a subject or predicate asked for is a lookup, not a scan (a hub
        such as an indicator may have thousands of triples, asked about once each)."""
        s, p, o = pattern
        if s is not None and s != self.subject:
            return
        for t in self.own if p is None else self.by_predicate.get(p, ()):
            if o is None or t[2] == o:
                yield t

    def predicate_objects(self, subject=None) -> Iterator[tuple[Node, Node]]:
        return ((p, o) for _, p, o in self.triples((subject, None, None)))

    def subjects(self, predicate=None, obj=None) -> Iterator[Node]:
        return (s for s, _, _ in self.triples((None, predicate, obj)))

    def value(self, subject=None, predicate=None, object=None, default=None, any=True):  # noqa: A002
        found = self.triples((subject, predicate, object))
        for s, p, o in found:
            return o if object is None else (s if subject is None else p)
        return default


XSD_STRING = str(XSD.string)
RDF_LANG_STRING = str(RDF.langString)
#: where rdflib's converter takes a path the fast one does not follow (lists), the subject
#: goes to rdflib's converter
LIST_TERMS = {str(RDF.first), str(RDF.rest), str(RDF.nil)}


class Compaction:
    """rdflib's JSON-LD compaction of one subject (``Converter.process_subject`` and
    ``add_to_node``), decided once per predicate and datatype instead of once per triple.

    rdflib's converter works out, for every triple, which context term names its predicate,
    whether the object is coerced to a string and how a literal is written; for a given
    predicate and kind of object (an IRI; a literal of a datatype and language) the answer
    is always the same, so it is computed once, from the same context calls rdflib makes,
    and only the value is converted per triple. Anything the fast path does not follow (a
    blank node, an RDF list, a term with a container, a context with a default language)
    sends the subject to rdflib's own converter; the tests compare both on every subject
    of the seed graph and on literals of every kind.
    """

    def __init__(self) -> None:
        from rdflib.plugins.serializers.jsonld import PLAIN_LITERAL_TYPES, Converter
        from rdflib.plugins.shared.jsonld.context import Context

        self.converter = Converter(Context(context()), use_native_types=False, use_rdf_type=False)
        self.context = self.converter.context
        self.plain_types = {str(t) for t in PLAIN_LITERAL_TYPES}
        self.enabled = not self.context.language
        self.iri_rules: dict[str, tuple | None] = {}
        self.literal_rules: dict[tuple, tuple | None] = {}
        self.shrink = lru_cache(maxsize=200_000)(self.context.shrink_iri)
        self.symbol = lru_cache(maxsize=10_000)(self.context.to_symbol)

    def node(self, subject, triples: list) -> dict:
        """The subject's compacted node (before :func:`canonical_json`)."""
        node = self.fast_node(subject, triples) if self.enabled else None
        return node if node is not None else self.rdflib_node(subject, triples)

    def rdflib_node(self, subject, triples: list) -> dict:
        """rdflib's converter over the subject's triples alone (see :class:`OneSubject`)."""
        name = to_rdflib(subject)
        own = OneSubject(
            name, list(dict.fromkeys((name, to_rdflib(t.predicate), to_rdflib(t.object)) for t in triples))
        )
        return self.converter.process_subject(own, name, {})

    def fast_node(self, subject, triples: list) -> dict | None:
        """The node built from the rules, or None where a triple needs rdflib's converter."""
        if not isinstance(subject, ox.NamedNode):
            return None
        node: dict = {self.context.id_key: self.shrink(subject.value)}
        for t in triples:
            o = t.object
            p = t.predicate.value
            if isinstance(o, ox.NamedNode):
                rule = self.iri_rules.get(p, False)
                if rule is False:
                    rule = self.iri_rules[p] = self.iri_rule(p)
                if rule is None or o.value in LIST_TERMS:
                    return None
                key, use_set, mode = rule
                value = self.iri_value(mode, o.value)
            elif isinstance(o, ox.Literal):
                sig = (p, o.datatype.value, o.language)
                rule = self.literal_rules.get(sig, False)
                if rule is False:
                    rule = self.literal_rules[sig] = self.literal_rule(*sig)
                if rule is None:
                    return None
                key, use_set, mode = rule
                value = self.literal_value(mode, o)
            else:
                return None
            if p in LIST_TERMS:
                return None
            old = node.get(key)  # rdflib's merge, falsy values and all
            if old:
                if not isinstance(old, list):
                    old = [old]
                old.append(value)
                value = old
            elif use_set:
                value = [value]
            node[key] = value
        return node

    def iri_rule(self, p: str) -> tuple | None:
        """(key, use_set, how the IRI is written) for an IRI object of ``p``, as ``add_to_node``
        decides it (its ``containers`` are ``[None]``: no object here heads a list)."""
        from rdflib.plugins.shared.jsonld.context import UNDEF
        from rdflib.plugins.shared.jsonld.keys import ID, VOCAB

        ctx = self.context
        term = None
        for coercion in (ID, VOCAB, UNDEF):
            term = ctx.find_term(p, coercion, None)
            if term:
                break
        use_set = not ctx.active
        if term:
            if term.container or (not term.type and term.language):
                return None
            mode = {ID: "shrink", VOCAB: "symbol"}.get(term.type, "id")
            return term.name, use_set, mode
        key = ctx.to_symbol(p)
        key_term = ctx.terms.get(key)
        if key_term and (key_term.type or key_term.container):
            key = p
        if p == str(RDF.type) and not self.converter.use_rdf_type:
            return ctx.type_key, use_set, "symbol"
        return key, use_set, "id"

    def iri_value(self, mode: str, iri: str):
        if mode == "shrink":
            return self.shrink(iri)
        if mode == "symbol":
            return self.symbol(iri)
        return {self.context.id_key: self.shrink(iri)}

    def literal_rule(self, p: str, datatype: str, language: str | None) -> tuple | None:
        """(key, use_set, how the literal is written) for a literal object of ``p``, as
        ``add_to_node`` and ``to_raw_value`` decide it. rdflib gives a plain or language-tagged
        literal no datatype."""
        ctx = self.context
        dt = None if datatype in (XSD_STRING, RDF_LANG_STRING) else datatype
        term = ctx.find_term(p, dt, language=language)
        use_set = not ctx.active
        if term:
            if term.container:
                return None
            key = term.name
            if term.type:
                if dt == term.type:  # type_coerce hands back the literal itself
                    return key, use_set, "coerced"
            elif term.language and language == term.language:
                return key, use_set, "lexical"
        else:
            key = ctx.to_symbol(p)
            key_term = ctx.terms.get(key)
            if key_term and (key_term.type or key_term.container):
                key = p
        native = self.converter.use_native_types and dt in self.plain_types
        if dt:
            if native and ctx.active:
                return key, use_set, "native"
            return key, use_set, ("typed", self.symbol(dt), native)
        if language and language != ctx.language:
            return key, use_set, ("language", language)
        if not ctx.active:
            return key, use_set, "value"
        return key, use_set, "lexical"

    def literal_value(self, mode, o: ox.Literal):
        if mode == "coerced":  # rdflib hands on the literal: its truth (false, 0) decides the merge
            return coerced_literal(o.value, o.datatype.value)
        if mode == "lexical":
            return literal_text(o.value, o.datatype.value)
        if mode == "native":
            return literal_python(o.value, o.datatype.value)
        ctx = self.context
        if mode == "value":
            return {ctx.value_key: literal_text(o.value, o.datatype.value)}
        if mode[0] == "language":
            return {ctx.lang_key: mode[1], ctx.value_key: o.value}
        _, symbol, native = mode
        value = (
            literal_python(o.value, o.datatype.value) if native else literal_text(o.value, o.datatype.value)
        )
        return {ctx.type_key: symbol, ctx.value_key: value}


@lru_cache(maxsize=100_000)
def _typed_literal(value: str, datatype: str) -> Node:
    return to_rdflib(ox.Literal(value, datatype=ox.NamedNode(datatype)))


#: numbers whose canonical lexical form rdflib keeps as it is, with the pattern of that form
#: (the figures and the Web Annotation offsets: mostly distinct, so not worth an rdflib
#: Literal each); anything else is converted by rdflib
CANONICAL_NUMBERS = {
    str(XSD.integer): re.compile(r"-?[1-9][0-9]*|0"),
    str(XSD.nonNegativeInteger): re.compile(r"[1-9][0-9]*|0"),
    str(XSD.decimal): re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?"),
}
NONZERO = re.compile(r"[1-9]")


class FalseText(str):
    """A literal's text that is false, as rdflib's literal of a zero is."""

    def __bool__(self) -> bool:
        return False


def coerced_literal(value: str, datatype: str) -> str:
    """What rdflib's converter puts in a node for a literal a term's type coerces: the literal
    itself, written as its text, true or false as rdflib's literal is (a zero is false)."""
    pattern = CANONICAL_NUMBERS.get(datatype)
    if pattern is not None and pattern.fullmatch(value):
        return value if NONZERO.search(value) else FalseText(value)
    return _typed_literal(value, datatype)


def literal_text(value: str, datatype: str) -> str:
    """A literal's text as rdflib writes it (it normalises typed lexical forms)."""
    if datatype in (XSD_STRING, RDF_LANG_STRING):
        return value
    pattern = CANONICAL_NUMBERS.get(datatype)
    if pattern is not None and pattern.fullmatch(value):
        return value
    return str(_typed_literal(value, datatype))


def literal_python(value: str, datatype: str):
    """A literal as the Python value rdflib gives a native JSON type (number, boolean)."""
    return _typed_literal(value, datatype).toPython()


def jsonld_nodes(graph: Graph | StoreGraph) -> Iterator[bytes]:
    """Each subject as its compacted JSON-LD node, keyed by its ``@id``: the node's indented
    text with its line breaks as ``\x01`` (JSON strings escape theirs), one line for the sort.

    rdflib's JSON-LD converter compacts one subject at a time (from its triples alone);
    :class:`Compaction` does the same from rules decided once per predicate.
    """
    compaction = Compaction()
    for subject, triples in StoreGraph.of(graph).by_subject():
        node = canonical_json(compaction.node(subject, triples))
        key = str(node.get("@id", "")).encode()
        text = "  " + indented_json(node, "\x01  ")
        yield key + b"\x00" + text.encode() + b"\n"


def write_jsonld(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    """JSON-LD compacted with the lgkg context, the context embedded so the file reads offline;
    nodes sorted by ``@id``, written one by one."""
    ctx = json.dumps(context(), ensure_ascii=False, indent=1).replace("\n", "\n ")
    out.write(f'{{\n "@context": {ctx},\n "@graph": '.encode())
    first = True
    for line in sorted_unique(jsonld_nodes(graph)):
        text = line.split(b"\x00", 1)[1][:-1].replace(b"\x01", b"\n")
        out.write((b"[\n" if first else b",\n") + text)
        first = False
    out.write(b"[]\n}\n" if first else b"\n ]\n}\n")


def jsonld(graph: Graph | StoreGraph) -> str:
    return text_of(write_jsonld, graph)


# -- tables --------------------------------------------------------------------------------------


#: control characters a cell may hold, escaped for the external sort (see :func:`sort_line`)
CONTROL = re.compile("[\x00-\x0c]")
ESCAPED = re.compile("\x0c(.)", re.DOTALL)


def sort_line(cells: tuple[str, ...]) -> bytes:
    """A row as one line whose byte order is the order of the rows as tuples. Cells are joined
    by NUL, which sorts below every character; a control character (a line break among them)
    is written as \x0c + a printable character, which sorts above the line's end and the
    joins and below every other character, as the control characters did."""
    escaped = (CONTROL.sub(lambda m: "\x0c" + chr(ord(m.group()) + 0x20), cell) for cell in cells)
    return "\x00".join(escaped).encode() + b"\n"


def row_of(line: bytes) -> list[str]:
    """The cells :func:`sort_line` joined."""
    return [ESCAPED.sub(lambda m: chr(ord(m.group(1)) - 0x20), cell) for cell in line[:-1].decode().split("\x00")]


def table_rows(graph: Graph | StoreGraph, question: str, columns: list[str]) -> Iterator[list[str]]:
    """A canned question's distinct rows, sorted, in flat memory: pyoxigraph's solutions are
    read one at a time and sorted through temporary files (a corpus of 10 000 reports has
    hundreds of thousands of outcome rows)."""
    from kg.sparql.canned import query_text
    from kg.sparql.results import plain

    sparql, _ = query_text(question)
    solutions = StoreGraph.of(graph).store.query(sparql)
    names = [v.value for v in solutions.variables]
    index = [names.index(c) for c in columns]
    lines = (sort_line(tuple(plain(to_rdflib(solution[i])) for i in index)) for solution in solutions)
    for line in sorted_unique(lines):
        yield row_of(line)


def write_table(graph: Graph | StoreGraph, out: BinaryIO, question: str, columns: list[str]) -> None:
    """A canned question's rows as CSV with a BOM (Excel then shows the Chinese), rows sorted,
    written row by row."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        text.write("\ufeff")
        w = csv.writer(text, lineterminator="\r\n")
        w.writerow(columns)
        w.writerows(table_rows(graph, question, columns))
        text.flush()
    finally:
        text.detach()  # the caller owns the binary file


def write_outcomes_csv(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    write_table(graph, out, "outcomes", OUTCOME_COLUMNS)


def write_initiatives_csv(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    write_table(graph, out, "initiatives", INITIATIVE_COLUMNS)


def outcomes_csv(graph: Graph | StoreGraph) -> str:
    return text_of(write_outcomes_csv, graph)


def initiatives_csv(graph: Graph | StoreGraph) -> str:
    return text_of(write_initiatives_csv, graph)


# -- Gephi ---------------------------------------------------------------------------------------

XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def local_name(iri: URIRef) -> str:
    return re.split(r"[#/]", str(iri))[-1]


def node_label(graph: Graph | StoreGraph, node: URIRef) -> str:
    labels = sorted(str(v) for v in graph.objects(node, RDFS.label))
    if not labels:
        labels = sorted(
            str(v) for v in graph.objects(node, SKOS.prefLabel) if getattr(v, "language", None) == "zh"
        )
    return XML_UNSAFE.sub("", labels[0]) if labels else local_name(node)


def network(graph: Graph | StoreGraph):
    """The entities and their relations as a networkx MultiDiGraph (no mentions, no literals),
    for graph analytics: the nodes and edges of graph.graphml."""
    import networkx as nx

    graph = StoreGraph.of(graph)
    types = node_types(graph)
    g = nx.MultiDiGraph()
    for node in sorted(types):
        g.add_node(node, label=node_label(graph, URIRef(node)), type=types[node])
    for source, target, relation in network_edges(graph, types):
        g.add_edge(source, target, key=relation, relation=relation)
    return g


GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
#: the keys, in the order and with the ids networkx's writer gives them (files stay as they were)
GRAPHML_KEYS = (("d2", "edge", "relation"), ("d1", "node", "type"), ("d0", "node", "label"))


def node_types(graph: StoreGraph) -> dict[str, str]:
    """IRI -> class local name of every node of the network (the first name when it has two)."""
    lgkg = str(LGKG)
    not_network = {ox.NamedNode(str(c)) for c in NOT_NETWORK}
    types: dict[str, str] = {}
    for q in graph.ox_triples(None, RDF.type, None):
        cls = q.object
        if isinstance(q.subject, ox.NamedNode) and cls not in not_network and cls.value.startswith(lgkg):
            name = local_name(cls.value)
            types[q.subject.value] = min(types.get(q.subject.value, name), name)
    return types


def network_edges(graph: StoreGraph, types: dict[str, str]) -> Iterator[tuple[str, str, str]]:
    """(source, target, relation) of every edge between two nodes of the network, sorted, in
    flat memory (an external sort of tab-joined lines: a tab sorts below any IRI character,
    and UTF-8 bytes sort as the characters do)."""
    lines = (
        f"{q.subject.value}\t{q.object.value}\t{local_name(q.predicate.value)}\n".encode()
        for q in graph.store.quads_for_pattern(None, None, None, DEFAULT_GRAPH)
        if q.predicate != A and q.subject.value in types and isinstance(q.object, ox.NamedNode)
        and q.object.value in types
    )
    for line in sorted_unique(lines):
        source, target, relation = line.decode().rstrip("\n").split("\t")
        yield source, target, relation


def write_graphml(graph: Graph | StoreGraph, out: BinaryIO) -> None:
    """The entities and their relations as GraphML (Gephi, yEd, networkx), written element by
    element from the store: a networkx graph of a corpus of 10 000 reports took gigabytes.
    The file is the one networkx's lxml writer makes of :func:`network`."""
    from lxml import etree

    graph = StoreGraph.of(graph)
    types = node_types(graph)
    with etree.xmlfile(out, encoding="utf-8") as xml:
        xml.write_declaration()
        with xml.element(
            "graphml",
            {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"},
        ):
            for key, owner, name in GRAPHML_KEYS:
                xml.write(
                    etree.Element("key", {"id": key, "for": owner, "attr.name": name, "attr.type": "string"}),
                    pretty_print=True,
                )
            with xml.element("graph", edgedefault="directed"):
                for node in sorted(types):
                    element = etree.Element("node", id=node)
                    etree.SubElement(element, "data", key="d0").text = node_label(graph, URIRef(node))
                    etree.SubElement(element, "data", key="d1").text = types[node]
                    xml.write(element, pretty_print=True)
                for source, target, relation in network_edges(graph, types):
                    element = etree.Element("edge", source=source, target=target, id=relation)
                    etree.SubElement(element, "data", key="d2").text = relation
                    xml.write(element, pretty_print=True)


def graphml(graph: Graph | StoreGraph) -> str:
    return text_of(write_graphml, graph)


# -- all of them ---------------------------------------------------------------------------------


#: every format of a build but the graph page: file name -> the function that writes it into
#: a binary file (kg/publish/export.py opens the files; this module only renders)
WRITERS: dict[str, Callable[[Graph | StoreGraph, BinaryIO], None]] = {
    "graph.ttl": write_turtle,
    "graph.nt": write_ntriples,
    "outcomes.csv": write_outcomes_csv,
    "initiatives.csv": write_initiatives_csv,
    "graph.nq": write_nquads,
    "graph.trig": write_trig,
    "graph.jsonld": write_jsonld,
    "graph.graphml": write_graphml,
}
