"""Who wrote the report, about which region and year: from the title, opening or signature."""

from __future__ import annotations

import re

from kg import gazetteer
from kg.document import Document
from kg.extract.regions import region_mention
from kg.records import Evidence, ReportMeta

YEAR = re.compile(r"((?:19|20)\d{2})年")
BUREAU = re.compile(r"([\u4e00-\u9fa5]{2,20}?(?:司法局|司法厅|人民政府|政府|委员会|局|厅|办公室|委|院))")


def report_meta(doc: Document) -> ReportMeta:
    head = "\n".join(s.text for s in doc.sentences[:3])
    years = [int(y) for y in YEAR.findall(head)]
    year = years[0] if years else None
    bureau, bureau_evidence = None, None
    for s in doc.sentences[:3] + doc.sentences[-3:]:
        m = BUREAU.search(s.text)
        if m:
            bureau = m.group(1)
            bureau_evidence = Evidence.of(s, m.start(1), m.end(1))
            break
    region = None
    if bureau:
        for place in sorted(gazetteer.by_name(), key=len, reverse=True):
            if len(place) >= 2 and bureau.startswith(place):
                candidates = gazetteer.lookup(place)
                if len(candidates) == 1:
                    sent = doc.sentences[0]
                    region = region_mention(place, Evidence.of(sent, 0, 0))
                break
    warnings = ()
    if year is None:
        warnings += ("no report year found",)
    if bureau is None:
        warnings += ("no reporting bureau found",)
    return ReportMeta(
        bureau=bureau,
        region=region,
        year=year,
        title=doc.title(),
        bureau_evidence=bureau_evidence,
        warnings=warnings,
    )


def home_place(meta: ReportMeta) -> gazetteer.Place | None:
    """The gazetteer place of the report's own region, the context names resolve against."""
    if meta.region is None or meta.region.code is None:
        return None
    for p in gazetteer.lookup(meta.region.official or meta.region.name):
        if p.code == meta.region.code:
            return p
    return None
