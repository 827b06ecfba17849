"""Named programmes of action: campaigns, projects, mechanisms, models, systems, pilots, brands,
services and platforms a body launched, ran or plans.

Two shapes carry a name. A quoted name (“送法进千企”专项行动, “枫桥经验”) is the usual one;
it counts when a kind word follows it, when it ends in one itself, when it sits in a list
closed by a kind word (“民法典宣传月”“宪法宣传周”等专项普法活动), or when a run verb
precedes it (开展“乡里茶谈”). An unquoted name counts only right after a run verb and ending
in a kind word (建立合法性协助审核机制): the verb is the evidence that a body set it up. A rule
named only by its content (落实会前学法制度, 推行X制度) is a standing rule every body keeps, not one.
Two kinds of drive are named without a run verb: coverage drives (X全覆盖工作) and drives to
be named a model place (法治政府建设示范区创建).
Slogans, goals and doctrine share the quote marks, so a stoplist of patterns and of the
words around a quote (目标, 要求, 荣获…) keeps them out; all of it is data. So do quotes listed
as the dates work was timed to (“3·15”、“反邪教宣传月”等特定普法节日).
Three more shapes name a programme without a run verb: a rule-of-law model place (命名…法治政府
建设示范县, 全国民主法治示范村(社区)), the campaign a report's work serves (为X三年行动提供法治保障), and a
quoted formula (“调解+公证”; one running on into words of its own qualifies them). A document's
title names the campaign or project it sets up (《关于开展X活动的通知》), and a few programmes every
body runs are named by their word as a piece of work (访调对接工作) or with their holder
(领导干部述法工作, 国家工作人员学法考法); 述法 alone (开展述法工作, “述法”) is the yearly duty every body
owes (duty_programme). A quoted name whose matters are listed or counted (梳理“免办证”事项225项) is a
service; a quote that only a quote makes a kind (“X”建设) inside 为…提供 is the goal the work
serves. A campaign after 服务 opening a clause is the one the work serves (,服务大扶贫战略行动,).
完善/坚持 name a rule only when it is one of studying or reporting on the law (完善年终述法制度:
study_rule). A name settles its own area when it holds a word of study or publicity
(initiative_area_cues.tsv); else its clause, its sentence and heading, then the sentences just
before it decide. A quoted name the report writes as a mediation room is a body.
Two more shapes name a service or platform whatever verb governs them: the hours a service keeps or
the time it is within reach of (实现24小时服务, 15分钟矛盾调解圈: time_bound_service) and the digital way a
platform works (用好智慧调解平台: digital_platform). A document's title names the model-place drive it is
written for, as it names a campaign.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kg.extract.context import ReportContext
from kg.extract.initiative_tagger import names_in
from kg.extract.organizations import is_mediation_studio
from kg.extract.records import Evidence, InitiativeRecord
from kg.text.document import Document, Sentence
from kg.text.patterns import HAN, HAN_CHAR, PINYIN_GLOSS, PINYIN_TONES, QUOTE, book_title_spans, inside
from kg.text.patterns import with_curly_quotes as curly
from kg.vocab import gazetteer
from kg.vocab.areas import area_of
from kg.vocab.lexicon import rows

#: a name's characters between a cue and its kind word (no punctuation, no quotes); a pinyin
#: gloss in brackets is part of the word it glosses
NAME_RUN = re.compile(rf"[{HAN}0-9A-Za-z{PINYIN_TONES}()（）+＋ ]")
YEAR = re.compile(r"[0-9]{4}年度?")
#: how far a kind word may sit after a quoted name (“法援惠民生”系列活动)
MAX_MODIFIER = 10
#: a quoted-only kind word (服务, 督察, 创建) may take a short modifier (“面对面”的法律服务,
#: “小切口”法治督察); a longer run before it is a clause of its own
MAX_QUOTED_ONLY_MODIFIER = 4
#: how far an unquoted name may run after its cue verb
MAX_NAME = 40
#: the shortest theme before an unquoted kind word, and the shorter one a campaign or pilot word
#: takes (严打专项行动, 赋权试点: initiative_stoplist.tsv, short_name_kind)
MIN_CORE, MIN_SHORT_CORE = 3, 2
#: a name with no kind word (推行行政复议全流程调解) must be this long and no longer
MIN_BARE_NAME, MAX_BARE_NAME = 6, 12
#: words that may follow a kind word without being part of the name (…试点工作, …机制建设)
TRAILERS = ("工作", "建设", "等")
#: a kind word followed by a number is followed by a count (普法短信十三万余条)
COUNT_CHARS = "一二三四五六七八九十百千万两"
#: 权责明晰、运转高效的…: paired four-character qualifiers before 的 describe, they do not name
DESCRIPTIVE_PAIRS = re.compile(rf"^(?:[{HAN}]{{3,4}}[、，,])+[{HAN}]{{3,4}}的")
#: 12场集中宣传活动: a count of events, not the name of one
COUNTED = re.compile(r"^[0-9一二三四五六七八九十百千万余多]+[场次期项个批件]")
#: 制度和工作机制: a kind word joined to another is a description of both
KIND_JOINERS = ("制度和", "制度与", "制度及", "机制和", "机制与", "体系和", "体系与")
#: …管理平台上我区信息录入率…: a platform named as the place where the work is recorded
PLATFORM_AT_CLAUSE_START = re.compile(rf"(?:^|(?<=[，,；;：:。]))([{HAN}]{{4,24}}(?:平台|系统))(?=上|中)")
#: 公职律师全覆盖工作: a coverage drive named as a piece of work is a project
COVERAGE = "全覆盖"
#: the characters of a coverage drive's subject (村(社区)法律顾问)
COVERAGE_NAME_CHAR = re.compile(rf"[{HAN}()（）]")
#: verbs that push a coverage drive forward (推进X全覆盖); 实现 states a result instead
COVERAGE_PUSH_VERBS = ("推进", "推动")
#: what ends a coverage drive's name on its left (做好值班律师和X全覆盖工作)
COVERAGE_LEFT_STOPS = ("做好", "推进", "推动", "落实", "开展", "和", "及", "与")
#: the model places a drive may be for: a district, city or county, a village, town or township,
#: a community (杨浦区民主法治示范社区创建 holdout7 h99) or a village written with its community
#: (全国民主法治示范村(社区) holdout7 h98, seed 003), or a single-item model project (全国法治政府建设单项示范项目创建活动
#: holdout11 h175, gold; 单项示范创建项目 h193)
MODEL_UNIT = r"(?:[区市县镇乡]|社区|项目|村(?:[(（]社区[)）])?)"
#: 法治政府建设示范区创建: a drive to be named a model region, named by its theme before it
DEMONSTRATION_DRIVE = re.compile(rf"示范{MODEL_UNIT}?创建")
#: 法治政府建设示范县 (命名…示范县, 紧扣建设全国基层法治示范区目标), 全国民主法治示范村(社区): the model
#: place a drive is for, named without 创建; only rule-of-law model places count (other 示范区 are
#: economic zones); 民主法治示范村建设 is a project's own name (示范村建设 is a kind word)
MODEL_PLACE = re.compile(r"示范(?:[区市县]|社区|村(?:[(（]社区[)）])?)(?!创建|建设)")
MODEL_PLACE_THEME = "法治"
#: the tail a drive's name carries after its theme (示范区创建, 示范创建, 示范县, 示范村建设)
DRIVE_TAIL = re.compile(rf"示范{MODEL_UNIT}?(?:创建|建设)?$")
#: 创建国家级民主法治示范社区1个: model places counted are results of the year, not a drive
COUNTED_PLACES = re.compile(r"[0-9一二三四五六七八九十两]+个")
#: 法治政府建设 is the theme 法治政府 named as work: one drive whichever a report writes
THEME_TRAILER = "建设"
#: how long a demonstration drive's theme may be (省级第一批法治政府建设)
MAX_DRIVE_THEME = 16
#: initiative_bare_kinds.tsv: a word that looks like a kind's but names no programme (“网格化”)
NO_KIND = "none"
#: 实现24小时服务 (holdout11 h186), 提供“7×24小时”全天候法律服务 (d509), 建成…城市半小时的法律援助服务圈 (d503),
#: 建立15分钟矛盾调解圈 (holdout12 h201): a service named by the hours it keeps or the time it is within reach of,
#: up to its 服务 or its circle of service or mediation (all gold; 经济圈 and the like are no service)
TIME_BOUND_SERVICE = re.compile(
    rf"(?:[0-9]+×)?[0-9一二三四五六七八九十两半]+(?:小时|分钟)[“”的{HAN}]{{0,9}}?(?:服务圈?|调解圈)"
)
#: quote marks and 的 inside a time-bound service are no part of its name
TIME_SERVICE_FILLERS = re.compile(r"[“”的]")
#: 平台 or 系统 closing a platform's name, found by its digital way of working (digital_platform)
DIGITAL_PLATFORM = re.compile(r"平台|系统")
#: a name needs some Han characters (“118” alone is a code)
HAN_RUN = re.compile(rf"[{HAN}]{{2,}}")
#: 一村一法律顾问, 一案一补, 谁执法谁普法 (also written 谁执法,谁普法): the paired shapes of
#: programme names, their halves joined by nothing or one separator
PAIRED_PATTERN = re.compile(
    rf"一[{HAN}]{{1,3}}[,，、]?一[{HAN}]{{1,5}}|谁[{HAN}]{{1,3}}[,，、]?谁[{HAN}]{{1,4}}"
)
#: “逢会必学” (holdout10 h167), “法治讲堂·逢九必讲” (h161): a habit of study named by when it happens (whenever X,
#: always Y), closing a quoted name (all gold)
HABIT_PATTERN = re.compile(rf"逢[{HAN}0-9]{{1,3}}必[{HAN}]{{1,2}}$")
#: “调解+公证”, “互联网+监管”: a formula of two or three words joined by + names a way of working
PLUS_FORMULA = re.compile(rf"[{HAN}]{{2,6}}(?:[+＋][{HAN}]{{2,6}}){{1,2}}")
#: a quote this short besides its kind word (“暖冬”行动, “三项”制度, “民心工程”) is a nickname that
#: names a programme only with the field written before it; a longer quote names it alone
MAX_NICKNAME = 2
#: how far a quoted name's unquoted head may run back to its run verb (开展农民工欠薪法律援助“暖冬行动”)
MAX_HEAD = 16
#: words that open a head as a place, a level or a time, not a field (我省首个“…”, 全县“…”, 年度“…”)
HEAD_OPENERS = ("我", "本", "各", "全", "首", "年度")
#: what may join quoted names that share the kind word after the last (“A”和“B”方式, “A”“B”工程)
SHARED_KIND_JOINERS = "[和与及]?"
#: what may follow a quoted name without it running on into a longer phrase (“A”和“B”, “A”等)
NOT_A_NOUN = ("的", "等", "和", "与", "及", " ")
#: what ends a clause (a list of quoted occasions runs to its 等…节日 within one clause)
CLAUSE_END = re.compile(r"[，,。；;：:！!？?]")
#: 等特定普法节日 closing a clause: the words after 等 that may name what the list is
OCCASION_TAIL = re.compile(rf"等([{HAN}]{{1,10}})$")
#: 进机关、进行业、进社区: the places a campaign is taken to, each a short item opening with 进
CAMPAIGN_GOES = "进"
MAX_PLACE_ITEM = 6
#: 为X行动提供…保障: the campaign a report's work serves, named between 为 and 提供
SERVED_CAMPAIGN = re.compile(rf"为([{HAN}0-9]{{4,24}}?)(?=提供)")
#: ,服务大扶贫战略行动, (holdout10 h173), 以服务全面振兴新突破三年行动为主战场 (w105): 服务 opening a clause (or
#: after 以) names the campaign the work serves, up to the clause's end or 为
SERVING_CAMPAIGN = re.compile(rf"(?:^|(?<=[，,；;：:。以]))服务([{HAN}0-9]{{4,24}}?)(?=[，,；;。为]|$)")
#: 为…提供…保障: the frame in which a report names the goal its work serves (bounded, so linear)
SERVED_FRAME = re.compile(r"为[^。；;为]{0,60}?提供")
#: 调解室, 调解工作室: body endings that make a quoted name a mediation room across the report
MEDIATION_ROOM_MARK = "调解"
#: a place-named platform: its word, how far its name may run, the least it holds besides the
#: place and 平台 (郑州市信用平台), the shortest place name and the levels that own platforms
PLATFORM_WORD = "平台"
MAX_PLATFORM_NAME, MIN_PLATFORM_NAME = 24, 5
MIN_PLACE_NAME = 2
PLATFORM_OWNER_LEVELS = ("province", "city", "county")
#: the longest province name (内蒙古自治区, 新疆维吾尔自治区) an owned platform's name may open with
MAX_PROVINCE_NAME = 8
#: 12345政务服务便民热线, 12348热线: a five-digit service number (not a count: 1950个热线, 12000条热线) and
#: the words up to the first 热线 after it; a number in quotes (“12348”热线) is the quote rules'
NUMBERED_HOTLINE = re.compile(rf"(?<![0-9.“\"])[0-9]{{5}}(?![0-9.年个条名件人次家户万亿元])[{HAN}]{{0,10}}?热线")
HOTLINE_RULE, HOTLINE_WORD = "initiatives.numbered_hotline", "热线"
NUMBER = re.compile(r"[0-9]{5}")
#: “免办证”事项, “一件事”联办事项, “AI智慧审批”事项33项: a quote, at most a short verb of its own, then
#: 事项 (the matters handled under it): the quote names a service whose matters are listed or counted
SERVICE_ITEMS_WORD = "事项"
SERVICE_ITEMS = re.compile(rf"([{HAN}]{{0,2}}?){SERVICE_ITEMS_WORD}")
SERVICE_ITEMS_RULE = "quote_service_items"
#: the shortest quote that names a service by its matters (“用证”事项 says what kind of matter, not which service)
MIN_SERVICE_ITEMS_CORE = 3
#: separators of a list of names after one verb (建立A机制、B机制)
LIST_JOINERS = ("、", "和", "及", "与")
#: 《关于开展X活动的通知》: the body of a title before its document word, the programme it sets up (group 1)
TITLE_BODY = re.compile(r"《([^《》]{4,60})》")
#: the word a title's own subject follows (《某局关于开展…》): what precedes it is the issuer
TITLE_ABOUT = "关于"
#: what ends a programme's name on its left inside a title: a programme joined by 暨, a quote, a list
TITLE_NAME_STOPS = ("暨", "”", "、")
#: the longest place name a title may open with (内蒙古自治区)
MAX_TITLE_PLACE = 8
#: 的矛盾纠纷调解格局, 的工作格局: a short phrase after a quote ending in the setup a body forms
SETUP_PHRASE = re.compile(rf"[{HAN}]{{0,10}}?(?:{'|'.join(r[0] for r in rows('initiative_stoplist.tsv') if r[1] == 'setup_end')})")


@dataclass(frozen=True)
class Vocabulary:
    """The words the rules match, read once from kg/vocab/data (initiative_kinds/cues/stoplist.tsv)."""

    kinds: dict[str, tuple[str, bool]]
    run_cues: dict[str, str]
    plan_generic_cues: tuple[str, ...]
    doctrine: tuple[re.Pattern[str], ...]
    after: tuple[str, ...]
    before: tuple[str, ...]
    #: verbs of award or naming (获评, 命名为): a quote they govern is a title received
    awards: tuple[str, ...]
    generic: tuple[str, ...]
    drop: tuple[str, ...]
    fillers: tuple[str, ...]
    cue_kinds: dict[str, tuple[str, ...]]
    bare_cues: tuple[str, ...]
    end_follow: tuple[str, ...]
    quoted_end_follow: tuple[str, ...]
    cue_gap: tuple[str, ...]
    body: tuple[str, ...]
    unquoted_end: tuple[str, ...]
    bare_kinds: tuple[tuple[str, str], ...]
    title_kinds: tuple[str, ...]
    counted_kinds: tuple[str, ...]
    verb_start: tuple[str, ...]
    service_end: tuple[str, ...]
    left_stops: tuple[str, ...]
    owned_cues: tuple[str, ...]
    owners: tuple[str, ...]
    collective: tuple[str, ...]
    novelty: tuple[str, ...]
    occasions: tuple[str, ...]
    served: tuple[str, ...]
    short_name_kinds: tuple[str, ...]
    standing_rules: tuple[str, ...]
    routine_coverage: tuple[str, ...]
    standing_programmes: tuple[str, ...]
    held_programmes: tuple[str, ...]
    programme_follow: tuple[str, ...]
    programme_holders: tuple[str, ...]
    meetings: tuple[str, ...]
    describing_starts: tuple[str, ...]
    digital_modes: tuple[str, ...]
    platform_left_stops: tuple[str, ...]
    verb_named_kinds: tuple[str, ...]
    drive_openers: tuple[str, ...]
    place_slogans: tuple[str, ...]
    study_cues: tuple[str, ...]
    study_words: tuple[str, ...]
    duty_programmes: tuple[str, ...]


def _vocabulary() -> Vocabulary:
    kinds = {r[0]: (r[1], len(r) > 2 and r[2] == "yes") for r in rows("initiative_kinds.tsv")}
    cues = rows("initiative_cues.tsv")
    stop = rows("initiative_stoplist.tsv")

    def of(role: str) -> tuple[str, ...]:
        return tuple(sorted((r[0] for r in stop if r[1] == role), key=len, reverse=True))

    return Vocabulary(
        kinds=kinds,
        run_cues={r[0]: r[2] for r in cues if r[1] in ("run", "owned_run")},
        owned_cues=tuple(r[0] for r in cues if r[1] == "owned_run"),
        owners=of("owner"),
        collective=of("collective"),
        novelty=of("novelty"),
        occasions=of("occasion"),
        served=of("served"),
        short_name_kinds=of("short_name_kind"),
        standing_rules=of("standing_rule"),
        routine_coverage=of("routine_coverage"),
        standing_programmes=of("standing_programme") + of("held_programme"),
        held_programmes=of("held_programme"),
        programme_follow=of("programme_follow"),
        programme_holders=of("programme_holder"),
        meetings=of("meeting"),
        describing_starts=of("describing_start"),
        digital_modes=of("digital_mode"),
        platform_left_stops=of("platform_left_stop") + tuple(c[0] for c in cues if c[1] in ("owned_run", "study_run")),
        verb_named_kinds=of("verb_named_kind"),
        drive_openers=of("drive_opener"),
        place_slogans=of("place_slogan"),
        study_cues=tuple(r[0] for r in cues if r[1] == "study_run"),
        study_words=of("study_word"),
        duty_programmes=of("duty_programme"),
        plan_generic_cues=tuple(r[0] for r in cues if r[1] == "plan_only_generic"),
        doctrine=tuple(re.compile(p) for p in of("doctrine")),
        after=of("after"),
        before=of("before"),
        awards=of("award"),
        generic=of("generic"),
        drop=of("drop"),
        fillers=of("filler"),
        bare_cues=tuple(r[0] for r in cues if r[1] == "bare_run"),
        end_follow=of("end_follow"),
        quoted_end_follow=of("quoted_end_follow"),
        cue_gap=of("cue_gap"),
        body=of("body"),
        unquoted_end=of("unquoted_end"),
        service_end=of("service_end"),
        title_kinds=of("title_kind"),
        counted_kinds=of("counted_kind"),
        verb_start=of("verb_start"),
        left_stops=of("left_stop"),
        bare_kinds=tuple((r[0], r[1]) for r in rows("initiative_bare_kinds.tsv")),
        cue_kinds={
            r[0]: tuple(r[3].split(","))
            for r in cues
            if r[1] in ("run", "owned_run", "study_run") and len(r) > 3 and r[3]
        },
    )


VOCAB = _vocabulary()
MEDIATION_ROOMS = tuple(w for w in VOCAB.body if MEDIATION_ROOM_MARK in w)
KIND_WORDS = tuple(sorted(VOCAB.kinds, key=len, reverse=True))
#: the kind words an unquoted name may end in, by their last character (longest first): a
#: scan along a sentence tries only the words that can end where it stands
UNQUOTED_KINDS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _word in KIND_WORDS:
    if not VOCAB.kinds[_word][1]:
        UNQUOTED_KINDS_BY_LAST[_word[-1]] = (*UNQUOTED_KINDS_BY_LAST.get(_word[-1], ()), _word)
LONGEST_KIND = len(KIND_WORDS[0])
RUN_CUES = tuple(sorted(VOCAB.run_cues, key=len, reverse=True))
#: first characters of the run verbs: a cheap first filter when walking a sentence
CUE_FIRST_CHARS = frozenset(c[0] for c in RUN_CUES)
#: the verbs an unquoted name may follow: the run verbs and, before a study rule only, 完善/坚持
UNQUOTED_CUES = tuple(sorted(RUN_CUES + VOCAB.study_cues, key=len, reverse=True))
UNQUOTED_CUE_FIRST_CHARS = frozenset(c[0] for c in UNQUOTED_CUES)
#: what ends a drive's theme on its left: a run verb or a word of stance or joining
LEFT_STOPS = tuple(sorted(set(RUN_CUES) | set(VOCAB.left_stops), key=len, reverse=True))
PLAN_DOCUMENT_WORDS = tuple(r[0] for r in rows("policy_types.tsv") if r[1] == "plan")
#: the words a document's title ends in (policy_types.tsv; rows typed none are no documents)
DOCUMENT_WORDS = tuple(sorted((r[0] for r in rows("policy_types.tsv") if r[1] != "none"), key=len, reverse=True))
#: a sentence that is a section heading (（三）持续完善依法行政制度体系) states a theme, not a programme run
HEADING_LIKE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]{1,2}[.．、](?![0-9]))"
)


def kind_word_ending(name: str, quoted: bool = True) -> str | None:
    """The longest kind word ``name`` ends with (unquoted names may not end in quoted-only words)."""
    for word in KIND_WORDS:
        if name.endswith(word) and (quoted or not VOCAB.kinds[word][1]):
            return word
    return None


def is_slogan(core: str) -> bool:
    """两个确立, 四个意识, 习近平法治思想, 两升两降: doctrine and goals, not programmes."""
    return any(p.search(core) for p in VOCAB.doctrine)


def is_generic(core: str) -> bool:
    """A name made only of generic work words (法治宣传, 服务) names no particular programme."""
    rest = core
    for word in VOCAB.generic:
        rest = rest.replace(word, "")
    return len(re.sub(r"[^" + HAN + r"0-9A-Za-z]", "", rest)) < 2


def is_description(raw: str, core: str) -> bool:
    """Words that describe work rather than name a programme.

    权责明晰、运转高效的组织保障体系 qualifies a kind word with paired four-character
    adjectives; 12场集中宣传活动 counts events; 党领导法治建设制度和工作机制 joins two kind
    words (联席会议制度和定期通报机制); 行政规范性文件各项制度 covers a field's rules at once;
    矛盾纠纷化解新机制 praises a way of working as new rather than naming it.
    None of them is a name a body gave to something it set up.
    """
    return bool(
        DESCRIPTIVE_PAIRS.match(raw)
        or COUNTED.match(raw)
        or any(j in core for j in KIND_JOINERS)
        or core.endswith(VOCAB.collective + VOCAB.novelty)
    )


#: (cue, area): a word of the name that settles an initiative's area (initiative_area_cues.tsv)
NAME_AREA_CUES = tuple((r[0], r[1]) for r in rows("initiative_area_cues.tsv"))


def _record(
    sentence: Sentence, name: str, kind: str, start: int, end: int, rule: str, cue_words: str = ""
) -> InitiativeRecord:
    """The record of one name; ``cue_words`` are words of the text that belong with the name
    when its area is read (“免办证”事项: the matters are administrative ones) but not in it."""
    return InitiativeRecord(
        name=name,
        kind=kind,
        status="planned" if sentence.section == "plans" else "done",
        evidence=Evidence.of(sentence, start, end, rule=f"initiatives.{rule}"),
        area=name_area(name + cue_words)
        or area_of(name)
        or area_of(_clause_around(sentence.text, start, end), sentence.heading, sentence.text)
        or area_of(sentence.text, sentence.heading),
    )


#: what bounds the clause a name sits in (a comma splits a long sentence into pieces of work)
CLAUSE_MARKS = re.compile(r"[，,；;。：:！!？?]")
#: “城管十进”活动(进广场、进公园、进企业…): an aside in brackets lists where the work went, not what it is
ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause between punctuation that holds ``text[start:end]``: 梳理“免办证”事项 225 项 in a
    sentence that lists a county's legal aid, notarisation and government services. A name
    with no keyword of its own takes its area from the work its clause names before the
    sentence's (whose keywords are another clause's), so the clause weighs most; an aside in
    brackets is left out."""
    before = [m.end() for m in CLAUSE_MARKS.finditer(text, 0, start)]
    after = CLAUSE_MARKS.search(text, end)
    clause = text[before[-1] if before else 0 : after.start() if after else len(text)]
    return ASIDE.sub("", clause)


