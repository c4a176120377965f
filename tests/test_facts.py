"""Every "must reproduce" line of FACTS.md, asserted against the shipped files."""

import pandas as pd

from kim_dash.ranking import national_ranking
from kim_dash.summary import headline

OKU, BOGOR, BANDUNG = "16.01", "32.01", "32.73"
PAPUA_2022 = {"93", "94", "95", "96"}


def test_national_total_regencies_and_provinces(dataset):
    ranking = national_ranking(dataset)
    assert int(dataset.national["count"].sum()) == 4228
    assert len(ranking) == 174 == int((dataset.national["count"] > 0).sum())
    assert ranking["province_code"].nunique() == 29
    assert not set(ranking["province_code"]) & PAPUA_2022


def test_band_100_to_199_has_eight_and_none_above(dataset):
    counts = dataset.national["count"]
    assert int(counts.between(100, 199).sum()) == 8
    assert int((counts >= 200).sum()) == 0


def test_top_three(dataset):
    ranking = national_ranking(dataset).set_index("code")
    assert ranking.loc[OKU, "rank"] == 1 and 134 < ranking.loc[OKU, "count"] < 200
    assert ranking.loc[BOGOR, "rank"] == 2 and ranking.loc[BOGOR, "count"] == 134
    assert ranking.loc[BANDUNG, "rank"] == 3 and 100 <= ranking.loc[BANDUNG, "count"] < 134
    assert (ranking["rank"] == 2).sum() == 1 and (ranking["rank"] == 3).sum() == 1  # no ties at the top


def test_only_published_figures_are_marked_published(dataset):
    published = dataset.national[dataset.national["source"].str.startswith("published:")]
    assert published["code"].tolist() == [BOGOR]
    assert set(dataset.national["source"]) - set(published["source"]) == {"illustrative"}


def test_reference_geography(dataset):
    assert len(dataset.provinces) == 38
    assert len(dataset.regencies) == 514
    assert dataset.regencies["type"].value_counts().to_dict() == {"Kabupaten": 416, "Kota": 98}
    assert dataset.kecamatan["code"].tolist() == [f"32.01.{i:02d}" for i in range(1, 41)]
    assert int(dataset.kecamatan["desa_count"].sum()) == 416
    assert int(dataset.kecamatan["kelurahan_count"].sum()) == 19
    assert len(dataset.desa) == 435
    per_kecamatan = dataset.desa.groupby("kecamatan_code").size()
    villages = dataset.kecamatan.set_index("code")[["desa_count", "kelurahan_count"]].sum(axis=1)
    assert per_kecamatan.reindex(villages.index).tolist() == villages.tolist()


def test_registry(dataset):
    registry = dataset.registry
    assert len(registry) == 136
    assert int((registry["year_formed"] <= 2014).sum()) == 134
    assert int((registry["year_formed"] > 2014).sum()) == 2
    per_kecamatan = registry.groupby("kecamatan_code").size()
    assert (40 - len(per_kecamatan)) > 0, "some kecamatan must have no KIM (real gaps to show)"
    assert per_kecamatan.max() >= 8, "a few kecamatan with many"


def test_named_kim_with_published_kecamatan(dataset):
    registry = dataset.registry.set_index("name")
    expected = {"Jagapati Voluenter": "32.01.27", "Siskomdes Cipayung": "32.01.26", "Geus Eling": "32.01.27"}
    for name, kecamatan in expected.items():
        assert registry.loc[name, "kecamatan_code"] == kecamatan
        assert registry.loc[name, "source"].startswith("published:")
    assert set(dataset.registry["source"]) - {registry.loc[n, "source"] for n in expected} == {"illustrative"}
    assert "Kumpul Community" not in registry.index  # its kecamatan is not published


def test_history_and_targets(dataset):
    history = dataset.history
    dated = dict(zip(history["as_of"], history["count"]))
    assert dated["2014-12"] == 134 and dated["2016-12-20"] == 136
    undated = history[history["as_of"] == ""]
    assert sorted(undated["count"].tolist()) == [140, 142]  # undated reports stay undated
    assert history["source"].str.startswith("published:").all()
    assert dataset.target("kim_total") == 150
    assert dataset.target("kim_per_desa") == 1


def test_headline(dataset):
    h = headline(dataset)
    assert (h.national_total, h.regencies_with_kim, h.provinces_with_kim) == (4228, 174, 29)
    assert (h.bogor_rank, h.bogor_count_national, h.registry_total, h.target_total) == (2, 134, 136, 150)
    assert h.kecamatan == 40 and h.villages == 435


def test_points_cover_every_code(dataset):
    for frame in (dataset.provinces, dataset.regencies, dataset.kecamatan):
        assert frame[["lat", "lon", "area_km2"]].notna().all().all()
        assert pd.api.types.is_float_dtype(frame["lat"])
