"""Extraction cache: a report whose bytes have not changed is not extracted again.

An entry is keyed by the file's bytes and name and by a fingerprint of the extractor
registry (names, fields, rules), code and vocabulary (every kg/**/*.py and kg/vocab/data
file), so editing a rule or a word list
invalidates everything it could have changed. Entries of other fingerprints are removed,
so the cache never grows beyond one version. Resolution and RDF mapping always run on the
full set of extractions, so a cached build is byte-identical to a clean one.

Entries are pickles: the cache is local state written by this tool for this tool, like
``__pycache__``; do not point ``--cache-dir`` at a folder others can write to.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from functools import cache
from pathlib import Path

from kg.extract.records import Extraction

PACKAGE = Path(__file__).parent
#: the folder name used under an output folder when no cache folder is given
CACHE_DIRNAME = ".cache"


@cache
def code_fingerprint() -> str:
    """A hash of the code and data extraction depends on."""
    from kg.extract.registry import fingerprint

    digest = hashlib.sha256(fingerprint().encode("utf-8") + b"\0")
    sources = sorted(p for p in PACKAGE.rglob("*") if p.is_file() and _counts(p))
    for p in sources:
        digest.update(str(p.relative_to(PACKAGE)).encode("utf-8") + b"\0")
        digest.update(p.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def _counts(p: Path) -> bool:
    rel = p.relative_to(PACKAGE)
    if "__pycache__" in rel.parts:
        return False
    return p.suffix == ".py" or rel.parts[:2] == ("vocab", "data")


def entry_key(name: str, data: bytes) -> str:
    """The content key of one input file: its name (it becomes the report's source) and bytes."""
    digest = hashlib.sha256(name.encode("utf-8") + b"\0" + data)
    return digest.hexdigest()


class ExtractionCache:
    """Extractions stored under ``root/<code fingerprint>/<content key>.pickle``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / code_fingerprint()
        self.hits = 0
        self.misses = 0

    def get(self, key: str) -> Extraction | None:
        path = self.folder / f"{key}.pickle"
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        if not isinstance(value, Extraction):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, extraction: Extraction) -> None:
        """Store atomically (temp file, rename): a killed build leaves no half entry."""
        tmp = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key}.", suffix=".part", dir=self.folder)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(extraction, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / f"{key}.pickle")
            tmp = None
        except (OSError, pickle.PicklingError, AttributeError, TypeError):
            pass  # a cache that cannot be written only costs time
        finally:
            if tmp is not None and os.path.exists(tmp):
                os.unlink(tmp)

    def prune(self) -> None:
        """Drop entries written by other versions of the code."""
        if not self.root.is_dir():
            return
        for child in self.root.iterdir():
            if child.is_dir() and child.name != self.folder.name:
                shutil.rmtree(child, ignore_errors=True)
