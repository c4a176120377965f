"""python -m kim_dash: validate data, export the dashboard's tables, plan new KIM.

Uses the same functions as the pages, so an extract and the screen cannot disagree.
Exit codes: 0 success, 1 invalid data, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kim_dash import export, names
from kim_dash.apportion import METHODS
from kim_dash.data import DEFAULT_DATA_DIR, Dataset, load_dataset
from kim_dash.ingest import ingest
from kim_dash.planner import MODES, bogor_units, load_weights, make_plan
from kim_dash.problems import DatasetError
from kim_dash.ranking import BAND_LABELS, RankingFilter


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kim_dash", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="data folder (default: the shipped sample in data/)",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check a data folder or one registry/national CSV or XLSX")
    validate.add_argument("path", nargs="?", type=Path, help="folder or file (default: --data)")
    validate.add_argument("--lang", choices=["en", "id"], default="en")

    exp = sub.add_parser("export", help="write the ranking, kecamatan or registry table")
    exp.add_argument("table", choices=["ranking", "kecamatan", "registry"])
    exp.add_argument("--province", action="append", default=[], help="code or name (repeatable)")
    exp.add_argument("--type", action="append", default=[], choices=["Kabupaten", "Kota"])
    exp.add_argument("--band", action="append", default=[], choices=list(BAND_LABELS))
    exp.add_argument("--search", default="", help="name contains (ranking, registry)")
    exp.add_argument("--kecamatan", action="append", default=[], help="code or name (repeatable)")
    exp.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    exp.add_argument("--out", type=Path, help="file to write (default: CSV to stdout)")

    plan = sub.add_parser("plan", help="propose where new KIM go to reach a target total")
    plan.add_argument("--target", type=int, required=True)
    plan.add_argument(
        "--weights", default="equal", help="equal | desa | FILE.csv (code,weight[,name,current])"
    )
    plan.add_argument("--method", choices=list(METHODS), default="hamilton")
    plan.add_argument("--mode", choices=list(MODES), default="topup")
    plan.add_argument("--format", choices=["csv", "json"], default="csv")
    plan.add_argument("--out", type=Path)
    return parser


def _resolve(values: list[str], names_by_code: dict[str, str], what: str) -> tuple[str, ...]:
    codes = []
    for value in values:
        code = names.match(value, names_by_code)
        if code is None:
            hint = names.suggest(value, names_by_code)
            raise UsageError(f"unknown {what} {value!r}" + (f" (did you mean {hint}?)" if hint else ""))
        codes.append(code)
    return tuple(codes)


def _write(data: bytes, out: Path | None) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        out.write_bytes(data)


def cmd_validate(args: argparse.Namespace) -> int:
    target = args.path or args.data
    if target.is_dir():
        try:
            load_dataset(target)
        except DatasetError as err:
            for problem in err.problems:
                print(problem.line(args.lang))
            return 1
        print(f"{target}: valid")
        return 0
    if not target.is_file():
        raise UsageError(f"no such file or folder: {target}")
    dataset = load_dataset(args.data)
    result = ingest(target.read_bytes(), target.name, dataset)
    for problem in result.problems:
        print(problem.line(args.lang))
    if result.problems:
        return 1
    print(f"{target}: valid {result.kind} file, {result.rows} rows")
    return 0


def export_table(dataset: Dataset, args: argparse.Namespace):
    if args.table == "ranking":
        provinces = dict(zip(dataset.provinces["code"], dataset.provinces["name"]))
        flt = RankingFilter(
            _resolve(args.province, provinces, "province"), tuple(args.type), tuple(args.band), args.search
        )
        return export.ranking_extract(dataset, flt)
    kecamatan_names = dict(zip(dataset.kecamatan["code"], dataset.kecamatan["name"]))
    chosen = _resolve(args.kecamatan, kecamatan_names, "kecamatan")
    if args.table == "kecamatan":
        return export.kecamatan_extract(dataset, chosen)
    return export.registry_extract(dataset, chosen, args.search)


def cmd_export(args: argparse.Namespace) -> int:
    dataset = load_dataset(args.data)
    _write(export.to_bytes(export_table(dataset, args), args.format), args.out)
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    if args.target < 0:
        raise UsageError("--target must be >= 0")
    if args.weights in ("equal", "desa"):
        units = bogor_units(load_dataset(args.data), args.weights)
    else:
        path = Path(args.weights)
        if not path.is_file():
            raise UsageError(f"--weights: no such file {path}")
        try:
            dataset = load_dataset(args.data)
        except DatasetError:
            dataset = None
        units = load_weights(path, dataset)
    plan = make_plan(units, args.target, args.method, args.mode)
    if args.format == "json":
        data = (json.dumps(plan.to_dict(orient="records"), ensure_ascii=False, indent=1) + "\n").encode()
    else:
        data = export.to_csv_bytes(plan)
    _write(data, args.out)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        return {"validate": cmd_validate, "export": cmd_export, "plan": cmd_plan}[args.command](args)
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except DatasetError as err:
        for problem in err.problems:
            print(problem.line(), file=sys.stderr)
        return 1
