"""Shortcomings a report admits, one per problem, copied from its shortcomings passage.

Reports list their problems as numbered items (一是… / (一)… / 但仍存在以下不足:A,B,C)
and then elaborate each. Every item gives one challenge: its headline clause. The
elaboration adds a challenge only for a distinct admission in strong words (意识淡薄,
尚未养成, 存在差距) that does not restate its headline; the lines that announce the
problems (还存在一些不足) and the causes part (原因) give none.

Texts with no shortcomings section admit problems in running text: an inspection found them
(督查中发现…), a meeting pointed them out (会议指出…存在着A、B等问题), a report turns from its
work to them (但是,…还有一些差距), a 巡察整改 notice numbers them (1.干部队伍结构不够优化。).
There a clause counts when it ends in a word of inadequacy (challenge_cues.tsv
``inadequate``: 不到位, 不畅, 不够深入, 有待提升) and no verb of mending opens it (解决…不足
names the work).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.extract.context import ReportContext
from kg.extract.records import ChallengeRecord, Evidence
from kg.text.document import Document, Sentence
from kg.text.patterns import HAN, clause_spans
from kg.vocab.areas import area_of
from kg.vocab.lexicon import rows, section_kind_of

NUMERALS = "一二三四五六七八九十"
#: Item markers inside running text (一是, 其二, 第三) and at the start of a line ((一), 1., 一、)
#: (not inside a word: 统一是 is no marker)
INLINE_MARKER = re.compile(rf"(?<![{HAN}])(?:[{NUMERALS}]+是|其[{NUMERALS}]|第[{NUMERALS}]+[,，、])")
#: (a bullet opens an item too: - 法律服务资源分布不均, holdout40 h719)
LEADING_MARKER = re.compile(rf"^\s*(?:[（(][{NUMERALS}\d]+[）)]|[{NUMERALS}]+[、.．]|\d{{1,2}}[、.．](?!\d)|[-•●▪■◆]\s+)")
#: A colon that opens a list of problems (存在以下不足: / 主要表现在:)
LIST_COLON = re.compile(r"[:：]")
#: Clauses shorter than this are joined with the next one (部门权责不清,执法存在空档)
SHORT_HEADLINE = 8
MIN_CLAUSE = 5
#: An elaboration clause sharing this much of its character pairs with the headline restates it.
RESTATES = 0.3
#: Comparative openers (但与…相比, 与先进地区相比) frame rather than admit.
COMPARATIVE = re.compile(r"^(?:但|然而|虽然)?(?:与|同|距离?)")


@cache
def _cues(kind: str) -> tuple[str, ...]:
    return tuple(r[1] for r in rows("challenge_cues.tsv") if r[0] == kind)


@dataclass
class _Clause:
    sentence: Sentence
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


def _clauses(sentence: Sentence, start: int, end: int) -> list[_Clause]:
    return [_Clause(sentence, a, b) for a, b in clause_spans(sentence.text, start, end)]


def _admits(text: str, kind: str = "admission") -> bool:
    return any(w in text for w in _cues(kind))


def _announces(text: str) -> bool:
    """A clause that only says shortcomings follow, or frames a comparison."""
    generic = _admits(text, "generic") and any(
        w in text for w in ("不足", "问题", "短板", "差距", "薄弱", "困难")
    )
    return generic or bool(COMPARATIVE.match(text))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def _restates(clause: str, headline: str) -> bool:
    mine = _bigrams(clause)
    return bool(mine) and len(mine & _bigrams(headline)) / len(mine) >= RESTATES


def _items(sentence: Sentence) -> list[tuple[int, int]]:
    """Spans of the numbered items a sentence holds (after each marker, up to the next)."""
    starts = []
    lead = LEADING_MARKER.match(sentence.text)
    if lead:
        starts.append(lead.end())
    starts += [m.end() for m in INLINE_MARKER.finditer(sentence.text) if not lead or m.start() >= lead.end()]
    return [(s, starts[i + 1] if i + 1 < len(starts) else len(sentence.text)) for i, s in enumerate(starts)]


def _headline(clauses: list[_Clause]) -> _Clause | None:
    """An item's first clause, joined with the next when too short to stand alone."""
    if not clauses:
        return None
    first = clauses[0]
    if len(first.text) < SHORT_HEADLINE and len(clauses) > 1 and _admits(clauses[1].text):
        return _Clause(first.sentence, first.start, clauses[1].end)
    return first


