"""Every input format yields the graph the plain text yields.

Each test turns a real seed report into a format itself (a web page with furniture, a
PDF, a Word file, GBK/Big5/UTF-16 bytes, a traditional or full-width copy), reads it back
through the reader, and compares what extraction yields with what the plain .txt yields:
report metadata, and the names, kinds, values and units of every record. File names and
character offsets are not compared (a web page or a PDF lays the same text out anew).
"""

from __future__ import annotations

import html
from pathlib import Path

import docx
import opencc
import pytest
from rdflib import Literal

from kg.extract import extract
from kg.ingest.reader import input_files, read_document
from kg.pipeline import build, extract_file
from kg.text.document import make_document
from kg.text.normalize import to_simplified
from kg.vocab.ontology import LGKG

SEEDS = Path(__file__).parent.parent / "seeds"
#: a seed whose first line is its title (bureau and year), as web pages and PDFs print it
TITLED = SEEDS / "003_6d2be61a73a6c314.txt"
#: a seed without a title line, opening on the year and the bureau
UNTITLED = SEEDS / "001_ae9c8d5517191bf2.txt"


def seed_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


def signature(ex, simplify: bool = False) -> dict:
    """What a researcher sees of one report, without file names and offsets."""
    f = to_simplified if simplify else (lambda s: s)
    m = ex.meta
    return {
        "meta": (f(m.bureau or ""), m.year, f(m.region.name) if m.region else None, f(m.title or "")),
        "regions": sorted(f(r.name) for r in ex.regions),
        "orgs": sorted((f(o.name), o.kind, f(o.canonical or "")) for o in ex.orgs),
        "policies": sorted((f(p.title), p.policy_type) for p in ex.policies),
        "initiatives": sorted((f(i.name), i.kind, i.status, i.area or "") for i in ex.initiatives),
        "outcomes": sorted(
            (str(o.value), o.unit, o.indicator or "", o.approximate, o.is_target, f(o.text))
            for o in ex.outcomes
        ),
        "challenges": sorted(f(c.text) for c in ex.challenges),
    }


def plain_signature(path: Path) -> dict:
    ex = extract(make_document(path.name, seed_text(path)))
    assert ex.outcomes and ex.orgs, "the seed must yield records for the comparison to mean something"
    return signature(ex)


