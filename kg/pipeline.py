"""The pipeline as a library call: files in, a resolved graph out, problems listed by file.

Nothing a researcher feeds the build may crash it or lose the other reports: every file
that cannot be built becomes a :class:`Problem` (one line: the file and the reason) and the
build goes on, unless ``strict`` asks it to stop at the first one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.cache import CACHE_DIRNAME, ExtractionCache, entry_key
from kg.extract import extract
from kg.extract.records import Extraction
from kg.graph.rdf import graph_of
from kg.graph.resolve import report_key
from kg.graph.store import StoreGraph
from kg.graph.validate import violations
from kg.ingest.reader import DEFAULT_MAX_BYTES, InputError, document_of, input_files, read_bytes
from kg.parallel import Done, Future, Inline, Submitter, default_jobs, in_order, run_tasks, runner_for
from kg.publish.export import chosen_files, export_jobs
from kg.publish.summary import counts
from kg.text.document import Document, make_document
from kg.text.patterns import PINYIN_GLOSS
from kg.vocab.lexicon import words

#: a text using fewer distinct report words than this is not taken for a report: a marathon
#: news item or an error page uses one (政府); an annual report uses dozens
MIN_REPORT_CUES = 3
#: ... unless it names a legal-services body (report_body_words.tsv) and uses this many: a
#: 300-character news item on a village 人民调解委员会 uses two (调解, 纠纷)
MIN_CUES_WITH_BODY = 2


@dataclass
class Problem:
    """A file that could not be built, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class BuildStopped(InputError):
    """``strict``: the first problem ends the build."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class ReportLine:
    """What one report yielded, in a line: what ``kg build`` prints per report (kept for every
    report of a build, where the extractions themselves are not)."""

    source: str
    bureau: str | None
    region: str | None
    year: int | None
    counts: dict[str, int]

    @classmethod
    def of(cls, ex: Extraction) -> ReportLine:
        region = ex.meta.region
        return cls(
            source=ex.source,
            bureau=ex.meta.bureau,
            region=(region.official or region.name) if region else None,
            year=ex.meta.year,
            counts=counts(ex),
        )


@dataclass
class BuildResult:
    """What a build made and what went wrong: the same for ``kg.build`` and ``kg build``."""

    #: the graph, held in a pyoxigraph store and read with rdflib's names (kg/graph/store.py)
    graph: StoreGraph
    #: one line per report built, in file order
    reports: list[ReportLine] = field(default_factory=list)
    #: every report's records, in file order (only with ``keep_extractions``: they are what
    #: a build's memory would grow with)
    extractions: list[Extraction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    #: files processed, and how many of them came from the extraction cache
    files: int = 0
    cached: int = 0
    #: SHACL violations, one line each (empty when the graph conforms or was not validated)
    violations: list[str] = field(default_factory=list)
    #: the files written into ``out`` (none without ``out``, or when no report could be built)
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every file built and the graph conforms: what exit code 0 means."""
        return bool(self.reports) and not self.problems and not self.violations


def not_a_report(doc: Document) -> str | None:
    """Why the text is not a government annual report, or None when it reads like one.

    The test is the report's general vocabulary (法治, 年度, 工作, 推进 ...), read from
    kg/vocab/data/report_cues.tsv: a news item or a notice uses few of these words. A short
    news item about a mediation committee, a 司法所 or a legal-aid centre is a report of
    that body although it uses only two of them, so naming such a body lowers the bar.
    """
    cues = words("report_cues.tsv")
    text = PINYIN_GLOSS.sub("", doc.text)  # 調(diào)解 on mirror sites that gloss characters (holdout44 h805)
    found = sorted({c for c in cues if c in text})
    names_a_body = any(body in text for body in words("report_body_words.tsv"))
    needed = MIN_CUES_WITH_BODY if names_a_body else MIN_REPORT_CUES
    if len(found) >= needed:
        return None
    shown = "、".join(found) if found else "none"
    return (
        f"does not read like a government work report: it uses {len(found)} of the "
        f"{len(cues)} usual report words ({shown}), {needed} needed"
    )


def extraction_of(name: str, data: bytes) -> Extraction:
    """The extraction of one file's bytes: the unit of work a worker process or a cluster
    worker runs (it needs the name only for the format and the report key, not the file).

    InputError for files that are not reports; anything an extractor raises passes through.
    """
    doc = document_of(Path(name), data)
    reason = not_a_report(doc)
    if reason:
        raise InputError(reason)
    return extract(doc)


def attempt(name: str, data: bytes) -> tuple[Extraction | None, str | None]:
    """The extraction, or why there is none: what a worker sends back (never an exception,
    so one bad report cannot take a pool or a cluster task down with it)."""
    try:
        return extraction_of(name, data), None
    except InputError as exc:
        return None, str(exc)
    except Exception as exc:  # an extractor bug must not lose the other files
        return None, f"extraction failed: {type(exc).__name__}: {exc}"