def name_area(name: str) -> str | None:
    """谁执法谁普法, 会前学法常态化机制: a word of study or publicity in the name makes the
    programme legal education, whatever other keywords (执法, 会前学法 under coordination) say."""
    return next((area for cue, area in NAME_AREA_CUES if cue in name), None)


def _modifier_allowance(core: str) -> int:
    """“管、评、调”三位一体化解…工作法: a quote that only lists one-character steps says little
    alone, so the words after it that complete the name may run longer."""
    items = re.split(r"[、，,]", core)
    return MAX_MODIFIER // 2 if len(items) > 1 and all(1 <= len(x) <= 2 for x in items) else 0


def _kind_after(text: str, pos: int, allowance: int = 0) -> tuple[str, str, int] | None:
    """A kind word shortly after ``pos`` (the end of a quote): (modifier, kind word, end)."""
    i = pos + 1 if text.startswith("的", pos) else pos
    if text.startswith("等", i):
        return None
    year = YEAR.match(text, i)
    j = year.end() if year else i
    longest = MAX_MODIFIER + allowance + (len(year.group()) if year else 0)
    unended = None
    while j < len(text) and j - i <= longest + LONGEST_KIND and NAME_RUN.match(text[j]):
        j += 1
        for word in KIND_WORDS:
            at = j - len(word)
            if not text.startswith(word, at) or at < i:
                continue
            if not (_ends_name(text, j) or text.startswith(VOCAB.quoted_end_follow, j)):
                unended = unended or (_unended_kind(text[i:at], word, j) if i == pos else None)
                continue
            modifier = text[i:at]
            if len(modifier) > longest or modifier.endswith("等"):
                return None  # “书面传达”学等方式: 等 closes a list of ways, the quote names one item
            if _too_long_for(modifier, word) or (
                any(c in modifier for c in RUN_CUES) and modifier not in VOCAB.kinds
            ):
                return None  # a run verb between is another clause (…”,开展X活动), unless it is a kind (创建试点)
            return modifier, word, j
    immediate = next((w for w in KIND_WORDS if text.startswith(w, pos)), None)
    if immediate:  # “规范性文件集中发布”专栏予以公布: a kind word right after the quote ends the name
        return "", immediate, pos + len(immediate)
    return unended


