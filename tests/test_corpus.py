"""One runner for every extractor corpus (tests/corpus/<extractor>.yaml), after duckling's Corpus files.

A case is a real sentence (or a short report text) from a report and the records the
extractor must return. Adding a case is adding lines to a YAML file, not writing a test.

    - sentence: 共办结援助案660件,办理认罪认罚793件
      section: achievements          # optional: preamble, achievements, duties, challenges, plans
      heading: (二)全力打造法治化营商环境   # optional
      report: {bureau: 綦江区司法局, region: 綦江区, year: 2022}   # optional report context
      expect:                        # each must match some returned record (fields given only)
        - {value: 660, unit: 件}
      absent:                        # none may match a returned record
        - {value: 2022}
      exactly: 2                     # optional: number of records returned
      tagger: true                   # optional: initiatives with the CRF tagger (default: rules alone)

Document extractors (regions, report_meta, challenges) take ``text:`` instead of ``sentence:``.
"""

from __future__ import annotations

from contextlib import nullcontext
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kg.extract.context import ReportContext
from kg.extract.initiative_tagger import switched_off
from kg.extract.records import ReportMeta
from kg.extract.registry import BY_NAME
from kg.text.document import Sentence, make_document

CORPUS = Path(__file__).parent / "corpus"


def extractor_of(name: str):
    """The corpus file's extractor, from the registry: (input kind, function(input, context))."""
    e = BY_NAME[name]
    if e.reads == "sentence":
        return "sentence", e.per_sentence
    return "document", e.run


def cases():
    for path in sorted(CORPUS.glob("*.yaml")):
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            yield pytest.param(
                path.stem, case, id=f"{path.stem}-{i}-{(case.get('sentence') or case.get('text'))[:16]}"
            )


def context_of(case: dict) -> ReportContext:
    """A report context from the case's ``report:`` (bureau, region, year), resolved like a real report."""
    rep = case.get("report")
    if not rep:
        return ReportContext.empty()
    from kg.extract.records import Evidence
    from kg.extract.regions import region_mention
    from kg.extract.report_meta import home_place

    doc = make_document("case.txt", rep.get("bureau") or rep.get("region") or "报告")
    region = None
    if rep.get("region"):
        region = region_mention(rep["region"], Evidence.of(doc.sentences[0], 0, 0))
    meta = ReportMeta(bureau=rep.get("bureau"), region=region, year=rep.get("year"))
    return ReportContext(meta=meta, home=home_place(meta))


def rules_of(record) -> list[str]:
    """The rules that read a record (report metadata: its bureau's and its region's)."""
    if isinstance(record, ReportMeta):
        evidences = [record.bureau_evidence, record.region.evidence if record.region else None]
    else:
        evidences = [record.evidence]
    return [e.rule for e in evidences if e is not None and e.rule]


def field_of(record, path: str):
    """``region.official``; ``rule`` is the record's evidence's (the rule that read it)."""
    if path == "rule":
        path = "evidence.rule" if hasattr(record, "evidence") else "bureau_evidence.rule"
    value = record
    for part in path.split("."):
        value = getattr(value, part, None)
    return value


def same(want, got) -> bool:
    if isinstance(got, Decimal) or (isinstance(want, (int, float)) and not isinstance(want, bool)):
        try:
            return got is not None and abs(float(got) - float(want)) < 1e-6
        except (TypeError, ValueError):
            return False
    return want == got


def matches(record, want: dict) -> bool:
    return all(same(v, field_of(record, k)) for k, v in want.items())


def records_of(extractor: str, case: dict) -> list:
    """The extractor's records for the case; the initiative tagger runs only in the cases that
    say ``tagger: true`` (the others pin the rules, which a retrained model must not move)."""
    with nullcontext() if case.get("tagger") else switched_off():
        return _records_of(extractor, case)


def _records_of(extractor: str, case: dict) -> list:
    kind, fn = extractor_of(extractor)
    context = context_of(case)
    if kind == "sentence":
        text = case["sentence"]
        sentence = Sentence(
            text=text,
            start=0,
            end=len(text),
            section=case.get("section", "achievements"),
            heading=case.get("heading", ""),
        )
        records = fn(sentence, context)
    else:
        records = fn(make_document("case.txt", case["text"]), context)
    return records


@pytest.mark.parametrize("extractor, case", list(cases()))
def test_corpus_case(extractor, case):
    records = records_of(extractor, case)
    shown = "\n".join(repr(r) for r in records)
    # report metadata reads its region with the regions extractor's rules too
    rules = BY_NAME[extractor].rule_names() | (
        BY_NAME["regions"].rule_names() if extractor == "report_meta" else set()
    )
    for rule in (r for record in records for r in rules_of(record)):
        assert rule in rules, f"{rule} is not a rule of {extractor} in kg/extract/registry.py"
    for want in case.get("expect", []):
        assert any(matches(r, want) for r in records), f"missing {want} in:\n{shown}"
    for unwanted in case.get("absent", []):
        assert not any(matches(r, unwanted) for r in records), f"unexpected {unwanted} in:\n{shown}"
    if "exactly" in case:
        assert len(records) == case["exactly"], shown


def test_every_registered_rule_is_pinned_by_a_corpus_case():
    """Like duckling's corpora: each named rule has a real sentence that exercises it, so a rule
    nobody can point at a case for is found (and a failing case names its rule)."""
    fired = set()
    for extractor, case in (p.values for p in cases()):
        fired |= {rule for record in records_of(extractor, case) for rule in rules_of(record)}
    registered = {r for name, e in BY_NAME.items() for r in e.rule_names()}
    assert registered - fired == set()
