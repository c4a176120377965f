"""Reference geography of Indonesia (Kemendagri 2025 codes): loaded and validated once per process.

38 provinces, 514 kabupaten/kota, 7,285 kecamatan and 83,762 desa/kelurahan. Every per-regency view
asks this object for its slice (kecamatan_in, desa_in), which is cut once and then kept.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kim_dash.sources.kinds import Level
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.readers.curated import read_data_csv
from kim_dash.sources.validate import validate_frame

REFERENCE_FILES = {
    "provinces": "reference/provinces.csv",
    "regencies": "reference/regencies.csv",
    "kecamatan": "reference/kecamatan.csv",
    "desa": "reference/desa.csv",
}
LEVELS: dict[Level, str] = {
    "province": "provinces",
    "regency": "regencies",
    "kecamatan": "kecamatan",
    "desa": "desa",
}


@dataclass(eq=False)
class Geography:
    provinces: pd.DataFrame
    regencies: pd.DataFrame
    kecamatan: pd.DataFrame  # with regency_code
    desa: pd.DataFrame  # with kecamatan_code and regency_code derived from the code
    _slices: dict = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._kecamatan_rows = self.kecamatan.groupby("regency_code").indices
        self._desa_rows = self.desa.groupby("regency_code").indices

    def _slice(self, key: tuple, make):
        if key not in self._slices:
            self._slices[key] = make()
        return self._slices[key]

    def kecamatan_in(self, regency: str) -> pd.DataFrame:
        rows = self._kecamatan_rows.get(regency, [])
        return self._slice(("kecamatan", regency), lambda: self.kecamatan.iloc[rows].reset_index(drop=True))

    def desa_in(self, regency: str) -> pd.DataFrame:
        rows = self._desa_rows.get(regency, [])
        return self._slice(("desa", regency), lambda: self.desa.iloc[rows].reset_index(drop=True))

    def names(self, level: Level, regency: str | None = None) -> dict[str, str]:
        """code -> name for a level, optionally only inside one regency."""

        def make() -> dict[str, str]:
            if regency is None:
                frame = getattr(self, LEVELS[level])
            else:
                frame = self.kecamatan_in(regency) if level == "kecamatan" else self.desa_in(regency)
            return dict(zip(frame["code"], frame["name"], strict=True))

        return self._slice(("names", level, regency), make)

    def regency_name(self, code: str) -> str:
        return self.names("regency").get(code, code)

    def refs(self, regency: str | None = None) -> dict[str, Collection[str]]:
        """Known codes per level for validation; with a regency, kecamatan and desa only inside it."""

        def make() -> dict[str, Collection[str]]:
            if regency is None:
                return {level: frozenset(getattr(self, table)["code"]) for level, table in LEVELS.items()}
            return {
                "province": frozenset(self.provinces["code"]),
                "regency": frozenset(self.regencies["code"]),
                "kecamatan": frozenset(self.kecamatan_in(regency)["code"]),
                "desa": frozenset(self.desa_in(regency)["code"]),
            }

        return self._slice(("refs", regency), make)

    def names_index(self, regency: str | None = None) -> dict[str, dict[str, str]]:
        """code -> name per level, for "did you mean" hints (inside the regency when one is given)."""
        return {
            level: self.names(level, regency if level in ("kecamatan", "desa") else None) for level in LEVELS
        }


def read_data_file(folder: Path, relative: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """A curated CSV of the data folder as an all-text frame, under the data-file parse budget."""
    path = folder / relative
    if not path.is_file():
        return None, [Problem(relative, None, None, None, "missing_file")]
    try:
        return read_data_csv(path.read_bytes(), relative), []
    except DatasetError as err:
        return None, err.problems


_LOADED: dict[tuple, Geography] = {}


def load_geography(folder: str | Path) -> Geography:
    """The reference geography of a data folder, read and validated once per process (and again only
    when a reference file changes); raises DatasetError listing every problem."""
    folder = Path(folder).resolve()
    stamp = tuple(
        (rel, p.stat().st_mtime_ns, p.stat().st_size) if (p := folder / rel).is_file() else (rel,)
        for rel in REFERENCE_FILES.values()
    )
    key = (str(folder), stamp)
    if key not in _LOADED:
        if len(_LOADED) >= 2:  # a data folder or two per process: keep memory flat
            _LOADED.pop(next(iter(_LOADED)))
        _LOADED[key] = _read_geography(folder)
    return _LOADED[key]


def _read_geography(folder: Path) -> Geography:
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame] = {}
    refs: dict[str, Collection[str]] = {}
    for kind, relative in REFERENCE_FILES.items():  # parents first: the others are checked against them
        raw, read_problems = read_data_file(folder, relative)
        problems += read_problems
        if raw is None:
            continue
        typed, kind_problems = validate_frame(kind, raw, refs, relative)
        problems += kind_problems
        if typed is not None:
            frames[kind] = typed
            refs[{v: k for k, v in LEVELS.items()}[kind]] = frozenset(typed["code"])
    if problems:
        raise DatasetError(problems)
    desa = frames["desa"]
    desa = desa.assign(kecamatan_code=desa["code"].str[:8], regency_code=desa["code"].str[:5])
    return Geography(frames["provinces"], frames["regencies"], frames["kecamatan"], desa)
