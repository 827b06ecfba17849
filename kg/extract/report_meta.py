"""Who wrote the report, about which region and year: from the title, opening or signature.

Reports name their bureau in different places: the title (大兴安岭地区行政公署司法局2023年度…),
the first sentence (2022年,…綦江区司法局坚持…) or only the signature at the end (宣汉县司法局 /
2021年1月28日), and web pages put breadcrumbs and 来源 lines before the title. The first body
named with a gazetteer place (a county and up, or a town under a county the text names) is
the bureau, in the fullest form the report gives it; bodies thanked (在县委、县政府的坚强领导下)
are not. A body named by level only (县司法局) takes the unit of that level the report names
most. The region is the deepest place the bureau's name starts with, resolved in the context
of the places the text names. The year is the year reported on, so publication dates (the
signature's) only stand in when nothing else does.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from kg.extract.outcomes import figures_in
from kg.extract.records import Evidence, RegionMention, ReportMeta
from kg.extract.regions import (
    choose_in_context,
    place_at,
    places_called,
    places_named,
    region_mention,
    regions_in_document,
    regions_in_text,
    town_at,
    towns_in_text,
)
from kg.text.document import Document, Sentence, make_document, per_document
from kg.text.patterns import HAN, PINYIN_GLOSS, book_title_spans, clause_spans, dates_in, inside
from kg.text.patterns import SINGLE_YEAR as YEAR
from kg.vocab import gazetteer
from kg.vocab.lexicon import rows, words

#: words that make a text a yearly report (published months after the year it reports on)
YEARLY_REPORT = re.compile(r"年度?[^。]{0,20}(?:报告|总结)|报告如下|总结如下|汇报如下")
CHINESE_DIGITS = "〇一二三四五六七八九零"
CHINESE_YEAR = re.compile(rf"([{CHINESE_DIGITS}]{{4}})年")
#: Titles, plan periods and document names hold years that are not the report's (2015—2020年).
QUOTED = re.compile(r"《[^》]*》|[（(][^）)]*[）)]")
TITLE_WORDS = re.compile(r"(报告|总结|情况|年报|答复函|答复)\s*(?:[（(][^）)]*[）)])?\s*$")
#: 2023年度某县法治政府建设工作报告 / 关于某县2023年…的报告: what may stand before a title's place
TITLE_LEAD = re.compile(r"^(?:关于)?(?:(?:19|20)\d{2}\s*年度?)?")
#: 法治政府建设 / 依法行政: the topic of a report, right after the place in its title
TITLE_TOPIC = re.compile(r"法治|依法")
#: 某县2023年…报告_某县人民政府 / 报告 - 栏目 - 网站: a page's <title>, the report's title first
PAGE_TITLE_SEPARATOR = re.compile(r"\s*(?:_|\||\s[-–—]\s)\s*")
#: 红石塘镇 / 某某街道: a name of two to five characters and a town's suffix, the shortest such
UNLISTED_TOWN = re.compile(rf"[{HAN}]{{2,5}}?(?:{'|'.join(gazetteer.TOWN_SUFFIXES)})")
#: 城乡, 乡镇, 城镇: words ending like a town's name whose last character before the suffix is one of these
TOWN_WORD_ENDS = "城乡镇村"
#: parts only a yearly report has: what it achieved, what it plans, how its leaders did their
#: duties as first responsible persons (一、严格落实党政主要负责人履行推进法治建设第一责任人职责…)
REPORT_SECTIONS = ("achievements", "plans", "duties")
#: 我局 / 本所 / 我分局 / 我中心: a text speaking as a body, not as a place
BODY_SELF_REFERENCE = re.compile(r"[我本](?:[局厅委办所院处]|分局|中心|站|队)")
#: 情况报告 / 的报告 / 工作总结: the short tail line of a title broken over two lines
COLUMN_NAME = re.compile(rf"^[{HAN}]{{0,4}}(?:报告|总结|年报)$")

TITLE_TAIL = re.compile(rf"^[{HAN}]{{0,8}}(?:报告|总结)$")
#: 2016年底到2017年初 / 2020年至2022年: a period from one year into another
YEAR_SPAN = re.compile(r"((?:19|20)\d{2})\s*年[底末初]?(?:到|至|—|-|~)((?:19|20)\d{2})\s*年")
#: Lines of web-page furniture (breadcrumbs, 来源, 发布时间, 浏览次数) are never titles.
FURNITURE = re.compile(r"[/>|]|来源|发布|时间|浏览|字体|分享|打印|扫一扫")
#: A signature or title line: only name characters, no sentence punctuation.
NAME_LINE = re.compile(rf"^[{HAN}（）()]{{3,40}}$")
#: What the bureau's name in running text may not contain between the place and the suffix.
NOT_IN_NAME = re.compile(r"[在的和与及以对为把将从向坚持据按]")  # 据, 按: 根据…, 按照… (holdout25 h411)
#: 中共某区委 某区人民政府 / 中共某县委、某县人民政府: two bodies opening a title, apart
JOINT_AUTHORS = re.compile(rf"(?:中共)?[{HAN}]{{2,40}}[\s、]+[{HAN}]{{2,40}}")
#: Where a bureau's name is read, most telling first.
WHERE = ("title", "head", "opening", "signature", "source", "own_document")
#: 我局, 本局, 我委: a text speaking of its body as itself; the unit word is the body's suffix
SELF_REFERENCE = re.compile(r"[我本]([局厅委办])")

GOVERNMENT_NAMES = ("人民政府", "政府")

REFERRING = re.compile(r"该(街道|镇|乡|县|区|市)")
#: a field's value ends where the next field on the same line begins (two or more spaces, a
#: bar, or the bracket opening the next label: [ 发布机构 ] 某乡人民政府 [ 有效性 ])
FIELD_END = re.compile(r"\s{2,}|\s*\||\s*\[")
#: - 发布机构: / • 索 引 号: / | 发文机关: |: list and table marks a page puts before a field's label
FIELD_MARKS = r"(?:[-•·*|]\s*)*"
#: 在县委、县政府的坚强领导下 / 得益于县委、县政府的坚强领导和…的坚实引领 (holdout42): bodies the
#: author thanks, not the author
LEADERSHIP = re.compile(r"在[^,，。;；]*?(?:领导|指导|关心|支持|部署)下|得益于[^,，。;；]*(?:领导|指导|引领|支持)")
#: 按照中共临沧市委全面依法治市委员会办公室《关于报送…的通知》要求 (holdout12 h195) / 根据靖边县第十八届
#: 人大常委会第十一次会议安排 (wide d703) / 根据市政府和应急管理部要求 (holdout10 h162): the body asking
#: for the report or the work, not the one writing it (rule requesting_body, read like 在…领导下)
REQUESTED = re.compile(r"(?:根据|按照|依据)[^,，。;；]{0,80}?(?:要求|安排|部署)")
#: the levels a body's name may start with, by rank: province, city or prefecture, county
LEVEL_RANK = {"省": 0, "市": 1, "州": 1, "县": 2, "区": 2, "旗": 2}
#: 区委 / 市政府 / 市局 in 在…领导下: a leading body named by its level
LEADING_BODY = re.compile(rf"(?:(?<=[在和、及与委府局])|(?<![{HAN}]))([省市县区州旗])(?=委|政府|人民政府|局)")
#: 全区 / 我区 / 各开发区: words for a unit that are no zone's name
NOT_ZONE_START = "全我本各该每"
#: 一个乡村调解员的秘密 (holdout41): a count and its classifier open no place's name (一个乡)
COUNTED_START = re.compile(r"[一二两三四五六七八九十几这那][个座]")
#: 省公共法律服务中心 / 市司法局: a body named by its level and a department's name (not 省级…)
LEVEL_NAMED_DEPARTMENT = re.compile(
    rf"[省市县区州旗](?!级)[{HAN}]{{2,10}}?(?:"
    + "|".join(sorted(map(re.escape, words("bureau_suffixes.tsv")), key=len, reverse=True))
    + ")"
)
#: 县委、县政府坚持… / 。市委、市政府高度重视…: a level's party committee and government opening a
#: clause as its subject (not thanked: 在县委、县政府的领导下; not addressed: 县委、县政府:)
JOINT_SUBJECT = re.compile(
    r"(?:^|[,，。;；])\s*(?:(?:19|20)\d{2}\s*年度?[,，])?([省市县区州旗])委、\1(?:人民)?政府(?![:：的和])"
)
#: 某区政府关于2020年度法治政府建设情况的报告 / 省人民政府关于2024年法治政府建设情况的报告:
#: a report on the rule of law named by its author, unquoted, in a text about it
HEARD_REPORT = re.compile(
    r"关于(?:(?:19|20)\d{2}\s*年度?)?[^。，,、;；《》]{0,20}?(?:法治|依法)[^。，,、;；《》]{0,16}?的报告"
)
#: 听取 / 审议 / 作 (a report): what a hearing does with the report it names
HEARING_VERB = re.compile(r"听取|审议|评议|作")
#: 区政府 / 县人民政府 right before 关于: a government named by its level only, standing alone
#: or right after the hearing's verb (分组审议省人民政府关于…, d609)
LEVEL_GOVERNMENT = re.compile(rf"(?:(?<![{HAN}])|(?<=听取|审议|评议)|(?<=[和了]))[省市县区州旗](?:人民)?政府$")
#: (qū) after 區: a pinyin note a converter left inside the words of a page (龍沙區(qū)法律援助中心)
PINYIN_NOTE = re.compile(rf"(?<=[{HAN}]){PINYIN_GLOSS.pattern}")
#: 县司法局 / 区人民政府 / 县政府 (holdout6 h88: …,县政府及工作部门坚持…) / 省卫生健康委: a body named by
#: its level only; a government's own body first (市政府国资委, holdout8 h113) (a 委 of a department, not
#: 人大常委会 or a 委员 of one: holdout6 h80 2022年,省卫生健康委坚持…, as 2022年,市科技局坚持… in h71)
#: (not across 的: 县政府的坚强领导和县委 is two bodies in a phrase, holdout42)
LEVEL_BODY = (
    rf"[省市县区州旗](?:司法局|司法厅|人民政府|(?:(?!的)[{HAN}]){{1,10}}?(?:[局厅]|委(?![会员]))|政府(?!办))"
)
#: the same, not inside another word
RELATIVE_BODY = re.compile(rf"(?<![{HAN}]){LEVEL_BODY}")
#: 现将县人民政府2022年…报告如下: the same, right after the handover's verb
HANDED_OVER_BODY = re.compile(LEVEL_BODY)
#: 中共渠县县委、渠县人民政府: the line a report is addressed to, not the body writing it
ADDRESSEE = re.compile(r"^[^。，,；;0-9如]{2,40}[:：]\s*$")
#: 现将宝城镇2025年度法治政府建设情况报告如下: the formula that hands the report over names its body;
#: a page publishing it says 予以公开 / 予以公布 for 如下 (现将市人社局2022年…报告予以公开, holdout9 h143)
HANDOVER = re.compile(r"现将([^。；;]{2,60}?)(?:报告|汇报|总结)(?:如下|予以公[开布])")
#: 2025年,下蜀镇坚持… / 本报讯(记者 某某)泗县在… / 中新网 哈尔滨10月12日电 (记者 某某)“…: what
#: stands before the subject of a first sentence (an agency, a city and a date before 电: d509)
OPENING = re.compile(
    r"^(?:[^,，。（(]{0,16}[讯电訊電]\s*(?:[（(][^）)]{0,30}[）)])?\s*)?(?:(?:19|20)\d{2}\s*年(?:以来|度)?[,，]?\s*)?"
)
#: ■某局局长 某某: marks and spaces around a byline
BYLINE_MARKS = re.compile(r"[■●◆\s]")
HEAD_LINES = 12
#: 驻乌鲁木齐…工作站: the word before a place where a body is stationed, not whose it is
STATIONED = "驻"
#: 在某中心窗口: the preposition naming where a scene happens
LOCATIVE = "在"
#: 某局等相关部门: a body listed with others
SEVERAL = "等"
#: 近年来, / 据介绍, / 日前,: the longest lead phrase before a sentence's subject (with its comma)
LEAD_CLAUSE = 6
#: how far into a news story its acting body is looked for (a lead anecdote comes first)
NEWS_SENTENCES = 6
#: a story's sentence ends with a full stop (a headline, caption or byline does not)
STORY_SENTENCE_END = re.compile(r"[。！？!?][”’」』]?$")
#: “我被公司无理由解除劳动合同……。”: a quote, not the story's own voice
QUOTE_SENTENCE = re.compile(r"^[“‘「].*[”’」]$")
#: where a clause ends and the next one may name its subject
CLAUSE_BREAK = re.compile(r"[,，;；:：]\s*")
#: a date line (2025年1月17日, 21.06.2016 03:16) is short; a date inside a sentence is an event's
DATE_LINE = 40
#: 2015年,我局…: a first sentence framed by a year (after a news dateline 某报讯(记者 某某)); a
#: full date there (2025年4月7日,…) is a day's event, not the text's year (measured: it took a
#: blind set's year from 1.00 to 0.94)
FRAMING_YEAR = re.compile(
    r"^(?:[^,，。]{0,12}[讯电訊電]\s*(?:[（(][^）)]{0,30}[）)])?\s*)?((?:19|20)\d{2})\s*年度?[,，]"
)
#: 2025年以来,我委紧扣…: a yearly report opening with the period its year has run so far
SINCE_OPENING = re.compile(r"^((?:19|20)\d{2})\s*年以来[,，]")
#: 一、2022年法治政府建设工作总结: the first part of a report's outline, headed by its year
OUTLINE_YEAR = re.compile(r"^[一1][、.．]\s*((?:19|20)\d{2})\s*年(?!以来|至|到|—|-)")
#: 2020年10月下旬的一个: a line opening with a month that goes on in words, not a date line
MONTH_THEN_WORDS = re.compile(rf"^(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*(?![日号])[{HAN}]")
#: 2025年4月7日,: a full date closing its clause, what a story's lede has its body act on
LEDE_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]\s*")
#: how often a story must name a place for it to be the story's when nothing else gives one
MIN_STORY_MENTIONS = 2
#: 乾务司法所 right after 斗门区司法局: a town's short name and a grassroots unit's word
GRASSROOTS_UNIT = re.compile(
    rf"[{HAN}]{{2,4}}?(?:" + "|".join(map(re.escape, words("report_grassroots.tsv"))) + ")"
)
#: 2015年, / 2023年初, : a year (or its start or end) framing a clause of a story
NARRATIVE_YEAR = re.compile(r"(?:^|[。,，;；])\s*((?:19|20)\d{2})\s*年[初底末]?[,，]")
#: 2018年,全县…: a sentence framed by a year
SENTENCE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年[,，]")
#: a year a story names as a time: not a date's (2018年3月), a period's (2015年以来, 2020年至2022年)
#: or a 年度 (2023年度签约)
STORY_YEAR = re.compile(r"((?:19|20)\d{2})\s*年(?!度|\s*\d{1,2}\s*月|至|以来|到|—|-|底|初)")
#: any year, whatever follows it (2022年度, 2016年底, 2015年以来)
YEAR_ANY = re.compile(r"((?:19|20)\d{2})\s*年")
#: 吴川、遂溪司法局: a name heading a list of names
LIST_MARK = "、"
#: 各县(市、区) / 县市区: the counties under a text's own unit, which is then a prefecture
SUBORDINATE_COUNTIES = re.compile(r"县\s*[（(]\s*市|县市区|县区")
#: 2018年,…试点工作以来: a year that starts a period, not one that frames the text
SINCE = "以来"
#: sentence marks: a line holding one is running text, not a date line
CLAUSE_MARK = re.compile(r"[,，。;；]")
#: 哈尔滨10月12日电 / 湖南日报2月26日讯: a news dateline (month and day, no year)
DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日\s*(?:电|讯)")
#: 2024-11-27 / 2025年04月10日: a page date to the day (groups: year, month, day)
FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})")
#: days a page may come out after its story's dateline before it counts as a later copy
COPY_DAYS = 7
#: a year named this often, with no rival, is the year a text without a dated opening is about
MIN_YEAR_MENTIONS = 2

CLOSING_DATE = re.compile(r"[\[(（【]([^\[\]()（）【】]{6,30})[\])）】]\s*$")

STATISTICS_YEAR = re.compile(
    r"((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*起?\s*(?:至|到|—|-|~)\s*(?:((?:19|20)\d{2})\s*年)?\s*12\s*月\s*31\s*日"
)
TAIL_LINES = 8
OPENING_SENTENCES = 3


@dataclass(frozen=True)
class _Found:
    """A bureau name read somewhere in the report."""

    name: str
    sentence: Sentence
    start: int
    where: str  # title | opening | signature
    #: the place a body named by reference (该市司法局) is of, read before it
    region: RegionMention | None = None
    #: how long the name is as written, where it was completed (该市司法局 for 安庆市司法局)
    written: int | None = None

    def evidence(self, rule: str) -> Evidence:
        """The name's span in its sentence, read by ``rule``."""
        return Evidence.of(self.sentence, self.start, self.start + (self.written or len(self.name)), rule=rule)


