from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kim_dash.data import DEFAULT_DATA_DIR, Dataset, load_dataset

ROOT = Path(__file__).resolve().parents[1]
SHARED_GEO = ROOT.parent / "shared" / "reference" / "geo"


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load_dataset(DEFAULT_DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder, for making bad cases."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def data_digest() -> dict[str, bytes]:
    return {str(p.relative_to(DEFAULT_DATA_DIR)): p.read_bytes() for p in sorted(DEFAULT_DATA_DIR.rglob("*")) if p.is_file()}
