"""Entity resolution: one node per real-world thing across all reports.

Extractors return mentions; here they become entities with stable keys (the tail of
their IRI). Keys are chosen so that the same thing named by several reports meets
itself: regions by GB/T 2260 code, policies by normalised title, agencies by their
canonical name, and relative names (区法院, 市司法局) scoped by the report's region.

Reports stream through: once a report is resolved, what belongs to it alone (its text,
its outcomes and challenges, every mention with its sentence) is handed on as a
:class:`ReportPart` and forgotten here. Only the things several reports can name stay until
the end, with their names and properties, so memory grows with the number of distinct
things, not with the number of reports or sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from kg.extract.records import Evidence, Extraction, RegionMention
from kg.extract.regions import choose, region_mention
from kg.extract.report_meta import home_place
from kg.vocab import gazetteer
from kg.vocab.lexicon import words


@dataclass(frozen=True)
class Ref:
    """A link to another entity, by key."""

    key: str


@dataclass
class Entity:
    """A node of the graph before it is RDF: class, key, names, where it is mentioned, properties."""

    cls: str
    key: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    mentions: list[tuple[str, Evidence]] = field(default_factory=list)
    props: dict[str, list] = field(default_factory=dict)

    def add(self, prop: str, value: object) -> None:
        values = self.props.setdefault(prop, [])
        if value is not None and value not in values:
            values.append(value)

    def name(self, label: str) -> None:
        """Record another surface form; the longest form becomes the label."""
        if not label:
            return
        if (len(label), label) > (len(self.label), self.label):
            self.alt_labels.add(self.label)
            self.label = label
        elif label != self.label:
            self.alt_labels.add(label)


@dataclass
class Report:
    key: str
    source: str
    extraction: Extraction
    publisher: str | None = None
    region: str | None = None


@dataclass
class ReportPart:
    """What one report adds to the graph that no later report can change: the report, the
    things only it names (its outcomes and challenges), each mention it makes (entity key,
    evidence) and the evidence sentences it adds to things other reports may name too."""

    report: Report
    local: list[Entity]
    mentions: list[tuple[str, Evidence]]
    evidence: list[tuple[str, Evidence]]
    cites: list[str]


@dataclass
class Resolved:
    """A whole corpus resolved at once (small corpora, tests, benchmarks): each report's
    part, in input order, and the things several reports can name, settled."""

    parts: list[ReportPart]
    entities: dict[str, Entity]

    @property
    def reports(self) -> list[Report]:
        return [part.report for part in self.parts]


#: classes whose every node belongs to one report (its key holds the report's key)
REPORT_LOCAL = ("Outcome", "Challenge")

#: Name prefixes that only make sense relative to the reporting region (区法院, 市司法局, 我局)
RELATIVE = re.compile(r"^(?:全?[区市县省州旗盟镇乡]|地区|自治区|街道|我|本|该|局|行署|地委)")
#: the rules that read a body as the reporting bureau's own (局党组, 局党组理论学习中心组): a name
#: they give without a canonical one is scoped by the bureau, not by the region
OWN_BODY_RULES = frozenset({"organizations.self_prefixed", "organizations.own_study_group"})
DASHES = re.compile(r"[—–－‐-]+")
QUOTES = re.compile(r"[《》〈〉<>“”\"'‘’「」『』\s]")


def report_key(source: str) -> str:
    return slug(PurePath(source).stem)


def slug(text: str) -> str:
    """An IRI-safe, readable path segment: CJK and word characters kept, the rest %-encoded."""
    out = []
    for ch in text:
        if ch.isalnum() or ch in "-._~()":
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)


#: prefixes that make a body's name unique nationwide without a place (司法部, 中央依法治国办)
NATIONWIDE = ("中华人民共和国", "中央", "国家", "全国", "国务院", "最高人民", "中国")


def names_a_place(name: str) -> bool:
    """Whether a body's name opens with a place or a nationwide prefix, so that the same
    name in two reports is the same body; 律师行业党委 or 公证处 alone could be anywhere."""
    name = name.removeprefix("中共")
    if name.startswith(NATIONWIDE):
        return True
    return any(gazetteer.lookup(name[:n]) for n in range(2, min(len(name), 8) + 1))


def policy_key(title: str) -> str:
    """One key for spellings of one document: quotes, dashes, bracket widths and 中华人民共和国 folded."""
    t = QUOTES.sub("", title)
    t = DASHES.sub("-", t).replace("（", "(").replace("）", ")")
    t = re.sub(r"^中华人民共和国", "", t)
    return t


class Resolver:
    """Accumulates entities report by report: :meth:`part` resolves one report and hands on
    what is final about it, :meth:`shared` the things several reports name, at the end."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        #: report -> sentence start -> keys of the entities named in that sentence, in order
        self.sentence_keys: dict[str, dict[int, list[str]]] = {}

    def entity(self, cls: str, key: str, label: str) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(cls=cls, key=key, label=label)
        else:
            ent.name(label)
        return ent

    def mention(self, ent: Entity, report: str, evidence: Evidence) -> Entity:
        ent.mentions.append((report, evidence))
        keys = self.sentence_keys.setdefault(report, {}).setdefault(evidence.sentence_start, [])
        if ent.key not in keys:
            keys.append(ent.key)
        return ent

    def link_cooccurrences(self, report: str, publisher: str | None) -> None:
        """Edges read from one sentence: a figure reported for an initiative, an initiative
        carrying out a policy, a mediation body set up by the reporting bureau."""
        for _, keys in sorted(self.sentence_keys.get(report, {}).items()):
            by_cls: dict[str, list[str]] = {}
            for key in keys:
                by_cls.setdefault(self.entities[key].cls, []).append(key)
            for outcome in by_cls.get("Outcome", []):
                for initiative in by_cls.get("Initiative", []):
                    self.entities[outcome].add("aboutInitiative", Ref(initiative))
            for initiative in by_cls.get("Initiative", []):
                for policy in by_cls.get("Policy", []):
                    self.entities[initiative].add("implements", Ref(policy))
            if publisher:
                for committee in by_cls.get("MediationCommittee", []):
                    ent = self.entities[committee]
                    sentence = next(ev.sentence for r, ev in ent.mentions if r == report)
                    if any(cue in sentence for cue in words("establishing_verbs.tsv")):
                        ent.add("establishedBy", Ref(publisher))

    def jurisdiction_of(self, agency: Entity, home) -> None:
        """The region a body serves, read from the region name its full name starts with."""
        for label in sorted(agency.alt_labels | {agency.label}, key=lambda n: (-len(n), n)):
            name = label.removeprefix("中共")
            for length in range(min(len(name) - 1, 12), 1, -1):
                places = gazetteer.lookup(name[:length])
                place = choose(places, home)
                if place is not None and place.level != "town":
                    mention = region_mention(name[:length], agency.mentions[0][1], place=place)
                    agency.add("jurisdiction", Ref(self.region(mention, None).key))
                    return

    # -- regions -------------------------------------------------------------------------
    def region(self, mention: RegionMention, report: str | None) -> Entity:
        key = f"region/{mention.code}" if mention.code else f"region/name/{slug(mention.name)}"
        if not mention.code and mention.parents and mention.parents[-1][1]:
            # towns have no code: scope them by their county, so two counties' 白沙镇 stay apart
            key = f"region/{mention.parents[-1][1]}/{slug(mention.official or mention.name)}"
        ent = self.entity("Region", key, mention.official or mention.name)
        if mention.official and ent.label != mention.official:
            ent.alt_labels.add(ent.label)
            ent.label = mention.official
        if mention.name != ent.label:
            ent.alt_labels.add(mention.name)
        if mention.code:
            ent.add("adminCode", mention.code)
        if mention.level:
            ent.add("adminLevel", mention.level)
        parent_key = None
        for name, code in mention.parents:
            pkey = f"region/{code}" if code else f"region/name/{slug(name)}"
            parent = self.entity("Region", pkey, name)
            if code:
                parent.add("adminCode", code)
            if parent_key:
                parent.add("partOf", Ref(parent_key))
            parent_key = pkey
        if parent_key and parent_key != key:
            ent.add("partOf", Ref(parent_key))
        if report is not None:
            self.mention(ent, report, mention.evidence)
        return ent

    # -- one report ----------------------------------------------------------------------
    def report(self, ex: Extraction) -> Report:
        rkey = report_key(ex.source)
        rep = Report(key=rkey, source=ex.source, extraction=ex)
        scope = ex.meta.region.code if ex.meta.region and ex.meta.region.code else rkey
        if ex.meta.region is not None:
            rep.region = self.region(ex.meta.region, None).key
        if ex.meta.bureau:
            bureau = self.entity("Agency", f"agency/{slug(ex.meta.bureau)}", ex.meta.bureau)
            if rep.region:
                bureau.add("jurisdiction", Ref(rep.region))
            rep.publisher = bureau.key
            if ex.meta.bureau_evidence is not None:
                self.mention(bureau, rkey, ex.meta.bureau_evidence)

        for r in ex.regions:
            self.region(r, rkey)

        own_names = _own_names(ex)
        for o in ex.orgs:
            cls = {
                "agency": "Agency",
                "mediation": "MediationCommittee",
                "organization": "Organization",
                "media": "MediaOutlet",
            }[o.kind]
            prefix = {
                "Agency": "agency",
                "MediationCommittee": "mediation",
                "Organization": "org",
                "MediaOutlet": "media",
            }[cls]
            name = o.canonical or o.name
            if not o.canonical and o.evidence.rule in OWN_BODY_RULES:
                # 局党组理论学习中心组 is the reporting bureau's own: two bureaus of one city have
                # two, and a report whose bureau is unknown has its own
                key = f"{prefix}/{slug(ex.meta.bureau or rkey)}/{slug(o.name)}"
            elif (
                o.kind != "media"
                and not o.canonical
                and (RELATIVE.match(o.name) or not names_a_place(o.name))
            ):
                key = f"{prefix}/{slug(scope)}/{slug(o.name)}"
            else:
                key = f"{prefix}/{slug(name)}"
            if cls == "Agency" and name in own_names and rep.publisher:
                key = rep.publisher
            ent = self.entity(cls, key, name)
            if o.canonical and o.name != ent.label:
                ent.alt_labels.add(o.name)
            if rep.region and cls in ("MediationCommittee",):
                ent.add("inRegion", Ref(rep.region))
            self.mention(ent, rkey, o.evidence)

        for p in ex.policies:
            ent = self.entity("Policy", f"policy/{slug(policy_key(p.title))}", p.title)
            ent.add("policyType", p.policy_type)
            self.mention(ent, rkey, p.evidence)

        for i in ex.initiatives:
            ent = self.entity("Initiative", f"initiative/{slug(scope)}/{slug(policy_key(i.name))}", i.name)
            ent.add("initiativeKind", i.kind)
            ent.add("status", i.status)
            if i.area:
                ent.add("area", i.area)
            if rep.publisher:
                ent.add("launchedBy", Ref(rep.publisher))
            if rep.region:
                ent.add("inRegion", Ref(rep.region))
            ent.add("evidence", i.evidence)
            self.mention(ent, rkey, i.evidence)

        outcomes_in_clause: dict[tuple[int, int], int] = {}  # 2件15人: two figures, one clause
        for o in ex.outcomes:
            n = outcomes_in_clause[o.evidence.start, o.evidence.end] = (
                outcomes_in_clause.get((o.evidence.start, o.evidence.end), 0) + 1
            )
            okey = f"outcome/{rkey}/{o.evidence.start}-{o.evidence.end}" + (f"-{n}" if n > 1 else "")
            ent = self.entity("Outcome", okey, o.text)
            ent.add("value", o.value)
            ent.add("unit", o.unit)
            ent.add("approximate", o.approximate)
            ent.add("isTarget", o.is_target)
            if o.change_percent is not None:
                ent.add("changePercent", o.change_percent)
            if o.indicator:
                ind = self.entity("Indicator", f"indicator/{slug(o.indicator)}", o.indicator)
                self.mention(ind, rkey, o.evidence)
                ent.add("indicator", Ref(ind.key))
            if o.area:
                ent.add("area", o.area)
            if rep.region:
                ent.add("inRegion", Ref(rep.region))
            if ex.meta.year:
                ent.add("year", ex.meta.year)
            if rep.publisher:
                ent.add("reportedBy", Ref(rep.publisher))
            ent.add("evidence", o.evidence)
            self.mention(ent, rkey, o.evidence)

        for c in ex.challenges:
            ent = self.entity("Challenge", f"challenge/{rkey}/{c.evidence.start}-{c.evidence.end}", c.text)
            if c.area:
                ent.add("area", c.area)
            ent.add("evidence", c.evidence)
            self.mention(ent, rkey, c.evidence)

        home = home_place(ex.meta)
        named_here = {key for keys in self.sentence_keys.get(rkey, {}).values() for key in keys}
        for key in sorted(named_here):
            ent = self.entities[key]
            if ent.cls == "Agency" and "jurisdiction" not in ent.props:
                self.jurisdiction_of(ent, home)
        self.link_cooccurrences(rkey, rep.publisher)
        return rep


    def part(self, ex: Extraction) -> ReportPart:
        """Resolve one report, and hand on what no later report changes (see :class:`ReportPart`);
        the things only this report names, and its mentions, are forgotten here."""
        rep = self.report(ex)
        rkey = rep.key
        named = {key for keys in self.sentence_keys.pop(rkey, {}).values() for key in keys}
        local, mentions, evidence, cites = [], [], [], []
        for key in sorted(named):
            ent = self.entities[key]
            mentions.extend((key, ev) for r, ev in ent.mentions if r == rkey)
            ent.mentions = [(r, ev) for r, ev in ent.mentions if r != rkey]
            if ent.cls == "Policy":
                cites.append(key)
            if ent.cls in REPORT_LOCAL:
                local.append(self.entities.pop(key))
            elif "evidence" in ent.props:
                evidence.extend((key, ev) for ev in ent.props.pop("evidence"))
        return ReportPart(report=rep, local=local, mentions=mentions, evidence=evidence, cites=cites)

    def shared(self) -> dict[str, Entity]:
        """The things several reports can name, settled (call once, after the last report)."""
        settle_status(self.entities)
        return self.entities


