"""The graph on a real SPARQL 1.1 endpoint: serve it locally with Oxigraph, push it to any Graph Store.

``kg serve`` runs the ``oxigraph`` server binary (PyPI package ``oxigraph``) on 127.0.0.1
over a temporary on-disk store, so researchers get a standard endpoint and a YASGUI query
page without installing anything else. ``kg push`` speaks only the SPARQL 1.1 Graph Store
HTTP protocol, so the same command fills Oxigraph, Fuseki, GraphDB or Virtuoso.
Credentials come from environment variables only: a command line ends up in shell
history and in ``ps`` output.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef

from kg.sparql.canned import bind_params, query_text
from kg.sparql.engines import MERGE_NAMED_GRAPHS, check_syntax, graph_file, load_graph
from kg.sparql.results import QueryError, Result

HOST = "127.0.0.1"
#: seconds to wait for the server to answer after starting it, and for one HTTP request
START_TIMEOUT = 30.0
REQUEST_TIMEOUT = 120.0
STOP_TIMEOUT = 10.0

ENV_TOKEN = "LGKG_ENDPOINT_TOKEN"
ENV_USER = "LGKG_ENDPOINT_USER"
ENV_PASSWORD = "LGKG_ENDPOINT_PASSWORD"

CONTENT_TYPES = {"turtle": "text/turtle", "nt": "application/n-triples"}


class ServeError(RuntimeError):
    """The local server could not be started."""


class EndpointError(RuntimeError):
    """A remote endpoint refused or could not be reached; the message says which and why."""


# -- the local server ------------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The ``oxigraph`` CLI installed beside this Python (the venv's bin), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise ServeError("the oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running Oxigraph server and the addresses a user needs."""

    port: int
    process: subprocess.Popen
    store: Path
    writable: bool

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def update_url(self) -> str:
        return f"{self.base}/update"

    @property
    def store_url(self) -> str:
        return f"{self.base}/store"

    @property
    def page_url(self) -> str:
        return f"{self.base}/"


