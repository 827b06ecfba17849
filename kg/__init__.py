"""lgkg: a knowledge graph of legal-governance initiatives read from Chinese government annual reports.

``kg.build(paths)`` reads reports and returns the graph; the ``kg`` command is a thin
skin over these functions.
"""

from __future__ import annotations

import sys
import types

__version__ = "0.1.0"


def build(paths, **options):
    """Build the knowledge graph of the reports under ``paths``; returns a :class:`kg.build.BuildResult`."""
    from kg.build import build as _build

    return _build(paths, **options)


def query(graph, q: str, params=None, engine: str = "auto"):
    """Ask ``graph`` (an rdflib Graph, a BuildResult, or a graph file/folder) a SPARQL query.

    ``q`` is SPARQL text, a ``.rq`` file or a canned question's name (``kg queries``).
    Returns a pandas DataFrame when pandas is installed, else a list of dicts; ASK gives a bool.
    """
    from kg.query import frame, run

    graph = getattr(graph, "graph", graph)  # a BuildResult carries its graph
    result = run(graph, q, params=params, engine=engine)
    if result.kind == "ask":
        return bool(result.boolean)
    if result.kind == "graph":
        return result.graph
    return frame(result)


class _Package(types.ModuleType):
    """Keeps ``kg.build`` and ``kg.query`` the functions above.

    Importing the submodules kg/build.py or kg/query.py would otherwise rebind these names
    to the modules (Python sets a package attribute for every submodule it loads), and
    ``kg.build(paths)`` would fail depending on what happened to be imported before.
    The modules stay reachable as ``from kg.build import …`` and ``sys.modules["kg.build"]``.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in ("build", "query") and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
