"""Where extraction runs: in this process, in a pool of local processes, or on a Dask cluster.

Extraction is the one stage whose work splits by report with nothing shared, so it is the
stage that goes parallel. Every runner takes (name, bytes) items and yields results in
the order the items came, whatever order the workers finish in: the graph is merged from
them in that order, so it is byte-identical to a one-process build. At most ``window``
items are in flight, so a corpus of any size streams through in bounded memory.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

#: items in flight per worker: enough to keep every worker busy, few enough to stay small
IN_FLIGHT_PER_WORKER = 4
#: how long to wait for a Dask scheduler to answer
CONNECT_TIMEOUT = "10s"
#: below this many items a pool costs more than it saves (forking, pickling results)
POOL_FROM = 8


class Future(Protocol):
    def result(self) -> Any: ...


H = TypeVar("H", bound=Future)


class Submitter(Protocol):
    def submit(self, fn: Callable[..., Any], *args: Any) -> Future: ...


class Done:
    """A result computed on the spot, shaped like a future."""

    def __init__(self, value: object) -> None:
        self.value = value

    def result(self) -> object:
        return self.value


class Inline:
    """Runs each item here, now: the one-process build."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Done:
        return Done(fn(*args))


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def in_order(start: Callable[[T], H], items: Iterable[T], window: int) -> Iterator[H]:
    """``start(item)`` for every item; yields what it returned in the items' order, each once
    its result is ready, with at most ``window`` started and not yet yielded."""
    pending: deque[H] = deque()
    for item in items:
        pending.append(start(item))
        if len(pending) >= window:
            handle = pending.popleft()
            handle.result()
            yield handle
    while pending:
        handle = pending.popleft()
        handle.result()
        yield handle


def _start_method() -> str:
    """fork where it is safe (Linux): workers inherit the loaded dictionaries for free."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


@contextmanager
def local_pool(jobs: int) -> Iterator[Submitter]:
    """A pool of ``jobs`` processes; pending work is cancelled if the build stops early."""
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context(_start_method())
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


class ClusterRunner:
    """Submits to a Dask distributed cluster; each item is a task, pure=False so none is skipped."""

    def __init__(self, client: Any) -> None:
        self.client = client

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)


@contextmanager
def dask_cluster(address: str) -> Iterator[ClusterRunner]:
    """A client of the Dask scheduler at ``address`` (``pip install lgkg[dask]``)."""
    try:
        from distributed import Client
    except ImportError:
        raise RuntimeError(
            "--scheduler needs Dask distributed: pip install 'lgkg[dask]' (or dask[distributed])"
        ) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise RuntimeError(f"no Dask scheduler answered at {address} ({exc})") from None
    try:
        yield ClusterRunner(client)
    finally:
        client.close()


def cluster_workers(runner: ClusterRunner) -> int:
    return max(1, len(runner.client.scheduler_info().get("workers", {})))


@contextmanager
def runner_for(jobs: int | None, scheduler: str | None, items: int) -> Iterator[tuple[Submitter, int]]:
    """The runner for a build and how many items it should have in flight.

    ``scheduler`` (a Dask address) wins over ``jobs``; ``jobs`` None means every core; a
    small build runs here, since starting workers would cost more than it saves.
    """
    if scheduler:
        with dask_cluster(scheduler) as cluster:
            yield cluster, IN_FLIGHT_PER_WORKER * cluster_workers(cluster)
        return
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or items < POOL_FROM:
        yield Inline(), 1
        return
    jobs = min(jobs, items)  # a fork pool starts every worker at once: no more than there is work for
    with local_pool(jobs) as pool:
        yield pool, IN_FLIGHT_PER_WORKER * jobs


#: the jobs of :func:`run_tasks` while it runs: forked workers find them here by index
_TASKS: list[Callable[[], Any]] = []


def _run_task(index: int) -> Any:
    return _TASKS[index]()


def run_tasks(tasks: list[Callable[[], Any]], jobs: int) -> list[Any]:
    """Each task's result, in the tasks' order: side by side in ``jobs`` forked processes
    where fork is safe, else one after the other here.

    The tasks are closures over a graph held in memory (rendering exports, checking
    SHACL): a forked worker inherits it as it is, where pickling it would cost more than
    the work. Results (file paths, violation lines) are small and travel back pickled.
    """
    global _TASKS
    if jobs <= 1 or len(tasks) < 2 or _start_method() != "fork":
        return [task() for task in tasks]
    from concurrent.futures import ProcessPoolExecutor

    _TASKS = list(tasks)
    try:
        ctx = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=ctx) as pool:
            futures = [pool.submit(_run_task, i) for i in range(len(tasks))]
            return [future.result() for future in futures]
    finally:
        _TASKS = []
