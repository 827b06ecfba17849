"""Administrative units named in a report, resolved against the gazetteer in the report's context.

Three kinds of names are looked for. Official names of provinces, prefectures and
counties (綦江区, 大兴安岭地区) are places wherever they stand. Short names (綦江,
哈尔滨) and two-character county names (雄县) are often ordinary words too (合作, 和平),
so they count only with a cue: an organisation word after them (哈尔滨仲裁委员会), a
place word before them (视察天津, 法治浙江) or another place next to them (山东青岛,
漠河、呼玛). Towns and streets (白沙镇, 春华街道) repeat nationwide, so they count only
where the gazetteer puts them under the report's own region or under a county the text
names. Same-name places (河东区 in 天津 and 临沂) are settled by the report's context:
the place named just before, the report's own region, the other places the text names.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from kg.extract.context import ReportContext
from kg.extract.records import Evidence, RegionMention
from kg.text.document import Document, Sentence, per_document
from kg.text.patterns import HAN
from kg.vocab import gazetteer
from kg.vocab.lexicon import rows, words

#: Chinese numerals that, with a counting word, make a count that looks like a short place name (三台)
CHINESE_NUMERALS = "一二两三四五六七八九十百千万"
#: Characters that join two place names into a list (漠河、呼玛 / 天津和北京).
LIST_JOINERS = "、和与及,，"
#: Administrative suffixes that, right after a name, mean a different word (区域, 县域, 市场).
BAD_AFTER = {"区": "域块间", "县": "域城", "市": "场值", "省": "份"}


@dataclass(frozen=True)
class Candidate:
    """A place name found in a sentence, with every gazetteer unit it could be."""

    name: str
    sentence: Sentence
    start: int
    end: int
    places: tuple[gazetteer.Place, ...]
    kind: str  # full | short | town


@cache
def _cue_words(kind: str) -> tuple[str, ...]:
    return tuple(sorted((r[1] for r in rows("region_cues.tsv") if r[0] == kind), key=len, reverse=True))


def _is_zone(place: gazetteer.Place) -> bool:
    """Development zones carry county-level codes with 7 in the fifth digit (GB/T 2260 practice)."""
    return place.level == "county" and place.code is not None and place.code[4] == "7"


@lru_cache(maxsize=1)
def _names() -> dict[str, tuple[tuple[gazetteer.Place, ...], str]]:
    """Every matchable province/prefecture/county name, with its units and form (full or short)."""
    out: dict[str, tuple[tuple[gazetteer.Place, ...], str]] = {}
    for name, places in gazetteer.short_names().items():
        kept = tuple(p for p in places if not _is_zone(p))
        if kept:
            out[name] = (kept, "short")
    written = {**gazetteer.former_names(), **gazetteer.abbreviated_names(), **gazetteer.full_names()}
    written = {**_traditional_suffix_forms(written), **written}
    for name, places in written.items():
        kept = tuple(p for p in places if not _is_zone(p))
        if kept:
            # a two-character official name (雄县, 城区) is as risky as a short one
            out[name] = (kept, "full" if len(name) >= 3 else "short")
    return out


def _traditional_suffix_forms(
    written: dict[str, tuple[gazetteer.Place, ...]],
) -> dict[str, tuple[gazetteer.Place, ...]]:
    """汉源縣 for 汉源县: official names with their suffix in its traditional form, for simplified
    pages with a few traditional characters left in or injected (holdout8 h109, a forum copy writing
    《汉源縣…清单》 in a simplified text; too few for the page to be converted as traditional).
    Rule ``traditional_suffix`` (kg/vocab/data/region_traditional_suffixes.tsv)."""
    forms = dict(rows("region_traditional_suffixes.tsv"))
    out: dict[str, tuple[gazetteer.Place, ...]] = {}
    for name, places in written.items():
        traditional = forms.get(name[-1])
        if traditional and len(name) >= 3:
            out[name[:-1] + traditional] = places
    return out


def places_called(name: str) -> tuple[gazetteer.Place, ...]:
    """Every province, prefecture or county a written name may stand for (綦江, 恩施州, 新津县)."""
    return _names().get(name, ((), ""))[0]


@lru_cache(maxsize=1)
def _lengths_by_first_char() -> dict[str, tuple[int, ...]]:
    """Name lengths by first character, longest first: the scan tries only these."""
    lengths: dict[str, set[int]] = {}
    for name in _names():
        lengths.setdefault(name[0], set()).add(len(name))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


@lru_cache(maxsize=1)
def _first_twos() -> frozenset[str]:
    """The first two characters of every name (each has at least two): a position whose next
    two characters are not among them opens no name."""
    return frozenset(name[:2] for name in _names())


@lru_cache(maxsize=1)
def _may_open_name() -> re.Pattern[str]:
    """Where a name may open: a first character of some name followed by a second character of
    some name. The regex engine skips the other positions (about five in six) in one pass;
    the positions it stops at are tested against :func:`_first_twos`."""
    twos = _first_twos()
    first = re.escape("".join(sorted({two[0] for two in twos})))
    second = re.escape("".join(sorted({two[1] for two in twos})))
    return re.compile(f"(?=[{first}][{second}])")


def _scan(text: str) -> list[tuple[int, int]]:
    """Leftmost-longest non-overlapping name spans (a dictionary walk: a 7,000-way regex is
    slow), tried only where a name may open (:func:`_may_open_name`)."""
    names, lengths, twos = _names(), _lengths_by_first_char(), _first_twos()
    out: list[tuple[int, int]] = []
    after = 0  # the end of the last name found: the next one starts there or later
    for m in _may_open_name().finditer(text):
        i = m.start()
        if i < after or text[i : i + 2] not in twos:
            continue
        for length in lengths.get(text[i], ()):
            # a length running past the text's end would slice a shorter name and give it a
            # span beyond its sentence (人民网>>江西 at a sentence's end)
            if i + length <= len(text) and text[i : i + length] in names:
                out.append((i, i + length))
                after = i + length
                break
    return out


@lru_cache(maxsize=1)
def _jieba_entries() -> tuple[tuple[str, int, str], ...]:
    """jieba's word list as (word, frequency, part of speech), read once."""
    jieba_dict = _jieba_dictionary()
    if jieba_dict is None:
        return ()
    out = []
    with jieba_dict.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, rest = line.partition(" ")
            freq, _, tag = rest.strip().partition(" ")
            out.append((word, int(freq or 0), tag))
    return tuple(out)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Short names that jieba's dictionary knows as frequent non-place words (合作, 和平, 开发)."""
    shorts = {n for n, (_, form) in _names().items() if form == "short"}
    return frozenset(
        w
        for w, freq, tag in _jieba_entries()
        if w in shorts and not tag.startswith("ns") and freq >= 100 and not _a_long_prefecture_name(w)
    )


