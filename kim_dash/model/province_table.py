"""A province's kabupaten/kota side by side: the national table's count and each one's own latest data."""

from __future__ import annotations

import pandas as pd

from kim_dash.model.ranking import national_ranking
from kim_dash.sources.provenance import ILLUSTRATIVE
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived

PROVINCE_VIEW_COLUMNS = ["code", "name", "count", "as_of", "kind", "kim", "source"]


@derived
def province_regencies(dataset: Dataset, province: str) -> pd.DataFrame:
    """Every kabupaten/kota of the province: KIM in the national table, and the latest registry or
    count table imported for it (date, kind, total), with the source of that total."""
    regencies = dataset.geography.regencies
    rows = regencies[regencies["province_code"] == province]
    national = national_ranking(dataset).set_index("code")
    out = []
    for code, name in zip(rows["code"], rows["name"], strict=True):
        own = [s for s in dataset.visible() if s.regency_code == code and s.kind in ("registry", "counts")]
        latest = max(own, key=lambda s: (s.as_of, s.kind == "registry", s.id)) if own else None
        source = ""
        if latest is not None:
            from kim_dash.sources.provenance import combine

            source = combine(dataset.frame(latest)["source"])
        out.append(
            {
                "code": code,
                "name": name,
                "count": int(national.loc[code, "count"]) if code in national.index else 0,
                "as_of": latest.as_of if latest else "",
                "kind": latest.kind if latest else "",
                "kim": latest.total_kim if latest else None,
                "source": source
                or (national.loc[code, "source"] if code in national.index else ILLUSTRATIVE),
            }
        )
    return pd.DataFrame(out, columns=PROVINCE_VIEW_COLUMNS)
