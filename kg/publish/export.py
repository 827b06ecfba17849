"""Writing outputs: every file goes to a temporary name first, then is renamed into place.

An interrupted build therefore leaves the previous file whole, never half of a new one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
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


def write_exports(result, out: Path, html: bool = True) -> list[Path]:
    """Every output of a build, each written atomically; returns the paths written.

    The one list of what ``kg build`` writes: add a format here, not in the CLI.
    """
    written = write_formats(result.graph, out)
    if html:
        from kg.publish.html import graph_html

        write_text(out / "graph.html", graph_html(result.graph))
        written.append(out / "graph.html")
    return written


def write_formats(graph: Graph, out: Path) -> list[Path]:
    """Every format but the page (Turtle, TriG/N-Quads per report, JSON-LD, N-Triples, CSV tables, GraphML),
    each written atomically; returns the paths written."""
    from kg.publish.formats import format_texts

    written = []
    for name, render in format_texts(graph).items():
        write_text(out / name, render())
        written.append(out / name)
    return written
