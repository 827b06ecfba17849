"""The pipeline as a library call: files in, a resolved graph out, problems listed by file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.extract import extract
from kg.rdf import to_graph
from kg.reader import DEFAULT_MAX_BYTES, InputError, input_files, read_document
from kg.records import Extraction
from kg.resolve import Resolved, resolve


@dataclass
class Problem:
    """A file that could not be built, and why (one line)."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass
class BuildResult:
    graph: Graph
    resolved: Resolved
    extractions: list[Extraction] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def extract_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Extraction:
    """Read and extract one file; InputError for files that are not reports."""
    doc = read_document(path, max_bytes=max_bytes)
    return extract(doc)


def build(
    paths: list[str | Path] | str | Path,
    max_bytes: int = DEFAULT_MAX_BYTES,
    strict: bool = False,
    on_file: Callable[[Path, Extraction | None, Problem | None], None] | None = None,
) -> BuildResult:
    """Build the knowledge graph of every report under ``paths``.

    A file that cannot be read or extracted is listed in ``problems`` and left out;
    with ``strict`` the first problem raises instead.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = input_files([Path(p) for p in paths])
    extractions: list[Extraction] = []
    problems: list[Problem] = []
    warnings: list[Problem] = []
    for path in files:
        problem = None
        ex = None
        try:
            ex = extract_file(path, max_bytes=max_bytes)
        except InputError as exc:
            problem = Problem(str(path), str(exc))
        except Exception as exc:  # an extractor bug must not lose the other files
            problem = Problem(str(path), f"extraction failed: {type(exc).__name__}: {exc}")
        if problem is not None:
            if strict:
                raise InputError(str(problem))
            problems.append(problem)
        else:
            assert ex is not None
            extractions.append(ex)
            warnings.extend(Problem(str(path), w) for w in ex.meta.warnings)
        if on_file is not None:
            on_file(path, ex, problem)
    resolved = resolve(extractions)
    return BuildResult(
        graph=to_graph(resolved),
        resolved=resolved,
        extractions=extractions,
        problems=problems,
        warnings=warnings,
    )
