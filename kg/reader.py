"""Turn an input file into a Document, or say clearly why it cannot be read.

Every failure is an :class:`InputError` with a one-line reason; the build reports it
against the file's name and carries on with the other files.
"""

from __future__ import annotations

from pathlib import Path

from kg.document import Document, make_document

TEXT_SUFFIXES = {".txt", ".md", ".text"}
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


class InputError(Exception):
    """A file that is not a readable report; the message is the reason a user sees."""


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with: UTF-8 (BOM or not), UTF-16 by BOM, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot decode text (not UTF-8, UTF-16 or GB18030): {exc.reason}") from None


def looks_binary(data: bytes) -> bool:
    return b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def read_document(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one report file; raises InputError with the reason when it is not one."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"file is {size} bytes, over the limit of {max_bytes}")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError("file is empty")
    if looks_binary(data):
        raise InputError("file is binary, not text")
    text, encoding = decode(data)
    if not text.strip():
        raise InputError("file holds no text")
    return make_document(path.name, text, encoding=encoding, fmt=path.suffix.lstrip(".").lower() or "txt")


def input_files(paths: list[Path]) -> list[Path]:
    """The report files under the given paths (folders recursively), sorted for stable output."""
    found: set[Path] = set()
    for p in paths:
        if p.is_dir():
            found.update(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES)
        else:
            found.add(p)
    return sorted(found, key=lambda f: (f.name, str(f)))
