"""Turn an input file into a Document, or say clearly why it cannot be read.

Researchers collect reports as they find them: saved web pages with navigation around
the text, PDFs, Word files, GBK or Big5 text. Each format is reduced here to the plain
text of the report (title first, one paragraph a line), so the rest of the pipeline
never knows where a report came from. Every failure is an :class:`InputError` with a
one-line reason; the build reports it against the file's name and carries on.
"""

from __future__ import annotations

import glob
import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from kg.text.document import HEADING, Document, make_document
from kg.text.normalize import is_furniture
from kg.vocab.lexicon import words

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
PDF_SUFFIXES = {".pdf"}
DOCX_SUFFIXES = {".docx"}
#: formats that look like reports but cannot be read: listed so the user hears why
UNSUPPORTED_SUFFIXES = {
    ".doc": "old binary Word format: save it as .docx",
    ".wps": "WPS format: save as .docx",
}
REPORT_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | DOCX_SUFFIXES | set(UNSUPPORTED_SUFFIXES)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: charset-normalizer names of the GB family: all are subsets of GB18030, which decodes
#: them all (and the characters GBK lacks that real reports still contain)
GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "euc_cn", "ms936"}
BIG5_FAMILY = {"big5", "big5hkscs", "cp950"}
#: share of control characters above which decoded "text" is taken for binary data
CONTROL_SHARE = 0.02


class InputError(Exception):
    """A file that is not a readable report; the message is the reason a user sees."""


# --- bytes -> text ---------------------------------------------------------------------


def decode(data: bytes) -> tuple[str, str]:
    """Text and the name of the encoding it was read with.

    A BOM decides; else strict UTF-8; else charset-normalizer's guess, with every GB
    family name read as GB18030 and Big5 as Big5-HKSCS (a UTF-8-else-GB18030 fallback
    would turn Big5 reports into valid-looking garbage).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise InputError("file is binary, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = detected_encoding(data)
    for codec in _codecs_for(encoding):
        try:
            return data.decode(codec), encoding
        except (UnicodeDecodeError, LookupError):
            continue
    raise InputError(f"cannot decode text as {encoding}")


def detected_encoding(data: bytes) -> str:
    """charset-normalizer's best guess, named the way the report node records it."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5)")
    name = best.encoding.lower().replace("-", "_")
    if name in GB_FAMILY:
        return "gb18030"
    if name in BIG5_FAMILY:
        return "big5"
    return name.replace("_", "-")


def _codecs_for(encoding: str) -> list[str]:
    if encoding == "big5":
        return ["big5hkscs", "cp950", "big5"]
    return [encoding]


def looks_binary(data: bytes) -> bool:
    """NUL bytes that are not the zero halves of UTF-16 text."""
    return (
        b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not _looks_utf16(data)
    )


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 (or -32) without a BOM, as charset-normalizer reads it."""
    try:
        return detected_encoding(data[:8192]).startswith(("utf-16", "utf-32"))
    except InputError:
        return False


def _too_many_controls(text: str) -> bool:
    controls = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls > CONTROL_SHARE * min(len(text), 20000)


# --- formats -> text -------------------------------------------------------------------


def format_of(path: Path, data: bytes) -> str:
    """txt, md, html, pdf or docx: by suffix, else by the first bytes."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED_SUFFIXES:
        raise InputError(f"cannot read {suffix} files ({UNSUPPORTED_SUFFIXES[suffix]})")
    if suffix in PDF_SUFFIXES or data.startswith(b"%PDF"):
        return "pdf"
    if suffix in DOCX_SUFFIXES or (data.startswith(b"PK") and b"word/" in data[:4096]):
        return "docx"
    if suffix in HTML_SUFFIXES or re.match(rb"\s*(<!doctype html|<html)", data[:512], re.IGNORECASE):
        return "html"
    return suffix.lstrip(".") or "txt"


def text_of(fmt: str, data: bytes) -> tuple[str, str]:
    """The report's plain text and its encoding (binary formats say ``binary``)."""
    if fmt == "pdf":
        return pdf_text(data), "binary"
    if fmt == "docx":
        return docx_text(data), "binary"
    if looks_binary(data):
        raise InputError("file is binary, not text")
    text, encoding = decode(data)
    if _too_many_controls(text):
        raise InputError("file is binary, not text")
    if fmt == "html":
        return html_text(text), encoding
    if fmt in ("md", "markdown"):
        return markdown_text(text), encoding
    return text, encoding


