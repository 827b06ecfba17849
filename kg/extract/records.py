"""Plain records that extractors return: no RDF here, only what was read and where.

Each record carries an :class:`Evidence` pointing into the report's text, so the mapper
can attach the sentence and its character offsets to every node and edge it makes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from kg.text.document import Sentence

#: a sentence longer than this is kept as a window of EVIDENCE_MARGIN characters around the span
MAX_EVIDENCE = 600
EVIDENCE_MARGIN = 200


@dataclass(frozen=True)
class Evidence:
    """Where a record was read: the sentence and the exact span inside the report text."""

    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    end: int
    section: str = "preamble"
    #: the named rule that read it (``initiatives.bare_quote``): a wrong record points at its rule
    rule: str = ""

    @classmethod
    def of(
        cls, sentence: Sentence, start: int | None = None, end: int | None = None, rule: str = ""
    ) -> Evidence:
        """Evidence for a span given as offsets inside ``sentence.text`` (whole sentence by default)."""
        s = 0 if start is None else start
        e = len(sentence.text) if end is None else end
        # a "sentence" of a flattened table runs to tens of thousands of characters: keep a
        # window around the span, so evidence stays readable and exports grow with the records
        lo, hi = 0, len(sentence.text)
        if hi > MAX_EVIDENCE:
            lo = max(0, min(s, hi) - EVIDENCE_MARGIN)
            hi = min(hi, max(e, s) + EVIDENCE_MARGIN)
        return cls(
            sentence=sentence.text[lo:hi],
            sentence_start=sentence.start + lo,
            sentence_end=sentence.start + hi,
            start=sentence.start + s,
            end=sentence.start + e,
            section=sentence.section,
            rule=rule,
        )

    @property
    def quote(self) -> str:
        """The matched words themselves."""
        return self.sentence[self.start - self.sentence_start : self.end - self.sentence_start]


@dataclass(frozen=True)
class RegionMention:
    """A named administrative unit, with its GB/T 2260 code and parents when the gazetteer knows it."""

    name: str
    evidence: Evidence
    code: str | None = None
    #: full official name, e.g. 綦江区 for 綦江
    official: str | None = None
    #: parents from the province down, as (official name, code) pairs, excluding this region
    parents: tuple[tuple[str, str], ...] = ()
    #: administrative level: province, city, county, town
    level: str | None = None


@dataclass(frozen=True)
class OrgMention:
    """A named organisation. ``kind`` is ``agency``, ``mediation``, ``organization`` or ``media``.

    ``canonical`` is the full name where the report makes it certain (区法院 in a
    綦江区 report is 綦江区人民法院), else None.
    """

    name: str
    kind: str
    evidence: Evidence
    canonical: str | None = None


@dataclass(frozen=True)
class PolicyMention:
    """A named document. ``policy_type`` is law, regulation, plan, measure or other."""

    title: str
    policy_type: str
    evidence: Evidence


@dataclass(frozen=True)
class InitiativeRecord:
    """A named programme of action; ``status`` is ``done`` or ``planned``."""

    name: str
    kind: str
    status: str
    evidence: Evidence
    area: str | None = None


@dataclass(frozen=True)
class OutcomeRecord:
    """One measured figure, value already expanded (2.6万 -> 26000)."""

    text: str
    value: Decimal
    unit: str
    evidence: Evidence
    indicator: str | None = None
    area: str | None = None
    approximate: bool = False
    change_percent: Decimal | None = None
    is_target: bool = False


@dataclass(frozen=True)
class ChallengeRecord:
    """A shortcoming the report admits, as a short clause copied from the text."""

    text: str
    evidence: Evidence
    area: str | None = None


@dataclass(frozen=True)
class ReportMeta:
    """Who wrote the report, about which region, for which year."""

    bureau: str | None
    region: RegionMention | None
    year: int | None
    title: str | None = None
    #: where the bureau's name was read (title, opening sentence or signature)
    bureau_evidence: Evidence | None = None
    #: how the year and bureau were found, for the warnings a user sees
    warnings: tuple[str, ...] = ()


@dataclass
class Extraction:
    """Everything read from one report: the input to entity resolution."""

    source: str
    meta: ReportMeta
    regions: list[RegionMention] = field(default_factory=list)
    orgs: list[OrgMention] = field(default_factory=list)
    policies: list[PolicyMention] = field(default_factory=list)
    initiatives: list[InitiativeRecord] = field(default_factory=list)
    outcomes: list[OutcomeRecord] = field(default_factory=list)
    challenges: list[ChallengeRecord] = field(default_factory=list)
    text: str = ""
    encoding: str = "utf-8"
    format: str = "txt"
    sha256: str = ""
