"""Which governance area a phrase belongs to, by the keywords the ontology lists for each area."""

from __future__ import annotations

from functools import cache

from kg.lexicon import rows
from kg.ontology import area_scheme

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
    for part, scopes in ((text, ("clause", "sentence")), (around, ("sentence",))):
        for cue, area, scope in decisive_cues():
            if scope in scopes and cue in part:
                return area
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


def keyword_scores(text: str) -> dict[str, float]:
    """area label -> summed length of its keywords found in ``text``, longest matches first."""
    matches = sorted(
        ((k, label) for _, label, keywords in area_scheme() for k in keywords if k in text),
        key=lambda m: (-len(m[0]), m[0]),
    )
    taken: list[tuple[int, int]] = []
    scores: dict[str, float] = {}
    for keyword, label in matches:
        spans = occurrences(text, keyword)
        free = [s for s in spans if not any(a <= s[0] and s[1] <= b for a, b in taken)]
        if not free:
            continue
        taken.extend(free)
        scores[label] = scores.get(label, 0.0) + len(keyword)
    return scores


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    out, i = [], text.find(word)
    while i != -1:
        out.append((i, i + len(word)))
        i = text.find(word, i + 1)
    return out
