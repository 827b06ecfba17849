"""Measured figures: a number with a counting unit, a percentage or an amount of money.

A figure is found by one regex built from the unit vocabulary (kg/vocab/data/units.tsv), then
judged by its surroundings: ordinals, names in quotes, structure words and indefinite
amounts are dropped (kg/vocab/data/outcome_exclusions.tsv); 同比/环比 changes are attached to the
figure they qualify instead of standing alone; 由X缩短至Y keeps only the result.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache, lru_cache

from kg.extract.context import ReportContext
from kg.extract.indicators import indicator_of, quiet_jieba, run_indicator, tagged
from kg.extract.records import Evidence, OutcomeRecord
from kg.text.document import Document, Sentence
from kg.text.numbers import DIGITS, MULTIPLIERS, NUMBER, is_chinese, normalised, to_decimal
from kg.text.patterns import HAN_CHAR, PINYIN_GLOSS, inside
from kg.vocab.areas import area_of
from kg.vocab.lexicon import rows, words

#: Clause boundaries: an outcome's text is the clause between two of these.
CLAUSE_END = ",，;；。!！?？:：\n"
#: how much of the sentence before a clause is handed to the indicator (it reads the last
#: CARRY_WINDOW characters of it once figures are cut out; ten times that is plenty)
BEFORE_WINDOW = 400
#: 12 次, 1.3 万件: some pages set figures off with one space (never a line break)
SPACE = "[ \u00a0\u3000]"
#: Characters that are only magnitudes; alone (百名, 千企, 万人) they are rhetoric, not counts,
#: unless an approximation says how near the count came (近万名干部参加, 日均接处警近百次,
#: 解答法律咨询近百万件: rule outcomes.near_magnitude, read from h75, h124 and d501).
MAGNITUDES_ONLY = re.compile(r"^[百千万亿]+$")
#: Prefix units: the number follows them (万分之2.4).
PREFIX_UNITS = {"万分之": "万分之", "千分之": "千分之", "百分之": "%"}
#: 176场(次), 2400多条(次): a bracketed 次 after a counting word says repeats are counted; it
#: belongs to the figure (not to the words after it), and the unit stays as written before it.
REPEATS = "[(（]次[)）]"
#: Paired marks whose content is a name, a title or a slogan.
MARK_PAIRS = (("“", "”"), ("《", "》"), ("「", "」"), ("〈", "〉"), ("『", "』"), ("‘", "’"))


def alternation(items) -> str:
    """A regex alternation, longest first, so 人次 wins over 人."""
    return "|".join(re.escape(w) for w in sorted(set(items), key=lambda w: (-len(w), w)))


@cache
def units() -> dict[str, tuple[str, str]]:
    """Surface counting word -> (unit recorded, kind)."""
    return {surface: (unit, kind) for surface, unit, kind in rows("units.tsv")}


@cache
def markers(kind: str) -> tuple[str, ...]:
    """Words of one kind from kg/vocab/data/number_markers.tsv."""
    return tuple(w for k, w in rows("number_markers.tsv") if k == kind)


@cache
def exclusions(kind: str) -> tuple[str, ...]:
    """Words of one kind from kg/vocab/data/outcome_exclusions.tsv."""
    return tuple(w for k, w in rows("outcome_exclusions.tsv") if k == kind)


@cache
def figure_pattern() -> re.Pattern[str]:
    """number + approximation + multiplier + counting word; or a prefix unit + number."""
    after = alternation(markers("approx_after"))
    return re.compile(
        rf"(?P<prefix>{alternation(PREFIX_UNITS)})(?P<pnum>{NUMBER})"
        rf"|(?P<num>{NUMBER})(?:{SPACE})?(?P<approx>余|多)?(?P<mult>万|亿)?(?:{SPACE})?(?P<unit>{alternation(units())})?"
        rf"(?P<repeats>{REPEATS})?(?P<after>{after})?"
    )


def change_words(kind: str) -> list[str]:
    """The comparison bases (同比, 较上年) or directions (上升, 下降) of change_words.tsv."""
    return [w for k, w, *_ in rows("change_words.tsv") if k == kind]


@cache
def change_pattern() -> re.Pattern[str]:
    """同比上升67.4% : a signed change qualifying the figure before it."""
    bases, directions = change_words("base"), change_words("direction")
    return re.compile(
        rf"(?:{alternation(bases)}|{YEAR_BASE})(?P<dir>{alternation(directions)})(?:{CHANGE_LINK})?(?P<num>{DIGITS})(?:%|％|个百分点)"
    )


#: Words between a change's direction and its number (增长了, 增幅达, 增长超过).
CHANGE_LINK = "了|达到|达|为|超过|超|近|约"
#: A comparison with a named year (较2022年, 比上一年度同期) is a change like 同比.
YEAR_BASE = r"(?:较|比)(?:[0-9０-９]{2,4}年度?|上一?年度?|去年度?)(?:同期)?"


@cache
def direction_signs() -> dict[str, int]:
    return {w: (-1 if sign == "-" else 1) for k, w, sign in rows("change_words.tsv") if k == "direction"}


@dataclass(frozen=True)
class Figure:
    """One number read in a sentence, before it becomes a record."""

    start: int
    end: int
    value: Decimal
    unit: str
    kind: str
    approximate: bool
    #: the rule that read it when not the counting-word regex alone (outcomes.near_magnitude)
    rule: str | None = None


def outcomes_in(sentence: Sentence, context: ReportContext | None = None) -> list[OutcomeRecord]:
    return [record for record, _ in outcomes_with_referents(sentence, context)]


#: how many Han characters after a count name what it counts (户|村民, 名|包工头)
REFERENT_WIDTH = 2


#: how long a pinyin gloss (农(nóng)民工, h123, h127: no part of the counted noun) may be,
#: brackets included: read that much more after a count
PINYIN_WIDTH = 9


def referent_of(text: str, fig: Figure) -> str | None:
    """What a count of people counts, as the Han characters right after it (6户|村民), or None
    when the unit is no group of people (number_markers.tsv group_unit: a case or a rate said
    twice may be two facts) or punctuation follows: the key that tells a group named again."""
    if fig.unit not in markers("group_unit"):
        return None
    following = PINYIN_GLOSS.sub("", text[fig.end : fig.end + REFERENT_WIDTH + PINYIN_WIDTH])[:REFERENT_WIDTH]
    if len(following) < REFERENT_WIDTH or not all(HAN_CHAR.match(c) for c in following):
        return None
    return following


def outcomes_with_referents(
    sentence: Sentence, context: ReportContext | None = None
) -> list[tuple[OutcomeRecord, str | None]]:
    """The sentence's outcomes, each with what it counts (:func:`referent_of`), in text order."""
    text = sentence.text
    changes = list(change_pattern().finditer(text))
    respective = list(respective_pattern().finditer(text))
    skipped = [(m.start("num"), m.end()) for m in changes] + [(m.start(), m.end()) for m in respective]
    differences = difference_spans(text)
    skipped += differences
    comparisons = list(comparison_pattern().finditer(text))
    skipped += [m.span(g) for m in comparisons for g in ("base", "diff", "pct") if m.group(g)]
    figures = [f for f in figures_in(text) if not inside(f.start, skipped)]
    change_of = attach_changes(figures, changes) | attach_respective(figures, respective, differences)
    change_of |= attach_comparisons(figures, comparisons)
    out = [(record, None) for record in loose_changes(sentence, figures, changes)]
    starts = [f.start for f in figures]
    for fig in figures:
        start, end = clause_of(text, fig.start, fig.end)
        clause = text[start:end]
        left = without_figures(text, start, comparison_subject_end(text, start, fig.start), figures, starts)
        right = without_figures(text, fig.end, aside_start(text, fig.end, end), figures, starts)
        out.append(
            (
                OutcomeRecord(
                    text=clause,
                    value=fig.value,
                    unit=fig.unit,
                    evidence=Evidence.of(
                        sentence, start, end, rule=fig.rule or RULE_OF_KIND.get(fig.kind, "outcomes.figure")
                    ),
                    indicator=indicator_for(
                        fig, left, right, without_figures(text, max(0, start - BEFORE_WINDOW), start, figures, starts)
                    ),
                    area=outcome_area(clause, sentence.heading, text),
                    approximate=fig.approximate,
                    change_percent=change_of.get(fig.start),
                    is_target=is_target(sentence, clause),
                ),
                referent_of(text, fig),
            )
        )
    return sorted(out, key=lambda pair: (pair[0].evidence.start, pair[0].evidence.end))


