"""Load and validate a data folder: load_dataset(path) -> Dataset, or DatasetError with every problem."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from kim_dash import names
from kim_dash.problems import DatasetError, Problem
from kim_dash.schema import CODE_PATTERNS, FIELDS_OF_ACTIVITY, FIRST_YEAR, SPECS, build_schema, typed

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "data"
FILES: dict[str, str] = {
    "provinces": "reference/provinces.csv",
    "regencies": "reference/regencies.csv",
    "kecamatan": "reference/kecamatan.csv",
    "desa": "reference/desa.csv",
    "national": "national_kim_2014.csv",
    "registry": "registry.csv",
    "history": "kim_history.csv",
    "targets": "targets.csv",
}
REQUIRED_TARGETS = ("kim_total", "kim_per_desa")
__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset", "validate_frame", "read_csv_text"]


@dataclass(frozen=True)
class Dataset:
    provinces: pd.DataFrame
    regencies: pd.DataFrame
    kecamatan: pd.DataFrame
    desa: pd.DataFrame
    national: pd.DataFrame
    registry: pd.DataFrame
    history: pd.DataFrame
    targets: pd.DataFrame
    origin: dict[str, str] = field(default_factory=dict)  # kind -> where it came from (file name)
    # derived tables computed once per dataset (see memo()); never part of equality or repr
    _memo: dict = field(default_factory=dict, compare=False, repr=False)

    def memo(self, key: tuple, compute):
        """Compute a derived table once per dataset: the app keeps one Dataset per process."""
        if key not in self._memo:
            if len(self._memo) >= 512:  # filter combinations are many; keep memory bounded
                self._memo.clear()
            self._memo[key] = compute()
        return self._memo[key]

    def target(self, target_id: str) -> float:
        return float(self.targets.set_index("id").loc[target_id, "value"])

    def with_frame(self, kind: str, frame: pd.DataFrame, origin: str) -> Dataset:
        """A copy with one table replaced (an upload): the curated files are never touched."""
        return replace(self, **{kind: frame}, origin={**self.origin, kind: origin}, _memo={})

    @property
    def registry_has_illustrative(self) -> bool:
        return bool((self.registry["source"] == "illustrative").any())

    @property
    def is_sample(self) -> bool:
        return not any(v.startswith("upload:") for v in self.origin.values())


def read_csv_text(raw: bytes, file: str) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Decode UTF-8 (BOM allowed) strictly and parse every cell as text."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        bad = raw[err.start : err.start + 1].hex()
        return None, [Problem(file, line, None, None, "undecodable", f"byte 0x{bad}")]
    if not text.strip():
        return None, [Problem(file, None, None, None, "empty_file")]
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=False)
    except pd.errors.ParserError as err:
        return None, [Problem(file, None, None, None, "malformed", str(err).strip())]
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.apply(lambda s: s.str.strip()), []


def _reason_and_detail(check: str, kind: str, column: str, value: str) -> tuple[str, str]:
    if check.startswith("bad_code:"):
        return "bad_code", CODE_PATTERNS[check.split(":")[2]][1]
    if check == "not_allowed":
        spec = next(c for c in SPECS[kind] if c.name == column)
        return "not_allowed", ", ".join(spec.choices)
    if check == "not_allowed_fields":
        return "not_allowed", ", ".join(FIELDS_OF_ACTIVITY)
    if check == "bad_year":
        return "bad_year", f"{FIRST_YEAR}–{dt.date.today().year}"
    if check == "field_uniqueness":
        return "duplicate", ""
    if check == "column_in_dataframe":
        return "missing_column", ""
    if check == "column_in_schema":
        return "extra_column", ""
    return check, ""


def validate_frame(
    kind: str,
    frame: pd.DataFrame,
    refs: dict[str, Collection[str]],
    file: str,
    first_row: int = 2,
    names_by_code: dict[str, dict[str, str]] | None = None,
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Validate an all-text frame against its schema; rows are numbered from `first_row`."""
    problems: list[Problem] = []
    try:
        build_schema(kind, refs).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        for case in errors.failure_cases.itertuples(index=False):
            check = str(case.check)
            if check.startswith("column_in"):
                problems.append(
                    Problem(
                        file,
                        None,
                        str(case.failure_case),
                        str(case.failure_case),
                        _reason_and_detail(check, kind, "", "")[0],
                    )
                )
                continue
            if case.index is None or pd.isna(case.index):
                continue
            value = str(case.failure_case)
            reason, detail = _reason_and_detail(check, kind, str(case.column), value)
            if reason.startswith("unknown_") and names_by_code:
                level = reason.removeprefix("unknown_")
                guess = names.suggest(value, names_by_code.get(level, {}))
                detail = guess or ""
            problems.append(
                Problem(file, int(case.index) + first_row, str(case.column), value, reason, detail)
            )
    problems += _relational_problems(kind, frame, refs, file, first_row)
    # an unknown place says more than "not code-shaped" (it may be a misspelt name): keep only that
    unknown_cells = {(p.row, p.column) for p in problems if p.reason.startswith("unknown_")}
    problems = [p for p in problems if not (p.reason == "bad_code" and (p.row, p.column) in unknown_cells)]
    # a desa named inside an unknown kecamatan cannot be looked up yet: report the kecamatan only
    lost_rows = {p.row for p in problems if p.reason == "unknown_kecamatan" and p.column == "kecamatan_code"}
    desa_code = CODE_PATTERNS["desa"][0]
    problems = [
        p
        for p in problems
        if not (p.column == "desa_code" and p.row in lost_rows and not desa_code.match(p.value or ""))
    ]
    problems = sorted(set(problems), key=lambda p: (p.row or 0, p.column or "", p.reason))
    if problems:
        return None, problems
    return typed(kind, frame), []


