"""Every "must reproduce" line of FACTS.md, asserted against the shipped sample (the first snapshots)."""

import pandas as pd

from kim_dash.model.coverage import coverage_kpis
from kim_dash.model.ranking import national_ranking, national_snapshot, national_totals

OKU, BOGOR, BANDUNG = "16.01", "32.01", "32.73"
PAPUA_2022 = {"93", "94", "95", "96"}


def national(dataset) -> pd.DataFrame:
    return dataset.frame(national_snapshot(dataset))


def test_national_total_regencies_and_provinces(dataset):
    ranking = national_ranking(dataset)
    assert int(national(dataset)["count"].sum()) == 4228
    assert len(ranking) == 174 == int((national(dataset)["count"] > 0).sum())
    assert ranking["province_code"].nunique() == 29
    assert not set(ranking["province_code"]) & PAPUA_2022
    assert national_snapshot(dataset).as_of == "2014-12"  # December 2014: no invented day


def test_band_100_to_199_has_eight_and_none_above(dataset):
    counts = national(dataset)["count"]
    assert int(counts.between(100, 199).sum()) == 8
    assert int((counts >= 200).sum()) == 0


def test_top_three(dataset):
    ranking = national_ranking(dataset).set_index("code")
    assert ranking.loc[OKU, "rank"] == 1 and 134 < ranking.loc[OKU, "count"] < 200
    assert ranking.loc[BOGOR, "rank"] == 2 and ranking.loc[BOGOR, "count"] == 134
    assert ranking.loc[BANDUNG, "rank"] == 3 and 100 <= ranking.loc[BANDUNG, "count"] < 134
    assert (ranking["rank"] == 2).sum() == 1 and (ranking["rank"] == 3).sum() == 1  # no ties at the top


def test_only_published_rows_are_marked_published(dataset):
    frame = national(dataset)
    published = frame[frame["source"].str.startswith("published:")]
    assert published["code"].tolist() == [BOGOR]
    assert set(frame["source"]) - set(published["source"]) == {"illustrative"}


def test_bogor_geography(bogor):
    assert bogor.kecamatan["code"].tolist() == [f"32.01.{i:02d}" for i in range(1, 41)]
    assert int(bogor.kecamatan["desa_count"].sum()) == 416
    assert int(bogor.kecamatan["kelurahan_count"].sum()) == 19
    assert len(bogor.desa) == 435
    per_kecamatan = bogor.desa.groupby("kecamatan_code").size()
    villages = bogor.kecamatan.set_index("code")[["desa_count", "kelurahan_count"]].sum(axis=1)
    assert per_kecamatan.reindex(villages.index).tolist() == villages.tolist()


def test_registry(bogor):
    registry = bogor.registry
    assert len(registry) == 136 and bogor.snapshot.as_of == "2016-12-20"
    known = registry.dropna(subset=["year_formed"])
    assert int((known["year_formed"] > 2014).sum()) == 2  # 134 by December 2014, two more by 2016
    per_kecamatan = registry.groupby("kecamatan_code").size()
    assert (40 - len(per_kecamatan)) > 0, "some kecamatan must have no KIM (real gaps to show)"
    assert per_kecamatan.max() >= 8, "a few kecamatan with many"


def test_named_kim_hold_only_published_attributes(bogor):
    registry = bogor.registry.set_index("name")
    expected = {"Jagapati Voluenter": "32.01.27", "Siskomdes Cipayung": "32.01.26", "Geus Eling": "32.01.27"}
    for name, kecamatan in expected.items():
        row = registry.loc[name]
        assert row["kecamatan_code"] == kecamatan and row["source"].startswith("published:")
        # the source gives name and kecamatan only: desa, year, status and fields stay unknown
        assert (
            row["desa_code"] == ""
            and pd.isna(row["year_formed"])
            and row["status"] == ""
            and row["fields"] == ""
        )
    assert set(bogor.registry["source"]) - {registry.loc[n, "source"] for n in expected} == {"illustrative"}
    assert "Kumpul Community" not in registry.index  # its kecamatan is not published


def test_history_and_targets(dataset, bogor):
    history = dataset.history[dataset.history["regency_code"] == BOGOR]
    dated = dict(zip(history["as_of"], history["count"], strict=True))
    assert dated["2014-12"] == 134 and dated["2016-12-20"] == 136
    assert sorted(history[history["as_of"] == ""]["count"].tolist()) == [140, 142]  # undated stay undated
    assert history["source"].str.startswith("published:").all()
    assert bogor.targets.total.value == 150 and bogor.targets.per_desa.value == 1


def test_headline_figures(dataset, bogor):
    totals = national_totals(dataset)
    assert (totals.kim.value, totals.regencies.value, totals.provinces.value) == (4228, 174, 29)
    kpis = coverage_kpis(bogor)
    assert (kpis.kim.value, kpis.target.total.value, kpis.to_form.value) == (136, 150, 14)
    assert kpis.kecamatan == 40 and kpis.villages == 435


def test_bandung_sample_reproduces_its_report(dataset):
    from kim_dash.model.regency import regency_data

    bandung = regency_data(dataset, "32.04")
    kpis = coverage_kpis(bandung)
    assert (kpis.kim.value, kpis.kecamatan_with_kim.value, kpis.kecamatan) == (88, 22, 31)
    assert kpis.kim.published and kpis.kecamatan_with_kim.published  # stated by the report for that date
    assert bandung.snapshot.as_of == "2019-04-11"


def test_points_cover_every_code(geography):
    for frame in (geography.provinces, geography.regencies, geography.kecamatan):
        assert frame[["lat", "lon", "area_km2"]].notna().all().all()
        assert pd.api.types.is_float_dtype(frame["lat"])
