"""Make a scaled-up data folder: 100,000 KIM nationally, a 10,000-KIM Bogor registry, 514 polygons."""

from __future__ import annotations

import shutil
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
from shapely.geometry import box

from kim_dash.store.dataset import DEFAULT_DATA_DIR

SHARED_REGENCIES = (
    Path(__file__).resolve().parents[2] / "shared" / "reference" / "geo" / "boundaries" / "regencies.geojson"
)


def make(folder: Path, seed: int = 7) -> dict[str, Path]:
    rng = np.random.default_rng(seed)
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    regencies = pd.read_csv(folder / "reference" / "regencies.csv", dtype=str)
    # 100,000 KIM over every regency (the national page only ever sees the per-regency aggregate)
    weights = regencies["area_km2"].astype(float).pow(0.3)
    counts = rng.multinomial(100_000, (weights / weights.sum()).to_numpy())
    pd.DataFrame({"code": regencies["code"], "count": counts, "source": "illustrative", "note": ""}).to_csv(
        folder / "national_kim_2014.csv", index=False
    )
    desa = pd.read_csv(folder / "reference" / "desa.csv", dtype=str)
    desa = desa[desa["code"].str.startswith("32.01.")].assign(kecamatan_code=lambda d: d["code"].str[:8])
    picks = desa.iloc[rng.integers(0, len(desa), 10_000)].reset_index(drop=True)
    pd.DataFrame(
        {
            "id": [f"S-{i:05d}" for i in range(10_000)],
            "name": [f"KIM {n} {i}" for i, n in enumerate(picks["name"])],
            "kecamatan_code": picks["kecamatan_code"],
            "desa_code": picks["code"],
            "year_formed": rng.integers(2005, 2026, 10_000),
            "status": "aktif",
            "fields": "pendidikan",
            "source": "illustrative",
        }
    ).to_csv(folder / "registry.csv", index=False)
    polygons = folder.parent / "regencies_514.geojson"
    if SHARED_REGENCIES.exists():
        shutil.copy(SHARED_REGENCIES, polygons)
    else:  # synthetic squares around the interior points, when the real file is not beside the project
        frame = gpd.GeoDataFrame(
            {"code": regencies["code"]},
            crs="EPSG:4326",
            geometry=[
                box(lon - 0.2, lat - 0.2, lon + 0.2, lat + 0.2)
                for lat, lon in zip(regencies["lat"].astype(float), regencies["lon"].astype(float))
            ],
        )
        frame.to_file(polygons, driver="GeoJSON")
    return {"data": folder, "regency_boundaries": polygons}
