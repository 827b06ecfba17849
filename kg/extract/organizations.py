"""Named bodies: agencies, mediation organisations, other organisations and unmarked media.

A body name is a region prefix (綦江区, 区, 市级, 中央), body words and a suffix that
says what kind of body it is (司法局, 人民法院, 调委会, 律师事务所), possibly followed by
sub-units (区委依法治区办秘书科). The hard part is where a name starts and stops, so
names are read in three ways, each with a clear left boundary:

* anchored: from a region prefix at a word boundary, rightwards over body words, to the
  last suffix that ends a word (this is how most agencies are written);
* free: leftwards from a suffix that can stand without a region (调解室, 工作站,
  律师事务所) over noun-like words, stopping at verbs, counters and punctuation;
* quoted: “老兵调解室”, “猛佬党”调解工作室.

Besides these, national bodies (司法部) come from a list, departments named without a region
(会同人力资源社会保障厅) belong to the report's own government, and stations listed after a
first one (融安站、柳城站) share its parent's name. Spans inside 《》 are never read.

Vocabulary (suffixes, region words, stop words, generic unit names, abbreviations) lives in
``kg/vocab/data/org_*.tsv``. Relative names resolve against the report's own region and bureau
(区法院 in a 綦江区 report is 綦江区人民法院; 市局 in a county report is the parent
city's counterpart of the reporting bureau).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

import jieba
import jieba.posseg

from kg.extract.context import ReportContext
from kg.extract.records import Evidence, OrgMention, RegionMention
from kg.extract.regions import choose
from kg.extract.report_meta import on_the_page, unbroken
from kg.text.document import Document, Sentence
from kg.text.normalize import is_furniture, occurrences
from kg.text.patterns import BOOK_TITLE, HAN, HAN_CHAR, QUOTE
from kg.vocab import gazetteer
from kg.vocab.lexicon import rows, words

jieba.setLogLevel(60)

#: 中国(柳州): the national prefix of a pilot zone named after its city
ZONE_PREFIX = re.compile(rf"中国[(（][{HAN}]{{2,8}}[)）]")
#: 、柳城站 after 法律服务中心融安站: a sibling sub-unit named by its own short body
SIBLING = "[、和及]([" + HAN + r"]{{1,3}}?{suffix})"  # a template: .format(suffix=…)
#: what ends a clause: an award verb before a quoted name counts only within its clause
CLAUSE_BREAK = r"[,，;；。:：!！?？]"
#: a count right after a name (成立商会人民调解委员会8家): unnamed bodies, an outcome
COUNT_AFTER = re.compile(r"^(?:[0-9]+|[一二两三四五六七八九十百]+)[余多]?[家个所处]")
#: what stands in for a 《》 title: nothing inside one is read as a body name
MASK = "\u3000"
#: part-of-speech tags that end a free (unprefixed) name scanned leftwards: verbs (not verbal
#: nouns), adverbs, prepositions, conjunctions, particles, numerals, classifiers, pronouns, time words
STOP_TAGS = ("v", "d", "p", "c", "u", "m", "q", "r", "t", "x", "w", "y", "e", "o", "ad")
MAX_BODY = 14
#: 法治建设领导小组: a leading group needs a task of at least this many characters to be named
MIN_GROUP_TASK = 4
#: the longest leading group's name read (海西州深入推进依法行政加快建设法治政府工作领导小组)
MAX_GROUP = 32
MAX_TAIL_BODY = 10
MAX_FREE_BODY = 14
#: a national body's name this short (中办, 国办) is read only as whole words of the sentence
SHORT_NATIONAL = 2
#: kind words between a closing quote and the suffix of a quoted name (“红袖标”义务巡逻队)
MAX_QUOTED_KIND = 8


@cache
def _org_words(role: str) -> tuple[str, ...]:
    """One closed word class of kg/vocab/data/org_words.tsv, in file order."""
    return tuple(r[1] for r in rows("org_words.tsv") if r[0] == role)


SELF_NAMES = _org_words("self_name")
DEPARTMENT_UNITS = _org_words("department_unit")
PARTY_COMMISSIONS = _org_words("party_commission")
GENERIC_BEFORE = _org_words("generic_before")
SELF_BODIES = _org_words("self_body")
SELF_UNITS = _org_words("self_unit")
OFFICE_OWNERS = _org_words("office_owner")
TOWN_LEVELS = _org_words("town_level")
#: a party committee's study group (街道党工委中心组): the gold names none with a canonical it cannot make certain
STUDY_GROUP = "中心组"
#: level words a joining character may be glued to by jieba (和县: 和 + 县)
LEVEL_CHARS = "省市县区州旗镇乡"
#: what a county-level unit's name ends in (the parent a town's committee is named under)
COUNTY_LEVELS = ("县", "区", "市", "旗")
GOVERNMENT_WORDS = _org_words("government_word")
PLURAL_MARKS = "".join(_org_words("plural_mark"))
#: 听取1次县人大常委会: jieba reads 次县 as one word, so the name after a figure's counter opens mid-word
AFTER_COUNTER = re.compile(
    rf"(?<=[0-9一二两三四五六七八九十百])[{''.join(_org_words('counter'))}](?=[{HAN}])"
)
#: a count right before a name (4个公安派出所, 8个公共法律服务中心): unnamed bodies
COUNT_BEFORE = re.compile(r"(?:[0-9]+|[一二两三四五六七八九十百]+)[余多]?[个家所处名]$")
#: a count opening a body's name after its place: 三个专业调解工作室, 12家调委会 (not 一家亲调解室)
COUNT_IN_NAME = re.compile(r"(?:[0-9]+[余多]?[个家所处]|[一二两三四五六七八九十百]+[余多]?个)")
#: 人民 before 调解工作室 (法院人民调解工作室): part of the room's kind word, not of its host
PEOPLES = "人民"

#: the party committee of a town or a body (镇党委, 党委), whose secretary is a person's post
PARTY_COMMITTEE = "党委"
#: a party committee's name: 党委, 党工委, or a level's (省委, 市委, 县委, 镇委; 中共某市委): before an
#: official's post (市委副书记 holdout7 h106, 省委常委 h98, as 党委书记 d407) it names the person's post
PARTY_COMMITTEE_NAME = re.compile(r"(?:党|党工|[省市县区州旗镇乡])委$")
#: the standing committee itself (市委常委会议), a body, not a member's post
STANDING_COMMITTEE = "常委会"

#: a 《 the sentence never closes: a title cut off where the page's excerpt ends
UNCLOSED_TITLE = re.compile(r"《[^《》]*$")

#: 国务院令第711号: a decree's number after its issuer, no mention of the issuer
DECREE_AFTER = re.compile(r"令\s*第?\s*[0-9]+\s*号")

#: 〔2014〕保市府辦172號: an old-style document number, the issuer's short code between the
#: bracketed year and the serial number
CODE_BEFORE = re.compile(rf"[〔［\[][0-9]{{4}}[〕］\]][{HAN}]{{0,4}}$")
CODE_AFTER = re.compile(r"[0-9]+\s*[号號]")

#: 函〔2025〕, 发〔2019〕, 〔2023〕 right after a name: it is a document number's issuer code
DOCUMENT_NUMBER_AFTER = re.compile(r"[函发办字电]?[〔［\[][0-9]{4}")
#: 各县(市、区) before a department: a list of levels after 各 makes it every such body
LEVEL_LIST_BEFORE = re.compile(r"各[县市区乡镇街道州省]*[(（][县市区乡镇街道州、]+[)）]$")
#: (以下简称‘综合调解室’) after a name: the short name the text goes on to use for that body
ALIAS = re.compile(r"[(（](?:以下)?简称[‘“'\"]?([^‘’“”'\"()（）]{2,16})[’”'\"]?[)）]")
#: a quoted nickname built from counts (“一所三室”, “四所一庭一中心”) or a slogan opened by one
#: (“一网通办”) is a model, not a body (but see _counted_room)
COUNTED_NICKNAME = re.compile(r"^[一二两三四五六七八九十]")


@dataclass(frozen=True)
class Suffix:
    text: str
    kind: str
    mode: str
    #: names a whole body right after a region (河东公证处)
    alone: bool = False


@dataclass
class Candidate:
    """A body name found in a sentence, with what its canonical name is built from."""

    start: int
    end: int
    name: str
    kind: str
    #: region prefix parts: ("place", name), ("relative", word), ("nation", word), ("self", word),
    #: ("department", unit)
    regions: list[tuple[str, str | None]] = field(default_factory=list)
    #: body words + suffix of each segment after the region prefix (政府, 依法治区办)
    segments: list[str] = field(default_factory=list)
    party: bool = False
    canonical: str | None = None
    #: the rule that found it (organizations.<rule> in the record's evidence)
    rule: str = ""


# -- vocabulary --------------------------------------------------------------------------


@cache
def suffixes() -> dict[str, Suffix]:
    return {r[0]: Suffix(r[0], r[1], r[2], len(r) > 3 and r[3] == "yes") for r in rows("org_suffixes.tsv")}


@cache
def suffixes_by_length() -> tuple[Suffix, ...]:
    return tuple(sorted(suffixes().values(), key=lambda s: (-len(s.text), s.text)))


@cache
def suffixes_by_last_char() -> dict[str, tuple[Suffix, ...]]:
    out: dict[str, list[Suffix]] = {}
    for suffix in suffixes_by_length():
        out.setdefault(suffix.text[-1], []).append(suffix)
    return {k: tuple(v) for k, v in out.items()}


@cache
def suffixes_by_first_char() -> dict[str, tuple[Suffix, ...]]:
    """The suffixes grouped by their first character, longest first: the ones that can start
    at a position are looked up, not scanned."""
    out: dict[str, list[Suffix]] = {}
    for suffix in suffixes_by_length():
        out.setdefault(suffix.text[0], []).append(suffix)
    return {k: tuple(v) for k, v in out.items()}


@cache
def free_suffixes() -> frozenset[str]:
    """The suffixes that end a name with no region (调解室, 律师事务所)."""
    return frozenset(s.text for s in suffixes().values() if s.mode == "free")


@cache
def anchor_words() -> dict[str, str]:
    return {r[0]: r[1] for r in rows("org_anchors.tsv")}


@cache
def anchor_words_by_length() -> tuple[str, ...]:
    return tuple(sorted(anchor_words(), key=lambda w: (-len(w), w)))


@cache
def anchor_words_by_first_char() -> dict[str, tuple[str, ...]]:
    """The anchor words grouped by their first character, longest first: the words that can
    open a name at a position are looked up, not scanned (a scan cost most of extraction)."""
    grouped: dict[str, list[str]] = {}
    for word in anchor_words_by_length():
        grouped.setdefault(word[0], []).append(word)
    return {first: tuple(words) for first, words in grouped.items()}


def anchor_word_at(text: str, pos: int) -> str | None:
    """The longest anchor word (市, 区, 县, 我局 …) starting at ``pos``, or None."""
    if pos >= len(text):
        return None
    return next((w for w in anchor_words_by_first_char().get(text[pos], ()) if text.startswith(w, pos)), None)


@cache
def anchor_heads() -> dict[str, tuple[str, ...]]:
    """Region words that open only some bodies (地 only in 地委): word -> the suffixes allowed."""
    return {r[0]: tuple(r[2].split(",")) for r in rows("org_anchors.tsv") if len(r) > 2 and r[2]}


@cache
def word_set(name: str) -> frozenset[str]:
    return frozenset(words(name))


@cache
def generic_names(scope: str) -> frozenset[str]:
    """Unit kinds never listed: ``any`` even after a region (法治政府), ``bare`` only alone (司法所)."""
    return frozenset(r[0] for r in rows("org_generic.tsv") if (r[1] if len(r) > 1 else "bare") == scope)


@cache
def abbreviations() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((r[0], r[1]) for r in rows("org_abbreviations.tsv")), key=lambda r: -len(r[0])))


@cache
def national_bodies() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(((r[0], r[1]) for r in rows("org_national.tsv")), key=lambda r: (-len(r[0]), r[0])))


@cache
def place_names() -> dict[str, bool]:
    """Gazetteer names that may open a body name -> whether the name is a town's short form.

    Short forms of towns (北极 for 北极镇) are ordinary words too often to open a name
    followed by body words; they only open one directly followed by a suffix (北极司法所).
    """
    out: dict[str, bool] = {}
    for p in gazetteer.places():
        out.setdefault(p.name, False)
        short = p.short
        if p.level == "town" and short == p.name and len(short) >= 3 and short.endswith(("镇", "乡")):
            short = short[:-1]
        if short != p.name and len(short) >= 2:
            out[short] = out.get(short, True) and p.level == "town"
        if p.level == "town" and p.name.endswith("街道") and len(p.name) >= 4:
            out.setdefault(p.name[:-1], False)  # 鹤龙街党工委: streets are written with 街 alone
    # 红河州人民政府, 中共红河州委 (holdout4 h45), 昌吉州人民政府 (wide d605): autonomous units written
    # with their abbreviated names, as the regions extractor reads them
    for name in gazetteer.abbreviated_names():
        out.setdefault(name, False)
    # 公安 is also a county (公安县): in 县公安局 it is the department, never the place; a level word
    # that opens relative names (街道 in 街道党工委, holdout7 h99, holdout4 h54) is the report's own level
    for word in word_set("org_not_anchors.tsv") | word_set("org_departments.tsv") | set(anchor_words()):
        out.pop(word, None)
    return out


# -- one sentence ------------------------------------------------------------------------


@dataclass
class Text:
    """A sentence with 《》 titles masked and its jieba word boundaries."""

    raw: str
    text: str
    starts: frozenset[int]
    ends: frozenset[int]
    tokens: tuple[tuple[str, int, int], ...]
    #: positions right after a stop word, and positions inside a plural/not-a-region word
    after_stop: frozenset[int] = frozenset()
    inside_plural: frozenset[int] = frozenset()
    token_at: dict[int, str] = field(default_factory=dict)
    #: the tokens that are stop words (会同, 和, 的): the only ones :func:`_has_stop_word` looks at
    stop_tokens: tuple[tuple[str, int, int], ...] = ()

    @classmethod
    def of(cls, raw: str) -> Text:
        text = BOOK_TITLE.sub(lambda m: MASK * len(m.group(0)), raw)
        # 制定《中共某市委办公室 某市人民政府办公室关于印发… (a title cut off with the page): the
        # open 《 runs to the sentence's end, and the issuers inside it are no mentions
        text = UNCLOSED_TITLE.sub(lambda m: MASK * len(m.group(0)), text)
        tokens = tuple(jieba.tokenize(text))
        glued = {start for start, _ in word_spans(text, "org_after_words.tsv")}
        plural = {m.end() for m in _plural_mark().finditer(text)}
        after_stop = {end for _, end in word_spans(text, "org_stopwords.tsv")} - plural
        inside = set(plural)
        for start, end in word_spans(text, "org_not_anchors.tsv"):
            inside.update(range(start + 1, end))
        return cls(
            raw=raw,
            text=text,
            starts=frozenset(t[1] for t in tokens) | _after_counters(text),
            ends=frozenset(t[2] for t in tokens) | {len(text)} | glued | _glued_stop_ends(tokens),
            tokens=tokens,
            after_stop=frozenset(after_stop),
            inside_plural=frozenset(inside),
            token_at={t[1]: t[0] for t in tokens},
            stop_tokens=tuple(t for t in tokens if t[0] in word_set("org_stopwords.tsv"))
            + _glued_joins(text, tokens)
            + _glued_stops_after_suffix(tokens),
        )


@dataclass(frozen=True)
class WordFinder:
    """Every occurrence of every word of a vocabulary in a text, overlapping ones included: one
    regex pass finds the characters a word can start with, and only the words starting with
    the character found are tried there (instead of one ``find`` loop per word per sentence)."""

    first: re.Pattern[str]
    by_first: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, vocabulary: frozenset[str]) -> WordFinder:
        by_first: dict[str, list[str]] = {}
        for word in sorted(vocabulary, key=lambda w: (-len(w), w)):
            by_first.setdefault(word[0], []).append(word)
        first = "[" + re.escape("".join(sorted(by_first))) + "]" if by_first else "(?!)"
        return cls(re.compile(first), {c: tuple(ws) for c, ws in by_first.items()})

    def first_span(self, text: str) -> tuple[int, int] | None:
        """The first occurrence (the longest at its start), or None: whether any word occurs."""
        for m in self.first.finditer(text):
            start = m.start()
            word = next((w for w in self.by_first[m.group()] if text.startswith(w, start)), None)
            if word is not None:
                return start, start + len(word)
        return None

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every occurrence, by start, longest first at one start."""
        out = []
        for m in self.first.finditer(text):
            start = m.start()
            out.extend((start, start + len(w)) for w in self.by_first[m.group()] if text.startswith(w, start))
        return out


