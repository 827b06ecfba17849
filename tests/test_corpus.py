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

Document extractors (regions, report_meta, challenges) take ``text:`` instead of ``sentence:``.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kg.document import Sentence, make_document
from kg.extract import challenges, initiatives, organizations, outcomes, policies, regions, report_meta
from kg.extract.context import ReportContext
from kg.records import ReportMeta

CORPUS = Path(__file__).parent / "corpus"

#: extractor name -> (input kind, function(input, context) -> records)
EXTRACTORS = {
    "outcomes": ("sentence", outcomes.outcomes_in),
    "policies": ("sentence", policies.policies_in),
    "initiatives": ("sentence", initiatives.initiatives_in),
    "organizations": ("sentence", organizations.organizations_in),
    "regions": ("document", regions.regions_in_document),
    "challenges": ("document", challenges.challenges_in_document),
    # kg.extract re-exports the function under the module's name, so take whichever is callable
    "report_meta": ("document", lambda doc, ctx: [getattr(report_meta, "report_meta", report_meta)(doc)]),
}


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
    from kg.extract.regions import region_mention
    from kg.extract.report_meta import home_place
    from kg.records import Evidence

    doc = make_document("case.txt", rep.get("bureau") or rep.get("region") or "报告")
    region = None
    if rep.get("region"):
        region = region_mention(rep["region"], Evidence.of(doc.sentences[0], 0, 0))
    meta = ReportMeta(bureau=rep.get("bureau"), region=region, year=rep.get("year"))
    return ReportContext(meta=meta, home=home_place(meta))


def field_of(record, path: str):
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


@pytest.mark.parametrize("extractor, case", list(cases()))
def test_corpus_case(extractor, case):
    kind, fn = EXTRACTORS[extractor]
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
    shown = "\n".join(repr(r) for r in records)
    for want in case.get("expect", []):
        assert any(matches(r, want) for r in records), f"missing {want} in:\n{shown}"
    for unwanted in case.get("absent", []):
        assert not any(matches(r, unwanted) for r in records), f"unexpected {unwanted} in:\n{shown}"
    if "exactly" in case:
        assert len(records) == case["exactly"], shown