#: Markdown syntax around a report's words: heading marks, quote marks, list bullets, emphasis
MARKDOWN_LINE = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+)")
MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def markdown_text(text: str) -> str:
    """The words of a Markdown report without its markup (# 标题 is the title line 标题)."""
    lines = (MARKDOWN_LINE.sub("", line) for line in text.splitlines())
    return "\n".join(MARKDOWN_EMPHASIS.sub(r"\2", line) for line in lines)


def html_text(markup: str) -> str:
    """The article of a saved web page, its title first, without navigation and furniture.

    trafilatura finds the main text (offline: it is given the markup, never a URL);
    lines it keeps that are still page furniture (来源, 发布时间, 分享到 ...) are dropped.
    """
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal alarm: deterministic, thread-safe
    body = trafilatura.extract(
        without_layout_tables(markup),
        config=config,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        output_format="txt",
    )
    if not body:
        body = _visible_text(markup)
    lines = [line.strip() for line in body.splitlines()]
    lines = [line for line in lines if line and not is_furniture(line)]
    title = _page_title(markup)
    if title and not any(title in line for line in lines[:3]):
        lines.insert(0, title)
    return "\n".join(lines)


#: a table cell holding this many characters is page layout, not a table of figures
LAYOUT_CELL_CHARS = 200


def without_layout_tables(markup: str) -> str:
    """The page with tables used for layout turned into plain blocks.

    Older government sites put the whole article into one table cell, lines separated by
    <br>; trafilatura renders a table cell as one line, which would run every heading and
    paragraph of the report together. Tables of figures (short cells) are kept.
    """
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(markup)
    except Exception:
        return markup
    changed = False
    for table in list(tree.iter("table")):
        if any(len("".join(cell.itertext())) > LAYOUT_CELL_CHARS for cell in table.iter("td", "th")):
            for element in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th", "caption")]:
                element.tag = "div"
            changed = True
    return lxml_html.tostring(tree, encoding="unicode") if changed else markup


def _page_title(markup: str) -> str:
    """The page's headline: h1 or og:title as trafilatura reads them, else <title> minus the site."""
    import trafilatura

    meta = trafilatura.extract_metadata(markup)
    title = (meta.title if meta is not None else None) or ""
    pieces = [p.strip() for p in re.split(r"\s*(?:_|\||｜|--|—|－| - )\s*", title) if p.strip()]
    if not pieces:
        return ""
    cues = words("report_cues.tsv")
    return max(pieces, key=lambda p: (sum(c in p for c in cues), -pieces.index(p)))


def _visible_text(markup: str) -> str:
    """All text outside script and style: the fallback when trafilatura finds no article."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(markup)
    except Exception:
        return ""
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(t.strip() for t in tree.itertext() if t.strip())


def pdf_text(data: bytes) -> str:
    """The text layer of a PDF, lines broken only where the report breaks paragraphs."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    # pdfminer logs a warning per glyph it cannot map; the result says enough
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        lines = pdf_lines(data)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError("PDF is encrypted") from None
    except PDFSyntaxError as exc:
        raise InputError(f"not a readable PDF: {exc}") from None
    except Exception as exc:  # pdfminer raises many kinds on damaged files
        raise InputError(f"not a readable PDF: {type(exc).__name__}: {exc}") from None
    text = join_pdf_lines(lines)
    if not text.strip():
        raise InputError("PDF has no text layer (a scanned image?): run OCR first")
    return text


@dataclass(frozen=True)
class PdfLine:
    """One printed line: its text and where it starts and ends on the page (points)."""

    text: str
    x0: float
    x1: float
    height: float