@cache
def finder(vocabulary: frozenset[str]) -> WordFinder:
    return WordFinder.of(vocabulary)


def word_spans(text: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of every word of vocabulary file ``name`` in ``text``."""
    return finder(word_set(name)).spans(text)


@cache
def _plural_mark() -> re.Pattern[str]:
    """One of the plural marks (各): the positions right after one are found in one pass."""
    return re.compile("[" + re.escape(PLURAL_MARKS) + "]")


def _after_counters(text: str) -> set[int]:
    """Positions right after a figure's counting word (1次|县人大常委会), where a name may open
    though jieba glued the counter to its first character."""
    return {m.end() for m in AFTER_COUNTER.finditer(text)}


#: a run of Chinese characters and nothing else
HAN_RUN = re.compile(f"[{HAN}]+")


def _is_han(text: str) -> bool:
    """Whether ``text`` is one or more Chinese characters (one regex match, not one a character)."""
    return HAN_RUN.fullmatch(text) is not None


def _has_stop_word(t: Text, start: int, end: int) -> bool:
    """Whether a stop word (会同, 和, 的 …) stands as a word between ``start`` and ``end``."""
    return any(s < end and e > start and not _protected(t.text, s, e) for _, s, e in t.stop_tokens)


def _protected(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` lies inside a protected body word (发展和改革, 联合调解)."""
    for word in word_set("org_protected.tsv"):
        for i in occurrences(text[max(0, start - len(word)) : end + len(word)], word):
            s = max(0, start - len(word)) + i
            if s <= start and end <= s + len(word):
                return True
    return False


@cache
def place_lengths_by_first_two() -> dict[str, tuple[int, ...]]:
    """First two characters -> the lengths of the place names starting with them, longest
    first: at a position only those lengths can name a place, so only those are tried (a
    one-character name never opens a body: :func:`_anchor_at` reads two or more)."""
    lengths: dict[str, set[int]] = {}
    for name in place_names():
        if len(name) > 1:
            lengths.setdefault(name[:2], set()).add(len(name))
    return {first: tuple(sorted(found, reverse=True)) for first, found in lengths.items()}


def _suffix_ending_at(text: str, end: int, start: int) -> list[Suffix]:
    """Suffixes ending at ``end`` and starting at or after ``start``, longest first."""
    if end <= start or end > len(text):
        return []
    return [
        s
        for s in suffixes_by_last_char().get(text[end - 1], ())
        if end - len(s.text) >= start and text.endswith(s.text, 0, end)
    ]


def _anchor_at(
    t: Text, pos: int, first: bool, places: bool = True
) -> tuple[int, tuple[str, str | None]] | None:
    """A region prefix starting at ``pos``: its end and what it refers to."""
    text = t.text
    if first and pos not in t.starts and pos not in t.after_stop:
        return None
    if not _may_open(text, pos):
        return None
    token = t.token_at.get(pos, "")
    zone = ZONE_PREFIX.match(text, pos)
    if zone:
        return zone.end(), ("nation", zone.group(0))
    names = place_names()
    longest = min(10, len(text) - pos) if places else 0
    lengths = place_lengths_by_first_two().get(text[pos : pos + 2], ())
    for length in (n for n in lengths if 1 < n <= longest):
        name = text[pos : pos + length]
        if name not in names or _glued_stop_word(text, pos, name):
            continue
        if name in word_set("org_stopwords.tsv") or (names[name] and token != name):
            continue
        if _suffix_ending_at(name, len(name), 1):
            continue  # towns named after a body (XX林业局) read as the body
        if _opens_token(token, name):
            if token in word_set("org_not_anchors.tsv"):
                break
            return pos + length, ("place", name)
    if token in word_set("org_not_anchors.tsv") or pos in t.inside_plural:
        return None
    word = anchor_word_at(text, pos)
    if word is not None and not _heads_a_word(token, word):
        return pos + len(word), ("relative", word)
    return None


def _heads_a_word(token: str, word: str) -> bool:
    """乡贤 in “乡贤调解室” (holdout11 h188), 县城, 市场: a level word (乡, 县, 市) that is only the
    head of a longer word names no level; the word is no region prefix. Widens the list of such
    words (org_not_anchors.tsv) to every word of the segmenter's dictionary; a token that is itself
    a body (区委, 县政府, 区法院) still opens one, and so does a token the segmenter only guessed
    (区法援 in 区法援中心, seed 001). Rule ``level_word_in_word`` (a reading it refuses)."""
    return not _opens_token(token, word) and _dictionary_word(token)


def _dictionary_word(token: str) -> bool:
    """A word of jieba's own dictionary, not one its model guessed from unknown characters."""
    return bool(jieba.dt.FREQ.get(token))


def _opens_token(token: str, name: str) -> bool:
    """A place opens a name unless it is only the head of a longer word (和平 in 和平共处);
    a word that is a whole body name (江苏省人民政府) is fine."""
    if not token or len(token) <= len(name) or not token.startswith(name):
        return True
    return bool(_suffix_ending_at(token, len(token), len(name)))


def _glued_joins(text: str, tokens: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    """县行政审批局和县综合行政执法局 (holdout8 h109): jieba reads 和县 (a county) as one word, so the
    和 joining two bodies stood in no stop token and the two bodies read as one name. A token that is
    a stop word and a level word right after a body's suffix (局, 委, 院…) joins: its stop word is
    a stop token, as 和县 in 和县级综治中心 is no place (:func:`_glued_stop_word`); 及区 after 区政府
    the same."""
    stops = word_set("org_stopwords.tsv")
    return tuple(
        (word[0], start, start + 1)
        for word, start, _ in tokens
        if len(word) == 2
        and word[0] in stops
        and word[1] in LEVEL_CHARS
        and start > 0
        and _suffix_ending_at(text, start, 0)  # 局, 委, or 政府 (区政府及区司法局, dev18 h286)
    )


def _glued_stops_after_suffix(tokens: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, int, int], ...]:
    """市委第七巡察组对我局 / 区委巡察组向区司法局党组 (holdout35 h610, h612): jieba joins a body's
    last character and the one-character stop word after it (组对, 组向区), so no stop token parts
    the next body from it and the two read as one name; the stop word is a stop token of its own
    (as :func:`_glued_stop_ends` lets the first body end before it)."""
    stops = word_set("org_stopwords.tsv")
    return tuple(
        (word[1], start + 1, start + 2)
        for word, start, _ in tokens
        if len(word) >= 2 and word[1] in stops and suffixes_by_last_char().get(word[0])
    )


def _glued_stop_ends(tokens: tuple[tuple[str, int, int], ...]) -> set[int]:
    """市委全面依法治市办向省级推荐 (holdout12 h193): jieba joins a body's last character and the
    one-character stop word after it (办向); the body may end between them, as if the stop word
    stood apart (org_stopwords.tsv). Widens where names may end; the record keeps the rule that
    read the name."""
    stops = word_set("org_stopwords.tsv")
    return {
        start + 1
        for word, start, _ in tokens
        if len(word) == 2 and word[1] in stops and suffixes_by_last_char().get(word[0])
    }


def _glued_stop_word(text: str, pos: int, name: str) -> bool:
    """和县 in 和县级综治中心: a place name whose first character is a stop word after a word."""
    return name[0] in word_set("org_stopwords.tsv") and pos > 0 and bool(HAN_CHAR.match(text[pos - 1]))


def _segment(t: Text, pos: int, head: bool, strong_anchor: bool) -> tuple[int, str] | None:
    """The next body+suffix segment from ``pos``: its end and suffix kind, or None."""
    text = t.text
    limit = min(len(text), pos + (MAX_BODY if head else MAX_TAIL_BODY) + 8)
    for end in range(pos + 1, limit + 1):
        if end not in t.ends:
            continue
        for suffix in _suffix_ending_at(text, end, pos)[:1]:
            body_end = end - len(suffix.text)
            body = text[pos:body_end]
            if _segment_fits(t, pos, body_end, body, suffix, head, strong_anchor):
                longer = _longer_suffix(t, pos, body_end, suffix, head, strong_anchor)
                return longer or (end, suffix.kind)
        if not _is_han(text[pos:end]) or _has_stop_word(t, pos, end):
            return None
    return None


def _longer_suffix(
    t: Text, pos: int, body_end: int, suffix: Suffix, head: bool, strong: bool
) -> tuple[int, str] | None:
    """人大常委会 over 人大 + 常委会: a longer suffix starting where the found one starts."""
    body = t.text[pos:body_end]
    for longer in suffixes_by_first_char().get(t.text[body_end : body_end + 1], ()):
        end = body_end + len(longer.text)
        if len(longer.text) <= len(suffix.text):
            return None
        if (
            t.text.startswith(longer.text, body_end)
            and end in t.ends
            and _segment_fits(t, pos, body_end, body, longer, head, strong)
        ):
            return end, longer.kind
    return None


def _segment_fits(
    t: Text, pos: int, body_end: int, body: str, suffix: Suffix, head: bool, strong: bool
) -> bool:
    if body and (not _is_han(body) or _has_stop_word(t, pos, body_end)):
        return False
    if not head:
        if suffix.kind not in ("agency", "mediation") or len(body) > MAX_TAIL_BODY:
            return False
        if suffix.mode == "bare":
            return not body and _committee_unit(suffix)
        if not body:
            office = suffix.text == "办" and t.text.endswith(OFFICE_OWNERS, 0, pos)
            return office or (suffix.mode == "tail" and len(suffix.text) >= 2) or _names_a_unit(suffix)
        opener = _anchor_at(t, pos, first=True)
        return (
            opener is None
            or suffix.mode == "tail"
            or (opener[1][0] == "place" and bool(place_names().get(opener[1][1] or "")))
        )
    if suffix.mode == "bare":
        return not body
    if suffix.mode == "tail":
        # 区党校: a sub-unit that is a whole body after a region; 市委党校, which jieba reads as one
        # word, so the committee (委) cannot end a segment of its own
        return suffix.alone and (not body or _bare_committee(body))
    if len(body) > MAX_BODY or _place_inside(t, pos, body_end):
        return False
    if not body:
        return _names_a_unit(suffix) or suffix.text in ("局", "厅")
    return strong


def _place_inside(t: Text, start: int, end: int) -> bool:
    """省仲裁机构龙头哈尔滨仲裁委员会: a place opening a word inside the body starts another name;
    so does a region word standing as a word of its own (居民贾女士来到|市|人事劳动争议仲裁院)."""
    for p in range(start + 1, end):
        if p in t.starts:
            found = _anchor_at(t, p, first=True)
            if found is None:
                continue
            kind, word = found[1]
            if kind == "place" and not place_names().get(word or ""):
                return True
            if kind == "relative" and t.token_at.get(p) == word:
                return True
    return False


def _bare_committee(body: str) -> bool:
    """委, 党委, 党工委: a party committee's word, which names it only right after a region."""
    found = suffixes().get(body)
    return found is not None and found.mode == "bare"


def _committee_unit(suffix: Suffix) -> bool:
    """政法委, 纪委 after 市委: a committee's own body, which only the whole name ends with."""
    return len(suffix.text) >= 2 and suffix.text.endswith(("委", "委会")) and suffix.text != "党委"


def _names_a_unit(suffix: Suffix) -> bool:
    """司法局, 公安局, 办公室: a suffix that names a whole body after a region with no other words."""
    return suffix.alone


@cache
def _openers() -> tuple[frozenset[str], frozenset[str]]:
    """What a region-prefixed name can open with: the one-character openers (市, 局) and the
    first two characters of the longer ones (place names, 中国(…), 中共, 我局)."""
    heads = [*place_names(), *anchor_words(), "中国", "中共", *SELF_NAMES, *SELF_BODIES]
    return frozenset(w for w in heads if len(w) == 1), frozenset(w[:2] for w in heads if len(w) > 1)


def _may_open(text: str, pos: int) -> bool:
    """Whether a region prefix (or 中共, or 我局) can start at ``pos``: a set lookup that spares
    the full reading at the many positions where none can (the reading tried every word start
    of every sentence, and cost a third of extraction)."""
    one, two = _openers()
    return text[pos : pos + 1] in one or text[pos : pos + 2] in two


def _anchored(t: Text, pos: int) -> Candidate | None:
    """A name opened by a region prefix (or 我局) at ``pos``; 市中级人民法院 is not a body of 市中区."""
    return _anchored_from(t, pos, places=True) or _anchored_from(t, pos, places=False)


def _anchored_from(t: Text, pos: int, places: bool) -> Candidate | None:
    text = t.text
    regions: list[tuple[str, str | None]] = []
    party = text.startswith("中共", pos)
    cur = pos + 2 if party else pos
    self_head = _self_head(t, cur) if not party else None
    if self_head is not None:
        cur, regions = self_head, [("self", text[pos:self_head])]
        kinds, segments = ["agency"], []
        unit = next((u for u in SELF_UNITS if text.startswith(u, cur) and cur + len(u) in t.ends), None)
        if unit is not None:
            segments.append(unit)
            cur += len(unit)
    else:
        weak_only = False
        while len(regions) < 3:
            found = _anchor_at(t, cur, first=not regions and not party, places=places)
            if found is None:
                break
            end, part = found
            weak = part[0] == "place" and place_names().get(part[1] or "", False)
            if weak and regions:
                break
            cur = end
            regions.append(part)
            if weak:
                weak_only = True
                break
            if part[0] == "relative":
                break
        if not regions:
            return None
        kinds, segments = [], []
        strong = not weak_only
        seg = _segment(t, cur, head=True, strong_anchor=strong)
        if seg is None and party:
            seg = _party_committee(t, cur)
        if seg is None or (weak_only and seg[0] - cur > 4):
            return None
        only = anchor_heads().get(regions[-1][1] or "") if regions[-1][0] == "relative" else None
        if only and text[cur : seg[0]] not in only:
            return None
        segments.append(text[cur : seg[0]])
        kinds.append(seg[1])
        cur = seg[0]
    while True:
        seg = _segment(t, cur, head=False, strong_anchor=True)
        if seg is None and segments and segments[-1] in ("委", "党委"):
            seg = _town_committee(t, cur)
        if seg is None:
            break
        segments.append(text[cur : seg[0]])
        kinds.append(seg[1])
        cur = seg[0]
    if not segments and regions[0][0] != "self":
        return None
    if regions[0][0] == "self" and not segments and text[pos:cur] not in SELF_NAMES:
        return None
    kind = "mediation" if "mediation" in kinds else kinds[0]
    return Candidate(
        pos, cur, text[pos:cur], kind, regions, segments, party, rule=f"{regions[0][0]}_prefixed"
    )


def _party_committee(t: Text, pos: int) -> tuple[int, str] | None:
    """中共渠县李馥镇|委员会: the full name of a region's party committee after 中共 (a report's
    joint authors' line, holdout6 h83, h84), which 委员会 alone names only there (its mode is
    ``body``: 仲裁委员会 needs body words). Rule ``party_committee``."""
    word = next((w for w in _org_words("party_committee") if t.text.startswith(w, pos)), None)
    if word is None or pos + len(word) not in t.ends:
        return None
    return pos + len(word), "agency"


def _town_committee(t: Text, pos: int) -> tuple[int, str] | None:
    """中共南安市委|柳城街道工作委员会: a county party committee's working committee in one of its
    towns or streets is one of its sub-units, though the town's name opens it."""
    found = _anchor_at(t, pos, first=False)
    if found is None or found[1][0] != "place" or not (found[1][1] or "").endswith(TOWN_LEVELS):
        return None
    end = found[0]
    committee = next((w for w in _org_words("town_committee") if t.text.startswith(w, end)), None)
    if committee is None or end + len(committee) not in t.ends:
        return None
    return end + len(committee), "agency"


def _self_head(t: Text, pos: int) -> int | None:
    """我局/本局, or 局 opening 局党组: the reporting bureau itself."""
    if pos not in t.starts:
        return None
    for name in SELF_NAMES:
        if t.text.startswith(name, pos):
            return pos + len(name)
    if t.text.startswith(SELF_BODIES, pos) and t.text.startswith(SELF_UNITS, pos + 1):
        return pos + 1
    if t.text.startswith(SELF_BODIES, pos) and t.token_at.get(pos) == t.text[pos] and _own_section(t, pos + 1):
        return pos + 1
    return None


def _is_section(segment: str) -> bool:
    """政策法规股 / 法规处: a segment ending in a section's word (kg/vocab/data/org_words.tsv), which
    the gold names as written with no canonical (holdout3 h37, holdout6 h78, wide h64)."""
    return len(segment) > 1 and segment.endswith(_org_words("section"))


def _own_section(t: Text, pos: int) -> bool:
    """局政策法规股 / 厅法规处: the reporting bureau's own section (a 处, 科 or 股: suffixes of mode
    ``tail``) named after its kind word alone (holdout6 h78 办公室设在局政策法规股, holdout3 h37
    信息来源:厅法规处); devset precedent: internal units are agencies. Rule ``own_section``."""
    seg = _segment(t, pos, head=False, strong_anchor=True)
    return seg is not None and seg[1] == "agency" and _is_section(t.text[pos : seg[0]])


def _free(t: Text, end: int, suffix: Suffix) -> Candidate | None:
    """A name ending in a suffix that needs no region: scanned left over noun-like words."""
    text = t.text
    body_end = end - len(suffix.text)
    window_start = max(0, body_end - MAX_FREE_BODY - 4)
    start = body_end
    pieces = list(jieba.posseg.lcut(text[window_start:body_end]))
    for piece in reversed(pieces):
        word, tag = piece.word, piece.flag
        if not _is_han(word) or word in word_set("org_stopwords.tsv") or _ends_free_name(tag):
            break
        if body_end - (start - len(word)) > MAX_FREE_BODY:
            break
        glued = _glued_stop_prefix(word)
        if glued:  # 依靠人民|调委会 (holdout8 h119): jieba glued a stop word to the name's first word
            start -= len(word) - glued
            break
        if _ends_in_a_setting_up_verb(word):
            break
        start -= len(word)
    if suffix.kind == "mediation":
        start = _list_item_start(t, start) or start
    alone_region = text[start:body_end] in place_names() and not suffix.alone
    if start == body_end or (suffix.kind == "agency" and alone_region):
        return None
    return Candidate(start, end, text[start:end], suffix.kind, [], [text[start:end]], rule="free_suffix")


def _ends_in_a_setting_up_verb(word: str) -> bool:
    """充分发挥|调委会中层调解作用 (holdout29 h496): jieba reads 充分发挥 as one noun, so the scan
    would take it into the name; a word ending in a verb that sets a body up or acts through it
    (org_group_stops.tsv: 发挥, 成立, 健全…) ends the name. 组织 and 作为 are nouns too (社会组织)."""
    return len(word) > 2 and word.endswith(_setting_up_verbs())


@cache
def _setting_up_verbs() -> tuple[str, ...]:
    return tuple(w for w in word_set("org_group_stops.tsv") if len(w) == 2 and w not in ("组织", "作为"))


def _glued_stop_prefix(word: str) -> int:
    """The length of a stop word (依靠, 通过, 依托) a jieba word starts with, when more follows (依靠人民:
    依靠 + 人民), else 0: the name starts after it."""
    return next((len(w) for w in _stop_words_by_length() if len(w) < len(word) and word.startswith(w)), 0)


@cache
def _stop_words_by_length() -> tuple[str, ...]:
    return tuple(sorted((w for w in word_set("org_stopwords.tsv") if len(w) >= 2), key=len, reverse=True))


def _ends_free_name(tag: str) -> bool:
    return tag != "vn" and tag.startswith(STOP_TAGS)


def _quoted(t: Text) -> list[Candidate]:
    """“老兵调解室” and “猛佬党”调解工作室: the quote marks give both boundaries."""
    out = []
    for m in QUOTE.finditer(t.text):
        inner = m.group(1)
        if not _is_han_name(inner):
            continue
        studio = _studio_after(t.text, m.end())
        if studio is not None and is_mediation_studio(inner + studio, t.text) and not _is_generic_room(inner):
            out.append(_studio_candidate(t.text, m, studio))
            continue
        if COUNTED_NICKNAME.match(inner) and not _counted_room(inner):
            continue
        if t.text.startswith(account_words("quoted"), m.end()):
            continue  # “大兴安岭地区司法局”公众号 names an account
        ends_with = _suffix_ending_at(inner, len(inner), 1)[:1]
        if ends_with and ends_with[0].mode in ("body", "free"):
            if not _service_slogan(inner):
                out.append(_quoted_candidate(m.start(1), inner))
            continue
        if is_mediation_studio(inner, t.text):
            out.append(Candidate(m.start(1), m.end(1), inner, "mediation", [], [inner], rule="quoted_name"))
            continue
        follow = _suffix_starting_at(t, m.end())
        if inner in _org_words("praise"):
            continue  # 名副其实的“明星”调解室 (holdout8 h120): praise for a body named elsewhere
        if follow is not None and not ends_with and follow[1].kind in ("mediation", "organization"):
            name = inner + t.text[m.end() : follow[0]]
            out.append(Candidate(m.start(1), follow[0], name, follow[1].kind, [], [name], rule="quoted_name"))
    return out


#: quoted names in a row that share one kind word (“平和斋”“调和室”“言和堂”工作室)
QUOTE_RUN = re.compile(r"[、,，和与及]?“[^“”]{2,30}”")


def _studio_after(text: str, end: int) -> str | None:
    """The studio word (org_words.tsv ``studio``) closing a quoted name: right after its quote
    (“心理花园”工作室) or after a run of quoted names that share it (“平和斋”“调和室”“言和堂”工作室,
    dev17 h217)."""
    pos = end
    while (more := QUOTE_RUN.match(text, pos)) is not None:
        pos = more.end()
    return next((w for w in _org_words("studio") if text.startswith(w, pos)), None)


def _studio_candidate(text: str, quote: re.Match[str], studio: str) -> Candidate:
    """“心理花园”工作室 is named with its studio word; “平和斋” in “平和斋”“调和室”“言和堂”工作室 by
    its quoted name alone (the studio word is not beside it, and the evidence holds the name)."""
    if text.startswith(studio, quote.end()):
        name, end = quote.group(1) + studio, quote.end() + len(studio)
    else:
        name, end = quote.group(1), quote.end(1)
    return Candidate(quote.start(1), end, name, "mediation", [], [name], rule="quoted_studio")


def _is_generic_room(name: str) -> bool:
    """开展个人“品牌”工作室: a quoted word of praise or kind names no room of its own."""
    return name in _org_words("praise") or name in word_set("org_generic_modifiers.tsv")


def _counted_room(name: str) -> bool:
    """“六和调解室” (holdout9 h152): a quoted name opened by a count word is still a mediation
    room's own name when it ends in a mediation body's kind word of two or more characters; the
    counted models (“一所三室”, “四所一庭一中心”) and slogans (“一网通办”) end otherwise.
    Widens ``quoted_name`` (the record keeps that rule)."""
    found = _suffix_ending_at(name, len(name), 1)[:1]
    return bool(found) and found[0].kind == "mediation" and len(found[0].text) >= 2


def _service_slogan(name: str) -> bool:
    """“网上办”“掌上办”“指上办” (holdout6 h76), “一次办”、“网上办” (holdout8 h109), “乡村随身办”
    (h110): a quoted way of handling business, the 办 a verb after how or where it is done
    (org_words.tsv ``service_manner``), not an office (“依法治县办”). Rule ``service_slogan``."""
    return name.endswith("办") and name[:-1].endswith(_org_words("service_manner"))


def is_mediation_studio(name: str, sentence: str) -> bool:
    """“仁理工作室” where the sentence speaks of mediation (调解, 纠纷): a named mediation room,
    though its name lacks 调解."""
    return name.endswith(_org_words("studio")) and any(w in sentence for w in _org_words("mediation_context"))


def _quoted_candidate(start: int, inner: str) -> Candidate:
    """A quoted name, read like an unquoted one when a region opens it (for its canonical name)."""
    kind = _kind_of_quoted(inner)
    parsed = _anchored(Text.of(inner), 0)
    if parsed is not None and parsed.end == len(inner):
        return Candidate(
            start,
            start + len(inner),
            inner,
            kind,
            parsed.regions,
            parsed.segments,
            parsed.party,
            rule="quoted_name",
        )
    return Candidate(start, start + len(inner), inner, kind, [], [inner], rule="quoted_name")


def _suffix_starting_at(t: Text, pos: int) -> tuple[int, Suffix] | None:
    """What closes a quoted name: a suffix right after the closing quote (“猛佬党”调解工作室),
    or a few kind words and a suffix (“红袖标”义务巡逻队); its end and the suffix.
    Agencies are not read this way: “枫桥式”司法所 is an honour, not a name."""
    for suffix in suffixes_by_length():
        end = pos + len(suffix.text)
        if t.text.startswith(suffix.text, pos) and end in t.ends and suffix.mode in ("body", "free"):
            return end, suffix
    for end in range(pos + 2, min(len(t.text), pos + MAX_QUOTED_KIND) + 1):
        if not _is_han(t.text[pos:end]):
            return None
        found = _suffix_ending_at(t.text, end, pos + 1)[:1]
        # the stop words are looked for before the suffix: 之 of 调解之家 is the suffix's own
        before = end - len(found[0].text) if found else end
        if _has_stop_word(t, pos, before):
            return None
        if found and end in t.ends and found[0].mode in ("body", "free"):
            return end, found[0]
    return None


def _kind_of_quoted(name: str) -> str:
    """The kind of the first body a quoted name holds: a station of an arbitration commission is the commission's."""
    kinds = []
    for end in range(2, len(name) + 1):
        found = _suffix_ending_at(name, end, 1)[:1]
        if found and found[0].mode in ("body", "free", "bare") and len(found[0].text) >= 2:
            kinds.append(found[0].kind)
    if "mediation" in kinds:
        return "mediation"
    return kinds[0] if kinds else "agency"


def _is_han_name(text: str) -> bool:
    return bool(re.fullmatch(rf"[{HAN}0-9A-Za-z()（）]+", text))


def _national(t: Text) -> list[Candidate]:
    out = []
    for name, canonical in national_bodies():
        if name not in t.text:
            continue  # a substring test first: most sentences name no national body
        for m in re.finditer(re.escape(name), t.text):
            if t.text.startswith("门", m.end()):
                continue  # 财政部门, 公安部门: a kind of department, not the ministry
            if len(name) <= SHORT_NATIONAL and not (m.start() in t.starts and m.end() in t.ends):
                continue  # 中办 inside 集中办公, 国办 inside 国办公开办函: not the short name
            end, units = _national_units(t, m.end())
            if units and anchor_word_at(name, 0) is None:  # 国务院办公厅: read as a prefixed name
                # 司法部公共法律服务管理局: a unit of the ministry, named in full
                full = canonical + "".join(_expand(u) for u in units)
                out.append(
                    Candidate(m.start(), end, name + "".join(units), "agency", canonical=full, rule="national_body")
                )
                continue
            out.append(
                Candidate(m.start(), m.end(), name, "agency", canonical=canonical, rule="national_body")
            )
    return out


def _national_units(t: Text, pos: int) -> tuple[int, list[str]]:
    """The sub-units named right after a national body (司法部|公共法律服务管理局), read like the
    sub-units after a region-prefixed name; where they end and what they are."""
    units = []
    while (seg := _segment(t, pos, head=False, strong_anchor=True)) is not None:
        units.append(t.text[pos : seg[0]])
        pos = seg[0]
    return pos, units


#: what ends the clause before a list of bodies
CLAUSE_BOUNDARY = re.compile(r"[,，。；;:：\s]")
#: a list of bodies addressed to every place of a level: 各设区市和省直管试点县(市)建设局、规划局…
LIST_FOR_EACH = re.compile(rf"[{PLURAL_MARKS}][^,，。；;:：\s]*")
#: what stands right before an item of such a list: a separator, a bracket, a level word
LIST_ITEM_BEFORE = "、)）市县区州旗"


def _in_a_list_for_each(text: str, start: int) -> bool:
    """各设区市和省直管试点县(市)建设局(建委)、规划局、房管局 (a 2016 notice's addressees): a bare
    department listed in a clause that opens with 各 is every such place's department, not the
    report's own government's (各乡镇积极配合公安局 is not a list: 公安局 follows a verb)."""
    if not start or text[start - 1] not in LIST_ITEM_BEFORE:
        return False
    lo = max(0, start - MAX_LIST)
    boundaries = [m.end() for m in CLAUSE_BOUNDARY.finditer(text, lo, start)]
    clause_start = boundaries[-1] if boundaries else lo
    return LIST_FOR_EACH.fullmatch(text, clause_start, start) is not None


def _departments(t: Text) -> list[Candidate]:
    """人力资源社会保障厅, 公安局: a department named without a region is the report's own government's."""
    out: list[Candidate] = []
    named = {t.text[s:e] for s, e in word_spans(t.text, "org_departments.tsv")}
    if not named:
        return out
    for department in word_set("org_departments.tsv"):
        if department not in named:
            continue
        for start in occurrences(t.text, department):
            end = start + len(department)
            if start not in t.starts and start not in t.after_stop:
                continue
            if t.text.endswith(GENERIC_BEFORE, 0, start) or (start and t.text[start - 1] in PLURAL_MARKS):
                continue
            if LEVEL_LIST_BEFORE.search(t.text, max(0, start - 16), start) or _in_a_list_for_each(t.text, start):
                continue  # 各县(市、区)司法局: every county's bureau
            unit = next(
                (u for u in DEPARTMENT_UNITS if t.text.startswith(u, end) and end + len(u) in t.ends), None
            )
            if unit is None:
                continue
            name = department + unit
            out.append(
                Candidate(
                    start,
                    end + len(unit),
                    name,
                    "agency",
                    [("department", unit)],
                    [name],
                    rule="department_word",
                )
            )
    return out


#: 区委理论学习中心组, 党委中心组, 街道工委中心组, 党委理论中心组 (holdout8 h117): a party committee's
#: study group (not a 党组's,
#: nor a department's own committee's: 厅党委理论学习中心组 is its leaders studying)
@cache
def _study_group() -> re.Pattern[str]:
    owners = sorted(generic_names("study_owner"), key=len, reverse=True)
    return re.compile(rf"(?<![厅局])(?:{'|'.join(map(re.escape, owners))})(?:理论学习|理论)?中心组")


#: 特区党委 / 街道工委 / 区党工委: the level word a study group's committee may carry
STUDY_GROUP_LEVEL = re.compile(rf"(?<![{HAN}])(?:特区|街道|[区县市镇乡州])$")
#: …领导小组: the task a leading group is named for runs left from it to the clause's start
LEADING_GROUP = re.compile(r"领导小组")


def _named_groups(t: Text) -> list[Candidate]:
    """Groups the other rules cannot read: a party committee's study group, and a leading group
    named for its task (法治政府建设工作领导小组), its name running left to the first word that
    cannot stand inside a name (成立, 由, 的 …)."""
    text, out = t.text, []
    for m in _study_group().finditer(text):
        level = STUDY_GROUP_LEVEL.search(text, 0, m.start())
        start = level.start() if level else m.start()
        name = text[start : m.end()]
        out.append(Candidate(start, m.end(), name, "agency", [], [name], rule="named_group"))
    stops = tuple(word_set("org_group_stops.tsv"))
    for m in LEADING_GROUP.finditer(text):
        start = m.start()
        while start > 0 and HAN_CHAR.match(text[start - 1]) and m.end() - start < MAX_GROUP:
            if text[:start].endswith(stops) or text[start - 1] in word_set("org_stopwords.tsv"):
                break
            start -= 1
        if m.start() - start >= MIN_GROUP_TASK:
            name = text[start : m.end()]
            out.append(Candidate(start, m.end(), name, "agency", [], [name], rule="named_group"))
    return out


#: 理论学习中心组 with no owner written, or owned by the reporting bureau (局党组理论学习中心组);
#: a bureau's 党委 is read as the body (厅党委理论学习中心组 gives 厅党委, which the gold lists);
#: a bare 党组 owning it is the bureau's too (召开党组理论学习中心组 dev8 h136, holdout8 h112;
#: 组织党组理论学习中心组 holdout6 h78, holdout7 h98: the gold lists it whole)
OWN_STUDY_GROUP = re.compile(r"(?:[局厅]?党组|[局厅])?理论学习中心组")
#: part-of-speech tags of the word before an unowned body that leave it unowned: verbs,
#: prepositions, numerals and time words (纳入|理论学习中心组, 以|党委, 2024年|理论学习中心组)
UNOWNED_AFTER_TAGS = ("v", "p", "m", "t", "ad", "d")
#: what may stand before an unowned body when it is not a word: the start of a clause
CLAUSE_OPENERS = ",，。;；:：!！?？ \n“"
#: the rules reading the report's own party committee and study group by their bare names
OWN_RULES = ("own_committee", "own_study_group")


def _unowned_at(t: Text, start: int, lists: bool) -> bool:
    """Whether nothing owns a body opening at ``start``: a clause opens there or a verb,
    preposition or time word stands before it (发挥|党委, 纳入|理论学习中心组), not a noun
    (社区|党委, 党组|理论学习中心组), a bracket (各级党委(党组、党工委)) or, unless ``lists``, a
    list mark."""
    if start == 0:
        return True
    before = t.text[start - 1]
    if not HAN_CHAR.match(before) and not before.isdigit():
        return before in CLAUSE_OPENERS or (lists and before == "、")
    lo = max(0, start - 6)
    pos, flag = lo, ""
    for piece in jieba.posseg.lcut(t.text[lo : start + 2]):  # the word after tags the one before
        if pos + len(piece.word) > start:
            break
        pos, flag = pos + len(piece.word), piece.flag
    return pos == start and flag.startswith(UNOWNED_AFTER_TAGS)


def _held_in_session(text: str, start: int) -> bool:
    """召开党组理论学习中心组(扩大)会议 / 共组织党组理论学习中心组学习会议17次: a bare 党组's study group
    whose session the report holds is the bureau's own named body (dev8 h136, holdout6 h78,
    holdout7 h98, holdout8 h112 list it); one pushed to study (推动党组理论学习中心组学习) is not
    (seed 002 leaves it out). org_words.tsv ``session_verb``."""
    return text[:start].endswith(_org_words("session_verb"))


def _own_bodies(t: Text) -> list[Candidate]:
    """The reporting body's own party committee and study group named bare: 发挥党委统领作用,
    召开党工委会议 (not an official's title, 党委书记), 纳入理论学习中心组学习, and the bureau's
    own 局党组理论学习中心组. Whether the report is one whose bare 党委 is its own is for
    :func:`organizations_in` to say."""
    text, out = t.text, []
    titles = _org_words("office_title")
    for word in _org_words("own_committee"):
        for start in occurrences(text, word):
            end = start + len(word)
            if t.token_at.get(start) != word or text.startswith(titles, end):
                continue
            if text[end : end + 1] in "(（" or not _unowned_at(t, start, lists=False):
                continue
            out.append(Candidate(start, end, word, "agency", [], [word], rule="own_committee"))
    for m in OWN_STUDY_GROUP.finditer(text):
        if m.start() not in t.starts or not _unowned_at(t, m.start(), lists=True):
            continue
        name = m.group(0)
        if name.startswith("党组") and not _held_in_session(text, m.start()):
            continue
        out.append(Candidate(m.start(), m.end(), name, "agency", [], [name], rule="own_study_group"))
    return out


@cache
def body_words() -> frozenset[str]:
    """The words at least one of which every candidate holds, by the rule that reads it: a
    suffix (anchored, free, quoted, sibling names), a national body's name, a department's unit
    (局 after 公安), 我局 (the bureau itself), a mediation studio's word (工作室), the bare own
    committee (党委) and a group's word (中心组, 领导小组). A rule reading a name without any of
    these must add its word here (tests/test_organizations.py checks the gate on every
    development text)."""
    found = set(suffixes()) | {name for name, _ in national_bodies()}
    found |= {*DEPARTMENT_UNITS, *SELF_NAMES, *_org_words("studio"), *_org_words("own_committee")}
    return frozenset(found | {"中心组", "领导小组"})


def may_name_a_body(sentence: str) -> bool:
    """Whether the sentence holds a word a body's name needs (:func:`body_words`): about two
    sentences in five hold none, and are not segmented at all (jieba was half of the cost)."""
    return bool(finder(body_words()).first_span(sentence))


def _candidates(t: Text) -> list[Candidate]:
    found = _quoted(t) + _national(t) + _departments(t) + _named_groups(t) + _own_bodies(t)
    one, two, text = *_openers(), t.text
    for pos in sorted(t.starts | t.after_stop):
        if text[pos : pos + 1] not in one and text[pos : pos + 2] not in two:
            continue  # no region prefix can open here (:func:`_may_open`, inlined: a hot loop)
        c = _anchored(t, pos)
        if c is not None:
            found.append(c)
            found.extend(_siblings(t, c))
    for end, suffix in sorted(_free_suffix_ends(t).items()):
        c = _free(t, end, suffix)
        if c is not None:
            found.append(c)
    return found


def _free_suffix_ends(t: Text) -> dict[int, Suffix]:
    """Word ends where a free suffix ends -> the longest one ending there (one pass over the
    sentence, not a suffix lookup at every word end)."""
    out: dict[int, Suffix] = {}
    for start, end in finder(free_suffixes()).spans(t.text):  # by start: the longest comes first
        if end in t.ends:
            out.setdefault(end, suffixes()[t.text[start:end]])
    return out


def _siblings(t: Text, c: Candidate) -> list[Candidate]:
    """融安站、柳城站、柳南站: sub-units listed after the first share its parent's name."""
    if len(c.segments) < 2:
        return []
    last = c.segments[-1]
    suffix = next((s for s in _suffix_ending_at(last, len(last), 1)[:1] if s.mode == "tail"), None)
    if suffix is None:
        return []
    out, pos = [], c.end
    while True:
        m = re.compile(SIBLING.format(suffix=re.escape(suffix.text))).match(t.text, pos)
        if not m or m.end() not in t.ends:
            return out
        own = m.group(1)
        out.append(
            Candidate(
                m.start(1), m.end(), own, c.kind, c.regions, c.segments[:-1] + [own], c.party, rule="sibling"
            )
        )
        pos = m.end()


def _keep(candidates: list[Candidate], t: Text) -> list[Candidate]:
    """Longest names first; a name overlapping one already kept is dropped; generic ones go."""
    kept: list[Candidate] = []
    candidates = [c for c in candidates if not _site_of_unnamed_body(c)]  # the body itself stays
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, c.name)):
        if any(c.start < k.end and k.start < c.end for k in kept):
            continue
        kept.append(c)
    kept = [_youth_league(c, t) for c in map(_without_errand_team, kept) if not _generic(c, t)]
    return sorted(kept, key=lambda c: (c.start, c.end))


