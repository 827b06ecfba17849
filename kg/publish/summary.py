"""What a build found, per report: the one-screen summary the CLI prints.

The columns are the extractors' own (kg/extract/registry.py), so a new extractor shows up
here without an edit.
"""

from __future__ import annotations

from kg.extract.records import Extraction
from kg.extract.registry import summary_columns

COLUMNS = tuple(title for title, _, _ in summary_columns())


def counts(ex: Extraction) -> dict[str, int]:
    """Distinct names per class in one report (mentions of one thing count once)."""
    return {title: count(getattr(ex, field)) for title, field, count in summary_columns()}