def load_store(graph: Path, store: Path) -> None:
    """Bulk-load a graph file into an on-disk store (named graphs also merged into the default graph)."""
    try:
        path = graph_file(Path(graph))
    except QueryError as exc:
        raise ServeError(str(exc)) from None
    proc = subprocess.run(
        [oxigraph_binary(), "load", "--location", str(store), "--file", str(path)],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if proc.returncode != 0:
        raise ServeError(f"oxigraph could not load {path}: {proc.stderr.strip()[-500:]}")
    if path.suffix.lower() in (".trig", ".nq"):  # plain queries see the merge of the report graphs
        proc = subprocess.run(
            [oxigraph_binary(), "update", "--location", str(store), "--update", MERGE_NAMED_GRAPHS],
            capture_output=True,
            text=True,
            timeout=3600,
        )
        if proc.returncode != 0:
            raise ServeError(f"oxigraph could not merge the named graphs: {proc.stderr.strip()[-500:]}")


def wait_until_ready(server: Server, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            err = server.process.stderr.read() if server.process.stderr else ""
            raise ServeError(
                f"oxigraph stopped at start (exit {server.process.returncode}): {err.strip()[-500:]}"
            )
        try:
            with socket.create_connection((HOST, server.port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise ServeError(f"oxigraph did not answer on {server.base} within {timeout:.0f} s")


def stop(server: Server) -> None:
    """Stop the server (TERM, then KILL) and remove its temporary store."""
    try:
        if server.process.poll() is None:
            server.process.terminate()
            try:
                server.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait(timeout=STOP_TIMEOUT)
    finally:
        if server.process.stderr:
            server.process.stderr.close()
        shutil.rmtree(server.store, ignore_errors=True)


@contextmanager
def running_server(graph: Path | None, port: int = 0, writable: bool = False) -> Iterator[Server]:
    """An Oxigraph server on 127.0.0.1 over a temporary store holding ``graph``; always stopped after.

    ``graph`` may be None for an empty writable store (to push into). Port 0 picks a free one.
    """
    if graph is None and not writable:
        raise ServeError("a read-only server needs a graph to serve")
    store = Path(tempfile.mkdtemp(prefix="lgkg-store-"))
    server = None
    try:
        if graph is not None:
            load_store(graph, store)
        port = port or free_port()
        cmd = [oxigraph_binary(), "serve" if writable else "serve-read-only", "--location", str(store)]
        cmd += ["--bind", f"{HOST}:{port}"]
        process = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        server = Server(port=port, process=process, store=store, writable=writable)
        wait_until_ready(server)
        yield server
    finally:
        if server is not None:
            stop(server)
        shutil.rmtree(store, ignore_errors=True)


def serve_forever(
    graph: Path, port: int = 7878, writable: bool = False, say: Callable[[str], None] = print
) -> None:
    """Serve until Ctrl-C or SIGTERM, then stop the server and delete the temporary store."""

    def on_term(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        with running_server(graph, port=port, writable=writable) as server:
            # the banner is inside the try: a Ctrl-C that comes while it is being printed (a
            # client that starts as soon as it reads the first line) stops cleanly too
            try:
                say(f"SPARQL endpoint: {server.query_url}")
                say(f"query page:      {server.page_url}")
                if writable:
                    say(f"updates:         {server.update_url}   Graph Store: {server.store_url}")
                else:
                    say("read-only (start with --writable to accept updates)")
                say("Ctrl-C to stop")
                while server.process.poll() is None:
                    time.sleep(0.5)
                err = server.process.stderr.read() if server.process.stderr else ""
                raise ServeError(f"oxigraph stopped (exit {server.process.returncode}): {err.strip()[-500:]}")
            except KeyboardInterrupt:
                say("stopping")
    except KeyboardInterrupt:
        pass  # Ctrl-C while the server was starting: running_server has stopped it and removed the store
    finally:
        signal.signal(signal.SIGTERM, previous)


# -- HTTP clients ------------------------------------------------------------------------------


def auth_headers(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Authorization from LGKG_ENDPOINT_TOKEN (Bearer) or LGKG_ENDPOINT_USER/PASSWORD (Basic)."""
    env = os.environ if env is None else env
    if env.get(ENV_TOKEN):
        return {"Authorization": f"Bearer {env[ENV_TOKEN]}"}
    if env.get(ENV_USER):
        pair = f"{env[ENV_USER]}:{env.get(ENV_PASSWORD, '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def http(
    url: str, data: bytes | None, headers: dict[str, str], method: str, timeout: float
) -> tuple[int, bytes]:
    if not url.startswith(("http://", "https://")):
        raise EndpointError(f"not an http(s) URL: {url}")
    req = urllib.request.Request(url, data=data, method=method, headers={**headers, **auth_headers()})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip()
        raise EndpointError(f"HTTP {exc.code} {exc.reason} from {url}: {body[:500]}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EndpointError(f"cannot reach {url}: {reason}") from None


def store_target(endpoint: str, graph_iri: str | None) -> str:
    """The Graph Store URL of one graph: ``?graph=IRI`` (escaped) or ``?default``."""
    sep = "&" if "?" in endpoint else "?"
    if graph_iri:
        return f"{endpoint}{sep}graph={urllib.parse.quote(graph_iri, safe='')}"
    return f"{endpoint}{sep}default"


def graph_payload(graph: Graph | Path) -> tuple[bytes, str]:
    """Bytes to upload and their media type; Turtle and N-Triples files are sent as they are."""
    if isinstance(graph, Graph):
        return graph.serialize(format="nt", encoding="utf-8"), CONTENT_TYPES["nt"]
    path = graph_file(Path(graph))
    suffix = path.suffix.lower()
    if suffix == ".ttl":
        return path.read_bytes(), CONTENT_TYPES["turtle"]
    if suffix == ".nt":
        return path.read_bytes(), CONTENT_TYPES["nt"]
    merged = load_graph(path)  # quads: the Graph Store protocol writes one graph at a time
    return merged.serialize(format="nt", encoding="utf-8"), CONTENT_TYPES["nt"]


def push_graph(
    graph: Graph | Path,
    endpoint: str,
    graph_iri: str | None = None,
    append: bool = False,
    timeout: float = REQUEST_TIMEOUT,
) -> int:
    """Upload a graph to a SPARQL 1.1 Graph Store: PUT replaces the target graph, POST adds to it."""
    try:
        data, media_type = graph_payload(graph)
    except QueryError as exc:
        raise EndpointError(str(exc)) from None
    url = store_target(endpoint, graph_iri)
    status, _ = http(url, data, {"Content-Type": media_type}, "POST" if append else "PUT", timeout)
    return status


def from_json_term(binding: dict[str, str]):
    kind = binding["type"]
    if kind == "uri":
        return URIRef(binding["value"])
    if kind == "bnode":
        return BNode(binding["value"])
    if "xml:lang" in binding:
        return Literal(binding["value"], lang=binding["xml:lang"])
    if "datatype" in binding:
        return Literal(binding["value"], datatype=URIRef(binding["datatype"]))
    return Literal(binding["value"])


def query_endpoint(
    url: str, query: str, params: Mapping[str, str] | None = None, timeout: float = REQUEST_TIMEOUT
) -> Result:
    """Run a canned question, a .rq file or SPARQL text on a remote endpoint (SPARQL 1.1 protocol)."""
    sparql, found = query_text(query)
    if params:
        sparql = bind_params(sparql, params, found.params if found else ())
    check_syntax(sparql)
    headers = {
        "Content-Type": "application/sparql-query; charset=utf-8",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
    }
    _, body = http(url, sparql.encode("utf-8"), headers, "POST", timeout)
    text = body.decode("utf-8")
    if not text.lstrip().startswith("{"):
        return Result(kind="graph", graph=Graph().parse(data=text, format="nt"), engine="http")
    doc = json.loads(text)
    if "boolean" in doc:
        return Result(kind="ask", boolean=bool(doc["boolean"]), engine="http")
    names = list(doc["head"].get("vars", []))
    rows = [
        tuple(from_json_term(b[v]) if v in b else None for v in names) for b in doc["results"]["bindings"]
    ]
    return Result(kind="select", vars=names, rows=rows, engine="http")
