"""The sources' meanings as types mypy checks: the kinds of data table a person uploads or imports,
the levels of the administrative geography and the level a boundary file draws. The values are the
strings stored data, URLs, the store and the command line already use."""

from __future__ import annotations

from typing import Literal, get_args

# a registry of KIM (one row each), KIM counts per kecamatan, KIM counts per province (national)
InputKind = Literal["registry", "counts", "national"]
INPUT_KINDS: tuple[InputKind, ...] = get_args(InputKind)  # in this order when a sniff scores two the same
Level = Literal["province", "regency", "kecamatan", "desa"]
LEVELS: tuple[Level, ...] = get_args(Level)
BoundaryLevel = Literal["kecamatan", "regency"]  # the areas an uploaded boundary file draws
BOUNDARY_LEVELS: tuple[BoundaryLevel, ...] = get_args(BoundaryLevel)
