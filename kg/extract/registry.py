"""The extractors, in one list: what each reads, what it returns, and the rules it is made of.

``kg.extract.extract`` runs them in this order, the build summary counts what they return,
the extraction cache's fingerprint names them, and the corpus tests find each extractor
and check every record's rule here. Adding an extractor is adding an entry; a record whose
``evidence.rule`` is not listed under its extractor fails the tests.

Every record's evidence names the rule that read it (``initiatives.bare_quote``), and the
graph keeps it (``lgkg:rule`` on the mention), so a wrong fact points at one rule.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kg.extract.challenges import challenges_in_document
from kg.extract.context import ReportContext
from kg.extract.initiatives import initiatives_in, initiatives_in_document
from kg.extract.organizations import organizations_in, organizations_in_document
from kg.extract.outcomes import outcomes_in, outcomes_in_document
from kg.extract.policies import media_in, media_in_document, policies_in, policies_in_document
from kg.extract.records import (
    ChallengeRecord,
    InitiativeRecord,
    OrgMention,
    OutcomeRecord,
    PolicyMention,
    RegionMention,
    ReportMeta,
)
from kg.extract.regions import regions_in_document
from kg.extract.report_meta import report_meta
from kg.text.document import Document, Sentence


@dataclass(frozen=True)
class Extractor:
    """One extractor: its name (the prefix of its rules), what it reads and returns, where its
    records go in an :class:`~kg.extract.records.Extraction`, and its named rules (name -> why)."""

    name: str
    reads: str  # "document" or "sentence"
    returns: type
    field: str
    run: Callable[[Document, ReportContext], list]
    rules: Mapping[str, str]
    #: the sentence-level function, where the extractor reads one sentence at a time
    per_sentence: Callable[[Sentence, ReportContext], list] | None = None
    #: columns of the build summary: (title, count of distinct things in its records)
    columns: tuple[tuple[str, Callable[[list], int]], ...] = ()

    def rule_names(self) -> frozenset[str]:
        return frozenset(f"{self.name}.{r}" for r in self.rules)


def _distinct(key: Callable) -> Callable[[list], int]:
    return lambda records: len({key(r) for r in records})


def _orgs_of(kind: str) -> Callable[[list], int]:
    return lambda records: len({r.name for r in records if r.kind == kind})


def _rules(**why: str) -> Mapping[str, str]:
    return MappingProxyType(dict(why))


REPORT_META = Extractor(
    name="report_meta",
    reads="document",
    returns=ReportMeta,
    field="meta",
    run=lambda doc, context: [report_meta(doc)],
    rules=_rules(
        body_in_title="the title's prefix ends in a body's suffix (某县司法局2023年…报告)",
        body_in_head="a name line above or below the title, or a byline (■某局局长 某某)",
        body_in_opening="a place-prefixed body in the first sentences, not one thanked (在县委…领导下)",
        body_in_signature="a name line at the end, above the date",
        body_in_source="the page's 来源/发布机构 stamp line, where the title does not name its place alone",
        body_in_own_document="a body saying only 我局 names itself in its own documents' 《》 titles",
        title_place_government="a title naming only a place (某县2022年…报告): that place's government",
        subject_place_government="the place a report opens with or hands over for (现将X…报告如下)",
        self_named_government="a yearly report speaking as its unit (我县) and never as a body (我局): the unit's government",
        self_named_town="a yearly report speaking as a town (本镇, 全镇) it names most: that town and its government",
        level_named_body="a body named by level only (县司法局), completed with the place the text names",
        self_level_body="a department of the level the text calls itself by (我市: 市司法局), as written where no place completes it",
        acting_body="a news item's bureau: the body its story has act first (邵阳市司法局充分发挥…), unless a place opens it",
        subject_place="the report's region: the place a text opens with as its subject",
        subject_zone="the report's region: a development zone (高新区) a text opens with, under the city it names",
        subject_town="the report's region: the town or street a text opens with as its subject",
        served_town="the report's region: the town a grassroots unit (某县司法局高集司法所) is named after, the one the gazetteer has under its county",
        joint_subject_government="a report whose subject is its level's 县委、县政府 (no 我县): that unit's government",
        heard_report="a hearing body (人大常委会) named first: the author of the 关于…法治…的报告 it hears",
        unplaced_subject_body="a grassroots unit named alone as the opening's subject (某某司法所以…): no region",
        referred_body="a news item's body named by reference (该市司法局以…): the last place of that level named before",
    ),
)

EXTRACTORS: tuple[Extractor, ...] = (
    Extractor(
        name="regions",
        reads="document",
        returns=RegionMention,
        field="regions",
        run=regions_in_document,
        rules=_rules(
            full_name="an official name (綦江区, 大兴安岭地区) wherever it stands",
            short_name="a short name (綦江, 河北) with a cue, a neighbouring place, or known only as a place",
            town_name="a town or street the gazetteer puts under a place the text names",
            town_short_name="a town's short name before a body named for it (黎侯司法所), placed like a town",
            village_name="a village written right after its town or county (孙村镇玉屏村); no code",
        ),
        columns=(("regions", _distinct(lambda r: r.official or r.name)),),
    ),
    Extractor(
        name="organizations",
        reads="sentence",
        returns=OrgMention,
        field="orgs",
        run=organizations_in_document,
        per_sentence=organizations_in,
        rules=_rules(
            place_prefixed="a place, body words and a suffix (綦江区人民法院)",
            relative_prefixed="a level word and a suffix (区法院), completed with the report's region",
            self_prefixed="the reporting body by itself (我局, 局党组)",
            nation_prefixed="a national prefix (国家, 中央) and a suffix",
            free_suffix="words jieba joins before a mediation or organisation suffix",
            quoted_name="a quoted body (“老兵调解室”, “猛佬党”调解工作室)",
            quoted_studio="a quoted name and a studio word in a sentence about mediation (“心理花园”工作室)",
            national_body="a national body from the list (司法部, 国务院)",
            department_word="a department named without a region (公安局): the report's own government's",
            sibling="sub-units listed after the first share its parent (融安站、柳城站)",
            named_group="a party committee's study group, or a leading group named for its task",
            own_committee="a bare 党委/党工委 (发挥党委统领作用) in a town's, street's or department's report: its own",
            own_study_group="a 理论学习中心组 no other body owns (纳入理论学习中心组), or the bureau's (局党组理论学习中心组)",
            stamp_line="a body on the page's stamp lines (来源:浚县司法局), which the other rules never see",
        ),
        columns=(
            ("agencies", _orgs_of("agency")),
            ("mediation", _orgs_of("mediation")),
            ("orgs", _orgs_of("organization")),
        ),
    ),
    Extractor(
        name="media",
        reads="sentence",
        returns=OrgMention,
        field="orgs",
        run=media_in_document,
        per_sentence=media_in,
        rules=_rules(
            book_title="a 《》 title that is not a document (《法治日报》)",
            unmarked_outlet="an outlet named without marks (法治日报, 学习强国)",
            quoted_account="a quoted account with its kind (“綦江司法”微信公众号)",
        ),
        columns=(("media", _orgs_of("media")),),
    ),
    Extractor(
        name="policies",
        reads="sentence",
        returns=PolicyMention,
        field="policies",
        run=policies_in_document,
        per_sentence=policies_in,
        rules=_rules(
            book_title="a 《》 title ending in a document word",
            inner_title="the inner title of a nested one (《贯彻落实<…纲要>…方案》)",
            law_name="a law named without marks (新修订的行政复议法), with its own 实施条例",
            law_after_verb="an unlisted law named without marks after 贯彻落实/学习宣传 (…语言文字法)",
            law_in_list="an unlisted law listed after a law (宪法、民族区域自治法、国家通用语言文字法)",
            law_own_rules="a law's own rules named after it by 及其 (《预算法》及其实施条例)",
            unmarked_document="an unmarked document issued or named with quotes (印发X实施方案)",
            dated_unmarked_document="an unmarked title with its year after a verb that issues, adopts, "
            "submits or includes it (报送某市2023年法治政府年度报告)",
            quoted_title="a full title in quotes opening with its place (“山东省…条例”)",
            plan_name="a national plan named without marks (按照法治政府建设实施纲要确定的目标任务)",
        ),
        columns=(("policies", _distinct(lambda p: p.title)),),
    ),
    Extractor(
        name="initiatives",
        reads="sentence",
        returns=InitiativeRecord,
        field="initiatives",
        run=initiatives_in_document,
        per_sentence=initiatives_in,
        rules=_rules(
            quote_kind_after="a quoted name and the kind word after it (“送法进千企”专项行动)",
            quote_own_kind="a quoted name ending in a kind word (“枫桥经验”)",
            quote_listed_kind="quoted names closed by a shared kind (“A”“B”等专项普法活动)",
            quote_after_run_verb="a quoted name right after a run verb (开展“乡里茶谈”)",
            bare_quote="a quoted name in the shape of a programme (“跨省通办”, “一村一法律顾问”)",
            run_verb_kind="an unquoted name after a run verb, ending in a kind word (建立X机制; 落实X制度 is a standing rule)",
            run_verb_bare="a short name running from 推行/开通 to the clause's end",
            platform_at_clause_start="a named platform the work was done on (X平台上…)",
            served_campaign="the campaign a report's work serves (为X三年行动提供法治保障)",
            coverage_drive="a coverage drive named as a piece of work or pushed (X全覆盖工作, 推进X全覆盖)",
            demonstration_drive="a drive to be named a model place, by its theme (法治政府建设示范区创建)",
            place_named_platform="a platform whose name opens with a province, city or county (依托郑州市信用平台)",
            standing_programme="a programme word written as a piece of work or an event (开展年度述法工作)",
            quote_service_items="a quoted name whose matters are listed or counted (梳理“免办证”事项225项)",
            time_bound_service="a service named by the hours it keeps or the time it is within reach (实现24小时服务)",
            digital_platform="a platform or system named by its digital way of working (用好智慧调解平台)",
            numbered_hotline="an unquoted service number and the words up to 热线 (借助12345法律服务热线)",
            title_programme="a campaign or project a document's title sets up (《关于开展X活动的通知》)",
            study_rule="a rule of studying or reporting on the law after 完善/坚持 (完善年终述法制度)",
            tagger="a name the character CRF is sure of where no rule found one (访调对接, 一站式办理)",
        ),
        columns=(("initiatives", _distinct(lambda i: i.name)),),
    ),
    Extractor(
        name="outcomes",
        reads="sentence",
        returns=OutcomeRecord,
        field="outcomes",
        run=outcomes_in_document,
        per_sentence=outcomes_in,
        rules=_rules(
            figure="a number with a counting unit, a rate or money, in the shortest clause carrying it",
            loose_change="a 同比/环比 change with no figure of its own to attach to",
            run_of_years="a run of years after a continuity cue (连续3年), the only 年 that counts",
            near_magnitude="a bare magnitude after an approximation word (近万名, 近百次): one of it",
            staffed_one="one person posted by a staffing verb in the clause (选派一名调解员常驻)",
            built_one="one thing after a verb of building in the clause (建成一个公共法律服务中心)",
            big_count="N大 + a noun ending its clause (八大领域, 5大攻坚战): the noun is the unit",
        ),
        columns=(("outcomes", len),),
    ),
    Extractor(
        name="challenges",
        reads="document",
        returns=ChallengeRecord,
        field="challenges",
        run=challenges_in_document,
        rules=_rules(
            numbered_item="the headline clause of a numbered problem (一是…, (一)…)",
            admission="a clause admitting a problem in strong words (意识淡薄, 尚未)",
            list_after_colon="each admission listed after 存在以下不足:",
            listed_problems="each item of 存在A、B、C等问题 outside a shortcomings section",
            quoted_problems="each quoted problem a text counts (“A”“B”两大突出问题), or a quote in words of admission",
            reply_admission="the problem a reply to a proposal admits (您指出的X问题)",
            reply_problem="in a reply, a problem worked on (缓解X问题) or a clause in words of admission",
            about_problem_heading="a reply's heading naming the problem it answers (关于X问题)",
            admitting_heading="a heading line outside a shortcomings section whose every clause ends in "
            "a word of admission (经费不足,专业调解人才严重缺乏)",
            finding="outside a shortcomings section, a clause after a word of finding (督查中发现, 但是) "
            "ending in a word of inadequacy (工作日志填写不规范, 政府责任落实不够)",
        ),
        columns=(("challenges", len),),
    ),
)

BY_NAME: Mapping[str, Extractor] = MappingProxyType({e.name: e for e in (REPORT_META, *EXTRACTORS)})


def all_rules() -> frozenset[str]:
    """Every rule name any extractor may put in a record's evidence."""
    return frozenset(r for e in BY_NAME.values() for r in e.rule_names())


def summary_columns() -> tuple[tuple[str, str, Callable[[list], int]], ...]:
    """(column title, Extraction field, counter) for the build summary, in registry order."""
    return tuple((title, e.field, count) for e in EXTRACTORS for title, count in e.columns)


def fingerprint() -> str:
    """The extractors and their rules, as the cache key names them."""
    return ";".join(f"{e.name}:{e.field}:{','.join(sorted(e.rules))}" for e in BY_NAME.values())
