"""Small vocabularies read from ``kg/data``: the words the extractors match live there, not in code."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """The non-comment rows of a TSV data file, as tuples of stripped cells."""
    out = []
    with (DATA / name).open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or not row[0].strip() or row[0].lstrip().startswith("#"):
                continue
            out.append(tuple(cell.strip() for cell in row))
    return tuple(out)


@cache
def words(name: str) -> tuple[str, ...]:
    """The first column of a data file: a plain word list."""
    return tuple(r[0] for r in rows(name))


def section_kind_of(text: str, inline: bool = False) -> str | None:
    """Which kind of section a heading (or, with ``inline``, a running sentence) opens."""
    for kind, keyword in rows("sections.tsv"):
        if (kind == "inline") != inline:
            continue
        if keyword in text:
            return "challenges" if inline else kind
    return None
