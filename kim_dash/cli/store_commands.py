"""The commands that touch the snapshot store: `import` (the one writer from a shell) and `snapshots`."""

from __future__ import annotations

import argparse
import sys

from kim_dash.cli.checks import UsageError, note, printable
from kim_dash.cli.commands import open_store, probed_url_store, regency_code
from kim_dash.sources.geography import load_geography
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.upload import ingest
from kim_dash.store.imports import check_import, schema_problems, store_import


def cmd_import(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    note(args.note)
    geography = load_geography(args.data)
    raw = args.file.read_bytes()
    regency = "32.01" if args.kind == "national" else regency_code(args, geography)
    result = ingest(raw, args.file.name, geography, args.kind, regency, args.sheet)
    for problem in result.problems:  # a bad file never reaches (or creates) the store
        print(problem.line(args.lang), file=sys.stderr)
    if result.problems:
        return 1
    check_import(result, args.as_of, args.allow_future)  # nor does a missing date: the store stays untouched
    store = open_store(args, geography, create=True)
    problems = schema_problems(store)
    if problems:  # an older store holds several snapshots of one kind, area and date
        raise DatasetError(problems)
    done = store_import(store, result, raw, args.as_of, args.note, geography, args.allow_future)
    verb = "already stored, nothing changed" if done.already else "stored"
    print(
        f"{done.snapshot.label}: {verb} ({done.snapshot.rows} rows, {done.snapshot.total_kim} KIM) in {store.label}"
    )
    for code, here, there in done.disagreements:
        name = geography.names("kecamatan").get(code, code)
        print(f"differs from the other table of the same date: {name} ({code}): {here} here, {there} there")
    return 0


def cmd_snapshots(args: argparse.Namespace) -> int:
    url_store = probed_url_store(args)
    geography = load_geography(args.data)
    store = url_store or open_store(args, geography)
    regency = regency_code(args, geography) if args.regency else ""
    snapshots = store.snapshots()  # before any output: an unreachable store prints only the error
    print("id\tas_of\tkind\tregency\trows\ttotal_kim\tsha256\tnote\tstored_by\tstored_at")
    if not snapshots:
        print(f"no snapshots yet in {store.label}: the first import makes them", file=sys.stderr)
    for s in snapshots:
        if regency and s.regency_code not in ("", regency):
            continue
        cells = (s.id, s.as_of, s.kind, s.regency_code or "-", s.rows, s.total_kim, s.sha256[:12])
        said = (printable(s.note), printable(s.author) or "-", s.stored_at or "-")
        print("\t".join(map(str, cells)) + "\t" + "\t".join(said))
    return 0
