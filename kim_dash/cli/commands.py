"""The commands: each opens the data the way the app does and calls the same functions as a page."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd

from kim_dash.cli.checks import UsageError, ambiguous, output_path
from kim_dash.i18n import t
from kim_dash.model.plan_request import PlanRequest, plan_notes, plan_table, run_plan
from kim_dash.model.ranking import RankingFilter, province_summary
from kim_dash.model.regency import regency_data
from kim_dash.outputs import writers as export
from kim_dash.outputs.extract_tables import kecamatan_extract, ranking_extract, registry_extract, slug_of
from kim_dash.sources import names
from kim_dash.sources.geography import Geography, load_geography
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.provenance import is_published
from kim_dash.sources.upload import ingest
from kim_dash.store.database import Store
from kim_dash.store.dataset import Dataset, load_curated, load_dataset
from kim_dash.store.seeding import default_store


def resolve(values: list[str], names_by_code: dict[str, str], what: str) -> tuple[str, ...]:
    codes = []
    for value in values:
        code = names.match(value, names_by_code)
        if code is None:
            ambiguous(value, names_by_code, what)
            hint = names.suggest(value, names_by_code)
            raise UsageError(f"unknown {what} {value!r}" + (f" (did you mean {hint}?)" if hint else ""))
        codes.append(code)
    return tuple(codes)


def open_store(args: argparse.Namespace, geography: Geography, create: bool = False) -> Store:
    return Store.from_url(args.db, create) if args.db else default_store(args.data, geography, create=create)


def open_dataset(args: argparse.Namespace) -> Dataset:
    url_store = probed_url_store(args)
    geography = load_geography(args.data)
    return load_dataset(args.data, url_store or open_store(args, geography), args.as_of, geography)


def probed_url_store(args: argparse.Namespace) -> Store | None:
    """The --db store, asked once before the (slow) geography is read: a silent database fails fast."""
    if not args.db:
        return None
    store = Store.from_url(args.db)
    store.version()
    return store


def regency_code(args: argparse.Namespace, geography: Geography) -> str:
    return resolve([args.regency], geography.names("regency"), "kabupaten/kota")[0]


def write(data: bytes, out: Path | None) -> None:
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        output_path(out).write_bytes(data)


def cmd_validate(args: argparse.Namespace) -> int:
    target = args.path or args.data
    if target.is_dir():
        try:
            geography = load_geography(target)
            load_curated(target, geography)
            open_dataset(argparse.Namespace(**{**vars(args), "data": target}))
        except DatasetError as err:
            for problem in err.problems:
                print(problem.line(args.lang))
            return 1
        print(f"{target}: valid")
        return 0
    if not target.is_file():
        raise UsageError(f"no such file or folder: {target}")
    geography = load_geography(args.data)
    result = ingest(
        target.read_bytes(), target.name, geography, args.kind, regency_code(args, geography), args.sheet
    )
    for problem in result.problems:
        print(problem.line(args.lang))
    if result.problems:
        return 1
    print(f"{target}: valid {result.kind} file, {result.rows} rows")
    return 0


def export_frame(dataset: Dataset, args: argparse.Namespace) -> tuple[pd.DataFrame, str]:
    geography = dataset.geography
    if args.table in ("ranking", "provinces"):
        if args.table == "provinces":
            return province_summary(dataset), "provinces"
        flt = RankingFilter(
            resolve(args.province, geography.names("province"), "province"),
            tuple(args.type),
            tuple(args.band),
            args.search,
        )
        return ranking_extract(dataset, flt), "ranking"
    if args.table == "reports":  # every published report on or before --as-of, each with its own date
        from kim_dash.outputs.grain_extracts import reports_extract

        return reports_extract(dataset), "reports"
    regency = regency_data(dataset, regency_code(args, geography))
    chosen = resolve(args.kecamatan, geography.names("kecamatan", regency.code), "kecamatan")
    if args.table == "kecamatan":
        from kim_dash.model.grain import regency_view
        from kim_dash.outputs.grain_extracts import known_kecamatan

        view = regency_view(dataset, regency.code)
        if not view.full:  # no invented zero rows: what is known per kecamatan, unknown cells empty
            return known_kecamatan(view, chosen), "kecamatan"
        return kecamatan_extract(regency, chosen), "kecamatan"
    if args.table == "registry":
        return registry_extract(regency, chosen, args.search), "registry"
    from kim_dash.model.history import snapshot_progress
    from kim_dash.model.planner import desa_saturation

    if args.table == "saturation":
        return desa_saturation(regency), "saturation"
    return snapshot_progress(dataset, regency.code), "progress"


def cmd_export(args: argparse.Namespace) -> int:
    frame, table = export_frame(open_dataset(args), args)
    write(export.to_bytes(frame, args.format, table, args.lang), args.out)
    return 0


def plan_request(args: argparse.Namespace, dataset: Dataset) -> PlanRequest:
    regency = regency_code(args, dataset.geography)
    weights_file = None
    if args.weights not in ("equal", "desa"):
        path = Path(args.weights)
        if not path.is_file():
            raise UsageError(f"--weights: no such file {path}")
        weights_file = (path.read_bytes(), path.name)
    if (args.per_year is None) != (args.until is None):
        raise UsageError("--per-year and --until go together")
    if args.target is not None and args.target < 0:
        raise UsageError("--target must be >= 0")
    weighting = "file" if weights_file else args.weights
    return PlanRequest(
        regency,
        args.target,
        weighting,
        args.method,
        args.mode,
        args.per_year,
        args.until,
        args.from_year,
        weights_file,
    )


def cmd_plan(args: argparse.Namespace) -> int:
    dataset = open_dataset(args)
    request = plan_request(args, dataset)
    frame, table = plan_table(dataset, request)
    lang = args.lang or "en"
    for said in plan_notes(run_plan(dataset, request), request, lang):  # as the page says it, on stderr
        mark = "" if is_published(said.source) else f" ({t('source.illustrative', lang)})"
        print(said.text + mark, file=sys.stderr)
    if args.format == "json":
        data = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        write((json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode(), args.out)
    else:
        write(export.to_bytes(frame, args.format, table, args.lang), args.out)
    return 0


def cmd_brief(args: argparse.Namespace) -> int:
    from kim_dash.outputs.pdf.views import BriefRequest, brief_file, brief_pdf

    dataset = open_dataset(args)
    geography = dataset.geography
    regency = regency_code(args, geography)
    request = BriefRequest(
        page=args.page,
        lang=args.lang,
        regency=regency,
        ranking=RankingFilter(
            resolve(args.province, geography.names("province"), "province"),
            tuple(args.type),
            tuple(args.band),
            args.search,
        ),
        focus=resolve([args.focus], geography.names("regency"), "kabupaten/kota")[0]
        if args.focus
        else regency,
        kecamatan=resolve(args.kecamatan, geography.names("kecamatan", regency), "kecamatan"),
        plan=plan_request(args, dataset),
    )
    out = args.out or Path()
    if out.is_dir():  # named as the app's download button names it
        out = out / brief_file(dataset, request)
    write(brief_pdf(dataset, request), out)
    print(f"{out}: {slug_of([args.page, regency])} brief written", file=sys.stderr)
    return 0