def _record(clause: _Clause, context: ReportContext | None, rule: str) -> ChallengeRecord:
    s = clause.sentence
    return ChallengeRecord(
        text=clause.text,
        evidence=Evidence.of(s, clause.start, clause.end, rule=f"challenges.{rule}"),
        area=area_of(clause.text, s.heading, around=s.text),
    )


def _is_causes_heading(sentence: Sentence) -> bool:
    """A sub-heading that opens the causes part ((二)原因分析), not one naming problems and causes."""
    head = LEADING_MARKER.sub("", sentence.text).strip("。 ")
    if not LEADING_MARKER.match(sentence.text) or len(head) >= 20:
        return False
    rest = re.sub(r"原因(?:分析)?$", "", head)
    return rest != head and not re.search(r"不足|存在|问题[及和与]", rest)


def _elaboration(clauses: list[_Clause], headline: str, strength: str = "strong") -> list[_Clause]:
    """Distinct admissions (in strong words under a headline); short neighbours join
    (民主意识不浓,法治观念淡薄)."""
    out: list[_Clause] = []
    pending: _Clause | None = None
    for c in clauses:
        text = c.text
        keep = (
            len(text) >= MIN_CLAUSE
            and _admits(text, strength)
            and not _announces(text)
            and not _restates(text, headline)
        )
        if not keep:
            pending = None
            continue
        if pending is not None and len(pending.text) < SHORT_HEADLINE and len(text) < SHORT_HEADLINE:
            out[-1] = _Clause(c.sentence, pending.start, c.end)
            pending = None
            continue
        out.append(c)
        pending = c
    return out


#: 存在A、B、C等问题 / 面临A、B等困难: problems admitted in a list inside running text (inspection
#: news, summaries); group 1 the frame's verb, group 2 the list
LISTED_PROBLEMS = re.compile(
    r"(存在|面临)(?:着|的)?([^。；;：:]{4,160}?)等?(?:方面)?的?(?:问题|不足|短板|现象|困难|挑战|压力|难题)"
)
#: the same frame closed by 等 (存在着重视不够、人员不足、措施不力等问题): tried first, since an
#: item's own 不足 would end the shorter match inside the list
LISTED_PROBLEMS_UP_TO_DENG = re.compile(
    r"(存在|面临|发现)(?:着|的|了)?([^。；;：:]{4,160}?)等(?:方面)?的?(?:问题|不足|短板|现象|困难|挑战|压力|难题)"
)
#: 基层调解队伍总体素质偏低、调解法律不健全、调解办案经费严重不足等问题仍然比较突出 (holdout38 h670):
#: a list the text itself calls outstanding problems, before the words that say so (group 2)
PROBLEMS_STANDING_OUT = re.compile(
    r"(^|[，,；;。])([^，,；;。]{4,120}?)等(?:方面的?)?问题(?:仍然|依然|仍|还|也)?(?:比较|较为|十分|日益|尤为)?(?:突出|严重|明显)"
)
#: one item of such a list: parted by 、 or a comma, or by 以及 before the last (…沟通衔接不畅以及社会
#: 参与度不高等问题, holdout37 h676); 诸如/比如 before the first is no part of it
LIST_ITEM = re.compile(r"(?:以及)?(?:诸如|比如|例如)?((?:(?!以及)[^、，,])+)")
#: 面临…等困难: the frame alone says its items are problems, so they need no word of admission
FACING = "面临"
#: 您指出的X问题 / 您提到X难以办到: a reply to a deputy's proposal admits what the proposal names
REPLY_ADMISSION = re.compile(
    r"(?:您|你们?|委员|代表)(?:所)?(?:指出|提出|提到|反映|所说)(?:的)?([^,，;；。！!?？]{4,60})"
)
#: 二、关于经费保障不足问题: a reply's heading naming the problem it answers
ABOUT_PROBLEM_HEADING = re.compile(
    rf"^\s*(?:[{NUMERALS}]+[、.．]|[（(][{NUMERALS}]+[）)])?\s*关于([^，,。]{{2,60}}问题)\s*$"
)
#: “基层法治服务覆盖不均”“法治与业务融合不紧”两大突出问题: quoted problems the text names
#: and counts (group 1 the quotes, group 2 the count)
QUOTED_PROBLEMS = re.compile(
    rf"((?:“[^“”]{{4,30}}”[、和及与]?)+)((?:[{NUMERALS}两]+[大个项类])?)(?:方面的?)?(?:突出|主要|重点)?"
    r"(?:问题|短板|不足)"
)
QUOTED_ITEM = re.compile(r"“([^“”]+)”")
#: list items shorter than this are words, not problems
MIN_ITEM = 4