def _too_long_for(modifier: str, word: str) -> bool:
    """A quoted-only kind word (改革, 服务) takes a short modifier (“小切口”法治督察); a longer
    run is a clause of its own, unless the run itself ends in a standing kind word: then the
    pair is one kind phrase (“三证合一、一照一码”工商登记制度改革)."""
    return (
        len(modifier) > MAX_QUOTED_ONLY_MODIFIER
        and VOCAB.kinds[word][1]
        and kind_word_ending(modifier, quoted=False) is None
    )


def _unended_kind(modifier: str, word: str, end: int) -> tuple[str, str, int] | None:
    """“12348”法律服务热线提档升级, “派驻制”调解模式在我省推广: a standing kind word a short
    modifier after a quote names the programme even when the sentence runs straight on into
    its verb; quoted-only words (服务, 建设), run verbs in between and a kind word tied by 的
    (“学法治、用法治、守法治”的行动自觉: a stance, not a campaign) are left out."""
    if len(modifier) > MAX_MODIFIER or VOCAB.kinds[word][1] or any(c in modifier for c in RUN_CUES):
        return None
    return modifier, word, end


def _ends_name(text: str, end: int) -> bool:
    """A kind word ends a name when punctuation, a list joiner or a trailer word follows."""
    after = text[end : end + 1]  # one character, not the rest of the text: a call costs the same anywhere
    if not after or not NAME_RUN.match(after) or after.isdigit() or after in COUNT_CHARS + "()（）":
        return True
    return text.startswith(TRAILERS + LIST_JOINERS[1:] + VOCAB.end_follow, end)


def _clean_modifier(modifier: str) -> str:
    """“送法进千企”法律服务专项行动 -> 送法进千企专项行动: filler words between a named quote and
    its kind word are dropped (a code-only quote, “12348”法律服务热线, keeps them: it names nothing alone)."""
    modifier = YEAR.sub("", modifier).strip()
    for word in VOCAB.drop:
        if modifier == word or modifier.startswith(word):
            modifier = modifier[len(word) :]
    return modifier


def _cue_before(text: str, pos: int) -> str | None:
    """The run verb ending right before ``pos``, across a qualifier (坚持和发展新时代“枫桥经验”)."""
    head = text[:pos]
    gap = next((g for g in VOCAB.cue_gap if head.endswith(g)), "")
    head = head[: len(head) - len(gap)]
    return next((c for c in RUN_CUES if head.endswith(c)), None)


def _quoted(sentence: Sentence) -> list[InitiativeRecord]:
    """Quoted names; inside a 《》 title (《关于开展“八大提升行动”的实施方案》) only those the
    title names as a campaign or drive (行动, 活动, 专项行动, 创建, 工程, 监管)."""
    text, out = sentence.text, []
    titles = book_title_spans(text)
    quotes = list(QUOTE.finditer(text))
    goal_frames = [f.span() for f in SERVED_FRAME.finditer(text)] if quotes else []
    for n, m in enumerate(quotes):
        core = m.group(1).strip()
        in_title = inside(m.start(), titles)
        after, before = text[_list_end(text, quotes, n) :], text[: m.start()]
        if after.startswith(VOCAB.after) or after.lstrip("的").startswith(VOCAB.after):
            continue
        if after.startswith(VOCAB.served) and not _is_campaign(core):
            continue
        if before.endswith(VOCAB.before):
            continue
        if _describes_a_way_of_working(core, after) or _in_occasion_list(text, quotes, n):
            continue
        if _qualifies_a_setup(after):
            continue
        # “四不两直”和“监管人员+专家+媒体”方式: names joined by 和 share the kind word after the last
        shared_end = _list_end(text, quotes, n, SHARED_KIND_JOINERS)
        found = _kind_after(text, shared_end, _modifier_allowance(core))
        if _names_a_document(core) and not found:
            continue  # “一规划两纲要” names plans; “一规划两纲要”实地督察 is a drive over them
        if core in VOCAB.duty_programmes and not found:
            continue  # 将“述法”纳入… (d207), 打好“述法”基础牌 (holdout10 h161): the duty, as unquoted
        if _quotes_doctrine(core, found) or _is_place_slogan(core, found):
            continue
        if _serves_a_goal(found[1] if found else kind_word_ending(core), m.start(), goal_frames):
            continue
        if in_title and not (found and found[1] in VOCAB.title_kinds):
            found = _title_kind_right_after(text, shared_end) or found
        if (
            in_title
            and not (found and found[1] in VOCAB.title_kinds)
            and kind_word_ending(core) not in VOCAB.title_kinds
        ):
            continue  # inside a document's title only a named campaign or drive is a programme
        if found:
            modifier, word, end = found
            name = core + (_clean_modifier(modifier) if HAN_RUN.search(core) else modifier) + word
            if not _names_a_body(name) and not is_mediation_studio(core + modifier + word, text):
                span_end = end if m.end() == shared_end else m.end()
                head = _head_before(text, quotes, n) if len(core) <= MAX_NICKNAME else m.start()
                out.append(
                    _record(
                        sentence,
                        _plain(text[head : m.start()] + name),
                        VOCAB.kinds[word][0],
                        head,
                        span_end,
                        "quote_kind_after",
                    )
                )
            continue
        if not HAN_RUN.search(core):
            continue  # “118”, “12345”: a number or a code names nothing by itself
        own = kind_word_ending(core)
        if own and _is_quoted_clause(core, own):
            continue
        listed = _list_kind(text, quotes, n)
        cue = _cue_before(text, quotes[_run_start(text, quotes, n)].start())
        bare_cue = cue if cue and cue not in VOCAB.cue_kinds else None
        items = _service_items(core, text, m.end())
        kind, rule = (
            (VOCAB.kinds[own][0], "quote_own_kind")
            if own
            else ("service", SERVICE_ITEMS_RULE)
            if items is not None
            else (listed, "quote_listed_kind")
            if listed
            else (VOCAB.run_cues[bare_cue], "quote_after_run_verb")
            if bare_cue
            else (_bare_quote_kind(core), "bare_quote")
        )
        name, end = core, m.end()
        if items is not None:
            name, end = core + text[m.end() : items], items
        if (
            rule == "bare_quote"
            and PLUS_FORMULA.fullmatch(core)
            and _modifies_what_follows(text, _list_end(text, quotes, n, "[、,，]?"))
        ):
            continue
        if rule == "quote_after_run_verb":
            run_on = _run_on(text, m.end())
            if run_on is None:
                continue
            name, end = core + text[m.end() : run_on], run_on
        body_words = core if items is not None else name  # “一件事”联办事项: 办 there is a verb, not an office
        if kind and not _names_a_body(body_words) and not is_mediation_studio(name, text):
            nickname = rule == "quote_own_kind" and len(core) - len(own or "") <= MAX_NICKNAME
            head = _head_before(text, quotes, n) if nickname else m.start()
            cue_words = text[end : end + len(SERVICE_ITEMS_WORD)] if items is not None else ""
            out.append(_record(sentence, _plain(text[head : m.start()] + name), kind, head, end, rule, cue_words))
    return out


