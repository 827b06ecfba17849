"""A report as text with sections and sentences, every piece carrying its offsets.

Everything downstream points back into ``Document.text`` by character offsets, so
evidence (the sentence, and where it sits) is never lost on the way to the graph.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import TypeVar

from kg.text.normalize import is_furniture, normalized_text
from kg.text.patterns import YEAR
from kg.vocab.lexicon import section_kind_of

#: A line that opens a section: 一、 / (一) / （一） / 1. / 第一部分 ...
HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+部分"
    r"|[0-9]{1,2}[、.．](?![0-9]))"
)
#: Only top-level headings (一、 一. 第一部分) switch the section kind; sub-headings inherit it.
TOP_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)")
#: In a report with no 一、 headings, (一) numbers its parts.
SUB_AS_TOP = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』]?|\n+")


@dataclass(frozen=True)
class Sentence:
    """One sentence of a report: its text and where it sits.

    ``section`` is the kind of part it belongs to (``achievements``, ``plans``,
    ``challenges``, ``duties`` or ``preamble``); ``heading`` the nearest heading line.
    """

    text: str
    start: int
    end: int
    section: str = "preamble"
    heading: str = ""
    index: int = 0


@dataclass
class Document:
    """A report's text as read, with the sentences the extractors walk."""

    source: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)
    encoding: str = "utf-8"
    #: the format it was read from (txt, html, pdf, docx)
    format: str = "txt"
    #: the text as the report prints it; ``text`` is the analysis copy extractors read
    #: (kg/normalize.py: width-folded, simplified), same length, so offsets fit both
    original: str = ""
    #: the page's stamp lines (来源, 发布机构, 发布时间…), blanked in ``text`` but read by the
    #: report's metadata: the body and date a page states for the text it carries
    stamps: list[Sentence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.original:
            self.original = self.text

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def analysis_with_stamps(self) -> str:
        """The analysis copy with its stamp lines put back: the text every sentence an extractor
        read (stamp lines included) was cut from, offset for offset."""
        pieces, pos = [], 0
        for s in self.stamps:
            pieces += [self.text[pos : s.start], s.text]
            pos = s.end
        return "".join(pieces) + self.text[pos:]

    def title(self) -> str:
        """The first non-empty line: in most reports the title naming bureau and year."""
        for line in self.lines:
            if line.strip():
                return line.strip()
        return ""


def sentences_of(text: str) -> list[Sentence]:
    """Split text into sentences and tag each with the section it falls in.

    A heading line is its own sentence, so ``(一)统筹推进法治政府建设。`` stays a
    heading and the sentences after it know it. Top headings (一、, or (一) in reports
    without 一、) set the section from their words; one naming a year after the report's
    (三、2024年工作…) opens the plans. Sub-headings only switch to shortcomings or
    plans. An inline admission (…取得成效,但仍存在以下不足:) opens a shortcomings
    passage that lasts to the next heading that does not itself admit a problem.
    """
    out: list[Sentence] = []
    section, heading = "preamble", ""
    top = _top_heading_pattern(text)
    base_year = _report_year_hint(text)
    before_inline: str | None = None
    for line_text, line_start in _lines_with_offsets(text):
        stripped = line_text.strip()
        if not stripped:
            continue
        if HEADING.match(stripped):
            heading = _heading_text(stripped)
            section, before_inline = _section_after_heading(
                heading, bool(top.match(stripped)), section, before_inline, base_year
            )
        for m_start, m_end in _sentence_spans(line_text):
            s_text = line_text[m_start:m_end].strip()
            if not s_text:
                continue
            lead = len(line_text[m_start:m_end]) - len(line_text[m_start:m_end].lstrip())
            start = line_start + m_start + lead
            if (
                section not in ("plans", "challenges")
                and section_kind_of(s_text, inline=True) == "challenges"
            ):
                before_inline, section = section, "challenges"
            out.append(
                Sentence(
                    text=s_text,
                    start=start,
                    end=start + len(s_text),
                    section=section,
                    heading=heading,
                    index=len(out),
                )
            )
    return out


def _section_after_heading(
    heading: str, is_top: bool, section: str, before_inline: str | None, base_year: int | None
) -> tuple[str, str | None]:
    """The section a heading opens, and the section an inline admission interrupted (if any)."""
    kind = section_kind_of(heading, top=is_top)
    if is_top:
        years = [int(y) for y in YEAR.findall(heading)]
        if kind is None and base_year is not None and base_year + 1 in years:
            kind = "plans"
        return kind or "achievements", None
    if kind in ("challenges", "plans"):
        return kind, None
    if before_inline is not None and not section_kind_of(heading, inline=True, admits=True):
        return before_inline, None
    return ("achievements" if section == "preamble" else section), before_inline


def _top_heading_pattern(text: str) -> re.Pattern[str]:
    """一、 and 第一部分 are top headings; a report without them numbers its parts (一)."""
    if any(TOP_HEADING.match(line) for line in text.split("\n")):
        return TOP_HEADING
    return SUB_AS_TOP


def _report_year_hint(text: str) -> int | None:
    """The year reported on as the opening names it (2023年度 first, else the first year outside
    titles and brackets): a top heading naming the year after it opens the plans."""
    head = re.sub(r"《[^》]*》|[（(][^）)]*[）)]", "", text[:1500])
    m = re.search(r"((?:19|20)\d{2})\s*年度", head) or re.search(
        r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)", head
    )
    return int(m.group(1)) if m else None


