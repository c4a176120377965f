"""How uneven KIM are spread over kecamatan: Gini, coefficient of variation, min/max, zeros."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


def gini(values: np.ndarray) -> float:
    """Gini coefficient (0 = all equal); mean absolute difference over twice the mean."""
    x = np.asarray(values, dtype=float)
    if x.size == 0 or x.sum() == 0:
        return 0.0
    diff = np.abs(x[:, None] - x[None, :]).sum()
    return float(diff / (2 * x.size * x.size * x.mean()))


@dataclass(frozen=True)
class Inequality:
    gini_per_village: float  # Gini of KIM per desa/kelurahan across kecamatan
    cv: float  # coefficient of variation of KIM per kecamatan (population standard deviation / mean)
    min_max_ratio: float  # fewest / most KIM in a kecamatan
    zero_units: int
    share_at_target: float  # share of kecamatan with at least their target


MEASURES = ("gini_per_village", "cv", "min_max_ratio", "zero_units", "share_at_target")


def inequality(counts: pd.Series, villages: pd.Series, targets: pd.Series) -> Inequality:
    counts = counts.astype(float).reset_index(drop=True)
    villages = villages.reset_index(drop=True)
    targets = targets.reset_index(drop=True)
    per_village = counts / villages.where(villages > 0, other=np.nan)
    mean = counts.mean() if len(counts) else 0.0
    return Inequality(
        gini_per_village=gini(per_village.fillna(0).to_numpy()),
        cv=float(counts.std(ddof=0) / mean) if mean else 0.0,
        min_max_ratio=float(counts.min() / counts.max()) if len(counts) and counts.max() else 0.0,
        zero_units=int((counts == 0).sum()),
        share_at_target=float((counts >= targets).mean()) if len(counts) else 0.0,
    )
