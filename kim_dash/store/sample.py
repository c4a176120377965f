"""Real data replaces the illustrative sample: which stored snapshots are shown.

The shipped sample (`seed_snapshots.csv`) is stored with `sample=True`. As soon as an area (a
kabupaten/kota, or the national table) holds any real snapshot, of any kind and date, the sample of
that area is no longer shown, on any date; areas with nothing else keep the sample.
"""

from __future__ import annotations

from collections.abc import Iterable

from kim_dash.store.database import Snapshot


def real_areas(snapshots: Iterable[Snapshot]) -> set[str]:
    """Areas ("" = national) that hold at least one real (not sample) snapshot."""
    return {s.regency_code for s in snapshots if not s.sample}


def shown(snapshots: Iterable[Snapshot]) -> list[Snapshot]:
    """The snapshots to show, in the given order: the sample of an area with real data is left out."""
    every = list(snapshots)
    real = real_areas(every)
    return [s for s in every if not (s.sample and s.regency_code in real)]
