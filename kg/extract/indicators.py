"""The indicator of a figure: a short noun phrase naming what is measured (法律援助案件办结数).

Built from the figure's own clause only: the object of the action plus the action plus a
suffix chosen by the unit (人数, 场次, 金额…), with scope words (全年, 全区, 累计) dropped
and short forms normalised (kg/vocab/data/indicator_words.tsv), so that the same measure in
reports from different places gets the same string and can be compared.
jieba's part-of-speech tags find the action; they run on the clause, never the whole report.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from kg.text.patterns import PINYIN_GLOSS
from kg.vocab.lexicon import rows

#: Punctuation and marks dropped from an indicator.
MARKS = re.compile(r"[\s“”\"'‘’《》〈〉「」『』()（）、,，。:：;；!！?？·]")
#: Dates and time spans (2022年, 截至10月, 3月29日, 2021年以来): when, not what, is measured.
DATE = r"(?:[0-9０-９]{4}年度?(?:[上下]半年)?(?:[0-9０-９]{1,2}月份?(?:[0-9０-９]{1,2}日)?)?|[0-9０-９]{1,2}月份?(?:[0-9０-９]{1,2}日)?)"
DATES = re.compile(rf"(?:截至|截止到?|自|从)?{DATE}(?:底|末|初|以来|前|至今)?")
#: Characters that cannot belong to a measured phrase: digits and units left in the clause.
NUMBERISH = re.compile(r"[0-9０-９.%％]+")
#: Endings that already name a measure; no suffix is added after them.
MEASURE_ENDINGS = ("数", "量", "率", "额", "比例", "比重", "占比", "排名", "人次", "场次", "件次", "名次")
RATE_KINDS = ("percent",)
MAX_LENGTH = 24


@cache
def vocabulary(kind: str) -> tuple[str, ...]:
    words = [r[1] for r in rows("indicator_words.tsv") if r[0] == kind]
    return tuple(sorted(words, key=len, reverse=True))


@cache
def suffixes() -> dict[str, str]:
    return {r[1]: r[2] for r in rows("indicator_words.tsv") if r[0] == "suffix"}


@cache
def synonyms() -> tuple[tuple[str, str], ...]:
    pairs = [(r[1], r[2]) for r in rows("indicator_words.tsv") if r[0] == "synonym"]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def indicator_of(left: str, right: str, kind: str, before: str = "") -> str | None:
    """What a figure measures, from the words of its clause before (``left``) and after it
    (``right``); None when the clause names nothing. ``before`` is the sentence up to the
    clause: when the clause names only an action or a generic measure (已办结4件, 比例达86%),
    the subject is carried over from there (收集企业诉求5件,已办结4件 -> 企业诉求办结数)."""
    left = strip_edges(clean(left))
    right = clean(right)
    if kind in RATE_KINDS or kind == "rank":
        phrase = left or leading_noun(right)
        if not phrase:
            return None
        phrase = with_subject(phrase, before)
        if phrase.endswith("占"):  # 环保类占19.47%: the share of a category
            phrase += "比"
        if kind == "rank" and not phrase.endswith(("排名", "名次", "位次")):
            phrase = phrase.removesuffix("排") + "排名"
        return normalised(phrase)
    phrase = action_phrase(left, right)
    if not phrase:
        return None
    return normalised(with_suffix(with_subject(phrase, before), kind))


#: What a run of years is named by: 连续 + the honour or state that lasted + 年数.
RUN_PREFIX, RUN_SUFFIX = "连续", "年数"


def run_indicator(left: str, right: str, kind: str = "years", before: str = "") -> str | None:
    """连续3年|被评为优秀单位 -> 连续评为优秀单位年数: what lasted is said after the run; a run
    with nothing after it (已连续服务群众近20年) is named from its own clause."""
    phrase = strip_edges(clean(right))
    for w in vocabulary("run_opening"):
        if phrase.startswith(w) and len(phrase) > len(w) + 1:
            phrase = phrase[len(w) :]
            break
    if len(phrase) < 2:
        return indicator_of(left, right, kind, before)
    return normalised(RUN_PREFIX + phrase + RUN_SUFFIX)


#: Word classes that name things (jieba flags): nouns, set phrases, abbreviations.
NOUN_FLAGS = ("n", "l", "j")
#: How much of the sentence before a clause is searched for a subject to carry over.
CARRY_WINDOW = 40
CLAUSE_MARKS = re.compile(r"[,，;；:：、。\n]")


def with_subject(phrase: str, before: str) -> str:
    """``phrase`` with the subject of an earlier clause in front when it names no thing itself."""
    if not before or not is_bare(phrase):
        return phrase
    subject = carried_subject(before)
    return subject + phrase if subject and subject not in phrase else phrase


def is_bare(phrase: str) -> bool:
    """An action alone (办结, 败诉) or a generic measure word (比例) names nothing measured."""
    if phrase in vocabulary("generic"):
        return True
    return not any(flag.startswith(NOUN_FLAGS) for _, flag in tagged(phrase))


def carried_subject(before: str) -> str:
    """The noun phrase of the nearest earlier clause that has one: its longest run of nouns."""
    for part in reversed(CLAUSE_MARKS.split(before[-CARRY_WINDOW:])):
        run = noun_span(strip_edges(clean(part)))
        if run:
            return run
    return ""


def noun_span(text: str) -> str:
    """The last stretch of ``text`` running from a noun to a noun (企业|诉求|问题), cut at
    function words; jieba tags verbs inside compounds loosely, so they may sit between nouns."""
    spans, current = [], []
    for word, flag in [*tagged(text), ("", "x")]:
        if flag[:1] in ("p", "c", "u", "d", "r", "m", "x", "f") or word in vocabulary("light"):
            spans.append(current)
            current = []
            continue
        current.append((word, flag))
    for span in reversed(spans):
        nouns = [i for i, (_, flag) in enumerate(span) if flag.startswith(NOUN_FLAGS)]
        if nouns:
            phrase = "".join(w for w, _ in span[nouns[0] : nouns[-1] + 1])
            if len(phrase) >= 2:
                return phrase
    return ""


def clean(text: str) -> str:
    """The clause part without marks, pinyin glosses, numbers and the units stuck to them."""
    text = PINYIN_GLOSS.sub("", text)
    text = MARKS.sub("", text)
    text = DATES.sub("", text)
    return NUMBERISH.sub("", text)


def strip_edges(text: str) -> str:
    """Drop scope words from the front and linking words (达, 为, 累计) from the back."""
    front, back = vocabulary("filler"), edge_words()
    changed = True
    while changed and text:
        changed = False
        if text.startswith(front):  # one C-level test first: most phrases have no edge word
            for w in front:
                if text.startswith(w) and len(text) > len(w):
                    text, changed = text[len(w) :], True
                    break
        if text.endswith(back):
            for w in back:
                if text.endswith(w):
                    text, changed = text[: -len(w)], True
                    break
    return text


@cache
def edge_words() -> tuple[str, ...]:
    """The words stripped from a phrase's end, linking words first, in that order."""
    return vocabulary("link") + vocabulary("filler")


