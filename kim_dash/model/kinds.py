"""The model's meanings as types mypy checks: how a target is spread, the minimum it asks, the
apportionment methods, the planner's modes and weightings. The values are the strings stored data,
URLs, extracts and the command line already use."""

from __future__ import annotations

from typing import Literal, get_args

# how the regency's target is shared: a total spread evenly, a minimum in every desa/kelurahan or in every
# kecamatan, or no target in the data (one KIM in every kecamatan, the SPM indicator)
Spread = Literal["even", "per_desa", "per_kecamatan", "default"]
SPREADS: tuple[Spread, ...] = get_args(Spread)
MinimumKind = Literal["per_desa", "per_kecamatan"]  # the minimum asked of every desa or every kecamatan
# exact Hamilton (largest remainder), Webster, Huntington-Hill, D'Hondt
Method = Literal["hamilton", "webster", "huntington-hill", "dhondt"]
METHODS: tuple[Method, ...] = get_args(Method)
Mode = Literal["topup", "full"]  # add new KIM to what exists, or share the whole target afresh
MODES: tuple[Mode, ...] = get_args(Mode)