def _modifies_what_follows(text: str, end: int) -> bool:
    """“科技创新+先进制造”城市定位 (dev8 h138), 通过“空间重构+力量重组”实现了 (holdout6 h85): a formula
    of words joined by + with no kind word and no run verb before it that runs straight on into
    words of its own qualifies what follows or is the subject of a clause: it is a way of putting
    things, not a name the report gives a programme; a formula that names one stands alone or in a
    list (“调解+公证”“调解+仲裁”等 holdout h15, “信易+服务”, h59). Paired names (“一村一法律顾问”服务)
    are not asked: their shape names a programme whatever follows."""
    if text.startswith("的", end):  # 形成“顶层设计+责任分解+落地实施”的工作闭环 (holdout8 h113): what it makes
        phrase = re.match(rf"[{HAN}]{{1,8}}", text[end + 1 :])
        return phrase is not None and _longest_kind_phrase(phrase.group()) is None
    return end < len(text) and HAN_CHAR.match(text[end]) is not None and not text.startswith(NOT_A_NOUN, end)


def _serves_a_goal(word: str | None, start: int, frames: list[tuple[int, int]]) -> bool:
    """为“法治古镛”建设提供强有力的法治保障 (holdout3 h40), 为高水平推进“双示范”建设、…提供坚强的法治保障
    (h51), 为加快打造“一极三城”建设…提供 (d601): a quoted name whose kind word only a quote makes one
    (建设, 服务) inside the frame 为…提供 is the goal the report's work serves, not a programme it
    ran; a campaign or a model there (为…“十项行动”提供 h01, 为…“晋江经验”新篇章提供 h65) keeps its
    standing kind word and is not affected."""
    return (
        word is not None
        and VOCAB.kinds[word][1]
        and any(a <= start < b for a, b in frames)
    )


def _service_items(core: str, text: str, end: int) -> int | None:
    """梳理“免办证”事项 225 项 (h45), 上线…“一件事一次办”事项333件 (w307), 完善“一件事”联办事项 (h34):
    a quoted name whose matters (事项) the report lists or counts is a service a body offers; the
    few characters between quote and 事项 (联办) are part of its name. Returns where the name ends."""
    m = SERVICE_ITEMS.match(text, end)
    if m is None or len(core) < MIN_SERVICE_ITEMS_CORE or not HAN_RUN.search(core) or is_generic(core):
        return None
    return m.end(1)


def _head_before(text: str, quotes: list[re.Match[str]], n: int) -> int:
    """Where a quoted nickname's unquoted head starts: 开展农民工欠薪法律援助“暖冬行动”, 全面推行行政执法
    “三项制度”, 以全力推动覆盖城乡公共法律服务体系建设“民心工程”为载体. The words between a run verb
    and a short quote (``MAX_NICKNAME``) are the field the programme works in and part of its name
    (开展行政执法领域“小切口”法治督察 keeps its quote's name: the caller decides); without a run verb
    within ``MAX_HEAD`` characters, or when the words are a level, a time or a qualifier (全县,
    省委, 首家, 年度, 新时代), a second verb (深化拓展“…”行动) or a joined verb (践行和发展), the
    name is the quote's."""
    start = quotes[n].start()
    if n > 0 and text[quotes[n - 1].end() : start] in ("", "、"):
        return start  # “A”“B”: the verb's head belongs to the first of the run
    j, glossed = start, 0
    while j > 0 and start - j - glossed < MAX_HEAD:
        gloss = _gloss_before(text, j)
        if gloss:  # 開通了農(nóng)民工法律援助維權(quán)“綠色通道”: a reading in pinyin is no character of the head
            j, glossed = j - gloss, glossed + gloss
            continue
        if not HAN_CHAR.match(text[j - 1]):
            break
        j -= 1
        cue = next((c for c in RUN_CUES if text.endswith(c, 0, j)), None)
        if cue is None:
            continue
        # 落实行政执法: 实行 ends inside 落实, so the verb is 落实 and the head 行政执法
        j = next((k for k in range(j - len(cue) + 1, j) if text.endswith(RUN_CUES, 0, k)), j)
        head = text[j:start].lstrip("了起")
        if (
            len(head) >= MIN_SHORT_CORE
            and not head.endswith(VOCAB.cue_gap)
            and not head.startswith(VOCAB.owners + VOCAB.verb_start + HEAD_OPENERS + LIST_JOINERS)
            and not any(f in head for f in VOCAB.fillers)
            and TITLE_ABOUT not in head
        ):
            return start - len(head)
        return start
    return start


#: a pinyin gloss ending a piece of text (農(nóng)): at most eight characters, brackets included
GLOSS_AT_END = re.compile(PINYIN_GLOSS.pattern + "$")


def _gloss_before(text: str, j: int) -> int:
    """How long the pinyin gloss ending at ``j`` is (0 for none); read only when a bracket closes there."""
    if text[j - 1] not in ")）":
        return 0
    m = GLOSS_AT_END.search(text, max(0, j - 8), j)
    return len(m.group()) if m else 0


def _title_kind_right_after(text: str, end: int) -> tuple[str, str, int] | None:
    """《…“双随机、一公开”监管年度抽查计划》: inside a title, a campaign or drive word right after
    the quote names the programme, though a longer phrase (年度抽查计划) runs on after it."""
    word = next((w for w in VOCAB.title_kinds if text.startswith(w, end)), None)
    return ("", word, end + len(word)) if word else None


def _is_quoted_clause(core: str, own: str) -> bool:
    """“坚持全面依法治国,推进法治中国建设”: clauses split by a comma that end in a word only a
    quote makes a kind (建设, 服务, 改革) are a quoted line of policy, not a programme's name;
    paired names split by a comma (“谁执法,谁普法”) carry no kind word and are not affected.
    A quote that opens with a verb of improving and ends in such a word (“推进法治中国建设”工作目标,
    “深化六个改革”要求) is a task set by a line of policy the same way."""
    return VOCAB.kinds[own][1] and (bool(re.search(r"[，,]", core)) or core.startswith(VOCAB.verb_start))


def _is_campaign(name: str) -> bool:
    """Whether the name ends in a campaign's kind word (十项行动, …三年行动)."""
    word = kind_word_ending(name)
    return word is not None and VOCAB.kinds[word][0] == "campaign"


def _served_campaigns(sentence: Sentence) -> list[InitiativeRecord]:
    """为全面振兴新突破三年行动提供有力的法治保障, ,服务大扶贫战略行动,: a report states the campaign
    its work serves; an unquoted name between 为 and 提供, or after 服务 opening a clause, that ends in a
    campaign word is that campaign (a goal there, 为高质量发展提供保障, 服务经济社会发展, ends in no
    kind word and stays out)."""
    text, out = sentence.text, []
    for m in [*SERVED_CAMPAIGN.finditer(text), *SERVING_CAMPAIGN.finditer(text)]:
        name = m.group(1)
        word = kind_word_ending(name, quoted=False)
        core = name[: len(name) - len(word)] if word else ""
        if (
            word
            and VOCAB.kinds[word][0] == "campaign"
            and len(core) >= 3
            and not is_generic(core)
            and not (is_slogan(core) and is_slogan(name))  # 大扶贫战略行动: a strategy's campaign is one
        ):
            out.append(_record(sentence, name, "campaign", m.start(1), m.end(1), "served_campaign"))
    return out


def _run_on(text: str, end: int) -> int | None:
    """Where the phrase a quote opens ends: 开展“法律明白人”线上培训, 打造“办小助”AI机器人.

    A quote with no kind word that runs straight on into more words is the head of the
    phrase the verb governs, and the phrase is the name; past ``MAX_MODIFIER`` characters the
    run is a clause of its own and the quote names nothing (None)."""
    j = end
    while j < len(text) and NAME_RUN.match(text[j]) and not text.startswith(NOT_A_NOUN, j):
        j += 1
        if j - end > MAX_MODIFIER:
            return None
    return j


def _quotes_doctrine(core: str, found: tuple[str, str, int] | None) -> bool:
    """“四个意识”, “习近平法治思想”: doctrine in quotes. “八大提升行动” names its campaign, and a
    kind word after the quote can name a column or a mechanism for the doctrine
    (“深入学习贯彻习近平法治思想”专栏), unless the whole name is doctrine too (“党史”学习教育).
    A counted name with a campaign word right after it (“三个年”活动) is a campaign like
    “八大提升行动”."""
    if not is_slogan(core) or kind_word_ending(core) in VOCAB.counted_kinds:
        return False
    if found is not None and not found[0] and found[1] in VOCAB.counted_kinds:
        return False
    return found is None or is_slogan(core + found[0] + found[1])


def _is_place_slogan(core: str, found: tuple[str, str, int] | None) -> bool:
    """“平安大荔、法治大荔”建设, “法治大荔”建设: a county's rule-of-law or public-safety slogan
    (place_slogan + the place's name) is the goal a report works toward, like 法治中国; with a word
    only a quote makes a kind (建设) or none it names no programme, while a standing kind word
    after it (“法治大荔”微信公众平台) still names one."""
    if found is not None and (found[0] or not VOCAB.kinds[found[1]][1]):
        return False
    items = re.split(r"[、，,]", core)
    return all(
        any(item.startswith(w) and gazetteer.lookup(item[len(w) :]) for w in VOCAB.place_slogans) for item in items
    )


def _bare_quote_kind(core: str) -> str | None:
    """A quoted name with no kind word near it (“跨省通办”, “谁执法,谁普法”, “一村一法律顾问”).

    Reports quote metaphors (“组合拳”, “急难愁盼”) as often as programme names, so a bare
    quote counts only in the shapes programme names take: a word of working (联动, 通办,
    对接, read from data), a paired pattern (一X一Y, 谁X谁Y) or a habit (逢会必学)."""
    paired = PAIRED_PATTERN.fullmatch(core) is not None  # its halves may be split by a comma
    if (
        len(core) < 3
        or (not paired and re.search(r"[0-9]{2,}|[，,。；;：:！!？?]", core))
        or is_generic(core)
    ):
        return None
    for word, kind in VOCAB.bare_kinds:
        if word in core:
            return None if kind == NO_KIND else kind
    if paired or HABIT_PATTERN.search(core):
        return "mechanism"
    return "model" if PLUS_FORMULA.fullmatch(core) else None


