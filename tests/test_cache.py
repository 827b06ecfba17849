"""Re-running a build only re-extracts what changed, and gives the clean build's bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import kg.cache
from kg.cache import ExtractionCache, code_fingerprint
from kg.pipeline import build
from kg.publish.export import write_exports

SEEDS = Path(__file__).parent.parent / "seeds"


def exported(result, out: Path) -> dict[str, bytes]:
    write_exports(result, out, html=True)
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture
def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    return folder


def test_a_cached_build_is_byte_identical_to_a_clean_one(tmp_path, reports):
    cache = tmp_path / "cache"
    first = build([reports], cache_dir=cache)
    assert (first.files, first.cached) == (3, 0)
    again = build([reports], cache_dir=cache)
    assert again.cached == 3, "nothing changed: nothing is extracted again"
    clean = build([reports])
    assert exported(again, tmp_path / "cached") == exported(clean, tmp_path / "clean")


def test_only_the_changed_report_is_extracted_again(tmp_path, reports):
    cache = tmp_path / "cache"
    build([reports], cache_dir=cache)
    changed = sorted(reports.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("。", "。\n", 1), encoding="utf-8")
    result = build([reports], cache_dir=cache)
    assert (result.files, result.cached) == (3, 2)
    assert exported(result, tmp_path / "a") == exported(build([reports]), tmp_path / "b")


def test_a_renamed_report_is_not_served_under_its_old_name(tmp_path, reports):
    cache = tmp_path / "cache"
    build([reports], cache_dir=cache)
    first = sorted(reports.iterdir())[0]
    first.rename(reports / "renamed.txt")
    result = build([reports], cache_dir=cache)
    assert "renamed.txt" in [ex.source for ex in result.extractions]
    assert result.cached == 2


def test_changed_extractor_code_invalidates_the_cache(tmp_path, reports, monkeypatch):
    cache = tmp_path / "cache"
    build([reports], cache_dir=cache)
    old_version = code_fingerprint()
    monkeypatch.setattr(kg.cache, "code_fingerprint", lambda: "another-version")
    result = build([reports], cache_dir=cache)
    assert result.cached == 0
    assert [p.name for p in cache.iterdir()] == ["another-version"], f"{old_version} entries are pruned"


def test_the_fingerprint_covers_code_and_vocabulary():
    counted = sorted(
        str(p.relative_to(kg.cache.PACKAGE))
        for p in kg.cache.PACKAGE.rglob("*")
        if p.is_file() and kg.cache._counts(p)
    )
    assert "extract/outcomes.py" in counted and "pipeline.py" in counted
    assert any(name.startswith("vocab/data/") and name.endswith(".tsv") for name in counted)
    assert not any("__pycache__" in name for name in counted)


def test_a_damaged_entry_is_a_miss_not_a_crash(tmp_path, reports):
    cache = tmp_path / "cache"
    build([reports], cache_dir=cache)
    for entry in (cache / code_fingerprint()).iterdir():
        entry.write_bytes(b"not a pickle")
    result = build([reports], cache_dir=cache)
    assert result.cached == 0 and not result.problems
    assert isinstance(ExtractionCache(cache).get("no-such-key"), type(None))


def test_cli_keeps_its_cache_in_the_output_folder(tmp_path, reports):
    from typer.testing import CliRunner

    from kg.cli import app

    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(app, ["build", str(reports), "--out", str(out), "--no-validate", "--no-html"])
    assert first.exit_code == 0, first.output
    assert (out / ".cache" / code_fingerprint()).is_dir()
    ttl = (out / "graph.ttl").read_bytes()
    second = runner.invoke(app, ["build", str(reports), "--out", str(out), "--no-validate", "--no-html"])
    assert "3 unchanged, from cache" in second.output
    assert (out / "graph.ttl").read_bytes() == ttl
    # the cache folder is not a report folder: building OUT itself finds no .cache entries
    assert not [p for p in out.rglob("*.txt")]