def challenges_in_document(doc: Document, context: ReportContext | None = None) -> list[ChallengeRecord]:
    out: list[ChallengeRecord] = []
    for passage in _passages(doc):
        out += _itemised(_challenges_in_passage(passage, context), passage, context)
    reply = any(REPLY_ADMISSION.search(s.text) for s in doc.sentences)
    finding_open = False  # a finding of the paragraph goes on into its next sentences
    for s in doc.sentences:
        if _line_starts_at(doc.text, s.start):
            finding_open = False
        if s.section != "challenges":
            found = admissions_in(s, context) or admitting_heading(doc, s, context)
            after = finding_open or _names_a_problem(s)
            findings = findings_in(s, context, after_finding=after)
            if not findings and not after:
                run = findings_in(s, context, after_finding=True)
                findings = run if len(run) >= RUN_OF_ADMISSIONS else []
            found += _apart_from(findings, found)
            finding_open = finding_open or _finding_end(s.text) is not None
            out += found or (problems_in_reply(s, context) if reply else [])
    return out


def _itemised(
    records: list[ChallengeRecord], passage: list[Sentence], context: ReportContext | None
) -> list[ChallengeRecord]:
    """A passage's clause holding a 存在A、B、C等问题 list (但仍然存在…衔接不畅、工作开展通报较少、
    沟通有所欠缺等问题, holdout48 h870) gives the list's items, one challenge each, in its place."""
    items = [
        r
        for s in passage
        for r in admissions_in(s, context)
        if r.evidence.rule == "challenges.listed_problems"
    ]
    if not items:
        return records
    out: list[ChallengeRecord] = []
    for r in records:
        inside = [i for i in items if r.evidence.start <= i.evidence.start and i.evidence.end <= r.evidence.end]
        out += inside if len(inside) > 1 else [r]
    return out


def _apart_from(records: list[ChallengeRecord], taken: list[ChallengeRecord]) -> list[ChallengeRecord]:
    """``records`` that overlap none of ``taken`` (a finding another rule read already)."""
    spans = [(t.evidence.start, t.evidence.end) for t in taken]
    return [r for r in records if not any(a < r.evidence.end and r.evidence.start < b for a, b in spans)]


#: what may stand between a line break and a line's words
LINE_SPACE = " \t\u3000"


def _line_starts_at(text: str, pos: int) -> bool:
    """Whether only spaces stand between a line break (or the text's start) and ``pos``; it looks
    back over those spaces only, so asking it of every sentence costs the text's length once."""
    k = pos
    while k > 0 and text[k - 1] in LINE_SPACE:
        k -= 1
    return k == 0 or text[k - 1] == "\n"


