"""Rebuild the illustrative sample rows: national_kim_2014.csv, registry.csv, sample_counts_bandung.csv.

Deterministic (fixed seed): running it twice writes the same bytes. Published figures are placed
first and never touched by the random draws; every other figure is marked `illustrative`.
See ../shared/reference/FACTS.md (summarised in data/README.md) for what is published.

Run from the project root:  python scripts/build_sample.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from the project root: kim_dash is beside scripts/
from kim_dash.sources.specs import FIELDS_OF_ACTIVITY  # noqa: E402 - after the path

DATA = ROOT / "data"
SEED = 20141231

NATIONAL_TOTAL = 4228
REGENCIES_WITH_KIM = 174
PROVINCES_WITH_KIM = 29
PAPUA_2022 = {"93", "94", "95", "96"}  # formed in 2022: excluded so "29 provinces" holds then and now
OKU, BOGOR, BANDUNG = "16.01", "32.01", "32.73"
BOGOR_2014 = 134
BANDUNG_REGENCY, BANDUNG_TOTAL, BANDUNG_KECAMATAN_WITH_KIM = "32.04", 88, 22
SRC_ARTICLE = "published:kimkabbogor.id 2016-12-20 (Kominfo Des 2014)"
SRC_AWARD = "published:metropolitan.id (nama, kecamatan)"

FIELDS = list(FIELDS_OF_ACTIVITY)  # what the registry schema accepts
NAME_WORDS = [
    "Mandiri",
    "Harapan",
    "Sinar",
    "Cahaya",
    "Mekar",
    "Berkah",
    "Saluyu",
    "Bina Warga",
    "Rukun",
    "Sejahtera",
    "Motekar",
    "Sauyunan",
    "Lestari",
    "Maju",
    "Gemah Ripah",
]


def national(rng: np.random.Generator) -> pd.DataFrame:
    regencies = pd.read_csv(DATA / "reference" / "regencies.csv", dtype=str)
    old = sorted(set(regencies.province_code) - PAPUA_2022)
    must = {OKU[:2], BOGOR[:2]}
    droppable = [p for p in old if p not in must]
    dropped = set(rng.choice(droppable, size=len(old) - PROVINCES_WITH_KIM, replace=False))
    provinces = [p for p in old if p not in dropped]

    pool = regencies[regencies.province_code.isin(provinces)]
    pool = pool[~pool.code.isin([OKU, BOGOR, BANDUNG])]
    # one regency per province first (so all 29 appear), then a Java-leaning draw for the rest
    chosen = [OKU, BOGOR, BANDUNG]
    for province in provinces:
        if province not in must:
            options = pool[pool.province_code == province].code.tolist()
            chosen.append(str(rng.choice(options)))
    rest = pool[~pool.code.isin(chosen)]
    weight = np.where(rest.province_code.isin(["32", "33", "35"]), 4.0, 1.0)
    extra = rng.choice(
        rest.code.to_numpy(),
        size=REGENCIES_WITH_KIM - len(chosen),
        replace=False,
        p=weight / weight.sum(),
    )
    chosen += [str(c) for c in extra]

    counts = {OKU: int(rng.integers(140, 200)), BOGOR: BOGOR_2014, BANDUNG: int(rng.integers(106, 134))}
    others = chosen[3:]
    top_five = others[:0] + [str(c) for c in rng.choice(others, size=5, replace=False)]
    for code in top_five:
        counts[code] = int(rng.integers(100, counts[BANDUNG]))
    tail = [c for c in others if c not in top_five]
    remaining = NATIONAL_TOTAL - sum(counts.values())
    draws = rng.lognormal(mean=2.4, sigma=0.9, size=len(tail))
    values = np.clip(np.round(draws / draws.sum() * remaining), 1, 99).astype(int)
    # nudge one unit at a time (largest first when removing) until the published total holds
    order = np.argsort(-values, kind="stable")
    i = 0
    while values.sum() != remaining:
        j = order[i % len(order)]
        step = 1 if values.sum() < remaining else -1
        if 1 <= values[j] + step <= 99:
            values[j] += step
        i += 1
    counts.update(dict(zip(tail, values.tolist())))

    rows = []
    for code, count in counts.items():
        if code == BOGOR:
            source, note = SRC_ARTICLE, "Peringkat 2 dan jumlah dipublikasikan"
        elif code == OKU:
            source, note = "illustrative", "Peringkat 1 dipublikasikan; jumlah ilustratif"
        elif code == BANDUNG:
            source, note = "illustrative", "Peringkat 3 dipublikasikan; jumlah ilustratif"
        else:
            source, note = "illustrative", ""
        rows.append({"code": code, "count": count, "source": source, "note": note})
    return pd.DataFrame(rows).sort_values("code", ignore_index=True)


def registry(rng: np.random.Generator) -> pd.DataFrame:
    kecamatan = pd.read_csv(DATA / "reference" / "kecamatan.csv", dtype=str)
    kecamatan = kecamatan[kecamatan.regency_code == BOGOR].sort_values("code")
    desa = pd.read_csv(DATA / "reference" / "desa.csv", dtype=str).sort_values("code")
    desa = desa[desa.code.str.startswith(BOGOR + ".")].assign(kecamatan_code=lambda d: d.code.str[:8])
    codes = kecamatan.code.tolist()
    caringin, megamendung = "32.01.27", "32.01.26"

    # uneven spread: 9 kecamatan without KIM, a few hubs, the rest a handful each
    empty = set(rng.choice([c for c in codes if c not in (caringin, megamendung)], 9, replace=False))
    live = [c for c in codes if c not in empty]
    appeal = rng.gamma(shape=1.2, scale=1.0, size=len(live))
    appeal[live.index(caringin)] += 1.5  # two published KIM are there
    per_kecamatan = dict.fromkeys(live, 1)
    extra = rng.choice(live, size=136 - len(live), p=appeal / appeal.sum())
    for code in extra:
        per_kecamatan[str(code)] += 1

    published = [
        ("Jagapati Voluenter", caringin, None),
        ("Siskomdes Cipayung", megamendung, "Cipayung"),
        ("Geus Eling", caringin, None),
    ]
    rows, used_names = [], set()

    def pick_desa(kecamatan_code: str, preferred: str | None) -> pd.Series:
        options = desa[desa.kecamatan_code == kecamatan_code]
        if preferred is not None and (options.name == preferred).any():
            return options[options.name == preferred].iloc[0]
        return options.iloc[int(rng.integers(len(options)))]

    def add(name: str, kecamatan_code: str, village: pd.Series, source: str) -> None:
        used_names.add(name)
        fields = sorted(rng.choice(FIELDS, size=int(rng.integers(1, 4)), replace=False))
        rows.append(
            {
                "name": name,
                "kecamatan_code": kecamatan_code,
                "desa_code": village.code,
                "status": rng.choice(["aktif", "aktif", "aktif", "kurang aktif", "tidak aktif"]),
                "fields": ";".join(str(f) for f in fields),
                "source": source,
            }
        )

    for name, code, preferred in published:
        add(name, code, pick_desa(code, preferred), SRC_AWARD)
        per_kecamatan[code] -= 1
    for code in live:
        for _ in range(per_kecamatan[code]):
            village = pick_desa(code, None)
            name = f"KIM {village['name']}"
            while name in used_names:
                name = f"KIM {rng.choice(NAME_WORDS)} {village['name']}"
            add(name, code, village, "illustrative")

    frame = pd.DataFrame(rows)
    years = rng.integers(2008, 2015, size=len(frame))
    later = rng.choice([i for i in range(len(frame)) if frame.source[i] == "illustrative"], 2, replace=False)
    years[later] = [2015, 2016]  # 134 formed by Dec 2014, two more by the article (2016)
    frame["year_formed"] = years
    # a named KIM's source gives its name and kecamatan only: the rest stays unknown, never invented
    published_rows = frame.source != "illustrative"
    frame["year_formed"] = frame["year_formed"].astype(object)
    frame.loc[published_rows, ["desa_code", "year_formed", "status", "fields"]] = ""
    frame = frame.sort_values(["kecamatan_code", "desa_code", "name"], ignore_index=True)
    frame.insert(0, "id", [f"KIM-{i:04d}" for i in range(1, len(frame) + 1)])
    return frame[["id", "name", "kecamatan_code", "desa_code", "year_formed", "status", "fields", "source"]]


def bandung_counts(rng: np.random.Generator) -> pd.DataFrame:
    """Kabupaten Bandung, 2019-04-11: 88 KIM in 22 of its 31 kecamatan (published); the spread is drawn."""
    kecamatan = pd.read_csv(DATA / "reference" / "kecamatan.csv", dtype=str)
    codes = kecamatan[kecamatan.regency_code == BANDUNG_REGENCY].code.tolist()
    with_kim = sorted(str(c) for c in rng.choice(codes, size=BANDUNG_KECAMATAN_WITH_KIM, replace=False))
    counts = dict.fromkeys(with_kim, 1)
    for code in rng.choice(with_kim, size=BANDUNG_TOTAL - len(with_kim)):
        counts[str(code)] += 1
    rows = [{"kecamatan_code": c, "count": n, "source": "illustrative"} for c, n in counts.items()]
    return pd.DataFrame(rows)


def main() -> None:
    rng = np.random.default_rng(SEED)
    nat = national(rng)
    nat.to_csv(DATA / "national_kim_2014.csv", index=False, lineterminator="\n")
    print(f"national_kim_2014.csv: {len(nat)} rows, total {nat['count'].sum()}")
    reg = registry(rng)
    reg.to_csv(DATA / "registry.csv", index=False, lineterminator="\n")
    print(f"registry.csv: {len(reg)} rows, {reg.kecamatan_code.nunique()} kecamatan")
    counts = bandung_counts(np.random.default_rng(SEED + 1))  # own stream: the rows above stay as they were
    counts.to_csv(DATA / "sample_counts_bandung.csv", index=False, lineterminator="\n")
    print(f"sample_counts_bandung.csv: {len(counts)} kecamatan, {counts['count'].sum()} KIM")


if __name__ == "__main__":
    main()