def _without_errand_team(c: Candidate) -> Candidate:
    """市司法局第四检查组 (d705): a body's team for one errand (org_words.tsv ``errand_team``) is
    named after the body; the body is what the text names, the team is not listed."""
    if len(c.segments) < 2 or not c.segments[-1].endswith(_org_words("errand_team")):
        return c
    team = c.segments[-1]
    canonical = c.canonical[: -len(team)] if c.canonical and c.canonical.endswith(team) else c.canonical
    return dataclasses.replace(
        c, end=c.end - len(team), name=c.name[: -len(team)], segments=c.segments[:-1], canonical=canonical
    )


#: 共青团青海省委 (holdout11 h187), 团区委 (holdout2 h20): the Youth League's committee of a place
YOUTH_LEAGUE = ("共青团", "团")
#: the character before a bare 团 that makes it part of another word (集团, 社团, 兵团 …)
NOT_LEAGUE_BEFORE = re.compile(rf"[{HAN}]")


def _youth_league(c: Candidate, t: Text) -> Candidate:
    """省委宣传部、共青团青海省委、省妇联 (holdout11 h187; 团区委 holdout2 h20): a party committee's
    name right after 共青团 (or a 团 standing alone) is the Youth League's committee, an
    organisation like 妇联 (the golds list it with the other organisations), not the party's.
    Rule ``youth_league`` (the record keeps the rule that read the name)."""
    if c.kind != "agency" or not PARTY_COMMITTEE_NAME.search(c.name):
        return c
    for prefix in YOUTH_LEAGUE:
        start = c.start - len(prefix)
        if start >= 0 and t.text.startswith(prefix, start):
            if prefix == "团" and start > 0 and NOT_LEAGUE_BEFORE.match(t.text[start - 1]):
                continue
            name = prefix + c.name
            return dataclasses.replace(c, start=start, name=name, kind="organization", segments=[name], regions=[])
    return c