@lru_cache(maxsize=1)
def _two_char_words() -> frozenset[str]:
    """Frequent two-character words that are not places (行政, 财政): a short name whose first
    character ends one of them starts inside a word (行政和法治 holds no 政和)."""
    return frozenset(
        w for w, freq, tag in _jieba_entries() if len(w) == 2 and not tag.startswith("ns") and freq >= 1000
    )


def _after_slogan_word(text: str, start: int) -> bool:
    """法治白云, 平安滨海: the slogan words that name a place right after them."""
    return text[:start].endswith(_cue_words("slogan"))


def _county_before_department(c: Candidate) -> bool:
    """祁县信访局: a two-character county name right before a department's suffix."""
    if not c.name.endswith(("县", "区", "市", "旗")):
        return False
    run = re.match(rf"[{HAN}]{{0,6}}?(?:局|委员会|办公室|法院|检察院)", c.sentence.text[c.end :])
    return run is not None and not any(ch in run.group(0) for ch in "的和与及在")


def _listed_with_peer(cands: list[Candidate], i: int, common: frozenset[str]) -> bool:
    """大同、朔州、忻州: a common word (大同) listed by 、 next to a place name that is no common
    word, of the same level, is a place like its neighbours."""
    c = cands[i]
    levels = {p.level for p in c.places}
    for j in (i - 1, i + 1):
        if not 0 <= j < len(cands):
            continue
        a, b = (cands[j], c) if j < i else (c, cands[j])
        peer = cands[j]
        gap = a.sentence.text[a.end : b.start]
        if gap == "、" and peer.name not in common and levels & {p.level for p in peer.places}:
            return True
    return False