def _line_ends_at(text: str, pos: int) -> bool:
    """Whether only spaces stand between ``pos`` and a line break (or the text's end)."""
    k = pos
    while k < len(text) and text[k] in LINE_SPACE:
        k += 1
    return k == len(text) or text[k] == "\n"


#: a heading line is short and ends without a sentence's punctuation
MAX_HEADING = 40
SENTENCE_END = "。！？!?；;：:"


def _is_heading_line(doc: Document, sentence: Sentence) -> bool:
    """A line of its own (a line break on both sides), short, with no sentence end."""
    text = sentence.text.strip()
    return (
        0 < len(text) <= MAX_HEADING
        and not text.endswith(tuple(SENTENCE_END))
        and _line_starts_at(doc.text, sentence.start)
        and _line_ends_at(doc.text, sentence.end)
    )


def admitting_heading(
    doc: Document, sentence: Sentence, context: ReportContext | None = None
) -> list[ChallengeRecord]:
    """经费不足,专业调解人才严重缺乏: a heading line every clause of which ends in a word of
    admission, outside a shortcomings section (news items head their problems part so), is
    one challenge; a clause that mends (补齐短板) or announces (存在的不足) makes it none."""
    if sentence.section == "plans" or not _is_heading_line(doc, sentence):
        return []
    clauses = _clauses(sentence, 0, len(sentence.text))
    if not clauses:
        return []
    admission = _cues("admission")
    for c in clauses:
        words = c.text.strip()
        if len(words) < 4 or not words.endswith(admission) or _announces(words):
            return []
        if words.startswith(_cues("remedy")):
            return []
    whole = _Clause(sentence, clauses[0].start, clauses[-1].end)
    return [_record(whole, context, "admitting_heading")]


#: 缓解基层法律援助机构人才短缺问题: the problem a reply says it works on
WORKED_PROBLEM = re.compile(r"(?:缓解|解决|破解|改善)([^,，;；。、]{4,40}?问题)")


def problems_in_reply(sentence: Sentence, context: ReportContext | None = None) -> list[ChallengeRecord]:
    """A reply to a deputy's proposal (it says 您指出/您提出) admits more than its frames: the
    problems it says it works on (缓解X问题) and every clause in words of admission
    (对60个补助标准偏低的县)."""
    out = [
        _record(_Clause(sentence, m.start(1), m.end(1)), context, "reply_problem")
        for m in WORKED_PROBLEM.finditer(sentence.text)
    ]
    taken = [(r.evidence.start - sentence.start, r.evidence.end - sentence.start) for r in out]
    for c in _clauses(sentence, 0, len(sentence.text)):
        if any(a < c.end and c.start < b for a, b in taken):
            continue
        if len(c.text) >= MIN_CLAUSE and _admits(c.text) and not _announces(c.text):
            out.append(_record(c, context, "reply_problem"))
    return out


def admissions_in(sentence: Sentence, context: ReportContext | None = None) -> list[ChallengeRecord]:
    """Problems a text admits outside a shortcomings section: news items and replies to
    proposals have none, yet name problems in a frame (存在A、B等问题, 您指出的X问题)."""
    text = sentence.text
    out: list[ChallengeRecord] = []
    heading = ABOUT_PROBLEM_HEADING.match(text)
    if heading and _admits(heading.group(1)):
        return [
            _record(_Clause(sentence, heading.start(1), heading.end(1)), context, "about_problem_heading")
        ]
    for m in REPLY_ADMISSION.finditer(text):
        if _admits(m.group(1)) or "问题" in m.group(1):
            out.append(_record(_Clause(sentence, m.start(1), m.end(1)), context, "reply_admission"))
    if out:
        return out
    if sentence.section == "plans":
        return out  # 下一步着力解决存在的X问题: a plan names what it will work on, not what it admits
    out += quoted_problems(sentence, context)
    up_to_deng = list(LISTED_PROBLEMS_UP_TO_DENG.finditer(text)) + list(PROBLEMS_STANDING_OUT.finditer(text))
    for m in up_to_deng or list(LISTED_PROBLEMS.finditer(text)):
        # 面临…困难 and 存在A、B等问题 say their items are problems: they need no word of admission
        start, named = m.start(2), m.group(1) == FACING or bool(up_to_deng)
        for item in LIST_ITEM.finditer(m.group(2)):  # 存在的诸如A、B等问题
            words = item.group(1)
            admits = named or _admits(words) or _ends_inadequate(words)
            if len(words) >= MIN_ITEM and admits and not _announces(words):
                clause = _Clause(sentence, start + item.start(1), start + item.end(1))
                out.append(_record(clause, context, "listed_problems"))
    return out


