"""Chinese administrative divisions (GB/T 2260), read from the tree JioNLP ships.

JioNLP's ``china_location.zip`` holds province > prefecture > county (with six-digit
codes) > town > village. We read it straight from the installed package (importing
jionlp itself costs seconds and prints banners) and keep four levels: villages are
too many and too ambiguous to match in running text.
"""

from __future__ import annotations

import importlib.util
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEVELS = ("province", "city", "county", "town")


@dataclass(frozen=True)
class Place:
    """One administrative unit. ``parent`` indexes into :func:`places`."""

    name: str
    code: str | None
    short: str
    level: str
    parent: int | None
    index: int


def _location_file() -> Path:
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed: it ships the division tree lgkg reads")
    return Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "china_location.zip"


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every province, prefecture, county and town, parents before children."""
    with zipfile.ZipFile(_location_file()) as z:
        text = z.read("china_location.txt").decode("utf-8")
    out: list[Place] = []
    stack: list[int | None] = [None] * len(LEVELS)
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip("\t"))
        if depth >= len(LEVELS) or not line.strip():
            continue
        cells = line.strip("\t").split("\t")
        name = cells[0].strip()
        code = cells[1].strip() if len(cells) > 1 and cells[1].strip() else None
        short = cells[2].strip() if len(cells) > 2 and cells[2].strip() else name
        parent = stack[depth - 1] if depth else None
        # municipalities repeat themselves one level down (上海市 > 上海市): keep one node
        if parent is not None and out[parent].name == name and out[parent].code == code:
            stack[depth] = parent
            continue
        place = Place(name=name, code=code, short=short, level=LEVELS[depth], parent=parent, index=len(out))
        out.append(place)
        stack[depth] = place.index
        for deeper in range(depth + 1, len(LEVELS)):
            stack[deeper] = None
    return tuple(out)


@lru_cache(maxsize=1)
def by_name() -> dict[str, tuple[Place, ...]]:
    """Places by full name and by short name (綦江区 and 綦江)."""
    index: dict[str, list[Place]] = defaultdict(list)
    for p in places():
        index[p.name].append(p)
        if p.short != p.name and len(p.short) >= 2:
            index[p.short].append(p)
    return {k: tuple(v) for k, v in index.items()}


def lookup(name: str) -> tuple[Place, ...]:
    return by_name().get(name, ())


def chain(place: Place) -> tuple[Place, ...]:
    """The place's parents from the province down, then the place itself."""
    out = [place]
    while out[-1].parent is not None:
        out.append(places()[out[-1].parent])
    return tuple(reversed(out))


def province_of(place: Place) -> Place:
    return chain(place)[0]
