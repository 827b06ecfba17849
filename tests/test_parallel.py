"""Extraction in many processes, or on a Dask cluster, gives the graph of a one-process build.

The corpus here is real: the wide corpus's texts plus the bad fixtures, so the pool also
carries refusals and the order of problems is checked, not only the graph.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.ingest.reader import input_files
from kg.parallel import POOL_FROM
from kg.pipeline import BuildStopped, build
from kg.publish.formats import nquads, turtle

ROOT = Path(__file__).resolve().parent.parent
WIDE = ROOT / "corpus" / "wide" / "texts"
BAD = Path(__file__).parent / "fixtures" / "bad"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Sixteen real texts and the bad fixtures in one folder (more than a pool's threshold)."""
    folder = tmp_path_factory.mktemp("parallel")
    for text in sorted(WIDE.glob("*.txt"))[:16]:
        shutil.copy(text, folder / text.name)
    for bad in sorted(BAD.iterdir()):
        shutil.copy(bad, folder / bad.name)
    assert len(list(folder.iterdir())) >= POOL_FROM
    return folder


@pytest.fixture(scope="module")
def one_process(corpus):
    return build([corpus], jobs=1)


def same_build(a, b) -> None:
    assert turtle(a.graph) == turtle(b.graph)
    assert nquads(a.graph) == nquads(b.graph)
    assert [(p.path, p.reason) for p in a.problems] == [(p.path, p.reason) for p in b.problems]
    assert [ex.source for ex in a.extractions] == [ex.source for ex in b.extractions]


def test_two_processes_build_the_graph_of_one(corpus, one_process):
    assert one_process.problems, "the bad fixtures are refused"
    same_build(build([corpus], jobs=2), one_process)


def test_the_order_of_files_is_kept_whatever_finishes_first(corpus):
    calls = []
    build([corpus], jobs=2, on_file=lambda path, ex, problem: calls.append(path))
    assert calls == input_files([corpus])


def test_strict_stops_a_pool_build_at_the_first_problem(corpus):
    with pytest.raises(BuildStopped):
        build([corpus], jobs=2, strict=True)


def test_the_cli_builds_with_jobs_and_names_each_refused_file(corpus, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path), "-j", "2",
         "--no-html", "--no-validate", "--no-cache"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 1  # the bad fixtures
    for bad in BAD.iterdir():
        assert bad.name in proc.stderr
    assert (tmp_path / "graph.ttl").is_file()


# -- a real Dask cluster on this machine --------------------------------------------------------


def dask_cli() -> Path | None:
    found = Path(sys.executable).with_name("dask")
    return found if found.exists() else None


