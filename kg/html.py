"""The interactive graph page: pyvis (vis-network) with every script inlined, nothing fetched.

Report text is data: labels and evidence are HTML-escaped before they reach the page,
and vis-network shows titles as text.
"""

from __future__ import annotations

import html
import json
import re

from rdflib import RDF, RDFS, Graph, URIRef

from kg.ontology import LGKG

#: class -> (colour, shape, Chinese name); the legend is built from this table
CLASS_STYLE = {
    "Report": ("#374151", "box", "年度报告"),
    "Region": ("#2563eb", "dot", "行政区划"),
    "Agency": ("#dc2626", "dot", "机关单位"),
    "MediationCommittee": ("#16a34a", "dot", "调解组织"),
    "Organization": ("#9333ea", "dot", "其他组织"),
    "MediaOutlet": ("#64748b", "dot", "媒体"),
    "Policy": ("#d97706", "square", "政策文件"),
    "Initiative": ("#0891b2", "triangle", "工作举措"),
    "Outcome": ("#65a30d", "diamond", "量化成效"),
    "Indicator": ("#84cc16", "dot", "指标"),
    "Challenge": ("#be123c", "star", "存在问题"),
}
#: edges drawn on the page (provenance edges to mention nodes are left out: the side data holds them)
EDGE_LABELS = {
    "mentionedIn": "出自报告",
    "publishedBy": "发布机关",
    "aboutRegion": "报告地区",
    "partOf": "隶属",
    "jurisdiction": "辖区",
    "inRegion": "所在地区",
    "launchedBy": "实施机关",
    "indicator": "指标",
    "establishedBy": "设立机关",
    "cites": "引用",
    "implements": "落实",
    "aboutInitiative": "相关举措",
    "reportedBy": "报告机关",
}
CDN_TAG = re.compile(r"<(?:script|link)\b[^>]*(?:src|href)=\"https?://[^\"]*\"[^>]*>(?:\s*</script>)?", re.I)


def local(term: URIRef) -> str:
    return str(term).split("#")[-1].split("/")[-1]


def page_data(graph: Graph) -> tuple[list[dict], list[dict]]:
    """Nodes and edges for vis-network, sorted so the page is byte-identical for the same graph."""
    nodes, ids = [], {}
    for node, cls in sorted(graph.subject_objects(RDF.type)):
        name = local(cls)
        if name not in CLASS_STYLE or node in ids or not isinstance(node, URIRef):
            continue
        colour, shape, zh = CLASS_STYLE[name]
        label = str(graph.value(node, RDFS.label) or local(node))
        evidence = sorted({str(e) for e in graph.objects(node, LGKG.evidence)})
        title = f"{zh}：{label}" + ("\n\n" + "\n".join(evidence[:3]) if evidence else "")
        ids[node] = len(nodes)
        nodes.append(
            {
                "id": len(nodes),
                "label": html.escape(label[:24] + ("…" if len(label) > 24 else "")),
                "title": html.escape(title),
                "group": name,
                "color": colour,
                "shape": shape,
            }
        )
    edges = []
    for prop, zh in EDGE_LABELS.items():
        for s, o in sorted(graph.subject_objects(LGKG[prop])):
            if s in ids and o in ids:
                edges.append({"from": ids[s], "to": ids[o], "title": zh, "arrows": "to"})
    return nodes, edges


def legend_html() -> str:
    items = "".join(
        f'<span style="display:inline-block;margin:2px 8px"><span style="display:inline-block;width:12px;'
        f'height:12px;border-radius:6px;background:{colour};margin-right:4px"></span>{html.escape(zh)}</span>'
        for colour, _, zh in CLASS_STYLE.values()
    )
    return f'<div id="legend" style="font:13px sans-serif;padding:6px">{items}</div>'


def graph_html(graph: Graph) -> str:
    """A self-contained page of the graph: vis-network inlined, a legend, no network access."""
    from pyvis.network import Network  # importing pyvis costs a quarter second: only when a page is made

    nodes, edges = page_data(graph)
    net = Network(height="820px", width="100%", directed=True, cdn_resources="in_line")
    net.nodes = nodes
    net.edges = edges
    net.node_ids = [n["id"] for n in nodes]
    net.node_map = {n["id"]: n for n in nodes}
    net.set_options(
        json.dumps(
            {
                "physics": {
                    "solver": "forceAtlas2Based",
                    "stabilization": {"iterations": 200},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 80},
                },
                "layout": {"improvedLayout": False},
                "edges": {"smooth": False, "color": {"opacity": 0.5}},
                "interaction": {"hover": True, "hideEdgesOnDrag": True, "tooltipDelay": 120},
            }
        )
    )
    page = net.generate_html(notebook=False)
    page = CDN_TAG.sub("", page)
    page = page.replace("<body>", "<body>\n" + legend_html(), 1)
    # stop the simulation once it settled, so large graphs stay responsive
    page = page.replace(
        "return network;",
        'network.once("stabilizationIterationsDone", function () {'
        " network.setOptions({physics: false}); });\n                  return network;",
        1,
    )
    return page
