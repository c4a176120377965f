"""The tables behind every download, in their machine form: stable snake_case columns, raw values.

What each column holds (its kind) is declared once here, so the writers (export.py) can render any
table for people: localised headers and values, rounding as on screen, percentages as percentages.
"""

from __future__ import annotations

import pandas as pd

from kim_dash.model.coverage import KECAMATAN_COLUMNS, kecamatan_table
from kim_dash.model.ranking import RANKING_COLUMNS, RankingFilter, filter_ranking, national_ranking
from kim_dash.model.regency import RegencyData
from kim_dash.sources.names import normalise
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

REGISTRY_COLUMNS = [
    "id",
    "name",
    "kecamatan_code",
    "kecamatan",
    "desa_code",
    "desa",
    "year_formed",
    "status",
    "fields",
    "source",
]
# column -> kind: text | code | int | year | signed | decimal | percent | date | enum:<family> | source
COLUMN_KINDS: dict[str, str] = {
    **dict.fromkeys(
        (
            "name",
            "province",
            "top_regency",
            "kecamatan",
            "desa",
            "fields",
            "band",
            "note",
            "file_name",
            "author",
            "stored_at",
        ),
        "text",
    ),
    **dict.fromkeys(
        ("code", "province_code", "kecamatan_code", "desa_code", "id", "regency_code", "sha256"), "code"
    ),
    **dict.fromkeys(
        (
            "rank",
            "count",
            "kim",
            "regencies_with_kim",
            "regencies",
            "desa_count",
            "kelurahan_count",
            "villages",
            "villages_covered",
            "target",
            "current",
            "new",
            "after",
            "short_after",
            "to_form",
            "needed",
            "rows",
            "total_kim",
            "cumulative",
        ),
        "int",
    ),
    **dict.fromkeys(("gap", "difference", "change"), "signed"),
    **dict.fromkeys(("year_formed", "year", "snapshot"), "year"),
    **dict.fromkeys(("kim_per_10_villages", "weight"), "decimal"),
    **dict.fromkeys(("share", "coverage"), "percent"),
    **dict.fromkeys(("at_least", "of_total"), "int"),
    **dict.fromkeys(("of_unit", "date_text", "level", "url"), "text"),
    "date_kind": "enum:grain.date_kind",
    "state": "enum:grain.state",
    "what": "enum:grain.what",
    "as_of": "date",
    "status": "enum:status",
    "kim_status": "enum:kimstatus",
    "type": "enum:type",
    "kind": "enum:kind",
    "source": "source",
}


def kind_of(column: str) -> str:
    return COLUMN_KINDS.get(column, "text")


def ranking_extract(dataset: Dataset, flt: RankingFilter) -> pd.DataFrame:
    return filter_ranking(national_ranking(dataset), flt)[RANKING_COLUMNS]


def kecamatan_extract(regency: RegencyData, chosen: tuple[str, ...] = ()) -> pd.DataFrame:
    return kecamatan_table(regency, chosen)[KECAMATAN_COLUMNS]


@derived
def _registry_table(regency: RegencyData, chosen: tuple[str, ...]) -> pd.DataFrame:
    if regency.registry is None:
        return pd.DataFrame({c: [] for c in REGISTRY_COLUMNS})
    registry = regency.registry
    if chosen:
        registry = registry[registry["kecamatan_code"].isin(chosen)]
    out = registry.copy()
    out["kecamatan"] = out["kecamatan_code"].map(regency.kecamatan.set_index("code")["name"])
    out["desa"] = out["desa_code"].map(regency.desa.set_index("code")["name"]).fillna("")
    return out[REGISTRY_COLUMNS].rename(columns={"status": "kim_status"}).reset_index(drop=True)


def registry_extract(regency: RegencyData, chosen: tuple[str, ...] = (), search: str = "") -> pd.DataFrame:
    """The registry with kecamatan and desa names, optionally narrowed by kecamatan and a search."""
    out = _registry_table(regency, chosen)
    if search.strip():
        haystack = (out["name"] + " " + out["desa"] + " " + out["fields"]).map(normalise)
        out = out[haystack.str.contains(normalise(search), regex=False)].reset_index(drop=True)
    return out


def slug_of(names: list[str]) -> str:
    """A short, file-name-safe description of a selection ("Caringin-Megamendung")."""
    return "-".join(str(n).replace(" ", "") for n in names) or "semua"
