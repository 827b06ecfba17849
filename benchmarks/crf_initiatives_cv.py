"""Would a statistical tagger add initiative names the rules miss? Leave-documents-out CV.

    .venv/bin/pip install python-crfsuite      # not a dependency of lgkg: this is an experiment
    .venv/bin/kg build corpus/wide/texts --out /tmp/wide --no-html
    .venv/bin/python benchmarks/crf_initiatives_cv.py --graph /tmp/wide/graph.ttl

A character CRF (python-crfsuite) with features from the text: the character and its
neighbours, jieba's word boundary and part of speech, inside quotes or not, the end of a
kind word (kg/vocab/data/initiative_kinds.tsv). Gold names are located in the texts with their
quote marks dropped. Five folds over the wide corpus's documents (the seeds always train);
each fold's CRF names are added to the rules' names (from the build's graph) where no rule
name already matches, and scored with the shared scorer's matching.

Measured 2026-12-07 (58 wide texts, 149 gold names): rules alone P 0.733 R 0.591 F1 0.654;
CRF alone F1 0.404; rules + CRF names with every character's marginal ≥ 0.5: P 0.711
R 0.644 F1 0.676. +0.02 F1 on one category (+0.003 macro) did not pay for a new dependency
and a shipped model, so lgkg does not use it; the script stays for the next attempt (more
annotated texts, better features).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCORER_DIR = ROOT.parent / "shared" / "eval"
QUOTES = '“”"「」'
FOLDS = 5


def located(text: str, names: list[str]) -> list[tuple[int, int]]:
    """Spans of the gold names in ``text``, quote marks ignored."""
    keep = [i for i, c in enumerate(text) if c not in QUOTES]
    plain = "".join(text[i] for i in keep)
    out = []
    for name in names:
        bare = "".join(c for c in name if c not in QUOTES)
        k = plain.find(bare)
        if bare and k >= 0:
            out.append((keep[k], keep[k + len(bare) - 1] + 1))
    return out


def features(text: str, kind_words: set[str]) -> list[dict[str, str]]:
    import jieba.posseg

    tag, bmes = [""] * len(text), [""] * len(text)
    pos = 0
    for token in jieba.posseg.cut(text):
        w = token.word
        for j in range(len(w)):
            if pos + j < len(text):
                tag[pos + j] = token.flag
                bmes[pos + j] = "S" if len(w) == 1 else ("B" if j == 0 else ("E" if j == len(w) - 1 else "M"))
        pos += len(w)
    quoted, inside = [], False
    for c in text:
        inside = inside or c in "“「"
        quoted.append(inside)
        inside = inside and c not in "”」"
    kind_end = [
        any(text[max(0, i - k + 1) : i + 1] in kind_words for k in range(2, 6)) for i in range(len(text))
    ]

    def at(i: int) -> str:
        return text[i] if 0 <= i < len(text) else "^"

    return [
        {
            "c": c, "b": bmes[i], "t": tag[i], "q": str(quoted[i]), "k": str(kind_end[i]),
            "c-1": at(i - 1), "c+1": at(i + 1), "c-2": at(i - 2), "c+2": at(i + 2),
            "c-1c": at(i - 1) + c, "cc+1": c + at(i + 1),
            "t-1": tag[i - 1] if i else "^", "t+1": tag[i + 1] if i + 1 < len(text) else "$",
        }
        for i, c in enumerate(text)
    ]  # fmt: skip


def names_tagged(tagger, text: str, kind_words: set[str], threshold: float) -> list[str]:
    labels = tagger.tag(features(text, kind_words))
    out, i = [], 0
    while i < len(labels):
        if labels[i] != "B":
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I":
            j += 1
        if min(tagger.marginal(labels[k], k) for k in range(i, j)) >= threshold:
            out.append("".join(c for c in text[i:j] if c not in QUOTES))
        i = j
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", type=Path, required=True, help="graph.ttl of `kg build corpus/wide/texts`")
    ap.add_argument("--threshold", type=float, default=0.5)
    args = ap.parse_args()
    import pycrfsuite

    sys.path.insert(0, str(SCORER_DIR))
    from score import LG, RDF, Graph, greedy, labels, name_match

    from kg.extract.initiatives import KIND_WORDS

    kind_words = set(KIND_WORDS)
    docs = []
    for folder, texts in ((ROOT / "corpus" / "wide" / "gold", ROOT / "corpus" / "wide" / "texts"),
                          (SCORER_DIR / "gold", ROOT / "seeds")):  # fmt: skip
        for gf in sorted(folder.glob("*.json")):
            gold = json.loads(gf.read_text(encoding="utf-8"))
            text = (texts / gold["doc"]).read_text(encoding="utf-8")
            names = [i["name"] for i in gold["initiatives"]]
            tags = ["O"] * len(text)
            for a, b in located(text, names):
                tags[a:b] = ["B"] + ["I"] * (b - a - 1)
            docs.append((folder.parent.name == "wide", gold, text, features(text, kind_words), tags))
    graph = Graph()
    graph.parse(args.graph, format="turtle")
    report_of = {
        str(f): r for r in graph.subjects(RDF.type, LG.Report) for f in graph.objects(r, LG.sourceFile)
    }
    by_rules = defaultdict(list)
    for node, rep in graph.subject_objects(LG.mentionedIn):
        if (node, RDF.type, LG.Initiative) in graph:
            by_rules[rep].append(labels(graph, node)[0])

    wide = [d for d in docs if d[0]]
    order = list(range(len(wide)))
    random.Random(0).shuffle(order)
    totals = defaultdict(lambda: [0, 0, 0])
    for k in range(FOLDS):
        held = {id(wide[i]) for i in order[k::FOLDS]}
        trainer = pycrfsuite.Trainer(verbose=False)
        for d in docs:
            if id(d) not in held:
                trainer.append(d[3], d[4])
        trainer.set_params({"c1": 0.1, "c2": 0.05, "max_iterations": 150})
        trainer.train("/tmp/lgkg-initiatives.crfsuite")
        tagger = pycrfsuite.Tagger()
        tagger.open("/tmp/lgkg-initiatives.crfsuite")
        for d in (d for d in docs if id(d) in held):
            gold = [[i["name"]] for i in d[1]["initiatives"]]
            rules = by_rules[report_of[d[1]["doc"]]]
            crf = names_tagged(tagger, d[2], kind_words, args.threshold)
            union = rules + [c for c in crf if not any(name_match(c, r) for r in rules)]
            for name, got in (("rules", rules), ("crf", crf), ("rules+crf", union)):
                pairs = greedy(
                    gold, [[x] for x in got], lambda gs, xs: any(name_match(a, b) for a in gs for b in xs)
                )
                t = totals[name]
                t[0], t[1], t[2] = t[0] + len(pairs), t[1] + len(gold), t[2] + len(got)
    for name, (tp, n_gold, n_got) in totals.items():
        p, r = tp / n_got if n_got else 0.0, tp / n_gold
        print(
            f"{name:10} P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}  {tp}/{n_gold}/{n_got}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