def extract_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, cache: ExtractionCache | None = None
) -> tuple[Extraction, bool]:
    """Read and extract one file, and whether it came from the cache.

    InputError for files that are not reports; anything an extractor raises passes through.
    """
    data = read_bytes(path, max_bytes)
    key = entry_key(path.name, data)
    if cache is not None:
        hit = cache.get(key)
        if hit is not None:
            return hit, True
    extraction = extraction_of(path.name, data)
    if cache is not None:
        cache.put(key, extraction)
    return extraction, False


def warm_up() -> None:
    """Load the dictionaries and the gazetteer here, before worker processes fork, so that
    each worker inherits them instead of loading its own (about a second each)."""
    extract(make_document("warm-up.txt", WARM_UP_TEXT))


#: a report's opening line: enough to load every vocabulary an extractor reads
WARM_UP_TEXT = "某县司法局2023年法治政府建设工作报告\n2023年,全县开展“法律进乡村”活动12场,调解纠纷35件。"


@dataclass
class Started:
    """One input file on its way through: its cache key, and (once a worker has it) the
    extraction or the reason there is none."""

    path: Path
    future: Future
    key: str | None = None
    cached: bool = False

    def result(self) -> tuple[Extraction | None, str | None]:
        return self.future.result()


def start(
    path: Path, runner: Submitter, max_bytes: int, cache: ExtractionCache | None, named: dict[str, Path]
) -> Started:
    """Read the file here (workers may be on other machines) and hand its bytes to the runner,
    unless it cannot be read, the cache already holds its extraction, or another file of the
    build already has its name (``named``: report key -> file)."""
    key = report_key(path.name)
    if key in named:
        return Started(path, Done((None, same_name(named[key]))))
    named[key] = path
    try:
        data = read_bytes(path, max_bytes)
    except InputError as exc:
        return Started(path, Done((None, str(exc))))
    key = entry_key(path.name, data)
    hit = cache.get(key) if cache is not None else None
    if hit is not None:
        return Started(path, Done((hit, None)), key, cached=True)
    return Started(path, runner.submit(attempt, path.name, data), key)


def same_name(first: Path) -> str:
    """Why a second file of the same name is not built: a report is known by its file name
    (its IRI is made from it), so two would become one report."""
    return f"another input file has the same name ({first}); a report is known by its file name: rename one"