def _generic(c: Candidate, t: Text) -> bool:
    """A kind of unit rather than one unit: 领导小组, 个人调解室, 商会人民调解委员会8家."""
    if _part_of_something_else(c, t):
        return True
    if c.rule in OWN_RULES:
        return False
    if c.name in generic_names("bare") or c.name in generic_names("any"):
        return True
    if c.regions and "".join(c.segments) in generic_names("any"):
        return True
    last = jieba.lcut(c.name)[-1]
    if last in generic_names("any") and not _named_group(c.name, last):
        return True  # “跨省通办”: the suffix 办 is the end of a word for a service, not a body
    type_only = not c.regions and c.canonical is None and _only_type_words(c.name, c.rule == "free_suffix")
    if (type_only or _named_for_field_only(c) or _named_for_host_only(c)) and not _members_of_a_counted_set(c, t):
        return True
    if _a_level_of_rooms(c) or _one_character_name(c):
        return True
    if _names_an_account(c, t):
        return True
    if _award_title(c, t):
        return True
    if _level_word_for_place(c) or _alias_in_brackets(c, t) or _plural(c) or _counted(c):
        return True
    if DOCUMENT_NUMBER_AFTER.match(t.text, c.end):
        return True  # (城中政办函〔2025〕19号): the issuer's code in a document number, no name
    if DECREE_AFTER.match(t.text, c.end):
        return True  # (国务院令第711号): a decree's number
    if CODE_BEFORE.search(t.text, 0, c.start) and CODE_AFTER.match(t.text, c.end):
        return True  # (〔2014〕保市府辦172號): the issuer's code in an old-style document number
    return bool(COUNT_AFTER.match(t.text[c.end :]) or COUNT_BEFORE.search(t.text[: c.start]))


