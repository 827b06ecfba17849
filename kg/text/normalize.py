"""The analysis copy of a report's text: what extractors read, as long as the original.

Reports arrive with full-width digits and punctuation (１０９０，), Kangxi radicals that
PDF text layers put in place of ideographs (⼯作), or wholly in traditional characters.
The extractors are written for one plain form, so they read a normalised copy. Every
character of the copy replaces exactly one character of the original, so an offset in the
copy is the same offset in the original: :func:`restore_original` cuts labels and evidence
back out of the original text, and researchers see the words the report printed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import fields, is_dataclass, replace
from functools import cache
from typing import Any, TypeVar

from kg.vocab.lexicon import rows

#: share of Han characters a traditional->simplified conversion must change before a
#: text counts as traditional; simplified reports change by 0 (measured on the seeds)
TRADITIONAL_SHARE = 0.01
#: record fields holding words copied from the report, the full (canonical) name included
#: when the report prints it, so it matches the bureau read from the title (vocabulary
#: fields such as unit, kind or area stay in their normalised form to match across reports)
LABEL_FIELDS = frozenset({"name", "title", "text", "bureau", "canonical"})

T = TypeVar("T")


class _OneCharFold(dict):
    """str.translate table: a character's NFKC form when that form is one character."""

    def __missing__(self, char_code: int) -> int:
        char = chr(char_code)
        folded = _radicals().get(char) or unicodedata.normalize("NFKC", char)
        value = ord(folded) if len(folded) == 1 and folded != char else char_code
        self[char_code] = value
        return value


_FOLD = _OneCharFold()


@cache
def _radicals() -> dict[str, str]:
    """Radicals and variant ideographs (陜西省 in a traditional page, holdout35 h619) to the
    ideograph the extractors' vocabulary is written in."""
    pairs = rows("cjk_radicals.tsv") + rows("cjk_variants.tsv")
    return {variant: ideograph for variant, ideograph in pairs}


def fold_width(text: str) -> str:
    """Full-width ASCII to ASCII, Kangxi and CJK radicals to ideographs, one char for one."""
    return text.translate(_FOLD)


@cache
def _converter() -> Any | None:
    """OpenCC's traditional->simplified converter, or None when it is not installed."""
    try:
        import opencc
    except ImportError:  # the build still runs; traditional reports just yield less
        return None
    try:
        return opencc.OpenCC("t2s")
    except Exception:
        try:
            return opencc.OpenCC("t2s.json")
        except Exception:
            return None


def to_simplified(text: str) -> str:
    """Simplified characters, keeping the length: a line whose phrase conversion changes its
    length is converted character by character instead."""
    cc = _converter()
    if cc is None:
        return text
    out = []
    for line in text.split("\n"):
        converted = cc.convert(line)
        if len(converted) != len(line):
            converted = "".join(_one_char(cc, ch) for ch in line)
        out.append(_kept_ambiguous(line, converted))
    return "\n".join(out)


def _one_char(cc: Any, char: str) -> str:
    converted = cc.convert(char)
    return converted if len(converted) == 1 else char


@cache
def _ambiguous(kind: str) -> frozenset[str]:
    """Characters t2s changes that simplified writing has too, of one kind (keep: never
    converted; uncounted: converted, but no sign of a traditional page): cjk_ambiguous.tsv."""
    return frozenset(ch for k, ch in rows("cjk_ambiguous.tsv") if k == kind)


def _kept_ambiguous(line: str, converted: str) -> str:
    """``converted`` with the characters of ``line`` that are never converted put back."""
    keep = _ambiguous("keep")
    if not any(ch in keep for ch in line):
        return converted
    return "".join(a if a in keep else b for a, b in zip(line, converted, strict=True))


def _han_count(text: str) -> int:
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def is_traditional(text: str, simplified: str) -> bool:
    """Whether converting changed enough characters for the text to be a traditional one."""
    han = _han_count(text)
    if not han:
        return False
    uncounted = _ambiguous("uncounted")
    changed = sum(1 for a, b in zip(text, simplified, strict=True) if a != b and a not in uncounted)
    return changed >= 1 and changed >= TRADITIONAL_SHARE * han


@cache
def _furniture() -> tuple[tuple[re.Pattern[str], int], ...]:
    return tuple((re.compile(pattern), int(max_chars)) for pattern, max_chars in rows("page_furniture.tsv"))