def _suffix_pattern() -> re.Pattern[str]:
    suffixes = sorted(words("bureau_suffixes.tsv"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, suffixes)) + ")")


@cache
def _mediation_suffixes() -> tuple[str, ...]:
    """人民调解委员会, 调委会, 调解室: the suffixes of mediation bodies (kg/vocab/data/org_suffixes.tsv)."""
    return tuple(r[0] for r in rows("org_suffixes.tsv") if r[1] == "mediation")


def _head(doc: Document) -> list[Sentence]:
    return doc.sentences[:HEAD_LINES]


@cache
def _field_labels(kind: str) -> frozenset[str]:
    return frozenset(r[1] for r in rows("report_fields.tsv") if r[0] == kind)


@cache
def _field_label() -> re.Pattern[str]:
    """A metadata field's label at a line's start (索  引 号:, 分      类:: spaced out for alignment),
    or in brackets ([ 发布机构 ] 丰都县栗子乡人民政府 [ 有效性 ], holdout10 h170: a table of fields
    printed two to a line). Rule ``bracketed_field`` (widens the field lines' reading)."""
    labels = sorted((r[1] for r in rows("report_fields.tsv")), key=len, reverse=True)
    spaced = (r"\s*".join(label) for label in labels)
    return re.compile(r"^\s*" + FIELD_MARKS + r"(?:\[\s*)?(" + "|".join(spaced) + r")\s*(?:[:：]|\])[\s|]*")


@cache
def _bare_label() -> re.Pattern[str]:
    """A field's label alone on its line (发布机构 / 冠县司法局: a metadata table laid out one cell a
    line), its value on the next line."""
    labels = sorted((r[1] for r in rows("report_fields.tsv")), key=len, reverse=True)
    spaced = (r"\s*".join(label) for label in labels)
    return re.compile(r"^\s*" + FIELD_MARKS + "(" + "|".join(spaced) + r")\s*[:：]?[\s|]*$")


@cache
def _source_line() -> re.Pattern[str]:
    """来源: / 发布机构: / 发文机关:: the stamp lines that name the body issuing a page."""
    labels = sorted(_field_labels("body"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, labels)) + r")\s*[:：]")


def _field_value(s: Sentence) -> tuple[str, Sentence] | None:
    """A metadata field line's label (spaces dropped) and its value as a sentence at its offsets
    (标      题: 中共某区委某区人民政府关于…的报告 gives 标题 and the title)."""
    m = _field_label().match(s.text)
    if m is None:
        return None
    end = FIELD_END.search(s.text, m.end())
    stop = end.start() if end else len(s.text)
    value = replace(s, text=s.text[m.end() : stop], start=s.start + m.end(), end=s.start + stop)
    return re.sub(r"\s", "", m.group(1)), value


def _fields(doc: Document) -> dict[int, tuple[str, Sentence | None]]:
    """The metadata fields among the head lines, by line index: a field line (发布机构: 某县司法局)
    gives its label and value; a label alone on its line gives the label and no value, and the
    line after it that label and that line as the value."""
    out: dict[int, tuple[str, Sentence | None]] = {}
    head = _head(doc)
    for i, s in enumerate(head):
        if s.section != "preamble" or i in out:
            continue
        field = _field_value(s)
        if field is not None:
            out[i] = field
            continue
        bare = _bare_label().match(s.text)
        if bare is not None:
            label = re.sub(r"\s", "", bare.group(1))
            out[i] = (label, None)
            if i + 1 < len(head) and not _bare_label().match(head[i + 1].text):
                out[i + 1] = (label, head[i + 1])
    return out


def title_sentence(doc: Document) -> Sentence | None:
    """The report's title line: before the body, naming a report, not page furniture. A page's
    metadata block gives it as a field (标  题: …); its other fields (分  类: 其他;报告) are no titles."""
    head = _head(doc)
    fields = _fields(doc)
    for i, s in enumerate(head):
        if s.section != "preamble":
            break
        if i in fields:
            label, value = fields[i]
            if value is not None and label in _field_labels("title") and TITLE_WORDS.search(value.text):
                return value
            if value is not s:  # a field line; a value on its own line may still be the title
                continue
        relayed = _relayed_title(s) or _page_title(s)
        if relayed is not None:
            return relayed
        if len(s.text) <= 70 and TITLE_WORDS.search(s.text) and not FURNITURE.search(s.text):
            if COLUMN_NAME.match(s.text.strip()):
                continue  # 工作报告 above the title: the name of the site's column, no report's title
            return s
        split = _split_title(s, head[i + 1] if i + 1 < len(head) else None)
        if split is not None:
            return split
    return None


def _split_title(s: Sentence, after: Sentence | None) -> Sentence | None:
    """A title broken over two lines (贵州省2023年度法治政府建设工作 / 情况报告): the line and the
    short tail that ends it, read as one title at the first line's offsets."""
    if after is None or after.section != "preamble" or not TITLE_TAIL.match(after.text.strip()):
        return None
    if len(s.text) > 60 or FURNITURE.search(s.text) or CLAUSE_MARK.search(s.text):
        return None
    if re.search(r"[:：]", s.text) or FULL_DATE.search(s.text):
        return None  # 今天是:2019年10月31日 星期三 / 工作报告: a site's date line above a column's name
    text = s.text.rstrip() + after.text.strip()
    return replace(s, text=text, end=s.start + len(text))


def _page_title(s: Sentence) -> Sentence | None:
    """A page's <title> line (某县2023年法治政府建设年度报告_某县人民政府, … - 栏目 - 网站名): its first
    segment, when that is a report's title."""
    m = PAGE_TITLE_SEPARATOR.search(s.text)
    if m is None or m.start() == 0:
        return None
    first = s.text[: m.start()]
    if len(first) <= 70 and TITLE_WORDS.search(first) and not FURNITURE.search(first):
        return replace(s, text=first, end=s.start + len(first))
    return None


def _relayed_title(s: Sentence) -> Sentence | None:
    """A page interpreting a report (【文字解读】《中共某区委某区人民政府关于2024年…的报告》文件解读):
    the report's title inside the 《》 of a headline holding a word of relaying
    (kg/vocab/data/report_relays.tsv), as a sentence at its offsets; the page is that report's."""
    if not any(w in s.text for w in words("report_relays.tsv")):
        return None
    for a, b in book_title_spans(s.text):
        inner = s.text[a + 1 : b - 1]
        if TITLE_WORDS.search(inner) and not FURNITURE.search(inner):
            return replace(s, text=inner, start=s.start + a + 1, end=s.start + b - 1)
    return None


def _body_opening(doc: Document, title: Sentence | None) -> list[Sentence]:
    """The first sentences of the report's own text (after title and furniture lines)."""
    start = title.index + 1 if title is not None else 0
    fields = _fields(doc)
    out = []
    for s in doc.sentences[start:]:
        if s.section != "preamble" or len(out) >= OPENING_SENTENCES:
            break
        if (FURNITURE.search(s.text) and len(s.text) < 40) or _is_addressee(s.text) or _page_stamp(s):
            continue
        if s.index in fields:
            continue  # a metadata field (发文字号: …, or 发布机构 / 某县司法局), not the report's text
        if NAME_LINE.match(BYLINE_MARKS.sub("", s.text)) and len(s.text) < 40:
            continue  # a headline or byline (■某局局长 某某) above the text, not its first sentence
        out.append(s)
    return out


def _is_addressee(text: str) -> bool:
    """The line a report is addressed to (区委、区政府: / 中共某县委员会,某县人民政府:): bodies
    only, ended by a colon; the body writing the report names itself elsewhere."""
    if ADDRESSEE.match(text):
        return True
    m = re.fullmatch(r"\s*([^。；;:：0-9]{2,60})[:：]\s*", text)
    if m is None:
        return False
    parts = [p for p in re.split(r"[,，、\s]+", m.group(1)) if p]
    return len(parts) > 1 and all(_longest_suffix(p) for p in parts)


def _signature(doc: Document) -> list[Sentence]:
    """Short name-only lines at the end (宣汉县司法局 above the date), last first."""
    out = []
    for s in reversed(doc.sentences[-TAIL_LINES:]):
        if NAME_LINE.match(s.text):
            out.append(s)
    return out


def _bureau_in_title(s: Sentence) -> _Found | None:
    """The title's prefix before the year or 关于, when it ends in a body's suffix; a site's tag
    before it (【2022年】州生态环境局2022年度…, holdout26 h440) is not part of it."""
    tag = TITLE_TAG.match(s.text)
    offset = tag.end() if tag else 0
    prefix = re.split(r"(?:19|20)\d{2}|关于|[（(]", s.text[offset:], maxsplit=1)[0]
    m = JOINT_AUTHORS.match(prefix)  # 中共某区委 某区人民政府关于…: a joint report is both bodies'
    if m is None or not all(_longest_suffix(part) for part in re.split(r"[\s、]+", m.group(0))):
        m = re.match(rf"(?:中共)?[{HAN}]{{2,40}}", prefix)
    if m and _longest_suffix(m.group(0)):
        return _Found(m.group(0), s, offset, "title")
    return None


#: a site's tag heading a title: 【2022年】, 【专题】, [工作报告]
TITLE_TAG = re.compile(r"^\s*[【\[][^】\]]{1,12}[】\]]\s*")


def _town_line(s: Sentence) -> list[_Found]:
    """尼山镇人民政府 on its own line above a title naming no place (2024年法治政府建设工作总结), in a
    text naming no county the gazetteer could place the town by: the whole line as a body, which
    :func:`_bureau` keeps only if a town (listed or not) opens it. Widens the title's town rule
    (某镇司法所2023年…, holdout h12, dev8 h141) to a name line (holdout8 h118, holdout11 h190 read
    so now, both also by their opening). Rule ``body_in_head``."""
    text = s.text.strip()
    if not _longest_suffix(text) or LIST_MARK in text or " " in text:
        return []
    return [_Found(text, s, s.text.index(text), "head")]


def _joint_authors_line(s: Sentence) -> _Found | None:
    """中共某县委 某县人民政府 on its own line above a title that starts at 关于: the report of both
    bodies (a joint title split over two lines), read whole."""
    text = s.text.strip()
    parts = re.split(r"[\s、]+", text)
    if len(parts) < 2 or not JOINT_AUTHORS.fullmatch(text) or not all(_longest_suffix(p) for p in parts):
        return None
    return _Found(text, s, s.text.index(text), "head")


def _longest_suffix(name: str) -> int:
    return max((len(w) for w in words("bureau_suffixes.tsv") if name.endswith(w)), default=0)


@cache
def _national_names() -> tuple[str, ...]:
    """司法部, 自然资源部, 国务院: national bodies named without a place (kg/vocab/data/org_national.tsv),
    longest first."""
    return tuple(sorted(words("org_national.tsv"), key=len, reverse=True))


def _national_body_at(s: Sentence, pos: int, where: str) -> _Found | None:
    """A national body whose name starts at ``pos`` (2021年,自然资源部坚持… / 23日,司法部召开…):
    a ministry writes its own report and has no region (GUIDELINES: the country is no region)."""
    name = next((n for n in _national_names() if s.text.startswith(n, pos)), None)
    return _Found(name, s, pos, where) if name is not None else None


def _bureaus_in_running_text(
    s: Sentence, where: str, named: frozenset[gazetteer.Place] | None = None
) -> list[_Found]:
    """Place-prefixed body names in a sentence: the place, a few name characters, a suffix
    (綦江区司法局 in 2022年,…綦江区司法局坚持…), extended over a further suffix (人民政府办公室)."""
    out = []
    quoted = book_title_spans(s.text)
    quoted += [(m.start(), m.end()) for m in LEADERSHIP.finditer(s.text)]
    quoted += [(m.start(), m.end()) for m in REQUESTED.finditer(s.text)]  # rule requesting_body
    for mention in _places_in(s, named or frozenset()):
        start = mention.evidence.start - s.start
        if inside(start, quoted):
            continue
        body = _body_after_place(s, start, mention.evidence.end - s.start, where)
        if body is not None:
            out.append(body)
    return out