def _before_a_post(text: str, end: int) -> bool:
    """党委书记, 市委副书记, 省委常委: a person's post right after a party committee's name (not the
    standing committee itself, 常委会)."""
    post = next((w for w in _not_mention_words("committee") if text.startswith(w, end)), None)
    return post is not None and not text.startswith(STANDING_COMMITTEE, end)


@cache
def _not_mention_words(scope: str) -> tuple[str, ...]:
    return tuple(r[0] for r in rows("org_not_mention_after.tsv") if r[1] == scope)


def _part_of_something_else(c: Candidate, t: Text) -> bool:
    """镇党委书记董伟涛 (a post), 党委文件31个 (a kind of document), 党委领导、政府负责 (a principle):
    the body's name is part of another word, not a mention of the body
    (kg/vocab/data/org_not_mention_after.tsv). Rule ``not_a_mention``."""
    if PARTY_COMMITTEE_NAME.search(c.name) and _before_a_post(t.text, c.end):
        return True
    return c.rule == "own_committee" and t.text.startswith(_not_mention_words("bare"), c.end)


@cache
def account_words(scope: str) -> tuple[str, ...]:
    """Words naming an account or a site after a name: ``quoted`` all of them (read after a
    closing quote), ``any`` those that make an unquoted name an account too."""
    return tuple(r[0] for r in rows("org_account_words.tsv") if scope == "quoted" or r[1] == scope)