def _under_the_place_before(cands: list[Candidate], i: int) -> bool:
    """甘肃省徽县人大常委会 (holdout33 h570): a short name written straight after the full name of
    a place that holds it is that place's county, whatever character comes before it (省 before a
    two-character name is most often 全省 or 省直: ``bad_before``)."""
    if i == 0 or cands[i - 1].kind != "full" or cands[i - 1].end != cands[i].start:
        return False
    return any(gazetteer.is_within(p, q) for p in cands[i].places for q in cands[i - 1].places)


def _suffix_opens_body(c: Candidate) -> bool:
    """县委、县政府和县委依法治县委员会: after a joining word (和, 与) a two-character name's suffix
    opens a body's name (县委, 县政府) and the two characters are no county (和县)."""
    if len(c.name) != 2 or c.name[0] not in _cue_words("joining_first"):
        return False
    if c.start > 0 and c.sentence.text[c.start - 1] in _cue_words("body_end"):
        return True  # 县行政审批局和县综合行政执法局 (holdout8 h109): a body, 和, the next body's level word
    return c.sentence.text.startswith(_cue_words("suffix_body"), c.end)


def _county_before_own_town(c: Candidate) -> bool:
    """滑县万古镇: a two-character county name right before a town the gazetteer places under it
    (the town's full address, as its own report's title writes it)."""
    towns, text = gazetteer.town_names(), c.sentence.text
    for length in range(MAX_TOWN_NAME, 1, -1):
        name = text[c.end : c.end + length]
        if name in towns and any(gazetteer.is_within(t, p) for t in towns[name] for p in c.places):
            return True
    return False


#: the longest town, township or street name looked for after a county (草场街道 is 4, most are 3)
MAX_TOWN_NAME = 8


def _well_known(c: Candidate) -> bool:
    """Short names that are places wherever they stand: provinces (河北, 青海) and prefectures
    jieba's dictionary knows only as place names (西宁, 贵阳, 舟山), so no cue is needed."""
    if all(p.level == "province" for p in c.places):
        return True
    if not all(p.level == "city" for p in c.places):
        return False
    return c.name in _place_words() or _a_long_prefecture_name(c.name)


def _a_long_prefecture_name(name: str) -> bool:
    """秦皇岛, 石家庄, 张家口: a prefecture's short name of three characters or more is no common
    word, though jieba tags six of them as person names (nr), so its tag cannot tell."""
    places = _names()[name][0] if name in _names() else ()
    return len(name) >= 3 and bool(places) and all(p.level == "city" for p in places)


@lru_cache(maxsize=1)
def _place_words() -> frozenset[str]:
    """Words jieba's dictionary tags as place names (ns) only."""
    return frozenset(w for w, _, tag in _jieba_entries() if tag == "ns")


def _starts_inside_word(text: str, start: int) -> bool:
    return start > 0 and text[start - 1 : start + 1] in _two_char_words()


def _jieba_dictionary() -> Path | None:
    """jieba's word list (word, frequency, part of speech), read as data: importing jieba is slow."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"
    return path if path.exists() else None


@lru_cache(maxsize=1)
def _excluded_names() -> frozenset[str]:
    """Official names that are also generic words (城区, 新城区): see kg/vocab/data/region_generic.tsv."""
    return frozenset(words("region_generic.tsv"))


def _has_cue(text: str, start: int, end: int) -> bool:
    after = text[end:]
    before = text[:start]
    if any(after.startswith(w) for w in _cue_words("after")):
        return True
    return any(before.endswith(w) for w in _cue_words("before"))


def _in_firm_name(text: str, end: int) -> bool:
    """True when the words after a name run on into a firm's suffix (四川X律师事务所)."""
    run = re.match(rf"[{HAN}]{{0,12}}", text[end:]).group(0)
    return any(w in run for w in _cue_words("firm"))


