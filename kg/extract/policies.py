"""Policy documents named in a report: titles in 《》 and unmarked named laws."""

from __future__ import annotations

import re

from kg.document import Document, Sentence
from kg.extract.context import ReportContext
from kg.lexicon import rows
from kg.records import Evidence, PolicyMention

BOOK_TITLE = re.compile(r"《([^《》]{2,120})》")


def policy_type_of(title: str) -> str:
    """law, regulation, plan, measure or other, by the document-type word the title ends with."""
    core = re.sub(r"[(（][^()（）]*[)）]$", "", title).strip()
    best = ("other", 0)
    for suffix, kind in rows("policy_types.tsv"):
        if core.endswith(suffix) and len(suffix) > best[1]:
            best = (kind, len(suffix))
    return best[0]


def policies_in(sentence: Sentence, context: ReportContext | None = None) -> list[PolicyMention]:
    out = []
    for m in BOOK_TITLE.finditer(sentence.text):
        title = m.group(1).strip()
        kind = policy_type_of(title)
        out.append(
            PolicyMention(title=title, policy_type=kind, evidence=Evidence.of(sentence, m.start(1), m.end(1)))
        )
    return out


def policies_in_document(doc: Document, context: ReportContext | None = None) -> list[PolicyMention]:
    return [p for s in doc.sentences for p in policies_in(s, context)]
