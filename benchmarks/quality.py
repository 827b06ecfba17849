"""Extraction quality on the seeds and on the wide corpus of real texts, overall and per kind of text.

    python benchmarks/quality.py [--scorer ../shared/eval/score.py] [--markdown]
    python benchmarks/quality.py --pool /work/blind/holdout15 /work/blind/holdout16 …  # blind sets, pooled

Builds each corpus once with ``kg build`` and scores the graph with the shared scorer
(the same one the hidden set is scored with), then scores the wide corpus again per kind
of text (``corpus/wide/kinds.tsv``) on the same graph. The seeds are an upper bound (the
rules were first written looking at them); the wide corpus is the yardstick; the held-out
texts (``corpus/holdout``, ``corpus/holdout2``, annotated blind, never read while writing
rules) say whether a gain on the wide corpus carries over.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDE = ROOT / "corpus" / "wide"
#: held-out sets, each annotated blind and never read while writing rules
HOLDOUTS = [ROOT / "corpus" / name for name in ("holdout", "holdout2", "holdout3", "holdout4", "holdout6", "dev8", "holdout7", "holdout8", "holdout9", "holdout10", "holdout11", "holdout12", "holdout13", "holdout14", "dev17", "dev18", "dev19", "dev20", "holdout23", "holdout24", "holdout25", "holdout26", "holdout29", "holdout30", "holdout31", "holdout32", "holdout33", "holdout34", "holdout35", "holdout36", "holdout37", "holdout38", "holdout39", "holdout40", "holdout41", "holdout42", "holdout43", "holdout44", "holdout48")]
CATEGORIES = ("regions", "agencies", "mediation_orgs", "policies", "initiatives", "outcomes", "challenges")
META = ("report.bureau", "report.region", "report.year")


def build(texts: Path, out: Path) -> Path:
    """The graph of ``texts`` as a user builds it (refused files are reported, the rest scored)."""
    kg = Path(sys.executable).with_name("kg")
    subprocess.run(
        [str(kg), "build", str(texts), "--out", str(out), "--no-html", "--no-cache"],
        capture_output=True,
        text=True,
    )
    return out / "graph.ttl"


def score(scorer: Path, texts: Path, gold: Path, graph: Path) -> dict:
    proc = subprocess.run(
        [
            sys.executable,
            str(scorer),
            "--texts",
            str(texts),
            "--gold",
            str(gold),
            "--graph",
            str(graph),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def kinds() -> dict[str, list[str]]:
    """Kind of text -> ids, read from corpus/wide/kinds.tsv."""
    out: dict[str, list[str]] = defaultdict(list)
    for line in (WIDE / "kinds.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            doc, kind = line.split("\t")
            out[kind].append(doc)
    return dict(sorted(out.items()))


def row(name: str, result: dict, n: int) -> str:
    f1 = result["f1"]
    cells = [f"{f1[c]['f1']:.2f}" if c in f1 and f1[c]["gold"] else "–" for c in CATEGORIES]
    meta = [
        f"{result['accuracy'][m]['acc']:.2f}" if result["accuracy"].get(m, {}).get("acc") is not None else "–"
        for m in META
    ]
    return f"| {name} | {n} | {result['macro_f1']:.3f} | " + " | ".join(cells + meta) + " |"


def pooled_rows(scorer: Path, folders: list[Path]) -> str:
    """One row for ``folders`` built and scored as one corpus (one micro-averaged F1 per category,
    as a hidden set of 60 texts is scored), then a row per folder. File names must not clash."""
    lines = [
        "| texts | n | macro F1 | " + " | ".join(CATEGORIES) + " | bureau | region | year |",
        "|---|---|---|" + "---|" * (len(CATEGORIES) + len(META)),
    ]
    with tempfile.TemporaryDirectory(prefix="lgkg-pool-") as tmp:
        pool = Path(tmp) / "pool"
        for part in ("texts", "gold"):
            (pool / part).mkdir(parents=True)
            for folder in folders:
                for path in sorted((folder / part).iterdir()):
                    if (pool / part / path.name).exists():
                        raise SystemExit(f"{path.name} is in two pooled folders")
                    (pool / part / path.name).symlink_to(path.resolve())
        graph = build(pool / "texts", Path(tmp) / "pool-out")
        n = len(list((pool / "gold").glob("*.json")))
        lines.append(row(f"**pooled ({len(folders)} sets)**", score(scorer, pool / "texts", pool / "gold", graph), n))
        for folder in folders:
            part_graph = build(folder / "texts", Path(tmp) / folder.name)
            part = score(scorer, folder / "texts", folder / "gold", part_graph)
            lines.append(row(folder.name, part, len(list((folder / "gold").glob("*.json")))))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "eval" / "score.py")
    ap.add_argument("--seed-gold", type=Path, default=ROOT.parent / "shared" / "eval" / "gold")
    ap.add_argument(
        "--pool",
        type=Path,
        nargs="+",
        help="only score these folders (texts/ + gold/, e.g. blind sets kept outside the repository) "
        "as one pooled corpus, as the hidden set is scored, and each on its own",
    )
    args = ap.parse_args()
    if args.pool:
        print(pooled_rows(args.scorer, args.pool))
        return 0
    header = (
        "| texts | n | macro F1 | " + " | ".join(CATEGORIES) + " | bureau | region | year |\n"
        "|---|---|---|" + "---|" * (len(CATEGORIES) + len(META))
    )
    lines = [header]
    with tempfile.TemporaryDirectory(prefix="lgkg-quality-") as tmp:
        tmp_path = Path(tmp)
        seeds = ROOT / "seeds"
        seed_graph = build(seeds, tmp_path / "seeds")
        lines.append(row("seeds", score(args.scorer, seeds, args.seed_gold, seed_graph), 5))
        wide_graph = build(WIDE / "texts", tmp_path / "wide")
        whole = score(args.scorer, WIDE / "texts", WIDE / "gold", wide_graph)
        lines.append(row("**wide corpus**", whole, len(list((WIDE / "gold").glob("*.json")))))
        for held_out in (h for h in HOLDOUTS if h.is_dir()):
            held_graph = build(held_out / "texts", tmp_path / held_out.name)
            held = score(args.scorer, held_out / "texts", held_out / "gold", held_graph)
            n_held = len(list((held_out / "gold").glob("*.json")))
            lines.append(row(f"*held out: {held_out.name}*", held, n_held))
        for kind, docs in kinds().items():
            subset = tmp_path / f"gold-{len(lines)}"
            subset.mkdir()
            for doc in docs:
                (subset / f"{doc}.json").symlink_to(WIDE / "gold" / f"{doc}.json")
            lines.append(
                row(f"wide: {kind}", score(args.scorer, WIDE / "texts", subset, wide_graph), len(docs))
            )
    print("\n".join(lines))
    print("\nwide corpus, per category (P / R / F1, tp/gold/got):")
    for name, v in sorted(whole["f1"].items()):
        print(f"  {name:18} {v['p']:.3f} {v['r']:.3f} {v['f1']:.3f}  {v['tp']}/{v['gold']}/{v['got']}")
    for name, v in sorted(whole["accuracy"].items()):
        print(f"  {name:24} {v['acc']}  (n={v['n']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
