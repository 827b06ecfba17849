"""The code stays ruff-clean: the same check a reviewer would run."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT


def test_ruff_is_clean():
    ruff = shutil.which("ruff")
    if ruff is None:
        pytest.skip("ruff is not installed (pip install -e '.[test]')")
    proc = subprocess.run([ruff, "check", "kg", "tests"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout
