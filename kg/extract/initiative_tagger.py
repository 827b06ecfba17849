"""A character CRF that names the initiatives the rules do not reach.

The rules read initiative names from their shape (a quote and a kind word, a run verb and a
kind word…). On reports nobody tuned them for they find about half the names the annotators
list: the long tail (访调对接, 一站式办理, 全区通办, 古厝调解) has no shape a rule can name
without naming a hundred wrong things too. A conditional random field over the characters
of a sentence, trained on every annotated text of the project, learns the tail from the
gold itself. It is not the judge: its names are added only where no rule found a name in the
same place (``initiatives.tagger`` in the record's provenance), and only spans it is sure of
(every character's marginal ≥ ``THRESHOLD``) are kept.

Features are the characters and their neighbours, quotes and the kind words of
``initiative_kinds.tsv``: no segmentation (jieba's word boundaries and parts of speech
measured no better in cross-validation and cost three times the time). The model
(``kg/vocab/data/models/initiatives.crfsuite``) is retrained by ``kg train`` from folders
of texts and gold (``benchmarks/crf_initiatives_cv.py`` scores it by leaving documents out);
without a model file the rules run alone.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from kg.text.document import Sentence
from kg.text.patterns import with_curly_quotes as curly
from kg.vocab.lexicon import DATA, rows

MODEL = DATA / "models" / "initiatives.crfsuite"
#: a span is a name when the tagger gives every character its label with at least this probability
THRESHOLD = 0.5
#: the training settings the shipped model was made with (L1, L2, iterations of L-BFGS)
TRAINING = {"c1": 0.1, "c2": 0.05, "max_iterations": 150}
QUOTES = "“”"
#: a sentence is tagged in pieces of at most this many characters, cut after a clause mark:
#: a flattened table is one "sentence" of 100 000 characters, and memory must not grow with it
MAX_PIECE = 400
CLAUSE_ENDS = "，；：、,;:"
KIND_WORDS = frozenset(r[0] for r in rows("initiative_kinds.tsv"))
#: the kind words backwards, longest first: matched on the reversed text, the longest kind
#: word ending at each position (a lookahead, so that words ending at every position are seen)
KIND_WORDS_REVERSED = re.compile(
    "(?=(" + "|".join(re.escape(w[::-1]) for w in sorted(KIND_WORDS, key=len, reverse=True)) + "))"
)


def features(text: str) -> list[list[str]]:
    """Per character: itself, two neighbours each side, the bigrams around it, whether it lies
    inside quotes, and the length of a kind word ending on it (机制, 专项行动)."""
    padded = "^^" + text + "^^"
    before2, before1, after1, after2 = padded[:-4], padded[1:-3], padded[3:-1], padded[4:]
    return [
        [f"c={c}", f"q={q}", f"k={k}", f"c-1={b1}", f"c+1={a1}", f"c-2={b2}", f"c+2={a2}",
         f"c-1c={b1}{c}", f"cc+1={c}{a1}"]
        for c, q, k, b1, a1, b2, a2 in zip(
            text, _quoted(text), _kind_word_endings(text), before1, after1, before2, after2, strict=True
        )
    ]  # fmt: skip


def _quoted(text: str) -> list[bool]:
    """Whether each character lies inside “…” (the opening mark counts, the closing one not)."""
    inside, out = False, []
    for c in text:
        inside = inside or c == "“"
        out.append(inside)
        inside = inside and c != "”"
    return out


def _kind_word_endings(text: str) -> list[str]:
    """The length of the longest kind word ending on each character ("" where none does),
    found in one pass of a pattern over the reversed text."""
    ends = [""] * len(text)
    n = len(text)
    for m in KIND_WORDS_REVERSED.finditer(text[::-1]):
        ends[n - 1 - m.start()] = str(len(m.group(1)))
    return ends


@cache
def _tagger():
    """The shipped model, opened once per process; None when there is none (rules alone)."""
    if not MODEL.exists():
        return None
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL))
    return tagger


#: whether the tagger runs (see :func:`switched_off`)
_running = [True]


@contextmanager
def switched_off() -> Iterator[None]:
    """The rules alone while the block runs: the rules' tests pin what the rules read, not what
    a retrained model happens to add (the tagger's own cases say ``tagger: true``)."""
    before = _running[0]
    _running[0] = False
    try:
        yield
    finally:
        _running[0] = before


def tagged_spans(text: str, threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """(start, end) of each name the model is sure of in ``text`` (a sentence, quotes curly)."""
    tagger = _tagger() if _running[0] else None
    if tagger is None:
        return []
    return [(lo + a, lo + b) for lo, hi in pieces(text) for a, b in _spans(tagger, text[lo:hi], threshold)]


def pieces(text: str, size: int = MAX_PIECE) -> list[tuple[int, int]]:
    """``text`` cut into spans of at most ``size`` characters, each ending after the last
    clause mark it holds (a name does not run across a comma), or at ``size`` if it has none."""
    out, lo = [], 0
    while lo < len(text):
        hi = min(len(text), lo + size)
        if hi < len(text):
            cut = max(text.rfind(c, lo, hi) for c in CLAUSE_ENDS)
            hi = cut + 1 if cut > lo else hi
        out.append((lo, hi))
        lo = hi
    return out


def _spans(tagger, text: str, threshold: float) -> list[tuple[int, int]]:
    labels = tagger.tag(features(text))
    spans, i = [], 0
    while i < len(labels):
        if labels[i] != "B":
            i += 1
            continue
        j = i + 1
        while j < len(labels) and labels[j] == "I":
            j += 1
        if min(tagger.marginal(labels[k], k) for k in range(i, j)) >= threshold:
            spans.append((i, j))
        i = j
    return spans


def names_in(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(start, end, name) of the tagger's names in a sentence; the name drops its quotes, as
    the guidelines write names (“送法进千企”专项行动 -> 送法进千企专项行动)."""
    text = curly(sentence.text)
    return [(a, b, strip_quotes(text[a:b])) for a, b in tagged_spans(text)]


def strip_quotes(name: str) -> str:
    return "".join(c for c in name if c not in QUOTES).strip()


# -- training ------------------------------------------------------------------------------------


def located(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of the gold names in ``text``, quote marks ignored (gold writes names unquoted)."""
    keep = [i for i, c in enumerate(text) if c not in QUOTES]
    plain = "".join(text[i] for i in keep)
    spans = []
    for name in names:
        bare = strip_quotes(curly(name))
        k = plain.find(bare)
        if bare and k >= 0:
            spans.append((keep[k], keep[k + len(bare) - 1] + 1))
    return spans


def labelled_sentences(text: str, names: list[str]) -> Iterator[tuple[list[list[str]], list[str]]]:
    """(features, labels) per sentence of a report: B/I on the gold names found in it, O elsewhere."""
    from kg.text.document import make_document

    for sentence in make_document("train", text).sentences:
        said = curly(sentence.text)
        labels = ["O"] * len(said)
        for a, b in located(said, names):
            if all(x == "O" for x in labels[a:b]):
                labels[a:b] = ["B"] + ["I"] * (b - a - 1)
        yield features(said), labels


def annotated(folders: Iterable[Path]) -> Iterator[tuple[str, list[str]]]:
    """(text, gold initiative names) of every gold file in ``folder/gold`` whose text is in
    ``folder/texts`` (the layout of ``corpus/*`` and of the shared evaluation sets)."""
    for folder in folders:
        for gold_file in sorted((Path(folder) / "gold").glob("*.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            text_file = Path(folder) / "texts" / gold["doc"]
            if text_file.exists():
                names = [i["name"] for i in gold.get("initiatives", [])]
                yield text_file.read_text(encoding="utf-8"), names


def train(documents: Iterable[tuple[str, list[str]]], model: Path = MODEL, **settings: float) -> int:
    """Train a model on (text, names) pairs and write it to ``model``; returns the sentences read."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    n = 0
    for text, names in documents:
        for feats, labels in labelled_sentences(text, names):
            trainer.append(feats, labels)
            n += 1
    trainer.set_params({**TRAINING, **settings})
    model.parent.mkdir(parents=True, exist_ok=True)
    part = model.with_name(model.name + ".part")  # a model half written is never read
    trainer.train(str(part))
    os.replace(part, model)
    _tagger.cache_clear()
    return n
