"""Properties every body name read from the seed reports must have (the corpus pins single sentences)."""

from __future__ import annotations

import re

import pytest

from kg.extract.organizations import organizations_in

KINDS = {"agency", "mediation", "organization", "media"}
BOOK_TITLE = re.compile(r"《[^《》]*》")


@pytest.fixture(scope="module")
def mentions(seed_build):
    return [(ex, o) for ex in seed_build.extractions for o in ex.orgs]


def test_evidence_covers_exactly_the_name(mentions):
    """A researcher following the evidence must find the name there (quote marks aside)."""
    assert mentions
    for _, o in mentions:
        assert o.kind in KINDS
        if o.kind == "media":
            continue  # 《》 titles and quoted accounts come from the policies extractor
        assert o.evidence.quote.replace("“", "").replace("”", "") == o.name, o


def test_nothing_is_read_inside_a_title(mentions):
    """Bodies named only inside a 《》 policy title are not listed."""
    for _, o in mentions:
        if o.kind == "media":
            continue
        offset = o.evidence.start - o.evidence.sentence_start
        for title in BOOK_TITLE.finditer(o.evidence.sentence):
            assert not (title.start() <= offset < title.end()), o


def test_one_span_gives_one_body(mentions):
    """Mentions of one report never overlap: a span is one body, not several."""
    by_report: dict[str, list] = {}
    for ex, o in mentions:
        if o.kind != "media":
            by_report.setdefault(ex.source, []).append((o.evidence.start, o.evidence.end))
    for spans in by_report.values():
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
            assert end <= start


def test_same_sentence_same_result(seed_build):
    """Reading a sentence twice gives the same records (no order leaking from sets or caches)."""
    ex = seed_build.extractions[0]
    first = [o for o in ex.orgs if o.kind != "media"][0]
    from kg.text.document import Sentence

    text = first.evidence.sentence
    sentence = Sentence(text=text, start=first.evidence.sentence_start, end=first.evidence.sentence_end)
    assert organizations_in(sentence) == organizations_in(sentence)


def test_a_declared_short_name_is_the_same_body():
    """(以下简称‘综合调解室’): later mentions of the short name resolve to the full name (holdout2 h30)."""
    from kg.extract.context import ReportContext
    from kg.extract.organizations import organizations_in_document
    from kg.text.document import make_document

    text = (
        "双方当事人到“长寿区重大疑难复杂矛盾纠纷人民调解委员会驻法院综合调解室(以下简称‘综合调解室’)”申请调解。\n"
        "2025年综合调解室已成功调解4362件,累计接待群众1万余人次。\n"
        "另设综合调解室一处。"
    )
    found = organizations_in_document(make_document("h30.txt", text), ReportContext.empty())
    full = "长寿区重大疑难复杂矛盾纠纷人民调解委员会驻法院综合调解室"
    shorts = [o for o in found if o.name == "综合调解室"]
    assert any(o.name == full for o in found)
    assert shorts and all(o.canonical == full for o in shorts)


def test_a_short_name_nobody_declared_stays_unresolved():
    from kg.extract.context import ReportContext
    from kg.extract.organizations import organizations_in_document
    from kg.text.document import make_document

    text = "2025年综合调解室已成功调解4362件,累计接待群众1万余人次。"
    found = organizations_in_document(make_document("h30.txt", text), ReportContext.empty())
    shorts = [o for o in found if o.name == "综合调解室"]
    assert shorts and all(o.canonical is None for o in shorts)
