"""Fixtures of the store tests: test_store*.py load this module through `pytest_plugins` (never import it)."""

from __future__ import annotations

import functools
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.cli import commands, store_commands
from kim_dash.sources.geography import Geography, load_geography
from kim_dash.store.dataset import DEFAULT_DATA_DIR
from tests.store_backends import BACKENDS, Backend, Cli, fresh_store


@pytest.fixture(params=BACKENDS)
def store_backend(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Backend]:
    """A fresh, empty store on each backend."""
    with fresh_store(request.param, tmp_path) as made:
        yield made


@pytest.fixture(scope="session")
def store_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of data/ for the CLI's --data (the --db tests never write into it)."""
    target = tmp_path_factory.mktemp("store") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target, ignore=shutil.ignore_patterns("kim.sqlite"))
    return target


@pytest.fixture(scope="session")
def read_geography() -> Callable[[Path], Geography]:
    """load_geography, once per folder: the reference geography (83,762 desa) is only ever read."""
    return functools.cache(load_geography)


@pytest.fixture(scope="session")
def store_geography(store_data: Path, read_geography) -> Geography:
    return read_geography(store_data)


@pytest.fixture
def kim_cli(capsys: pytest.CaptureFixture, store_data: Path, read_geography, monkeypatch) -> Cli:
    monkeypatch.setattr(commands, "load_geography", read_geography)
    monkeypatch.setattr(store_commands, "load_geography", read_geography)
    return Cli(capsys, store_data)


@dataclass(frozen=True)
class Uploads:
    first: Path  # the shipped registry of Kabupaten Bogor
    second: Path  # the same, with one KIM gone in Citeureup and three new in Cariu
    invalid: Path  # the same, with a kecamatan that does not exist
    counts: Path  # the shipped count table of Kabupaten Bandung
    national: Path


CARIU = [
    {
        "id": f"KIM-900{i}",
        "name": f"KIM Cariu {name}",
        "kecamatan_code": "32.01.08",
        "desa_code": desa,
        "year_formed": "2024",
        "status": "aktif",
        "fields": "pertanian",
        "source": "illustrative",
    }
    for i, (name, desa) in enumerate(
        [("Satu", "32.01.08.2005"), ("Dua", "32.01.08.2001"), ("Tiga", "32.01.08.2006")], 1
    )
]


@pytest.fixture(scope="session")
def uploads(tmp_path_factory: pytest.TempPathFactory, store_data: Path) -> Uploads:
    folder = tmp_path_factory.mktemp("uploads")
    registry = pd.read_csv(store_data / "registry.csv", dtype=str, keep_default_na=False)
    first = folder / "registry_januari.csv"
    shutil.copyfile(store_data / "registry.csv", first)
    second = pd.concat([registry[registry["id"] != "KIM-0004"], pd.DataFrame(CARIU)])
    second.to_csv(folder / "registry_juni.csv", index=False)
    invalid = registry.copy()
    invalid.loc[5, "kecamatan_code"] = "32.01.99"
    invalid.to_csv(folder / "registry_salah.csv", index=False)
    return Uploads(
        first,
        folder / "registry_juni.csv",
        folder / "registry_salah.csv",
        store_data / "sample_counts_bandung.csv",
        store_data / "national_kim_2014.csv",
    )