def action_phrase(left: str, right: str) -> str:
    """action + object, as written: 进驻|部门 -> 进驻部门; 开展法治宣传 -> 法治宣传; 整改|执法问题 ->
    整改执法问题; case statistics put the object first: 办结援助案 -> 援助案办结."""
    tokens = tagged(left)
    verb_at = main_verb(tokens)
    counted = leading_noun(right)  # 整改78个|执法不规范问题: the noun after the count is what is counted
    counted = next((w for w in vocabulary("part") if counted.startswith(w)), counted)
    if verb_at is None:
        return counted or without_light_verb(strip_edges(left))
    verb = tokens[verb_at][0]
    subject = strip_edges("".join(w for w, _ in tokens[:verb_at]))
    obj = counted or strip_edges("".join(w for w, _ in tokens[verb_at + 1 :]))
    obj = obj.rsplit("等", 1)[-1] if "等" in obj else obj
    if not obj and subject.endswith(MEASURE_ENDINGS):  # 律师人数|突破3000人
        return subject
    if obj.endswith(MEASURE_ENDINGS) and verb not in vocabulary("light") and is_bare(obj):
        return verb + obj  # 关注|人数: a measure word alone needs the action that names it
    if verb in vocabulary("light") or obj.endswith(MEASURE_ENDINGS):
        return without_light_verb(obj)  # 组织|开展专题培训 -> 专题培训
    if not obj:  # 司法确认43件, 办结65件: the action itself is what is counted
        return subject + verb
    if len(obj) == 1 and not counted:  # 提醒|函, 督办|单: a one-character noun closes a compound
        return subject + verb + obj
    return in_measure_order(verb, obj)