def _names_an_account(c: Candidate, t: Text) -> bool:
    """“大兴安岭地区司法局”公众号, 甘肃人大客户端: the name of an account or app, not the body."""
    if t.text.startswith("”", c.end):
        return t.text.startswith(account_words("quoted"), c.end + 1)
    return t.text.startswith(account_words("any"), c.end)


def _named_group(name: str, last: str) -> bool:
    """法治政府建设工作领导小组, 区委理论学习中心组: a group named for its task, or owned by a party
    committee, is one body; 领导小组 or 党组中心组 alone is a kind of group."""
    head = name[: -len(last)]
    if last == "中心组":
        return any(owner in head for owner in generic_names("study_owner"))
    return last == "领导小组" and len(head) >= MIN_GROUP_TASK


def _award_title(c: Candidate, t: Text) -> bool:
    """获评“全国模范人民调解委员会”: a body's name right after an award verb is the award; so is a
    quoted one after an award verb earlier in its clause (命名为全国第三批“枫桥式公安派出所”)."""
    awards = tuple(word_set("org_award_words.tsv"))
    before = t.text[: c.start].rstrip('“"')
    if before.endswith(awards):
        return True
    if not t.text[: c.start].endswith("“"):
        return False
    clause = re.split(CLAUSE_BREAK, before)[-1]
    return any(word in clause for word in awards)


def _level_word_for_place(c: Candidate) -> bool:
    """街道党工委 with no street named: every street's committee, not one body; 县级访调委:
    a mediation body of every county (a level with 级 names a type of committee; 县级综治中心
    in a county's report is still its own centre); 全国模范人民调解委员会: a national one."""
    if not c.regions:
        return False
    kind, word = c.regions[0]
    level_rank = kind == "relative" and (word or "").endswith("级") and c.kind == "mediation"
    return (kind == "place" and word in anchor_words()) or level_rank or _national_mediation_body(c)


def _national_mediation_body(c: Candidate) -> bool:
    """表彰了全国模范人民调解委员会 (holdout25 h421): committees and rooms sit in a village, a
    town, a trade or a county; one named for the whole nation (全国) is an honour or a kind."""
    kind, word = c.regions[0]
    return c.kind == "mediation" and kind == "relative" and anchor_words().get(word or "") == "nation"


#: a count of bodies set up, then 即 or a colon opening the list of their names:
#: 协调成立了7个人民调解委员会,即征地拆迁纠纷人民调解委员会、校园安全纠纷人民调解委员会…
COUNTED_SET_OPENS = re.compile(
    rf"(?:[0-9]+|[一二两三四五六七八九十]+)[个家所][{HAN}]{{0,8}}(?:委员会|调委会|室|站|中心)[,，]?(?:即|分别是|分别为|[:：])"
)
#: what ends the name before one in a list of bodies, or opens the list
LIST_SEPARATORS = ("、", ",", "，", ":", "：", "即", "和", "及")
#: between two names of such a list
MEMBER_SEPARATOR = re.compile(r"[、,，]|以及|和|及")
#: one earlier name of such a list: it ends like the bodies counted (not 由该行业的主要领导任主任)
MEMBER_NAME = re.compile(rf"[{HAN}()（）“”]{{1,28}}(?:委员会|调委会|室|站|中心)")
#: how far a list's name may stand from the count that opens the list
MAX_LIST = 300


def _list_item_start(t: Text, start: int) -> int | None:
    """即征地拆迁纠纷人民调解委员会: in the list of a counted set a name runs from the separator
    before it, over the verbs a free name's scan stops at (征地, 勘探); None outside such a list."""
    lo = max(0, start - MAX_FREE_BODY - 1)
    item_start = lo + 1 + max(t.text.rfind(sep, lo, start) - lo for sep in LIST_SEPARATORS)
    if item_start <= lo or item_start >= start or not _is_han(t.text[item_start:start]):
        return None
    return item_start if _in_a_counted_list(t, item_start) else None


def _members_of_a_counted_set(c: Candidate, t: Text) -> bool:
    """征地拆迁纠纷人民调解委员会 named after 成立了7个人民调解委员会,即 (holdout43): the committees
    of a counted set, listed one by one, are those bodies, though each is named by its field
    alone (a committee named so on its own is a kind: ``_named_for_field_only``)."""
    return _in_a_counted_list(t, c.start)


def _in_a_counted_list(t: Text, pos: int) -> bool:
    """Whether a name starting at ``pos`` follows the opening of a counted set's list and only
    other names of the list."""
    openings = list(COUNTED_SET_OPENS.finditer(t.text, max(0, pos - MAX_LIST), pos))
    if not openings:
        return False
    *earlier, last = MEMBER_SEPARATOR.split(t.text[openings[-1].end() : pos])
    return last == "" and all(MEMBER_NAME.fullmatch(name) for name in earlier)


def _counted(c: Candidate) -> bool:
    """西宁市城西区三个专业调解工作室挂牌 (holdout25 h422): a count after the place (三个, 12家)
    counts bodies of a kind; it is not part of one body's name (一家亲调解室 is: a count of
    家 is read only after digits)."""
    return any(COUNT_IN_NAME.match(segment) for segment in c.segments)


def _every_town(c: Candidate) -> bool:
    """A town-level word (镇, 乡, 街道) the report's region cannot resolve stands for every town."""
    return (
        bool(c.regions)
        and c.regions[0][0] == "relative"
        and anchor_words().get(c.regions[0][1] or "") in TOWN_LEVELS
    )


def _plural(c: Candidate) -> bool:
    """四川省各市区市场监督管理局: a body word after 各 names every such body."""
    return any(seg.startswith(tuple(word_set("org_plural_words.tsv"))) for seg in c.segments)


def _alias_in_brackets(c: Candidate, t: Text) -> bool:
    """党校(行政学院): the bracketed name is the other name of the body before it, not a second body."""
    before, after = t.text[: c.start], t.text[c.end :]
    return (
        c.kind == "organization"
        and before[-1:] in "(（"
        and after[:1] in ")）"
        and _is_han(before[-2:-1] or " ")
    )


def _site_of_unnamed_body(c: Candidate) -> bool:
    """县人民政府网站, 政府网站: a body's website with no proper name is a channel, not an outlet."""
    if c.kind != "media":
        return False
    sites = sorted(
        (x.text for x in suffixes().values() if x.kind == "media" and x.text.endswith("网站")), key=len
    )
    site = next((w for w in reversed(sites) if c.name.endswith(w)), None)
    if site is None:
        return False
    body = c.name[: -len(site)]
    word = anchor_word_at(body, 0)
    if word is not None:
        body = body[len(word) :]
    return bool(body) and any(
        s.kind == "agency" and s.text == body for s in _suffix_ending_at(body, len(body), 0)
    )


