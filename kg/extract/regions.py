"""Administrative units named in a report, resolved against the gazetteer in the report's context."""

from __future__ import annotations

import re
from functools import lru_cache

from kg import gazetteer
from kg.document import Document
from kg.extract.context import ReportContext
from kg.records import Evidence, RegionMention


@lru_cache(maxsize=1)
def _full_names() -> re.Pattern[str]:
    names = {p.name for p in gazetteer.places() if p.level != "town" and len(p.name) >= 3}
    return re.compile("|".join(sorted(map(re.escape, names), key=len, reverse=True)))


def region_mention(name: str, evidence: Evidence, home: gazetteer.Place | None = None) -> RegionMention:
    """Resolve a name to one place, preferring the one nearest the report's own region."""
    candidates = gazetteer.lookup(name)
    place = choose(candidates, home)
    if place is None:
        return RegionMention(name=name, evidence=evidence)
    parents = tuple((p.name, p.code or "") for p in gazetteer.chain(place)[:-1])
    return RegionMention(
        name=name, evidence=evidence, code=place.code, official=place.name, parents=parents, level=place.level
    )


def choose(candidates: tuple[gazetteer.Place, ...], home: gazetteer.Place | None) -> gazetteer.Place | None:
    """The candidate sharing the longest chain with ``home``; none when ambiguous without context."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    if home is None:
        return None
    home_chain = set(gazetteer.chain(home))
    scored = sorted(candidates, key=lambda c: -len(home_chain & set(gazetteer.chain(c))))
    best = scored[0]
    if len(home_chain & set(gazetteer.chain(best))) == 0:
        return None
    return best


def regions_in_document(doc: Document, context: ReportContext | None = None) -> list[RegionMention]:
    home = context.home if context else None
    out = []
    pattern = _full_names()
    for s in doc.sentences:
        for m in pattern.finditer(s.text):
            out.append(region_mention(m.group(0), Evidence.of(s, m.start(), m.end()), home))
    return out