@pytest.fixture(scope="module")
def dask_scheduler(tmp_path_factory):
    """A `dask scheduler` and two `dask worker` processes, as a research group starts them."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        if os.environ.get("LGKG_REQUIRE_DASK"):
            raise
        pytest.skip("Dask distributed is not installed (pip install -e '.[dask]')")
    cli = dask_cli()
    assert cli is not None
    folder = tmp_path_factory.mktemp("dask")
    info = folder / "scheduler.json"
    logs = (folder / "scheduler.log").open("w")
    procs = [
        subprocess.Popen(
            [str(cli), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(info)],
            stdout=logs, stderr=subprocess.STDOUT,
        )
    ]  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not info.exists() or not info.read_text().strip():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        procs.append(
            subprocess.Popen(
                [str(cli), "worker", address, "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                stdout=logs, stderr=subprocess.STDOUT,
            )
        )  # fmt: skip
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in reversed(procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
        logs.close()


def test_a_dask_cluster_builds_the_graph_of_one_process(corpus, one_process, dask_scheduler):
    same_build(build([corpus], scheduler=dask_scheduler), one_process)


def test_the_cli_builds_on_a_dask_cluster(corpus, one_process, dask_scheduler, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path),
         "--scheduler", dask_scheduler, "--no-html", "--no-validate", "--no-cache"],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert proc.returncode == 1, proc.stderr  # the bad fixtures, named
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == turtle(one_process.graph)


def test_no_scheduler_at_the_address_is_one_clear_line(corpus, tmp_path):
    pytest.importorskip("distributed")
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(tmp_path),
         "--scheduler", "tcp://127.0.0.1:9", "--no-html"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2
    assert "tcp://127.0.0.1:9" in proc.stderr
    assert not (tmp_path / "graph.ttl").exists()


# -- writing side by side --------------------------------------------------------------------------


def test_exports_written_side_by_side_are_the_exports_of_one_process(tmp_path, monkeypatch):
    """SHACL and the writers in forked workers: the same files, byte for byte, as exports/."""
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "PARALLEL_WRITING_FROM", 1)  # the seeds' graph is small
    exports = ROOT / "exports"
    result = build([ROOT / "seeds"], out=tmp_path, jobs=2, use_cache=False)
    assert result.ok
    assert sorted(p.name for p in result.written) == sorted(p.name for p in exports.iterdir() if p.is_file())
    for path in result.written:
        assert path.read_bytes() == (exports / path.name).read_bytes(), path.name


def test_formats_choose_the_files_written(tmp_path):
    result = build([ROOT / "seeds"], out=tmp_path, formats=["ttl", "csv"], html=False, use_cache=False)
    assert sorted(p.name for p in result.written) == ["graph.ttl", "initiatives.csv", "outcomes.csv"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(p.name for p in result.written)


def test_an_unknown_format_is_refused_before_any_work(tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        build([ROOT / "seeds"], out=tmp_path, formats=["ttl", "xlsx"])
    assert not any(tmp_path.iterdir())
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(tmp_path), "--formats", "xlsx"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2 and "xlsx" in proc.stderr


# -- streaming, and a store on disk ------------------------------------------------------------


def test_a_streamed_build_is_the_graph_of_the_whole_corpus_resolved_at_once(corpus):
    """Reports are resolved, mapped and forgotten one by one; the things several reports
    name are written at the end. The triples must be those of resolving everything at once."""
    from kg.graph.rdf import to_graph
    from kg.graph.resolve import resolve

    streamed = build([corpus, WIDE], jobs=1)  # every wide text: bodies, laws and places recur
    whole = to_graph(resolve(streamed.extractions))
    assert turtle(streamed.graph) == turtle(whole)


def test_a_build_on_disk_is_the_build_in_memory(corpus, one_process, tmp_path):
    """The on-disk store (flat memory for big corpora) changes nothing a reader sees, with
    extraction in a pool forked before the store is opened."""
    on_disk = build([corpus], jobs=2, store="disk")
    assert on_disk.graph.path is not None and one_process.graph.path is None
    same_build(on_disk, one_process)
    folder = on_disk.graph.path
    del on_disk
    import gc

    gc.collect()
    assert not Path(folder).exists(), "the store's folder goes with the graph"


def test_the_cli_writes_the_same_exports_from_a_store_on_disk(tmp_path):
    exports = ROOT / "exports"
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(tmp_path), "--no-cache", "--store", "disk"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    for path in sorted(p for p in exports.iterdir() if p.is_file()):
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_an_unknown_store_is_refused_before_any_work(tmp_path):
    with pytest.raises(ValueError, match="unknown store"):
        build([ROOT / "seeds"], out=tmp_path, store="cloud")
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(ROOT / "seeds"), "--out", str(tmp_path), "--store", "cloud"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 2 and "cloud" in proc.stderr
    assert not any(tmp_path.iterdir())


def test_auto_puts_a_big_input_on_disk(tmp_path, monkeypatch):
    import kg.pipeline
    from kg.pipeline import on_disk

    seeds = input_files([ROOT / "seeds"])
    assert not on_disk("auto", seeds)
    monkeypatch.setattr(kg.pipeline, "ON_DISK_FROM_BYTES", 10_000)
    assert on_disk("auto", seeds)
    assert not on_disk("memory", seeds) and on_disk("disk", [])


def test_two_files_of_one_name_are_one_built_and_one_named(tmp_path):
    """A report is known by its file name (its IRI): a second file of that name in another
    folder would merge into the first, so it is refused, by name, and the rest is built."""
    seed = sorted((ROOT / "seeds").glob("*.txt"))[0]
    for folder in ("2022", "2023"):
        (tmp_path / folder).mkdir()
        shutil.copy(seed, tmp_path / folder / seed.name)
    result = build([tmp_path], jobs=1)
    assert [line.source for line in result.reports] == [seed.name]
    [problem] = result.problems
    assert problem.path.endswith(f"2023/{seed.name}") and "same name" in problem.reason
    assert "2022" in problem.reason


def test_without_keeping_extractions_a_build_keeps_a_line_per_report(corpus, one_process):
    lean = build([corpus], jobs=1, keep_extractions=False)
    assert lean.extractions == [] and lean.ok == one_process.ok
    assert [line.source for line in lean.reports] == [ex.source for ex in one_process.extractions]
    first = one_process.extractions[0]
    assert (lean.reports[0].bureau, lean.reports[0].year) == (first.meta.bureau, first.meta.year)
    assert turtle(lean.graph) == turtle(one_process.graph)