def _names_in(sentence: Sentence) -> list[Candidate]:
    """Province, prefecture and county names in one sentence, before cue checks."""
    found = []
    for start, end in _scan(sentence.text):
        name = sentence.text[start:end]
        places, form = _names()[name]
        found.append(Candidate(name, sentence, start, end, places, form))
    return found


def _joined(a: Candidate, b: Candidate) -> bool:
    """True when ``b`` follows ``a`` directly or across a list joiner (山东青岛, 漠河、呼玛)."""
    gap = a.sentence.text[a.end : b.start]
    return b.start >= a.end and (gap == "" or (len(gap) == 1 and gap in LIST_JOINERS))


def _accepted(cands: list[Candidate]) -> list[Candidate]:
    """Drop short names without a cue, generic names, and names that run into another word."""
    out = []
    bad_before = set(_cue_words("bad_before"))
    common = _common_words()
    for i, c in enumerate(cands):
        text = c.sentence.text
        if c.name in _excluded_names() or _in_firm_name(text, c.end):
            continue
        nxt = text[c.end : c.end + 1]
        if nxt and nxt in BAD_AFTER.get(c.name[-1], "") and not text.startswith(_cue_words("department_after"), c.end):
            continue  # 县城 is the county seat, but 某县城市管理局 the county's department
        if c.kind == "full" or _under_the_place_before(cands, i):
            out.append(c)
            continue
        if c.start > 0 and text[c.start - 1] in bad_before:
            continue
        if c.name in common and (
            not _after_slogan_word(text, c.start) or c.name in _cue_words("slogan_not_place")
        ) and not _listed_with_peer(cands, i, common):
            continue  # 白云 is a common word, but 法治白云 names the district
        if _starts_inside_word(text, c.start):
            continue
        if any(text.startswith(w, c.end) for w in _cue_words("not_after")) or _suffix_opens_body(c):
            continue
        neighbour = (i > 0 and _joined(cands[i - 1], c)) or (i + 1 < len(cands) and _joined(c, cands[i + 1]))
        if (
            _has_cue(text, c.start, c.end)
            or neighbour
            or _well_known(c)
            or _county_before_department(c)
            or _county_before_own_town(c)
        ):
            out.append(c)
    return out


def _towns_in(sentence: Sentence) -> list[Candidate]:
    """Town, township and street names (the longest gazetteer name ending at each suffix)."""
    towns = gazetteer.town_names()
    out = []
    text = sentence.text
    for m in re.finditer("|".join(gazetteer.TOWN_SUFFIXES), text):
        for length in range(8, len(m.group(0)) + 1, -1):
            start = m.end() - length
            if start >= 0 and text[start : m.end()] in towns:
                name = text[start : m.end()]
                out.append(Candidate(name, sentence, start, m.end(), towns[name], "town"))
                break
    return out


@cache
def _town_short_names() -> dict[str, tuple[gazetteer.Place, ...]]:
    """Towns by their name without 镇/乡/街道 (黎侯 for 黎侯镇), two characters or more."""
    out: dict[str, list[gazetteer.Place]] = {}
    for name, places in gazetteer.town_names().items():
        suffix = next(s for s in gazetteer.TOWN_SUFFIXES if name.endswith(s))
        if len(name) - len(suffix) >= 2:
            out.setdefault(name[: -len(suffix)], []).extend(places)
    return {k: tuple(v) for k, v in out.items()}


@cache
def _town_body_cue() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, _cue_words("town_body"))))


#: the longest short town name tried before a body word
MAX_TOWN_SHORT = 4


def _written_town_names(text: str) -> frozenset[str]:
    """Every two- to four-character run of the text ending in a town's suffix (太平镇, 走进太平镇's
    进太平镇…), read once per document: what :func:`_town_served_by_body` looks a short name up in."""
    out = set()
    for suffix in gazetteer.TOWN_SUFFIXES:
        for m in re.finditer(re.escape(suffix), text):
            for length in range(2, MAX_TOWN_SHORT + 1):
                if m.start() - length >= 0:
                    out.add(text[m.start() - length : m.start()] + suffix)
    return frozenset(out)


