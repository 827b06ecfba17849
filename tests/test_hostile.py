"""Hostile but legal inputs: a flattened table is one "sentence" of thousands of figures, a
page without sentence ends one line of a hundred thousand characters. Everything they really
contain is read, and each record's evidence is a window around it, not the whole run.
(Cost is measured in benchmarks, not timed here; these inputs took minutes when a stage was
quadratic in the length of a sentence.)"""

from __future__ import annotations

import random

from kg.extract import extract
from kg.extract.records import MAX_EVIDENCE
from kg.text.document import make_document


def flattened_table(rows: int) -> str:
    rng = random.Random(0)
    cells = "、".join(
        f"{rng.choice(['受理', '办结', '调解'])}案件{rng.randint(1, 999)}件" for _ in range(rows)
    )
    return "一、主要举措和成效\n全年" + cells + "。\n"


def test_a_sentence_of_thousands_of_figures_gives_each_figure_with_a_window_of_evidence():
    rows = 3000
    ex = extract(make_document("table.txt", flattened_table(rows)))
    assert len(ex.outcomes) == rows
    assert all(o.unit == "件" for o in ex.outcomes)
    assert max(len(o.evidence.sentence) for o in ex.outcomes) <= MAX_EVIDENCE
    for o in ex.outcomes[:: rows // 10]:
        assert o.evidence.sentence_start <= o.evidence.start < o.evidence.end <= o.evidence.sentence_end
        assert o.text in o.evidence.sentence


def test_a_line_without_sentence_ends_is_read_whole():
    rng = random.Random(1)
    phrases = ["开展法治宣传活动", "办理行政复议案件12件", "调解矛盾纠纷", "推进依法行政", "完善工作机制"]
    line = ",".join(rng.choice(phrases) for _ in range(6000))
    ex = extract(make_document("line.txt", "一、主要举措和成效\n" + line + "\n"))
    assert len(ex.outcomes) == line.count("办理行政复议案件12件")
    assert max(len(o.evidence.sentence) for o in ex.outcomes) <= MAX_EVIDENCE
