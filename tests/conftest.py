"""Shared fixtures: the seed reports and the graph built from them (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPORTS = ROOT / "exports"


@pytest.fixture(scope="session")
def seed_build():
    from kg.pipeline import build

    return build(SEEDS)


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    return seed_build.graph
