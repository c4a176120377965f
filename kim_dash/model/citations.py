"""The sources of a view, collected from the data it shows (never a caption typed by hand)."""

from __future__ import annotations

from kim_dash.sources.provenance import ILLUSTRATIVE, PUBLISHED, references
from kim_dash.store.database import Snapshot
from kim_dash.store.dataset import Dataset
from kim_dash.store.derived import derived


@derived
def view_sources(
    dataset: Dataset, snapshots: tuple[Snapshot | None, ...], regency: str = ""
) -> tuple[list[str], int]:
    """(published references, number of illustrative rows) behind the snapshots a view shows,
    plus the facts that confirm their aggregates, the regency's targets and its reported history."""
    refs: set[str] = set()
    illustrative = 0
    for snapshot in snapshots:
        if snapshot is None:
            continue
        sources = dataset.frame(snapshot)["source"]
        illustrative += int((sources == ILLUSTRATIVE).sum())
        refs |= references(sources)
        facts = dataset.facts.table
        stated = facts[
            (facts["kind"] == snapshot.kind)
            & (facts["as_of"] == snapshot.as_of)
            & (facts["regency_code"] == snapshot.regency_code)
        ]
        refs |= {s.removeprefix(PUBLISHED) for s in stated["source"]}
    if regency:
        for table in (dataset.targets, dataset.history):
            mine = table[table["regency_code"] == regency]["source"]
            refs |= references(mine)
    return sorted(refs), illustrative