def _town_served_by_body(c: Candidate, written_towns: frozenset[str]) -> bool:
    """太平司法所 in a text naming 太平镇 (dev8 h126; 石塘司法所 and 石塘镇, holdout8 h119): the short
    name before a town's body (town_body cues) is that town's, not a county it also stands for
    (太平区 elsewhere); the town, where it can be placed, is read by the town rules. Rule
    ``town_short_name``."""
    if c.kind != "short" or _town_body_cue().match(c.sentence.text, c.end) is None:
        return False
    return any(c.name + suffix in written_towns for suffix in gazetteer.TOWN_SUFFIXES)


def _short_towns_in(sentence: Sentence) -> list[Candidate]:
    """黎侯司法所, 盐仓派出所: a town's short name right before a body named for the town (the
    callers keep only those the gazetteer places under the report's region or a named county)."""
    shorts, text, out = _town_short_names(), sentence.text, []
    for m in _town_body_cue().finditer(text):
        for length in range(MAX_TOWN_SHORT, 1, -1):
            start = m.start() - length
            if start >= 0 and text[start : m.start()] in shorts:
                name = text[start : m.start()]
                out.append(Candidate(name, sentence, start, m.start(), shorts[name], "town_short"))
                break
    return out


def choose(candidates: tuple[gazetteer.Place, ...], home: gazetteer.Place | None) -> gazetteer.Place | None:
    """The candidate sharing the longest chain with ``home``; none when ambiguous without context."""
    return choose_in_context(candidates, home, ())


def choose_in_context(
    candidates: tuple[gazetteer.Place, ...],
    home: gazetteer.Place | None,
    named: tuple[gazetteer.Place, ...] | frozenset[gazetteer.Place],
    before: gazetteer.Place | None = None,
) -> gazetteer.Place | None:
    """Pick one of same-name units: the one under the place named right before it (北京市朝阳区),
    else the one nearest the report's own region, else the one under other places the text
    names; none when nothing tells them apart."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    home_chain = set(gazetteer.chain(home)) if home is not None else set()

    def score(place: gazetteer.Place) -> tuple[int, int, int]:
        chain = set(gazetteer.chain(place))
        parents = chain - {place}
        return (
            int(before is not None and before in chain),
            len(home_chain & chain),
            # places named elsewhere that share its parents (广州市 or 天河区 for 白云区)
            sum(len(parents & set(gazetteer.chain(p))) for p in named if p != place),
        )

    scored = sorted(((score(c), c.index, c) for c in candidates), key=lambda t: (t[0], -t[1]), reverse=True)
    best, second = scored[0][0], scored[1][0]
    if best == second or best == (0, 0, 0):
        return None
    return scored[0][2]


def region_mention(
    name: str,
    evidence: Evidence,
    home: gazetteer.Place | None = None,
    place: gazetteer.Place | None = None,
) -> RegionMention:
    """A mention of ``name``; resolved to ``place`` (or the unit ``choose`` picks) when known."""
    if place is None:
        place = choose(gazetteer.lookup(name), home)
    if place is None:
        return RegionMention(name=name, evidence=evidence)
    parents = tuple((p.name, p.code or "") for p in gazetteer.chain(place)[:-1])
    return RegionMention(
        name=name, evidence=evidence, code=place.code, official=place.name, parents=parents, level=place.level
    )


def _resolve(
    cands: list[Candidate], home: gazetteer.Place | None
) -> list[tuple[Candidate, gazetteer.Place | None]]:
    """Settle each candidate's unit, the unambiguous ones first so they can inform the rest."""
    named = frozenset(c.places[0] for c in cands if len(c.places) == 1)
    if home is not None:
        named = named | {home}
    out: list[tuple[Candidate, gazetteer.Place | None]] = []
    previous: tuple[Candidate, gazetteer.Place | None] | None = None
    for c in cands:
        before = None
        if previous is not None and previous[0].sentence is c.sentence and previous[0].end == c.start:
            before = previous[1]
        place = choose_in_context(c.places, home, named, before)
        out.append((c, place))
        previous = (c, place)
    return out