@dataclass
class Extracted:
    """What the extraction stage hands on: the extractions in file order, and what failed."""

    extractions: list[Extraction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    files: int = 0
    cached: int = 0


def extracted(
    paths: list[str | Path] | str | Path,
    done: Extracted,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    on_file: Callable[[Path, Extraction | None, Problem | None], None] | None = None,
    cache_dir: str | Path | None = None,
    jobs: int | None = None,
    scheduler: str | None = None,
) -> Iterator[Extraction]:
    """Read and extract every report under ``paths``, yielding the extractions in file order
    as they come (so that a build can map each report and forget it); what failed, the
    warnings and the counts go into ``done``."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = input_files([Path(p) for p in paths])
    cache = ExtractionCache(Path(cache_dir)) if cache_dir is not None else None
    done.files = len(files)
    named: dict[str, Path] = {}
    with runner_for(jobs, scheduler, len(files)) as (runner, window):
        if not isinstance(runner, Inline) and scheduler is None:
            warm_up()
        for started in in_order(lambda path: start(path, runner, max_bytes, cache, named), files, window):
            path = started.path
            ex, reason = started.result()
            if ex is None:
                problem = Problem(str(path), str(reason))
                if on_file is not None:
                    on_file(path, None, problem)
                if strict:
                    raise BuildStopped(problem)
                done.problems.append(problem)
                continue
            if started.cached:
                done.cached += 1
            elif cache is not None and started.key is not None:
                cache.put(started.key, ex)
            done.warnings.extend(Problem(str(path), w) for w in ex.meta.warnings)
            if on_file is not None:
                on_file(path, ex, None)
            yield ex
    if cache is not None:
        cache.prune()


def extract_all(paths: list[str | Path] | str | Path, **options: Any) -> Extracted:
    """Read and extract every report under ``paths``, in file order, all held; ``options``
    are those of :func:`extracted` (``jobs``, ``cache_dir``, ``strict`` …)."""
    done = Extracted()
    done.extractions = list(extracted(paths, done, **options))
    return done


#: input size (bytes) from which a build's store is on disk: such a corpus (some 2 500
#: reports) makes a graph of about 500 MB in memory, and memory would keep growing with it
ON_DISK_FROM_BYTES = 8_000_000
STORES = ("auto", "memory", "disk")


def check_store(store: str) -> None:
    """ValueError for a ``store`` that is none of :data:`STORES` (before any work is done)."""
    if store not in STORES:
        raise ValueError(f"unknown store {store!r}: one of {', '.join(STORES)}")


def on_disk(store: str, files: list[Path]) -> bool:
    """Whether the build's store goes on disk: ``store`` says so, or (``auto``) the input
    files are big."""
    check_store(store)
    if store != "auto":
        return store == "disk"
    size = 0
    for path in files:
        try:
            size += path.stat().st_size
        except OSError:  # named as a problem when the build reads it
            continue
        if size >= ON_DISK_FROM_BYTES:
            return True
    return False


def build(
    paths: list[str | Path] | str | Path,
    out: str | Path | None = None,
    *,
    html: bool = True,
    formats: Iterable[str] | None = None,
    validate: bool | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    on_file: Callable[[Path, Extraction | None, Problem | None], None] | None = None,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    jobs: int | None = None,
    scheduler: str | None = None,
    store: str = "auto",
    keep_extractions: bool = True,
) -> BuildResult:
    """Build the knowledge graph of every report under ``paths``, and with ``out`` write it.

    A file that cannot be read or extracted is listed in ``problems`` and left out;
    with ``strict`` the first problem raises :class:`BuildStopped` instead. Extraction runs
    in ``jobs`` processes (None: every core), or on the Dask cluster whose scheduler is at
    ``scheduler``; the graph is the same byte for byte whichever runs it.

    With ``out`` this is ``kg build``: reports whose bytes (and the extractor code) did not
    change are taken from ``OUT/.cache`` (or ``cache_dir``; ``use_cache=False`` for none),
    the graph is checked against the SHACL shapes (``validate``, default on), and every
    export is written into a staging folder and renamed into place, so an interrupted build
    leaves the previous exports whole. ``formats`` chooses the files (names of
    :data:`kg.publish.export.FORMATS`; None: all); ``html=False`` leaves the page out.
    On a big graph, SHACL and the writers run side by side in ``jobs`` processes. Nothing is
    written when no report could be built.
    Without ``out`` nothing is written, nothing is validated unless asked, and only
    ``cache_dir`` is used as a cache.

    Reports stream through: each is resolved and mapped into the store as soon as it is
    extracted, and forgotten unless ``keep_extractions`` (``kg build`` keeps only a
    :class:`ReportLine` per report). The store is in memory, or on disk (``store="disk"``,
    or ``"auto"`` from :data:`ON_DISK_FROM_BYTES` of input) so that memory stays flat.
    """
    if out is not None:
        chosen_files(formats, html)  # an unknown format fails here, before any work
    if out is not None and cache_dir is None and use_cache:
        cache_dir = Path(out) / CACHE_DIRNAME
    files = input_files([Path(p) for p in ([paths] if isinstance(paths, (str, Path)) else paths)])
    disk = on_disk(store, files)
    done = Extracted()
    lines: list[ReportLine] = []

    def reports() -> Iterator[Extraction]:
        for ex in extracted(files, done, max_bytes, strict, on_file, cache_dir if use_cache else None, jobs, scheduler):
            lines.append(ReportLine.of(ex))
            if keep_extractions:
                done.extractions.append(ex)
            yield ex

    graph = graph_of(reports(), on_disk=disk)
    result = BuildResult(
        graph=graph,
        reports=lines,
        extractions=done.extractions,
        problems=done.problems,
        warnings=done.warnings,
        files=done.files,
        cached=done.cached,
    )
    check = validate or (validate is None and out is not None)
    # forked writers cannot read an on-disk store (a RocksDB handle does not survive a fork)
    side_by_side = len(graph) >= PARALLEL_WRITING_FROM and graph.path is None
    workers = (jobs or default_jobs()) if side_by_side else 1
    if out is not None and result.reports:
        check_and_write(result, Path(out), html, formats, check, workers)
    elif check:
        result.violations = violations(graph)
    return result


#: from this many triples, SHACL and the export writers run side by side in ``jobs`` processes
PARALLEL_WRITING_FROM = 50_000


def check_and_write(
    result: BuildResult,
    out: Path,
    html: bool,
    formats: Iterable[str] | None,
    validate: bool,
    workers: int,
) -> None:
    """Check the graph against the SHACL shapes and write every export, side by side in
    ``workers`` processes; the exports go into a staging folder inside OUT and are renamed
    into place only when every one of them is whole.

    Rendering takes seconds, renaming microseconds: an interrupted build (Ctrl-C, kill)
    leaves the previous exports whole and consistent with each other.
    """
    out.mkdir(parents=True, exist_ok=True)
    # the folder is made inside the try, so an interrupt at any moment leaves none behind
    staging = out / f".staging-{os.getpid()}-{next(tempfile._get_candidate_names())}"
    try:
        staging.mkdir()
        checks = [lambda: violations(result.graph)] if validate else []
        result.graph.keep_sorted()  # sorted once here, read by every writer
        done = run_tasks([*checks, *export_jobs(result.graph, staging, html, formats)], workers)
        if validate:
            result.violations = done.pop(0)
        staged = [path for paths in done for path in paths]
        for path in sorted(p for p in staging.rglob("*") if p.is_file()):
            target = out / path.relative_to(staging)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.written = [out / p.relative_to(staging) for p in staged]
