"""The text layer every extractor reads: the marks, spans and numbers of Chinese report prose.

One copy of the patterns each extractor used to keep for itself: Han characters, 《》 titles,
quoted names (“…”, 「…」, "…"), clauses, years and dates, and number spans (kg/numbers.py,
which hands Chinese numerals to cn2an). Each function takes plain text and returns spans as
offsets into it, so evidence stays exact; nothing here knows about records or the graph.
"""

from __future__ import annotations

import re

from kg.text.numbers import CHINESE, DIGITS, NUMBER, is_chinese, to_decimal

__all__ = [
    "BOOK_TITLE",
    "CHINESE",
    "CLAUSE",
    "DIGITS",
    "HAN",
    "HAN_CHAR",
    "PINYIN_GLOSS",
    "PINYIN_TONES",
    "NUMBER",
    "QUOTE",
    "SINGLE_YEAR",
    "YEAR",
    "book_title_spans",
    "clause_spans",
    "dates_in",
    "inside",
    "is_chinese",
    "to_decimal",
    "with_curly_quotes",
]

#: the Han range, for building character classes (rf"[{HAN}0-9]")
HAN = "\u4e00-\u9fff"
HAN_CHAR = re.compile(f"[{HAN}]")
#: the tone-marked vowels of pinyin
PINYIN_TONES = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü"
#: a reading in pinyin set in brackets after a character (調(diào)解, 農(nóng)民工, 龍沙區(qū)): some
#: pages' converters gloss their text so; the gloss names nothing. A syllable has at most six letters.
PINYIN_GLOSS = re.compile(rf"[(（][a-z{PINYIN_TONES}]{{1,6}}[)）]")
#: a 《》 title (the marks' contents as group 1); inner titles use 〈〉 or <>
BOOK_TITLE = re.compile(r"《([^《》]*)》")
#: a quoted name of two to thirty characters (group 1)
QUOTE = re.compile(r"“([^“”]{2,30})”")
#: a clause: a run between commas, semicolons, colons and sentence ends
CLAUSE = re.compile(r"[^,，;；:：。！？!?]+")
#: a year (2023年, 2023 年); group 1 the digits
YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
#: a year that starts no run of years (2011年至今, 2018年以来) and is no date's (2023年3月)
SINGLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月|至|以来|到|—|-)")
#: a date, year first: 2025年04月10日, 2024-11-27, 2023.3.1 (groups: year, month)
DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])")
#: 21.06.2016: the day-first date of some news mirrors (groups: day, month, year)
DAY_FIRST_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])")
CORNER_QUOTES = str.maketrans("「」", "“”")


def book_title_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the 《》 titles in ``text``, marks included."""
    return [(m.start(), m.end()) for m in BOOK_TITLE.finditer(text)]


def clause_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]`` with their outer spaces trimmed, as offsets into ``text``."""
    out = []
    for m in CLAUSE.finditer(text, start, len(text) if end is None else end):
        words = m.group(0)
        if words.strip():
            lead = len(words) - len(words.lstrip())
            out.append((m.start() + lead, m.start() + len(words.rstrip())))
    return out


def dates_in(text: str) -> list[tuple[int, int]]:
    """(year, month) of the dates written in ``text``: year first, then day-first ones."""
    out = [(int(m.group(1)), int(m.group(2))) for m in DATE.finditer(text)]
    out += [
        (int(m.group(3)), int(m.group(2)))
        for m in DAY_FIRST_DATE.finditer(text)
        if 1 <= int(m.group(2)) <= 12
    ]
    return out


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls inside one of ``spans``."""
    return any(a <= pos < b for a, b in spans)


def with_curly_quotes(text: str) -> str:
    """``text`` with 「」 and paired straight quotes written “”, same length.

    Traditional-character reports quote with 「」 and web pages often with "…"; the rules
    read one style.
    """
    text = text.translate(CORNER_QUOTES)
    if '"' in text and text.count('"') % 2 == 0:
        parts = text.split('"')
        text = "".join(p + ("“" if i % 2 == 0 else "”") for i, p in enumerate(parts[:-1])) + parts[-1]
    return text
