"""Extractors: each reads a Document and returns plain records with their evidence.

``extract(doc)`` reads the report's metadata first (the report's own region is the context
other names resolve against), then runs every extractor of the registry
(:mod:`kg.extract.registry`) in its order.
"""

from __future__ import annotations

import hashlib

from kg.extract.context import ReportContext
from kg.extract.records import Extraction, RegionMention, ReportMeta
from kg.extract.registry import EXTRACTORS, REPORT_META
from kg.extract.report_meta import home_place
from kg.text.document import Document
from kg.text.normalize import restore_original


def with_own_region(regions: list[RegionMention], meta: ReportMeta) -> list[RegionMention]:
    """The report's own region is a region it names, though the gazetteer may not settle it
    alone (三都镇 in a title: six towns bear the name)."""
    own = meta.region
    if own is None or any(r.name == own.name for r in regions):
        return regions
    return [*regions, own]


def extract(doc: Document) -> Extraction:
    """Every record one report yields."""
    (meta,) = REPORT_META.run(doc, ReportContext.empty())
    context = ReportContext(meta=meta, home=home_place(meta))
    found: dict[str, list] = {e.field: [] for e in EXTRACTORS}
    for extractor in EXTRACTORS:
        found[extractor.field] += extractor.run(doc, context)
    found["regions"] = with_own_region(found["regions"], meta)
    extraction = Extraction(
        source=doc.source,
        meta=meta,
        **found,
        text=doc.original,
        encoding=doc.encoding,
        format=doc.format,
        sha256=hashlib.sha256(doc.original.encode("utf-8")).hexdigest(),
    )
    # extractors read the analysis copy; labels and evidence are cut from the original
    return restore_original(extraction, doc.original, doc.analysis_with_stamps)
