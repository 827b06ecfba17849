"""Which governance area a phrase belongs to, by the keywords the ontology lists for each area."""

from __future__ import annotations

from functools import cache, lru_cache

from kg.vocab.lexicon import rows
from kg.vocab.ontology import area_scheme

#: How much a keyword counts where it occurs: in the phrase itself, in the sentence around
#: it, in the section heading. What is measured or done decides; the rest breaks ties.
TEXT_WEIGHT, AROUND_WEIGHT, CONTEXT_WEIGHT = 1.0, 0.3, 0.1


@cache
def decisive_cues() -> tuple[tuple[str, str, str], ...]:
    """(cue, area, scope) rows that decide outright (涉企 -> 营商环境), longest cue first."""
    return tuple(sorted(rows("area_cues.tsv"), key=lambda r: (-len(r[0]), r[0])))


def area_of(text: str, context: str = "", around: str = "") -> str | None:
    """The area whose keywords best cover ``text``; ``around`` (its sentence) and ``context``
    (a heading) weigh less and mostly break ties.

    Longer keyword matches weigh more, so 行政复议 beats 复议 beats nothing; a keyword inside
    a longer matched keyword of another area (律师 in 公职律师) does not count.
    """
    decided = decisive_area(text, ("clause", "sentence")) or decisive_area(around, ("sentence",))
    if decided is not None:
        return decided
    scores = {}
    for part, weight in ((text, TEXT_WEIGHT), (around, AROUND_WEIGHT), (context, CONTEXT_WEIGHT)):
        if not part:
            continue
        for label, score in keyword_scores(part).items():
            scores[label] = scores.get(label, 0.0) + weight * score
    best, best_score = None, 0.0
    for _, label, _ in area_scheme():
        if scores.get(label, 0.0) > best_score:
            best, best_score = label, scores[label]
    return best


@lru_cache(maxsize=256)
def decisive_area(part: str, scopes: tuple[str, ...]) -> str | None:
    """The area a decisive cue in ``part`` settles (cached: every figure of a sentence asks it
    of the same sentence)."""
    for cue, area, scope in decisive_cues():
        if scope in scopes and cue in part:
            return area
    return None


@lru_cache(maxsize=256)
def keyword_scores(text: str) -> dict[str, float]:
    """area label -> summed length of its keywords found in ``text``, longest matches first.

    Cached (every figure of a sentence scores the same sentence); callers must not change the
    returned dict. An occurrence inside a longer keyword already taken does not count: the
    taken spans are kept as a prefix maximum of their ends, so the check is a lookup."""
    matches = sorted(
        ((k, label) for _, label, keywords in area_scheme() for k in keywords if k in text),
        key=lambda m: (-len(m[0]), m[0]),
    )
    taken = _SpanCover(len(text))
    scores: dict[str, float] = {}
    for keyword, label in matches:
        free = [s for s in occurrences(text, keyword) if not taken.covers(*s)]
        if not free:
            continue
        for a, b in free:
            taken.add(a, b)
        scores[label] = scores.get(label, 0.0) + len(keyword)
    return scores


class _SpanCover:
    """Spans added over time; ``covers(s, e)``: does one added span hold all of s..e?
    (a Fenwick tree of the largest end among spans starting at or before a position)."""

    def __init__(self, size: int) -> None:
        self.tree = [0] * (size + 2)

    def add(self, start: int, end: int) -> None:
        i = start + 1
        while i < len(self.tree):
            self.tree[i] = max(self.tree[i], end)
            i += i & -i

    def covers(self, start: int, end: int) -> bool:
        best, i = 0, start + 1
        while i > 0:
            best = max(best, self.tree[i])
            i -= i & -i
        return best >= end


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    out, i = [], text.find(word)
    while i != -1:
        out.append((i, i + len(word)))
        i = text.find(word, i + 1)
    return out