def _body_after_place(s: Sentence, start: int, place_end: int, where: str) -> _Found | None:
    """The body whose name is the place at ``start`` (ending at ``place_end``), a few name
    characters and a suffix (外冈镇司法所, 綦江区司法局), or None."""
    if _stationed_in(s.text, start):
        return None
    suffix = _suffix_pattern()
    rest = s.text[place_end:]
    for m in suffix.finditer(rest):
        middle = rest[: m.start()]
        compact = _without_joined_departments(middle)  # 人力资源和社会保障: one department word, not nine characters
        if len(compact) > 8 or NOT_IN_NAME.search(compact) or not re.fullmatch(rf"[{HAN}]*", middle):
            return None
        if _plural_middle(middle):
            return None  # 常州市各级调解部门: every level's bodies, none of them the author
        if (middle + m.group(0)).endswith(words("body_lookalikes.tsv") + _mediation_suffixes()):
            return None  # 法治政府 is a goal, 举办 a verb; 某乡人民调解委员会 a mediation body, which writes no report
        end = m.end()
        more = suffix.match(rest, end)
        if more and not rest.startswith("长", more.end()):  # 司法局局长: the 局 of 局长 is no second suffix
            end = more.end()
        if not rest[:end].endswith(words("report_grassroots.tsv")):  # 司法所联合派出所: two units, no parent
            end = _grassroots_unit_end(rest, end)
        if rest.startswith(_site_words(), end):
            return None  # 来源:某区政府网站: a website's name, not the body writing the page
        if start >= 2 and s.text[start - 2 : start] == "中共":
            start -= 2
        return _Found(s.text[start : place_end + end], s, start, where)
    return None


def _stationed_in(text: str, start: int) -> bool:
    """向遂宁市驻乌鲁木齐法律援助工作站求助 (holdout10 h172), 某县驻京办事处: a place after 驻 is
    where another body's office sits, not the office's owner, so no body is named by it. Rule
    ``stationed_in``."""
    return text[max(0, start - len(STATIONED)) : start] == STATIONED


def _grassroots_unit_end(rest: str, end: int) -> int:
    """斗门区司法局乾务司法所 (dev8 h129, the gold's bureau), 温岭司法局石塘司法所 (holdout8 h119): a
    grassroots unit named by its town right after the bureau it belongs to is one body, the unit;
    where its name ends, else ``end``. Rule ``grassroots_unit``."""
    m = GRASSROOTS_UNIT.match(rest, end)
    return m.end() if m is not None else end


@cache
def _plural_words() -> tuple[str, ...]:
    """各, 各级, 相关, 有关…: words that make a body name many bodies (kg/vocab/data/org_plural_words.tsv,
    org_words.tsv generic_before)."""
    generic = tuple(r[1] for r in rows("org_words.tsv") if r[0] == "generic_before")
    return words("org_plural_words.tsv") + generic


def _plural_middle(middle: str) -> bool:
    """A place followed by a plural word before the suffix (常州市各级调解部门, holdout7 h102; 四川省
    各市区市场监督管理局): the bodies of every level or unit, a generic plural the guidelines leave
    out, so no author. Rule ``plural_body``."""
    return any(w in middle for w in _plural_words())


@cache
def _joined_departments() -> tuple[str, ...]:
    """Department words (kg/vocab/data/org_departments.tsv), longest first: those that hold a
    joining character (文化和旅游, 工业和信息化, 住房和城乡建设) and the plain ones, each one word
    against a name's middle (城市管理综合行政执法局 is two department words, not ten characters)."""
    return tuple(sorted(words("org_departments.tsv"), key=len, reverse=True))


def _without_joined_departments(middle: str) -> str:
    """A body name's middle with its joined department words taken out: the 和 of 天津市文化和旅游局
    (holdout7 h94) and 清远市工业和信息化局 (holdout8 h112) is part of the department's name, not a
    word joining two bodies (某县司法局和公安局). A joined word counts as one word, not by its
    characters, against the middle's length: 广元市人力资源和社会保障局 (holdout10 h164) is one
    body, as 天津市文化和旅游局 is. Rule ``joined_department``."""
    for w in _joined_departments():
        middle = middle.replace(w, "")
    return middle


@cache
def _site_words() -> tuple[str, ...]:
    """Words making a body's name a site's or an account's (某区政府网站, 某局微信公众号)."""
    return words("report_site_words.tsv") + tuple(r[0] for r in rows("org_account_words.tsv"))


def _places_in(s: Sentence, named: frozenset[gazetteer.Place]) -> list[RegionMention]:
    """County-and-up names in a sentence, then the towns placed under ``named`` that stand outside
    them (城中区 inside a 《》 title and 人民街街道 the sentence's subject: both may start a body)."""
    regions = regions_in_text(s)
    spans = [(m.evidence.start, m.evidence.end) for m in regions]
    towns = [
        t
        for t in towns_in_text(s, named)
        if not any(a < t.evidence.end and t.evidence.start < b for a, b in spans)
    ]
    return regions + towns


@per_document
def _context_places(doc: Document) -> frozenset[gazetteer.Place]:
    """The units the text names unambiguously, and a county whose name several counties share
    (城中区) when a town the text names lies under just one of them (人民街街道): the two names
    settle each other. The rules of one report ask for them several times (bureau, its region, a
    referred place, a heard report): computed once per document."""
    named = places_named(doc)
    open_counties = frozenset(
        p
        for m in regions_in_document(doc)
        if m.code is None
        for p in places_called(m.name)
        if p.level == "county"
    )
    if not open_counties:
        return named
    codes = {t.parents[-1][1] for s in doc.sentences for t in towns_in_text(s, open_counties) if t.parents}
    by_name: dict[str, list[gazetteer.Place]] = {}
    for p in open_counties:
        if p.code in codes:
            by_name.setdefault(p.name, []).append(p)
    return named | {ps[0] for ps in by_name.values() if len(ps) == 1}


def _bureau(doc: Document) -> tuple[_Found | None, Sentence | None]:
    """The body named first by place (title, name line above it, opening, signature, 来源 line),
    in the fullest form the report gives it (地区司法局 in the text, 大兴安岭地区行政公署司法局
    in the title)."""
    title = title_sentence(doc)
    named = _context_places(doc)
    found: list[_Found] = []
    if title is not None:
        in_title = _bureau_in_title(title)
        if in_title is not None:
            found.append(in_title)
        else:  # 某市司法局法治政府建设年度报告(2023年): the name is not the whole prefix
            found += [replace(f, where="title") for f in _bureaus_in_running_text(title, "title", named)]
    fields = _fields(doc)
    for s in _head(doc):  # 眉山市彭山区公义镇人民政府 on its own line, above or below the title
        if s.index in fields:
            continue  # 发布机构 / 冠县司法局: a field's value, read with the 来源 lines
        if s is not title and s.section == "preamble" and NAME_LINE.match(BYLINE_MARKS.sub("", s.text)):
            joint = _joint_authors_line(s) if title is None or _bureau_in_title(title) is None else None
            found += [joint] if joint is not None else _bureaus_in_running_text(s, "head", named) or _town_line(s)
    for s in _body_opening(doc, title):
        found += _bureaus_in_running_text(s, "opening", named)
    for s in _signature(doc):
        found += _bureaus_in_running_text(s, "signature", named)
    if _title_place(title, doc) is None:  # a title naming its place alone is that place's report
        found += _bodies_in_source_lines(doc, named)
    title_place = _title_place(title, doc)
    found = [f for f in found if not _site_government(f, doc) and not _site_above_title_place(f, title_place)]
    found = _government_over_party(found)
    if not found:  # 我局 all along: the body's name stands only in its own documents' titles
        found += _bureau_in_own_documents(doc, named)
    # a township's own report names its town, not a county, before the suffix
    placed = [
        f
        for f in found
        if regions_in_text(f.sentence, f.start, f.start + len(f.name))
        or towns_in_text(f.sentence, named, f.start, f.start + len(f.name))
        or (f.where in ("title", "head") and _town_at(f.sentence, f.start, named) is not None)  # 某镇司法所2023年…
    ]
    if not placed:  # a ministry opening its own report (2021年,自然资源部坚持…)
        national = [f for s in _story_opening(doc, title) for f in [_national_subject(s)] if f is not None]
        if national:
            return national[0], title
        return (_level_named_source(doc) if not named else None), title
    first = min(placed, key=lambda f: WHERE.index(f.where))
    fuller = [f for f in placed if _same_body(first.name, f.name)]
    return max(fuller, key=lambda f: (len(f.name), -WHERE.index(f.where))), title


def _story_opening(doc: Document, title: Sentence | None) -> list[Sentence]:
    """The opening's sentences, then the story's first whole sentences: a page whose masthead
    and slogan lines (中國水利水電出版社 / 打造水電知識資源中心、…) fill the opening still
    has its subject in the first sentences ending in a full stop (2021年,水利部堅持…, dev8
    h134; the national rule's shape of wide d609). Rule ``story_opening``."""
    opening = _body_opening(doc, title)
    return opening + [s for s in _news_sentences(doc)[:OPENING_SENTENCES] if s not in opening]


def _site_government(found: _Found, doc: Document) -> bool:
    """A government named on a line above the text or on its 来源 line (辽阳市人民政府 / 当前位置:…,
    the site's own title) of a text that speaks as a department (我局, 我委, 我办): the site that
    carries the report, not its author. Rule ``site_title``."""
    return (
        found.where in ("head", "source", "signature")
        and found.name.endswith(GOVERNMENT_NAMES)
        and SELF_REFERENCE.search(doc.text) is not None
    )


def _site_above_title_place(found: _Found, title_place: _Found | None) -> bool:
    """A government on a line above a title that names another place alone (禄丰市人民政府 /
    首页 >> 乡镇信息公开 >> 中村乡 / 中村乡2020年度法治政府建设情况报告, dev8 h140): the site
    that carries the report of a unit under it, not its author; the title's place writes it.
    Widens ``site_title`` (d209, h01: a site's government above a 我局 text). Rule
    ``site_above_title_place``."""
    return (
        title_place is not None
        and found.where == "head"
        and found.name.endswith(GOVERNMENT_NAMES)
        and title_place.name not in found.name
    )


def _government_over_party(found: list[_Found]) -> list[_Found]:
    """中共某镇委员会 / 某镇人民政府 on two lines above a title starting at 关于 (holdout6 h84): a
    joint report of the unit's party committee and government, which the gold names by the
    government, as a joint title on one line is read whole (中共渠县李馥镇委员会 渠县李馥镇人民
    政府, h83). A party committee on a head line gives way to a government on the next.
    Rule ``joint_head_lines``."""
    heads = [f for f in found if f.where == "head"]
    governments = [f for f in heads if f.name.endswith(GOVERNMENT_NAMES)]
    if not governments:
        return found
    party_line = governments[0].sentence.index - 1
    return [
        f
        for f in found
        if not (f.where == "head" and f.sentence.index == party_line and f.sentence.text.lstrip().startswith("中共"))
    ]


def _national_subject(s: Sentence) -> _Found | None:
    """A national body as a first sentence's subject, past its year and any thanks clause."""
    return _national_body_at(s, _past_thanks(s.text, OPENING.match(s.text).end()), "opening")


def _bodies_in_source_lines(doc: Document, named: frozenset[gazetteer.Place]) -> list[_Found]:
    """Bodies on the page's 来源:泸州市江阳区司法局 / 发布机构:灵丘县人民政府 / 发文机关:… lines.
    They name who posted the page (often the government's 办公室, which runs its site), so they
    stand in only where the title does not already say whose report it is (某区2023年…报告 is the
    district's, whatever office put it online)."""
    fields = _fields(doc)
    lines = [s for s in _head(doc) if s.index in fields and fields[s.index][1] is not None]
    found: list[_Found] = []
    for s in doc.stamps + lines:
        value = fields[s.index][1] if s in lines else None
        if value is s and fields[s.index][0] in _field_labels("body"):
            found += _bureaus_in_running_text(s, "source", named)  # 发布机构 / 某县司法局
        elif value is not s and _source_line().search(s.text):
            found += _bureaus_in_running_text(s, "source", named)
    return found


def _level_named_source(doc: Document) -> _Found | None:
    """来源:区司法局 on a page whose text names no place at all (我区…, holdout41): the body on
    the 来源 line named by its level is the only name the page gives its author, kept as written
    (its region stays unknown). Rule ``body_in_source``."""
    for s in doc.stamps:
        label = _source_line().match(s.text)
        if label is None:
            continue
        value = s.text[label.end() :].strip()
        if LEVEL_NAMED_DEPARTMENT.fullmatch(value):
            start = s.text.index(value)
            return _Found(value, s, start, "source")
    return None


def _bureau_in_own_documents(doc: Document, named: frozenset[gazetteer.Place]) -> list[_Found]:
    """A body that says only 我局 may name itself in its documents' titles
    (《江门市新会区统计局2022年度普法责任清单》): a place-prefixed body ending in the unit it
    calls itself (局 for 我局), read inside the 《》 marks."""
    return _own_documents(doc, named)[:1]


def _own_documents(doc: Document, named: frozenset[gazetteer.Place]) -> list[_Found]:
    """The body opening each of the text's 《》 titles that is the body the text calls itself by
    (我局, 我委), one per title, in order; none in a text that never calls itself so."""
    units = set(SELF_REFERENCE.findall(doc.text))
    if not units:
        return []
    out = []
    for s in doc.sentences:
        for a, b in book_title_spans(s.text):
            inner = Sentence(
                text=s.text[a + 1 : b - 1],
                start=s.start + a + 1,
                end=s.start + b - 1,
                section=s.section,
                heading=s.heading,
                index=s.index,
            )
            out += [
                f
                for f in _bureaus_in_running_text(inner, "own_document", named)
                if _calls_itself(f.name, units) and f.start == 0
            ][:1]
    return out


def _own_documents_year(doc: Document) -> int | None:
    """The one year a yearly report's own documents are of (《鄂尔多斯市卫生健康委员会关于印发2024年度
    学法计划的通知》 and 《…关于印发2024年法治政府建设工作计划的通知》 in a text saying only 我委,
    holdout11 h179; 《江门市新会区统计局2022年度普法责任清单》, wide d307; the own documents of
    holdout h06 and holdout2 h25 are of their reports' years too): the body's plans for the year it
    reports on, where the text dates nothing else. None for two years.
    Rule ``own_documents_year``."""
    years = {
        int(y)
        for f in _own_documents(doc, _context_places(doc))
        for y in YEAR_ANY.findall(_arabic_years(f.sentence.text))
    }
    return next(iter(years)) if len(years) == 1 else None