def _describes_a_way_of_working(core: str, after: str) -> bool:
    """“能划则划、因事制宜”的原则: a quoted run of clauses tied by 的 to a generic phrase ending in
    a quoted-only kind word (原则, 方式, 要求) states a principle the work follows; it names no
    programme. A standing kind word there (“分层分类、全员覆盖”的学习体系, “重点项目统筹、…”的工作机制)
    is a system or mechanism the body built, which the real-text gold names, so it is left to
    the other rules, as is a named kind phrase (…”的递进式纠纷分层过滤体系)."""
    rest = after.lstrip()
    if "、" not in core or not rest.startswith("的"):
        return False
    run = re.match("[" + HAN + "]{1,8}", rest[1:])
    phrase = run.group(0) if run else ""
    found = _longest_kind_phrase(phrase)
    return found is not None and VOCAB.kinds[found[1]][1] and is_generic(phrase[: found[0] - len(found[1])])


def _qualifies_a_setup(after: str) -> bool:
    """构建“小事不出村,大事不出镇,矛盾不上交”的矛盾纠纷调解格局 (holdout10 h171), 形成“党委领导、政府负责…”的
    工作格局 (h66, w107, holdout4 h50), “大调解”格局 (d505): a quote tied to the setup a body forms
    (setup_end: 格局) describes how the work is arranged; no gold names one as a programme."""
    rest = after.lstrip()
    rest = rest[1:] if rest.startswith("的") else rest
    return SETUP_PHRASE.match(rest) is not None


def _longest_kind_phrase(phrase: str) -> tuple[int, str] | None:
    """The longest head of ``phrase`` that ends in a kind word, as (its length, the word): in
    “谁执法谁普法、…”的普法责任制度 (holdout8 h117) the phrase is 普法责任制度, a standing rule, though
    its head 普法责任制 ends in a quoted-only word; “A、B”的方式 stays a way of working."""
    for size in range(len(phrase), 0, -1):
        word = kind_word_ending(phrase[:size])
        if word:
            return size, word
    return None


def _plain(name: str) -> str:
    return re.sub(r"[“”\s]", "", name)


def _names_a_body(core: str) -> bool:
    """“老兵调解室”, “红袖标”义务巡逻队: quoted bodies are organisations, not programmes."""
    return core.endswith(VOCAB.body) and not core.endswith(VOCAB.service_end)


def _list_end(text: str, quotes: list[re.Match[str]], n: int, separators: str = "") -> int:
    """Where a run of adjacent quoted names starting at quote ``n`` ends.

    Juxtaposed names share what follows (“雪亮”“天网”“慧眼”工程 are three 工程); names
    separated by 、 are items of an enumeration, and only ``separators="[、,，]?"`` joins those.
    """
    k = n
    while k + 1 < len(quotes) and re.fullmatch(separators, text[quotes[k].end() : quotes[k + 1].start()]):
        k += 1
    return quotes[k].end()


def _names_a_document(core: str) -> bool:
    """“一规划两纲要”: a nickname for plan documents, not a programme (a kind word after it
    names a drive over the plans: “一规划两纲要”实地督察)."""
    return core.endswith(PLAN_DOCUMENT_WORDS)


def _in_occasion_list(text: str, quotes: list[re.Match[str]], n: int) -> bool:
    """“3·15”、“反邪教宣传月”等特定普法节日: quoted names listed as the dates or occasions work was
    timed to (节日, 节点, 纪念日) are days on a calendar, not programmes the body ran. The list is
    read to the clause's end, not quote by quote: copied texts drop closing quotes in lists."""
    start = quotes[n].end()
    stop = CLAUSE_END.search(text, start)
    clause = text[start : stop.start() if stop else len(text)]
    m = OCCASION_TAIL.search(clause)
    return bool(m) and any(word in m.group(1) for word in VOCAB.occasions)


def _run_start(text: str, quotes: list[re.Match[str]], n: int) -> int:
    """The first quote of the run quote ``n`` ends (实施“容缺办理”“多证合一”): juxtaposed or
    、-joined quotes are the objects of one verb, so the verb before the first governs them all."""
    k = n
    while k > 0 and text[quotes[k - 1].end() : quotes[k].start()] in ("", "、"):
        k -= 1
    return k


def _list_kind(text: str, quotes: list[re.Match[str]], n: int) -> str | None:
    """The kind a list of quoted names shares: “A”“B”“C”等专项普法活动 -> campaign."""
    tail = text[_list_end(text, quotes, n, "[、,，]?") :]
    m = re.match(rf"等([{HAN}]{{0,8}})", tail)
    if not m:
        return None
    words = m.group(1)
    for end in range(len(words), 0, -1):
        word = kind_word_ending(words[:end])
        if word:
            return VOCAB.kinds[word][0]
    return None


def _without_fillers(name: str) -> str:
    """市县乡三级全覆盖的…工作体系 -> 市县乡三级…工作体系: descriptive fillers are not part of a name."""
    for word in VOCAB.fillers:
        name = name.replace(word, "")
    return name


def _unquoted(sentence: Sentence) -> list[InitiativeRecord]:
    """Names right after a run verb ending in a kind word: 建立合法性协助审核机制, 开展…试点.

    Inside a 《》 title (《关于建立领导干部…清单制度的意见》) the verb is the document's, not
    the reporting body's: the title is a policy, and the rule it sets up is named there only."""
    text, out = sentence.text, []
    if HEADING_LIKE.match(text) and len(text) < 40:
        return out
    titles = book_title_spans(text)
    pos = 0
    while pos < len(text):
        cue = (
            next((c for c in UNQUOTED_CUES if text.startswith(c, pos)), None)
            if text[pos] in UNQUOTED_CUE_FIRST_CHARS
            else None
        )
        if (
            not cue
            or (sentence.section == "plans" and cue in VOCAB.plan_generic_cues)
            or (pos > 0 and text[pos - 1] == "”")  # “示范市”创建活动: after a quote, 创建 is its kind word
            or inside(pos, titles)
        ):
            pos += 1
            continue
        allowed = VOCAB.cue_kinds.get(cue)
        start = pos + len(cue)
        if text.startswith(("了", "起"), start):  # 组织开展了X, 构建起X: the particle belongs to the verb
            start += 1
        start = _past_quoted_items(text, _past_joined_verb(text, start))
        year = YEAR.match(text, start)  # 开展2023年度X述法: the year dates the run, not the name
        if year:
            start = year.end()
        pos = start
        while True:
            found = _unquoted_name(text, start)
            if not found:
                whole = _whole_run(text, start) if cue in VOCAB.bare_cues else None
                if whole:
                    out.append(
                        _record(
                            sentence, text[start:whole], VOCAB.run_cues[cue], start, whole, "run_verb_bare"
                        )
                    )
                break
            end, word = found
            if _joined_to_another_kind(text, end):
                break
            name = _without_fillers(text[start:end])
            core = name[: len(name) - len(word)]
            kind = VOCAB.kinds[word][0]
            if (
                (not is_generic(core) or _names_an_event(core))
                and not (is_slogan(core) and is_slogan(name))
                and (word in VOCAB.verb_named_kinds or not core.startswith(VOCAB.verb_start))
                and not core.startswith(VOCAB.describing_starts)
                and not is_description(text[start:end], core)
                and (
                    _theme_length(name) >= MIN_CORE
                    or (len(core) == MIN_SHORT_CORE and word in VOCAB.short_name_kinds)
                )
                and (not allowed or kind in allowed)
                and (cue not in VOCAB.owned_cues or _opens_with_owner(name))
                and word not in VOCAB.standing_rules
                and (cue not in VOCAB.study_cues or _is_study_rule(core))
            ):
                rule = "study_rule" if cue in VOCAB.study_cues else "run_verb_kind"
                out.append(_record(sentence, name, kind, start, end, rule))
            joiner = next((j for j in LIST_JOINERS if text.startswith(j, end)), None)
            if not joiner:
                break
            start = end + len(joiner)
            pos = start
    return out


def _is_study_rule(core: str) -> bool:
    """完善党委理论学习中心组学法制度 (d405), 坚持党组会议学法制度 (holdout9 h145), 完善年终述法制度
    (h151), 完善学法用法制度 (holdout10 h161): a rule of studying or reporting on the law (study_word)
    is a named rule a body keeps up whether it sets it up, improves it (完善) or holds to it (坚持);
    other rules after 完善 are improved standing work (完善依法行政制度, 完善工作机制: study_run)."""
    return any(w in core for w in VOCAB.study_words)


def _theme_length(name: str) -> int:
    """How long a name is before its shortest kind word: 府院联动机制 is 府院联动 + 机制 though the
    longest kind word it ends in is 联动机制, so its theme is long enough to name a programme."""
    shortest = min((w for w in KIND_WORDS if name.endswith(w) and not VOCAB.kinds[w][1]), key=len, default="")
    return len(name) - len(shortest)


def _names_an_event(core: str) -> bool:
    """普法宣传月活动: a head of generic words that ends in a kind word of its own (宣传月) names
    a particular event, so the whole is a campaign; 法治宣传活动 stays generic work."""
    word = kind_word_ending(core, quoted=False)
    return word is not None and word != core


def _past_quoted_items(text: str, start: int) -> int:
    """组织开展“法律七进”、普法宣传月活动: quoted items the verb lists first are read by the
    quote rules; the unquoted name after them is the verb's object too."""
    while text.startswith("“", start):
        close = text.find("”", start + 1, start + 1 + MAX_NAME)
        if close < 0 or not text.startswith("、", close + 1):
            break
        start = close + 2
    return start


def _past_joined_verb(text: str, start: int) -> int:
    """健全和完善依法行政机制: a second verb joined to the cue by 和/及/与 belongs to the verb
    phrase, so the name starts after it (else it would open with 和完善…)."""
    if not text.startswith(LIST_JOINERS[1:], start):
        return start
    verb = next((c for c in RUN_CUES + VOCAB.verb_start if text.startswith(c, start + 1)), None)
    return start + 1 + len(verb) if verb else start


def _opens_with_owner(name: str) -> bool:
    """依托省一体化政务服务平台, 依托浙江政务服务网事项管理平台: a platform a higher level runs
    opens with its owner, a level word (省, 国家: initiative_stoplist.tsv) or a province's name."""
    return name.startswith(VOCAB.owners) or any(
        p.level == "province" for k in range(2, MAX_PROVINCE_NAME + 1) for p in gazetteer.lookup(name[:k])
    )


def _joined_to_another_kind(text: str, end: int) -> bool:
    """联席会议制度和定期通报机制, 的制度和工作机制: two kinds joined by 和 describe a way of
    working (a list of names is written with 、)."""
    joiner = re.match(rf"[和与及]([{HAN}]{{1,8}})", text[end:])
    return bool(joiner) and any(
        kind_word_ending(joiner.group(1)[:n], quoted=False) for n in range(2, len(joiner.group(1)) + 1)
    )