def is_furniture(line: str) -> bool:
    """A line of web-page furniture: breadcrumbs, source and date stamps, share buttons."""
    stripped = line.strip()
    return any(len(stripped) <= limit and rx.search(stripped) for rx, limit in _furniture())


def blank_furniture(text: str) -> str:
    """Furniture lines as spaces: extractors skip them, offsets stay where they were."""
    lines = text.split("\n")
    return "\n".join(" " * len(line) if line.strip() and is_furniture(line) else line for line in lines)


def normalized_text(text: str) -> str:
    """``text`` width-folded and, when it is written in traditional characters, simplified;
    same length, so offsets fit both."""
    folded = fold_width(text)
    simplified = to_simplified(folded)
    result = simplified if is_traditional(folded, simplified) else folded
    assert len(result) == len(text), "the analysis copy must keep every offset"
    return result


def analysis_text(text: str) -> str:
    """The copy extractors read: :func:`normalized_text` without web-page furniture."""
    return blank_furniture(normalized_text(text))


def restore_original(extraction: T, original: str, analysis: str) -> T:
    """The extraction with labels and evidence cut from ``original`` at the same offsets.

    Works on any dataclass tree (records, meta, nested region mentions), so a field an
    engineer adds later is carried over unchanged unless it is a label or an evidence.
    """
    if original == analysis:
        return extraction
    return _restore(extraction, original, analysis, None)


def _restore(obj: Any, original: str, analysis: str, evidence: Any) -> Any:
    if isinstance(obj, list):
        return [_restore(x, original, analysis, evidence) for x in obj]
    if not is_dataclass(obj) or isinstance(obj, type):
        return obj
    if _is_evidence(obj):
        return _restore_evidence(obj, original, analysis)
    own_evidence = getattr(obj, "evidence", None) or getattr(obj, "bureau_evidence", None) or evidence
    changes = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        if f.name in LABEL_FIELDS and isinstance(value, str) and value:
            new = _original_span(value, original, analysis, own_evidence)
        elif isinstance(value, list) or is_dataclass(value):
            new = _restore(value, original, analysis, own_evidence)
        else:
            continue
        if new != value:
            changes[f.name] = new
    return replace(obj, **changes) if changes else obj


def _is_evidence(obj: Any) -> bool:
    return all(hasattr(obj, a) for a in ("sentence", "sentence_start", "sentence_end"))


def _restore_evidence(ev: Any, original: str, analysis: str) -> Any:
    start, end = ev.sentence_start, ev.sentence_end
    if analysis[start:end] != ev.sentence:
        return ev
    return replace(ev, sentence=original[start:end])


def _original_span(value: str, original: str, analysis: str, evidence: Any) -> str:
    """``value`` as the original prints it: found in the evidence sentence nearest the
    evidence span, else anywhere in the text; a made-up value (a canonical name) stays."""
    if (
        evidence is not None
        and analysis[evidence.sentence_start : evidence.sentence_end] == evidence.sentence
    ):
        base = evidence.sentence_start
        sentence = evidence.sentence
        hits = occurrences(sentence, value)
        if hits:
            anchor = getattr(evidence, "start", base) - base
            best = min(hits, key=lambda h: (abs(h - anchor), h))
            return original[base + best : base + best + len(value)]
        # a name put together from the span (quotes dropped: “法治体检”活动 -> 法治体检活动)
        spread = _subsequence(value, analysis, evidence.start, evidence.end)
        if spread is not None:
            return "".join(original[i] for i in spread)
    pos = analysis.find(value)
    if pos < 0:
        return value
    return original[pos : pos + len(value)]


def _subsequence(value: str, text: str, start: int, end: int) -> list[int] | None:
    """Positions in text[start:end] holding value's characters in order, or None."""
    positions, at = [], start
    for ch in value:
        at = text.find(ch, at, end)
        if at < 0:
            return None
        positions.append(at)
        at += 1
    return positions


def occurrences(haystack: str, needle: str) -> list[int]:
    """Every start of ``needle`` in ``haystack``, overlapping ones included."""
    out, pos = [], haystack.find(needle)
    while pos >= 0:
        out.append(pos)
        pos = haystack.find(needle, pos + 1)
    return out
