"""The README's command line is true: its reference is the parser's, and every example runs as written
with the `kim-dash` command that `pip install -e .` (the README's set-up command) installs."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.cli.reference import END, START, replace_reference
from kim_dash.store.seeding import STORE_FILE, default_store

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
EXAMPLE = re.compile(r"\.venv/bin/kim-dash [^`\n]*")


def readme_examples() -> list[str]:
    """Every `.venv/bin/kim-dash …` command in README, in order, without its trailing comment."""
    text = README.read_text(encoding="utf-8")
    return [m.group(0).split("  #")[0].strip() for m in EXAMPLE.finditer(text)]


def test_the_reference_is_the_parsers() -> None:
    text = README.read_text(encoding="utf-8")
    assert START in text and END in text
    assert replace_reference(text) == text, "run: python scripts/cli_reference.py"


def test_the_readme_shows_examples_of_every_command() -> None:
    commands = {"validate", "export", "plan", "brief", "import", "snapshots"}
    shown = {c for c in commands if any(c in shlex.split(line) for line in readme_examples())}
    assert shown == commands


def installed_command() -> Path:
    command = Path(sys.executable).parent / "kim-dash"
    if not command.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("kim-dash is not installed: scripts/test.sh runs `pip install -e .`")
        pytest.skip("kim-dash is not installed in this venv (pip install -e .)")
    return command


@pytest.mark.slow
def test_every_readme_example_runs_as_written(tmp_path: Path, data_copy: Path, geography) -> None:
    command = installed_command()
    # An operator points the command at a store with KIM_DATABASE_URL: a seeded copy keeps data/ untouched.
    default_store(data_copy, geography, create=True)
    # The monthly-import steps name a registry file: the shipped sample's Bogor rows stand in for it.
    registry = pd.read_csv(ROOT / "data" / "registry.csv", dtype=str)
    registry.to_excel(tmp_path / "rekap_juni_2025.xlsx", index=False)
    env = {**os.environ, "KIM_DATABASE_URL": f"sqlite:///{data_copy / STORE_FILE}"}
    shown = subprocess.run([str(command), "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and shown.stdout.startswith("usage: kim-dash"), shown.stderr[-1500:]
    examples = readme_examples()
    assert len(examples) >= 10
    for line in examples:
        args = shlex.split(line)
        result = subprocess.run(
            [str(command), *args[1:]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 0, f"{line}\n{result.stderr[-1500:]}"
        assert result.stdout.strip() or "--out" in args or args[1] == "brief", line  # each says something
    assert (tmp_path / "brief.pdf").read_bytes().startswith(b"%PDF")
    assert shutil.which("kim-dash", path=str(command.parent))