def _platforms_at_clause_start(sentence: Sentence) -> list[InitiativeRecord]:
    """省行政执法监督管理平台上我区录入率…: a named platform the work happened on, though no verb set it up."""
    out = []
    for m in PLATFORM_AT_CLAUSE_START.finditer(sentence.text):
        name = m.group(1)
        core = name[:-2]
        if len(core) >= 5 and not is_generic(core) and not is_slogan(core):
            out.append(_record(sentence, name, "platform", m.start(1), m.end(1), "platform_at_clause_start"))
    return out


def _place_named_platforms(sentence: Sentence) -> list[InitiativeRecord]:
    """依托郑州市信用平台, 牵头负责玄武区行政执法统一公示平台的维护, 借助…四川省国家工作人员学法考法
    平台: a platform whose name opens with a place (a province, city or county) is that
    place's own named platform, whatever verb governs it; 手机短信平台 or 实体平台 name a channel.

    The name runs left from 平台 over Han characters to the farthest place name within
    ``MAX_PLATFORM_NAME`` characters; inside a document's title it is the document's."""
    text, out = sentence.text, []
    titles = book_title_spans(text)
    for m in re.finditer(PLATFORM_WORD, text):
        if inside(m.start(), titles):
            continue
        start = None
        j = m.start()
        while j > 0 and HAN_CHAR.match(text[j - 1]) and m.start() - j < MAX_PLATFORM_NAME:
            j -= 1
            if _opens_with_place(text[j : m.start()]):
                start = j
        if start is None:
            continue
        name = text[start : m.end()]
        if m.start() - start >= MIN_PLATFORM_NAME and not is_slogan(name):
            out.append(_record(sentence, name, "platform", start, m.end(), "place_named_platform"))
    return out


def _digital_platforms(sentence: Sentence) -> list[InitiativeRecord]:
    """用好智慧调解平台 (holdout11 h190), 启动农民工讨薪线上服务平台 (w206), 上线政府信息依申请公开电子答复
    系统 (holdout11 h177), “新疆智慧普法依法治理云平台” (holdout10 h161): a platform or system named by the
    digital way it works (digital_mode: 智慧, 线上, 电子…) is one a body built, whatever verb governs it (all
    gold); 公共法律服务平台 or 实体平台 name a kind of channel. Its name runs left over Han characters to a
    verb or joiner (LEFT_STOPS) and no further than a platform's name may run; inside a document's title it
    is the document's."""
    text, out = sentence.text, []
    titles = book_title_spans(text)
    for m in DIGITAL_PLATFORM.finditer(text):
        if inside(m.start(), titles):
            continue
        start = m.start()
        while (
            start > 0
            and HAN_CHAR.match(text[start - 1])
            and m.end() - start < MAX_PLATFORM_NAME
            and not text.endswith(LEFT_STOPS + VOCAB.platform_left_stops, 0, start)
        ):
            start -= 1
        name = text[start : m.end()]
        if text.endswith(LIST_JOINERS[1:], 0, start):
            continue  # 网上政务服务和电子监察系统 (w302): two ways of working described together
        if any(w in name for w in VOCAB.digital_modes) and not is_slogan(name):
            out.append(_record(sentence, name, "platform", start, m.end(), "digital_platform"))
    return out


def _opens_with_place(words: str) -> bool:
    """Whether ``words`` open with the name of a province, city or county (郑州市, 玄武区, 四川省)."""
    return any(
        p.level in PLATFORM_OWNER_LEVELS
        for k in range(MIN_PLACE_NAME, min(len(words), MAX_PROVINCE_NAME) + 1)
        for p in gazetteer.lookup(words[:k])
    )


def _standing_programmes(sentence: Sentence) -> list[InitiativeRecord]:
    """扎实开展2023年度述法工作, 推动述法工作常态化, 将领导干部述法工作列入考核, 年终述法活动:
    a programme word every body runs under its own name (述法, leaders reporting on the rule of
    law; initiative_stoplist.tsv, standing_programme) names the programme when the report writes
    it as a piece of work or an event; 现场述法 or 述职述法 alone describe how it was done.

    The holder written right before it (领导干部, 党政主要负责人) is part of the name; 活动 after it makes it a
    campaign, 工作 a mechanism."""
    text, out = sentence.text, []
    titles = book_title_spans(text)
    for word in VOCAB.standing_programmes:
        for m in re.finditer(word, text):
            if inside(m.start(), titles):
                continue  # 《关于做好…述法工作的通知》: the document's task, not the body's programme
            follow = next((f for f in VOCAB.programme_follow if text.startswith(f, m.end())), None)
            if word in VOCAB.duty_programmes and follow and text.startswith(VOCAB.meetings, m.end() + len(follow)):
                continue  # 党政主要负责人述法工作专题会议 (holdout12 h200): a meeting on the yearly duty
            holder = next((h for h in VOCAB.programme_holders if text.endswith(h, 0, m.start())), "")
            if follow is None and not (holder and word in VOCAB.held_programmes and _stands_alone(text, m.end())):
                continue
            start = m.start() - len(holder)
            event = follow in VOCAB.kinds and VOCAB.kinds[follow][0] == "campaign"
            if word in VOCAB.duty_programmes and not (holder or event):
                continue  # 开展述法工作 (devset d303, holdout10 h160): the yearly duty, named by no holder
            name = holder + word + (follow if event else "")
            end = m.end() + (len(follow) if event else 0)
            out.append(
                _record(
                    sentence, name, "campaign" if event else "mechanism", start, end, "standing_programme"
                )
            )
    return out


def _stands_alone(text: str, end: int) -> bool:
    """参加国家工作人员学法考法, (holdout8 h115), 落实四川省国家工作人员学法考法要求 (d405): a programme word
    written with who carries it out names the programme whatever follows, unless a kind word
    makes it part of a longer name (国家工作人员学法考法平台 h25: a platform)."""
    return not any(text.startswith(w, end) for w in KIND_WORDS)


def _title_programmes(sentence: Sentence) -> list[InitiativeRecord]:
    """《关于开展行政执法温度提升活动的通知》 (holdout7 h93), 《嘉善县镇(街道)法治思维和法治能力提升工程
    实施方案》 (holdout4 h51), 《2023年气象法治能力提升专项行动方案》 (dev8 h132): a document that sets up a
    campaign or a project names it, unquoted, right before its document word; the gold of each lists
    the programme besides the document. Only the words a title names a drive with (title_kind:
    行动, 活动, 工程) close it, and the issuer, the place, the year and the verb that open the title
    are not part of the name (quoted names in titles are the quote rules')."""
    out = []
    for m in TITLE_BODY.finditer(sentence.text):
        found = _title_programme(m.group(1))
        if found is not None:
            name, at, word = found
            start = m.start(1) + at
            out.append(
                _record(sentence, name, VOCAB.kinds[word][0], start, start + len(name), "title_programme")
            )
    return out


def _title_programme(title: str) -> tuple[str, int, str] | None:
    """The programme a title sets up: (its name, where it starts in the title, its kind word)."""
    doc = next((w for w in DOCUMENT_WORDS if title.endswith(w)), None)
    if doc is None:
        return None
    body = title[: len(title) - len(doc)]
    body = body[: len(body) - 1] if body.endswith("的") else body
    body = body[: len(body) - len(TRAILERS[0])] if body.endswith(TRAILERS[0]) else body
    word = kind_word_ending(body, quoted=False)
    if word is None or word not in VOCAB.title_kinds:
        return None
    at = max([body.rfind(TITLE_ABOUT) + len(TITLE_ABOUT) if TITLE_ABOUT in body else 0]
             + [body.rfind(s) + 1 for s in TITLE_NAME_STOPS if s in body])
    at = _past_title_opening(body, at)
    name = body[at:]
    core = name[: len(name) - len(word)]
    if (
        _theme_length(name) < MIN_CORE
        or is_generic(core)
        or is_slogan(core)
        or not NAME_RUN.match(name[0])
        or any(not NAME_RUN.match(c) for c in name)
        or (core.startswith(VOCAB.verb_start) and word not in VOCAB.verb_named_kinds)
    ):
        return None
    return name, at, word


def _past_title_opening(body: str, at: int) -> int:
    """Past the place, the year and the run verb a title opens with (嘉善县, 2023年, 深入开展)."""
    while True:
        year = YEAR.match(body, at)
        verb = next((c for c in RUN_CUES if body.startswith(c, at)), None)
        place = next(
            (k for k in range(min(MAX_TITLE_PLACE, len(body) - at), MIN_PLACE_NAME - 1, -1)
             if any(p.level in PLATFORM_OWNER_LEVELS for p in gazetteer.lookup(body[at : at + k]))),
            None,
        )
        step = year.end() - at if year else len(verb) if verb else place or 0
        if not step:
            return at
        at += step


def _time_bound_services(sentence: Sentence) -> list[InitiativeRecord]:
    """实现24小时服务, “7×24小时”全天候法律服务, 城市半小时的法律援助服务圈: a service named by the hours it
    keeps (24小时, 7×24小时) or the time it is within reach of (半小时…服务圈) is a named service whatever
    verb governs it (holdout11 h186, devset d503 and d509, dev8 h127, holdout h14: all gold). A quoted
    name over the same words is the quote rules' (initiatives_in keeps the first)."""
    out = []
    for m in TIME_BOUND_SERVICE.finditer(sentence.text):
        name = TIME_SERVICE_FILLERS.sub("", m.group())
        out.append(_record(sentence, name, "service", m.start(), m.end(), "time_bound_service"))
    return out


def _numbered_hotlines(sentence: Sentence) -> list[InitiativeRecord]:
    """借助如法网、12345法律服务热线等 (d503), 行政执法监督与12345政务服务便民热线建立合作机制 (seed 003),
    群众可通过12348公共法律服务热线 (seed 002): a service number with the words up to 热线 names a hotline
    whatever verb governs it, quoted or not (a quoted number is read by the quote rules)."""
    text, out = sentence.text, []
    titles = book_title_spans(text)
    for m in NUMBERED_HOTLINE.finditer(text):
        if not inside(m.start(), titles):
            out.append(_record(sentence, m.group(), "service", m.start(), m.end(), "numbered_hotline"))
    return out


def _coverage_drives(sentence: Sentence) -> list[InitiativeRecord]:
    """X全覆盖工作 (公职律师全覆盖工作全市排名第3位), 推进X全覆盖 (加快推进村(社区)法律顾问全覆盖):
    a drive the report treats as a piece of work or pushes forward.

    实现X全覆盖 states a result and stays out, and so does a duty every body owes (合法性审查, 考核:
    initiative_stoplist.tsv, routine_coverage).
    """
    text, out = sentence.text, []
    for m in re.finditer(COVERAGE, text):
        end = m.start()
        start = end
        while start > 0 and COVERAGE_NAME_CHAR.match(text[start - 1]) and end - start < MAX_BARE_NAME:
            if text[:start].endswith(COVERAGE_LEFT_STOPS):
                break
            start -= 1
        subject = text[start:end]
        as_work = text.startswith("工作", m.end())
        pushed = text[:start].endswith(COVERAGE_PUSH_VERBS)
        if (
            (as_work or pushed)
            and len(subject) >= 4
            and "实现" not in subject
            and not is_generic(subject)
            and not subject.endswith(VOCAB.routine_coverage)
        ):
            span_end = m.end() + (2 if as_work else 0)
            out.append(_record(sentence, subject + COVERAGE, "project", start, span_end, "coverage_drive"))
    return out