def _placed_towns(
    towns: list[Candidate],
    resolved: list[tuple[Candidate, gazetteer.Place | None]],
    home: gazetteer.Place | None,
) -> list[tuple[Candidate, gazetteer.Place | None]]:
    """Towns the gazetteer puts under the report's region or under a county the text names, else
    under a prefecture it names (珠海 … 唐家湾镇: a zone's report names no county), where exactly
    one town of that name lies there."""
    named_counties = {p for _, p in resolved if p is not None and p.level == "county"}
    named_cities = {p for _, p in resolved if p is not None and p.level == "city"}
    wider = sorted(named_counties, key=lambda p: p.index) + sorted(named_cities, key=lambda p: p.index)
    out = []
    for t in towns:
        before = next(
            (p for c, p in resolved if p is not None and c.sentence is t.sentence and c.end == t.start), None
        )
        scopes = [s for s in (before, home) if s is not None] + wider
        for scope in scopes:
            inside = [p for p in t.places if gazetteer.is_within(p, scope)]
            if len(inside) == 1:
                out.append((t, inside[0]))
                break
    return out


def regions_in_document(doc: Document, context: ReportContext | None = None) -> list[RegionMention]:
    home = context.home if context else None
    names: list[Candidate] = []
    towns: list[Candidate] = []
    # the page's stamp lines too (来源:曲阜市尼山镇, holdout11 h190): a place the page names there
    # is one the text names, as the bodies on them are (organizations ``stamp_line``)
    for s in doc.sentences + doc.stamps:
        found = _accepted(_names_in(s))
        if _a_place_menu(s.text, found):
            continue
        names += found
        towns += _towns_in(s) + _short_towns_in(s)
    written_towns = _written_town_names(doc.text)
    names = [c for c in names if not _town_served_by_body(c, written_towns)]
    resolved = _resolve(names, home)
    resolved += _placed_towns(towns, resolved, home)
    mentions = [
        region_mention(c.name, _evidence(c), home, place)
        if place is not None
        else RegionMention(name=c.name, evidence=_evidence(c))
        for c, place in resolved
    ]
    return mentions + _villages_after(resolved)


#: a line of at least this many place names and nothing but spaces between them is a menu
MENU_PLACES = 8
#: what a menu line may hold besides its places: its label (区域:, 地区:) and the gaps
MENU_LABEL = re.compile(rf"^[{HAN}]{{0,4}}[:：]?$")


def _a_place_menu(text: str, found: list[Candidate]) -> bool:
    """区域:北京 天津 河北 山西 … 西藏 (dev17 h276, a news portal's region menu): a page's
    furniture, not places the text is about. Prose lists places with 、 and words around them
    (北京、天津、河北三地), so only a line of many names parted by spaces alone is a menu."""
    if len(found) < MENU_PLACES:
        return False
    rest, last = [], 0
    for c in sorted(found, key=lambda c: c.start):
        gap = text[last : c.start]
        if last and gap.strip():
            return False  # words between two places: a sentence, not a menu
        rest.append(gap)
        last = max(last, c.end)
    return bool(MENU_LABEL.match(rest[0].strip())) and not text[last:].strip()


#: villages (村, and 嘎查 in Inner Mongolia) and urban communities (社区, the gold lists them as
#: villages: 济川街道跃进社区, 海城镇南门社区): the gazetteer lists none
VILLAGE_SUFFIXES = ("村", "嘎查", "社区")
#: what no village's name holds: function words (司法局的社区), and 某 that hides one (河山镇某村)
NOT_IN_VILLAGE = "的和与及在等某"
#: 玉屏村 / 龔村 / 浩特化嘎查: a village's name, one to four characters and its suffix, the shortest
VILLAGE = re.compile(rf"(?:(?![{NOT_IN_VILLAGE}])[{HAN}]){{1,4}}?(?:{'|'.join(VILLAGE_SUFFIXES)})")


