"""Which governance area a phrase belongs to, by the keywords the ontology lists for each area."""

from __future__ import annotations

from kg.ontology import area_scheme


def area_of(text: str, context: str = "") -> str | None:
    """The area whose keywords best cover ``text``; ``context`` (a heading) only breaks ties.

    Longer keyword matches weigh more, so 行政复议 beats 复议 beats nothing.
    """
    best, best_score = None, 0.0
    for _, label, keywords in area_scheme():
        score = sum(len(k) for k in keywords if k in text)
        score += 0.1 * sum(len(k) for k in keywords if context and k in context)
        if score > best_score:
            best, best_score = label, score
    return best
