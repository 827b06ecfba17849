"""Writing outputs: every file goes to a temporary name first, then is renamed into place.

An interrupted build therefore leaves the previous file whole, never half of a new one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from rdflib import Graph

from kg.graph.store import StoreGraph


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` that replaces it only if the block succeeds."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, target)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def write_with(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """``write`` fills a binary file that then replaces ``target`` (writers stream: a big graph
    is never held as one string)."""
    with atomic_path(target) as tmp, open(tmp, "wb") as out:
        write(out)


#: what ``kg build --formats`` can choose: name -> the files it writes
FORMATS: dict[str, tuple[str, ...]] = {
    "ttl": ("graph.ttl",),
    "nt": ("graph.nt",),
    "nq": ("graph.nq",),
    "trig": ("graph.trig",),
    "jsonld": ("graph.jsonld",),
    "csv": ("outcomes.csv", "initiatives.csv"),
    "graphml": ("graph.graphml",),
    "html": ("graph.html",),
}


def chosen_files(formats: Iterable[str] | None, html: bool = True) -> set[str]:
    """The file names a build writes for the formats asked for (None: all of them)."""
    names = list(FORMATS) if formats is None else list(formats)
    unknown = sorted(set(names) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)} (choose from {', '.join(FORMATS)})")
    files = {f for name in names for f in FORMATS[name]}
    return files if html else files - {"graph.html"}


#: the order jobs start in: the longest first, so that side by side they end together
LONGEST_FIRST = (
    "graph.nq", "graph.jsonld", "graph.trig", "graph.html", "graph.ttl", "graph.nt",
    "graph.graphml", "outcomes.csv", "initiatives.csv",
)  # fmt: skip


def export_jobs(
    graph: Graph | StoreGraph, out: Path, html: bool = True, formats: Iterable[str] | None = None
) -> list[Callable[[], list[Path]]]:
    """The writing of a build as independent jobs, the longest first; each writes one file
    atomically and returns its path. Jobs share nothing but the graph, which they only read,
    so a build may run them side by side (:func:`kg.parallel.run_tasks`).
    """
    from kg.publish.formats import WRITERS

    wanted = chosen_files(formats, html)

    def writing(name: str) -> Callable[[], list[Path]]:
        def write() -> list[Path]:
            if name == "graph.html":
                from kg.publish.html import overview_html

                write_text(out / name, overview_html(graph))
            else:
                write_with(out / name, lambda handle: WRITERS[name](graph, handle))
            return [out / name]

        return write

    return [writing(name) for name in LONGEST_FIRST if name in wanted]


def write_exports(result, out: Path, html: bool = True, formats: Iterable[str] | None = None) -> list[Path]:
    """Every output of a build, each written atomically, one after the other; returns the
    paths written. The one list of what ``kg build`` writes is :func:`export_jobs`."""
    return [path for job in export_jobs(result.graph, out, html, formats) for path in job()]


def write_formats(graph: Graph | StoreGraph, out: Path) -> list[Path]:
    """Every format but the page, each written atomically; returns the paths written."""
    return [path for job in export_jobs(graph, out, html=False) for path in job()]