#: 我委 for a 卫生健康委员会, 我办 for an 办公室: the full word a body's self-reference stands for
SELF_UNIT_WORDS = {"委": "委员会", "办": "办公室"}


def _calls_itself(name: str, units: set[str]) -> bool:
    """A body's name ends in the unit the text calls itself by (我局: 某局), or in that unit's full
    word (我委: 鄂尔多斯市卫生健康委员会, holdout11 h179, whose documents are its own 《》 notices;
    widens ``body_in_own_document`` of w307/h94's 我局)."""
    return any(name.endswith((u, SELF_UNIT_WORDS.get(u, u))) for u in units)


def _same_body(name: str, other: str) -> bool:
    """``other`` names the same body as ``name``, maybe more fully: same start, same ending."""
    ending = _longest_suffix(name)
    return other.startswith(name[:2]) and other.endswith(name[-ending:]) if ending else other == name


def _region_of(found: _Found, doc: Document) -> RegionMention | None:
    """The deepest place the bureau's name starts with, resolved against the places the text names."""
    end = found.start + len(found.name)
    mentions = regions_in_text(found.sentence, found.start, end)
    scopes = _context_places(doc)
    if not mentions:  # a town the text places, else one the gazetteer knows by name only
        towns = towns_in_text(found.sentence, scopes, found.start, end)
        return towns[0] if towns else _town_at(found.sentence, found.start, scopes)
    last = mentions[-1]
    served = _served_town(found, last, doc)
    if served is not None:
        return served
    # a street's or township's office written under its county (某区人民政府某街道办事处)
    county_end = last.evidence.end - found.sentence.start
    place = _place_of(last, mentions, doc)
    if place is not None:
        towns = towns_in_text(found.sentence, frozenset({place}), county_end, end)
        if towns:
            return towns[-1]
    unit_town = _unit_town(found, county_end, place, doc)
    if unit_town is not None:
        return unit_town
    unlisted = _unlisted_town_at(found.sentence, county_end, frozenset({place}) if place else frozenset())
    if unlisted is not None and unlisted.evidence.end - found.sentence.start <= end:
        return unlisted  # 某县红石塘镇人民政府: a town the gazetteer lacks, under its county
    return region_mention(last.name, last.evidence, None, place)


def _unit_town(
    found: _Found, county_end: int, county: gazetteer.Place | None, doc: Document
) -> RegionMention | None:
    """山东省聊城市东阿县司法局高集司法所 (holdout41; 斗门区司法局乾务司法所, dev8 h129; 邹城市郭里司法所,
    holdout23): a grassroots unit named by its town's short name after its county (and the county's
    bureau) serves that town, which the text names in full (东阿县高集镇): the report's region is
    the town, as for a town's unit named alone (``served_town``): where the text names it in
    full (rule ``subject_town``, as that read gives it), else the one town of that short name the
    gazetteer has under the county (rule ``served_town``)."""
    unit = next((w for w in words("report_grassroots.tsv") if found.name.endswith(w)), None)
    if unit is None:
        return None
    rest = found.sentence.text[county_end : found.start + len(found.name) - len(unit)]
    short = rest.removeprefix(OWN_BUREAU_OF_UNIT)
    if not 2 <= len(short) <= 4 or not re.fullmatch(rf"[{HAN}]+", short):
        return None
    town = next((t for t in _towns_written_in_full(short, doc) if t is not None), None)
    if town is not None:
        return town
    towns = gazetteer.town_names()
    under = [
        t
        for suffix in gazetteer.TOWN_SUFFIXES
        for t in towns.get(short + suffix, ())
        if county is not None and gazetteer.is_within(t, county)
    ]
    if len(under) != 1:
        return None
    start = county_end + len(rest) - len(short)
    evidence = Evidence.of(found.sentence, start, start + len(short), rule="report_meta.served_town")
    return region_mention(short, evidence, None, under[0])


#: the county's bureau a grassroots unit belongs to, written between the county and the unit
OWN_BUREAU_OF_UNIT = "司法局"


def _served_town(found: _Found, last: RegionMention, doc: Document) -> RegionMention | None:
    """太平司法所 in a text naming 太平镇 (dev8 h126; 石塘司法所 and 石塘镇 in holdout8 h119, 北极司法所 and
    北极镇 in seed 002): a grassroots unit (report_grassroots.tsv) named by its town's short name serves
    that town, not a county the short name also stands for (太平区 in another province). The town
    where the text names it in full; else None. Rule ``served_town``."""
    short = last.name
    if not found.name.startswith(short) or not found.name.endswith(words("report_grassroots.tsv")):
        return None
    if last.evidence.rule != "regions.short_name":
        return None
    return next(_towns_written_in_full(short, doc), None)


def _towns_written_in_full(short: str, doc: Document) -> Iterator[RegionMention | None]:
    """Each place the text writes ``short`` with a town's suffix (石塘 -> 石塘镇), read as that town
    (None where it cannot be placed), in the order of the text; lazily, so a caller that takes
    the first stops there."""
    named = _context_places(doc)
    for s in doc.sentences:
        for suffix in gazetteer.TOWN_SUFFIXES:
            at = s.text.find(short + suffix)
            if at >= 0:
                yield _town_at(s, at, named)


def _place_of(last: RegionMention, mentions: list[RegionMention], doc: Document) -> gazetteer.Place | None:
    """The unit the bureau's last place name stands for, read in the context of the text."""
    candidates = places_called(last.name)
    before = None
    if len(mentions) > 1 and mentions[-2].code:
        before = next((p for p in places_called(mentions[-2].name) if p.code == mentions[-2].code), None)
    return choose_in_context(candidates, None, places_named(doc), before)


def _arabic_years(text: str) -> str:
    """二〇二三年 written with digits (formal titles spell years out), same length otherwise."""
    return CHINESE_YEAR.sub(
        lambda m: "".join(str(CHINESE_DIGITS.index(c) % 10) for c in m.group(1)) + "年", text
    )


def _year(doc: Document, title: Sentence | None, yearly: bool) -> tuple[int | None, tuple[str, ...]]:
    """The year reported on. A yearly report: its title's, else its opening's, else the year
    before its publication date (reports come out early the next year), else the year its text
    names most. A news item or a letter (not ``yearly``): see :func:`_news_year`."""
    if not yearly:
        return _news_year(doc, title)
    dated = _dated_line(doc)
    if title is not None:
        years = YEAR.findall(_arabic_years(title.text))
        if years:
            return int(years[0]), ()
    statistics = _statistics_year(doc)
    if statistics is not None:
        return statistics, ("report year read from the calendar year its figures cover",)
    for s in _body_opening(doc, title):
        text = _without_persons_years(QUOTED.sub("", _arabic_years(s.text)))
        of_year = re.findall(r"((?:19|20)\d{2})\s*年度", text)
        years = of_year or YEAR.findall(text)
        if years:
            return int(years[0]), ()
    outline = _outline_year(doc)
    if outline is not None:
        return outline, ("report year read from the report's first outline heading (一、2022年…)",)
    since = _since_opening_year(doc, title)
    if since is not None:
        return since, ("report year read from the year-to-date its opening starts with (2025年以来,…)",)
    if dated is not None:
        year, month = dated[1]
        return (year - 1 if month <= 6 else year), ("report year read from the publication date",)
    named = _most_named_year(doc)
    if named is not None:
        return named, ("report year read from the year the text names most",)
    figures = _figures_year(doc, framing=True)
    if figures is not None:
        return figures, ("report year read from the one year the report's figures are stated for",)
    own = _own_documents_year(doc)
    if own is not None:
        return own, ("report year read from the year of the body's own documents (《某局2024年度…计划》)",)
    return None, ("no report year found",)


def _outline_year(doc: Document) -> int | None:
    """The year the first part of a yearly report's outline is headed by (一、2022年法治政府建设工作
    总结, holdout8 h111; 一、2024年推进法治政府建设的主要举措和成效 in most reports of the
    development texts, d101, h04, h24): the year its work is reported for, where neither the title
    nor the opening names one. Rule ``outline_year``."""
    for s in doc.sentences[: HEAD_LINES * 2]:
        m = OUTLINE_YEAR.match(_arabic_years(s.text).lstrip())
        if m is not None:
            return int(m.group(1))
    return None


def _without_persons_years(text: str) -> str:
    """The text with each year that follows an official's title blanked (习近平总书记2014年调研军门社区时
    提出的…, holdout12 h199: when a person did something, not the year reported on;
    report_officials.tsv). Rule ``persons_year``."""
    return _persons_year().sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


@cache
def _persons_year() -> re.Pattern[str]:
    """An official's title (group 1) and the year right after it (group 2)."""
    titles = "|".join(map(re.escape, sorted(words("report_officials.tsv"), key=len, reverse=True)))
    return re.compile(rf"({titles})(\s*(?:19|20)\d{{2}}\s*年)")


def _since_opening_year(doc: Document, title: Sentence | None) -> int | None:
    """A yearly report whose first sentence opens with 2025年以来, (holdout11 h180, whose 现将本年度
    工作情况报告如下 names no year): the year that has run so far is the one reported on. Every
    yearly report of the development texts opening so is of that year (holdout h10, holdout2 h21,
    holdout4 h49, holdout8 h111, holdout10 h160, holdout11 h182, wide d106, d301, d405, w101),
    read there from a title or heading first; a news item's 2021年以来 (d503) is a period, not its
    year, and is never read here. Rule ``since_opening_year``."""
    opening = _body_opening(doc, title)
    m = SINCE_OPENING.match(_arabic_years(opening[0].text).lstrip()) if opening else None
    return int(m.group(1)) if m else None


def _statistics_year(doc: Document) -> int | None:
    """The one calendar year a report says its figures cover (本报告中所列数据统计期限自2022年1月1日
    起至12月31日止: the fixed sentence of every 政府信息公开 annual report): the year reported on.
    None when the text states two such years. Rule ``statistics_period``."""
    years = {
        int(m.group(1))
        for s in doc.sentences
        for m in STATISTICS_YEAR.finditer(_arabic_years(s.text))
        if m.group(2) is None or m.group(2) == m.group(1)
    }
    return next(iter(years)) if len(years) == 1 else None


def _news_year(doc: Document, title: Sentence | None) -> tuple[int | None, tuple[str, ...]]:
    """A news item or a letter is about its own day: the year of its date line or page stamp,
    unless the page is a later copy; else the year its first sentence opens with (2015年,我局…:
    a year framing the whole text); else none, since a year the story mentions (2018年…以来, an
    event's 2023年度) does not make the text's own year certain."""
    dated = _dated_line(doc)
    warnings: tuple[str, ...] = ()
    if dated is not None and not _later_copy(doc, dated[0]) and _figures_span_years(doc):
        return None, ("the item's figures are of a period across two years: no one year is certain",)
    if dated is not None and not _later_copy(doc, dated[0]):
        figures = _figures_year(doc)
        if figures is not None and figures < dated[1][0]:
            return figures, ("year read from the one year the item's figures are stated for",)
        return dated[1][0], ("year read from the date of the text (a news item, a letter)",)
    if dated is not None:
        warnings = ("the page is dated weeks after its story's dateline: a later copy's date",)
    if title is not None:
        years = YEAR.findall(_arabic_years(title.text))
        if years:
            return int(years[0]), warnings
    lede = _lede_date_year(doc)
    if lede is not None:
        return lede, warnings + ("year read from the full date the story's first sentence has its body act on",)
    opening = _opening_year(doc, title)
    if opening is not None:
        later = _later_framing_year(doc, opening)
        if later is not None:
            return later, warnings + ("year read from the last year the story's narrative reaches",)
        return opening, warnings + ("year read from the year framing the story's first dated sentence",)
    story = _story_year(doc)
    if story is not None:
        return story, warnings + ("year read from the one year the story names, framing a sentence",)
    sole = _sole_work_year(doc)
    if sole is not None:
        return sole, warnings + ("year read from the one year the text names, as its work year (X年度)",)
    figures = _figures_year(doc)
    if figures is not None and _years_named(doc) == {figures}:  # a story of several years has none
        return figures, warnings + ("year read from the one year the item's figures are stated for",)
    return None, warnings + ("no year the text makes certain (a news item or letter with no own date)",)


def _lede_date_year(doc: Document) -> int | None:
    """2025年4月7日,黔东南州榕江县法律援助中心收到… (holdout4 h56) / …,2014年1月11日,兗州法律援助中心
    联合… (holdout7 h101): a news story whose first sentence has a body act on a full date is of that
    date's year, the story's own day (the years its back-story names are not). A date followed by a
    person (2006年12月26日,老苏先后…) or deeper in the story dates an event only. Rule ``lede_date``."""
    story = _news_sentences(doc)[:1]
    if not story:
        return None
    s, named = story[0], places_named(doc)
    for m in LEDE_DATE.finditer(s.text):
        if _body_at(s, m.end(), named) is not None:
            return int(m.group(1))
    return None


def _later_framing_year(doc: Document, opening: int) -> int | None:
    """2015年,受援人张某为黄某修建房屋… then 2023年初,张某找到当地司法所… (holdout8 h121, dated 9月2日 with
    no year): a news story told in order frames its back-story first; the last, later year that
    frames one of its sentences (2023年初,) is the story's own. None when no later year frames one.
    Rule ``story_reaches``."""
    years = [
        int(m.group(1))
        for s in doc.sentences
        for m in NARRATIVE_YEAR.finditer(_arabic_years(s.text))
        if SINCE not in s.text[m.start() : m.end() + 4]
    ]
    later = [y for y in years if y > opening]
    return later[-1] if later and later[-1] == max(years) else None


def _opening_year(doc: Document, title: Sentence | None) -> int | None:
    """The year framing the first opening sentence that names a year (2015年,我局… / 2022年,在县委的
    领导下,全县… after a sentence of praise for the rule of law): the text's own time. An opening whose first year is not its frame
    (2018年以来…, 在2021年…) leaves the year to the rules after it. Rule ``opening_year``."""
    for s in _body_opening(doc, title):
        text = _arabic_years(s.text)
        if not YEAR_ANY.search(text):
            continue
        framing = FRAMING_YEAR.match(text.lstrip())
        return int(framing.group(1)) if framing and SINCE not in s.text else None
    return None


