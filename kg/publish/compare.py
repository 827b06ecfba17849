"""The comparison page: one bar chart per indicator that two or more regions report.

A researcher comparing regions needs the figure and the sentence it was read from side by
side, so every bar links to its evidence below the chart. The page is plain HTML with inline
SVG: no script, nothing fetched, every string from a report escaped.
"""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, Literal, URIRef

from kg.publish.html import ReportTexts, mention_hits
from kg.publish.view import label_of, local, report_regions
from kg.vocab.ontology import LGKG

#: bar colours by year, oldest first (cycled when a chart spans more years)
YEAR_COLOURS = ("#2563eb", "#16a34a", "#d97706", "#9333ea", "#dc2626", "#0891b2", "#64748b")
LABEL_WIDTH = 210
BAR_WIDTH = 420
ROW_HEIGHT = 22
VALUE_WIDTH = 130


@dataclass(frozen=True, order=True)
class Figure:
    """One reported figure placed for comparison; sorts by region, year, value."""

    region: str
    year: int | None
    value: Decimal
    unit: str
    report: str
    sentence: str
    exact: str
    at: int  # where ``exact`` sits in ``sentence`` (-1: not found)
    outcome: str


def region_of(graph: Graph, outcome: URIRef) -> URIRef | None:
    """The outcome's inRegion, else the region of the report it was read from."""
    direct = sorted(o for o in graph.objects(outcome, LGKG.inRegion) if isinstance(o, URIRef))
    if direct:
        return direct[0]
    for report in sorted(graph.objects(outcome, LGKG.mentionedIn)):
        regions = sorted(report_regions(graph, report))
        if regions:
            return regions[0]
    return None


def year_of(graph: Graph, outcome: URIRef) -> int | None:
    for node in (outcome, *sorted(graph.objects(outcome, LGKG.mentionedIn))):
        year = graph.value(node, LGKG.year)
        if isinstance(year, Literal):
            try:
                return int(year.toPython())
            except (TypeError, ValueError):
                continue
    return None


def figure_of(graph: Graph, outcome: URIRef, texts: ReportTexts | None = None) -> Figure | None:
    """An outcome as a figure to chart (``texts``: the report texts read so far, shared by
    the outcomes of one comparison)."""
    value = graph.value(outcome, LGKG.value)
    region = region_of(graph, outcome)
    if not isinstance(value, Literal) or region is None:
        return None
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        return None
    hits = mention_hits(graph, outcome, texts)
    if hits:
        report, sentence, exact, at = hits[0].source, hits[0].sentence, hits[0].exact, hits[0].at
    else:
        report, sentence, exact, at = None, str(graph.value(outcome, LGKG.evidence) or ""), "", -1
    return Figure(
        region=label_of(graph, region),
        year=year_of(graph, outcome),
        value=number,
        unit=str(graph.value(outcome, LGKG.unit) or ""),
        report="" if report is None else str(graph.value(report, LGKG.sourceFile) or local(report)),
        sentence=sentence,
        exact=exact,
        at=at,
        outcome=str(outcome),
    )


def shared_indicators(graph: Graph) -> list[tuple[str, str, list[Figure]]]:
    """(indicator label, unit, figures) for each indicator and unit reported by two or more regions.

    Targets (lgkg:isTarget true) are left out: a plan is not a result to compare. Figures in
    different units are never drawn on one axis.
    """
    groups: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    texts = ReportTexts(graph)
    for outcome, indicator in graph.subject_objects(LGKG.indicator):
        if not isinstance(outcome, URIRef) or not isinstance(indicator, URIRef):
            continue
        target = graph.value(outcome, LGKG.isTarget)
        if isinstance(target, Literal) and target.toPython() is True:
            continue
        fig = figure_of(graph, outcome, texts)
        if fig is not None:
            groups[(label_of(graph, indicator), fig.unit)].append(fig)
    out = []
    for (label, unit), figures in sorted(groups.items()):
        if len({f.region for f in figures}) >= 2:
            out.append((label, unit, sorted(figures)))
    return out


