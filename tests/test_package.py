"""The package as a user installs it: a wheel in a fresh venv builds the seeds from any folder.

CI (`.ci/run`) builds the wheel, installs it into a fresh venv and names it in
``LGKG_WHEEL_VENV``; without it the test is skipped, unless ``LGKG_REQUIRE_WHEEL`` says it
must run (as CI does).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import EXPORTS, SEEDS

VENV = os.environ.get("LGKG_WHEEL_VENV")

pytestmark = pytest.mark.skipif(
    not VENV and not os.environ.get("LGKG_REQUIRE_WHEEL"),
    reason="no installed wheel (LGKG_WHEEL_VENV); .ci/run makes one",
)


def test_an_installed_wheel_builds_the_seeds_from_another_folder_like_the_checkout(tmp_path):
    assert VENV, "LGKG_REQUIRE_WHEEL is set but LGKG_WHEEL_VENV names no venv"
    kg = Path(VENV) / "bin" / "kg"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    proc = subprocess.run(
        [str(kg), "build", str(SEEDS), "--out", str(elsewhere / "out")],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "outcomes.csv", "initiatives.csv"):
        assert (elsewhere / "out" / name).read_bytes() == (EXPORTS / name).read_bytes(), name
    located = subprocess.run(
        [str(Path(VENV) / "bin" / "python"), "-c", "import kg.vocab.ontology as o; print(o.ONTOLOGY_DIR)"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert "site-packages" in located.stdout, "the installed kg reads its own vocabulary, not the checkout's"