def _figures_year(doc: Document, framing: bool = False) -> int | None:
    """The one year a news item states its figures for, in the clause that holds them (司法部:2022年
    全国共办理法律援助案件137万余件 / 2025年综合调解室已成功调解4362件): the year the item reports
    on, though the page is dated the next year. None when its figures are of two years. With
    ``framing``, only a year opening its clause counts (2025年全市各级人民调解组织调解案件2.8万件,
    holdout12 h199, a yearly feature dated by nothing else; not 对2016年以前制订…的48个县, d709):
    rule ``framed_figures_year``."""
    years = set()
    for s in doc.sentences:
        text = QUOTED.sub(lambda m: " " * len(m.group(0)), _arabic_years(s.text))
        for a, b in clause_spans(text):
            clause = text[a:b]
            stated = STORY_YEAR.findall(clause)
            if framing:
                opening = STORY_YEAR.match(clause.lstrip())
                stated = [opening.group(1)] if opening else []
            if stated and figures_in(YEAR.sub(" ", clause)):
                years.update(int(y) for y in stated)
    return next(iter(years)) if len(years) == 1 else None


def _figures_span_years(doc: Document) -> bool:
    """2016年底到2017年初在…专项行动中,…共受理7318件: figures a sentence states after a period
    running across two years make neither year the item's (nor the page's date, a third time)."""
    for s in doc.sentences:
        text = QUOTED.sub(lambda m: " " * len(m.group(0)), _arabic_years(s.text))
        span = YEAR_SPAN.search(text)
        if span and span.group(1) != span.group(2) and figures_in(YEAR.sub(" ", text[span.end() :])):
            return True
    return False


def _years_named(doc: Document) -> set[int]:
    """Every year the text names, in any form (2022年度, 2016年底, 2015年以来)."""
    return {int(y) for s in doc.sentences for y in YEAR_ANY.findall(_arabic_years(s.text))}


def _sole_work_year(doc: Document) -> int | None:
    """A story that names one year only, as the work year of what it reports (6月29日,2022年度全市
    司法所工作会议召开): the item is of that year. A 年度 beside another year (2023年度签约仪式 in
    a story of 2022年) is what an event serves, and :func:`_story_year` decides."""
    years = _years_named(doc)
    if len(years) != 1:
        return None
    year = next(iter(years))
    own = QUOTED.sub("", _arabic_years(doc.text))  # 《2018年度普法读本》: a document's year, not the item's
    return year if re.search(rf"{year}\s*年度", own) else None


def _story_year(doc: Document) -> int | None:
    """A story with no date of its own is about the year it frames a sentence with (2018年,全县共
    排查调处…: the year its figures are of) when it names no other year; one naming two (由2015年的
    8.49%下降到…) or a period (2015年以来) leaves its own year open. A 年度 (2023年度签约仪式) is
    what an event serves, not a time."""
    framing = {
        int(m.group(1))
        for s in doc.sentences
        for m in [SENTENCE_YEAR.match(_arabic_years(s.text).lstrip())]
        if m and SINCE not in s.text
    }
    named = {int(y) for s in doc.sentences for y in STORY_YEAR.findall(QUOTED.sub("", _arabic_years(s.text)))}
    return next(iter(framing)) if len(framing) == 1 and named == framing else None


def _dated_line(doc: Document) -> tuple[Sentence, tuple[int, int]] | None:
    """The line that dates the text and its (year, month): the signature's, else a short head
    line's, else the page's stamp line's. A line where a clause follows the date (2018年3月,某村
    李某…, a story cut short) dates an event, not the text."""
    lines = [
        s
        for s in list(reversed(doc.sentences[-TAIL_LINES:])) + _head(doc)
        if (len(s.text) <= DATE_LINE and not CLAUSE_MARK.search(s.text) and not _cut_story_line(s)) or _page_stamp(s)
    ]
    for s in lines + doc.stamps:
        dates = dates_in(s.text)
        if dates:
            return s, dates[0]
    for s in _head(doc):
        closing = _closing_date(s)
        if closing is not None:
            return s, closing
    return None


def _cut_story_line(s: Sentence) -> bool:
    """2020年10月下旬的一个 as a page's last line (holdout8 h120): a story's sentence the page cut off
    before its first comma, opening with a month and going on in words (下旬, 的一天), not a line
    that dates the text (2024年1月, 2025年04月10日 | 来源:…). Rule ``cut_story_line``."""
    return MONTH_THEN_WORDS.match(s.text.strip()) is not None


def _closing_date(s: Sentence) -> tuple[int, int] | None:
    """A headline closed by its date in brackets (某局健全法律援助体系,助力… (2026-02-09) /
    某县法律援助帮农民工讨薪110余万[2017年3月2日安徽日报]): the item's own date, though the
    headline holds clauses. Rule ``closing_date``."""
    m = CLOSING_DATE.search(s.text)
    if m is None:
        return None
    dates = [d for d in dates_in(m.group(1)) if FULL_DATE.search(m.group(1))]
    return dates[0] if dates else None


def _page_stamp(s: Sentence) -> bool:
    """A page's date-and-source line, however long (2019-12-25 08:00:00 来源:某区政府网站 作者:…
    字号:T|T): a full date and a source label. It dates the page and is no sentence of the text.
    Rule ``page_stamp``."""
    return FULL_DATE.search(s.text) is not None and _source_line().search(s.text) is not None


def _later_copy(doc: Document, dated: Sentence) -> bool:
    """A page stamped weeks after its story's dateline (哈尔滨10月12日电, 发布时间:2024-11-27) is a
    later copy: its date is the copy's, not the story's, and the dateline names no year."""
    dateline = next((m for s in _head(doc) for m in [DATELINE.search(s.text)] if m), None)
    stamp = FULL_DATE.search(dated.text)
    if dateline is None or stamp is None:
        return False
    try:
        page = date(int(stamp.group(1)), int(stamp.group(2)), int(stamp.group(3)))
        story = date(page.year, int(dateline.group(1)), int(dateline.group(2)))
    except ValueError:
        return False
    if story > page:  # a December story on a January page
        story = story.replace(year=story.year - 1)
    return (page - story).days > COPY_DAYS


def _most_named_year(doc: Document) -> int | None:
    """The year the text names most outside titles and brackets (2021年 three times), when one leads."""
    counts: dict[int, int] = {}
    for s in doc.sentences:
        for y in YEAR.findall(QUOTED.sub("", _arabic_years(s.text))):
            counts[int(y)] = counts.get(int(y), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0] if ranked[0][1] >= MIN_YEAR_MENTIONS else None


def _is_yearly_report(doc: Document, title: Sentence | None) -> bool:
    """A yearly report (titled so, handing itself over: 现将…报告如下, in a report's parts:
    一、主要举措和成效, or making its level's 县委、县政府 its subject, as every government report
    of the development texts with that subject does), not a news item or a letter (答复函: its
    title says so)."""
    if title is not None:  # 某局2023年度法治政府建设工作情况: a year's 情况 is its report too
        return re.search(r"报告|总结|年报", title.text) is not None or (
            title.text.endswith("情况") and YEAR.search(_arabic_years(title.text)) is not None
        )
    return (
        any(YEARLY_REPORT.search(s.text) for s in doc.sentences[: HEAD_LINES * 2])
        or any(s.section in REPORT_SECTIONS for s in doc.sentences)
        or _joint_level(doc) is not None  # 县委、县政府高度重视…: a government's report, untitled
    )


def _relative_bureau(doc: Document, title: Sentence | None) -> _Found | None:
    """A body named by level only (2022年,县司法局… / 区司法局党委书记), outside 在…领导下; in a
    text that calls itself 我区, one of its own level (市司法局检查组对我区…: the city's body
    inspects, the district's 区司法局 is the text's own)."""
    found = []
    for s in _body_opening(doc, title) + _signature(doc):
        thanked = [(m.start(), m.end()) for m in LEADERSHIP.finditer(s.text)]
        thanked += [(m.start(), m.end()) for m in JOINT_SUBJECT.finditer(s.text)]  # read by joint_subject
        found += [
            _Found(m.group(0), s, m.start(), "opening")
            for m in RELATIVE_BODY.finditer(s.text)
            if not inside(m.start(), thanked)
        ]
    found += _handed_over_by_level(doc)
    own = _self_level(doc)
    return next((f for f in found if f.name[0] == own), found[0] if found else None)


def _self_level_body(doc: Document) -> _Found | None:
    """A text calling itself by its level (我市) and naming no body otherwise: the department of
    that level (org_departments.tsv before 局/厅/委) the text calls itself by (我局) in its first
    lines (现将我局办理…提案情况汇报如下 … 近年来,市司法局在市委…领导下, a reply letter, holdout11
    h183), or, in a text with no such word, in its first clause, even inside a phrase
    (近年來特別是新一屆市司法局班子調整以來, holdout6 h81). A body heading a list (县司法局等相关部门,
    holdout h13) or one of another level (市司法局检查组对我区…, d705) is not the author.
    Rule ``self_level_body``."""
    own = _self_level(doc)
    if own is None:
        return None
    units = set(SELF_REFERENCE.findall(doc.text))
    opening = _body_opening(doc, title_sentence(doc))[:1]
    sentences = doc.sentences[: HEAD_LINES * 2] if units else opening
    for s in sentences:
        thanked = [(m.start(), m.end()) for m in LEADERSHIP.finditer(s.text)]
        first_clause = CLAUSE_BREAK.search(s.text, OPENING.match(s.text).end())
        for m in _department_by_level().finditer(s.text):
            found = _Found(m.group(0), s, m.start(), "opening")
            if found.name[0] != own or inside(m.start(), thanked) or _one_of_several(found):
                continue
            if _calls_itself(found.name, units) or (
                not units and (first_clause is None or m.start() < first_clause.start())
            ):
                return replace(found, where="self_level")
    return None


@cache
def _department_by_level() -> re.Pattern[str]:
    """市司法局, 县人力资源和社会保障局: a level word, a department word, its suffix."""
    departments = "|".join(map(re.escape, sorted(words("org_departments.tsv"), key=len, reverse=True)))
    return re.compile(rf"[{''.join(LEVEL_RANK)}](?:{departments})(?:局|厅|委员会|委(?![会员]))")


#: 地区司法处 / 地区司法局: a prefecture of the 地区 kind naming its own body by its level word
PREFECTURE_WORD = "地区"


def _prefecture_body(doc: Document, title: Sentence | None) -> tuple[_Found, RegionMention] | None:
    """2023年以来,地区司法处坚持… (holdout11 h182) / 年初以来,地区司法局在地委行署的坚强领导下 (seed 002,
    read there from its title): a body a 地区 names by that word (地区 + a department word or 司法 +
    局/处, org_departments.tsv) opening a clause of the opening is the author, completed with the one
    地区 the text names (阿里地区司法处). The one-character levels (县司法局) are
    :func:`_relative_bureau`'s. Rule ``level_named_body``."""
    mentions = [m for m in regions_in_document(doc) if m.official and m.official.endswith(PREFECTURE_WORD)]
    if len({m.official for m in mentions}) != 1:
        return None
    place = mentions[0]
    departments = "|".join(map(re.escape, sorted(words("org_departments.tsv"), key=len, reverse=True)))
    body = re.compile(rf"{PREFECTURE_WORD}(?:{departments})(?:局|处)")
    for s in _body_opening(doc, title):
        for pos in _clause_starts(s):
            m = body.match(s.text, pos)
            if m is not None:
                return _Found(m.group(0), s, pos, "opening"), place
    return None


def _completed_level_name(name: str, region: RegionMention, doc: Document) -> str:
    """县司法局 of 平利县 is 平利县司法局; 县政府 is the county's government in the fullest form the
    text writes it (平利县人民政府, holdout6 h88, as a title's place gives it), not 平利县政府."""
    if name[1:] in GOVERNMENT_NAMES:
        return government_as_written(_full_place_name(region), region, doc)
    return (region.official or region.name) + name[1:]


def _handed_over_by_level(doc: Document) -> list[_Found]:
    """A body named by level in the formula handing the report over (现将县人民政府2022年法治政府
    建设工作情况报告如下): the report is that body's, whatever verb stands before its name."""
    out = []
    for s in doc.sentences[: HEAD_LINES * 2]:
        for m in HANDOVER.finditer(s.text):
            body = HANDED_OVER_BODY.match(s.text, m.start(1))
            if body is not None:
                out.append(_Found(body.group(0), s, body.start(), "opening"))
    return out


def _above_own_level(body: _Found, doc: Document) -> bool:
    """市司法局 in a text that calls itself 我区: a higher body (inspecting, leading), not the author."""
    own = _self_level(doc)
    return own is not None and LEVEL_RANK[body.name[0]] < LEVEL_RANK[own]


def _completed_by_level(found: _Found | None, region: RegionMention | None) -> str | None:
    """区人民政府关于2023年度…的报告: a title naming its body by level only, completed with the
    report's own unit of that level (西湖区 + 人民政府), as the level-named rule completes a body."""
    if found is None or region is None or not region.official or not _is_level_named(found):
        return None
    if not region.official.endswith(found.name[0]):
        return None
    return region.official + found.name[1:]


def _speaks_as_place(doc: Document, region: RegionMention) -> bool:
    """A report that calls itself by its unit (2024年,我县坚持…) and never by a body's (我局, 我所,
    我分局): the unit's own report, which its government writes (GUIDELINES: 我县, 县政府)."""
    own = _self_level(doc) or _joint_level(doc)
    official = region.official or region.name
    return own is not None and official.endswith(own) and BODY_SELF_REFERENCE.search(doc.text) is None


def _speaker_rule(doc: Document) -> str:
    """Which rule made a report its unit's government's: the text calling itself 我县, else the
    text making 县委、县政府 its subject."""
    return "report_meta.self_named_government" if _self_level(doc) else "report_meta.joint_subject_government"


def _self_level(doc: Document) -> str | None:
    """The level a text calls itself by most (我区, 本县), if it does."""
    counts = {c: len(re.findall(rf"[我本]{c}", doc.text)) for c in LEVEL_RANK}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else None


def _own_level(doc: Document) -> str | None:
    """The level of the text's own unit (县, 区, 市): 我县 says more than 全省; a text that never
    says 我县 (我分局在市局和区委、区政府的坚强领导下) is one level under the lowest body leading it."""
    self_counts = {c: len(re.findall(rf"[我本]{c}", doc.text)) for c in LEVEL_RANK}
    if not any(self_counts.values()):
        led_by = _leading_level(doc)
        if led_by is not None:
            return led_by
    counts = {c: 2 * self_counts[c] + len(re.findall(rf"全{c}", doc.text)) for c in LEVEL_RANK}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] else _joint_level(doc)