def indicator_for(fig: Figure, left: str, right: str, before: str) -> str | None:
    """The figure's indicator: a run of years and N大 + noun (八大领域 -> 领域数: the noun is
    what is counted) are named their own way, other figures from their clause."""
    if fig.rule == "outcomes.big_count":
        return fig.unit + "数"
    return (run_indicator if fig.kind == "years" else indicator_of)(left, right, fig.kind, before)


def outcomes_in_document(doc: Document, context: ReportContext | None = None) -> list[OutcomeRecord]:
    found = [(s.heading, pair, is_headline(s)) for s in doc.sentences for pair in outcomes_with_referents(s, context)]
    first_mentions = set(first_mention_indexes([pair for _, pair, _ in found], [h for _, _, h in found]))
    pairs = [(heading, record) for i, (heading, (record, _), _) in enumerate(found) if i in first_mentions]
    return with_neighbour_areas(pairs)


def is_headline(sentence: Sentence) -> bool:
    """A news item's title: the first line, with no clause mark in it (…为232名农民工讨薪493万元)."""
    return sentence.index == 0 and not any(mark in sentence.text for mark in CLAUSE_END)


def first_mention_indexes(
    found: list[tuple[OutcomeRecord, str | None]], headline: list[bool] | None = None
) -> list[int]:
    """Indexes of the outcomes that are not a group mentioned again: a news story names its
    6户村民 or 两名包工头 in every paragraph, and one count of them is one fact (the same
    value, unit and counted noun, GUIDELINES: one entry per number). A headline restates the
    story's result and its body says it again: both are kept (dev8 REVIEW, h123's 232名), so a
    figure in the headline marks nothing as seen."""
    seen: set[tuple[Decimal, str, str]] = set()
    kept = []
    for i, (record, referent) in enumerate(found):
        if headline and headline[i]:
            kept.append(i)
            continue
        if referent is not None:
            key = (record.value, record.unit, referent)
            if key in seen:
                continue
            seen.add(key)
        kept.append(i)
    return kept


@cache
def outcome_area_cues() -> tuple[tuple[str, str], ...]:
    """(cue, area) rows of kg/vocab/data/outcome_area_cues.tsv, longest cue first."""
    return tuple(
        sorted(((r[0], r[1]) for r in rows("outcome_area_cues.tsv")), key=lambda r: (-len(r[0]), r[0]))
    )


def outcome_area(clause: str, heading: str, sentence: str) -> str | None:
    """A figure's area: an outcome cue in its own clause settles it (例行学法39次 is legal
    education), else the keywords of clause, sentence and heading (:func:`area_of`)."""
    cue = next((area for word, area in outcome_area_cues() if word in clause), None)
    if cue is None and heading and area_of(clause) is None:
        cue = heading_area(heading)
    return cue or area_of(clause, heading, around=sentence)


@lru_cache(maxsize=64)
def heading_area(heading: str) -> str | None:
    """The one area a heading names outright ((三)持续优化法治营商环境); None when it names
    none or several (加强普法和公共法律服务: the figures under it are of either)."""
    named = {area for word, area in heading_areas() if word in heading}
    return named.pop() if len(named) == 1 else None


