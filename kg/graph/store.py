"""The built graph: a pyoxigraph store, read with rdflib's names.

rdflib holds a triple in about a kilobyte of Python objects; a corpus of a few hundred
reports made a graph of 1.5 GB and every export writer copied it again. The build maps
records straight into a pyoxigraph store (a few hundred bytes a triple, in Rust), and
whatever reads the graph reads it from there: the writers in sorted streams that never
hold the graph twice (:func:`sorted_triples`, an external sort through temporary files),
the page, GraphML and the Python API through :class:`StoreGraph`, which answers rdflib's
questions (``objects``, ``value``, ``subjects`` …) with rdflib terms converted on demand.

A corpus too big for memory is built into an on-disk store (RocksDB, in a temporary folder
removed with the graph): its memory stays flat however many triples it holds, and reading
it costs about ten times more than reading one in memory, which is why small builds stay
in memory (kg/pipeline.py chooses).
"""

from __future__ import annotations

import heapq
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.vocab.ontology import PREFIXES

XSD_STRING = str(XSD.string)
DEFAULT_GRAPH = ox.DefaultGraph()
XSD_INTEGER = ox.NamedNode(str(XSD.integer))
OA = "http://www.w3.org/ns/oa#"
#: pyoxigraph's store keeps a number by its value: a literal of a type derived from xsd:integer
#: comes back as xsd:integer. The graph uses one such type, the Web Annotation offsets
#: (xsd:nonNegativeInteger); reading restores it, so the exports keep the vocabulary's type.
RESTORED_DATATYPES = {
    ox.NamedNode(OA + "start"): ox.NamedNode(str(XSD.nonNegativeInteger)),
    ox.NamedNode(OA + "end"): ox.NamedNode(str(XSD.nonNegativeInteger)),
}


class UnsupportedTerm(ValueError):
    """A term neither library can carry over (a quoted triple, a variable)."""


@lru_cache(maxsize=100_000)
def _iri(value: str) -> URIRef:
    return URIRef(value)