def _own_town(doc: Document) -> RegionMention | None:
    """The town, township or street a yearly report speaks as (本镇, 全镇, 我乡, 本街道) more than
    as any county or city, when it names one of that kind in full most often (twice at least, no
    rival): holdout12 h203, untitled, 调整蔡家桥镇法治政府建设领导小组…本镇…全镇, whose one coded
    place is the city of an exam platform (完成宣城市…学习任务). The town reports of the
    development texts that speak so name their own town most (dev8 h140, h141, holdout3 h39,
    holdout7 h99, wide d405), where a title or an opening gives the town first.
    Rule ``self_named_town``."""
    upper = max((len(re.findall(rf"[我本全]{c}", doc.text)) for c in LEVEL_RANK), default=0)
    counts = {w: len(re.findall(rf"[我本全]{w}", doc.text)) for w in gazetteer.TOWN_SUFFIXES}
    level = max(counts, key=lambda w: counts[w])
    if counts[level] < MIN_YEAR_MENTIONS or counts[level] <= upper:
        return None
    tally: dict[str, list[RegionMention]] = {}
    for mention in regions_in_document(doc):
        name = mention.official or mention.name
        if mention.level == "town" and name.endswith(level):
            tally.setdefault(name, []).append(mention)
    ranked = sorted(tally.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < MIN_STORY_MENTIONS or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]


def _joint_level(doc: Document) -> str | None:
    """The level whose party committee and government the text makes its subject most (2025年,县委、
    县政府坚持… in a joint report addressed to the prefecture's; 县委、县政府高度重视…): the text's
    own unit, which a government report speaks for. Rule ``joint_subject``."""
    counts: dict[str, int] = {}
    for s in doc.sentences:
        for m in JOINT_SUBJECT.finditer(s.text):
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return max(counts, key=lambda c: (counts[c], -LEVEL_RANK[c])) if counts else None


def _leading_level(doc: Document) -> str | None:
    """The lowest level among the bodies an opening thanks for their leadership (在市局和区委、
    区政府的坚强领导下 gives 区): a body is led by its own level's party committee and government."""
    levels = [
        m.group(1)
        for s in _body_opening(doc, title_sentence(doc))
        for clause in LEADERSHIP.finditer(s.text)
        for m in LEADING_BODY.finditer(clause.group(0))
    ]
    return max(levels, key=LEVEL_RANK.__getitem__, default=None)


def _own_place(doc: Document, level: str | None) -> RegionMention | None:
    """The report's own region when no name gives it: the unit of the report's level (县, 区,
    市: from 县司法局 or from 我县/全县) that the text names most, if one clearly leads."""
    if level is None:
        level = _own_level(doc)
    if level is None:  # 2023年,我局…: a text naming a single place is about that place
        coded = {m.code: m for m in regions_in_document(doc) if m.code}
        return next(iter(coded.values())) if len(coded) == 1 else None
    tally: dict[str, list[RegionMention]] = {}
    above_counties = level == "市" and SUBORDINATE_COUNTIES.search(doc.text) is not None
    for mention in regions_in_document(doc):
        if above_counties and mention.level != "city":
            continue  # 我市各县(市、区)司法局: the text's 市 has counties under it, so is no county-level city
        if mention.code and mention.official and mention.official.endswith(level):
            tally.setdefault(mention.code, []).append(mention)
    if not above_counties:
        tally = _county_level_cities_first(tally)
    ranked = sorted(tally.values(), key=len, reverse=True)
    if not ranked or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    if len(ranked[0]) < 2 and len(ranked) > 1:  # one mention leads only where it has no rival
        return None
    return ranked[0][0]


def _county_level_cities_first(tally: dict[str, list[RegionMention]]) -> dict[str, list[RegionMention]]:
    """市司法局…落实绍兴市…要点, 诸暨市…: a text that calls itself 我市 and names a county-level city
    inside the prefecture it also names is the county-level city's; the prefecture is its
    superior (a county report is never its prefecture's). Prefectures with no such city stay."""
    counties = {code: ms for code, ms in tally.items() if ms[0].level == "county"}
    if not counties:
        return tally
    parents = {code for ms in counties.values() for _, code in ms[0].parents}
    return {code: ms for code, ms in tally.items() if code not in parents}


def _title_place(title: Sentence | None, doc: Document) -> _Found | None:
    """The place a title opens with when nothing but the year follows it (某县2022年度法治政府
    建设情况报告): the report of that place as a whole, which its government writes."""
    if title is None:
        return None
    text = _arabic_years(title.text)
    lead = TITLE_LEAD.match(text).end()  # 2023年度某县法治政府建设工作报告 / 关于某县2023年…
    prefix = re.split(r"(?:19|20)\d{2}|关于", text[lead:], maxsplit=1)[0].rstrip()  # 某县 2023 年…
    zone = zone_at(title, lead, places_named(doc)) if prefix else None
    if zone is not None and zone.name == prefix:  # 某某高新区2023年法治政府建设工作报告
        return _Found(prefix, title, lead, "title")
    mentions = regions_in_text(title, lead, lead + len(prefix)) or _whole_prefix_place(title, lead, prefix, doc)
    covered = mentions[-1].evidence.end - title.start if mentions else lead
    town = _town_at(title, covered, places_named(doc)) if prefix else None
    if town is not None:  # 南安市柳城街道2025年…, 三都镇2025年…
        mentions.append(town)
    if not mentions or mentions[0].evidence.start != title.start + lead or not prefix:
        return None
    if mentions[-1].evidence.end - title.start != lead + len(prefix):
        return _place_after_year(title, lead, mentions)
    return _Found(prefix, title, lead, "title")


def _whole_prefix_place(title: Sentence, lead: int, prefix: str, doc: Document) -> list[RegionMention]:
    """冠县关于2024年… / 房县2022年…: a county of two characters opening a title needs no cue there
    (the regions extractor asks one of such short names), when it is the whole of the title's prefix."""
    if not prefix:
        return []
    place = place_at(title, lead, places_named(doc))
    if place is None or place.evidence.end - title.start != lead + len(prefix):
        return []
    return [place]


def _place_after_year(title: Sentence, lead: int, mentions: list[RegionMention]) -> _Found | None:
    """2023年度某县法治政府建设工作报告 / 某县法治政府建设2023年度报告: a title naming its place,
    then the report's topic, the year before or after (no body's suffix after the place: 2023年某县
    司法局… is that body's title)."""
    end = lead
    for m in mentions:
        if m.evidence.start - title.start != end:
            break
        end = m.evidence.end - title.start
    if end == lead or _suffix_pattern().match(title.text, end):
        return None
    if not re.search(r"\d\s*年度?$", _arabic_years(title.text)[:lead]) and not TITLE_TOPIC.match(
        title.text, end
    ):
        return None  # 某县法治政府建设2023年度报告: the report's topic right after the place
    return _Found(title.text[lead:end], title, lead, "title")


def _government_report(
    doc: Document, title: Sentence | None, year: int | None, warnings: tuple[str, ...]
) -> ReportMeta | None:
    """A report titled by its place alone: written by that place's body the opening names by
    level (县司法局), else by its government (区政府, 我区)."""
    place = _title_place(title, doc)
    if place is None or title is None:
        return None
    zone = zone_at(title, place.start, places_named(doc))
    region = zone if zone is not None and zone.name == place.name else _region_of(place, doc)
    if region is None:
        region = _town_at(place.sentence, _town_start(place), places_named(doc))
    if region is None:  # 冠县关于…: a short county name, read where the title opens
        region = next(iter(_whole_prefix_place(place.sentence, place.start, place.name, doc)), None)
    if region is None:
        return None
    relative = _relative_bureau(doc, title)
    if relative is not None and region.official and region.official.endswith(relative.name[0]):
        bureau, evidence = place.name + relative.name[1:], relative
        if relative.name[1:] in GOVERNMENT_NAMES:  # 县政府常务会议: the title's place's government in full
            bureau = government_as_written(place.name, region, doc)
    else:
        bureau, evidence = government_as_written(place.name, region, doc), place
        warnings += ("bureau read as the government of the place the title names",)
    return ReportMeta(
        bureau=bureau,
        region=region,
        year=year,
        title=title.text,
        bureau_evidence=evidence.evidence("report_meta.title_place_government"),
        warnings=warnings,
    )


def government_of(region: RegionMention) -> str:
    """The word for a place's own government: 人民政府, 办事处 for a street (街道), 管委会 for a
    development zone."""
    if is_zone(region):
        return "管委会"
    return "办事处" if (region.official or region.name).endswith("街道") else "人民政府"


def government_as_written(place: str, region: RegionMention, doc: Document) -> str:
    """The place's government in the fullest form the text writes it (泉溪镇人民政府, else 泉溪镇政府
    where the text says only that), else by the word for its kind of place."""
    word = government_of(region)
    if word == "人民政府" and place + word not in doc.text and place + "政府" in doc.text:
        return place + "政府"
    return place + word


def _full_place_name(region: RegionMention) -> str:
    """邹城市 for a text opening 2023年,邹城坚持…: a government is named by its place's full name."""
    official = region.official
    return official if official and official.startswith(region.name) else region.name


def _town_start(place: _Found) -> int:
    """Where the town's name starts in a title prefix that may name its county first."""
    mentions = regions_in_text(place.sentence, place.start, place.start + len(place.name))
    return mentions[-1].evidence.end - place.sentence.start if mentions else place.start


def _subject_place(doc: Document, title: Sentence | None) -> tuple[RegionMention, Sentence] | None:
    """The place a text opens with as its subject (2025年,下蜀镇坚持… / 2021年通州区积极推动…
    / 本报讯(记者 某某)泗县在近期开展…) or hands a report over for (现将六枝特区2022年…报告如下).
    A name the gazetteer cannot settle alone stays a name: better than no region."""
    named = places_named(doc)
    spots = [(s, _past_thanks(s.text, OPENING.match(s.text).end())) for s in _body_opening(doc, title)]
    spots += [(s, m.start(1)) for s in doc.sentences[: HEAD_LINES * 2] for m in HANDOVER.finditer(s.text)]
    for s, pos in spots:
        place = place_at(s, pos, named) or zone_at(s, pos, named) or _unlisted_town_at(s, pos, named)
        if place is not None:
            return place, s
    return None


def _past_thanks(text: str, pos: int) -> int:
    """Where the subject stands when a sentence opens by thanking its leaders (2019年,在省委、省政府
    的正确领导下,南昌县全面贯彻…): after that clause, which names the leaders, not the subject."""
    thanks = LEADERSHIP.match(text, pos)
    if thanks is None:
        return pos
    after = CLAUSE_BREAK.match(text, thanks.end())
    return after.end() if after else thanks.end()


@cache
def _zone_name() -> re.Pattern[str]:
    """A zone's name: a few name characters, then a zone's suffix (kg/vocab/data/zone_suffixes.tsv)."""
    suffixes = sorted(words("zone_suffixes.tsv"), key=len, reverse=True)
    return re.compile(rf"[{HAN}]{{0,8}}?(?:" + "|".join(map(re.escape, suffixes)) + ")")


def zone_at(sentence: Sentence, start: int, named: frozenset[gazetteer.Place]) -> RegionMention | None:
    """The development zone a text opens with as its subject (2023年,高新区坚持…): not in the
    gazetteer, so a region by its written name, placed under the deepest unit the text names
    if those lie on one line (珠海 and 广东: under 珠海市)."""
    m = _zone_name().match(sentence.text, start)
    if m is None or NOT_IN_NAME.search(m.group(0)) or m.group(0)[0] in NOT_ZONE_START:
        return None
    evidence = Evidence.of(sentence, m.start(), m.end(), rule="report_meta.subject_zone")
    parent = _single_line_place(named)
    parents = tuple((p.name, p.code or "") for p in gazetteer.chain(parent)) if parent else ()
    return RegionMention(name=m.group(0), evidence=evidence, parents=parents)


def _single_line_place(named: frozenset[gazetteer.Place]) -> gazetteer.Place | None:
    """The deepest of ``named`` when all of them are it or its parents (one line of units)."""
    deepest = max(named, key=lambda p: len(gazetteer.chain(p)), default=None)
    if deepest is None or not all(gazetteer.is_within(deepest, p) for p in named):
        return None
    return deepest


def _town_at(sentence: Sentence, start: int, named: frozenset[gazetteer.Place]) -> RegionMention | None:
    """The town whose name starts at ``start``: one the gazetteer knows, else one it lacks."""
    return town_at(sentence, start, named) or _unlisted_town_at(sentence, start, named)


def _unlisted_town_at(
    sentence: Sentence, start: int, named: frozenset[gazetteer.Place]
) -> RegionMention | None:
    """A town, township or street the gazetteer lacks (renamed, merged, newly made), where a
    report names its own place (红石塘镇2023年度…报告 / 2023年,红石塘镇在县委…): a region by its
    written name and suffix, placed under the deepest unit the text names if those lie on one line.
    Not 全镇/我乡/各街道, nor words that end like a town (城乡, 乡镇)."""
    m = UNLISTED_TOWN.match(sentence.text, start)
    if m is None or m.group(0)[0] in NOT_ZONE_START or NOT_IN_NAME.search(m.group(0)):
        return None
    if COUNTED_START.match(m.group(0)):
        return None
    if m.group(0).endswith(words("region_generic.tsv")) or m.group(0)[-2] in TOWN_WORD_ENDS:
        return None
    evidence = Evidence.of(sentence, m.start(), m.end(), rule="report_meta.subject_town")
    parent = _single_line_place(named)
    parents = tuple((p.name, p.code or "") for p in gazetteer.chain(parent)) if parent else ()
    return RegionMention(name=m.group(0), evidence=evidence, parents=parents, level="town")


def is_zone(region: RegionMention) -> bool:
    """A development zone the report is about (no code, a zone's suffix)."""
    return region.code is None and region.name.endswith(words("zone_suffixes.tsv"))


def _news_sentences(doc: Document) -> list[Sentence]:
    """The first sentences of a news item's story: whole sentences (a headline, subtitle, byline,
    caption or date line ends in no full stop), not quotes (“…。” 贾女士说)."""
    out = []
    for s in doc.sentences:
        if len(out) >= NEWS_SENTENCES:
            break
        if not STORY_SENTENCE_END.search(s.text) or QUOTE_SENTENCE.match(s.text):
            continue
        out.append(s)
    return out


def _clause_starts(s: Sentence) -> list[int]:
    """Where a sentence's clauses start (after a dateline 某报讯(记者 某某) and a year), past quote marks."""
    starts = [OPENING.match(s.text).end()] + [m.end() for m in CLAUSE_BREAK.finditer(s.text)]
    return [p + len(s.text[p:]) - len(s.text[p:].lstrip(" “‘")) for p in starts]