@cache
def heading_areas() -> tuple[tuple[str, str], ...]:
    """(cue, area) rows of kg/vocab/data/outcome_heading_areas.tsv, longest cue first."""
    return tuple(
        sorted(((r[0], r[1]) for r in rows("outcome_heading_areas.tsv")), key=lambda r: (-len(r[0]), r[0]))
    )


def with_neighbour_areas(pairs: list[tuple[str, OutcomeRecord]]) -> list[OutcomeRecord]:
    """A figure whose words name no area (人事变动5次) takes the area of the nearest figure
    under the same heading (the earlier one on a tie): reports group their figures by topic.
    Nearest by bisection in each heading's list, so a flattened table of 20 000 figures
    under one heading costs n log n, not n²."""
    out = [o for _, o in pairs]
    with_area: dict[str, list[int]] = {}
    for j, (heading, record) in enumerate(pairs):
        if record.area is not None:
            with_area.setdefault(heading, []).append(j)
    for i, (heading, record) in enumerate(pairs):
        if record.area is not None or heading not in with_area:
            continue
        near = nearest(with_area[heading], i)
        out[i] = replace(record, area=pairs[near][1].area)
    return out


def nearest(indexes: list[int], i: int) -> int:
    """The index in sorted ``indexes`` closest to ``i``, the smaller one on a tie."""
    k = bisect.bisect_left(indexes, i)
    candidates = indexes[max(0, k - 1) : k + 1]
    return min(candidates, key=lambda j: (abs(j - i), j))


def aside_start(text: str, start: int, end: int) -> int:
    """Where the words after a figure stop naming what it counts: right there when a bracket
    opens at once (574件(包含结转案件), 307件(民事163件…): an aside or a breakdown, not the counted
    noun); a bracket further on belongs to the noun (37名乡镇(街道)政法委员)."""
    return start if text[start : start + 1] in ("(", "（") else end


def without_figures(
    text: str, start: int, end: int, figures: list[Figure], starts: list[int] | None = None
) -> str:
    """``text[start:end]`` with the other figures of the clause cut out (2件|15人: the 2件 is no name).
    ``figures`` are in text order (``starts`` their start offsets, when the caller has them), so
    only those that can reach the span are looked at."""
    out, pos = [], start
    starts = starts if starts is not None else [f.start for f in figures]
    first = max(0, bisect.bisect_left(starts, start) - 1)
    for i in range(first, len(figures)):  # not figures[first:]: a slice copies the whole tail
        f = figures[i]
        if f.start >= end:
            break
        if f.end <= start:
            continue
        out.append(text[pos : max(pos, f.start)])
        pos = max(pos, f.end)
    out.append(text[pos:end])
    return "".join(out)


def figures_in(text: str) -> list[Figure]:
    """Every number in ``text`` that counts as an outcome, in text order."""
    out = []
    for m in figure_pattern().finditer(text):
        fig = figure_of(text, m)
        if fig is not None:
            out.append(fig)
    taken = [(f.start, f.end) for f in out]
    out += [f for f in bare_ranks(text) if not any(s < f.end and f.start < e for s, e in taken)]
    taken = [(f.start, f.end) for f in out]
    out += [f for f in runs_of_years(text) if not any(s < f.end and f.start < e for s, e in taken)]
    taken = [(f.start, f.end) for f in out]
    out += [f for f in big_counts(text) if not any(s < f.end and f.start < e for s, e in taken)]
    return sorted(out, key=lambda f: f.start)


@cache
def big_pattern() -> re.Pattern[str]:
    """八大领域, 5大攻坚战, 三大功能区: a number, 大, then a noun of two to four characters that
    ends its clause (the noun is what is counted and becomes the unit)."""
    ends = re.escape(CLAUSE_END)
    return re.compile(rf"(?P<num>{NUMBER})大(?P<unit>[\u4e00-\u9fff]{{2,4}})(?=[{ends}])")


#: how far back the items of a list before 等N大 are counted (a bound keeps the cost linear)
BIG_LIST_WINDOW = 60


def big_counts(text: str) -> list[Figure]:
    """在食品、药械、特种设备等八大领域 (d301), 实行…等5大提升工程 (h51), 将拥有四大功能区
    (w205), 科学划分…三大功能区 (h85): N大 + noun counts the fields or programmes the body
    covers, with the noun as unit (rule outcomes.big_count). Not: the Party's 二十大, 一大群人, a noun of
    outcome_exclusions.tsv big_noun (两大突出问题 are problems, 十大典型案例 a selection), names
    in quotes, nor a Chinese numeral that only sums up the list before it (精准脱贫、污染防治
    三大攻坚战: as many items as the count)."""
    out = []
    for m in big_pattern().finditer(text):
        start, noun = m.start(), m.group("unit")
        value = to_decimal(m.group("num"))
        if value is None or m.group("num") == "一" or text[max(0, start - 2) : start] == "党的":
            continue  # 一大群人: 一大 is "a big"; 党的二十大 is the Party congress
        if inside_marks(text, start):
            continue
        if noun.endswith(exclusions("big_noun")) or text[start - 1 : start].isdigit():
            continue
        if is_chinese(m.group("num")) and list_items_before(text, start) >= value:
            continue
        out.append(Figure(start, m.end(), value, noun, "count", approx_before(text, start), "outcomes.big_count"))
    return out


def clause_before(text: str, start: int, width: int) -> str:
    """The words of ``start``'s clause before it, at most ``width`` characters back (the
    bound keeps a sentence without clause marks linear)."""
    window = max(0, start - width)
    clause_start = max(window, max(text.rfind(mark, window, start) for mark in CLAUSE_END) + 1)
    return text[clause_start:start]


def list_items_before(text: str, start: int) -> int:
    """How many 、 items the clause lists right before ``start`` (0 when it lists none)."""
    marks = clause_before(text, start, BIG_LIST_WINDOW).count("、")
    return marks + 1 if marks else 0


