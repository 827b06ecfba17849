"""Chinese administrative divisions (GB/T 2260), read from the tree JioNLP ships.

JioNLP's ``china_location.zip`` holds province > prefecture > county (with six-digit
codes) > town > village. We read it straight from the installed package (importing
jionlp itself costs seconds and prints banners) and keep four levels: villages are
too many and too ambiguous to match in running text.
"""

from __future__ import annotations

import importlib.util
import os
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEVELS = ("province", "city", "county", "town")
#: 省直辖县级行政区划, 市直辖行政区划: bookkeeping rows of the tree, not places
PLACEHOLDER_SUFFIX = "直辖行政区划"


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


def _cache_file(source: Path) -> Path:
    """Where the four kept levels of the tree are cached, named after the source file's
    size and time, so a new JioNLP release is read afresh."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    stat = source.stat()
    return base / "lgkg" / f"china_location-{stat.st_size}-{stat.st_mtime_ns}.txt"


def _tree_lines() -> list[str]:
    """The tree's lines down to towns. Villages are nine lines in ten of the 12 MB file, so
    the kept lines are cached (a plain copy of them); without a writable cache, the zip is read."""
    source = _location_file()
    cache = _cache_file(source)
    try:
        return cache.read_text(encoding="utf-8").split("\n")
    except OSError:
        pass
    with zipfile.ZipFile(source) as z:
        text = z.read("china_location.txt").decode("utf-8")
    too_deep = "\t" * len(LEVELS)
    lines = [line.rstrip("\r") for line in text.split("\n") if line.strip() and not line.startswith(too_deep)]
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        partial = cache.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("\n".join(lines), encoding="utf-8")
        os.replace(partial, cache)
    except OSError:
        pass
    return lines


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every province, prefecture, county and town, parents before children."""
    out: list[Place] = []
    stack: list[int | None] = [None] * len(LEVELS)
    for line in _tree_lines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth >= len(LEVELS) or not line.strip():
            continue
        cells = line.strip("\t").split("\t")
        name = cells[0].strip()
        code = cells[1].strip() if len(cells) > 1 and cells[1].strip() else None
        short = cells[2].strip() if len(cells) > 2 and cells[2].strip() else name
        parent = stack[depth - 1] if depth else None
        # municipalities repeat themselves one level down (上海市 > 上海市), and 省直辖县级行政区划
        # is a filing placeholder, not a place: their children hang on the unit above
        repeats = parent is not None and out[parent].name == name and out[parent].code == code
        if repeats or name.endswith(PLACEHOLDER_SUFFIX):
            stack[depth] = parent
            for deeper in range(depth + 1, len(LEVELS)):
                stack[deeper] = None
            continue
        place = Place(name=name, code=code, short=short, level=LEVELS[depth], parent=parent, index=len(out))
        out.append(place)
        stack[depth] = place.index
        for deeper in range(depth + 1, len(LEVELS)):
            stack[deeper] = None
    return tuple(out)


def _grouped(pairs: Iterable[tuple[str, Place]]) -> dict[str, tuple[Place, ...]]:
    """Places grouped by a key, in tree order (parents before children) within each key."""
    index: dict[str, list[Place]] = defaultdict(list)
    for key, place in pairs:
        index[key].append(place)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def by_name() -> dict[str, tuple[Place, ...]]:
    """Places by full name and by short name (綦江区 and 綦江)."""
    return _grouped(
        (key, p)
        for p in places()
        for key in ((p.name, p.short) if p.short != p.name and len(p.short) >= 2 else (p.name,))
    )


def lookup(name: str) -> tuple[Place, ...]:
    return by_name().get(name, ())


#: How a town-level name ends: only these are matched in running text (a bare 永安 is not a town).
TOWN_SUFFIXES = ("街道", "镇", "乡", "苏木")


@lru_cache(maxsize=1)
def full_names() -> dict[str, tuple[Place, ...]]:
    """Province, prefecture and county units by official name (綦江区, 大兴安岭地区)."""
    return _grouped((p.name, p) for p in places() if p.level != "town")


@lru_cache(maxsize=1)
def short_names() -> dict[str, tuple[Place, ...]]:
    """Province, prefecture and county units by short name (綦江, 大兴安岭), when it differs from the full one."""
    return _grouped(
        (p.short, p) for p in places() if p.level != "town" and p.short != p.name and len(p.short) >= 2
    )


@lru_cache(maxsize=1)
def town_names() -> dict[str, tuple[Place, ...]]:
    """Towns, townships and streets by full name; they repeat nationwide, so callers scope them."""
    return _grouped(
        (p.name, p)
        for p in places()
        if p.level == "town" and p.name.endswith(TOWN_SUFFIXES) and len(p.name) >= 3
    )


def is_within(place: Place, ancestor: Place) -> bool:
    """True when ``ancestor`` is ``place`` or one of its parents."""
    return ancestor in chain(place)


def chain(place: Place) -> tuple[Place, ...]:
    """The place's parents from the province down, then the place itself."""
    out = [place]
    while out[-1].parent is not None:
        out.append(places()[out[-1].parent])
    return tuple(reversed(out))


def province_of(place: Place) -> Place:
    return chain(place)[0]


@lru_cache(maxsize=1)
def former_names() -> dict[str, tuple[Place, ...]]:
    """Counties renamed or merged since (新津县 -> 新津区, 江干区 -> 上城区), from JioNLP's dated
    change list, mapped to the unit that holds them now: older reports use the old names.
    A former name that is still some unit's current name is left out (桥东区 exists elsewhere)."""
    path = _location_file().parent / "china_location_change.txt"
    if not path.exists():
        return {}
    current = full_names()
    index: dict[str, list[Place]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 10 or not cells[6] or not cells[9]:
            continue
        old, new_city, new_name = cells[6], cells[8], cells[9]
        if old in current or old == new_name:
            continue
        now = [q for q in current.get(new_name, ()) if any(a.name == new_city for a in chain(q))]
        if len(now) == 1 and now[0] not in index[old]:
            index[old].append(now[0])
    return {k: tuple(v) for k, v in sorted(index.items())}


@lru_cache(maxsize=1)
def abbreviated_names() -> dict[str, tuple[Place, ...]]:
    """How reports write autonomous units: short name plus the plain suffix (恩施州 for
    恩施土家族苗族自治州, 石柱县 for 石柱土家族自治县), unless that is another unit's name."""
    plain = {"自治州": "州", "自治县": "县", "自治旗": "旗"}
    current = full_names()
    index: dict[str, list[Place]] = defaultdict(list)
    for p in places():
        for suffix, written in plain.items():
            if p.level != "town" and p.name.endswith(suffix) and p.short != p.name:
                name = p.short + written
                if name not in current:
                    index[name].append(p)
    return {k: tuple(v) for k, v in index.items()}
