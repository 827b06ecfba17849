"""How a build scales: seconds, MB/s, the ratio to one jieba pass, peak memory, time per stage.

    .venv/bin/python benchmarks/bench_build.py [--reports 39 156 624] [--jobs 1 2] [--stages] [--store disk]

Grows a corpus of N distinct reports from the real texts in the project (the seeds and
the wide corpus): each round of copies shifts every year back by one, so copies are
distinct reports of the same bodies, as a real multi-year corpus is. For each N and each
``--jobs`` it runs ``kg build DIR --out OUT --no-cache`` (the defaults a user gets: every
export, the graph page, SHACL) in a fresh process, and prints wall seconds, MB/s, the
speed relative to ``jieba.lcut`` over the same text measured in the same run, and the
peak RSS of the build process. ``--stages`` then times each stage in one process on the
largest corpus. The figures in BENCHMARKS.md come from this script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "corpus" / "wide" / "texts"]
YEAR = re.compile(r"(20[0-3]\d)年")


def make_corpus(folder: Path, reports: int) -> int:
    """Write ``reports`` distinct reports into ``folder``; returns the bytes written."""
    texts = [p for src in SOURCES for p in sorted(src.glob("*.txt"))]
    size = 0
    for i in range(reports):
        source = texts[i % len(texts)]
        shift = i // len(texts)
        text = YEAR.sub(lambda m, s=shift: f"{int(m.group(1)) - s}年", source.read_text(encoding="utf-8"))
        target = folder / f"{source.stem}_{shift:03d}.txt"
        target.write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def jieba_seconds(folder: Path) -> float:
    """One ``jieba.lcut`` pass over every text (dictionary loaded first, not timed)."""
    import jieba

    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    start = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - start


#: runs one command and prints its wall seconds and the peak RSS of the largest process
MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "rc": proc.returncode,
                  "stderr": proc.stderr[-2000:]}))
"""


def measured_build(corpus: Path, out: Path, jobs: int, store: str = "auto") -> dict:
    kg = Path(sys.executable).with_name("kg")
    cmd = [str(kg), "build", str(corpus), "--out", str(out), "--no-cache", "--jobs", str(jobs), "--store", store]
    proc = subprocess.run([sys.executable, "-c", MEASURE, *cmd], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def stage_seconds(corpus: Path) -> dict[str, float]:
    """Seconds per stage of one build of ``corpus`` in this process (extraction on every core)."""
    from kg.graph.rdf import to_graph
    from kg.graph.resolve import resolve
    from kg.graph.validate import violations
    from kg.pipeline import extract_all
    from kg.publish.formats import WRITERS
    from kg.publish.html import overview_html

    seconds: dict[str, float] = {}

    def timed(label: str, fn, *args):
        start = time.perf_counter()
        value = fn(*args)
        seconds[label] = time.perf_counter() - start
        return value

    result = timed("read + extract (every core)", extract_all, [corpus])
    resolved = timed("resolve", resolve, result.extractions)
    graph = timed("map to RDF (pyoxigraph store)", to_graph, resolved)
    timed("SHACL (pyshacl, in batches)", violations, graph)
    for name, write in WRITERS.items():
        with open(os.devnull, "wb") as sink:
            timed(f"write {name}", write, graph, sink)
    timed("graph page", overview_html, graph)
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, nargs="+", default=[39, 156, 624], help="corpus sizes (reports)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run")
    ap.add_argument("--stages", action="store_true", help="also time each stage on the largest corpus")
    ap.add_argument("--store", default="auto", choices=("auto", "memory", "disk"), help="kg build --store")
    args = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        print("| reports | MB | jobs | build s | MB/s | jieba.lcut MB/s | build / jieba | peak RSS MB |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in args.reports:
            corpus = work / f"corpus-{n}"
            corpus.mkdir()
            size = make_corpus(corpus, n) / 1e6
            jieba_mbs = size / jieba_seconds(corpus)
            for jobs in args.jobs:
                run = measured_build(corpus, work / f"out-{n}-{jobs}", jobs, args.store)
                if run["rc"] not in (0, 1):
                    raise SystemExit(f"kg build failed:\n{run['stderr']}")
                mbs = size / run["seconds"]
                print(
                    f"| {n} | {size:.2f} | {jobs} | {run['seconds']:.1f} | {mbs:.3f} | {jieba_mbs:.2f} "
                    f"| {mbs / jieba_mbs:.3f} | {run['peak_mb']:.0f} |",
                    flush=True,
                )
            shutil.rmtree(work / f"out-{n}-{args.jobs[0]}", ignore_errors=True)
        if args.stages:
            largest = work / f"corpus-{max(args.reports)}"
            print(f"\nstages, {max(args.reports)} reports, one process (extraction on every core):")
            for label, seconds in stage_seconds(largest).items():
                print(f"  {label:32} {seconds:7.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