@cache
def _village_lookalikes() -> frozenset[str]:
    """乡村, 农村, 贫困村, 各村: words ending like a village that name none (region_village_lookalikes.tsv)."""
    return frozenset(words("region_village_lookalikes.tsv"))


def _villages_after(resolved: list[tuple[Candidate, gazetteer.Place | None]]) -> list[RegionMention]:
    """A village written right after the town or county it lies in (旌德县孙村镇玉屏村 holdout10 h171,
    尚義鎮龔村 holdout4 h46, 龙溪镇龙镇村 holdout7 h98, 哨子河鄉哨子河村 wide w208, 上思县佛子村
    holdout6 h86): the gazetteer lists no villages, so the place before it is what makes the name
    one; a village gets no code and no level (the ontology's levels stop at town), its town or
    county as its parent. Words ending like a village (乡村, 贫困村) and a 村 opening a
    level word (村级) name none. Rule ``village_name``."""
    out = []
    for c, place in resolved:
        if place is None or place.level not in ("county", "town"):
            continue
        m = VILLAGE.match(c.sentence.text, c.end)
        if m is None or m.group(0) in _village_lookalikes() or _village_lookalike_end(m.group(0)):
            continue
        if c.sentence.text.startswith(VILLAGE_LEVEL_AFTER, m.end()):
            continue  # 某镇村级组织: the level of village bodies, 旌德县孙村镇: a town's name, no village
        evidence = Evidence.of(c.sentence, m.start(), m.end(), rule="regions.village_name")
        parents = tuple((p.name, p.code or "") for p in gazetteer.chain(place))
        out.append(RegionMention(name=m.group(0), evidence=evidence, parents=parents))
    return out


def _village_lookalike_end(name: str) -> bool:
    """各行政村 / 全镇贫困村: a name ending in a word that names a kind of village, not one (a
    word marked ``whole`` only as the whole name: 丽山村 is a village, 山村 none)."""
    return any(name.endswith(w) for w in _village_lookalike_ends())


@cache
def _village_lookalike_ends() -> frozenset[str]:
    return frozenset(r[0] for r in rows("region_village_lookalikes.tsv") if r[1:2] != ("whole",))


#: 村级: what after a village suffix makes it a level word; 孙村镇 / 某村街道: a unit's suffix
#: after it makes the 村 part of a town's name; 村居, 村(居): villages and communities, no village
#: (蓟州区持续推动村居法律服务, holdout33 h581)
VILLAGE_LEVEL_AFTER = ("级", "镇", "乡", "街道", "县", "区", "市", "旗", "苏木", "居", "(居", "（居")


def _evidence(c: Candidate) -> Evidence:
    """Where a name was read, and by which rule: a full, short or town name."""
    return Evidence.of(c.sentence, c.start, c.end, rule=f"regions.{c.kind}_name")


def regions_in_text(sentence: Sentence, start: int = 0, end: int | None = None) -> list[RegionMention]:
    """Province, prefecture and county names inside ``sentence.text[start:end]``, in order,
    each resolved by the place named right before it (天津市河东区司法局)."""
    stop = len(sentence.text) if end is None else end
    cands = [c for c in _accepted(_names_in(sentence)) if c.start >= start and c.end <= stop]
    return [
        region_mention(c.name, _evidence(c), None, place)
        if place is not None
        else RegionMention(name=c.name, evidence=_evidence(c))
        for c, place in _resolve(cands, None)
    ]


@per_document
def places_named(doc: Document) -> frozenset[gazetteer.Place]:
    """The units a report names unambiguously: the context that settles same-name places.
    Report metadata asks this of one report four or five times, and each asking scans every
    sentence: the last report's answer is kept (:func:`~kg.text.document.per_document`)."""
    return frozenset(
        c.places[0] for s in doc.sentences for c in _accepted(_names_in(s)) if len(c.places) == 1
    )


@lru_cache(maxsize=1)
def _count_units() -> frozenset[str]:
    """One-character counting words (台, 张, 个: kg/vocab/data/units.tsv, kind count)."""
    return frozenset(r[0] for r in rows("units.tsv") if len(r) > 2 and r[2] == "count" and len(r[0]) == 1)


