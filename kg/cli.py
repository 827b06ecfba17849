"""The ``kg`` command: parses options, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from kg.ingest.reader import DEFAULT_MAX_BYTES
from kg.pipeline import build as build_graph
from kg.publish.summary import COLUMNS

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="lgkg: a knowledge graph of Chinese law-based government annual reports.",
)
out_console = Console()
err_console = Console(stderr=True)
if not out_console.is_terminal:  # piped output: do not squeeze the summary into 80 columns
    out_console.width = 220


@app.callback()
def _commands() -> None:
    """lgkg: a knowledge graph of Chinese law-based government annual reports."""


#: show a progress bar from this many input files on
PROGRESS_FROM = 10
#: print a row for every report up to this many reports; past it, only the reports with a gap
SUMMARY_ROWS = 50
#: the graph files ``kg query`` can read, in the order the summary suggests one
QUERYABLE = ("graph.ttl", "graph.nt", "graph.trig", "graph.nq", "graph.jsonld")


class RateColumn(ProgressColumn):
    """Reports per second, as rich measures them over the last seconds."""

    def render(self, task) -> Text:
        return Text(f"{task.speed:.1f} reports/s" if task.speed else "", style="progress.data.speed")


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Report files or folders (read recursively)."),
    out: Path = typer.Option(Path("exports"), "--out", "-o", help="Output folder."),
    max_size: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-size", help="Skip files larger than this many bytes."
    ),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first file that cannot be built."),
    html: bool = typer.Option(True, "--html/--no-html", help="Also write the interactive graph page."),
    formats: str | None = typer.Option(
        None,
        "--formats",
        help="Comma-separated exports to write: ttl,nt,nq,trig,jsonld,csv,graphml,html (default: all).",
    ),
    validate: bool = typer.Option(
        True, "--validate/--no-validate", help="Check the graph against the SHACL shapes."
    ),
    cache_dir: Path | None = typer.Option(
        None, "--cache-dir", help="Where unchanged reports' extractions are kept (default OUT/.cache)."
    ),
    use_cache: bool = typer.Option(
        True, "--cache/--no-cache", help="Re-extract only reports whose content or code changed."
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Extract in this many processes (default: every core)."
    ),
    scheduler: str | None = typer.Option(
        None,
        "--scheduler",
        help="Extract on the Dask cluster whose scheduler is here (tcp://HOST:PORT; needs lgkg[dask]).",
    ),
    store: str = typer.Option(
        "auto",
        "--store",
        help="Where the graph is held while it is built: memory, disk (flat memory, in TMPDIR), "
        "or auto (disk from 8 MB of input).",
    ),
) -> None:
    """Build the graph of every report under PATHS into OUT (Turtle, TriG, JSON-LD, CSV, the graph page…).

    PATHS may be files, folders (read recursively) or globs; .txt, .md, .html, .pdf and
    .docx are read. A file that cannot be built is named with the reason, the others are
    built, and the exit code is 1.
    """
    from kg.ingest.reader import input_files
    from kg.pipeline import BuildStopped, check_store
    from kg.publish.export import chosen_files

    chosen = formats.split(",") if formats else None
    try:
        chosen_files(chosen)
        check_store(store)
    except ValueError as exc:  # an unknown --formats name or --store
        print_error(str(exc))
        raise typer.Exit(2) from None
    n_files = len(input_files(paths))
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=n_files < PROGRESS_FROM or not sys.stderr.isatty(),
    )
    with progress:
        task = progress.add_task("extracting", total=n_files)

        def on_file(path, ex, problem):
            if problem is not None:
                print_error(str(problem))
            progress.advance(task)

        try:
            result = build_graph(
                paths,
                out=out,
                html=html,
                formats=chosen,
                validate=validate,
                max_bytes=max_size,
                strict=strict,
                on_file=on_file,
                cache_dir=cache_dir,
                use_cache=use_cache,
                jobs=jobs,
                scheduler=scheduler,
                store=store,
                keep_extractions=False,
            )
        except BuildStopped:  # --strict: the first problem (already printed) ends the build
            err_console.print("[red]stopped[/red] at the first problem (--strict); nothing written")
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err_console.print(
                "[red]interrupted[/red]: every export in OUT is whole, the previous one or the new one"
            )
            raise typer.Exit(130) from None
        except RuntimeError as exc:  # no Dask installed, or no scheduler at that address
            print_error(str(exc))
            raise typer.Exit(2) from None
    print_warnings(result.warnings, many=len(result.reports) > SUMMARY_ROWS)
    print_summary(result.reports, result.written)
    for v in result.violations[:20]:
        print_tagged("shacl", "red", str(v))
    if len(result.violations) > 20:
        err_console.print(f"[red]shacl[/red] … {len(result.violations) - 20} more violations")
    if not result.reports:
        err_console.print("[red]error[/red] no report could be built; nothing written")
        raise typer.Exit(1)
    out_console.print(
        f"wrote {', '.join(str(p) for p in result.written)} ({len(result.graph)} triples)", highlight=False
    )
    _print_build_summary(result)
    if not result.ok:
        raise typer.Exit(1)


def _print_build_summary(result) -> None:
    """The last line of a build: files seen, built (from cache), failed, warned."""
    built = len(result.reports)
    line = f"{result.files} file(s): {built} built ({result.cached} unchanged, from cache)"
    if result.warnings:
        line += f", {len(result.warnings)} warning(s)"
    if result.problems:
        line += f", [red]{len(result.problems)} failed[/red]"
    err_console.print(line, highlight=False)


def print_warnings(warnings, many: bool) -> None:
    """A line per warning; for a big build, a line per kind of warning with how many reports
    it concerns and the first few of them (a warning per report is unreadable by the thousand)."""
    if not many:
        for w in warnings:
            print_tagged("warning", "yellow", str(w))
        return
    by_reason: dict[str, list[str]] = {}
    for w in warnings:
        by_reason.setdefault(w.reason, []).append(Path(w.path).name)
    for reason, names in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        first = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
        print_tagged("warning", "yellow", f"{reason}: {len(names)} report(s) ({first})")


def print_summary(reports, written: Sequence[Path] = ()) -> None:
    """A row per report: the bureau, region and year found, and what each category yielded.

    A national corpus would print ten thousand rows nobody reads; past ``SUMMARY_ROWS`` reports
    only the rows a researcher must look at (a bureau, region or year not found) are printed,
    with a count line and the canned query that lists every report from the graph written.
    """
    reports = list(reports)
    shown = reports if len(reports) <= SUMMARY_ROWS else [r for r in reports if _has_gap(r)]
    title = "what each report yielded"
    if len(shown) < len(reports):
        title = f"reports with no bureau, region or year found ({len(shown)} of {len(reports)})"
    if shown:
        out_console.print(_summary_table(shown[:SUMMARY_ROWS], title))
    if len(shown) > SUMMARY_ROWS:
        out_console.print(f"… and {len(shown) - SUMMARY_ROWS} more with a gap", highlight=False)
    if len(shown) < len(reports):
        out_console.print(_coverage_line(reports, written), highlight=False, soft_wrap=True)


def _has_gap(line) -> bool:
    return not (line.bureau and line.region and line.year)


def _summary_table(lines, title: str) -> Table:
    table = Table(title=title, show_lines=False)
    table.add_column("report")
    table.add_column("bureau")
    table.add_column("region")
    table.add_column("year", justify="right")
    for c in COLUMNS:
        table.add_column(c, justify="right")
    for line in lines:
        cells = [line.source, line.bureau or "?", line.region or "?", str(line.year or "?")]
        cells += [str(line.counts[c]) for c in COLUMNS]
        table.add_row(*(Text(c) for c in cells))  # Text: a name from a report is not markup
    return table


def _coverage_line(reports, written) -> str:
    """How many reports have each of bureau, region and year, and how to list them all."""
    n = len(reports)
    found = ", ".join(
        f"{what} in {sum(1 for r in reports if getattr(r, what))}" for what in ("bureau", "region", "year")
    )
    line = f"{n} reports: {found}"
    graphs = sorted((p for p in written if p.name in QUERYABLE), key=lambda p: QUERYABLE.index(p.name))
    if graphs:
        line += f"; every report's line: kg query {graphs[0]} reports --format csv"
    return line


def print_error(message: str) -> None:
    """One red ``error`` word, then the message as plain text (it may hold brackets from SPARQL)."""
    print_tagged("error", "red", message)


def print_tagged(tag: str, style: str, message: str) -> None:
    """A coloured tag word, then the message as plain text: file names, SHACL messages and
    SPARQL errors carry text from reports, which must not be read as console markup."""
    err_console.print(Text.assemble((tag, style), " ", str(message)), highlight=False, soft_wrap=True)


@app.command()
def query(
    graph: str = typer.Argument(
        ..., help="A graph file (.ttl, .nt, .nq, .trig), an output folder, or an http(s) SPARQL endpoint."
    ),
    sparql: str = typer.Argument(
        ..., metavar="QUERY", help="SPARQL text, a .rq file, or a canned question's name (see `kg queries`)."
    ),
    fmt: str = typer.Option(
        "table", "--format", "-f", help="table, csv, tsv or json (SPARQL 1.1 results formats)."
    ),
    param: list[str] = typer.Option(
        [], "--param", "-p", help="A canned question's parameter, as name=value (repeatable)."
    ),
    engine: str = typer.Option("auto", "--engine", help="auto, oxigraph or rdflib."),
) -> None:
    """Ask GRAPH a SPARQL QUERY and print the answer."""
    from kg.sparql.canned import parse_params
    from kg.sparql.query import run as run_query
    from kg.sparql.results import FORMATS, QueryError, as_table, render

    if fmt not in FORMATS:
        print_error(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        raise typer.Exit(2)
    try:
        params = parse_params(param)
        if graph.startswith(("http://", "https://")):
            from kg.sparql.serve import EndpointError, query_endpoint

            try:
                result = query_endpoint(graph, sparql, params)
            except EndpointError as exc:
                print_error(str(exc))
                raise typer.Exit(1) from None
        else:
            result = run_query(Path(graph), sparql, params=params, engine=engine)
    except QueryError as exc:
        print_error(str(exc))
        raise typer.Exit(2) from None
    if fmt == "table" and result.kind != "graph":
        as_table(result, out_console)
    else:
        sys.stdout.write(render(result, fmt))


@app.command()
def queries() -> None:
    """List the canned research questions (name, question in Chinese and English, parameters)."""
    from kg.sparql.canned import canned_queries

    for c in canned_queries():
        params = "".join(f" [--param {p.name}=…]" for p in c.params)
        out_console.print(f"{c.name}{params}\t{c.zh} / {c.en}", highlight=False, markup=False, soft_wrap=True)


@app.command()
def serve(
    graph: Path = typer.Argument(..., help="A graph file or an output folder holding graph.ttl."),
    port: int = typer.Option(7878, "--port", help="Port on 127.0.0.1 (0 picks a free one)."),
    writable: bool = typer.Option(False, "--writable", help="Accept SPARQL updates and Graph Store writes."),
) -> None:
    """Serve GRAPH as a SPARQL 1.1 endpoint on 127.0.0.1 (Oxigraph) until Ctrl-C."""
    from kg.sparql.serve import ServeError, serve_forever

    try:
        serve_forever(
            graph, port=port, writable=writable, say=lambda m: out_console.print(m, highlight=False)
        )
    except ServeError as exc:
        print_error(str(exc))
        raise typer.Exit(1) from None


@app.command()
def push(
    graph: Path = typer.Argument(..., help="A graph file or an output folder holding graph.ttl."),
    endpoint: str = typer.Option(
        ..., "--endpoint", help="The Graph Store URL (Oxigraph: …/store, Fuseki: …/DATASET/data)."
    ),
    graph_iri: str = typer.Option(
        None, "--graph", help="Named graph IRI to write; the default graph if omitted."
    ),
    append: bool = typer.Option(
        False, "--append", help="Add to the graph (POST) instead of replacing it (PUT)."
    ),
) -> None:
    """Upload GRAPH to a SPARQL 1.1 Graph Store; credentials only from LGKG_ENDPOINT_* variables."""
    from kg.sparql.serve import EndpointError, push_graph

    try:
        status = push_graph(graph, endpoint, graph_iri=graph_iri, append=append)
    except EndpointError as exc:
        print_error(str(exc))
        raise typer.Exit(1) from None
    out_console.print(f"pushed {graph} to {endpoint} (HTTP {status})", highlight=False)


@app.command()
def view(
    graph: Path = typer.Argument(..., help="graph.ttl (or a build folder holding one)."),
    out: Path = typer.Option(Path("graph.html"), "--out", "-o", help="The page to write."),
    region: list[str] = typer.Option([], "--region", help="Only things in this region (name or code)."),
    area: list[str] = typer.Option([], "--area", help="Only this governance area (Chinese name or id)."),
    cls: list[str] = typer.Option([], "--class", help="Only this class (Outcome, 量化成效, …)."),
    report: list[str] = typer.Option([], "--report", help="Only what this report mentions (file name)."),
    focus: str | None = typer.Option(None, "--focus", help="Centre on the node with this label."),
    depth: int = typer.Option(1, "--depth", min=0, help="Steps from the --focus node."),
) -> None:
    """Write an interactive page of part of the graph (each option may repeat)."""
    from kg.publish.export import write_text
    from kg.publish.html import graph_html
    from kg.publish.view import UnknownValue, load_graph, select, view_title

    try:
        g = load_graph(graph)
        keep = select(g, regions=region, areas=area, classes=cls, reports=report, focus=focus, depth=depth)
    except (UnknownValue, FileNotFoundError) as exc:
        print_error(str(exc))
        raise typer.Exit(1) from None
    title = view_title(region=region, area=area, cls=cls, report=report, focus=focus, depth=depth)
    write_text(out, graph_html(g, keep=keep, title=title))
    out_console.print(f"wrote {out} ({len(keep)} nodes)", highlight=False)


@app.command()
def compare(
    graph: Path = typer.Argument(..., help="graph.ttl (or a build folder holding one)."),
    out: Path = typer.Option(Path("compare.html"), "--out", "-o", help="The page to write."),
) -> None:
    """Write the comparison page: indicators reported by two or more regions, each bar linked to evidence."""
    from kg.publish.compare import compare_html, shared_indicators
    from kg.publish.export import write_text
    from kg.publish.view import load_graph

    try:
        g = load_graph(graph)
    except FileNotFoundError as exc:
        print_error(str(exc))
        raise typer.Exit(1) from None
    write_text(out, compare_html(g))
    out_console.print(f"wrote {out} ({len(shared_indicators(g))} shared indicators)", highlight=False)


@app.command()
def train(
    folders: list[Path] = typer.Argument(..., help="Annotated folders, each with texts/ and gold/ (corpus/*)."),
    model: Path | None = typer.Option(
        None, "--model", "-m", help="Where to write the model (default: the one kg build uses)."
    ),
) -> None:
    """Retrain the initiative tagger on annotated texts (gold JSON as in ../shared/eval/gold).

    The shipped model is made by `kg train corpus/*/`; a different model changes what
    `kg build` finds, and the cache notices (the model is part of the extractors' fingerprint).
    """
    from kg.extract.initiative_tagger import MODEL, annotated
    from kg.extract.initiative_tagger import train as train_tagger

    missing = [f for f in folders if not (f / "gold").is_dir() or not (f / "texts").is_dir()]
    if missing:
        print_error(f"{missing[0]}: no texts/ and gold/ folders in it")
        raise typer.Exit(2)
    target = model or MODEL
    documents = list(annotated(folders))
    if not documents:
        print_error("no gold file with its text in these folders")
        raise typer.Exit(2)
    n = train_tagger(documents, target)
    out_console.print(f"wrote {target} ({len(documents)} reports, {n} sentences)", highlight=False)


def main() -> None:  # pragma: no cover
    app()
