"""Writing outputs: every file goes to a temporary name first, then is renamed into place.

An interrupted build therefore leaves the previous file whole, never half of a new one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from rdflib import Graph


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


def export_jobs(
    graph: Graph, out: Path, html: bool = True, formats: Iterable[str] | None = None
) -> list[Callable[[], list[Path]]]:
    """The writing of a build as independent jobs, the longest first; each writes its files
    atomically and returns their paths.

    The writers that share one pyoxigraph snapshot of the graph (Turtle, N-Triples, the
    CSV tables, N-Quads, TriG) form one job, so the graph is converted once; JSON-LD,
    GraphML and the page are jobs of their own. Jobs share nothing but the graph, so a
    build may run them side by side (:func:`kg.parallel.run_tasks`).
    """
    from kg.publish.formats import Snapshot, format_texts

    wanted = chosen_files(formats, html)
    view = Snapshot(graph)
    renders = {name: render for name, render in format_texts(graph, view).items() if name in wanted}

    def writing(names: list[str]) -> Callable[[], list[Path]]:
        def write() -> list[Path]:
            for name in names:
                write_text(out / name, renders[name]())
            view.release()  # the snapshot's writers are all in one job: this is its end
            return [out / name for name in names]

        return write

    shared = [n for n in ("graph.ttl", "graph.nt", "outcomes.csv", "initiatives.csv", "graph.nq", "graph.trig")
              if n in renders]  # fmt: skip
    alone = [n for n in ("graph.jsonld", "graph.graphml") if n in renders]
    jobs = [writing(shared)] if shared else []
    jobs += [writing([name]) for name in alone]
    if "graph.html" in wanted:

        def page() -> list[Path]:
            from kg.publish.html import overview_html

            write_text(out / "graph.html", overview_html(graph))
            return [out / "graph.html"]

        jobs.append(page)
    return jobs


def write_exports(result, out: Path, html: bool = True, formats: Iterable[str] | None = None) -> list[Path]:
    """Every output of a build, each written atomically, one after the other; returns the
    paths written. The one list of what ``kg build`` writes is :func:`export_jobs`."""
    return [path for job in export_jobs(result.graph, out, html, formats) for path in job()]


def write_formats(graph: Graph, out: Path) -> list[Path]:
    """Every format but the page, each written atomically; returns the paths written."""
    return [path for job in export_jobs(graph, out, html=False) for path in job()]