def pdf_lines(data: bytes) -> list[PdfLine]:
    """Every text line of the PDF in reading order, page numbers left out."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer, LTTextLine

    out = []
    for page in extract_pages(io.BytesIO(data)):
        for box in page:
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                text = line.get_text().rstrip("\n")
                if text.strip() and not PAGE_NUMBER.match(text.strip()):
                    out.append(PdfLine(text, line.x0, line.x1, line.height))
    return out


#: a line that is only a page number: 3 / - 3 - / 第3页 / 第 3 页 共 9 页
PAGE_NUMBER = re.compile(r"^[-—–\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*共\s*\d{1,4}\s*页)?[-—–\s]*$")
#: without indentation to go by, a full line ending here still ends its paragraph
PARAGRAPH_END = re.compile(r"[。！？!?：:；;”」』)）]$")
#: share of lines that must be indented for indentation to mark paragraph starts
INDENTED_SHARE = 0.05


def join_pdf_lines(lines: list[PdfLine]) -> str:
    """Undo the PDF's line wrapping: one paragraph a line, joined without spaces.

    PDF text layers break lines where the page ran out of width, mid-sentence. A line
    runs on into the next when it reaches the right margin and the next line does not
    open a paragraph: by its 2-character indent when the PDF indents paragraphs (most
    government PDFs), else when the full line does not end a sentence, or is a heading.
    """
    if not lines:
        return ""
    char = sorted(line.height for line in lines)[len(lines) // 2] or 10.0
    left = _mode(round(line.x0) for line in lines)
    right = sorted(line.x1 for line in lines)[int(0.9 * (len(lines) - 1))]
    # indented by position, or by the full-width spaces some producers type instead
    indented = [line.x0 - left > 1.2 * char or line.text.startswith(("\u3000", "  ")) for line in lines]
    by_indent = sum(indented) >= INDENTED_SHARE * len(lines)
    out: list[str] = []
    runs_on = False
    for line, indent in zip(lines, indented, strict=True):
        starts = HEADING.match(line.text.strip()) or (indent if by_indent else False)
        if runs_on and out and not starts:
            out[-1] += line.text
        else:
            out.append(line.text)
        full = line.x1 >= right - 1.5 * char
        runs_on = full and (by_indent or not PARAGRAPH_END.search(line.text.strip()))
    return "\n".join(out)


def _mode(values) -> int:
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return max(sorted(counts), key=lambda v: counts[v])


def docx_text(data: bytes) -> str:
    """Paragraphs and tables of a Word file in document order (Document.paragraphs skips tables)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"not a readable Word file: {exc}") from None
    except Exception as exc:
        raise InputError(f"not a readable Word file: {type(exc).__name__}: {exc}") from None
    lines = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
    return "\n".join(line.strip() for line in lines if line.strip())


def _table_lines(table) -> list[str]:
    """One line per row, cells separated by tabs; merged cells (repeated by python-docx) once."""
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
        if any(cells):
            out.append("\t".join(cells))
    return out


# --- files -----------------------------------------------------------------------------


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one report file; raises InputError with the reason when it is not one."""
    data = read_bytes(path, max_bytes)
    return document_of(path, data)


def read_bytes(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The file's bytes, refusing what is too big, empty or unreadable."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the limit of {max_bytes} (--max-size)")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError("file is empty")
    return data


def document_of(path: Path, data: bytes) -> Document:
    """The Document a file's bytes hold."""
    fmt = format_of(path, data)
    text, encoding = text_of(fmt, data)
    if not text.strip():
        raise InputError("file holds no text")
    return make_document(path.name, text, encoding=encoding, fmt=fmt)


def input_files(paths: list[Path] | list[str]) -> list[Path]:
    """The report files under the given paths (folders recursively, globs expanded), sorted.

    A file named explicitly is always taken (the reader says if it cannot be read); in
    folders only files with a report suffix are. A path that matches nothing is kept so
    the build names it as a problem instead of silently building less.
    """
    found: set[Path] = set()
    for given in paths:
        for p in _expand(Path(given)):
            if p.is_dir():
                found.update(
                    f
                    for f in p.rglob("*")
                    if (f.is_file() or f.is_symlink())  # a dangling link is named, not skipped
                    and f.suffix.lower() in REPORT_SUFFIXES
                    and not _hidden(f, p)
                )
            else:
                found.add(p)
    return sorted(found, key=lambda f: (f.name, str(f)))


def _expand(path: Path) -> list[Path]:
    text = str(path)
    if not path.exists() and glob.has_magic(text):
        matches = [Path(p) for p in sorted(glob.glob(text, recursive=True))]
        return matches or [path]
    return [path]


def _hidden(f: Path, root: Path) -> bool:
    """Files under a dot-folder (an output's .cache, .git) are not reports."""
    return any(part.startswith(".") for part in f.relative_to(root).parts)
