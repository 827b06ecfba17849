"""Policy documents named in a report, and the media outlets that share their 《》 marks.

A title in 《》 is a policy when it ends with a document-type word (办法, 方案, 条例…) and
a media outlet or publication otherwise (法治日报, 焦点访谈, an article's title). Unmarked
documents count only when the sentence shows a body issued them (制发…管理办法), when
they are known laws (新修订的行政复议法), or when a quoted nickname carries a document
word (“八五”普法规划): everywhere else 办法/清单/方案 words name work, not documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.context import ReportContext
from kg.extract.records import Evidence, OrgMention, PolicyMention
from kg.text.document import Document, Sentence
from kg.text.patterns import BOOK_TITLE, HAN, PINYIN_GLOSS, inside
from kg.vocab.lexicon import rows, words

MIN_TITLE, MAX_TITLE = 2, 120
INNER_TITLE = re.compile(r"[〈<]([^〈〉<>]{2,80})[〉>]")
TRAILING_GROUP = re.compile(r"[(（][^()（）]*[)）]$")
#: a closing inner mark misplaced at the end (《X贯彻落实<Y纲要(2021-2025年)工作方案>》)
TRAILING_INNER_CLOSE = re.compile(r"[〉>]+$")
#: a period group (2021-2025年) inside an inner title ends the document it names
PERIOD_GROUP = re.compile(r"[(（][0-9]{4}\s*[-—–－~至]+\s*[0-9]{4}年?[)）]")
#: 《贯彻落实X的工作举措》: the document X implements is named as well.
IMPLEMENTS = re.compile(r"^(?:关于)?(?:认真)?(?:贯彻落实|贯彻实施|学习贯彻|贯彻执行|落实|贯彻)(.{4,80})$")
#: the outer title's own tail after the implemented document (的工作举措, 实施方案)
IMPLEMENTING_TAIL = 8
#: a year the document is for (2025年度, 2024年): says nothing of which document it is
LEADING_YEAR = re.compile(r"^[0-9]{4}年度?")
CJK_RUN = re.compile(rf"[{HAN}]")
#: a figure opening an unmarked name that is no year (15家单位的…规定): a count, not a title
COUNT_OPENING = re.compile(r"^[0-9]+(?![0-9]*年)")
#: an unmarked name: Han characters, possibly holding a short quoted nickname (“八五”)
NAME_CHAR = re.compile(rf"[{HAN}“”0-9]")
#: 区“八五”, 市2024年: a one-character level word glued to a quoted nickname or a year
LEVEL_BEFORE_NAME = re.compile(r"[省市县区镇乡](?=“|[0-9]{4}年)")
#: words joining two documents named after one verb (制发A办法和B指引)
JOINERS = ("以及", "和", "及", "与")
#: media named without 《》: a quoted account (“宣汉司法”微信公众号) or a name ending in a media word
UNMARKED_MEDIA = re.compile(
    rf"(?:(?<=[在获被经由于向和及与])|(?<![{HAN}])(?![在获被经由于向和及与]))([{HAN}]{{2,10}}?(?:普法网|广播电视总台|电视台|日报|晚报))"
)
QUOTED_ACCOUNT = re.compile(r"“([^“”]{2,16})”((?:微信)?公众号|微博|视频号|抖音号)")


@dataclass(frozen=True)
class Suffixes:
    """Document-type endings (with type and whether they count unmarked), media endings, and
    body endings (a 《》 title naming a committee is neither a document nor a medium)."""

    doc: dict[str, tuple[str, bool]]
    media: tuple[str, ...]
    body: tuple[str, ...]


def _bare_last_chars() -> frozenset[str]:
    return frozenset(s[-1] for s, (_, bare) in SUFFIXES.doc.items() if bare)


def _suffixes() -> Suffixes:
    doc = {r[0]: (r[1], len(r) > 2 and r[2] == "yes") for r in rows("policy_types.tsv")}
    media_rows = rows("media_cues.tsv")
    return Suffixes(
        doc=doc,
        media=tuple(r[0] for r in media_rows if r[1] != "body"),
        body=tuple(r[0] for r in media_rows if r[1] == "body"),
    )


SUFFIXES = _suffixes()
#: last characters of the document words an unmarked title may end with: a cheap first filter
BARE_LAST_CHARS = _bare_last_chars()


def _cues(role: str) -> tuple[str, ...]:
    """Cue words of one role, longest first so 贯彻落实 wins over 落实."""
    return tuple(sorted((w for w, r, *_ in rows("policy_cues.tsv") if r == role), key=len, reverse=True))


ISSUE_CUES, OPENING_STOPS, FOLLOW_CUES, GENERIC_OPENINGS = (
    _cues(r) for r in ("issue", "opening", "follow", "generic")
)
DATED_VERBS = tuple(sorted(set(ISSUE_CUES + _cues("dated")), key=lambda v: (-len(v), v)))  # a set: ties by the word, not by its hash
#: each of them compiled once (re.finditer(re.escape(verb)) per sentence paid escape and the
#: pattern cache lookup for every verb of every sentence)
DATED_VERB_PATTERNS = tuple(re.compile(re.escape(v)) for v in DATED_VERBS)
#: a document word, or one that counts only in a dated title, longest first
DATED_ENDINGS = "|".join(sorted({*SUFFIXES.doc, *_cues("dated_word")}, key=len, reverse=True))
#: [place or body]YYYY年[度][topic][document word]: an unmarked title that carries its year
#: (the title runs on to a document word that ends it: punctuation or a joining word follows, so
#: 2024年全面依法治县工作要点 is not cut at 依法)
DATED_TITLE = re.compile(
    rf"([{HAN}]{{0,12}}?)[0-9]{{4}}年度?[{HAN}]{{2,24}}?(?:{DATED_ENDINGS})(?=[^{HAN}]|$|并|和|及|等)"
)
#: the last character of a place or body that may open a dated title (灵丘县2024年…)
OWNER_ENDINGS = "省市县区州旗盟镇乡街道局委府办厅院"
STOP_CUES = tuple(sorted(_cues("stop") + _cues("deictic") + OPENING_STOPS, key=len, reverse=True))
#: characters after which a short law name starts a new word (新修订的行政复议法, 讲授民法典)
LAW_LEFT_NEIGHBOURS = "".join(_cues("law_left"))
LAW_NAMES = tuple(sorted(words("law_names.tsv"), key=len, reverse=True))
LAW_RULES, LAW_VERBS = _cues("law_rules"), _cues("law_verb")
LAW_VERB_PATTERNS = tuple(re.compile(re.escape(v)) for v in LAW_VERBS)
#: 宪法|法律法规: words that, right after a law's name, make it part of "the laws" in general
GENERIC_LAW_WORDS = _cues("law_generic")
PLAN_NAMES = tuple(sorted(words("policy_plan_names.tsv"), key=len, reverse=True))
#: 《预算法》及其实施条例: the word that hands a law's own rules back to it
OWN_RULES_LINK = "及其"
#: what joins the laws of a list (宪法、民族区域自治法和国家通用语言文字法)
LAW_LIST_JOINERS = "、和及与"
#: document-type words that are also the short name of one document (《宪法》)
PROPER_TYPE_WORDS = _cues("proper")
#: a run of name characters ending in 法 where a word ends: punctuation or a joiner follows
#: (not 法律, 法规, 法治, 法院)
UNLISTED_LAW = re.compile(rf"[{HAN}]{{3,14}}?法(?=[^{HAN}]|$|以及|和|与|及|等|的)")
#: words ending in 法 that name a way of working, not a law (依法, 执法, 方法 …: policy_types.tsv none)
NOT_LAW_ENDINGS = tuple(w for w, kind, *_ in rows("policy_types.tsv") if kind == "none")


def _core(title: str) -> str:
    """The title without a trailing (试行)/(2021-2025年) group, which says nothing of its type,
    nor a misplaced closing inner mark (…工作方案>), nor the pinyin notes a page's converter
    left inside words (《…若干規(guī)定》, 《…教育計(jì)劃》 holdout8 h112; 《…服務(wù)手冊》 holdout7
    h101): they split the document word. The title itself keeps them, as the page prints it."""
    return TRAILING_GROUP.sub("", TRAILING_INNER_CLOSE.sub("", PINYIN_GLOSS.sub("", title))).strip()


def _longest_doc_suffix(text: str) -> str:
    return max((s for s in SUFFIXES.doc if text.endswith(s)), key=len, default="")


def _longest_media_suffix(text: str) -> str:
    return max((s for s in SUFFIXES.media if text.endswith(s)), key=len, default="")


def policy_type_of(title: str) -> str:
    """law, regulation, plan, measure or other, by the document-type word the title ends with."""
    suffix = _longest_doc_suffix(_core(title))
    kind = SUFFIXES.doc[suffix][0] if suffix else "other"
    return "other" if kind == "none" else kind


def is_document_title(title: str) -> bool:
    """A 《》 title names a document when it ends in a document-type word longer than any media ending."""
    core = _core(title)
    doc = _longest_doc_suffix(core)
    if not doc or SUFFIXES.doc[doc][0] == "none":
        return False
    return len(doc) >= len(_longest_media_suffix(core))


def is_back_reference(title: str) -> bool:
    """《纲要》, 《条例》: a bare document-type word in marks points back at a document named
    in full earlier, so it is no document of its own (but 《宪法》, 《党章》 name one)."""
    core = _core(title)
    return core in SUFFIXES.doc and core not in PROPER_TYPE_WORDS


def names_a_body(title: str) -> bool:
    """《X县复议咨询委员会》: a committee set up, marked like a title; neither document nor medium."""
    return _core(title).endswith(SUFFIXES.body)


def _mention(sentence: Sentence, title: str, start: int, end: int, rule: str) -> PolicyMention:
    return PolicyMention(
        title=title,
        policy_type=policy_type_of(title),
        evidence=Evidence.of(sentence, start, end, rule=f"policies.{rule}"),
    )


def _marked(sentence: Sentence) -> list[PolicyMention]:
    """Titles in 《》 that are documents, with the documents a nested or implementing title names."""
    out = []
    for m in titles_in(sentence.text):
        title = m.group(1).strip()
        if not is_document_title(title) or is_back_reference(title):
            continue
        out.append(_mention(sentence, title, m.start(1), m.end(1), "book_title"))
        for inner in INNER_TITLE.finditer(_closed_inner(title)):
            inner_title = inner.group(1).strip()
            if is_document_title(inner_title):
                s = m.start(1) + inner.start(1)
                out.append(_mention(sentence, inner_title, s, s + len(inner_title), "inner_title"))
        implemented = IMPLEMENTS.match(title)
        if implemented and not INNER_TITLE.search(title):
            inner_title = _implemented_title(implemented.group(1))
            if inner_title:
                s = m.start(1) + title.index(inner_title)
                out.append(_mention(sentence, inner_title, s, s + len(inner_title), "inner_title"))
    return out


def _closed_inner(title: str) -> str:
    """《X<Y(2021-2025年)工作方案>》 reads as X<Y(2021-2025年)>工作方案 once the stray mark moves back.

    A writer who closes the inner mark at the very end still means the inner document to
    stop at its period group; titles whose inner marks are balanced come back unchanged.
    """
    inner = INNER_TITLE.search(title)
    if not inner or inner.end() != len(title):
        return title
    period = PERIOD_GROUP.search(inner.group(1))
    if not period or period.end() == len(inner.group(1)):
        return title
    cut = inner.start(1) + period.end()
    return title[:cut] + title[-1] + title[cut:-1]


def _implemented_title(text: str) -> str | None:
    """The document an implementing title names: 《贯彻落实A清单制度工作举措》 -> A清单制度.

    It is the longest head of ``text`` that ends in a document-type word and leaves only a
    short tail (the outer document's own type words).
    """
    for end in range(len(text) - 2, 3, -1):
        head, tail = text[:end], text[end:].lstrip("的")
        suffix = _longest_doc_suffix(head)
        if not suffix or SUFFIXES.doc[suffix][0] == "none" or text[end] in "治律规":
            continue  # 习近平法|治思想: a 法 that begins 法治/法律/法规 ends no title
        if len(tail) <= IMPLEMENTING_TAIL:
            return head
    return None


def titles_in(text: str) -> list[re.Match[str]]:
    """《》 titles of two to 120 characters: shorter or longer marks hold no document or outlet."""
    return [m for m in BOOK_TITLE.finditer(text) if MIN_TITLE <= len(m.group(1)) <= MAX_TITLE]


def _marked_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in titles_in(text)]


def _laws(sentence: Sentence, marked: list[tuple[int, int]]) -> list[PolicyMention]:
    """Known laws named without 《》 (新修订的行政复议法), not inside a title or an event name."""
    text, out, taken = sentence.text, [], []
    for law in (name for name in LAW_NAMES if name in text):
        for m in re.finditer(re.escape(law), text):
            start, end = m.start(), m.end()
            if inside(start, marked) or any(a < end and start < b for a, b in taken):
                continue
            if text.startswith("中华人民共和国", max(0, start - 7)) and start >= 7:
                start -= 7
            elif _glued_on_left(text, start, law) and not _opens_law_list(text, end):
                continue
            if text[end:].startswith(FOLLOW_CUES) or _law_word_continues(text[end:]):
                continue
            end += next((len(w) for w in LAW_RULES if text.startswith(w, end)), 0)
            taken.append((start, end))
            out.append(_mention(sentence, text[start:end], start, end, "law_name"))
    return out + _laws_after_verbs(sentence, marked + taken)


def _plans(sentence: Sentence, taken: list[tuple[int, int]]) -> list[PolicyMention]:
    """A national plan named without marks (按照法治政府建设实施纲要确定的目标任务 holdout8 h111,
    部署贯彻落实法治政府建设纲要的具体措施 dev8 h136): policy_plan_names.tsv, read like a known
    law; a period group right after it (…纲要(2021-2025年)) is part of the title. Not glued to
    a level word or a name on its left (深入实施中央、省市法治政府建设实施纲要: local plans,
    holdout7 h106)."""
    text, out = sentence.text, []
    for name in (n for n in PLAN_NAMES if n in text):
        for m in re.finditer(re.escape(name), text):
            start, end = m.start(), m.end()
            if inside(start, taken) or any(a < end and start < b for a, b in taken):
                continue
            if start and CJK_RUN.match(text[start - 1]) and text[start - 1] not in LAW_LEFT_NEIGHBOURS:
                continue
            period = PERIOD_GROUP.match(text, end)
            end = period.end() if period else end
            taken.append((start, end))
            out.append(_mention(sentence, text[start:end], start, end, "plan_name"))
    return out


def _laws_after_verbs(sentence: Sentence, taken: list[tuple[int, int]]) -> list[PolicyMention]:
    """A law the list does not know, named without marks right after 贯彻落实/学习宣传…
    (贯彻落实国家通用语言文字法), or listed after a law (学习宪法、民族区域自治法、国家通用语言
    文字法): the shortest run ending in 法 at a word's end."""
    text, out = sentence.text, []
    starts = [(m.end(), "law_after_verb") for verb in LAW_VERB_PATTERNS for m in verb.finditer(text)]
    starts += [(b + 1, "law_in_list") for _, b in taken if text[b : b + 1] in LAW_LIST_JOINERS]
    while starts:
        start, rule = starts.pop(0)
        m = UNLISTED_LAW.match(text, start)
        if not m or any(start < b and a < m.end() for a, b in taken):
            continue
        name = m.group(0)
        if policy_type_of(name) != "law" or name.endswith(NOT_LAW_ENDINGS):
            continue
        taken.append((start, m.end()))
        out.append(_mention(sentence, name, start, m.end(), rule))
        if text[m.end() : m.end() + 1] in LAW_LIST_JOINERS:
            starts.append((m.end() + 1, "law_in_list"))
    return out


def _law_word_continues(rest: str) -> bool:
    """教育法律, 劳动法规: the 法 began 法律/法规, so no law was named (but 行政复议法规定 names one).
    A name run straight into 法律/法规 (把学习习近平法治思想和宪法法律法规纳入, holdout7 h105;
    推动宪法法律法规进农村, holdout3 h35) opens the generic "constitution and laws", and names no
    document either."""
    if rest.startswith(GENERIC_LAW_WORDS):
        return True
    return rest.startswith("律") or (rest.startswith("规") and not rest.startswith("规定"))


def _opens_law_list(text: str, end: int) -> bool:
    """抓好宪法、民法典: a short law name followed by a joiner and another known law opens a
    list of laws, so it is a word of its own whatever stands on its left."""
    return text[end : end + 1] in LAW_LIST_JOINERS and text[end + 1 :].startswith(LAW_NAMES)


def _glued_on_left(text: str, start: int, law: str) -> bool:
    """A short law name right after a Han character may be the tail of a longer law (学前教育法)."""
    return (
        len(law) <= 3
        and start > 0
        and bool(re.match(rf"[{HAN}]", text[start - 1]))
        and (text[start - 1] not in LAW_LEFT_NEIGHBOURS)
    )


def _inside_quotes(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a “…” pair: a quoted nickname (“一规划两方案”) is not a title."""
    return text.count("“", 0, pos) > text.count("”", 0, pos)


def _left_boundary(text: str, end: int) -> tuple[int, str]:
    """Where an unmarked name ending at ``end`` starts, and what stopped the scan on its left.

    The scan walks left over name characters and stops at punctuation ("punct"), after an
    issuing verb ("issue"), a stop word ("stop") or a joiner after another name ("join").
    """
    i, inner_opening = end, None
    while i > 0 and NAME_CHAR.match(text[i - 1]):
        head = text[:i]
        if i < end:
            for role, cues in (("issue", ISSUE_CUES), ("stop", STOP_CUES), ("join", JOINERS)):
                if head.endswith(cues):
                    if role == "stop" and _stop_words_opening(head):
                        return i - _stop_words_opening(head), "issue"
                    if role == "stop" and inner_opening is None and _may_run_past(head, text[i:end]):
                        inner_opening = i
                        break
                    if role == "issue" or inner_opening is None:
                        return i, role
                    return inner_opening, "stop"
        i -= 1
    if inner_opening is not None:
        return inner_opening, "stop"
    if i > 0 and text[i - 1] == "、":
        return i, "join"
    return i, "issue" if any(text[:i].endswith(c) for c in ISSUE_CUES) else "punct"


def _may_run_past(head: str, name: str) -> bool:
    """落实党政主要负责人履行推进法治建设第一责任人职责规定: an opening word (推进, 学习) inside an
    unquoted name may be part of it; the scan runs on to see whether an issuing verb opens the
    whole name (a quoted nickname after 推进 keeps its short name)."""
    return head.endswith(OPENING_STOPS) and "“" not in name


def _stop_words_opening(head: str) -> int:
    """制定印发学习宣传研究阐释…清单: stop words right after an issuing verb open the issued
    name; how many characters of ``head``'s end they take (0 when no issuing verb precedes)."""
    rest = head
    while True:
        stop = next((c for c in OPENING_STOPS if rest.endswith(c)), "")
        if not stop:
            break
        rest = rest[: -len(stop)]
    taken = len(head) - len(rest)
    return taken if taken and rest.endswith(ISSUE_CUES) else 0


def _across_joiner(text: str, start: int) -> tuple[int, str]:
    """落实2024年全面依法治区和法治政府建设工作要点: a joiner with no document before it joins
    two themes inside one name, so the name runs on to the left; it keeps its joiner start
    when the words before end in a document word (they are a document of their own)."""
    joiner = next((j for j in JOINERS if text.endswith(j, 0, start)), "")
    before = start - len(joiner)
    if not joiner or _longest_doc_suffix(text[:before]):
        return start, "join"
    further, why = _left_boundary(text, before)
    return (further, why) if why == "issue" else (start, "join")


def _bare(sentence: Sentence, marked: list[tuple[int, int]]) -> list[PolicyMention]:
    """Unmarked documents: an issued name ending in a bare document word, or a quoted nickname plan."""
    text, out = sentence.text, []
    # a document in marks counts as named: 落实《A》和B工作要点 joins B to it
    accepted_ends = [b for a, b in marked if is_document_title(text[a + 1 : b - 1])]
    bare_suffixes = sorted((s for s, (_, bare) in SUFFIXES.doc.items() if bare), key=len, reverse=True)
    end = 0
    while end < len(text):
        end += 1
        if text[end - 1] not in BARE_LAST_CHARS:
            continue
        suffix = next((s for s in bare_suffixes if text.endswith(s, 0, end)), None)
        if not suffix or inside(end - 1, marked) or _inside_quotes(text, end) or not _ends_word(text, end):
            continue
        start, why = _left_boundary(text, end - len(suffix))
        joined = why == "join" and any(abs(start - e) <= 3 for e in accepted_ends)
        if why == "join" and not joined:
            start, why = _across_joiner(text, start)
        if LEVEL_BEFORE_NAME.match(text, start):
            start += 1  # 纳入区“八五”普法规划: a bare level word says whose plan, it is not in the name
        name = text[start:end]
        quoted = "“" in name
        if not ((why == "issue" and sentence.section != "plans") or joined or quoted):
            continue
        if _is_generic(name, suffix) or COUNT_OPENING.match(name) or _own_rules_of_previous(name, suffix):
            if _issued_list_item(why, joined, text, end):
                accepted_ends.append(end)
            continue  # 印发了15家单位的“三定”规定: counted documents, no title
        accepted_ends.append(end)
        out.append(_mention(sentence, name, start, end, "unmarked_document"))
    return out


def _issued_list_item(why: str, joined: bool, text: str, end: int) -> bool:
    """起草年度工作要点、全面加强…的意见等文件: a generic document named first in an issued list
    is no title, yet the 、 after it still hands the issuing verb on to the next item."""
    return (why == "issue" or joined) and text[end : end + 1] == "、"


def _dated(sentence: Sentence, taken: list[tuple[int, int]]) -> list[PolicyMention]:
    """A dated document named without marks after a verb that issues, adopts, submits or
    includes it: the year makes a 报告 or 计划 one document, not a kind of work."""
    text, out = sentence.text, []
    for verb in DATED_VERB_PATTERNS:
        for v in verb.finditer(text):
            m = DATED_TITLE.match(text, v.end())
            if m is None or (m.group(1) and m.group(1)[-1] not in OWNER_ENDINGS):
                continue
            start, end = m.start(), m.end()
            if any(a < end and start < b for a, b in taken) or _inside_quotes(text, end):
                continue
            if not _ends_word(text, end) or _is_generic(
                text[start:end], _longest_doc_suffix(text[start:end])
            ):
                continue
            taken.append((start, end))
            out.append(_mention(sentence, text[start:end], start, end, "dated_unmarked_document"))
    return out


def _own_rules_of_previous(name: str, suffix: str) -> bool:
    """审计法及实施条例: a document word right after a joiner that follows a document names that
    document's own rules, not a new title (the law is read by itself)."""
    body = name[: len(name) - len(suffix)]
    joiner = next((j for j in JOINERS if body.endswith(j)), "")
    return bool(joiner) and bool(_longest_doc_suffix(body[: len(body) - len(joiner)]))


def _ends_word(text: str, end: int) -> bool:
    """A document word ends a name unless a longer document word or a name character follows (清单制度)."""
    rest = text[end:]
    if not rest or not re.match(rf"[{HAN}“”]", rest[0]):
        return rest[:1] != "”"
    return not rest.startswith(tuple(SUFFIXES.doc)) and not re.match(r"[的”]", rest[0])


def _is_generic(name: str, suffix: str) -> bool:
    """年度普法计划, 相关方案, 工作方案, 2025年度学法清单: too little before the document word
    (once a leading year is set aside) to name one document."""
    head = LEADING_YEAR.sub("", name[: len(name) - len(suffix)])  # 2025年度学法清单 is a year's list
    return ("“" not in head and len(head) < 3) or head.startswith(GENERIC_OPENINGS)


def _laws_own_rules(sentence: Sentence, found: list[PolicyMention]) -> list[PolicyMention]:
    """《预算法》及其实施条例: the law's own implementing rules, named after it by 及其, are a
    document of their own, spelled with the law's name."""
    text, out = sentence.text, []
    for law in (p for p in found if p.policy_type == "law"):
        start, end = law.evidence.start - sentence.start, law.evidence.end - sentence.start
        after = end + (text[end : end + 1] == "》")
        if not text.startswith(OWN_RULES_LINK, after):
            continue
        rules_at = after + len(OWN_RULES_LINK)
        own = next((w for w in LAW_RULES if text.startswith(w, rules_at)), None)
        if own:
            out.append(_mention(sentence, law.title + own, start, rules_at + len(own), "law_own_rules"))
    return out


#: “山东省气候资源保护和利用条例”, “杭州市民族宗教事务局重大行政决策事项标准”: a full title in
#: quotes opens with its place (two to six characters and a level word) ...
QUOTED_TITLE = re.compile(rf"“([{HAN}]{{2,6}}?[省市县区州旗盟][^“”、]{{4,60}})”")
#: ... and is long enough to be one (“尚城市法” is a brand, d301)
MIN_QUOTED_TITLE = 8


def _quoted_titles(sentence: Sentence, marked: list[tuple[int, int]]) -> list[PolicyMention]:
    """A document named in full in quotes instead of 《》 (开展“山东省气候资源保护和利用条例”调研论证
    dev8 h132, 及时公布“杭州市民族宗教事务局重大行政决策事项标准” holdout8 h111): a place, then
    a title ending in a document word. Quoted nicknames (“一规划两纲要”, “三项制度”) open with
    no place; one glued to a document word after the quote (“八五”普法规划) is the unmarked rule's."""
    text, out = sentence.text, []
    for m in QUOTED_TITLE.finditer(text):
        title = m.group(1)
        if len(title) < MIN_QUOTED_TITLE or inside(m.start(), marked):
            continue
        if text.startswith(tuple(SUFFIXES.doc), m.end()):
            continue
        if is_document_title(title) and not is_back_reference(title):
            out.append(_mention(sentence, title, m.start(1), m.end(1), "quoted_title"))
    return out


def policies_in(sentence: Sentence, context: ReportContext | None = None) -> list[PolicyMention]:
    """Every policy document the sentence names, in the order they appear."""
    marked = _marked_spans(sentence.text)
    found = _marked(sentence) + _laws(sentence, marked) + _bare(sentence, marked)
    found += _quoted_titles(sentence, marked)
    spans = [(p.evidence.start - sentence.start, p.evidence.end - sentence.start) for p in found]
    found += _plans(sentence, marked + spans)
    found += _laws_own_rules(sentence, found)
    found += _dated(
        sentence,
        marked + [(p.evidence.start - sentence.start, p.evidence.end - sentence.start) for p in found],
    )
    unique: dict[tuple[int, str], PolicyMention] = {}
    for p in found:  # the first rule to read a title (marks, a law's name) is the more telling one
        unique.setdefault((p.evidence.start, p.title), p)
    return sorted(unique.values(), key=lambda p: (p.evidence.start, p.evidence.end, p.title))


def policies_in_document(doc: Document, context: ReportContext | None = None) -> list[PolicyMention]:
    """Every policy the report names, less the report's own title (see ``own_title``)."""
    own = own_title(doc.text)
    return [p for s in doc.sentences for p in policies_in(s, context) if not own or p.title != own]


def own_title(text: str) -> str:
    """The title the text opens with (《民政部2021年法治政府建设年度报告》(全文), a page headed by
    保定市人民政府关于2016年度法治政府建设情况的报告): the report itself, which names no policy.

    Only a first line that is nothing but a title counts; a heading that speaks of a report
    (关于《…报告》的政策解读, 听取审议…的报告) is about another document."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    first = TRAILING_GROUP.sub("", first).strip()
    if first.startswith("《") and first.endswith("》"):
        first = first[1:-1]
    return first if is_document_title(first) and not BOOK_TITLE.search(first) else ""


def media_in(sentence: Sentence, context: ReportContext | None = None) -> list[OrgMention]:
    """Newspapers, programmes, books, articles and accounts: 《》 titles that are not documents, and quoted accounts."""
    out = []
    for m in titles_in(sentence.text):
        title = m.group(1).strip()
        if not is_document_title(title) and not names_a_body(title) and not is_back_reference(title):
            out.append(
                OrgMention(
                    name=title,
                    kind="media",
                    evidence=Evidence.of(sentence, m.start(1), m.end(1), rule="media.book_title"),
                )
            )
    marked = _marked_spans(sentence.text)
    for m in UNMARKED_MEDIA.finditer(sentence.text):
        if not inside(m.start(1), marked):
            out.append(
                OrgMention(
                    name=m.group(1),
                    kind="media",
                    evidence=Evidence.of(sentence, m.start(1), m.end(1), rule="media.unmarked_outlet"),
                )
            )
    for m in QUOTED_ACCOUNT.finditer(sentence.text):
        name = m.group(1) + m.group(2)
        evidence = Evidence.of(sentence, m.start(), m.end(), rule="media.quoted_account")
        out.append(OrgMention(name=name, kind="media", evidence=evidence))
    return out


def media_in_document(doc: Document, context: ReportContext | None = None) -> list[OrgMention]:
    return [o for s in doc.sentences for o in media_in(s, context)]