#: Figures found by a rule of their own, not the counting-word regex, say so in their evidence.
RULE_OF_KIND = {"years": "outcomes.run_of_years"}
#: The recorded unit and indicator kind of a run of years (连续3年).
YEARS_UNIT = "年"
#: A run of years is short: one or two digits or a Chinese numeral, never a year (2023年).
YEARS_COUNT = r"(?:[0-9０-９]{1,2}|[一二两三四五六七八九十]{1,3})(?![0-9０-９])"


@cache
def run_pattern() -> re.Pattern[str]:
    """连续5年, 连续三年, 已连续服务群众近20年: a continuity cue, at most a few words, an optional
    approximation, then a small number of years (the guidelines count a run of years, unit 年)."""
    cues = alternation(markers("run_cue"))
    approx = alternation(markers("approx_before"))
    return re.compile(
        rf"(?:{cues})[^{CLAUSE_END}、0-9０-９]{{0,6}}?(?:{approx})?(?P<num>{YEARS_COUNT})年(?![级底初末])"
    )


def runs_of_years(text: str) -> list[Figure]:
    """Runs of years (连续3年被评为优秀单位): 年 is no counting word elsewhere (2023年 is a date),
    so only a continuity cue before the number makes it a figure."""
    out = []
    for m in run_pattern().finditer(text):
        value = to_decimal(m.group("num"))
        if value is None or inside_marks(text, m.start()):
            continue
        start = m.start("num")
        out.append(Figure(start, m.end(), value, YEARS_UNIT, "years", approx_before(text, start)))
    return out


#: The recorded unit of a ranking written without one (排名第一, 位居全省第二).
RANK_UNIT = "名"


@cache
def rank_pattern() -> re.Pattern[str]:
    """排名第5, 位居全市第二, 排名全省前三: a ranking verb, an optional scope, then 第/前 and a number."""
    cues = alternation(markers("rank_cue"))
    return re.compile(rf"(?:{cues})[^{CLAUSE_END}、第前]{{0,8}}?(?P<pos>[第前])(?P<num>{NUMBER})")


def bare_ranks(text: str) -> list[Figure]:
    """Rankings with no counting word after the number, ending their clause; 第3位/第二名 are read
    by the unit regex."""
    out = []
    for m in rank_pattern().finditer(text):
        after = text[m.end() : m.end() + 1]
        if after and after not in CLAUSE_END + "、)）":  # 第一方阵, 第一批: a tier or a batch, not a rank
            continue
        value = to_decimal(m.group("num"))
        if value is None or inside_marks(text, m.start()):
            continue
        upper = m.group("pos") in markers("rank_upper")
        out.append(Figure(m.start("pos"), m.end(), value, RANK_UNIT, "rank", upper))
    return out


def figure_of(text: str, m: re.Match[str]) -> Figure | None:
    """The figure a regex match states, or None when its surroundings say it is no outcome."""
    if m.group("prefix"):
        value = to_decimal(m.group("pnum"))
        if value is None or inside_marks(text, m.start()):
            return None
        return Figure(m.start(), m.end(), value, PREFIX_UNITS[m.group("prefix")], "percent", False)
    span, surface = m.group("num"), m.group("unit")
    value = to_decimal(span) or near_magnitude(text, m.start(), span)
    if value is None or inside_marks(text, m.start()):
        return None
    if m.group("mult"):
        value = normalised(value * MULTIPLIERS[m.group("mult")])
    if surface is None:
        return bare_money(text, m, value)
    unit, kind = units()[surface]
    start = m.start()
    before = text[start - 1] if start else ""
    rank = rank_prefix(before, kind)
    if rank is None and not counts(text, m, span, surface):
        return None
    if rank is not None:
        start -= 1
        kind = "rank"
    if in_comparison_base(text, m.start(), m.end()):
        return None
    approximate = bool(m.group("approx") or m.group("after") or rank == "upper" or approx_before(text, start))
    rule = figure_rule(text, m.start(), span, surface)
    return Figure(start, m.end(), value, unit, kind, approximate, rule)


def figure_rule(text: str, start: int, span: str, surface: str) -> str | None:
    """The rule that let a counted figure through when the unit regex alone would not."""
    if MAGNITUDES_ONLY.match(span):
        return "outcomes.near_magnitude"
    if span == "一" and surface in exclusions("one_not_count") and staffed_one(text, start, surface):
        return "outcomes.staffed_one"
    if span == "一" and surface in exclusions("one_built") and built_one(text, start):
        return "outcomes.built_one"
    return None


def near_magnitude(text: str, start: int, span: str) -> Decimal | None:
    """近万名, 近百次, 近百万件: a bare magnitude after an approximation word is one of it (the
    count came near ten thousand); alone (百名律师, 万人) it is rhetoric and stays no number."""
    if not MAGNITUDES_ONLY.match(span) or not approx_before(text, start):
        return None
    return to_decimal("一" + span)


def rank_prefix(before: str, kind: str) -> str | None:
    """第3位 is an exact ranking, 前三位 an upper bound; both only with 位/名."""
    if kind != "people":
        return None
    if before in markers("rank_exact"):
        return "exact"
    if before in markers("rank_upper"):
        return "upper"
    return None