def in_measure_order(verb: str, obj: str) -> str:
    """Verb and object as the text has them (进驻|部门 -> 进驻部门数, 服务|企业 -> 服务企业数): that
    is how annotators and readers name a measure. The verbs of case statistics (受理, 办结) are
    named after their object, as the statistics tables write them (法律援助案件受理数)."""
    if verb in vocabulary("postposed"):
        return obj + verb
    return verb + obj


def without_light_verb(text: str) -> str:
    """共有|人民调解委员会: a light verb opening the phrase names nothing."""
    for w in vocabulary("light"):
        if text.startswith(w) and len(text) > len(w) + 1:
            return text[len(w) :]
    return text


def main_verb(tokens: list[tuple[str, str]]) -> int | None:
    """The first verb outside a prepositional phrase (为受援人|挽回|经济损失 -> 挽回); verbs used
    as prepositions open one too (围绕|…重点内容|组织开展|专题培训 -> 组织开展)."""
    in_phrase, seen_noun = False, False
    for i, (word, flag) in enumerate(tokens):
        if flag == "p" or (i == 0 and word in vocabulary("preposition")):
            in_phrase, seen_noun = True, False
        elif in_phrase:
            seen_noun = seen_noun or flag.startswith(("n", "r"))
            if flag == "v" and seen_noun:
                return i
        elif is_action(word, flag, i, len(tokens)):
            return i
    return None


def is_action(word: str, flag: str, at: int, count: int) -> bool:
    """A verb that is not a scope or link word; a verbal noun opening the clause acts too (评查|案卷)."""
    if word in vocabulary("action"):
        return True
    if flag == "v":
        return word not in vocabulary("filler") and word not in vocabulary("link")
    return flag == "vn" and at == 0 and count > 1


def leading_noun(text: str) -> str:
    """The noun phrase opening ``text`` (21个|街镇和…, 1090名|行政执法人员参加了培训)."""
    out: list[str] = []
    previous, named = "", False
    for word, flag in tagged(text):
        # 执法|不规范问题, 高|败诉|风险案件: verbs and adverbs may stand before the first noun
        opening = not named
        if not opening and (flag in ("v", "p", "c") or (flag == "d" and previous.startswith("n"))):
            break
        if word in ("和", "及", "与", "等", "或", "的") or flag in ("p", "c"):
            break
        out.append(word)
        previous, named = flag, named or flag.startswith(NOUN_FLAGS)
    return strip_edges("".join(out))


def with_suffix(phrase: str, kind: str) -> str:
    if phrase.endswith(MEASURE_ENDINGS):
        return phrase
    suffix = suffixes().get(kind, "数")
    if suffix == "人数" and phrase.endswith(("人", "人员")):
        return phrase + "数"
    return phrase + suffix


def normalised(phrase: str) -> str | None:
    """One spelling per measure: short forms expanded, marks dropped, length bounded."""
    for short, full in synonyms():
        if short in phrase and full not in phrase:
            phrase = phrase.replace(short, full)
    phrase = MARKS.sub("", phrase)
    if len(phrase) < 2:
        return None
    return phrase[-MAX_LENGTH:]


@lru_cache(maxsize=8192)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """jieba part-of-speech tags of a short clause part. Cached: reports repeat their clause
    openings (办理, 受理法律援助案件) and the tagger is the slowest step of an indicator."""
    if not text:
        return ()
    return tuple((p.word, p.flag) for p in _posseg().lcut(text))


@cache
def _posseg():
    """jieba's tagger, imported once, after :func:`quiet_jieba`."""
    quiet_jieba()
    import jieba.posseg as posseg

    return posseg


@cache
def quiet_jieba():
    """jieba, imported on first use (it loads its dictionary) with its log quietened once
    (setLogLevel at every call cleared the logging module's caches each time)."""
    import jieba

    jieba.setLogLevel(60)
    return jieba