#: a sentence with no word of finding admits when this many of its clauses are inadequacies
#: (律师资源分布不均,边远贫困县律师力量薄弱: holdout37 h653)
RUN_OF_ADMISSIONS = 2
#: a clause longer than this is a description, not a shortcoming stated
MAX_FINDING = 45
#: a verb of mending this near a clause's start makes it name the work (切实解决执法力量不足)
REMEDY_REACH = 4


def findings_in(
    sentence: Sentence, context: ReportContext | None = None, after_finding: bool = False
) -> list[ChallengeRecord]:
    """Shortcomings written into running text after a finding (督查中发现部分村法律顾问履职尽责不够
    到位,工作日志填写不规范,…; 但是,…还有一些差距,对法律援助工作重要性的认识不足,政府责任落实
    不够): inspection news, meeting reports and replies have no shortcomings section. After the
    first word of finding (challenge_cues.tsv ``finding``), or from the start of a sentence that
    goes on a finding of its paragraph (``after_finding``), each clause that ends in a word of
    inadequacy (``inadequate``) or holds one that admits anywhere (缺乏, 尚未) is one challenge;
    a list of such predicates (重视不够、人员不足) gives one each. A verb of mending at a clause's
    start (解决…不足) makes it name the work."""
    if sentence.section == "plans":
        return []
    start = 0 if after_finding else _finding_end(sentence.text)
    if start is None:
        return []
    out = []
    for c in _clauses(sentence, start, len(sentence.text)):
        for part in _listed_parts(c):
            words = part.text.rstrip("。；;!！")
            closing = LIST_CLOSING.search(words)
            if closing and closing.start() >= MIN_CLAUSE - 1:  # …责任制有待进一步落实|等问题: the last item
                words = words[: closing.start()]
                part = _Clause(part.sentence, part.start, part.start + len(words))
            if not MIN_CLAUSE - 1 <= len(words) <= MAX_FINDING:
                continue
            at = _inadequacy_at(words)
            if at is None or any(w in words[:REMEDY_REACH] for w in _cues("remedy") if len(w) > 1):
                continue
            inner = _finding_end(words[:at])  # 在督查中发现|部分…不够到位: what was found
            marker = INLINE_MARKER.match(words) or LEADING_MARKER.match(words)  # 三是…/1.…: the item, not its marker
            if inner is not None and at - inner >= MIN_CLAUSE - 1:
                part = _Clause(part.sentence, part.start + inner, part.end)
            elif marker:
                part = _Clause(part.sentence, part.start + marker.end(), part.end)
            out.append(_record(part, context, "finding"))
    return out


#: the words closing a list of problems, after its last item (也存在A;B;C有待进一步落实等问题)
LIST_CLOSING = re.compile(r"等(?:方面的?)?(?:问题|情况|现象|不足)$")


def _names_a_problem(sentence: Sentence) -> bool:
    """1.干部队伍结构不够优化。/ (2)中心组学习存在打折扣现象 (巡察整改 notices, holdout35): a numbered
    line whose first clause ends in a word of inadequacy heads a problem found, though no word of
    finding and no shortcomings heading stands before it."""
    marker = LEADING_MARKER.match(sentence.text) or INLINE_MARKER.match(sentence.text)
    if marker is None:
        return False
    first = next(iter(_clauses(sentence, marker.end(), len(sentence.text))), None)
    if first is None or _announces(first.text):
        return False
    words = first.text.rstrip("。；;!！")
    return _ends_inadequate(words) or EXISTS_AS_PROBLEM.search(words) is not None