def _acting_subject(doc: Document) -> _Found | RegionMention | None:
    """What a news item's story opens with as its subject: a body (邵阳市司法局充分发挥… / “开张”才
    几天,省公共法律服务中心就收到…), or a place (崇仁县从公安…挑选…: the item is about the place,
    and no body writes it). A place before a word for its people or its paper (某区居民贾女士,
    湖北日报记者) is no subject; nor is a body above the level the text calls itself by. The body
    a reporter learnt the facts from (:func:`_news_source`) stands for a story whose subject is a
    place or none, not for one whose subject is a body (记者日前从香坊区政府获悉…该区公共法律服务中心
    正式挂牌, dev8 h128: the centre's item)."""
    named = places_named(doc)
    before: list[RegionMention] = []
    source: _Found | None = None
    for s in _news_sentences(doc):
        source = source or _news_source(s, named)
        for pos in _clause_starts(s):
            body = _body_at(s, pos, named) or _referred_body(s, pos, before)
            if body is not None and (
                _one_of_several(body) or _scene(body) or _official_of(body) or _honouring(body)
            ):
                continue
            if body is not None and not (_is_level_named(body) and _above_own_level(body, doc)):
                return body
            place = place_at(s, pos, named)
            if place is not None and s.text.startswith(LIST_MARK, place.evidence.end - s.start):
                continue  # 吴川、遂溪司法局…作经验交流: places heading a list speak for themselves
            body = _body_after_place(s, pos, place.evidence.end - s.start, "acting") if place else None
            if body is not None and _scene(body):
                continue  # 泸州市纳溪区社会治安综治中心里,…: where the scene is, not who acts
            if body is not None and not _one_of_several(body):
                return body  # 武灵镇司法所共调解…: a town's body the gazetteer places only by the town
            if place is not None and not _modifies_people(s.text, place.evidence.end - s.start):
                return source or place
        before += sorted(_places_in(s, named), key=lambda p: p.evidence.start)
    return source


#: 记者今天(2月9日)从省司法厅获悉 / 记者从市人社局了解到: the body a news item's facts come from
NEWS_SOURCE = re.compile(r"^[^。，,]{0,24}?从([^。，,：:“”]{2,30}?)(?:获悉|了解到|得知|获得消息)")


def _news_source(s: Sentence, named: frozenset[gazetteer.Place]) -> _Found | None:
    """记者今天(2月9日)从省司法厅获悉:2022年,江苏全省… (dev17 h218): the body a reporter learnt
    the item's facts from, in its first clause, is the body the item reports for. Rule
    ``news_source`` (the record keeps ``acting_body``)."""
    m = NEWS_SOURCE.match(s.text)
    if m is None:
        return None
    body = _body_at(s, m.start(1), named)
    return body if body is not None and body.start + len(body.name) == m.end(1) else None


def _referred_body(s: Sentence, pos: int, before: list[RegionMention]) -> _Found | None:
    """该市司法局以… / 日前,该区公共法律服务中心正式挂牌…: a news story's body named by reference
    to the unit it named before (dev8 h125 安庆市, h128 香坊区): that unit's body, its name
    completed with the last place of that level named earlier, as ``referred_place`` reads
    该镇. Rule ``referred_body``."""
    m = REFERRING.match(s.text, pos)
    if m is None or m.group(1) not in LEVEL_RANK:
        return None
    body = LEVEL_NAMED_DEPARTMENT.match(s.text, m.start() + 1)
    if body is None or NOT_IN_NAME.search(body.group(0)) or body.group(0).endswith(_mediation_suffixes()):
        return None
    same = [p for p in before if (p.official or p.name).endswith(m.group(1))]
    if not same:
        return None
    place = same[-1]
    name = (place.official or place.name) + body.group(0)[1:]
    return _Found(name, s, pos, "acting", region=place, written=body.end() - pos)


def _official_of(body: _Found) -> bool:
    """黑龙江省司法厅副厅长刘勇表示 / 龍沙區司法局局長王韶泓在了解情況後: a body before its
    official's title (kg/vocab/data/report_officials.tsv) names the person's affiliation; the
    person acts, not the body (wide d509, holdout4 h57, whose stories are the centres'). Rule
    ``official_of_body``."""
    end = body.start + (body.written or len(body.name))
    return body.sentence.text.startswith(words("report_officials.tsv"), end) or _a_post(body, end)


def _a_post(body: _Found, end: int) -> bool:
    """省委常委、政法委书记刘建洋在…强调 (holdout30 h525): a committee's name ending in a member's
    post (常委, 书记: org_not_mention_after.tsv) names the person's post, not the committee
    (常委会 is the standing committee, a body)."""
    written = body.sentence.text[body.start : end]
    return written.endswith(_committee_posts()) and not body.sentence.text.startswith("会", end)


@cache
def _committee_posts() -> tuple[str, ...]:
    return tuple(r[0] for r in rows("org_not_mention_after.tsv") if r[1] == "committee")


#: 决定授予 / 日前通报表彰了: what may stand between an honouring body and its verb of honour
HONOUR_GAP = 6


def _honouring(body: _Found) -> bool:
    """司法部决定授予299个人民调解委员会“全国模范人民调解委员会”称号,后溪镇人民调解委员会位列其中
    (holdout12 h204) / 司法部日前通報表彰了全國22個公共法律服務先進集體,凌海市公共法律服務中心獲此殊榮
    (dev8 h127): a body conferring an honour (kg/vocab/data/report_honours.tsv) acts for the story
    of the body it honours, named next; the honoured body writes the item where it reports at all
    (a mediation committee writes none). Rule ``honouring_body``."""
    after = body.start + (body.written or len(body.name))
    clause = CLAUSE_MARK.split(body.sentence.text[after : after + HONOUR_GAP + 2], maxsplit=1)[0]
    return any(w in clause for w in words("report_honours.tsv"))


#: 泸州市纳溪区社会治安综治中心里,: a word after a body's name making it a place (inside it)
SCENE_POSTPOSITIONS = "里内"


def _scene(body: _Found) -> bool:
    """广西…江南区司法局,一间窗明几净的工作室里,…: a body standing alone before a comma sets a
    news story's scene; its subject acts later (近年来,江南区委政法委积极践行…, holdout6 h85). So
    does a body with a word of place after it (12月3日,泸州市纳溪区社会治安综治中心里,61岁的林万泉
    坐在了调解工作桌前, holdout12 h206: the people in it act). Rule ``scene_body``."""
    end = body.start + len(body.name)
    if body.sentence.text[end : end + 1] in tuple(SCENE_POSTPOSITIONS):
        end += 1
    return CLAUSE_BREAK.match(body.sentence.text, end) is not None


def _referred_place(doc: Document) -> RegionMention | None:
    """A news feature naming no body and opening with no place as its subject (家住某区某镇某社区的
    孙大姐…): the story is about the place it later calls 该镇 / 该县, the last place of that level
    named before. Rule ``referred_place``."""
    named = _context_places(doc)
    before: list[RegionMention] = []
    for s in doc.sentences:
        mentions = _places_in(s, named)
        for m in REFERRING.finditer(s.text):
            level = m.group(1)
            earlier = before + [p for p in mentions if p.evidence.end - s.start <= m.start()]
            same = [p for p in earlier if p.name.endswith(level)]
            if same:
                return same[-1]
        before += sorted(mentions, key=lambda p: p.evidence.start)
    return None


def _one_of_several(body: _Found) -> bool:
    """县司法局等相关部门大力弘扬…: a body heading a list of bodies (等) acts with others, so the
    story is about their joint work, not one body's report."""
    return body.sentence.text.startswith(SEVERAL, body.start + len(body.name))


def _body_at(s: Sentence, pos: int, named: frozenset[gazetteer.Place]) -> _Found | None:
    """The body whose name starts at ``pos``: place-prefixed (邵阳市司法局), or named by its level
    with a department's name (省公共法律服务中心; not 市委, 市政府, 省级…)."""
    for found in _bureaus_in_running_text(s, "acting", named):
        if found.start == pos:
            return found
    national = _national_body_at(s, pos, "acting")
    if national is not None:
        return national
    m = LEVEL_NAMED_DEPARTMENT.match(s.text, pos)
    if m and not NOT_IN_NAME.search(m.group(0)) and not m.group(0).endswith(_mediation_suffixes()):
        return _Found(m.group(0), s, pos, "acting")
    return None


def _level_named_region(found: _Found, doc: Document) -> RegionMention | None:
    """区政府办2025年度…报告, 省住房和城乡建设厅 signing a notice: a bureau named by its level only
    is of the unit of that level the text names most (西安市雁塔区 in a document title it carries
    out), as a body named by level in the opening is (:func:`_own_place`). Rule
    ``level_named_region``."""
    return _own_place(doc, found.name[0])


def _is_level_named(found: _Found) -> bool:
    return found.name[0] in LEVEL_RANK


@cache
def _place_modifiers() -> tuple[str, ...]:
    return words("subject_modifiers.tsv")


#: 孙村镇玉屏村 / 日喀則市的5名司機: a village, or 的 and a count of people, between a place and whom it describes
VILLAGE_THEN = re.compile(rf"[{HAN}]{{1,4}}?(?:村|嘎查)")
PEOPLE_COUNTED = re.compile(r"的?[0-9一二两三四五六七八九十]+名")


def _modifies_people(text: str, end: int) -> bool:
    """Whether the place ending at ``end`` only says where someone is from (某区居民贾女士,
    subject_modifiers.tsv), also past the village it names first (旌德县孙村镇玉屏村村民方某,
    holdout10 h171) or before a count of people (日喀則市的5名司機, holdout9 h154): an anecdote's
    people, not the story's subject, which is looked for further on. Rule ``people_of_place``."""
    if text.startswith(_place_modifiers(), end) or PEOPLE_COUNTED.match(text, end):
        return True
    village = VILLAGE_THEN.match(text, end)
    return village is not None and text.startswith(_place_modifiers(), village.end())


def _story_place(doc: Document, subject: RegionMention | None) -> RegionMention | None:
    """The place a news story names most, where it lies within the place the story opens with and
    is named more often (江苏省加强调解能力建设工作会议在常州召开 … 常州 eight times: holdout7 h102, a
    story about 常州市), or, with no place opening the story and no body acting, where it is named at
    least twice (石塘镇 three times in a profile of its 司法所's head: holdout8 h119). None when two
    places tie. Rule ``story_place``."""
    mentions = regions_in_document(doc)
    counts = Counter(m.official or m.name for m in mentions)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    top, times = ranked[0]
    place = next(m for m in mentions if (m.official or m.name) == top)
    if subject is None:
        return place if times >= MIN_STORY_MENTIONS else None
    if times <= counts.get(subject.official or subject.name, 0) or subject.code is None:
        return None
    return place if subject.code in {code for _, code in place.parents} else None


def _news_report(
    doc: Document, title: Sentence | None, year: int | None, warnings: tuple[str, ...]
) -> ReportMeta | None:
    """A news item with no body in its title, first sentences, signature or 来源 line: written
    for the body its story has act first; none when the story opens with a place."""
    subject = _acting_subject(doc)
    title_text = title.text if title is not None else doc.title()
    if isinstance(subject, RegionMention):
        within = _story_place(doc, subject)
        return ReportMeta(
            bureau=None,
            region=within or subject,
            year=year,
            title=title_text,
            warnings=warnings
            + (
                ("region read from the place within the opening's that the story names most; no body named",)
                if within
                else ("region read from the place the story opens with; no body named",)
            ),
        )
    if subject is None:
        return None
    region = subject.region or (None if _is_level_named(subject) else _region_of(subject, doc))
    if region is None:  # 市司法局…在信州区: a 市 body's region is a 市, not a district it works in
        region = _own_place(doc, subject.name[0] if _is_level_named(subject) else None)
    return ReportMeta(
        bureau=subject.name,
        region=region,
        year=year,
        title=title_text,
        bureau_evidence=subject.evidence("report_meta.referred_body" if subject.written else "report_meta.acting_body"),
        warnings=warnings + ("bureau read as the body the story has act first",),
    )


def report_meta(doc: Document) -> ReportMeta:
    """The report's bureau, region and year, their evidence quoting the document's own lines.

    The rules read derived sentences (a 标题: field's value, a title inside 《》); another
    extractor reading the same span quotes the whole line, and one mention of one span must
    carry one sentence (the SHACL shape says so), so the evidence is re-anchored here.
    """
    meta = _read_unbroken(doc) or _read_report_meta(doc)
    if meta.bureau_evidence is not None:
        meta = replace(meta, bureau_evidence=in_document(doc, meta.bureau_evidence))
    if meta.region is not None:
        meta = replace(meta, region=replace(meta.region, evidence=in_document(doc, meta.region.evidence)))
    return meta


#: a line printed letter-spaced (青 海 省 卫 生 健 康 委, dev19 h220, a title set in a word
#: processor): four or more single Han characters parted by spaces, nothing else
SPACED_LINE = re.compile(rf"(?m)^[ \u3000]*(?:[{HAN}][ \u3000]+){{3,}}[{HAN}][ \u3000]*$")
#: the spaces inside such a line
SPACING = re.compile(rf"(?<=[{HAN}])[ \u3000]+(?=[{HAN}])")


def unbroken(doc: Document) -> tuple[Document, list[int]] | None:
    """The document without what breaks its words apart: the pinyin notes a converter left inside
    them (龍沙區(qū)法律援助中心, 省住房和城鄉(xiāng)建設廳) and the spaces of a letter-spaced line
    (青 海 省 卫 生 健 康 委); for each of its characters the offset it had in ``doc``'s text
    (stamp lines included). None for a text with neither."""
    text = doc.analysis_with_stamps
    cuts = [(m.start(), m.end()) for m in PINYIN_NOTE.finditer(text)]
    for line in SPACED_LINE.finditer(text):
        cuts += [(m.start(), m.end()) for m in SPACING.finditer(text, line.start(), line.end())]
    if not cuts:
        return None
    kept: list[int] = []
    pos = 0
    for start, end in sorted(cuts):
        kept += range(pos, start)
        pos = end
    kept += range(pos, len(text))
    return make_document(doc.source, "".join(text[i] for i in kept), doc.encoding, doc.format), kept