def _relational_problems(
    kind: str, frame: pd.DataFrame, refs: dict[str, Collection[str]], file: str, first_row: int
) -> list[Problem]:
    """Checks across files that a column schema cannot state: a desa must lie in its kecamatan."""
    desa_kecamatan = refs.get("desa_kecamatan")
    if kind != "registry" or not isinstance(desa_kecamatan, dict):
        return []
    if not {"desa_code", "kecamatan_code"} <= set(frame.columns):
        return []
    problems = []
    for i, (desa, kecamatan) in enumerate(zip(frame["desa_code"], frame["kecamatan_code"])):
        home = desa_kecamatan.get(desa)
        if home is not None and kecamatan in refs.get("kecamatan", ()) and home != kecamatan:
            problems.append(
                Problem(file, i + first_row, "desa_code", desa, "desa_not_in_kecamatan", kecamatan)
            )
    return problems


def reference_refs(
    provinces: pd.DataFrame | None,
    regencies: pd.DataFrame | None,
    kecamatan: pd.DataFrame | None,
    desa: pd.DataFrame | None,
) -> dict[str, Collection[str]]:
    refs: dict[str, Collection[str]] = {}
    if provinces is not None:
        refs["province"] = set(provinces["code"])
    if regencies is not None:
        refs["regency"] = set(regencies["code"])
    if kecamatan is not None:
        refs["kecamatan"] = set(kecamatan["code"])
    if desa is not None:
        refs["desa"] = set(desa["code"])
        refs["desa_kecamatan"] = dict(zip(desa["code"], desa["kecamatan_code"]))
    return refs


def names_index(frames: dict[str, pd.DataFrame | None]) -> dict[str, dict[str, str]]:
    """code -> name per reference level, for "did you mean" suggestions."""
    out = {}
    for level, kind in [
        ("province", "provinces"),
        ("regency", "regencies"),
        ("kecamatan", "kecamatan"),
        ("desa", "desa"),
    ]:
        frame = frames.get(kind)
        if frame is not None:
            out[level] = dict(zip(frame["code"], frame["name"]))
    return out


def load_dataset(path: str | Path = DEFAULT_DATA_DIR) -> Dataset:
    """Read and validate every file of a data folder; raise DatasetError listing all problems."""
    folder = Path(path)
    problems: list[Problem] = []
    frames: dict[str, pd.DataFrame | None] = {}
    # reference files first: the others are checked against them
    for kind, rel in FILES.items():
        file_path = folder / rel
        if not file_path.is_file():
            problems.append(Problem(rel, None, None, None, "missing_file"))
            frames[kind] = None
            continue
        raw_frame, read_problems = read_csv_text(file_path.read_bytes(), rel)
        problems += read_problems
        if raw_frame is None:
            frames[kind] = None
            continue
        refs = reference_refs(
            frames.get("provinces"), frames.get("regencies"), frames.get("kecamatan"), frames.get("desa")
        )
        typed_frame, frame_problems = validate_frame(
            kind, raw_frame, refs, rel, names_by_code=names_index(frames)
        )
        problems += frame_problems
        frames[kind] = typed_frame
    targets = frames.get("targets")
    if targets is not None:
        for target_id in REQUIRED_TARGETS:
            if target_id not in set(targets["id"]):
                problems.append(Problem(FILES["targets"], None, "id", target_id, "missing_target"))
    if problems:
        raise DatasetError(problems)
    return Dataset(**frames, origin={kind: rel for kind, rel in FILES.items()})  # type: ignore[arg-type]
