"""kim-dash (or python -m kim_dash): validate, export, plan, brief, import and list snapshots.

Uses the same functions as the pages, so an extract and the screen cannot disagree.
Exit codes: 0 success, 1 invalid data, 2 usage error or the store cannot be reached.
"""

from __future__ import annotations

import sys

from kim_dash.cli.commands import UsageError, cmd_brief, cmd_export, cmd_plan, cmd_validate
from kim_dash.cli.parser import build_parser
from kim_dash.cli.store_commands import cmd_import, cmd_snapshots
from kim_dash.sources.dates import date_problem
from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.store.database import StoreUnavailable

COMMANDS = {
    "validate": cmd_validate,
    "export": cmd_export,
    "plan": cmd_plan,
    "import": cmd_import,
    "snapshots": cmd_snapshots,
    "brief": cmd_brief,
}


def run() -> None:
    """The `kim-dash` command (pyproject's entry point): exit with main's code."""
    sys.exit(main())


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    reason = date_problem(args.as_of, args.allow_future) if args.as_of else None
    if reason and args.command != "import":  # an import reports its date with the file's (exit 1)
        problem = Problem("--as-of", None, None, args.as_of, reason)
        print(f"error: --as-of: {problem.message(getattr(args, 'lang', None) or 'en')}", file=sys.stderr)
        return 2
    try:
        return COMMANDS[args.command](args)
    except (UsageError, StoreUnavailable) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except DatasetError as err:
        for problem in err.problems:
            print(problem.line(getattr(args, "lang", None) or "en"), file=sys.stderr)
        return 1
