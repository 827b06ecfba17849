"""The README is part of the product: its commands exist and its SPARQL example runs."""

from __future__ import annotations

import re

from conftest import ROOT

from kg.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def registered_commands() -> list[str]:
    return sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_every_cli_command_is_documented():
    missing = [c for c in registered_commands() if f"kg {c}" not in README]
    assert not missing, f"commands not in README.md: {missing}"


def test_readme_sparql_example_runs_on_the_seed_graph(seed_graph):
    query = re.search(r"kg query exports/graph\.ttl '(.*?)'", README, re.S).group(1)
    rows = list(seed_graph.query(query))
    assert rows, "the README's example query returns nothing on the seed graph"
    assert all("法律援助" in str(row[3]) or "援助" in str(row[3]) for row in rows)