def to_rdflib(term) -> Node | None:
    """A pyoxigraph term as the rdflib term it denotes (IRIs memoised: classes, properties and
    hubs repeat; literals not, they are mostly sentences read once)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return _iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        if dt == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(dt))
    raise UnsupportedTerm(f"unsupported term: {term!r}")


def to_oxigraph(term: Node):
    """An rdflib term as the pyoxigraph term it denotes (pyoxigraph terms pass through)."""
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
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term
    raise UnsupportedTerm(f"unsupported term: {term!r}")


def _pattern(term):
    return None if term is None else to_oxigraph(term)


class StoreGraph:
    """A graph held in a pyoxigraph store (its default graph), with the reading half of
    rdflib's ``Graph`` API, so the code that draws pages and networks needs no second copy.

    Triples come back as rdflib terms; ``store`` is there for SPARQL and for the writers,
    which stay in pyoxigraph terms throughout.
    """

    def __init__(self, store: ox.Store | None = None) -> None:
        self._store = store if store is not None else ox.Store()
        #: the folder of an on-disk store (None: in memory), and the process that opened it
        self.path: str | None = None
        self._opened_by = os.getpid()
        self._folder: tempfile.TemporaryDirectory | None = None
        #: a file holding the sorted N-Triples lines, made by :meth:`keep_sorted` (None: sort each time)
        self._sorted: tempfile.TemporaryDirectory | None = None

    @classmethod
    def on_disk(cls, parent: str | None = None) -> StoreGraph:
        """An empty graph in an on-disk store, in a new temporary folder under ``parent`` (the
        system's temporary folder by default, ``TMPDIR``), removed when the graph is."""
        folder = tempfile.TemporaryDirectory(prefix="lgkg-store-", dir=parent)
        graph = cls(ox.Store(folder.name))
        graph.path, graph._folder = folder.name, folder
        return graph

    @property
    def store(self) -> ox.Store:
        """The pyoxigraph store. An on-disk store is not for a forked process (a RocksDB handle
        does not survive a fork, and opening it again there crashes): such a graph is read in
        the process that made it."""
        if self.path is not None and os.getpid() != self._opened_by:
            raise RuntimeError("an on-disk store cannot be read in a forked process")
        return self._store

    def flush(self) -> None:
        """Write what an on-disk store holds in memory to its files (before forked writers read it)."""
        if self.path is not None:
            self._store.flush()

    @classmethod
    def of(cls, graph: Graph | StoreGraph) -> StoreGraph:
        """The graph as a StoreGraph (an rdflib graph is copied into a store once)."""
        if isinstance(graph, StoreGraph):
            return graph
        out = cls()
        out.store.bulk_extend(
            ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), DEFAULT_GRAPH) for s, p, o in graph
        )
        return out

    # -- writing ------------------------------------------------------------------------------
    def add(self, triple) -> None:
        self._sorted = None
        s, p, o = (to_oxigraph(t) for t in triple)
        self.store.add(ox.Quad(s, p, o, DEFAULT_GRAPH))

    def remove(self, pattern) -> None:
        """Remove every triple matching ``pattern`` (rdflib's ``Graph.remove``)."""
        self._sorted = None
        s, p, o = (_pattern(t) for t in pattern)
        for q in list(self.store.quads_for_pattern(s, p, o, DEFAULT_GRAPH)):
            self.store.remove(q)

    def extend(self, triples: Iterable) -> None:
        """Add pyoxigraph triples in bulk (the mapping stage's way in)."""
        self._sorted = None
        self.store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, DEFAULT_GRAPH) for t in triples)

    # -- reading, rdflib's way ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.store)

    def ox_triples(self, s=None, p=None, o=None) -> Iterator[ox.Quad]:
        """Matching quads of the default graph, in pyoxigraph terms (datatypes restored)."""
        for q in self.store.quads_for_pattern(_pattern(s), _pattern(p), _pattern(o), DEFAULT_GRAPH):
            datatype = RESTORED_DATATYPES.get(q.predicate)
            if datatype is not None and isinstance(q.object, ox.Literal) and q.object.datatype == XSD_INTEGER:
                q = ox.Quad(
                    q.subject, q.predicate, ox.Literal(q.object.value, datatype=datatype), DEFAULT_GRAPH
                )
            yield q

    def triples(self, pattern=(None, None, None)) -> Iterator[tuple[Node, Node, Node]]:
        for q in self.ox_triples(*pattern):
            yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)

    def __iter__(self) -> Iterator[tuple[Node, Node, Node]]:
        return self.triples()

    def __contains__(self, triple) -> bool:
        return next(iter(self.ox_triples(*triple)), None) is not None

    def subjects(self, predicate=None, object=None, unique: bool = False) -> Iterator[Node]:
        return _as_rdflib((q.subject for q in self.ox_triples(None, predicate, object)), unique)

    def objects(self, subject=None, predicate=None, unique: bool = False) -> Iterator[Node]:
        return _as_rdflib((q.object for q in self.ox_triples(subject, predicate, None)), unique)

    def predicates(self, subject=None, object=None) -> Iterator[Node]:
        for q in self.ox_triples(subject, None, object):
            yield to_rdflib(q.predicate)

    def subject_objects(self, predicate=None) -> Iterator[tuple[Node, Node]]:
        for q in self.ox_triples(None, predicate, None):
            yield to_rdflib(q.subject), to_rdflib(q.object)

    def subject_predicates(self, object=None) -> Iterator[tuple[Node, Node]]:
        for q in self.ox_triples(None, None, object):
            yield to_rdflib(q.subject), to_rdflib(q.predicate)

    def predicate_objects(self, subject=None) -> Iterator[tuple[Node, Node]]:
        for q in self.ox_triples(subject, None, None):
            yield to_rdflib(q.predicate), to_rdflib(q.object)

    def value(self, subject=None, predicate=RDF.value, object=None, default=None, any: bool = True):
        """The one unknown of a pattern with two terms given (rdflib's ``Graph.value``)."""
        for q in self.ox_triples(subject, predicate, object):
            if subject is None:
                return to_rdflib(q.subject)
            if predicate is None:
                return to_rdflib(q.predicate)
            return to_rdflib(q.object)
        return default

    def query(self, sparql: str) -> list | bool | Graph:
        """SPARQL answered by the store: rows of rdflib terms (SELECT), a bool (ASK), or an
        rdflib graph (CONSTRUCT, DESCRIBE)."""
        result = self.store.query(sparql)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            g = Graph()
            for t in result:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            return g
        from rdflib.query import ResultRow
        from rdflib.term import Variable

        names = [Variable(v.value) for v in result.variables]
        return [
            ResultRow({n: to_rdflib(v) for n, v in zip(names, row, strict=True) if v is not None}, names)
            for row in result
        ]

    def serialize(self, format: str = "turtle") -> str:
        """The graph as text: Turtle or N-Triples by pyoxigraph, other formats by rdflib."""
        formats = {"turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES}
        if format in formats:
            return ox.serialize(self.sorted_triples(), format=formats[format]).decode("utf-8")
        return self.to_rdflib().serialize(format=format)

    def to_rdflib(self) -> Graph:
        """The whole graph as an rdflib Graph (for small graphs, or code that needs rdflib)."""
        g = prefixed_graph()
        for triple in self.triples():
            g.add(triple)
        return g

    # -- reading in order, for the writers ----------------------------------------------------
    def ntriples(self) -> Iterator[bytes]:
        """Every triple as its N-Triples line (UTF-8, ending in a line break), in no order.

        pyoxigraph writes the lines (into a temporary file, read back a block at a time), so
        no Python term is made per triple; the datatypes the store drops are put back in the
        text (:data:`RESTORED_DATATYPES`). The lines are those of ``f"{s} {p} {o} .\\n"``
        over :meth:`ox_triples` (tests compare them).
        """
        with tempfile.TemporaryFile(prefix="lgkg-nt-") as raw:
            self.store.dump(raw, format=ox.RdfFormat.N_TRIPLES, from_graph=DEFAULT_GRAPH)
            raw.seek(0)
            rest = b""
            while block := raw.read(DUMP_BLOCK_BYTES):
                block = rest + block
                end = block.rfind(b"\n") + 1
                block, rest = block[:end], block[end:]
                yield from restored(block).splitlines(keepends=True)
            if rest:
                yield from restored(rest + b"\n").splitlines(keepends=True)

    def sorted_ntriples(self) -> Iterator[bytes]:
        """Every triple as its N-Triples line (UTF-8, ending in a line break), in byte order.

        The order of the lines is the order of the (subject, predicate, object) N-Triples
        forms, since a space follows each term and sorts below any character that can
        continue one; so a subject's triples come together.
        """
        if self._sorted is not None:
            return _lines_of(Path(self._sorted.name) / SORTED_FILE)
        return sorted_unique(self.ntriples())

    def keep_sorted(self) -> None:
        """Sort the triples once into a file that every later :meth:`sorted_ntriples` reads: the
        writers of a build (Turtle, N-Triples, N-Quads, TriG, JSON-LD, in forked processes too)
        each sorted the whole graph again. For a graph that is only read from now on: a change
        made through this object drops the copy, one made to ``store`` directly does not."""
        folder = tempfile.TemporaryDirectory(prefix="lgkg-sorted-")
        with open(Path(folder.name) / SORTED_FILE, "wb") as handle:
            handle.writelines(sorted_unique(self.ntriples()))
        self._sorted = folder

    def sorted_triples(self) -> Iterator[ox.Triple]:
        """Every triple, in the order of :meth:`sorted_ntriples`."""
        return parsed(self.sorted_ntriples(), ox.RdfFormat.N_TRIPLES)

    def by_subject(self) -> Iterator[tuple[object, list[ox.Triple]]]:
        """(subject, its triples), subjects in N-Triples order."""
        for subject, triples in itertools.groupby(self.sorted_triples(), key=lambda t: t.subject):
            yield subject, list(triples)


#: the file name of :meth:`StoreGraph.keep_sorted`'s copy
SORTED_FILE = "sorted.nt"


def _lines_of(path: Path) -> Iterator[bytes]:
    """The lines of a file, read as they are used (each reader opens its own handle, so
    forked writers do not share a file offset)."""
    with open(path, "rb") as handle:
        yield from handle


#: bytes of pyoxigraph's N-Triples text read at a time
DUMP_BLOCK_BYTES = 4 * 1024 * 1024


def _restoring_pattern() -> re.Pattern[bytes]:
    """A predicate whose datatype the store drops, a space, a quoted lexical form and the
    integer type the store gave it. Neither an IRI nor a literal (which escapes its quotes)
    can hold a bare quote, so a match is always a real predicate and its object."""
    predicates = b"|".join(re.escape(str(p).encode()) for p in RESTORED_DATATYPES)
    return re.compile(
        b"(" + predicates + rb') ("[^"\n]*"\^\^)' + re.escape(str(XSD_INTEGER).encode()) + rb" \.\n"
    )


RESTORING = _restoring_pattern()
RESTORED_BY_PREDICATE = {str(p).encode(): str(dt).encode() for p, dt in RESTORED_DATATYPES.items()}


def restored(block: bytes) -> bytes:
    """Whole N-Triples lines with the dropped datatypes put back (see :data:`RESTORED_DATATYPES`)."""
    return RESTORING.sub(lambda m: m[1] + b" " + m[2] + RESTORED_BY_PREDICATE[m[1]] + b" .\n", block)


def _as_rdflib(terms: Iterable, unique: bool) -> Iterator[Node]:
    """pyoxigraph terms as rdflib terms, each once when ``unique``."""
    seen = set()
    for term in terms:
        if unique:
            if term in seen:
                continue
            seen.add(term)
        yield to_rdflib(term)


def prefixed_graph() -> Graph:
    """An empty rdflib graph with the lgkg prefixes bound (its messages and files use them)."""
    g = Graph()
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    return g


def batched(items: Iterable, n: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(itertools.islice(it, n)):
        yield chunk


#: lines parsed by pyoxigraph at a time
PARSE_CHUNK_LINES = 20_000


def parsed(lines: Iterable[bytes], fmt: ox.RdfFormat, keyed: bool = False) -> Iterator:
    """N-Triples or N-Quads lines as pyoxigraph triples or quads, parsed a chunk at a time, and
    chained without a Python step per triple. ``keyed``: each line starts with a sort key and
    a NUL (neither a term nor a line break holds one), cut off a chunk at a time."""

    def chunks() -> Iterator:
        for chunk in batched(lines, PARSE_CHUNK_LINES):
            data = b"".join([line.partition(b"\x00")[2] for line in chunk] if keyed else chunk)
            yield ox.parse(data, format=fmt)

    return itertools.chain.from_iterable(chunks())


#: bytes of lines a sort holds in memory before it spills them, sorted, to a temporary file
SORT_CHUNK_BYTES = 32 * 1024 * 1024


def sorted_unique(lines: Iterable[bytes], chunk_bytes: int = SORT_CHUNK_BYTES) -> Iterator[bytes]:
    """The distinct lines in byte order, holding at most ``chunk_bytes`` of them in memory.

    Each line must end with ``\\n`` and hold no other: N-Triples and N-Quads lines do (their
    literals escape line breaks). Runs longer than a chunk are sorted, written to temporary
    files and merged, so a graph of any size sorts in flat memory.
    """
    with ExitStack() as files:
        runs = []
        chunk: list[bytes] = []
        size = 0
        for line in lines:
            chunk.append(line)
            size += len(line) + 64  # the bytes object's own overhead
            if size >= chunk_bytes:
                runs.append(spilled(files.enter_context(tempfile.TemporaryFile(prefix="lgkg-sort-")), chunk))
                chunk, size = [], 0
        if not runs:
            chunk.sort()
            yield from unique(chunk)
            return
        runs.append(spilled(files.enter_context(tempfile.TemporaryFile(prefix="lgkg-sort-")), chunk))
        chunk = []
        yield from unique(heapq.merge(*runs))


def unique(lines: Iterable[bytes]) -> Iterator[bytes]:
    """Sorted lines without repeats. (The lines are sorted as they come, not through a set:
    pyoxigraph writes a store almost in order, and a list sorts such a run in linear time.)"""
    previous = None
    for line in lines:
        if line != previous:
            yield line
            previous = line


def spilled(handle, lines: list[bytes]):
    """``lines`` sorted into a temporary file, which is then read from its start."""
    lines.sort()
    handle.writelines(unique(lines))
    handle.flush()
    handle.seek(0, os.SEEK_SET)
    return handle
