"""Any text at all goes through every extractor without an exception, and evidence holds.

Hypothesis feeds arbitrary Unicode, and report-like text assembled from the pieces reports
are made of (headings, figures in every notation, quoted names, traditional characters,
full-width digits, radicals, furniture lines), to ``extract(make_document(...))``. Every
record must point at its own sentence: the sentence is the original text at the stated
offsets, and the quoted span lies inside it.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.text.document import make_document
from kg.text.normalize import analysis_text

#: pieces of real report prose (general phrasing, no seed-specific names) and odd forms
PIECES = [
    "2023年,",
    "２０２３年，",
    "一、主要举措和成效\n",
    "(一)",
    "（二）",
    "第一部分",
    "区司法局",
    "市人民政府",
    "县人民法院",
    "人民调解委员会",
    "《中华人民共和国行政复议法》",
    "《法治政府建设实施纲要(2021-2025年)》",
    "“八五”普法",
    "“法治体检”活动",
    "办理法律援助案件1,090件",
    "调解纠纷一千零九十件",
    "覆盖群众十三万余人次",
    "发放资料2.6万份",
    "同比增长15.3%",
    "１０９０件",
    "成功率达98.5%。",
    "但仍存在以下不足:",
    "下一步,我们将",
    "。",
    ",",
    "、",
    "\n",
    "\r\n",
    "法治政府建設年度報告",
    "鄉鎮司法所",
    "⼯作",
    "⺠事",
    "来源:",
    "分享到:",
    "\u3000\u3000",
    "\ufeff",
    "\x00",
    "\u2028",
    "𠀀",
    "é",
    "e\u0301",
    "ﬁ",
    "㎡",
    "…",
]

report_like = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=40).map("".join)
any_text = st.text(max_size=300)


def evidences(obj, seen=None):
    """Every Evidence in a record tree (records, meta, nested region mentions)."""
    if isinstance(obj, list | tuple):
        for item in obj:
            yield from evidences(item)
        return
    if not is_dataclass(obj):
        return
    if hasattr(obj, "sentence_start") and hasattr(obj, "sentence"):
        yield obj
        return
    for f in fields(obj):
        yield from evidences(getattr(obj, f.name))


def check(text: str) -> None:
    doc = make_document("any.txt", text)
    assert len(doc.text) == len(doc.original)
    ex = extract(doc)
    records = [ex.meta, ex.regions, ex.orgs, ex.policies, ex.initiatives, ex.outcomes, ex.challenges]
    for ev in evidences(records):
        assert 0 <= ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end <= len(doc.original), ev
        assert ev.sentence == doc.original[ev.sentence_start : ev.sentence_end], ev
        assert ev.quote in ev.sentence
        assert ev.quote == doc.original[ev.start : ev.end]


SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(any_text)
def test_any_unicode_text_never_breaks_an_extractor(text):
    check(text)


@SETTINGS
@given(report_like)
def test_report_like_text_never_breaks_an_extractor(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_the_analysis_copy_keeps_every_offset(text):
    assert len(analysis_text(text)) == len(text)


def test_a_stamp_lines_evidence_is_the_line_as_printed():
    """Stamp lines (来源:…) are blanked in the analysis copy; their bodies' evidence must still be
    cut from the original (full-width digits and commas kept), as hypothesis once found."""
    check("来源:２０２３年，区司法局")
