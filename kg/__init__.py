"""lgkg: a knowledge graph of legal-governance initiatives read from Chinese government annual reports.

``kg.build(paths)`` reads reports and returns the graph; the ``kg`` command is a thin
skin over these functions.
"""

from __future__ import annotations

__version__ = "0.1.0"


def build(paths, **options):
    """Build the knowledge graph of the reports under ``paths``; returns a :class:`kg.build.BuildResult`."""
    from kg.build import build as _build

    return _build(paths, **options)
