"""How the merge scales: resolution, RDF mapping and Turtle against the number of reports.

    .venv/bin/python benchmarks/bench_merge.py [--copies 1 2 4 8]

The merge is the part of a build that does not split by report: whether extraction ran
in one process, a pool or a Dask cluster, the client resolves every extraction into one
graph and writes it. This extracts the real texts of the project once (seeds + wide
corpus, 63 reports), then feeds the merge 63 × k extractions, each copy under its own
report name (a multi-year corpus of the same bodies: the same agencies, laws and regions
gather more mentions, and reports, outcomes and mentions grow with k). Prints seconds
per stage, triples and peak RSS for each k, so the curve a cluster user meets on the
client machine can be read off without a cluster.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "corpus" / "wide" / "texts"]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, nargs="+", default=[1, 2, 4, 8])
    args = ap.parse_args()

    import gc

    from kg.graph.rdf import to_graph
    from kg.graph.resolve import resolve
    from kg.pipeline import extract_all
    from kg.publish.formats import turtle

    base = extract_all(SOURCES).extractions
    print(f"{len(base)} reports extracted once; peak RSS {peak_mb():.0f} MB")
    print("| reports | resolve s | map to RDF s | Turtle s | triples | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|")
    for k in sorted(args.copies):
        extractions = [
            dataclasses.replace(ex, source=f"{Path(ex.source).stem}_{copy:03d}{Path(ex.source).suffix}")
            for copy in range(k)
            for ex in base
        ]
        start = time.perf_counter()
        resolved = resolve(extractions)
        resolved_at = time.perf_counter()
        graph = to_graph(resolved)
        mapped_at = time.perf_counter()
        turtle(graph)
        written_at = time.perf_counter()
        print(
            f"| {len(extractions)} | {resolved_at - start:.1f} | {mapped_at - resolved_at:.1f} "
            f"| {written_at - mapped_at:.1f} | {len(graph)} | {peak_mb():.0f} |",
            flush=True,
        )
        del resolved, graph, extractions
        gc.collect()


if __name__ == "__main__":
    main()
