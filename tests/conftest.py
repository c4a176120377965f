from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

from kim_dash.model.regency import RegencyData, regency_data
from kim_dash.sources.geography import Geography, load_geography
from kim_dash.store.dataset import DEFAULT_DATA_DIR, Dataset, load_dataset

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHARED_GEO = SHARED / "reference" / "geo"
BOGOR = "32.01"


@pytest.fixture(scope="session")
def geography() -> Geography:
    return load_geography(DEFAULT_DATA_DIR)


@pytest.fixture(scope="session")
def dataset(geography) -> Dataset:
    return load_dataset(DEFAULT_DATA_DIR, geography=geography)


@pytest.fixture(scope="session")
def bogor(dataset) -> RegencyData:
    return regency_data(dataset, BOGOR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder, for making bad cases and stores."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target, ignore=shutil.ignore_patterns("kim.sqlite", "boundaries"))
    return target


def data_digest() -> dict[str, bytes]:
    return {
        str(p.relative_to(DEFAULT_DATA_DIR)): p.read_bytes()
        for p in sorted(DEFAULT_DATA_DIR.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def downloads(monkeypatch) -> dict[str, tuple[bytes, str]]:
    """Capture the bytes behind every download button: media id -> (data, file name)."""
    store: dict[str, tuple[bytes, str]] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def recording(self, path_or_data, mimetype, kind, filename=None):
        file_id = original(self, path_or_data, mimetype, kind, filename)
        store[file_id] = (path_or_data if isinstance(path_or_data, bytes) else b"", filename or "")
        return file_id

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", recording)
    return store


# Whole modules that are sweeps or start processes by design: every URL payload on every page, the
# page x regency x date x language matrix, concurrent and killed importers, silent databases, replicas,
# the golden files, the one-language walk, stores that go away and bad dates on every page.
SLOW_MODULES = {
    "test_url_values.py",
    "test_app_grain.py",
    "test_store_waits.py",
    "test_store_kill.py",
    "test_store_races.py",
    "test_replicas_heal.py",
    "test_golden_outputs.py",
    "test_one_language.py",
    "test_store_failures.py",
    "test_dates.py",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A browser test is a slow test (`make test-fast` runs -m "not slow"; CI runs all). The slow ones go
    first: with `-n 2` both workers stay busy to the end instead of one finishing a browser test alone."""
    for item in items:
        if item.get_closest_marker("browser") or item.path.name in SLOW_MODULES:
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