def counts(text: str, m: re.Match[str], span: str, surface: str) -> bool:
    """Whether the number and its counting word state an amount (not an ordinal, name or slogan)."""
    start, end = m.start(), m.end("unit")
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    chinese = is_chinese(span)
    if before in exclusions("before") or after in exclusions("after"):
        return False
    if chinese and before in exclusions("before_chinese"):
        return False
    if chinese and MAGNITUDES_ONLY.match(span) and not approx_before(text, start):
        return False
    if any(text[max(0, start - len(w)) : start] == w for w in exclusions("duration_before")):
        return False
    if before.isdigit() or (before and before in RANGE_DASHES):
        return range_result(text, start)
    if chinese and surface in exclusions("chinese_not_count"):
        return False
    if span == "一" and not m.group("approx"):
        if one_x_one(text, start, end):
            return False
        if surface in exclusions("one_not_count") and not staffed_one(text, start, surface):
            return False
        if surface in exclusions("one_built") and not built_one(text, start):
            return False
        if surface in exclusions("one_at_clause_end") and after and after not in CLAUSE_END + "。":
            return False
        if surface in exclusions("one_at_clause_end") and together(text, start):
            return False
    if span in TWO and surface == "家" and not bodies_after(text, end):
        return False
    if chinese and meeting_ordinal(text, start, end, surface):
        return False
    if chinese and (structure_count(text, surface, end) or list_summary(text, start, end)):
        return False
    if frequency_before(text, start):
        return False
    if chinese and surface in exclusions("slogan_unit") and slogan_after(text, end):
        return False
    # 近万名: jieba's 万名/千家 are words, but after an approximation the magnitude is the count
    near = MAGNITUDES_ONLY.match(span) is not None
    if (not near and inside_fixed_word(text, start, end)) or round_the_clock(text, start, end):
        return False
    return not any(overlaps(text, phrase, start, end) for phrase in exclusions("phrase"))


#: 两 as written in simplified and traditional characters
TWO = ("两", "兩")
#: how far after 两家 the noun of the bodies counted may stand (两家律师事务所, 两家市属国有企业)
BODIES_WINDOW = 6


def bodies_after(text: str, end: int) -> bool:
    """两家 counts bodies only when a body's noun follows (新增两家律师事务所); in a mediation
    story 两家 are the two families of the dispute (两家长期纷争不断, 让我们两家重归于好), and no
    gold of the corpus counts them (outcome_exclusions.tsv ``pair_body``)."""
    run = text[end : end + BODIES_WINDOW]
    return any(noun in run for noun in exclusions("pair_body"))


#: how far before 一名 a staffing verb may stand (聘用了两名专职律师、|一名行政人员)
STAFF_WINDOW = 12


def staffed_one(text: str, start: int, surface: str) -> bool:
    """选派一名资深调解员常驻, 聘用了两名专职律师、一名行政人员: one person posted by a staffing
    verb (number_markers.tsv staff_verb) earlier in the clause is a count of staff, not the
    narrative's "a villager" (一位村民在开垦); rule outcomes.staffed_one, shape of h89 and h124."""
    if units()[surface][1] != "people":
        return False
    return any(verb in clause_before(text, start, STAFF_WINDOW) for verb in markers("staff_verb"))


def built_one(text: str, start: int) -> bool:
    """全县共建成一个公共法律服务中心 (seed 004's gold): 一个 counts a thing the body built or set
    up (number_markers.tsv build_verb before it in the clause); elsewhere in a news story it is
    an article (这样一个…山区 h86, 有了一个阵地 h89, 交出了一份答卷 w207, 一个无眠之夜后 h13)."""
    return any(verb in clause_before(text, start, STAFF_WINDOW) for verb in markers("build_verb"))


def together(text: str, start: int) -> bool:
    """与当地人民调解组织一起: 一起 after 与/和/同/跟 in its own clause is "together", not one case."""
    return any(word in clause_before(text, start, TOGETHER_WINDOW) for word in exclusions("together_with"))


#: how far back 与…一起 is looked for (a bound, so a sentence without commas stays linear)
TOGETHER_WINDOW = 40


def round_the_clock(text: str, start: int, end: int) -> bool:
    """24小时响应, 365天7×24小时服务: the whole day or year says a service is always open (a
    frequency, not a count); a time limit cut to it (缩短至24小时) is a result all the same."""
    if text[start:end] not in exclusions("round_the_clock"):
        return False
    return not text[:start].endswith(markers("comparison_to"))


#: How far either side of a figure jieba reads to find the word it sits in.
WORD_WINDOW = 4


def inside_fixed_word(text: str, start: int, end: int) -> bool:
    """Whether the number or its counting word is part of a longer dictionary word:
    三位一体, 四部门 (部门), 统一 — an idiom or a noun, not a count. jieba's dictionary
    (no HMM guessing) decides, so set phrases need no list of their own."""
    w_start = max(0, start - WORD_WINDOW)
    window = text[w_start : end + WORD_WINDOW]
    for word, s, e in quiet_jieba().tokenize(window, HMM=False):
        s, e = s + w_start, e + w_start
        if e <= start or s >= end or len(word) < 2:
            continue
        if s < start or e > end:
            return True
    return False


#: jieba word classes that cannot be what a 个 counts: 两个|全覆盖, 三个|一批, 四个|最严, 三个|转变.
SLOGAN_FLAGS = ("a", "ad", "d", "v", "vd", "i")
#: A numeral word after 个 (三个|一批, 两个|一百年) makes a slogan too; a measure word (两个|批次) does not.
NUMERAL_START = "一二三四五六七八九十两百千万"


def slogan_after(text: str, end: int) -> bool:
    """两个全覆盖, 四个最严: a Chinese numeral + 个 before a non-noun is a slogan, not a count."""
    words = tagged(text[end : end + WORD_WINDOW])
    if not words or any(text.startswith(u, end) for u in units()):  # 两个|批次: a measure word
        return False
    word, flag = words[0]
    return flag in SLOGAN_FLAGS or (flag == "m" and word[0] in NUMERAL_START)


#: How far before a figure a frequency's 每 may stand (每天安排|1至2名, 每月|一个主题).
FREQUENCY_REACH = 6


@cache
def frequency_pattern() -> re.Pattern[str]:
    """每 + a period, then at most a few words, up to the figure (每月1期, 每天用1分钟, 每期两张)."""
    periods = alternation(markers("frequency"))
    return re.compile(rf"每(?:个)?(?:{periods})[^{CLAUSE_END}、每0-9０-９]{{0,{FREQUENCY_REACH - 2}}}$")