def _heading_text(line: str) -> str:
    """The heading's own words: up to its first full stop (sub-headings run into text)."""
    head = re.split(r"[。:：]", line, maxsplit=1)[0]
    return head[:80]


def _lines_with_offsets(text: str) -> list[tuple[str, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((line, pos))
        pos += len(line) + 1
    return out


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENTENCE_END.finditer(line):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(line):
        spans.append((start, len(line)))
    return spans


T = TypeVar("T")


def per_document(compute: Callable[[Document], T]) -> Callable[[Document], T]:
    """A one-entry memo for a question several rules ask of the same report (the places it
    names, its context places): the answer for the last document, compared by identity. The
    memo holds the document itself, so another report can never be mistaken for it; the one
    tuple is read and written whole."""
    last: list[tuple[Document | None, object]] = [(None, None)]

    @wraps(compute)
    def memo(doc: Document) -> T:
        known, answer = last[0]
        if known is not doc:
            answer = compute(doc)
            last[0] = (doc, answer)
        return answer  # type: ignore[return-value]

    return memo


def make_document(source: str, text: str, encoding: str = "utf-8", fmt: str = "txt") -> Document:
    """Normalise line ends and split: the one way a Document is made."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    normalized = normalized_text(text)
    stamps = stamps_of(normalized)
    analysis = _blanked(normalized, stamps)
    return Document(
        source=source,
        text=analysis,
        sentences=sentences_of(analysis),
        encoding=encoding,
        format=fmt,
        original=text,
        stamps=stamps,
    )


def _blanked(text: str, stamps: list[Sentence]) -> str:
    """``text`` with its stamp lines as spaces (what kg.text.normalize.blank_furniture does, from the
    stamps already found, so each line is judged once)."""
    pieces, pos = [], 0
    for s in stamps:
        pieces += [text[pos : s.start], " " * (s.end - s.start)]
        pos = s.end
    return "".join(pieces) + text[pos:]


def stamps_of(text: str) -> list[Sentence]:
    """The furniture lines of a page (来源:…, 发布时间:…), each as one sentence at its offsets."""
    out = []
    for line, start in _lines_with_offsets(text):
        if line.strip() and is_furniture(line):
            out.append(Sentence(text=line, start=start, end=start + len(line), index=len(out)))
    return out
