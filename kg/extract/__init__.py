"""Extractors: each reads a Document and returns plain records with their evidence.

``extract(doc)`` runs them all in the order their inputs need: report metadata first
(the report's own region is the context other names resolve against).
"""

from __future__ import annotations

import hashlib

from kg.document import Document
from kg.extract.challenges import challenges_in_document
from kg.extract.context import ReportContext
from kg.extract.initiatives import initiatives_in_document
from kg.extract.organizations import organizations_in_document
from kg.extract.outcomes import outcomes_in_document
from kg.extract.policies import media_in_document, policies_in_document
from kg.extract.regions import regions_in_document
from kg.extract.report_meta import home_place, report_meta
from kg.normalize import restore_original
from kg.records import Extraction, RegionMention, ReportMeta


def with_own_region(regions: list[RegionMention], meta: ReportMeta) -> list[RegionMention]:
    """The report's own region is a region it names, though the gazetteer may not settle it
    alone (三都镇 in a title: six towns bear the name)."""
    own = meta.region
    if own is None or any(r.name == own.name for r in regions):
        return regions
    return [*regions, own]


def extract(doc: Document) -> Extraction:
    """Every record one report yields."""
    meta = report_meta(doc)
    context = ReportContext(meta=meta, home=home_place(meta))
    extraction = Extraction(
        source=doc.source,
        meta=meta,
        regions=with_own_region(regions_in_document(doc, context), meta),
        orgs=organizations_in_document(doc, context) + media_in_document(doc, context),
        policies=policies_in_document(doc, context),
        initiatives=initiatives_in_document(doc, context),
        outcomes=outcomes_in_document(doc, context),
        challenges=challenges_in_document(doc, context),
        text=doc.original,
        encoding=doc.encoding,
        format=doc.format,
        sha256=hashlib.sha256(doc.original.encode("utf-8")).hexdigest(),
    )
    # extractors read the analysis copy; labels and evidence are cut from the original
    return restore_original(extraction, doc.original, doc.text)