def frequency_before(text: str, start: int) -> bool:
    """Whether the figure at ``start`` is a rate per period (每月1期, 每天安排1至2名): the
    guidelines count frequencies as no outcome. A range's lower end (1至) is skipped."""
    head = text[max(0, start - FREQUENCY_REACH - 4) : start]
    head = re.sub(rf"{NUMBER}[至到~～\-—]$", "", head)
    return frequency_pattern().search(head) is not None


def structure_count(text: str, surface: str, end: int) -> bool:
    """包括五个方面, 三方面紧密结合: parts of the text's own argument, unless a figure follows in
    the clause to break them down (细分为七方面21个要点)."""
    words = exclusions("structure_unit")
    named = surface in words or (surface == "个" and text.startswith(words, end))
    return named and not figure_follows(text, end)


#: How long the last item of a list may be before the numeral that sums it up.
LIST_ITEM = 12


@cache
def list_summary_pattern() -> re.Pattern[str]:
    """…、守法|四个法治环节, “好、中、差”|三个等次, …等|四种: a 、 list ending right before a
    Chinese numeral (its last item, maybe a closing quote, 等 or 共)."""
    return re.compile(rf"、[^{CLAUSE_END}、0-9０-９]{{1,{LIST_ITEM}}}$")


def list_summary(text: str, start: int, end: int) -> bool:
    """Whether a Chinese-numeral figure sums up the 、 list just before it (立法、执法、司法、守法
    四个法治环节; 政府、行业、企业、大众等四种受众): the list's own length, not work done.
    Written in digits (等8个事项纳入范围) the count is the report's, and stays; so does a list
    of things whose kind the count repeats (…预警分析机制、…处置机制等四个机制: four were built)."""
    head = text[max(0, start - LIST_ITEM - 1) : start]
    if list_summary_pattern().search(head) is None:
        return False
    kind = text[end : end + KIND_WORD]
    item = head.rstrip('等共”’"')
    return not (len(kind) == KIND_WORD and item.endswith(kind))


#: How many characters of the noun after a count name its kind (机制, 平台, 中心).
KIND_WORD = 2


def figure_follows(text: str, end: int) -> bool:
    """Whether another number follows in the same clause (七方面|21个要点)."""
    for i in range(end, len(text)):  # not text[end:]: a copy of the whole tail per figure
        ch = text[i]
        if ch in CLAUSE_END:
            return False
        if ch.isdigit() or ch in "一二三四五六七八九十两":
            return True
    return False


def meeting_ordinal(text: str, start: int, end: int, surface: str) -> bool:
    """委员会五次会议, 十九届四次全会: a body's Nth meeting, not N meetings; so is each item of
    a list of them (省委十一届三次、四次、五次、六次全会 holdout8 h109, 市委六届五次、六次全会
    holdout h09)."""
    if surface not in exclusions("ordinal_unit"):
        return False
    meeting = ordinal_list_after().match(text, end).end()
    if not any(text.startswith(w, meeting) for w in exclusions("ordinal_meeting")):
        return False
    before = text[start - 1] if start else ""
    if before and before in exclusions("ordinal_body"):
        return True
    return ordinal_list_before().search(text, max(0, start - ORDINAL_LIST_WINDOW), start) is not None


#: how far back the head of a list of ordinal meetings is looked for (六届|五次、|六次全会)
ORDINAL_LIST_WINDOW = 40
#: one ordinal of a list of meetings (三次, 十一次)
ORDINAL_ITEM = "[一二三四五六七八九十]{1,3}次"


@cache
def ordinal_list_after() -> re.Pattern[str]:
    """The rest of a list of ordinal meetings after one item (、四次、五次 …), maybe empty."""
    return re.compile(rf"(?:、{ORDINAL_ITEM})*")


@cache
def ordinal_list_before() -> re.Pattern[str]:
    """The head of a list of ordinal meetings ending right before an item: a body word (届, 委,
    会) then one or more items, each closed by 、."""
    body = "".join(re.escape(w) for w in exclusions("ordinal_body"))
    return re.compile(rf"[{body}](?:{ORDINAL_ITEM}、)+$")


#: What joins a range's two ends (5-10个工作日). Tested only on a real character: at a sentence's
#: start there is none ("" is in every string), and 一位社区工作人员…/一次,他在… (holdout7 h102,
#: holdout6 h89) went through as the upper end of a range, past every other test.
RANGE_DASHES = "-—–~～"


def range_result(text: str, start: int) -> bool:
    """The upper end of 5-10个工作日 is kept only when the range is not itself a sum (18+1)."""
    head = text[max(0, start - 12) : start]
    return "+" not in head and "＋" not in head


def one_x_one(text: str, start: int, end: int) -> bool:
    """一事一议, 一人一档: a slogan pattern, not a count."""
    return text[end : end + 1] == "一" or (start >= 2 and text[start - 2] == "一")


def overlaps(text: str, phrase: str, start: int, end: int) -> bool:
    """Whether ``phrase`` occurs in ``text`` overlapping start..end (looked for near it only)."""
    limit = end + len(phrase)
    i = text.find(phrase, max(0, start - len(phrase)), limit)
    while i != -1 and i < end:
        if i + len(phrase) > start:
            return True
        i = text.find(phrase, i + 1, limit)
    return False


