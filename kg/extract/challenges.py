"""Shortcomings a report admits: clauses of the shortcomings section."""

from __future__ import annotations

import re

from kg.areas import area_of
from kg.document import Document
from kg.extract.context import ReportContext
from kg.records import ChallengeRecord, Evidence

ADMISSION = re.compile(
    r"[^,，;；:：。]*(?:有待|不够|不足|不强|仍需|还需|欠缺|薄弱|差距|不高|滞后)[^,，;；:：。]*"
)


def challenges_in_document(doc: Document, context: ReportContext | None = None) -> list[ChallengeRecord]:
    out = []
    for s in doc.sentences:
        if s.section != "challenges":
            continue
        for m in ADMISSION.finditer(s.text):
            text = m.group(0).strip()
            if len(text) >= 6:
                out.append(
                    ChallengeRecord(
                        text=text, evidence=Evidence.of(s, m.start(), m.end()), area=area_of(text)
                    )
                )
    return out