def on_the_page(
    evidence: Evidence, name: str, clean: Document, kept: list[int], doc: Document
) -> tuple[Evidence, str]:
    """Evidence and a name read on :func:`unbroken`'s text, at ``doc``'s offsets; a name that is
    the evidence's span becomes the page's span, notes included, as printed (the gold copies them),
    but not its letter spacing (青海省卫生健康委 is the name of 青 海 省 卫 生 健 康 委)."""
    start, end = kept[evidence.start], kept[evidence.end - 1] + 1
    as_read = clean.analysis_with_stamps[evidence.start : evidence.end]
    for s in doc.sentences + doc.stamps:
        if s.start <= start and end <= s.end:
            span = s.text[start - s.start : end - s.start]
            mapped = Evidence.of(s, start - s.start, end - s.start, rule=evidence.rule)
            return mapped, SPACING.sub("", span) if name == as_read else name
    return evidence, name


def _read_unbroken(doc: Document) -> ReportMeta | None:
    """Pages copied through a converter that annotated characters with their pinyin, or with a
    letter-spaced title: the rules read the :func:`unbroken` text, and the bureau, the region and
    their evidence are mapped back to the page's spans. None for a text with neither. Rule
    ``pinyin_notes``."""
    cleaned = unbroken(doc)
    if cleaned is None:
        return None
    clean, kept = cleaned
    meta = _read_report_meta(clean)
    bureau, bureau_evidence = meta.bureau, meta.bureau_evidence
    if bureau_evidence is not None:
        bureau_evidence, bureau = on_the_page(bureau_evidence, bureau or "", clean, kept, doc)
    region = meta.region
    if region is not None:
        region_evidence, name = on_the_page(region.evidence, region.name, clean, kept, doc)
        region = replace(region, name=name, evidence=region_evidence)
    return replace(meta, bureau=bureau or None, bureau_evidence=bureau_evidence, region=region)


def in_document(doc: Document, evidence: Evidence) -> Evidence:
    """The same span, quoted from the document's sentence that holds it."""
    for s in doc.sentences:
        if s.start <= evidence.start and evidence.end <= s.end:
            if evidence.sentence_start == s.start and evidence.sentence_end == s.end:
                return evidence
            return Evidence.of(s, evidence.start - s.start, evidence.end - s.start, rule=evidence.rule)
    return evidence


def _read_report_meta(doc: Document) -> ReportMeta:
    found, title = _bureau(doc)
    yearly = _is_yearly_report(doc, title)
    year, warnings = _year(doc, title, yearly)
    title_text = title.text if title is not None else doc.title()

    def meta(
        bureau: str | None,
        region: RegionMention | None,
        evidence: Evidence | None = None,
        notes: tuple[str, ...] = (),
    ) -> ReportMeta:
        """The metadata read, with the year, the title and the warnings gathered so far."""
        return ReportMeta(
            bureau=bureau, region=region, year=year, title=title_text, bureau_evidence=evidence,
            warnings=warnings + notes,
        )
    if found is not None and found.name.endswith(words("report_hearers.tsv")):
        heard = _heard_report(doc, year, title_text, warnings)
        if heard is not None:
            return heard
    if found is not None and not yearly and _bystander(found):
        acting = _news_report(doc, title, year, warnings)
        if acting is not None and acting.bureau_evidence is not None and _opens_its_sentence(acting.bureau_evidence):
            return acting
        if acting is None and _located_in(found):
            return meta(None, None, notes=("a body named only as where the story's scene is; no author",))
        if acting is not None and acting.bureau is None and (_located_in(found) or _official_of(found)):
            return acting  # the scene's or a visitor's body writes nothing; the story is the place's
    region = _region_of(found, doc) if found is not None else None
    if found is None:
        government = _government_report(doc, title, year, warnings)
        if government is not None:
            return government
        news = _news_report(doc, title, year, warnings) if not yearly else None
        if news is not None:
            return news
        referred = _referred_place(doc) if not yearly else None
        if referred is not None:
            return meta(
                None,
                referred,
                notes=("region read from the place the story refers back to (该镇); no body named",),
            )
        subject = _subject_place(doc, title)
        if subject is not None:
            region, s = subject
            start = region.evidence.start - s.start
            body = _body_after_place(s, start, region.evidence.end - s.start, "opening")
            if (
                body is not None
            ):  # 2023年,外冈镇司法所在镇党委…: the body the place starts, not its government
                return meta(
                    body.name,
                    region,
                    evidence=body.evidence("report_meta.body_in_opening"),
                )
            if not yearly:  # a news item about a place is not its government's
                return meta(
                    None,
                    region,
                    notes=("region read from the place the text opens with; no body named",),
                )
            return meta(
                government_as_written(_full_place_name(region), region, doc),
                region,
                evidence=Evidence.of(s, start, start + len(region.name), rule="report_meta.subject_place_government"),
                notes=("bureau read as the government of the place the report opens with",),
            )
        prefecture = _prefecture_body(doc, title)
        if prefecture is not None:
            body, place = prefecture
            return meta(
                (place.official or place.name) + body.name[len(PREFECTURE_WORD) :],
                place,
                evidence=body.evidence("report_meta.level_named_body"),
                notes=("bureau named by its prefecture's level word (地区司法处); completed with the 地区 named",),
            )
        relative = _relative_bureau(doc, title)
        if relative is not None and _above_own_level(relative, doc):
            warnings += ("a higher body named by level acts on the text's own unit; its author is unnamed",)
            relative = None
        town = _own_town(doc) if relative is None and yearly else None
        if town is not None:
            return meta(
                government_as_written(town.official or town.name, town, doc),
                town,
                evidence=replace(town.evidence, rule="report_meta.self_named_town"),
                notes=("bureau read as the government of the town the report speaks as (本镇, 全镇)",),
            )
        if relative is None and town is None:
            relative = _self_level_body(doc)
        region = _own_place(doc, relative.name[0] if relative else None)
        if relative is not None and region is not None:
            found = replace(relative, name=_completed_level_name(relative.name, region, doc))
            warnings += ("bureau named by level only; completed with the region the report names most",)
            return meta(
                found.name,
                region,
                evidence=relative.evidence("report_meta.level_named_body"),
            )
        if region is not None:
            warnings += ("report region read from the place the report names most",)
        if relative is not None:  # as written (区司法局): better than no publisher at all
            found = relative
            warnings += ("bureau named by level only and its region is unclear",)
            if found.where == "self_level":
                return meta(found.name, region, evidence=found.evidence("report_meta.self_level_body"))
        else:  # a national body's title (司法部2020年法治政府建设年度报告) names no place
            title = title_sentence(doc)
            found = _bureau_in_title(title) if title is not None else None
            if found is not None and region is None and _is_level_named(found):
                region = _level_named_region(found, doc)
            completed = _completed_by_level(found, region)
            if completed is not None and found is not None:
                return meta(
                    completed,
                    region,
                    evidence=found.evidence("report_meta.level_named_body"),
                    notes=("bureau named by level only in the title; completed with the report's unit",),
                )
        if found is None and yearly and region is not None and _speaks_as_place(doc, region):
            return meta(
                government_as_written(_full_place_name(region), region, doc),
                region,
                evidence=replace(region.evidence, rule=_speaker_rule(doc)),
                notes=("bureau read as the government of the unit the report speaks as (我县, 县委、县政府)",),
            )
    unplaced = _unplaced_subject_body(doc, title) if found is None else None
    if unplaced is not None:
        return meta(
            unplaced.name,
            None,
            evidence=unplaced.evidence("report_meta.unplaced_subject_body"),
            notes=("bureau read as the grassroots unit the opening names; no place named",),
        )
    story = _story_place(doc, None) if found is None and region is None and not yearly else None
    if story is not None:  # a news profile whose people act, not a body: the place it is about
        return meta(None, story, notes=("region read from the place the story names most; no body named",))
    if found is None:
        warnings += ("no reporting bureau found",)
    elif region is None or region.official is None:
        warnings += ("the reporting bureau's name holds no region the gazetteer knows",)
    return meta(
        found.name if found else None,
        region,
        evidence=found.evidence(f"report_meta.body_in_{found.where}") if found else None,
    )


def _bystander(found: _Found) -> bool:
    """A news item's body read in its opening where it does not act: inside a clause (记者日前从
    香坊区政府获悉 the source, 握着安庆市法律援助中心工作人员的手 an object: dev8 h128, h125) or
    setting the scene before a comma (h85). The story's acting body is its author where it has
    one (:func:`_acting_subject`). Rule ``bystander_body``."""
    if found.where != "opening":
        return False
    return found.start not in _clause_starts(found.sentence) or _scene(found) or _official_of(found)


def _located_in(found: _Found) -> bool:
    """2月16日,在遂宁市大英县法律援助中心接待受理窗口,… (holdout10 h172, a photo caption opening a
    feature): a body named after 在 as the place a scene happens, in a news item whose story has
    no acting body, writes nothing (GUIDELINES: null for a feature no body writes, d409).
    Rule ``scene_location``. So is a body with a word of place after it (泸州市纳溪区社会治安综治中心里,
    holdout12 h206), its people acting."""
    text, end = found.sentence.text, found.start + len(found.name)
    inside_it = text[end : end + 1] in tuple(SCENE_POSTPOSITIONS) and CLAUSE_BREAK.match(text, end + 1) is not None
    return text[max(0, found.start - 1) : found.start] == LOCATIVE or inside_it


def _opens_its_sentence(evidence: Evidence) -> bool:
    """近年来,该市司法局以… / 据介绍,香坊区公共法律服务中心位于…: a body that is its sentence's
    subject, at its start or after a short lead (a time, 据介绍) only; one acting in a later clause
    (在…帮助下,…,龙沙区法院于… in holdout4 h57) is one actor of the story, not its frame."""
    s = Sentence(text=evidence.sentence, start=evidence.sentence_start, end=evidence.sentence_end)
    at = evidence.start - evidence.sentence_start
    starts = _clause_starts(s)
    return at == starts[0] or (len(starts) > 1 and at == starts[1] and starts[1] - starts[0] <= LEAD_CLAUSE)


def _unplaced_subject_body(doc: Document, title: Sentence | None) -> _Found | None:
    """A grassroots unit named by a short name alone as the subject of a clause of the first
    opening sentence (2011年,建华司法所以强化基层队伍建设为根本…; 针对老城区…的特点,西园司法所通过…,
    holdout24 h394), its town and county never named: the report's author, as written, with no
    region the text makes certain. Rule ``unplaced_subject_body``."""
    for s in _body_opening(doc, title)[:1]:
        first = _past_thanks(s.text, OPENING.match(s.text).end())
        for pos in [first] + [p for p in _clause_starts(s) if p > first]:
            found = _grassroots_at(s, pos)
            if found is not None:
                return found
    return None


#: the longest short name a grassroots unit may have before its suffix (西咸新区斗门 + 司法所)
MAX_GRASSROOTS_NAME = 6


def _grassroots_at(s: Sentence, pos: int) -> _Found | None:
    """建华司法所, 西咸新区斗门司法所 starting at ``pos`` (report_grassroots.tsv): a unit named by its
    town's short name. A deictic or a generic word (我所, 全县, 各司法所, 乡镇司法所, 基层司法所) is no
    name."""
    m = _grassroots_name().match(s.text, pos)
    if m is None or s.text[pos] in NOT_ZONE_START:
        return None
    short = m.group(1)
    if short in words("org_generic_modifiers.tsv") or NOT_IN_NAME.search(short):
        return None
    return _Found(m.group(0), s, pos, "opening")


@cache
def _grassroots_name() -> re.Pattern[str]:
    """A short name (group 1) and a grassroots unit's suffix."""
    suffixes = "|".join(map(re.escape, words("report_grassroots.tsv")))
    return re.compile(rf"([{HAN}]{{2,{MAX_GRASSROOTS_NAME}}}?)(?:{suffixes})")


def _heard_report(
    doc: Document, year: int | None, title_text: str, warnings: tuple[str, ...]
) -> ReportMeta | None:
    """A news item in which a legislature or an inspection team hears a report (调研某区2020年度
    法治政府建设情况…听取了…区政府关于2020年度法治政府建设情况的报告 / 审议省人民政府关于2024年
    法治政府建设情况的报告): the report is its author's, not the hearer's (GUIDELINES: the body that
    wrote the report). The author is the body right before 关于, by place, or by level and then of
    the unit of that level the text names most. Rule ``heard_report``."""
    named = _context_places(doc)
    for s in doc.sentences[: HEAD_LINES * 2]:
        verb = HEARING_VERB.search(s.text)
        for m in HEARD_REPORT.finditer(s.text, verb.end() if verb else len(s.text)):
            author = _author_before(s, m.start(), named)
            if author is not None:
                return _heard_report_meta(author, doc, year, title_text, warnings)
    return None


def _author_before(s: Sentence, end: int, named: frozenset[gazetteer.Place]) -> _Found | None:
    """The body whose name ends at ``end`` (right before 关于): one named by place
    (甘肃省人民政府), else a government named by level (区政府)."""
    for f in _bureaus_in_running_text(s, "opening", named):
        if f.start + len(f.name) == end:
            return f
    level = LEVEL_GOVERNMENT.search(s.text, 0, end)
    return _Found(level.group(0), s, level.start(), "opening") if level is not None else None


def _heard_report_meta(
    author: _Found, doc: Document, year: int | None, title_text: str, warnings: tuple[str, ...]
) -> ReportMeta | None:
    """The report metadata of a heard report's author; a level-named government (区政府) is of the
    unit of its level the text names most, in the fullest form of its government."""
    warnings += ("bureau read as the author of the report the text's hearing names",)
    evidence = author.evidence("report_meta.heard_report")
    if not _is_level_named(author):
        return ReportMeta(
            bureau=author.name,
            region=_region_of(author, doc),
            year=year,
            title=title_text,
            bureau_evidence=evidence,
            warnings=warnings,
        )
    region = _own_place(doc, author.name[0])
    if region is None:
        return None
    return ReportMeta(
        bureau=government_as_written(_full_place_name(region), region, doc),
        region=region,
        year=year,
        title=title_text,
        bureau_evidence=evidence,
        warnings=warnings,
    )


def home_place(meta: ReportMeta) -> gazetteer.Place | None:
    """The gazetteer place of the report's own region, the context names resolve against
    (a town, which has no code, by its name and its parents' codes)."""
    region = meta.region
    if region is None or region.official is None:
        return None
    parents = tuple(code for _, code in region.parents)
    for p in gazetteer.lookup(region.official) or gazetteer.town_names().get(region.official, ()):
        if region.code is not None and p.code == region.code:
            return p
        if region.code is None and tuple(q.code or "" for q in gazetteer.chain(p)[:-1]) == parents:
            return p
    return None
