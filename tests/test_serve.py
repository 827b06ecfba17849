"""A real SPARQL endpoint: the oxigraph server on a free loopback port, filled by `kg push`.

Every test stops its server (the fixture's context manager stops it in a finally), listens on
127.0.0.1 only and bounds every wait.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest
from conftest import ROOT

from kg.sparql.canned import canned_queries
from kg.sparql.query import run
from kg.sparql.serve import (
    ENV_PASSWORD,
    ENV_TOKEN,
    ENV_USER,
    EndpointError,
    auth_headers,
    push_graph,
    query_endpoint,
    running_server,
    store_target,
)

TIMEOUT = 60


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory, seed_graph):
    path = tmp_path_factory.mktemp("seed") / "graph.ttl"
    path.write_text(seed_graph.serialize(format="turtle"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def writable_server():
    with running_server(None, writable=True) as server:
        yield server


def test_pushed_seed_graph_answers_every_canned_question_like_in_process(
    writable_server, seed_file, seed_graph
):
    status = push_graph(seed_file, writable_server.store_url)
    assert status in (200, 201, 204)
    for q in canned_queries():
        remote = query_endpoint(writable_server.query_url, q.name, timeout=TIMEOUT)
        local = run(seed_graph, q.name)
        assert remote.vars == local.vars, q.name
        assert remote.records() == local.records(), q.name
    remote = query_endpoint(writable_server.query_url, "outcomes_changed_by_more_than", {"threshold": "5"})
    assert remote.records() == run(seed_graph, "outcomes_changed_by_more_than", {"threshold": "5"}).records()


def test_push_replaces_and_appends_named_graphs(writable_server, seed_file, seed_graph):
    iri = "https://example.org/lgkg/test?x=1&y=2"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    push_graph(seed_file, writable_server.store_url, graph_iri=iri)
    push_graph(seed_file, writable_server.store_url, graph_iri=iri)  # PUT replaces: no doubling
    assert int(query_endpoint(writable_server.query_url, count).rows[0][0]) == len(seed_graph)
    extra = seed_file.parent / "extra.nt"
    extra.write_text('<https://example.org/a> <https://example.org/b> "c" .\n', encoding="utf-8")
    push_graph(extra, writable_server.store_url, graph_iri=iri, append=True)
    assert int(query_endpoint(writable_server.query_url, count).rows[0][0]) == len(seed_graph) + 1


def test_cli_push_and_query_over_http(writable_server, seed_file):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LGKG_ENDPOINT")}
    iri = "https://example.org/lgkg/cli"
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "push", str(seed_file.parent), "--endpoint", writable_server.store_url,
         "--graph", iri],
        capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "query", writable_server.query_url,
         f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s a <https://w3id.org/lgkg/ontology#Report> }} }}",
         "--format", "csv"],
        capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == ["n", "5"]


def test_read_only_server_serves_the_graph_and_refuses_writes(seed_file, seed_graph):
    with running_server(seed_file) as server:
        rows = query_endpoint(server.query_url, "reports", timeout=TIMEOUT).records()
        assert rows == run(seed_graph, "reports").records()
        with urllib.request.urlopen(server.page_url, timeout=TIMEOUT) as page:
            assert page.status == 200 and b"<html" in page.read().lower()
        with pytest.raises(EndpointError):
            push_graph(seed_file, server.store_url)
        store = server.store
    assert server.process.poll() is not None
    assert not store.exists()


def test_unreachable_endpoint_is_a_clear_error(seed_file):
    with running_server(None, writable=True) as server:
        url = server.store_url
    with pytest.raises(EndpointError, match="cannot reach"):
        push_graph(seed_file, url, timeout=5)


def test_credentials_come_from_the_environment_only(monkeypatch):
    for name in (ENV_TOKEN, ENV_USER, ENV_PASSWORD):
        monkeypatch.delenv(name, raising=False)
    assert auth_headers() == {}
    monkeypatch.setenv(ENV_USER, "ann")
    monkeypatch.setenv(ENV_PASSWORD, "s3cret:x")
    assert auth_headers() == {"Authorization": "Basic YW5uOnMzY3JldDp4"}
    monkeypatch.setenv(ENV_TOKEN, "tok")
    assert auth_headers() == {"Authorization": "Bearer tok"}
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "push", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=TIMEOUT,
    )
    assert "--password" not in proc.stdout and "--token" not in proc.stdout


def test_graph_store_addresses_are_escaped():
    assert store_target("http://h/store", None) == "http://h/store?default"
    assert (
        store_target("http://h/store", "https://x/g?a=1&b")
        == "http://h/store?graph=https%3A%2F%2Fx%2Fg%3Fa%3D1%26b"
    )
    assert store_target("http://h/ds?x=y", None) == "http://h/ds?x=y&default"


@pytest.mark.parametrize("stop_signal", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "Ctrl-C"])
def test_kg_serve_prints_its_addresses_and_stops_cleanly(seed_file, tmp_path, stop_signal):
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # so that the temporary store can be seen to go
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(seed_file), "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        lines = []
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and not any("Ctrl-C" in line for line in lines):
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        endpoint = next(line.split()[-1] for line in lines if line.startswith("SPARQL endpoint:"))
        assert endpoint.startswith("http://127.0.0.1:") and endpoint.endswith("/query")
        assert any(line.startswith("query page:") for line in lines)
        assert list(tmp_path.glob("lgkg-store-*"))
        rows = query_endpoint(
            endpoint, "ASK { ?s a <https://w3id.org/lgkg/ontology#Report> }", timeout=TIMEOUT
        )
        assert rows.boolean is True
        proc.send_signal(stop_signal)
        assert proc.wait(timeout=TIMEOUT) == 0
        assert not list(tmp_path.glob("lgkg-store-*"))
        with pytest.raises(EndpointError):
            query_endpoint(endpoint, "ASK {}", timeout=5)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=TIMEOUT)
        proc.stdout.close()
        proc.stderr.close()


def test_serve_refuses_a_missing_graph(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "serve", str(tmp_path / "nothing.ttl"), "--port", "0"],
        capture_output=True, text=True, cwd=ROOT, timeout=TIMEOUT,
    )  # fmt: skip
    assert proc.returncode == 1
    assert "no such graph" in proc.stderr and "Traceback" not in proc.stderr
