"""Measured figures: a number with a counting unit, a percentage or an amount of money."""

from __future__ import annotations

import re
from decimal import Decimal

from kg.areas import area_of
from kg.document import Document, Sentence
from kg.extract.context import ReportContext
from kg.records import Evidence, OutcomeRecord

UNITS = "人次|场次|件次|个学时|学时|余件|件|人|场|次|个|家|份|条|项|期|名|位|户|处|宗|起|篇|册|元|%"
FIGURE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?P<mult>万|亿)?(?P<approx>余|多)?(?P<unit>" + UNITS + r")")
MULTIPLIER = {"万": Decimal(10000), "亿": Decimal(100000000), None: Decimal(1)}


def outcomes_in(sentence: Sentence, context: ReportContext | None = None) -> list[OutcomeRecord]:
    out = []
    for m in FIGURE.finditer(sentence.text):
        value = Decimal(m.group("num")) * MULTIPLIER[m.group("mult")]
        clause_start = max(sentence.text.rfind(c, 0, m.start()) for c in ",，;；:：") + 1
        text = sentence.text[clause_start : m.end()]
        out.append(
            OutcomeRecord(
                text=text,
                value=value,
                unit=m.group("unit"),
                evidence=Evidence.of(sentence, clause_start, m.end()),
                area=area_of(text, sentence.heading),
                approximate=bool(m.group("approx")),
                is_target=sentence.section == "plans",
            )
        )
    return out


def outcomes_in_document(doc: Document, context: ReportContext | None = None) -> list[OutcomeRecord]:
    return [o for s in doc.sentences for o in outcomes_in(s, context)]