def inside_marks(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside quotes or title marks: numbers there belong to names (“1811”)."""
    marks = _mark_positions(text)
    before = {m: bisect.bisect_left(positions, pos) for m, positions in marks.items()}
    if any(before[o] > before[c] for o, c in MARK_PAIRS):
        return True
    return before['"'] % 2 == 1


@lru_cache(maxsize=16)
def _mark_positions(text: str) -> dict[str, list[int]]:
    """Where each quote and title mark stands in a sentence (counted once per sentence)."""
    out: dict[str, list[int]] = {m: [] for pair in MARK_PAIRS for m in pair}
    out['"'] = []
    for i, c in enumerate(text):
        if c in out:
            out[c].append(i)
    return out


def approx_before(text: str, start: int) -> bool:
    head = text[max(0, start - 3) : start]
    return any(head.endswith(w) for w in markers("approx_before"))


def in_comparison_base(text: str, start: int, end: int) -> bool:
    """由原来的5-10个工作日缩短至3.8个工作日: the figure before 缩短至 is the old baseline."""
    c_start, c_end = clause_of(text, start, end)
    head, tail = text[c_start:start], text[end:c_end]
    if not any(w in head for w in markers("comparison_from")):
        return False
    tail = tail.lstrip("余多以上左右")
    adverb = next((a for a in markers("comparison_adverb") if tail.startswith(a)), "")
    return tail.startswith(markers("comparison_to"), len(adverb))


def comparison_subject_end(text: str, start: int, figure_start: int) -> int:
    """Where the words naming the measure end: 合格率|由85%提高到95% names 合格率 only."""
    head = text[start:figure_start]
    if not any(head.endswith(w) for w in markers("comparison_to")):
        return figure_start
    cut = max(head.rfind(w) for w in markers("comparison_from"))
    return start + cut if cut > 0 else figure_start


def bare_money(text: str, m: re.Match[str], value: Decimal) -> Figure | None:
    """办公经费80万: an amount in 万/亿 with no unit is money when the clause speaks of money."""
    span = m.group("num")
    if not (span[-1:] in MULTIPLIERS or m.group("mult")) or is_chinese(span):
        return None
    start, _ = clause_of(text, m.start(), m.end())
    if not any(w in text[start : m.start()] for w in words("money_cues.tsv")):
        return None
    approximate = bool(m.group("approx") or m.group("after") or approx_before(text, m.start()))
    return Figure(m.start(), m.end(), value, "元", "money", approximate)


@cache
def difference_pattern() -> re.Pattern[str]:
    """同比减少5起、4人: the figures after a comparison word and a direction are differences."""
    bases, directions = change_words("base"), change_words("direction")
    return re.compile(
        rf"(?:{alternation(bases)}|{YEAR_BASE})(?:{alternation(directions)})(?:{CHANGE_LINK})?"
        rf"(?P<run>{NUMBER}[^{CLAUSE_END}%％]{{0,6}}?(?:、{NUMBER}[^{CLAUSE_END}、%％]{{0,6}}?)*)(?=[{CLAUSE_END}]|$)"
    )


def difference_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the differences of a comparison (同比减少5起、4人): the guidelines keep the result
    and its change, not the difference; a percentage there is a change, read elsewhere."""
    return [
        (m.start("run"), m.end("run"))
        for m in difference_pattern().finditer(text)
        if "%" not in m.group("run")
    ]


@cache
def respective_pattern() -> re.Pattern[str]:
    """分别下降7%、5.6%, 同比分别增加 59 %和49%: changes listed for the figures before them, in
    their order (joined by 、 or 和/及/与, the number maybe set off by a space)."""
    directions = change_words("direction")
    percent = rf"{DIGITS}(?:{SPACE})?(?:%|％|个百分点)"
    return re.compile(
        rf"分别(?P<dir>{alternation(directions)})(?:{CHANGE_LINK})?(?:{SPACE})?"
        rf"(?P<nums>{percent}(?:[、和及与](?:{SPACE})?{percent})+)"
    )


def attach_respective(
    figures: list[Figure], respective: list[re.Match[str]], differences: list[tuple[int, int]]
) -> dict[int, Decimal]:
    """figure start -> signed change, for 66起、死亡68人,同比减少5起、4人,分别下降7%、5.6%: the
    k changes go to the last k figures stated before the comparison, in order."""
    out: dict[int, Decimal] = {}
    for m in respective:
        sign = direction_signs()[m.group("dir")]
        values = [to_decimal(v) for v in re.findall(DIGITS, m.group("nums"))]
        base = min((s for s, _ in differences if s < m.start()), default=m.start())
        before = [f for f in figures if f.end <= base][-len(values) :]
        if len(before) == len(values):
            out.update({f.start: sign * v for f, v in zip(before, values, strict=True) if v is not None})
    return out


@cache
def comparison_pattern() -> re.Pattern[str]:
    """较2020年172件增加109件,增长了63% / 较2020年该类案件量42件增长了一倍: a comparison with
    last year's figure (the baseline), maybe the difference, maybe the change in percent or
    times (一倍 = 100%)."""
    unit = alternation(units())
    directions = alternation(change_words("direction"))
    figure = rf"{NUMBER}[余多]?(?:万|亿)?(?:{unit})"
    times = r"[一二两三四五六七八九十\d]+倍"
    return re.compile(
        rf"(?:较|比)(?:[0-9]{{4}}年度?|上一?年度?|去年)(?:同期)?[^{CLAUSE_END}、0-9]{{0,8}}?(?P<base>{figure})"
        rf"(?:(?:{directions})(?:了)?(?P<diff>{figure}))?[,，]?"
        rf"(?:(?P<dir>{directions})(?:{CHANGE_LINK})?(?P<pct>{DIGITS}(?:%|％)|{times}))?"
    )


def attach_comparisons(figures: list[Figure], comparisons: list[re.Match[str]]) -> dict[int, Decimal]:
    """figure start -> signed change, for a comparison with last year right after a figure
    (收到申请281件,较2020年172件增加109件,增长了63%: 281件 changed by +63)."""
    out: dict[int, Decimal] = {}
    for m in comparisons:
        if not m.group("pct"):
            continue
        at = m.start()
        gap_end = at
        close = m.string[:at].rstrip(CLAUSE_END + "、 ")
        if close.endswith((")", "）")):  # 85件(其中…47件、…38件),较2020年…: the total is compared
            gap_end = max(close.rfind("("), close.rfind("（"))
        before = [f for f in figures if f.end <= gap_end]
        if not before or not CHANGE_GAP.fullmatch(
            m.string[before[-1].end : gap_end].strip(CLAUSE_END + "、 ")
        ):
            continue
        pct = m.group("pct")
        value = to_decimal(pct.rstrip("%％倍")) * (100 if pct.endswith("倍") else 1)
        if value is not None:
            out[before[-1].start] = direction_signs()[m.group("dir")] * value
    return out


def attach_changes(figures: list[Figure], changes: list[re.Match[str]]) -> dict[int, Decimal]:
    """figure start -> signed change, for each 同比/环比 change right after a figure."""
    out: dict[int, Decimal] = {}
    for change in changes:
        figure = figure_before(figures, change, change.string)
        if figure is not None:
            out[figure.start] = change_value(change)
    return out


#: What may stand between a figure and the change qualifying it (168件,同比增加40%).
CHANGE_GAP = re.compile(rf"[{CLAUSE_END}、\s]*")


def figure_before(figures: list[Figure], change: re.Match[str], text: str) -> Figure | None:
    """The figure a change qualifies: the last one before it, with only punctuation or the
    figure's own measure word (受理量) between; 办理案件120件,其中民事案件同比下降5%
    qualifies no figure (the change has its own subject)."""
    before = [f for f in figures if f.end <= change.start()]
    if not before:
        return None
    gap = text[before[-1].end : change.start()].strip(CLAUSE_END + "、 ")
    if CHANGE_GAP.fullmatch(gap) or (len(gap) <= MEASURE_GAP and gap.endswith(("量", "数", "总数"))):
        return before[-1]  # 120件,受理量同比增长5%: the measure is the figure's own
    return None


#: How long a measure word between a figure and its change may be (受理量, 案件数).
MEASURE_GAP = 4


def change_value(change: re.Match[str]) -> Decimal:
    return direction_signs()[change.group("dir")] * to_decimal(change.group("num"))


def loose_changes(
    sentence: Sentence, figures: list[Figure], changes: list[re.Match[str]]
) -> list[OutcomeRecord]:
    """受理案件比上年下降5%: a change no figure carries is an outcome of its own, signed in
    change_percent, its indicator the clause's subject plus 增幅/降幅."""
    text, out = sentence.text, []
    for change in changes:
        if figure_before(figures, change, text) is not None:
            continue
        num_start = change.start("num")
        start, end = clause_of(text, num_start, change.end())
        signed = change_value(change)
        unit = "%" if text[change.end("num") : change.end()] in ("%", "％") else "个百分点"
        subject = indicator_of(text[start : change.start()], "", "percent", text[:start]) or ""
        out.append(
            OutcomeRecord(
                text=text[start:end],
                value=abs(signed),
                unit=unit,
                evidence=Evidence.of(sentence, start, end, rule="outcomes.loose_change"),
                indicator=subject + ("增幅" if signed > 0 else "降幅"),
                area=area_of(text[start:end], sentence.heading, around=text),
                approximate=False,
                change_percent=signed,
                is_target=is_target(sentence, text[start:end]),
            )
        )
    return out


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a figure: between clause marks; a 、 list is cut only between items
    that each carry a figure (出具报告50份、提供建议400余条), so 审查合同、规章制度17份 stays whole.

    The sentence's clause marks and each clause's item groups are found once per sentence
    (:func:`_clause_marks`, :func:`_item_groups`), so a sentence of 20 000 figures costs
    20 000 lookups, not 20 000 scans."""
    marks = _clause_marks(text)
    k = bisect.bisect_left(marks, start)
    left = marks[k - 1] + 1 if k else 0
    j = bisect.bisect_left(marks, end)
    right = marks[j] if j < len(marks) else len(text)
    starts, groups = _item_groups(text, left, right)
    if not groups:
        return trimmed(text, left, right)
    g = bisect.bisect_right(starts, start) - 1
    if g >= 0 and groups[g][0] <= start < groups[g][1]:
        return trimmed(text, *groups[g])
    return trimmed(text, left, right)


@lru_cache(maxsize=16)
def _clause_marks(text: str) -> list[int]:
    """Positions of the clause marks of a sentence, in order."""
    return [i for i, c in enumerate(text) if c in CLAUSE_END]


@lru_cache(maxsize=256)
def _item_groups(text: str, left: int, right: int) -> tuple[list[int], list[tuple[int, int]]]:
    """The spans of a clause's 、 items grouped so that each group carries one figure (an item
    without a figure joins the next one, or the previous one at the end), and their starts;
    nothing when the clause has no 、."""
    cuts = [i for i in range(left, right) if text[i] == "、"]
    if not cuts:
        return [], []
    bounds = [left, *[c + 1 for c in cuts], right + 1]
    items = [(bounds[i], bounds[i + 1] - 1) for i in range(len(bounds) - 1)]
    with_figure = [bool(figure_pattern().search(text, s, e)) and has_number(text[s:e]) for s, e in items]
    groups: list[list[int]] = []
    pending: list[int] = []
    for i, has in enumerate(with_figure):
        pending.append(i)
        if has:
            groups.append(pending)
            pending = []
    if pending:
        if groups:
            groups[-1].extend(pending)
        else:
            groups.append(pending)
    spans = [(items[g[0]][0], items[g[-1]][1]) for g in groups]
    return [a for a, _ in spans], spans


def has_number(text: str) -> bool:
    return any(ch.isdigit() for ch in text) or bool(re.search(r"[一二三四五六七八九十两]", text))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def is_target(sentence: Sentence, clause: str) -> bool:
    """Plans state targets; elsewhere a goal word in the clause does (力争, 考核指标)."""
    return sentence.section == "plans" or any(w in clause for w in markers("target"))