def _finding_end(text: str) -> int | None:
    """Where the first word of finding in ``text`` ends, or None when it has none."""
    found = [(text.find(w), -len(w)) for w in _cues("finding") if w in text]
    if not found:
        return None
    at, length = min(found)
    return at - length


def _listed_parts(clause: _Clause) -> list[_Clause]:
    """重视不够、人员不足、措施不力: a clause listing inadequacies with 、 is one per item when most
    items end in one (those items; holdout40 h714 lists 起步晚 among four); else the clause itself
    (部分村居法律服务者、村法律顾问履职尽责不够到位)."""
    spans, start = [], clause.start
    for k in range(clause.start, clause.end + 1):
        if k == clause.end or clause.sentence.text[k] == "、":
            spans.append((start, k))
            start = k + 1
    parts = [_Clause(clause.sentence, a, b) for a, b in spans]
    inadequate = [p for p in parts if _ends_inadequate(p.text)]
    if len(parts) > 1 and len(inadequate) >= max(2, MOST_OF_A_LIST * len(parts)):
        return inadequate  # 起步晚、建设程度低、体制机制薄弱、运行模式混乱: the items that admit
    return [clause]


#: the share of a 、-list's items that must end in inadequacy for the list to be read item by item
MOST_OF_A_LIST = 0.6


#: not enough of a quality, or a quality still wanted, ending a clause (学习不够深入, 体制机制欠完善,
#: 调解员综合能力有待提升, 作用有待进一步增强)
#: (人员素质需进一步提升, 体系建设需要进一步规范, 制度建设仍需加强: holdout39)
#: 难以满足日常工作需要 / 不能满足人民群众日益增长的法律服务需求: a need said to go unmet
UNMET_NEED = re.compile(r"(?:难以|不能|无法)(?:完全)?满足[^，,；;。]{0,30}(?:需要|需求|要求)$")
NOT_ENOUGH_END = re.compile(
    rf"(?:不够|有待(?:进一步)?|亟待|亟需(?:进一步)?|[仍还尚]需(?:要)?(?:进一步)?|需(?:要)?进一步)[{HAN}]{{2}}$"
)


def _ends_inadequate(words: str) -> bool:
    words = words.rstrip("。；;!！")
    return words.endswith(_cues("inadequate")) or bool(NOT_ENOUGH_END.search(words) or UNMET_NEED.search(words))


#: 存在“不愿调、不敢调、不会调”的情况 / “一村一法律顾问”存在形式主义的问题 / 出现了无办公牌子、无实际
#: 在岗人员的情况 (holdout40 h716): a clause saying a state of things exists, ending in the word for it
#: (not one saying it did not: 未出现…的情况, 杜绝出现…的现象)
EXISTS_AS_PROBLEM = re.compile(r"(?<![未没无不免绝])(?:存在|出现)(?:着|了)?[^，,；;。]{2,30}?的?(?:情况|现象|问题)$")


def _inadequacy_at(words: str) -> int | None:
    """Where the clause's word of inadequacy starts: one ending it, a state of things said to
    exist, or a word that admits anywhere."""
    end = next((w for w in _cues("inadequate") if words.endswith(w)), None)
    if end is not None:
        return len(words) - len(end)
    exists = EXISTS_AS_PROBLEM.search(words)
    if exists and not _announces(words):
        return exists.start()
    not_enough = NOT_ENOUGH_END.search(words) or UNMET_NEED.search(words)
    if not_enough:
        return not_enough.start()
    return min((words.find(w) for w in _cues("inadequate_anywhere") if w in words), default=None)