def settle_status(entities: dict[str, Entity]) -> None:
    """An initiative named both in the year's work and in the plan was done; one named with
    two kinds (“一窗通办”改革 and a bare “一窗通办”) keeps the kind it was first read with."""
    for ent in entities.values():
        if ent.cls != "Initiative":
            continue
        if "done" in ent.props.get("status", []):
            ent.props["status"] = ["done"]
        ent.props["initiativeKind"] = ent.props.get("initiativeKind", [])[:1]


def resolve(extractions: list[Extraction]) -> Resolved:
    """Entities of all reports, merged; reports in input order. A build streams instead
    (kg/graph/rdf.py :func:`~kg.graph.rdf.graph_of`); this is the same resolution held whole."""
    resolver = Resolver()
    parts = [resolver.part(ex) for ex in extractions]
    return Resolved(parts=parts, entities=resolver.shared())


def _own_names(ex: Extraction) -> set[str]:
    """The names the reporting body goes by: its bureau as found, and the full name a mention
    written as the bureau resolves to (海南州人民政府 → 海南藏族自治州人民政府, holdout11 h187;
    司法部 → 中华人民共和国司法部, holdout12 h204), so that every mention of it joins the
    publisher's node instead of making a second one."""
    bureau = ex.meta.bureau
    if not bureau:
        return set()
    return {bureau} | {o.canonical for o in ex.orgs if o.kind == "agency" and o.name == bureau and o.canonical}
