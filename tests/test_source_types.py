"""Meanings are types, not strings re-parsed: one module owns what a source string says, and no other
module spells "illustrative" or "published:" itself."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest

from kim_dash.model.coverage import TargetSpread
from kim_dash.model.kinds import METHODS, MODES, SPREADS, MinimumKind
from kim_dash.outputs.writers import source_label
from kim_dash.sources.provenance import (
    Figure,
    SourceKind,
    combine,
    mix_of,
    published,
    reference_of,
    references,
    source_kind,
)

ROOT = Path(__file__).resolve().parent.parent
OWNER = ROOT / "kim_dash" / "sources" / "provenance.py"


def source_literals(path: Path) -> list[tuple[int, str]]:
    """(line, text) of every string constant (f-string parts too) that spells a source by hand."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if node.value == "illustrative" or node.value.startswith("published:"):
            found.append((node.lineno, node.value))
    return found


def test_no_source_spelled_outside_provenance():
    files = [*(ROOT / "kim_dash").rglob("*.py"), *(ROOT / "pages").glob("*.py")]
    assert len(files) > 50  # the walk found the package, not an empty folder
    hits = [
        f"{p.relative_to(ROOT)}:{line}: {text!r}"
        for p in files
        if p != OWNER
        for line, text in source_literals(p)
    ]
    assert hits == []


def test_the_check_sees_a_literal(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(
        'A = "illustrative"\nB = f"published:{A}"\nC = "published 1 / illustrative 2"\n', encoding="utf-8"
    )
    assert source_literals(bad) == [(1, "illustrative"), (2, "published:")]
    assert source_literals(OWNER)  # the owner is where they live


@pytest.mark.parametrize(
    ("source", "kind", "ref", "mix"),
    [
        ("published:BPS 2014", SourceKind.PUBLISHED, "BPS 2014", None),
        ("published:", SourceKind.PUBLISHED, "", None),
        ("illustrative", SourceKind.ILLUSTRATIVE, None, None),
        ("published 3 / illustrative 133", SourceKind.MIXED, None, (3, 133)),
        ("published 3 / illustrative x", None, None, None),
        ("published three / illustrative 1", None, None, None),
        ("setting", SourceKind.SETTING, None, None),
        ("statement", SourceKind.STATEMENT, None, None),
        ("mixed", None, None, None),
        ("published", None, None, None),
        ("", None, None, None),
    ],
)
def test_a_source_read_once(source, kind, ref, mix):
    assert source_kind(source) is kind
    assert reference_of(source) == ref
    assert mix_of(source) == mix


def test_the_readers_invert_the_writers():
    assert published("SK 12") == "published:SK 12"
    assert reference_of(published("SK 12")) == "SK 12"
    assert mix_of(combine(["published:a", "illustrative", "illustrative"])) == (1, 2)
    assert references(["published:b", "illustrative", "published:a", "published:b"]) == {"a", "b"}
    many = combine(["published:x"] * 3 + ["illustrative"] * 133)
    assert source_label(many, "en") == source_label("published 3 / illustrative 133", "en")
    assert "133" in source_label(many, "en")


def test_values_stay_the_strings_data_and_urls_use():
    assert [str(k) for k in SourceKind] == ["published", "illustrative", "mixed", "setting", "statement"]
    assert METHODS == ("hamilton", "webster", "huntington-hill", "dhondt")
    assert MODES == ("topup", "full")
    assert SPREADS == ("even", "per_desa", "per_kecamatan", "default")


@pytest.mark.parametrize(
    ("spread", "minimums"),
    [
        ("even", None),
        ("per_desa", "per_desa"),
        ("per_kecamatan", "per_kecamatan"),
        ("default", "per_kecamatan"),
    ],
)
def test_the_minimum_a_spread_asks(spread, minimums):
    assert TargetSpread(Figure(1, "illustrative"), spread, None).minimums == minimums
    assert minimums is None or minimums in get_args(MinimumKind)