def _demonstration_drives(sentence: Sentence) -> list[InitiativeRecord]:
    """法治政府建设示范区创建 (巩固…示范区创建成果, 重视法治政府建设示范创建): a drive to be
    named a model place is a project, named by the theme before it, whatever verb governs it.

    The theme runs left from 示范 over Han characters to a verb or a joiner; a drive with no
    theme (开展示范创建活动) is left out. A document's title names the drive it is written for
    (《佳县法治政府示范创建行动方案》 holdout10 h160, 《郑州市应急管理局创建全国法治政府建设示范市实施方案》
    holdout11 h181, 《关于做好2024年度创建全省法治政府建设示范县相关工作的通知》 w307: all gold), like a
    title's campaign (title_programme); its issuer stops at the run verb or 法治政府 opens the theme. The model
    place alone (命名…法治政府建设示范县, 紧扣建设全国基层法治示范区目标) names the drive too
    when its theme is the rule of law; 长江经济带绿色发展示范区 is an economic zone."""
    text, out = sentence.text, []
    drives = [(m, False) for m in DEMONSTRATION_DRIVE.finditer(text)]
    places = [(m, True) for m in MODEL_PLACE.finditer(text)]
    for m, place_only in sorted(drives + places, key=lambda mp: mp[0].start()):
        start = m.start()
        while (
            start > 0
            and HAN_CHAR.match(text[start - 1])
            and m.start() - start < MAX_DRIVE_THEME
            and not text.endswith(LEFT_STOPS, 0, start)
        ):
            start -= 1
        theme = _from_opener(text[start : m.start()])
        start = m.start() - len(theme)
        if place_only and (MODEL_PLACE_THEME not in theme or COUNTED_PLACES.match(text, m.end())):
            continue
        if len(theme) >= 4 and not is_generic(theme) and not is_slogan(theme):
            out.append(_record(sentence, theme + m.group(), "project", start, m.end(), "demonstration_drive"))
    return out


def _from_opener(theme: str) -> str:
    """紧扣建设全国基层法治示范区, 锚定法治政府建设示范县, 召开…会议暨法治政府建设示范创建: a
    model-place drive's name opens with its level (全国, 省级) or with 法治政府 (drive_opener); the
    verbs and meetings to the left that the leftward run took in are not part of it."""
    at = min((i for i in (theme.find(w) for w in VOCAB.drive_openers) if i >= 0), default=0)
    return theme[at:]


def _whole_run(text: str, start: int) -> int | None:
    """推行行政复议全流程调解, : the end of a short name that runs from the verb to the clause's end."""
    end = start
    while end < len(text) and NAME_RUN.match(text[end]):
        end += 1
    for trailer in TRAILERS:
        if text.endswith(trailer, start, end):
            end -= len(trailer)
    name = text[start:end]
    if not MIN_BARE_NAME <= len(name) <= MAX_BARE_NAME or is_generic(name) or is_slogan(name):
        return None
    if _is_general_reform(name):
        return None  # 推行X制度改革 unquoted: a general reform, not a programme
    return end


def _is_general_reform(name: str) -> bool:
    """Words like 改革 name a programme only inside quotes (“最多跑一次”改革); unquoted they end
    the general reforms every report carries (行政审批制度改革), which name no programme."""
    return name.endswith(VOCAB.unquoted_end)


def _unquoted_name(text: str, start: int) -> tuple[int, str] | None:
    """The end of the first name from ``start`` that closes with a kind word, and that word."""
    j = start
    while (
        j < len(text)
        and j - start < MAX_NAME
        and (NAME_RUN.match(text[j]) or _inner_enumeration(text, j, start))
    ):
        j += 1
        for word in UNQUOTED_KINDS_BY_LAST.get(text[j - 1], ()):
            if j - len(word) <= start:
                continue
            if text.startswith(word, j - len(word)) and _ends_name(text, j):
                if is_generic(text[start : j - len(word)]) and text.startswith(TRAILERS, j):
                    continue  # 行政执法协调监督工作体系|建设试点: the generic head may grow into a name
                return (j, word) if _one_name(text[start:j], word) else None
    return None


def _one_name(name: str, word: str) -> bool:
    """A run across 、 is one name (县、乡、村三级…体系) unless it lists work: counts (培训61场次、…),
    等, campaigns (案卷评查、…检查活动), which are each their own activity, or short items
    ending in a bare kind word (新程序、新机制)."""
    if "等" in name:
        return False
    if any(item.startswith(RUN_CUES + VOCAB.verb_start) for item in name.split("、")[1:]):
        return False  # 推进政府职能转变、健全行政决策机制 (holdout10 h159): a list of tasks, each with its verb
    if _places_a_campaign_goes(name, word):
        return True
    if "、" in name and len(name.rsplit("、", 1)[1]) <= len(word) + 1:
        return False  # 新业务、新程序、新机制: a list of short items, each a bare kind word
    return "、" not in name or (not re.search(r"[0-9]", name) and VOCAB.kinds[word][0] != "campaign")


def _places_a_campaign_goes(name: str, word: str) -> bool:
    """党的二十大精神进机关、进行业、进社区活动: one campaign taken to several places, its items
    after the first each a short 进X (the places it goes), is one name across its 、. The last
    item may carry the campaign's own words before the kind word (…、进小区宣传活动)."""
    items = name[: len(name) - len(word)].split("、")
    return (
        len(items) > 1
        and all(x.startswith(CAMPAIGN_GOES) and len(x) <= MAX_PLACE_ITEM for x in items[1:-1])
        and items[-1].startswith(CAMPAIGN_GOES)
    )


def _inner_enumeration(text: str, j: int, start: int) -> bool:
    """县、乡、村三级联动的网格管理体系: a 、 between short words inside one name, not between names."""
    return text[j] == "、" and j > start and bool(NAME_RUN.match(text[j + 1 : j + 2]))


def with_curly_quotes(sentence: Sentence) -> Sentence:
    """The sentence with 「」 and paired straight quotes written “”, offsets unchanged.

    Traditional-character reports quote with 「」 and web pages often with "…"; the
    rules read one style.
    """
    text = curly(sentence.text)
    return sentence if text == sentence.text else replace(sentence, text=text)


def initiatives_in(sentence: Sentence, context: ReportContext | None = None) -> list[InitiativeRecord]:
    """Every named programme in the sentence, quoted ones first; one record per name."""
    original, sentence = sentence, with_curly_quotes(sentence)
    found: dict[str, InitiativeRecord] = {}
    for rec in (
        _quoted(sentence)
        + _unquoted(sentence)
        + _standing_programmes(sentence)
        + _platforms_at_clause_start(sentence)
        + _place_named_platforms(sentence)
        + _digital_platforms(sentence)
        + _numbered_hotlines(sentence)
        + _time_bound_services(sentence)
        + _title_programmes(sentence)
        + _coverage_drives(sentence)
        + _demonstration_drives(sentence)
        + _served_campaigns(sentence)
    ):
        overlaps = any(
            (rec.evidence.start < r.evidence.end and r.evidence.start < rec.evidence.end)
            or _frames_a_quoted_name(rec, r)
            for r in found.values()
            if not _hotline_inside_a_name(rec, r)
        )
        if rec.name not in found and not overlaps:
            found[rec.name] = rec
    records = sorted(found.values(), key=lambda r: (r.evidence.start, r.name))
    one_per_name: dict[str, InitiativeRecord] = {}
    for r in _one_drive_per_theme(records):  # 民主法治示范村建设 … “全国民主法治示范村(社区)”: one drive
        one_per_name.setdefault(r.name, r)
    records = list(one_per_name.values())
    records += [r for r in tagged_beside(sentence, records) if r.name not in one_per_name]
    if sentence is not original:
        records = [replace(r, evidence=replace(r.evidence, sentence=original.text)) for r in records]
    return records


def _hotline_inside_a_name(rec: InitiativeRecord, other: InitiativeRecord) -> bool:
    """行政执法监督与12345政务服务便民热线建立合作机制试点: a numbered hotline named inside another
    programme's name is a programme of its own (seed 003's gold lists both)."""
    return rec.evidence.rule == HOTLINE_RULE and other.evidence.rule != HOTLINE_RULE


def _frames_a_quoted_name(unquoted: InitiativeRecord, quoted: InitiativeRecord) -> bool:
    """柳江区县乡两级行政执法协调监督体系“柳江模式”, 生态文明贵阳国际论坛“法治保障…”主题论坛:
    an unquoted name running straight into a quoted programme describes or hosts it; the
    quoted name is the programme."""
    return (
        unquoted.evidence.rule == "initiatives.run_verb_kind"
        and quoted.evidence.start == unquoted.evidence.end
        and quoted.evidence.rule.startswith("initiatives.quote")
    )


def initiatives_in_document(doc: Document, context: ReportContext | None = None) -> list[InitiativeRecord]:
    """Every initiative of the report; a plan item the year's work already names is done.

    resolve.py settles status across identical names; here the plan's longer wording
    (“四所一庭一中心”衔接联动工作机制) is matched to the year's shorter mention of its quoted core.
    """
    rooms = _mediation_room_names(doc)
    found = _tagged_apart_from_the_rules(
        _one_drive_per_theme(
        _one_hotline_per_number(
            _fullest_names(
            _headed_names(
                    [i for i in _read_sentences(doc, context) if _quoted_core(i) not in rooms]
                )
            )
        )
    ))
    worked = "\n".join(s.text for s in doc.sentences if s.section != "plans")
    return [replace(i, status="done") if i.status == "planned" and _named_in(i, worked) else i for i in found]


def _brackets_balanced(name: str) -> bool:
    """四個百分百(案中100%調解 (holdout13 h208): a tagged span that opens a bracket and stops
    before it closes was cut in the middle of a list; a name closes what it opens."""
    depth = 0
    for c in name:
        depth += (c in "(（") - (c in ")）")
        if depth < 0:
            return False
    return depth == 0


def _an_honour(name: str) -> bool:
    """A tagged name ending in a word that makes a quoted name a title or an honour for the
    rules (initiative_stoplist.tsv, after: 先进集体, 先进个人, 先进单位…) names an honour, not
    a programme (“全国法律援助先进单位”). The rules' words before a quote are not used: 实现 makes
    实现“零”突破 a goal reached, but 实现“一站式”办理 names a service (holdout11 h176), which is
    the tagger's to tell."""
    return name.endswith(VOCAB.after)


def _tagged_apart_from_the_rules(records: list[InitiativeRecord]) -> list[InitiativeRecord]:
    """A tagged name inside a name a rule read elsewhere in the report, or holding one
    (送法进千企 beside “送法进千企”专项行动), is the same programme written shorter or longer:
    the rule's name stands for it."""
    by_rules = [r.name for r in records if r.evidence.rule != TAGGER_RULE]
    return [
        r
        for r in records
        if r.evidence.rule != TAGGER_RULE or not any(r.name in n or n in r.name for n in by_rules)
    ]


