from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

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
