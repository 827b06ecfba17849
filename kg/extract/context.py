"""What every extractor may know about the report it reads besides the sentence itself."""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract.records import ReportMeta
from kg.vocab.gazetteer import Place


@dataclass(frozen=True)
class ReportContext:
    """The report's metadata and its own region: relative names (区法院, 我局) and
    ambiguous places (河东区) resolve against it."""

    meta: ReportMeta
    home: Place | None = None

    @classmethod
    def empty(cls) -> ReportContext:
        return cls(meta=ReportMeta(bureau=None, region=None, year=None))