def _counted_thing(c: Candidate) -> bool:
    """两张桌子,三台电脑 (holdout6 h89): a short name that is a Chinese numeral and a counting word
    (三台 for 三台县, 五台, 九台) followed by a word, not a place's cue, counts things; at a clause's
    start it is no subject place. A full name (三台县) or a name before a place cue stays."""
    return (
        c.kind == "short"
        and len(c.name) == 2
        and c.name[0] in CHINESE_NUMERALS
        and c.name[1] in _count_units()
        and not c.sentence.text.startswith(_cue_words("after"), c.end)
    )


def place_at(sentence: Sentence, start: int, named: frozenset[gazetteer.Place]) -> RegionMention | None:
    """The place whose name starts at ``start``, where a text names its subject (2021年通州区…,
    江西崇仁县:…): no cue is needed there, and a chain of names (江西崇仁县) gives the deepest.
    A town, a street, or a name the gazetteer cannot settle alone (a name-only mention)."""
    town = town_at(sentence, start, named)
    if town is not None:
        return town
    cands = [
        c
        for c in _names_in(sentence)
        if c.start >= start
        and c.name not in _common_words()
        and c.name not in _excluded_names()
        and not _counted_thing(c)
    ]
    chain: list[Candidate] = []
    for c in cands:
        if c.start == (chain[-1].end if chain else start):
            chain.append(c)
    if not chain:
        return None
    town = town_at(sentence, chain[-1].end, named | {p for c in chain for p in c.places})
    if town is not None:
        return town
    *_, (last, place) = _resolve(chain, None)
    evidence = Evidence.of(sentence, last.start, last.end, rule="report_meta.subject_place")
    if place is None:
        place = choose_in_context(last.places, None, named)
    return region_mention(last.name, evidence, None, place) if place else RegionMention(last.name, evidence)


def _streets_called_jie(sentence: Sentence, start: int) -> list[Candidate]:
    """鹤龙街 for 鹤龙街道: streets in Guangdong are written with 街 alone."""
    towns = gazetteer.town_names()
    for end in range(start + 3, min(start + 8, len(sentence.text)) + 1):
        name = sentence.text[start:end]
        if name.endswith("街") and name + "道" in towns and not sentence.text.startswith("道", end):
            return [Candidate(name, sentence, start, end, towns[name + "道"], "town")]
    return []


def town_at(sentence: Sentence, start: int, named: frozenset[gazetteer.Place]) -> RegionMention | None:
    """The town, township or street whose name starts at ``start`` (a town's own report opens
    with it: 下蜀镇2025年…, 2025年,沅江路街道坚持…). Resolved under a place the text names,
    else where the gazetteer knows one unit of that name; a name it knows several times stays
    a name (its node is the name's, with no code), which is better than no region at all."""
    for t in _towns_in(sentence) + _streets_called_jie(sentence, start):
        if t.start != start:
            continue
        evidence = Evidence.of(sentence, t.start, t.end, rule="report_meta.subject_town")
        inside = [p for p in t.places if any(gazetteer.is_within(p, scope) for scope in named)]
        candidates = inside or list(t.places)
        if len(candidates) == 1:
            return region_mention(t.name, evidence, None, candidates[0])
        return RegionMention(name=t.name, evidence=evidence, level="town")
    return None


def towns_in_text(
    sentence: Sentence, named: frozenset[gazetteer.Place], start: int = 0, end: int | None = None
) -> list[RegionMention]:
    """Town and street names inside ``sentence.text[start:end]`` that fall under exactly one
    county the report names (a township's own report: 某镇人民政府)."""
    stop = len(sentence.text) if end is None else end
    out = []
    for t in _towns_in(sentence):
        if t.start < start or t.end > stop:
            continue
        inside = [p for p in t.places if any(gazetteer.is_within(p, scope) for scope in named)]
        if len(inside) == 1:
            evidence = Evidence.of(sentence, t.start, t.end, rule="regions.town_name")
            out.append(region_mention(t.name, evidence, None, inside[0]))
    return out
