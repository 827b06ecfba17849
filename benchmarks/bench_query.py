"""Time the canned questions on a synthetic graph shaped like ours, rdflib and pyoxigraph side by side.

    .venv/bin/python benchmarks/bench_query.py --reports 1800          # ≈ 1.03 M triples
    .venv/bin/python benchmarks/bench_query.py --reports 20 --crossover # where auto should switch

The graph has the build's shape: reports with year, region and publisher; per report
outcomes (value, unit, indicator, 同比 change, region, year, agency, evidence), initiatives,
challenges, mediation committees, agencies and cited policies, each with its Mention and
TextPositionSelector, as kg/rdf.py writes them. Names and numbers are random but
seeded, so every run builds the same graph.

Times are CPU seconds of the process (``time.process_time``): on a shared machine wall
time mostly measures the neighbours. Wall seconds are recorded in the JSON too.

rdflib runs in a child process so that a query past ``--timeout`` can be stopped (rdflib
cannot be interrupted in-thread); the child is restarted, reloading the graph, for the
questions after it.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LGKG = "https://w3id.org/lgkg/ontology#"
ID = "https://w3id.org/lgkg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OA = "http://www.w3.org/ns/oa#"
XSD = "http://www.w3.org/2001/XMLSchema#"

AREAS = [
    "coordination",
    "rulemaking",
    "enforcement",
    "review",
    "legal-services",
    "mediation",
    "legal-education",
]
INDICATOR_WORDS = [
    "法律援助案件受理数",
    "行政机关负责人出庭应诉率",
    "人民调解案件数",
    "行政复议申请数",
    "普法活动场次",
]
UNITS = ["件", "%", "场", "人次", "个"]


def esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Writer:
    """N-Triples lines, counted."""

    def __init__(self, out):
        self.out = out
        self.n = 0

    def iri(self, s: str, p: str, o: str) -> None:
        self.out.write(f"<{s}> <{p}> <{o}> .\n")
        self.n += 1

    def lit(self, s: str, p: str, value: object, dt: str | None = None, lang: str | None = None) -> None:
        tail = f"@{lang}" if lang else (f"^^<{XSD}{dt}>" if dt else "")
        self.out.write(f'<{s}> <{p}> "{esc(str(value))}"{tail} .\n')
        self.n += 1


def synthesise(path: Path, reports: int, seed: int = 7) -> int:
    """Write a graph of ``reports`` reports to ``path`` (N-Triples); returns its triple count."""
    rnd = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        w = Writer(f)
        for a in AREAS:
            w.iri(f"{ID}area/{a}", RDF_TYPE, f"{LGKG}GovernanceArea")
            w.lit(f"{ID}area/{a}", f"{SKOS}prefLabel", f"领域{a}", lang="zh")
        n_regions = max(10, reports // 5)
        for r in range(n_regions):
            reg = f"{ID}region/{100000 + r}"
            w.iri(reg, RDF_TYPE, f"{LGKG}Region")
            w.lit(reg, RDFS_LABEL, f"地区{r}")
            w.lit(reg, f"{LGKG}adminCode", 100000 + r)
            w.iri(reg, f"{LGKG}partOf", f"{ID}region/{100000 + r % 10}")
        n_indicators = max(20, reports // 4)
        for i in range(n_indicators):
            ind = f"{ID}indicator/{i}"
            w.iri(ind, RDF_TYPE, f"{LGKG}Indicator")
            w.lit(
                ind,
                RDFS_LABEL,
                f"{INDICATOR_WORDS[i % len(INDICATOR_WORDS)]}{i // len(INDICATOR_WORDS) or ''}",
            )
        n_policies = max(20, reports)
        for p in range(n_policies):
            pol = f"{ID}policy/{p}"
            w.iri(pol, RDF_TYPE, f"{LGKG}Policy")
            w.lit(pol, RDFS_LABEL, f"政策文件{p}")
            w.lit(pol, f"{LGKG}policyType", rnd.choice(["law", "regulation", "plan", "measure", "other"]))
        for k in range(reports):
            rep = f"{ID}report/r{k}"
            region = f"{ID}region/{100000 + rnd.randrange(n_regions)}"
            year = 2018 + rnd.randrange(7)
            bureau = f"{ID}agency/bureau{k}"
            w.iri(rep, RDF_TYPE, f"{LGKG}Report")
            w.lit(rep, f"{LGKG}sourceFile", f"r{k}.txt")
            w.lit(rep, RDFS_LABEL, f"报告{k}")
            w.lit(rep, f"{LGKG}year", year, "integer")
            w.iri(rep, f"{LGKG}aboutRegion", region)
            w.iri(rep, f"{LGKG}publishedBy", bureau)
            for _ in range(4):
                w.iri(rep, f"{LGKG}cites", f"{ID}policy/{rnd.randrange(n_policies)}")
            offset = [0]

            def mention(node: str, sentence: str, k=k, rep=rep, offset=offset) -> None:
                start = offset[0]
                offset[0] += len(sentence) + 1
                m = f"{ID}mention/r{k}/{start}-{start + len(sentence)}"
                sel = m + "/position"
                w.iri(node, f"{LGKG}mention", m)
                w.iri(node, f"{LGKG}mentionedIn", rep)
                w.iri(m, RDF_TYPE, f"{LGKG}Mention")
                w.iri(m, f"{OA}hasSource", rep)
                w.iri(m, f"{OA}hasSelector", sel)
                w.lit(m, f"{LGKG}evidence", sentence)
                w.lit(sel, f"{OA}start", start, "nonNegativeInteger")
                w.lit(sel, f"{OA}end", start + len(sentence), "nonNegativeInteger")

            w.iri(bureau, RDF_TYPE, f"{LGKG}Agency")
            w.lit(bureau, RDFS_LABEL, f"地区司法局{k}")
            w.iri(bureau, f"{LGKG}jurisdiction", region)
            mention(bureau, f"地区司法局{k}坚持以法治思想为指导。")
            for j in range(20):
                o = f"{ID}outcome/r{k}/{j}"
                value = rnd.randrange(1, 5000)
                unit = UNITS[j % len(UNITS)]
                if unit == "%":
                    value = rnd.choice([100, 95, 98])
                text = f"全年共办理事项{value}{unit}"
                sentence = f"{text},同比上升{rnd.randrange(1, 90)}%。"
                w.iri(o, RDF_TYPE, f"{LGKG}Outcome")
                w.lit(o, RDFS_LABEL, text)
                w.lit(o, f"{LGKG}value", value, "decimal")
                w.lit(o, f"{LGKG}unit", unit)
                w.lit(o, f"{LGKG}approximate", "false", "boolean")
                w.lit(o, f"{LGKG}isTarget", "true" if j == 19 else "false", "boolean")
                if j % 4 == 0:
                    w.lit(o, f"{LGKG}changePercent", rnd.randrange(-60, 90), "decimal")
                w.iri(o, f"{LGKG}indicator", f"{ID}indicator/{rnd.randrange(n_indicators)}")
                w.iri(o, f"{LGKG}area", f"{ID}area/{rnd.choice(AREAS)}")
                w.iri(o, f"{LGKG}inRegion", region)
                w.lit(o, f"{LGKG}year", year, "integer")
                w.iri(o, f"{LGKG}reportedBy", bureau)
                w.lit(o, f"{LGKG}evidence", sentence)
                mention(o, sentence)
            for j in range(5):
                node = f"{ID}initiative/r{k}/{j}"
                w.iri(node, RDF_TYPE, f"{LGKG}Initiative")
                w.lit(node, RDFS_LABEL, f"专项行动{rnd.randrange(reports * 3)}")
                w.lit(node, f"{LGKG}initiativeKind", "campaign")
                w.lit(node, f"{LGKG}status", "planned" if j == 4 else "done")
                w.iri(node, f"{LGKG}area", f"{ID}area/{rnd.choice(AREAS)}")
                w.iri(node, f"{LGKG}launchedBy", bureau)
                w.iri(node, f"{LGKG}inRegion", region)
                mention(node, f"开展专项行动{j}。")
            for j in range(3):
                node = f"{ID}challenge/r{k}/{j}"
                w.iri(node, RDF_TYPE, f"{LGKG}Challenge")
                w.lit(node, RDFS_LABEL, f"工作质效有待进一步提高{j}")
                w.iri(node, f"{LGKG}area", f"{ID}area/{rnd.choice(AREAS)}")
                mention(node, f"工作质效有待进一步提高{j}。")
            for j in range(3):
                node = f"{ID}mediation/r{k}/{j}"
                w.iri(node, RDF_TYPE, f"{LGKG}MediationCommittee")
                w.lit(node, RDFS_LABEL, f"人民调解委员会{j}")
                w.iri(node, f"{LGKG}inRegion", region)
                mention(node, f"成立人民调解委员会{j}。")
        return w.n


# -- engines ----------------------------------------------------------------------------------


def canned() -> list[tuple[str, str]]:
    from kg.sparql.canned import canned_queries

    return [(q.name, q.sparql) for q in canned_queries()]


def rdflib_worker(path: str, names: list[str], conn) -> None:
    """Child process: load once, then answer the questions in order, reporting each time."""
    from rdflib import Graph

    from kg.sparql.engines import run_rdflib

    queries = dict(canned())
    t = time.process_time()
    g = Graph().parse(path, format="nt")
    conn.send(("load", time.process_time() - t, len(g)))
    for name in names:
        t = time.process_time()
        rows = len(run_rdflib(g, queries[name]).rows)
        conn.send((name, time.process_time() - t, rows))
    conn.close()


def time_rdflib(path: Path, timeout: float) -> dict:
    """name -> (seconds or None when past the timeout, rows); 'load' -> (seconds, triples)."""
    names = [n for n, _ in canned()]
    out: dict = {}
    ctx = mp.get_context("spawn")
    while names:
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=rdflib_worker, args=(str(path), names, child))
        proc.start()
        child.close()
        if not parent.poll(3600):
            proc.kill()
            raise RuntimeError("rdflib could not load the graph within an hour")
        _, secs, n = parent.recv()
        out.setdefault("load", (secs, n))
        while names:
            if not parent.poll(timeout):
                out[names[0]] = (None, None)
                print(f"  rdflib {names[0]}: > {timeout:.0f} s, stopped", flush=True)
                names = names[1:]
                break
            name, secs, rows = parent.recv()
            out[name] = (secs, rows)
            print(f"  rdflib {name}: {secs:.2f} s, {rows} rows", flush=True)
            names = names[1:]
        proc.kill()
        proc.join()
    return out


def time_oxigraph(path: Path) -> dict:
    import pyoxigraph as ox

    from kg.sparql.engines import run_oxigraph

    out = {}
    t = time.process_time()
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    out["load"] = (time.process_time() - t, len(store))
    for name, sparql in canned():
        t = time.process_time()
        rows = len(run_oxigraph(store, sparql).rows)
        out[name] = (time.process_time() - t, rows)
        print(f"  pyoxigraph {name}: {out[name][0]:.2f} s, {rows} rows", flush=True)
    return out


def crossover(reports: int) -> list[dict]:
    """In-memory rdflib graph: rdflib itself vs copy-into-pyoxigraph-then-query, per graph size."""
    from rdflib import Graph

    from kg.sparql.engines import oxigraph_store, run_oxigraph, run_rdflib

    rows = []
    for n in (reports, reports * 5, reports * 10):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "g.nt"
            synthesise(path, n)
            g = Graph().parse(path, format="nt")
        t = time.process_time()
        for _, q in canned():
            run_rdflib(g, q)
        slow = time.process_time() - t
        t = time.process_time()
        store = oxigraph_store(g)
        copy = time.process_time() - t
        for _, q in canned():
            run_oxigraph(store, q)
        fast = time.process_time() - t
        rows.append({"triples": len(g), "rdflib_all": slow, "copy": copy, "oxigraph_all_with_copy": fast})
        print(rows[-1], flush=True)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=1800, help="reports to synthesise (1800 ≈ 1.03 M triples)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before an rdflib query is stopped")
    ap.add_argument("--skip-rdflib", action="store_true")
    ap.add_argument("--crossover", action="store_true", help="compare engines on small in-memory graphs")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if args.crossover:
        result = {"crossover": crossover(args.reports)}
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "synthetic.nt"
            t = time.perf_counter()
            n = synthesise(path, args.reports)
            print(f"synthesised {n} triples in {time.perf_counter() - t:.1f} s", flush=True)
            ox_times = time_oxigraph(path)
            rdf_times = {} if args.skip_rdflib else time_rdflib(path, args.timeout)
        result = {"triples": n, "oxigraph": ox_times, "rdflib": rdf_times}
        print("\n| question | rows | rdflib 7 (CPU s) | pyoxigraph (CPU s) |\n|---|---:|---:|---:|")
        for name in ["load", *[q for q, _ in canned()]]:
            o_secs, o_rows = ox_times[name]
            r_secs, r_rows = rdf_times.get(name, (None, None))
            r_text = (
                "—" if not rdf_times else (f"> {args.timeout:.0f}" if r_secs is None else f"{r_secs:.2f}")
            )
            same = "" if r_rows in (None, o_rows) or name == "load" else f" (rdflib: {r_rows})"
            print(f"| {name} | {o_rows}{same} | {r_text} | {o_secs:.2f} |")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
