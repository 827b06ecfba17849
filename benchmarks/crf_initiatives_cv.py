"""How much the initiative tagger adds on texts it was not trained on: leave-documents-out CV.

    .venv/bin/python benchmarks/crf_initiatives_cv.py                # five folds, ~5 min
    .venv/bin/python benchmarks/crf_initiatives_cv.py --blind DIR…   # train on corpus/*, score DIRs
    .venv/bin/python benchmarks/crf_initiatives_cv.py --fraction 0.5 # each fold trains on half its texts

The test documents are the devset-calibrated ones (the shared devset d* in corpus/wide,
dev8, holdout9 onwards: annotated the way the hidden set is); each fold trains a model on
every other annotated text of corpus/* (as `kg train` does) and runs the initiative extractor
(rules, then the tagger beside them) on the held-out texts, scored with the shared scorer's
name matching. ``--blind`` trains on all of corpus/* and scores folders nobody trained on.
The rules themselves were written while reading most of these texts, so "rules" is
optimistic here; the gain of the tagger is the figure to read.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER_DIR = ROOT.parent / "shared" / "eval"
FOLDS = 5
#: the sets annotated the way the hidden set is (see corpus/README.md)
CALIBRATED = ("dev8", "holdout9", "holdout10", "holdout11", "holdout12")


def documents(folders: list[Path]) -> list[dict]:
    out = []
    for folder in folders:
        for gold_file in sorted((folder / "gold").glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            path = folder / "texts" / gold["doc"]
            if path.exists():
                names = [i["name"] for i in gold.get("initiatives", [])]
                out.append({"set": folder.name, "doc": gold["doc"], "path": path, "names": names})
    return out


def calibrated(doc: dict) -> bool:
    return doc["set"] in CALIBRATED or (doc["set"] == "wide" and doc["doc"].startswith("d"))


def extracted_names(doc: dict, tagger_on: bool) -> list[str]:
    from kg.extract.initiative_tagger import switched_off
    from kg.extract.initiatives import initiatives_in_document
    from kg.ingest.reader import document_of

    document = document_of(doc["path"], doc["path"].read_bytes())
    if tagger_on:
        return [i.name for i in initiatives_in_document(document)]
    with switched_off():
        return [i.name for i in initiatives_in_document(document)]


def add_scores(totals: dict, key: str, gold: list[str], got: list[str]) -> None:
    from score import greedy, name_match

    pairs = greedy([[g] for g in gold], [[x] for x in got], lambda gs, xs: name_match(gs[0], xs[0]))
    t = totals[key]
    t[0], t[1], t[2] = t[0] + len(pairs), t[1] + len(gold), t[2] + len(got)


def with_model(model: Path, run):
    """``run()`` with the tagger reading ``model`` instead of the shipped one."""
    from kg.extract import initiative_tagger

    shipped = initiative_tagger.MODEL
    initiative_tagger.MODEL = model
    initiative_tagger._tagger.cache_clear()
    try:
        return run()
    finally:
        initiative_tagger.MODEL = shipped
        initiative_tagger._tagger.cache_clear()


def train_on(docs: list[dict], model: Path) -> None:
    from kg.extract.initiative_tagger import train

    train(((d["path"].read_text(encoding="utf-8"), d["names"]) for d in docs), model)


def show(totals: dict) -> None:
    for key, (tp, n_gold, n_got) in sorted(totals.items()):
        p, r = (tp / n_got if n_got else 0.0), (tp / n_gold if n_gold else 0.0)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{key:28} P {p:.3f} R {r:.3f} F1 {f1:.3f}  {tp}/{n_gold}/{n_got}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--blind", type=Path, nargs="*", help="folders (texts/ + gold/) to score, trained on all corpus/*")
    ap.add_argument("--fraction", type=float, default=1.0, help="train each fold on this share of its texts (a learning curve)")
    ap.add_argument("--test-sets", nargs="*", default=None, help="the corpus sets whose texts are held out in turn (default: the devset-calibrated ones the rules were written reading)")
    args = ap.parse_args()
    sys.path.insert(0, str(SCORER_DIR))
    corpus = documents(sorted(p for p in (ROOT / "corpus").iterdir() if (p / "gold").is_dir()))
    totals: dict = defaultdict(lambda: [0, 0, 0])
    with tempfile.TemporaryDirectory() as tmp:
        if args.blind:
            model = Path(tmp) / "all.crfsuite"
            train_on(corpus, model)
            for doc in documents(args.blind):
                add_scores(totals, f"{doc['set']} rules", doc["names"], extracted_names(doc, False))
                got = with_model(model, lambda d=doc: extracted_names(d, True))
                add_scores(totals, f"{doc['set']} rules+tagger", doc["names"], got)
        else:
            tests = [d for d in corpus if (d["set"] in args.test_sets if args.test_sets else calibrated(d))]
            order = list(range(len(tests)))
            random.Random(0).shuffle(order)
            for k in range(FOLDS):
                held = {id(tests[i]) for i in order[k::FOLDS]}
                model = Path(tmp) / f"fold{k}.crfsuite"
                pool = [d for d in corpus if id(d) not in held]
                random.Random(k).shuffle(pool)
                train_on(pool[: round(len(pool) * args.fraction)], model)
                for doc in (d for d in tests if id(d) in held):
                    add_scores(totals, "rules", doc["names"], extracted_names(doc, False))
                    got = with_model(model, lambda d=doc: extracted_names(d, True))
                    add_scores(totals, "rules+tagger", doc["names"], got)
    show(totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