def quoted_problems(sentence: Sentence, context: ReportContext | None = None) -> list[ChallengeRecord]:
    """针对…梳理的“A”“B”两大突出问题: each quoted item the text counts as a problem is one,
    without a word of admission (the count says it); uncounted, only a quote in words of
    admission (“财力保障不足”问题), not a slogan (解决群众“急难愁盼”突出问题)."""
    out = []
    for m in QUOTED_PROBLEMS.finditer(sentence.text):
        counted = bool(m.group(2))
        for item in QUOTED_ITEM.finditer(m.group(1)):
            if counted or _admits(item.group(1)):
                start = m.start(1) + item.start(1)
                clause = _Clause(sentence, start, start + len(item.group(1)))
                out.append(_record(clause, context, "quoted_problems"))
    return out


def _passages(doc: Document) -> list[list[Sentence]]:
    """Runs of consecutive shortcomings sentences."""
    runs: list[list[Sentence]] = []
    previous = None
    for s in doc.sentences:
        if s.section == "challenges":
            if previous != "challenges":
                runs.append([])
            runs[-1].append(s)
        previous = s.section
    return runs


def _is_numbered(passage: list[Sentence]) -> bool:
    """Whether the passage lists its problems (一是…, (一)…, 以下不足:A,B) or just writes them."""
    for s in passage:
        if _items(s) and not _is_top(s):
            return True
        colon = LIST_COLON.search(s.text)
        if colon and _announces(s.text[: colon.start()]):
            return True
    return False


def _challenges_in_passage(passage: list[Sentence], context: ReportContext | None) -> list[ChallengeRecord]:
    """Numbered passages give their headlines plus strong distinct admissions; an unnumbered
    passage gives every admission it writes."""
    out: list[ChallengeRecord] = []
    headline = ""
    in_causes = False
    strength = "strong" if _is_numbered(passage) else "admission"
    for s in passage:
        if s.text.startswith(s.heading) and not LEADING_MARKER.match(s.text) and s.heading:
            continue  # the section's own heading (三、存在的不足及原因 is matched by LEADING_MARKER too)
        if _is_causes_heading(s):
            in_causes = True
            continue
        if in_causes or s.text.startswith(_cues("causes")):
            continue
        items = _items(s)
        if items and not INLINE_MARKER.search(s.text) and _is_top(s):
            continue
        if not items:
            colon = LIST_COLON.search(s.text)
            if colon and _announces(s.text[: colon.start()]):
                for c in _clauses(s, colon.end(), len(s.text)):
                    if _admits(c.text) and len(c.text) >= MIN_CLAUSE:
                        out.append(_record(c, context, "list_after_colon"))
                        headline = c.text
                continue
            for c in _elaboration(_clauses(s, 0, len(s.text)), headline, strength):
                out.append(_record(c, context, "admission"))
            continue
        before = _clauses(s, 0, items[0][0])
        out += [
            _record(c, context, "admission")
            for c in _elaboration(before, headline)
            if not LIST_COLON.search(c.text)
        ]
        for start, end in items:
            clauses = _clauses(s, start, end)
            head = _headline(clauses)
            if head is None:
                continue
            out.append(_record(head, context, "numbered_item"))
            headline = head.text
            rest = [c for c in clauses if c.start >= head.end]
            out += [_record(c, context, "admission") for c in _elaboration(rest, headline)]
    return out


def _is_top(sentence: Sentence) -> bool:
    """The passage's own heading (三、…存在的不足 / (二)存在的问题) rather than a numbered problem:
    a numbered line naming the section and admitting nothing beyond that."""
    if not LEADING_MARKER.match(sentence.text) or section_kind_of(sentence.text) != "challenges":
        return False
    return not _admits(
        re.sub(
            r"存在的?(?:主要)?(?:问题|不足|短板|差距)|不足(?:及|和|与)?|问题(?:及|和|与)?", "", sentence.text
        )
    )