def _body_before_suffix(name: str) -> str | None:
    """What a name holds before its longest suffix (电力行业 in 电力行业人民调解委员会), or None
    when it ends in no suffix."""
    suffix = _suffix_ending_at(name, len(name), 0)[:1]
    return name[: len(name) - len(suffix[0].text)] if suffix else None


def _free_mediation_body(c: Candidate) -> str | None:
    """What a mediation body's name holds before its suffix when the name was read leftwards
    from the suffix with no region, owner or quotes (rule ``free_suffix``); None for any other
    name. The kind-of-committee tests below read only such names."""
    if c.kind != "mediation" or c.rule != "free_suffix" or c.regions:
        return None
    return _body_before_suffix(c.name)


def _named_for_field_only(c: Candidate) -> bool:
    """成立全市首家电力行业人民调解委员会: a mediation committee read with no region, owner or quotes,
    named only by the field it mediates, is a kind of committee (the report's own one has its
    region-prefixed name elsewhere)."""
    body = _free_mediation_body(c)
    if body:
        body = body.removesuffix(PEOPLES)  # 交通事故纠纷人民调委会 (holdout26 h434): 人民 + 调委会
    if not body or not body.endswith(_org_words("field_end")):
        return False
    # a place opens the name only where a word ends (交通 is a town's name, but 交通事故 one word)
    ends = set(itertools.accumulate(len(w) for w in jieba.lcut(body)))
    return not any(c.name[:n] in place_names() and n in ends for n in range(2, min(len(body), 8) + 1))


def _named_for_host_only(c: Candidate) -> bool:
    """全市驻所调解室 / 驻法院人民调解工作室: a mediation room named only by the institution it sits
    in (a court, a police station), with no region or proper name, is a kind of room: reports
    count such rooms (共受理纠纷2180起) without naming one."""
    body = _free_mediation_body(c)
    if body is None:
        return False
    body = body.removeprefix("派驻").removeprefix("驻").removesuffix(PEOPLES)
    return bool(body) and all(word in _org_words("host") for word in jieba.lcut(body))


def _only_type_words(name: str, scanned: bool = False) -> bool:
    """行业性专业性人民调解委员会: nothing before the suffix but words for a type of unit. A name
    ``scanned`` leftwards over words (rule ``free_suffix``) may have taken in the verbs before it;
    a quoted one (“最优解”特色调解工作室, holdout3 h34) has not."""
    body = _body_before_suffix(name)
    if body is None:
        return False
    modifiers = word_set("org_generic_modifiers.tsv")
    words = _after_leading_verbs(body) if scanned else jieba.lcut(body)
    return all(w in modifiers for w in words) if body else True


#: part-of-speech tags of the words a name scanned leftwards may wrongly open with: verbs, verbal
#: nouns, adverbs and idioms (不断加强专业性行业性人民调解委员会, 升级个人特色品牌调解工作室)
LEADING_VERB_TAGS = frozenset({"v", "vn", "vd", "d", "ad", "i"})


def _after_leading_verbs(body: str) -> list[str]:
    """The words of ``body`` after the verbs it opens with: 不断加强 专业性 行业性 -> 专业性 行业性
    (holdout13 h284: 不断加强专业性行业性人民调解委员会建设 builds committees of a kind)."""
    words = [(w.word, w.flag) for w in jieba.posseg.lcut(body)]
    while len(words) > 1 and words[0][1] in LEADING_VERB_TAGS and words[0][0] not in word_set("org_generic_modifiers.tsv"):
        words.pop(0)  # but 综合 of 综合调解室 is its name, verb or not
    return [w for w, _ in words]


def _a_level_of_rooms(c: Candidate) -> bool:
    """铁门岗乡村级调解委员会 (dev20), 乡镇级人民调解委员会: a level (村级, 乡镇级), after a place or
    alone, before a mediation suffix names the committees of that level, not one committee.
    (镇级公共法律服务中心 is one centre: the gold lists it, holdout13.)"""
    return c.kind == "mediation" and bool(LEVEL_OF_UNITS.match("".join(c.segments)))


#: a level of units opening a name's body: 村级, 乡镇级, 村(居)级, 社区级
LEVEL_OF_UNITS = re.compile(rf"[{HAN}()（）]{{1,4}}级(?=[{HAN}])")


def _one_character_name(c: Candidate) -> bool:
    """专调委会, 小调解室: a free mediation name whose body is one character is an abbreviation or
    a word cut in two (五眼桥调委会 read as 桥调委会), never a committee's own name."""
    body = _free_mediation_body(c)
    return body is not None and len("".join(_after_leading_verbs(body))) == 1  # (设置)小调解室


# -- canonical names ---------------------------------------------------------------------


def _own_town_committee(word: str, context: ReportContext) -> str | None:
    """A town's report's bare 党委 is the town's committee, named as 镇党委 is (中共某镇委员会;
    a street's 党工委: 中共某街道工作委员会); a department's has no name the report makes certain."""
    region = context.meta.region
    name = region and (region.official or region.name)
    if not name or not name.endswith(TOWN_LEVELS):
        return None
    return "中共" + _county_of_town(region) + name + ("工作委员会" if word == "党工委" else "委员会")


def _own_level_committee(c: Candidate) -> bool:
    """街道党工委 / 镇党委 (holdout7 h99, holdout4 h54): the report's own town's or street's committee
    named by its level word, whose full name is the own committee's (中共某区某街道工作委员会), not
    the level's place with the word appended. Rule ``town_committee_in_full``."""
    return _town_level_relative(c) and c.name[len(c.regions[0][1] or "") :] in _org_words("own_committee")


def _own_town_group(c: Candidate, context: ReportContext) -> bool:
    """街道党工委中心组 in a street's own report (holdout7 h99): its own committee's study group, kept
    with no canonical, not every street's."""
    region = context.meta.region
    name = region and (region.official or region.name)
    level = c.regions[0][1] or "" if c.regions else ""
    return _town_level_relative(c) and c.name.endswith(STUDY_GROUP) and bool(name) and name.endswith(level)


def _town_level_relative(c: Candidate) -> bool:
    """A name opened by a town's level word alone (街道…, 镇…, 乡…)."""
    return len(c.regions) == 1 and c.regions[0][0] == "relative" and (c.regions[0][1] or "") in TOWN_LEVELS


def _county_of_town(region: RegionMention) -> str:
    """The county a town's committee is named under in full (中共城口县鸡鸣乡委员会 dev8 h141, 中共渠县
    李馥镇委员会 holdout6 h83, 中共禄丰县中村乡委员会 h140: the gold's canonical names), when the
    gazetteer places the town; the street's 党工委 likewise (中共文峰区银杏大街街道工作委员会).
    Rule ``town_committee_in_full``."""
    if not region.parents:
        return ""
    county = region.parents[-1][0]
    return county if county.endswith(COUNTY_LEVELS) and not region.name.startswith(county) else ""


def _region_official(part: tuple[str, str | None], context: ReportContext) -> str | None:
    kind, value = part
    home = context.home
    if kind == "place":
        place = choose(gazetteer.lookup(value or ""), home)
        return place.name if place else None
    if kind == "nation":
        return value
    if kind == "relative":
        level = anchor_words().get(value or "", "")
        if level == "nation":
            return value
        if home is None:
            return _own_region_named_at(level, context)
        for place in reversed(gazetteer.chain(home)):
            if _is_level(place, level):
                return place.name
    return None


def _own_region_named_at(level: str, context: ReportContext) -> str | None:
    """区政府 in a 通州区 report whose region the gazetteer cannot pin (two 通州区, a town with no
    code): the report's own region as written, when its name is of the word's level."""
    region = context.meta.region
    name = region and (region.official or region.name)
    if not name or not level:
        return None
    if level == "区" and name.endswith(("自治区", "地区")):
        return None
    return name if name.endswith(level) else None


def _is_level(place: gazetteer.Place, level: str) -> bool:
    if level == "区":
        return (
            place.name.endswith("区")
            and not place.name.endswith(("自治区", "地区"))
            and place.level != "province"
        )
    if level == "省":
        return place.level == "province" and place.name.endswith("省")
    if level == "自治区":
        return place.level == "province" and place.name.endswith("自治区")
    if level == "市":
        return place.name.endswith("市")
    if level in ("镇", "乡", "街道"):
        return place.level == "town" and place.name.endswith(level)
    return place.name.endswith(level)


def _expand(segment: str) -> str:
    for short, full in abbreviations():
        if segment.endswith(short) and not segment.endswith(full):
            head = segment[: -len(short)]
            if full.startswith(short[:2]) and head.endswith(full[: len(full) - len(short)]):
                return segment
            before = full[: max(0, full.find(short[:2]))]  # 全面 of 全面依法治县委员会办公室
            if before and head.endswith(before):
                head = head[: -len(before)]  # 全面依法治县办: 全面 is written already
            return head + full
    return segment


def _bureau_body(context: ReportContext) -> str | None:
    """The reporting bureau without its region (宣汉县司法局 -> 司法局)."""
    bureau = context.meta.bureau
    if not bureau or context.home is None:
        return None
    for place in reversed(gazetteer.chain(context.home)):
        for name in (place.name, place.short):
            if bureau.startswith(name) and len(bureau) > len(name):
                body = bureau[len(name) :]
                for government in GOVERNMENT_WORDS:
                    body = body.removeprefix(government)
                return body or None
    return None


def _department_canonical(c: Candidate, context: ReportContext) -> str | None:
    """公安局 in a 宣汉县 report is 宣汉县公安局; 人力资源社会保障厅 is the province's. A region the
    gazetteer cannot pin (two 通州区) still owns its departments, by the name the report gives it."""
    unit = c.regions[0][1]
    if context.home is None:
        region = context.meta.region
        own = region and (region.official or region.name)
        if not own or unit == "厅":
            return None
    else:
        place = gazetteer.chain(context.home)[0] if unit == "厅" else context.home
        if unit == "厅" and place.level != "province":
            return None
        own = place.name
    if c.name.startswith(PARTY_COMMISSIONS):  # the party committee's commission: 中共某县委全面依法治县委员会
        if not _commission_of_level(c.name, own):
            return None  # 被依法治市办推荐 in a district's report (dev8 h137): the city's office
        return "中共" + own + "委" + _expand(c.name)
    return own + _expand(c.name)


def _commission_of_level(name: str, own: str) -> bool:
    """依法治县办 is a county's, 依法治市办 a city's: the level character after 依法治 is the level
    of the place that owns the commission."""
    m = re.search(r"依法治(.)", name)
    return m is None or own.endswith(m.group(1))


def canonical_of(c: Candidate, context: ReportContext) -> str | None:
    """The full name when the report makes it certain, else None; the reporting bureau's own
    short forms (地区司法局 for 大兴安岭地区行政公署司法局) resolve to its name as the report gives it."""
    canonical = _canonical(c, context)
    body = _bureau_body(context)
    if canonical and body and context.home is not None and canonical == context.home.name + body:
        return context.meta.bureau
    if canonical and context.meta.bureau and _expand(canonical) == _expand(context.meta.bureau):
        return context.meta.bureau  # 市场监督管理局 when the report calls itself 市场监管局: one body
    bureau, home = context.meta.bureau, context.home
    if canonical and bureau and home is not None and _abbreviates(canonical, bureau, home.name):
        return bureau  # 市文化旅游委 in the report of 市文化和旅游发展委员会
    return canonical


