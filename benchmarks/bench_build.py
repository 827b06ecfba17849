"""Where a build spends its time, stage by stage, on a synthetic corpus made from the seeds.

    .venv/bin/python benchmarks/bench_build.py [--copies 20]

Each copy of a seed report gets another year, so copies are distinct reports of the same
bureau (as a real multi-year corpus is). Prints seconds per stage and throughput; the
figures in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import argparse
import re
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> int:
    """Write ``copies`` year-shifted copies of every seed; returns the bytes written."""
    size = 0
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        for i in range(copies):
            shifted = re.sub(r"(20[12]\d)年", lambda m, shift=i: f"{int(m.group(1)) - shift}年", text)
            target = folder / f"{seed.stem}_{i:03d}.txt"
            target.write_text(shifted, encoding="utf-8")
            size += len(shifted.encode("utf-8"))
    return size


def timed(label: str, timings: dict[str, float], fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    timings[label] = time.perf_counter() - start
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=20, help="copies of each seed report (default 20)")
    args = ap.parse_args()

    timings: dict[str, float] = {}
    start = time.perf_counter()
    from kg.extract import extract
    from kg.html import graph_html
    from kg.rdf import to_graph
    from kg.reader import input_files, read_document
    from kg.resolve import resolve

    timings["import"] = time.perf_counter() - start

    folder = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        size = make_corpus(folder, args.copies)
        files = input_files([folder])
        docs = timed("read + split", timings, lambda: [read_document(f) for f in files])
        # the first extraction also loads jieba's dictionary and the gazetteer: time it apart
        timed("extract (first report, loads dictionaries)", timings, extract, docs[0])
        extractions = timed("extract (the rest)", timings, lambda: [extract(d) for d in docs[1:]])
        resolved = timed("resolve", timings, resolve, extractions)
        graph = timed("map to RDF", timings, to_graph, resolved)
        timed("write Turtle", timings, lambda: graph.serialize(format="turtle"))
        timed("graph page", timings, graph_html, graph)
    finally:
        shutil.rmtree(folder)

    print(f"{len(files)} reports, {size / 1e6:.2f} MB of text, {len(graph)} triples")
    for label, seconds in timings.items():
        print(f"{label:45} {seconds:8.2f} s")
    rest = timings["extract (the rest)"]
    print(f"{'extraction throughput':45} {(size * (len(files) - 1) / len(files)) / 1e6 / rest:8.2f} MB/s")
    print(f"{'total':45} {sum(timings.values()):8.2f} s")


if __name__ == "__main__":
    main()