#: how many sentences back a name with no area of its own looks for the work it belongs to
AREA_LOOKBACK = 2


def _read_sentences(doc: Document, context: ReportContext | None) -> list[InitiativeRecord]:
    """Every sentence's initiatives, in order. A name whose sentence and heading hold no area
    keyword (打造“办小助”AI机器人 d301, 深入推进严打专项行动 holdout3 h33) belongs to the work the
    sentences just before it describe, so it takes the area of the nearest of them that has one."""
    out: list[InitiativeRecord] = []
    for n, sentence in enumerate(doc.sentences):
        for record in initiatives_in(sentence, context):
            if record.area is None:
                record = replace(record, area=_area_before(doc.sentences, n, sentence.section))
            out.append(record)
    return out


#: the tagger's names shorter than this are fragments (the model cut a name short)
MIN_TAGGED_NAME = 3
#: the kind of a tagged name with no kind word: in the corpus gold such names are services
#: most often (一件事联办, 容缺办理, 交地即交证: 44 of 183), then mechanisms (39)
TAGGED_KIND = "service"
TAGGER_RULE = "initiatives.tagger"


def tagged_beside(sentence: Sentence, found: list[InitiativeRecord]) -> list[InitiativeRecord]:
    """The initiative tagger's names (initiative_tagger.py) where no rule found a name: spans
    that overlap no rule's name and no 《》 title, and pass the tests every name passes (no
    slogan, not only generic words, no honour, brackets closed, no body: “心理花园”工作室 in a
    sentence about disputes is a mediation room, dev18 h299). Their kind is their kind
    word's, else a service's (一站式办理, 全区通办 name a service by what it does). The
    sentence's quotes are curly, as :func:`initiatives_in` hands it over."""
    tagged = names_in(sentence)
    if not tagged:
        return []
    titles = book_title_spans(sentence.text)
    taken = [(r.evidence.start - sentence.start, r.evidence.end - sentence.start) for r in found]
    awards = _awarded_quotes(sentence.text)
    out = []
    for start, end, name in tagged:
        if (
            len(name) < MIN_TAGGED_NAME
            or any(a < end and start < b for a, b in taken + titles + awards)
            or is_slogan(name)
            or is_generic(name)
            or _an_honour(name)
            or not _brackets_balanced(name)
            or is_mediation_studio(name, sentence.text)
        ):
            continue
        word = kind_word_ending(name)
        kind = VOCAB.kinds[word][0] if word else TAGGED_KIND
        out.append(_record(sentence, name, kind, start, end, "tagger"))
    return out


def _awarded_quotes(text: str) -> list[tuple[int, int]]:
    """The quotes a verb of award or naming governs (咸安区获评“全国科普示范县(市、区)”“省级返乡
    创业示范县”, holdout26 h442): titles a place received (initiative_stoplist.tsv ``award``),
    which the rules skip too. The rules' other words before a quote are not used: 实现“专科门诊”式
    精准调解 names a way of mediating (holdout2 h30)."""
    quotes = list(QUOTE.finditer(text))
    return [
        q.span()
        for n, q in enumerate(quotes)
        if text[: quotes[_run_start(text, quotes, n)].start()].endswith(VOCAB.awards)
    ]


def _area_before(sentences: list[Sentence], n: int, section: str) -> str | None:
    """The area of the nearest of the ``AREA_LOOKBACK`` sentences before sentence ``n`` of the
    same section that names one."""
    for prev in sentences[max(0, n - AREA_LOOKBACK) : n][::-1]:
        area = area_of(prev.text, prev.heading) if prev.section == section else None
        if area is not None:
            return area
    return None


def _mediation_room_names(doc: Document) -> set[str]:
    """The quoted names the report writes as mediation rooms (“定安言和”调解工作室), in one pass
    over the text. A report that calls “定安言和”调解工作室 a mediation room means the same
    body when a headline shortens it to “定安言和”工作室: it is an organisation, not a programme.
    So does a report that names a quoted studio once in a sentence about mediation (“夏戈工作室”…
    这种以个人名字命名的调解工作室, holdout7 h102) and once where the sentence says nothing of it
    (记者来到…的“夏戈工作室”)."""
    text = curly(doc.text)
    rooms = {m.group(1).strip() for m in QUOTE.finditer(text) if text.startswith(MEDIATION_ROOMS, m.end())}
    for sentence in doc.sentences:
        said = curly(sentence.text)
        rooms |= {m.group(1).strip() for m in QUOTE.finditer(said) if _names_a_studio(m.group(1).strip(), said)}
    return rooms


def _names_a_studio(core: str, sentence: str) -> bool:
    """A quoted studio of mediation with a name of its own (“夏戈工作室”); the kind of room alone
    (开展个人“调解工作室”试点: a pilot of such rooms) names none."""
    kind = kind_word_ending(core)
    return is_mediation_studio(core, sentence) and not is_generic(core[: len(core) - len(kind or "")])


def _quoted_core(record: InitiativeRecord) -> str | None:
    """The quoted core an initiative was read from (“定安言和”工作室 -> 定安言和), if any."""
    quoted = QUOTE.search(record.evidence.quote)
    return quoted.group(1).strip() if quoted else None


def _headed_names(records: list[InitiativeRecord]) -> list[InitiativeRecord]:
    """A report that names a quoted programme once with its field before it (组织开展农民工维权
    “安心行动”) and then by the quote alone (“安心行动”聚焦…) means one programme: the bare
    mention takes the headed name."""
    headed: dict[tuple[str, str], str] = {}
    for r in records:
        head = _head_of(r)
        if head:
            headed.setdefault((r.kind, r.name[len(head) :]), r.name)
    return [replace(r, name=headed[(r.kind, r.name)]) if (r.kind, r.name) in headed else r for r in records]


def _head_of(record: InitiativeRecord) -> str:
    """The unquoted head of a quoted name (行政执法 of 行政执法“三项制度”), or ""."""
    quote = record.evidence.quote
    opening = quote.find("“")
    head = (
        _plain(quote[:opening])
        if opening > 0 and record.evidence.rule.startswith("initiatives.quote")
        else ""
    )
    return head if record.name.startswith(head) else ""


#: rules whose kind is a guess (a bare quote's words, a drive's default), not the report's own kind word
GUESSED_KIND_RULES = (
    "initiatives.bare_quote",
    "initiatives.demonstration_drive",
    f"initiatives.{SERVICE_ITEMS_RULE}",
)


def _fullest_names(records: list[InitiativeRecord]) -> list[InitiativeRecord]:
    """One report naming a programme bare and with its kind word (“中国宪法边疆行”, 中国宪法边疆行活动)
    means one programme: the bare mention takes the longest name of the same kind it starts.

    A longer name that adds words in front (法律援助经济困难证明事项告知承诺制) is another
    programme, so only extensions at the end merge. A bare quote's kind is a guess from its
    words (“一件事一次办” looks like a service), so the report's own kind word outranks it
    (“一件事一次办”改革); so is a model-place drive's (按照全省法治政府建设示范创建相关工作部署 is the
    drive the same report names 参加法治政府建设示范创建活动); a pilot of a programme
    (访调对接试点) is a programme of its own."""
    names = sorted({(r.kind, r.name) for r in records}, key=lambda kn: (-len(kn[1]), kn[1]))
    out = []
    for r in records:
        guessed = r.evidence.rule in GUESSED_KIND_RULES
        longer = next(
            (
                (k, n)
                for k, n in names
                if (k == r.kind or (guessed and k != "pilot"))
                and len(n) > len(r.name)
                and n.startswith(r.name)
            ),
            None,
        )
        out.append(replace(r, kind=longer[0], name=longer[1]) if longer else r)
    return out


def _one_hotline_per_number(records: list[InitiativeRecord]) -> list[InitiativeRecord]:
    """利用12348热线 in a report that elsewhere names “12348”公共法律服务热线 (seed 004), 全年12345热线…
    after 12345政务服务便民热线 (seed 003), 加大12348公共法律服务热线的宣传力度 after 利用省级12348公共法律
    服务热线 (seed 002): one hotline, so a numbered mention takes the longest hotline name of the
    report that holds its number."""
    numbers = [(NUMBER.search(r.name), r.name) for r in records if r.name.endswith(HOTLINE_WORD)]
    out = []
    for r in records:
        own = NUMBER.search(r.name) if r.evidence.rule == HOTLINE_RULE else None
        if own is None:
            out.append(r)
            continue
        fuller = max((n for m, n in numbers if m and m.group() == own.group()), key=len, default=r.name)
        out.append(replace(r, name=fuller) if len(fuller) > len(r.name) else r)
    return out


def _one_drive_per_theme(records: list[InitiativeRecord]) -> list[InitiativeRecord]:
    """A report naming its model-place drive twice (争创市级法治政府建设示范区, …示范区创建成果)
    means one drive: every mention of the same theme takes the first name, or the fullest name the
    report gives the drive (全国法治政府建设示范创建 over 法治政府示范创建 in holdout11 h179, whose gold
    names it so). The
    level the drive opens with (全国, 省级) is left out of the theme: 锚定法治政府建设示范县 and 获评
    全国法治政府建设示范县 in one report are one drive."""
    themes = [
        _drive_theme(r.name) if r.evidence.rule == "initiatives.demonstration_drive" or _names_a_model_building(r) else None
        for r in records
    ]
    chosen: dict[str, str] = {}
    for r, theme in zip(records, themes, strict=True):
        if theme is not None and (theme not in chosen or _fuller_drive(r.name, chosen[theme])):
            chosen[theme] = r.name
    return [r if theme is None else replace(r, name=chosen[theme]) for r, theme in zip(records, themes, strict=True)]


def _fuller_drive(name: str, chosen: str) -> bool:
    """Whether a later mention names the drive more fully: both name the drive itself (…示范创建) and
    the later is longer. A model place or building named first (民主法治示范村建设, seed 003) keeps its name."""
    return len(name) > len(chosen) and all(DEMONSTRATION_DRIVE.search(n) for n in (name, chosen))


def _drive_theme(name: str) -> str:
    """The theme a drive is known by: its name without its tail (示范区创建), the level it opens with
    (全国, 省级) and a 建设 closing the theme (法治政府示范创建 and 法治政府建设示范创建 in one report,
    holdout11 h179, are one drive)."""
    theme = DRIVE_TAIL.sub("", name)
    while opener := next((w for w in VOCAB.drive_openers if theme.startswith(w)), ""):
        theme = theme[len(opener) :]
    return theme[: -len(THEME_TRAILER)] if theme.endswith(THEME_TRAILER) else theme


def _names_a_model_building(record: InitiativeRecord) -> bool:
    """深入推进民主法治示范村建设 … 获评“全国民主法治示范村(社区)” (seed 003): a project read by a run
    verb that builds model places is the drive a later model-place mention names."""
    return record.evidence.rule == "initiatives.run_verb_kind" and DRIVE_TAIL.search(record.name) is not None


def _named_in(record: InitiativeRecord, text: str) -> bool:
    """Whether the year's work names the initiative: its full name, or its quoted core in quotes."""
    quoted = QUOTE.search(record.evidence.quote)
    return record.name in text or (quoted is not None and f"“{quoted.group(1)}”" in text)