def _abbreviates(short: str, bureau: str, home: str) -> bool:
    """重庆市文化旅游委 in the report of 重庆市文化和旅游发展委员会 (holdout12 h196), 市文化旅游局 in
    that of 临沧市文化和旅游局 (h195): a department's short name drops characters of the bureau's
    own name but keeps their order, its first two and its kind (委 for 委员会); it is the bureau.
    Widens the one-body reading of short department names above (市场监管局); rule
    ``own_short_name`` (the record keeps the rule that read the name)."""
    if not (short.startswith(home) and bureau.startswith(home)) or short == bureau:
        return False
    body, full = short[len(home) :], bureau[len(home) :]
    if len(body) < 3 or body[:2] != full[:2]:
        return False
    kind = "委员会" if body.endswith("委") and full.endswith("委员会") else body[-1]
    if not full.endswith(kind):
        return False
    rest = iter(full)
    return all(ch in rest for ch in body)


def _canonical(c: Candidate, context: ReportContext) -> str | None:
    if c.canonical is not None:
        return c.canonical
    if c.rule == "own_committee" or _own_level_committee(c):
        return _own_town_committee(c.segments[-1] if c.segments else c.name, context)
    if _town_level_relative(c) and c.name.endswith(STUDY_GROUP):
        return None  # 街道党工委中心组 (holdout7 h99): a group's full name the report does not make certain
    if not c.regions:
        return None
    if c.regions[0][0] == "self":
        bureau = context.meta.bureau
        if not bureau or _is_section(c.segments[-1] if c.segments else ""):
            return None  # 局政策法规股: a section's full name is not one the report makes certain
        tails = "".join(_expand(s) for s in c.segments)
        party_unit = next((u for u in SELF_UNITS[:2] if tails.startswith(u)), None)
        if party_unit is None:
            return bureau + tails
        if bureau.endswith(party_unit):  # the report's own body is the party group (a 巡察整改 notice)
            return bureau + tails[len(party_unit) :]
        return "中共" + bureau.removeprefix("中共") + tails
    if c.regions[0][0] == "department":
        return _department_canonical(c, context)
    if c.kind not in ("agency", "mediation") and c.regions[0][0] == "place":
        return None  # 四川泰和泰律师事务所: a firm's name is its own, not a region's body
    region = _region_official(c.regions[-1], context)
    if region is None:
        return None
    head, tails = c.segments[0], [_expand(s) for s in c.segments[1:]]
    committee = next((w for w in ("党委", "委") if head.startswith(w) and len(head) > len(w)), None)
    if committee is not None and _bare_committee(committee):  # 市委党校: the committee's school
        short = region[:-1] if region.endswith("地区") else region
        return "中共" + short + head + "".join(tails)
    if head in ("委", "党委"):
        if not tails:
            return "中共" + region + "委员会"
        # a prefecture's committee is the 地委: 中共大兴安岭地委全面依法治区委员会
        short = region[:-1] if region.endswith("地区") else region
        return "中共" + short + "委" + "".join(tails)
    if head in ("局", "厅"):
        body = _bureau_body(context)
        if body is None or not body.endswith(("局", "厅")):
            return None
        return region + body[:-1] + head + "".join(tails)
    prefix = "中共" if c.party else ""
    return prefix + region + _expand(head) + "".join(tails)


# -- entry points ------------------------------------------------------------------------


def organizations_in(sentence: Sentence, context: ReportContext | None = None) -> list[OrgMention]:
    """Every named body in the sentence, outside 《》 titles, in the order they appear (only the
    agencies, when the sentence is a page's stamp line)."""
    found = _organizations(sentence, context)
    return _stamp_bodies(found) if is_furniture(sentence.text) else found


def _organizations(sentence: Sentence, context: ReportContext | None = None) -> list[OrgMention]:
    if not may_name_a_body(sentence.text):
        return []
    context = context or ReportContext.empty()
    t = Text.of(sentence.text)
    out = []
    for c in _keep(_candidates(t), t):
        name = c.name.replace("“", "").replace("”", "")
        canonical = canonical_of(c, context)
        if canonical is None and c.regions and c.regions[0][0] == "self" and not _own_named_section(c, context):
            continue  # without the report's bureau, 我局 names no body
        if canonical is None and c.regions and c.regions[0][0] == "department" and context.meta.region is not None:
            continue  # 依法治市办 in a county's report: a level above, not the report's own (dev8 h137)
        # a department named bare (会同财政局) in a report whose region is unknown keeps its name as
        # written: resolve.py scopes a name without a canonical one by the report (holdout33 h579)
        if canonical is None and _every_town(c) and not _own_town_group(c, context):
            continue  # 镇公共法律服务工作站 in a county's report: each town's station, not one
        if c.rule == "own_committee" and _government_report(context):
            continue  # a county's report says 县委 for its own: a bare 党委 there is any level's
        out.append(
            OrgMention(
                name=name,
                kind=c.kind,
                evidence=Evidence.of(sentence, c.start, c.end, rule=f"organizations.{c.rule}"),
                canonical=canonical,
            )
        )
    return out


def _own_named_section(c: Candidate, context: ReportContext) -> bool:
    """局政策法规股 in a report whose bureau is known: its own section, kept with no canonical."""
    return c.regions[0][0] == "self" and bool(context.meta.bureau) and _is_section(c.segments[-1] if c.segments else "")


def _government_report(context: ReportContext) -> bool:
    """Whether a county's or higher government or party committee wrote the report (a town's
    government does not count: its own committee is the bare 党委 its report speaks of)."""
    bureau = context.meta.bureau
    ending = next((e for e in _org_words("government_level_end") if bureau and bureau.endswith(e)), None)
    if not bureau or ending is None or bureau[: -len(ending)].endswith(TOWN_LEVELS):
        return False  # 泉溪镇政府
    return context.home is None or context.home.level != "town"


def organizations_in_document(doc: Document, context: ReportContext | None = None) -> list[OrgMention]:
    """The sentences' bodies, then the stamp lines' agencies (the document knows its stamp
    lines, so no sentence is tested for one)."""
    found = [o for s in doc.sentences for o in _organizations(s, context)]
    found = _resolve_aliases(found)
    found = _resolve_by_full_name(found)
    found += [o for s in doc.stamps for o in _stamp_bodies(_organizations(s, context))]
    return _mediation_through_pinyin(doc, context, found)


def _mediation_through_pinyin(
    doc: Document, context: ReportContext | None, found: list[OrgMention]
) -> list[OrgMention]:
    """哨子河鄉(xiāng)人民調(diào)解委員會: pinyin notes a converter left inside words split a mediation
    body's name; its mediation bodies are read on the text without the notes and named as
    printed (report_meta.unbroken, which also closes a letter-spaced line). Other kinds are left as read."""
    cleaned = unbroken(doc)
    if cleaned is None:
        return found
    clean, kept = cleaned
    everything = organizations_in_document(clean, context)
    read = [o for o in everything if o.kind == "mediation"]
    mapped = [on_the_page(o.evidence, o.name, clean, kept, doc) for o in read]
    printed = {o.name: name for o, (_, name) in zip(read, mapped, strict=True)}  # 某乡人民调解委员会 as printed
    mediation = [
        dataclasses.replace(o, name=name, evidence=evidence, canonical=printed.get(o.canonical or "", o.canonical))
        for o, (evidence, name) in zip(read, mapped, strict=True)
    ]
    split = _agencies_split_by_notes(everything, clean, kept, doc)
    spans = [(o.evidence.start, o.evidence.end) for o in split]
    unsplit = [
        o
        for o in found
        if o.kind != "mediation" and not any(a < o.evidence.end and o.evidence.start < b for a, b in spans)
    ]
    return unsplit + split + mediation


def _agencies_split_by_notes(
    read: list[OrgMention], clean: Document, kept: list[int], doc: Document
) -> list[OrgMention]:
    """國務(wù)院 (holdout7 h101), 黨組理論學(xué)習(xí)中心組 (holdout8 h112), 住房城鄉(xiāng)建設部 (holdout4 h47):
    agencies whose names a converter's pinyin note splits, read on the text without the notes and
    named as printed, notes kept (the gold copies them). An agency no note splits is left as read
    on the page; the record keeps the rule that read it on the clean text. Rule
    ``agency_through_pinyin`` (widens the mediation bodies' reading)."""
    out = []
    for o in read:
        if o.kind != "agency":
            continue
        evidence, name = on_the_page(o.evidence, o.name, clean, kept, doc)
        if evidence.end - evidence.start == o.evidence.end - o.evidence.start:
            continue  # no note inside: the page's own reading stands
        out.append(dataclasses.replace(o, name=name, evidence=evidence))
    return out


def _resolve_aliases(found: list[OrgMention]) -> list[OrgMention]:
    """综合调解室 after “长寿区…驻法院综合调解室(以下简称‘综合调解室’)”: the short name the text
    declares stands for the full one, so its mentions get the full name as canonical (one body)."""
    full: dict[str, str] = {}
    out = []
    for o in found:
        if o.name in full and o.canonical is None:
            o = dataclasses.replace(o, canonical=full[o.name])
        out.append(o)
        after = o.evidence.sentence[o.evidence.end - o.evidence.sentence_start :]
        alias = ALIAS.match(after.lstrip("”\""))
        if alias is not None and alias.group(1) != o.name:
            full.setdefault(alias.group(1), o.canonical or o.name)
    return out


def _resolve_by_full_name(found: list[OrgMention]) -> list[OrgMention]:
    """省司法厅 beside 河南省司法厅 in a letter that never names its own place (holdout11 h183): a
    level-word name the report's region cannot resolve is the one body the text names in full
    whose name ends with it (one place of that level, then the same body); with two such bodies
    it stays unresolved. Rule ``full_name_in_text`` (the record keeps the rule that read it)."""
    full = [o.canonical or o.name for o in found if o.kind == "agency" and _place_read(o)]
    out = []
    for o in found:
        if o.kind == "agency" and o.canonical is None and o.evidence.rule == "organizations.relative_prefixed":
            owners = {f for f in full if len(f) > len(o.name) and f.endswith(o.name)}
            if len(owners) == 1:
                o = dataclasses.replace(o, canonical=owners.pop())
        out.append(o)
    return out


def _place_read(o: OrgMention) -> bool:
    """A body read from a place's name (河南省司法厅), not from a level word alone."""
    return o.evidence.rule == "organizations.place_prefixed"


def _stamp_bodies(found: list[OrgMention]) -> list[OrgMention]:
    """Agencies on a page's stamp line (来源:浚县司法局, 欢迎访问X区人民政府): the page names
    the body that issued or hosts the text (the real-text gold lists it); the line's other
    names (来源:安徽日报) are left to the media extractor."""
    return [
        dataclasses.replace(o, evidence=dataclasses.replace(o.evidence, rule="organizations.stamp_line"))
        for o in found
        if o.kind == "agency"
    ]
