"""Small vocabularies read from ``kg/vocab/data``: the words the extractors match live there, not in code."""

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


def section_kind_of(text: str, inline: bool = False, top: bool = True, admits: bool = False) -> str | None:
    """Which kind of section a heading (or, with ``inline``, a running sentence) opens.

    Rows marked ``top`` (今后, 明年, 工作重点) are too common in sub-headings to switch
    the section there. An inline admission needs a contrast word too (…成效,但仍存在…),
    so 针对发现的问题和不足 in the year's work does not open a shortcomings passage;
    with ``admits`` any admission word in a sub-heading will do.
    """
    if inline:
        if admits:
            cues = [r[1] for r in rows("challenge_cues.tsv") if r[0] == "admission"]
            return "challenges" if any(w in text for w in cues) else None
        announces = any(r[1] in text for r in rows("sections.tsv") if r[0] == "inline")
        contrast = any(r[1] in text for r in rows("sections.tsv") if r[0] == "contrast")
        return "challenges" if announces and contrast else None
    for row in rows("sections.tsv"):
        kind, keyword = row[0], row[1]
        if kind in ("inline", "contrast") or (not top and len(row) > 2 and row[2] == "top"):
            continue
        if keyword in text:
            return kind
    return None
