"""The package's shape shows the pipeline: stage folders whose imports run one way only.

Every import in kg/ (at the top of a module or inside a function) is read with ``ast``; a
module may import its own stage or a stage before it, never one after it, and no chain of
imports leads back to where it started.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

#: the stages in the order data flows; the conductor modules at the top import them all
STAGES = ["vocab", "text", "ingest", "extract", "graph", "sparql", "publish"]
CONDUCTOR = {
    "kg.parallel": -1,
    "kg.cache": 99,
    "kg.pipeline": 99,
    "kg.cli": 100,
    "kg.__main__": 101,
    "kg": 102,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(KG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(KG.rglob("*.py"))}


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The kg modules ``path`` imports (``from kg.x import y`` counts kg.x.y when that is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "kg")
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] != "kg":
                continue
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                found.add(sub if sub in known else node.module)
    return {m for m in found if m in known}


def rank(module: str) -> int:
    if module in CONDUCTOR:
        return CONDUCTOR[module]
    stage = module.split(".")[1]
    assert stage in STAGES, f"{module} is in no stage folder (one of {STAGES})"
    return STAGES.index(stage)


def graph() -> dict[str, set[str]]:
    mods = modules()
    return {name: imports_of(path, set(mods)) - {name} for name, path in mods.items()}


def test_every_module_lives_in_a_stage_folder_or_conducts_them():
    loose = [
        m for m in modules() if m.count(".") == 1 and m not in CONDUCTOR and m.split(".")[1] not in STAGES
    ]
    assert loose == [], f"modules beside the stage folders: {loose}"


@pytest.mark.parametrize("module", sorted(modules()))
def test_imports_run_one_way(module):
    late = sorted(dep for dep in graph()[module] if rank(dep) > rank(module) and dep != "kg")
    assert late == [], f"{module} imports a later stage: {late}"


def test_no_import_circles():
    deps = graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(deps[node]):
            if dep == "kg":  # the package's own __init__ imports nothing at import time
                continue
            if state.get(dep) == 1:
                raise AssertionError("import circle: " + " -> ".join([*path, node, dep]))
            if dep not in state:
                visit(dep, [*path, node])
        state[node] = 2

    for module in sorted(deps):
        if module not in state:
            visit(module, [])


def test_no_module_shares_its_name_with_a_function_of_its_package():
    import kg

    clashes = [m for m in modules() if m.count(".") == 1 and callable(getattr(kg, m.split(".")[1], None))]
    assert clashes == []


def test_the_readme_layout_matches_the_tree():
    """README's "How it works" names every stage folder and every conducting module, in the
    order data flows, and nothing that is not there."""
    readme = (KG.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How it works", 1)[1].split("\n## ", 1)[0]
    tree = section.split("```", 2)[1]
    named = [line.split()[0] for line in tree.splitlines() if line.strip() and not line.startswith("    ")]
    folders = [n.rstrip("/") for n in named if n.endswith("/") and n != "kg/"]
    assert folders == STAGES
    for name in named:
        target = KG / name.rstrip("/") if name != "kg/" else KG
        assert target.exists(), f"README names {name}, which kg/ does not hold"
    for module in ("pipeline.py", "cli.py"):
        assert module in named
