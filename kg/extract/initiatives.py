"""Named programmes of action: quoted names followed by a kind word (活动, 机制, 工程…)."""

from __future__ import annotations

import re

from kg.areas import area_of
from kg.document import Document, Sentence
from kg.extract.context import ReportContext
from kg.records import Evidence, InitiativeRecord

KIND_WORDS = {
    "专项行动": "campaign",
    "行动": "campaign",
    "活动": "campaign",
    "工程": "project",
    "机制": "mechanism",
    "模式": "model",
    "工作法": "model",
    "经验": "model",
    "体系": "system",
    "试点": "pilot",
    "品牌": "brand",
    "服务": "service",
    "平台": "platform",
}
QUOTED = re.compile(r"“([^“”]{2,30})”(" + "|".join(sorted(KIND_WORDS, key=len, reverse=True)) + ")?")


def initiatives_in(sentence: Sentence, context: ReportContext | None = None) -> list[InitiativeRecord]:
    out = []
    for m in QUOTED.finditer(sentence.text):
        if not m.group(2):
            continue
        name = m.group(1) + m.group(2)
        out.append(
            InitiativeRecord(
                name=name,
                kind=KIND_WORDS[m.group(2)],
                status="planned" if sentence.section == "plans" else "done",
                evidence=Evidence.of(sentence, m.start(), m.end()),
                area=area_of(name, sentence.text),
            )
        )
    return out


def initiatives_in_document(doc: Document, context: ReportContext | None = None) -> list[InitiativeRecord]:
    return [i for s in doc.sentences for i in initiatives_in(s, context)]