def number(value: Decimal) -> str:
    """660 not 660.0 or 6.6E+2."""
    return format(value.normalize(), "f")


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def chart_svg(chart: int, unit: str, figures: list[Figure], colours: dict[int | None, str]) -> str:
    """Horizontal bars, one per figure, each a link to its evidence sentence."""
    top = max((abs(f.value) for f in figures), default=Decimal(0)) or Decimal(1)
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    height = ROW_HEIGHT * len(figures) + 6
    rows = []
    for i, fig in enumerate(figures):
        y = 3 + i * ROW_HEIGHT
        length = int(BAR_WIDTH * abs(fig.value) / top)
        label = f"{fig.region} {fig.year if fig.year is not None else '年份不详'}"
        shown = f"{number(fig.value)}{fig.unit}"
        rows.append(
            f'<a href="#ev-{chart}-{i}" class="bar">'
            f"<title>{esc(label)}：{esc(shown)}（点击查看原文）</title>"
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 15}" text-anchor="end">{esc(label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{max(length, 1)}" height="{ROW_HEIGHT - 6}" '
            f'fill="{colours[fig.year]}"/>'
            f'<text x="{LABEL_WIDTH + length + 6}" y="{y + 15}">{esc(shown)}</text>'
            "</a>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" aria-label="{esc(unit)}">' + "".join(rows) + "</svg>"
    )


def evidence_item(chart: int, i: int, fig: Figure) -> str:
    at = fig.at
    if at >= 0 and fig.exact:
        end = at + len(fig.exact)
        text = esc(fig.sentence[:at]) + "<mark>" + esc(fig.exact) + "</mark>" + esc(fig.sentence[end:])
    else:
        text = esc(fig.sentence)
    year = fig.year if fig.year is not None else "年份不详"
    return (
        f'<li id="ev-{chart}-{i}"><span class="src">{esc(fig.region)} {esc(year)}：'
        f"{esc(number(fig.value))}{esc(fig.unit)} · {esc(fig.report)}</span>{text}</li>"
    )


STYLE = """
body { font: 14px/1.6 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 24px; color: #111827; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 28px; border-bottom: 1px solid #e5e7eb; }
svg text { font-size: 12px; fill: #111827; } .bar:hover rect { opacity: .75; }
.legend span { display: inline-block; margin-right: 12px; } .legend i { display: inline-block; width: 12px;
  height: 12px; margin-right: 4px; vertical-align: -1px; }
ol.evidence li { margin: 4px 0; } ol.evidence li:target { background: #fef9c3; }
.src { display: block; color: #6b7280; font-size: 12px; } mark { background: #fde047; }
.empty { color: #6b7280; }
"""


def compare_html(graph: Graph, title: str = "指标地区对比") -> str:
    """The whole comparison page; byte-identical for the same graph."""
    charts = shared_indicators(graph)
    years = sorted({f.year for _, _, figs in charts for f in figs}, key=lambda y: (y is None, y or 0))
    colours = {y: YEAR_COLOURS[i % len(YEAR_COLOURS)] for i, y in enumerate(years)}
    parts = [
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{esc(title)}</h1>\n"
        "<p>两个及以上地区报告的同一指标（同一单位），按地区与年度排列；点击柱条查看原文依据。目标值不计入。</p>\n"
    ]
    if not charts:
        parts.append('<p class="empty">图谱中还没有两个及以上地区共同报告的指标。</p>\n')
    if years:
        legend = "".join(
            f'<span><i style="background:{colours[y]}"></i>{esc(y if y is not None else "年份不详")}</span>'
            for y in years
        )
        parts.append(f'<p class="legend">{legend}</p>\n')
    for chart, (label, unit, figures) in enumerate(charts):
        regions = len({f.region for f in figures})
        heading = f"{label}（{unit}）" if unit else label
        parts.append(f'<section class="indicator" id="chart-{chart}">\n<h2>{esc(heading)}</h2>\n')
        parts.append(f"<p>{regions} 个地区，{len(figures)} 个数值</p>\n")
        parts.append(chart_svg(chart, unit, figures, colours) + "\n")
        items = "\n".join(evidence_item(chart, i, f) for i, f in enumerate(figures))
        parts.append(f'<ol class="evidence">\n{items}\n</ol>\n</section>\n')
    parts.append("</body>\n</html>\n")
    return "".join(parts)
