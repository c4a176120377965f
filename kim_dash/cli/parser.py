"""The command line's grammar: kim-dash [--data DIR] [--db URL] [--as-of DATE] COMMAND ... (or python -m kim_dash)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from kim_dash.model.kinds import METHODS, MODES
from kim_dash.model.ranking import BAND_LABELS
from kim_dash.sources.kinds import INPUT_KINDS
from kim_dash.sources.upload import DEFAULT_REGENCY
from kim_dash.store.dataset import DEFAULT_DATA_DIR

PAGES = ("home", "ranking", "kecamatan", "plan")
TABLES = ("ranking", "provinces", "kecamatan", "registry", "saturation", "progress", "reports")


def _regency(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--regency", default=DEFAULT_REGENCY, help="kabupaten/kota code or name (default 32.01)"
    )


def _lang(parser: argparse.ArgumentParser, default: str | None) -> None:
    parser.add_argument(
        "--lang",
        choices=["id", "en"],
        default=default,
        help="id|en: the page's localised form; default: " + (default or "machine form"),
    )


def _ranking_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--province", action="append", default=[], help="code or name (repeatable)")
    parser.add_argument("--type", action="append", default=[], choices=["Kabupaten", "Kota"])
    parser.add_argument("--band", action="append", default=[], choices=list(BAND_LABELS))
    parser.add_argument("--search", default="", help="name contains (ranking, registry)")
    parser.add_argument("--focus", default="", help="focus kabupaten/kota (brief of the ranking page)")


def _plan_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--target", type=int, help="target total (default: the regency's target in the data)")
    parser.add_argument("--weights", default="equal", help="equal | desa | FILE (code,weight[,name,current])")
    parser.add_argument("--method", choices=list(METHODS), default="hamilton")
    parser.add_argument("--mode", choices=list(MODES), default="topup")
    parser.add_argument("--per-year", type=int, help="yearly capacity: plan by year (with --until)")
    parser.add_argument("--until", type=int, help="deadline year of the plan by year")
    parser.add_argument(
        "--from-year", type=int, help="first year of the plan by year (default: after the data)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kim-dash", description="KIM Dashboard command line")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR, help="data folder (default: data/)")
    parser.add_argument(
        "--db",
        default=os.environ.get("KIM_DATABASE_URL", ""),
        help="snapshot store URL (default: $KIM_DATABASE_URL, else <data>/kim.sqlite)",
    )
    parser.add_argument("--as-of", default="", help="show the data as of this date (YYYY[-MM[-DD]])")
    parser.add_argument(
        "--allow-future", action="store_true", help="accept an --as-of after today (a planned date)"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser("validate", help="check the data folder, or one registry/counts/national file")
    validate.add_argument("path", nargs="?", type=Path, help="folder or file (default: --data)")
    validate.add_argument("--kind", choices=list(INPUT_KINDS), help="default: detect")
    validate.add_argument("--sheet", help="worksheet of an XLSX/ODS file")
    _regency(validate)
    _lang(validate, "en")

    exp = sub.add_parser("export", help="write a table of the dashboard")
    exp.add_argument("table", choices=TABLES)
    _ranking_filters(exp)
    exp.add_argument("--kecamatan", action="append", default=[], help="code or name (repeatable)")
    _regency(exp)
    exp.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    _lang(exp, None)
    exp.add_argument("--out", type=Path, help="file to write (default: CSV to stdout)")

    plan = sub.add_parser("plan", help="propose where new KIM go to reach the target")
    _regency(plan)
    _plan_options(plan)
    plan.add_argument("--format", choices=["csv", "json", "xlsx"], default="csv")
    _lang(plan, None)
    plan.add_argument("--out", type=Path)

    brief = sub.add_parser("brief", help="an A4 PDF brief of a page, as the page shows it")
    brief.add_argument("--page", choices=PAGES, default="home")
    _regency(brief)
    _ranking_filters(brief)
    brief.add_argument("--kecamatan", action="append", default=[], help="code or name (kecamatan page)")
    _plan_options(brief)
    _lang(brief, "id")
    brief.add_argument(
        "--out",
        type=Path,
        help="file or folder (default: the current folder); in a folder the brief is named as the app "
        "names it, e.g. ringkasan-kim-kecamatan-kabupaten-bogor-2016-12-20.pdf",
    )

    imp = sub.add_parser("import", help="store a validated file as a new dated snapshot")
    imp.add_argument("kind", choices=["registry", "national", "counts"])
    imp.add_argument("file", type=Path)
    imp.add_argument("--note", default="")
    imp.add_argument("--sheet", help="worksheet of an XLSX/ODS file")
    _regency(imp)
    _lang(imp, "en")

    snaps = sub.add_parser("snapshots", help="list the stored snapshots")
    snaps.add_argument("--regency", default="", help="only this kabupaten/kota (and the national tables)")
    for command in sub.choices.values():  # "--as-of" may also follow the command (import ... --as-of)
        command.add_argument("--as-of", default=argparse.SUPPRESS, help="the data's date (YYYY[-MM[-DD]])")
        command.add_argument("--allow-future", action="store_true", default=argparse.SUPPRESS)
    return parser
