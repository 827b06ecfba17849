"""Named bodies: agencies, mediation organisations, other organisations and media."""

from __future__ import annotations

import re

from kg.document import Document, Sentence
from kg.extract.context import ReportContext
from kg.records import Evidence, OrgMention

MEDIATION = re.compile(r"“?([\u4e00-\u9fa5]{2,20}(?:人民调解委员会|调委会|调解室|调解工作室|调解中心))”?")
AGENCY = re.compile(
    r"([\u4e00-\u9fa5]{1,12}?(?:司法局|司法厅|人民法院|法院|检察院|公安局|人民政府|政府|信访办|教委))"
)


def organizations_in(sentence: Sentence, context: ReportContext | None = None) -> list[OrgMention]:
    out = []
    for m in MEDIATION.finditer(sentence.text):
        out.append(
            OrgMention(
                name=m.group(1), kind="mediation", evidence=Evidence.of(sentence, m.start(1), m.end(1))
            )
        )
    for m in AGENCY.finditer(sentence.text):
        out.append(
            OrgMention(name=m.group(1), kind="agency", evidence=Evidence.of(sentence, m.start(1), m.end(1)))
        )
    return out


def organizations_in_document(doc: Document, context: ReportContext | None = None) -> list[OrgMention]:
    return [o for s in doc.sentences for o in organizations_in(s, context)]