def written(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- web pages -------------------------------------------------------------------------

FURNITURE_LINES = (
    "来源：市司法局",
    "发布时间：2025-01-20 09:30",
    "浏览次数：2317",
    "【字体：大 中 小】",
    "分享到：微信 微博 QQ空间",
    "扫一扫在手机打开当前页",
)


def web_page(title: str, body: list[str], site: str = "市人民政府门户网站") -> str:
    """A saved government page: navigation, breadcrumbs, stamps, share buttons, footer."""
    paras = "\n".join(f"<p style='text-indent:2em'>{html.escape(p)}</p>" for p in body)
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{html.escape(title)}_{site}</title>
<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div class="top"><a href="/">首页</a> | <a href="/en">English</a> | <a>无障碍浏览</a></div>
<ul class="menu"><li><a href="/">首页</a></li><li><a>走进本市</a></li><li><a>政务公开</a></li>
<li><a>政务服务</a></li><li><a>互动交流</a></li></ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设年度报告</a></div>
<div class="article">
<h1>{html.escape(title)}</h1>
<div class="info">{"&nbsp;&nbsp;".join(FURNITURE_LINES[:4])}</div>
<div class="content">
{paras}
</div>
<div class="share">{FURNITURE_LINES[4]}</div>
<div class="qr">{FURNITURE_LINES[5]}</div>
<div class="tools"><a>打印本页</a> <a>关闭窗口</a></div>
</div>
<div class="footer"><p>主办单位：市人民政府办公室　承办：市大数据中心</p>
<p>网站标识码：4502000001　桂ICP备05000001号　桂公网安备 45020002000001号</p></div>
</body></html>"""


def test_web_page_yields_the_plain_graph_without_its_furniture(tmp_path):
    lines = paragraphs(seed_text(TITLED))
    page = web_page(lines[0], lines[1:])
    doc = read_document(written(tmp_path, "report.html", page.encode("utf-8")))
    assert doc.format == "html"
    assert doc.title() == lines[0], "the headline names bureau and year: it must stay"
    for furniture in (
        "首页",
        "来源",
        "发布时间",
        "浏览次数",
        "字体",
        "分享到",
        "扫一扫",
        "ICP备",
        "统计代码",
    ):
        assert furniture not in doc.text, furniture
    assert signature(extract(doc)) == plain_signature(TITLED)


def test_web_page_in_gbk_with_a_meta_charset(tmp_path):
    lines = paragraphs(seed_text(TITLED))
    page = web_page(lines[0], lines[1:]).replace('charset="utf-8"', 'charset="gbk"')
    path = written(tmp_path, "report.htm", page.encode("gbk"))
    ex, _ = extract_file(path)
    assert ex.encoding == "gb18030"
    assert signature(ex) == plain_signature(TITLED)


def test_copied_page_furniture_in_a_text_file_is_not_read_but_kept():
    text = "\n".join(
        ["首页 / 政务公开 / 年度报告", "来源:区司法局", *paragraphs(seed_text(TITLED)), "分享到:"]
    )
    doc = make_document("copied.txt", text)
    assert doc.title() == paragraphs(seed_text(TITLED))[0]
    assert doc.original == text and len(doc.text) == len(text)
    assert not any("来源" in s.text or "分享到" in s.text for s in doc.sentences)


# --- PDF -------------------------------------------------------------------------------
# A CJK PDF is written here by hand: a Type0 font with Identity-H encoding (the code of a
# glyph is its Unicode code point) and a ToUnicode map, the font itself not embedded. That
# is all a text layer needs, and all pdfminer reads: no font file, no PDF library.


def _em(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def _wrap(text: str, width: float) -> list[str]:
    out, cur, used = [], "", 0.0
    for ch in text:
        if used + _em(ch) > width and cur:
            out.append(cur)
            cur, used = "", 0.0
        cur += ch
        used += _em(ch)
    return [*out, cur] if cur else out


def _hex(text: str) -> str:
    return "".join(f"{ord(c):04X}" for c in text)


def cjk_pdf(
    paras: list[str], indent: int = 0, width: float = 32, per_page: int = 40, size: int = 12
) -> bytes:
    """A PDF printing ``paras`` wrapped at ``width`` ems, first lines indented by ``indent``
    ems (0: blank line between paragraphs instead), with a page number on every page."""
    lines: list[tuple[int, str] | None] = []
    for p in paras:
        first = _wrap(p, width - indent)[0]
        lines.append((indent, first))
        lines.extend((0, rest) for rest in _wrap(p[len(first) :], width))
        if not indent:
            lines.append(None)
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    cmap = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    for start in range(0, 256, 100):
        block = range(start, min(start + 100, 256))
        cmap += [
            f"{len(block)} beginbfrange",
            *(f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in block),
            "endbfrange",
        ]
    cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        4: b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /DW 1000 /W [32 126 500] /FontDescriptor 6 0 R >>",
        5: _stream("\n".join(cmap).encode("ascii")),
        6: b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    }
    kids, n = [], 7
    for number, page in enumerate(pages, 1):
        ops, y = [], 780.0
        for line in page:
            if line is None:
                y -= size
                continue
            ems, text = line
            ops.append(f"BT /F1 {size} Tf {72 + ems * size} {y:.1f} Td <{_hex(text)}> Tj ET")
            y -= size * 1.5
        ops.append(f"BT /F1 {size} Tf 280 40 Td <{_hex(f'- {number} -')}> Tj ET")
        objects[n] = _stream("\n".join(ops).encode("ascii"))
        objects[n + 1] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % n
        )
        kids.append(n + 1)
        n += 2
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        " ".join(f"{k} 0 R" for k in kids).encode("ascii"),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, count = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    out += b"".join(b"%010d 00000 n \n" % offsets[i] for i in range(1, count))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (count, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


#: what PDF text layers print for some ideographs: Kangxi radicals (NFKC maps them back)
#: and CJK radicals-supplement forms (kg/vocab/data/cjk_radicals.tsv maps them)
RADICAL_FORMS = {"工": "\u2f2f", "人": "\u2f08", "长": "\u2ed3", "门": "\u2ed4"}


def with_radicals(text: str) -> str:
    return text.translate(str.maketrans(RADICAL_FORMS))


@pytest.mark.parametrize("indent", [2, 0], ids=["indented-paragraphs", "spaced-paragraphs"])
def test_pdf_yields_the_plain_graph(tmp_path, indent):
    seed = UNTITLED
    paras = paragraphs(seed_text(seed))
    pdf = cjk_pdf([with_radicals(p) for p in paras], indent=indent)
    doc = read_document(written(tmp_path, "report.pdf", pdf))
    assert doc.format == "pdf"
    assert "\u2f2f" in doc.original, "the test must feed radicals for the mapping to be tested"
    assert "\u2f2f" not in doc.text and "\u2ed3" not in doc.text
    assert "- 1 -" not in doc.text, "page numbers are not report text"
    if indent:  # indentation marks every paragraph start: the text comes back line for line
        assert _fold(doc.original).split("\n") == paras
    # labels keep what the PDF printed (radical forms included): compare them folded
    assert _fold(signature(extract(doc))) == _fold(plain_signature(seed))


def _fold(value):
    """A signature with radical forms folded, as the analysis copy folds them."""
    from kg.text.normalize import fold_width

    if isinstance(value, str):
        return fold_width(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_fold(v) for v in value)
    if isinstance(value, dict):
        return {k: _fold(v) for k, v in value.items()}
    return value


def test_a_pdf_without_a_text_layer_is_a_problem_not_a_crash(tmp_path):
    blank = cjk_pdf([])  # a page with nothing but its page number: a scan's text layer
    path = written(tmp_path, "scan.pdf", blank)
    result = build([path])
    assert [p.reason for p in result.problems] == ["PDF has no text layer (a scanned image?): run OCR first"]


# --- Word ------------------------------------------------------------------------------


def test_word_file_with_a_table_yields_the_plain_graph(tmp_path):
    paras = paragraphs(seed_text(TITLED))
    # two of the report's paragraphs sit in a table, as statistics often do in Word reports
    in_table = {i for i, p in enumerate(paras) if any(ch.isdigit() for ch in p[10:])}
    in_table = set(sorted(in_table)[:2])
    assert len(in_table) == 2
    document = docx.Document()
    table_rows = []
    for i, p in enumerate(paras):
        if i in in_table:
            table_rows.append(p)
            if len(table_rows) == 2:
                table = document.add_table(rows=2, cols=1)
                for row, text in zip(table.rows, table_rows, strict=True):
                    row.cells[0].text = text
        else:
            document.add_paragraph(p)
    path = tmp_path / "report.docx"
    document.save(str(path))
    doc = read_document(path)
    assert doc.format == "docx"
    for i in in_table:
        assert paras[i] in doc.text, "Document.paragraphs skips tables: their text must still be read"
    assert signature(extract(doc)) == plain_signature(TITLED)


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "recorded"),
    [
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-16", "utf-16"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-8", "utf-8"),
    ],
)
def test_encodings_yield_the_plain_graph_and_are_recorded(tmp_path, codec, recorded):
    text = seed_text(UNTITLED)
    path = written(tmp_path, "report.txt", text.encode(codec))
    doc = read_document(path)
    assert doc.original == text
    assert doc.encoding == recorded
    assert signature(extract(doc)) == plain_signature(UNTITLED)


def test_gb2312_text_is_read_as_gb18030(tmp_path):
    text = seed_text(UNTITLED)
    text.encode("gb2312")  # this seed fits GB2312
    doc = read_document(written(tmp_path, "report.txt", text.encode("gb2312")))
    assert (doc.original, doc.encoding) == (text, "gb18030")


def test_big5_traditional_report_is_not_read_as_gb18030(tmp_path):
    traditional = opencc.OpenCC("s2tw").convert(seed_text(UNTITLED))
    data = traditional.encode("big5")
    data.decode("gb18030")  # the trap: Big5 bytes are valid GB18030, as garbage
    doc = read_document(written(tmp_path, "report.txt", data))
    assert doc.encoding == "big5"
    assert doc.original == traditional


def test_encoding_is_on_the_report_node(tmp_path):
    written(tmp_path, "report.txt", seed_text(UNTITLED).encode("gbk"))
    result = build([tmp_path])
    assert list(result.graph.subjects(LGKG.encoding, Literal("gb18030")))


# --- traditional characters and full-width digits ---------------------------------------


@pytest.mark.parametrize("config", ["s2t", "s2tw"])
def test_traditional_report_yields_the_plain_graph_with_its_own_labels(config):
    plain = seed_text(UNTITLED)
    traditional = opencc.OpenCC(config).convert(plain)
    assert len(traditional) == len(plain) and traditional != plain
    ex = extract(make_document("trad.txt", traditional))
    assert signature(ex, simplify=True) == signature(
        extract(make_document("plain.txt", plain)), simplify=True
    )
    # labels and evidence are the report's own characters, cut at the same offsets
    assert ex.meta.bureau and ex.meta.bureau in traditional
    assert all(o.name in traditional for o in ex.orgs if not o.canonical)
    for o in ex.outcomes:
        assert o.evidence.sentence == traditional[o.evidence.sentence_start : o.evidence.sentence_end]
        assert o.text in o.evidence.sentence
    assert ex.text == traditional


FULL_WIDTH = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789,.%:;()"})


def test_full_width_digits_give_the_same_outcomes():
    plain = seed_text(UNTITLED)
    wide = plain.translate(FULL_WIDTH)
    assert "１" in wide and "，" in wide
    got = extract(make_document("wide.txt", wide))
    want = extract(make_document("plain.txt", plain))

    def figures(ex):
        return [
            (o.value, o.unit, o.indicator, o.approximate, o.evidence.start, o.evidence.end)
            for o in ex.outcomes
        ]

    assert figures(got) == figures(want)
    assert all(o.text in wide for o in got.outcomes), "labels keep the report's full-width digits"


# --- paths -----------------------------------------------------------------------------


def test_folders_globs_and_several_paths(tmp_path):
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "b").mkdir()
    for p in ("a/one.txt", "a/deep/two.html", "b/three.md", "b/four.pdf", "a/.cache/x.txt", "a/skip.png"):
        (tmp_path / p).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / p).write_bytes(b"x")
    names = [p.name for p in input_files([tmp_path / "a", str(tmp_path / "b" / "*.md")])]
    assert names == ["one.txt", "three.md", "two.html"]
    assert sorted(p.name for p in input_files([tmp_path / "a", tmp_path / "b"])) == [
        "four.pdf",
        "one.txt",
        "three.md",
        "two.html",
    ]
    assert [p.name for p in input_files([str(tmp_path / "**" / "*.pdf")])] == ["four.pdf"]
    # a pattern that matches nothing is kept, so the build names it instead of building less
    missing = build([str(tmp_path / "nowhere" / "*.txt")])
    assert len(missing.problems) == 1 and "cannot read file" in missing.problems[0].reason


def test_markdown_report_yields_the_plain_graph(tmp_path):
    lines = paragraphs(seed_text(TITLED))
    markdown = "\n\n".join(
        [f"# {lines[0]}"]
        + [f"## {line}" if line.startswith(("一、", "二、", "三、")) else line for line in lines[1:]]
    )
    doc = read_document(written(tmp_path, "report.md", markdown.encode("utf-8")))
    assert doc.title() == lines[0]
    assert signature(extract(doc)) == plain_signature(TITLED)


def test_old_table_layout_page_with_br_lines_keeps_its_lines(tmp_path):
    """Older sites put the article in one layout-table cell, lines split by <br>."""
    plain_path = SEEDS / "004_ef7d1cd6b277190b.txt"
    lines = paragraphs(seed_text(plain_path))
    title = "县2020年法治政府建设工作报告"
    body = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(line) for line in lines)
    page = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{title} - 县人民政府</title></head><body>
<table width="100%"><tr><td><a href="/">网站首页</a></td><td><a>政务公开</a></td><td><a>办事服务</a></td></tr></table>
<table><tr><td class="bt">{title}</td></tr>
<tr><td>发布日期：2021-02-01　　信息来源：县司法局　　点击数：88</td></tr>
<tr><td><div class="TRS_Editor">{body}</div></td></tr>
<tr><td>【<a>打印本页</a>】【<a>关闭窗口</a>】</td></tr></table>
<table class="stats"><tr><th>项目</th><th>件数</th></tr><tr><td>法律援助</td><td>307</td></tr></table>
<div>版权所有：县人民政府　技术支持：某公司</div></body></html>"""
    doc = read_document(written(tmp_path, "report.htm", page.encode("gbk")))
    assert doc.original.split("\n")[: len(lines) + 1] == [title, *lines]
    plain = tmp_path / "plain.txt"
    plain.write_text("\n".join([title, *lines]), encoding="utf-8")
    assert signature(extract(doc)) == signature(extract(read_document(plain)))


def test_traditional_report_nodes_carry_their_simplified_names_too(tmp_path):
    from rdflib import RDFS
    from rdflib.namespace import SKOS

    plain = seed_text(UNTITLED)
    (tmp_path / "trad.txt").write_text(opencc.OpenCC("s2t").convert(plain), encoding="utf-8")
    graph = build([tmp_path]).graph
    bureau = extract(make_document("plain.txt", plain)).meta.bureau
    nodes = set(graph.subjects(SKOS.altLabel, Literal(bureau)))
    assert nodes, "the bureau is found by its simplified name"
    assert all(str(graph.value(n, RDFS.label)) != bureau for n in nodes), "its label is the report's own"
    assert len(list(graph.subjects(LGKG.publishedBy, None))) == 1
    publisher = graph.value(next(graph.subjects(LGKG.publishedBy, None)), LGKG.publishedBy)
    assert publisher in nodes, "one bureau node: the title's and the text's mentions resolve together"
