"""Ranking: standard competition ranks, band edges, filters, focus figures."""

import pandas as pd
import pytest

from kim_dash.model.ranking import (
    RankingFilter,
    band_counts,
    band_of,
    competition_rank,
    filter_ranking,
    focus_stats,
    national_ranking,
    province_summary,
    stats_of,
    top_with_focus,
)


def test_competition_rank_ties_share_and_skip():
    counts = pd.Series([50, 70, 70, 10, 50, 90])
    assert competition_rank(counts).tolist() == [4, 2, 2, 6, 4, 1]


@pytest.mark.parametrize(
    ("count", "band"),
    [
        (1, "1–9"),
        (9, "1–9"),
        (10, "10–49"),
        (49, "10–49"),
        (50, "50–99"),
        (99, "50–99"),
        (100, "100–199"),
        (199, "100–199"),
        (200, "200+"),
        (5000, "200+"),
    ],
)
def test_band_edges(count, band):
    assert band_of(count) == band


def test_focus_bogor(dataset):
    stats = focus_stats(dataset, "32.01")
    assert (stats.rank.value, stats.of.value, stats.count.value, stats.band.value) == (2, 174, 134, "100–199")
    first = int(national_ranking(dataset)["count"].max())
    assert stats.gap_to_first.value == first - 134 == stats.gap_to_next.value
    assert stats.share.value == pytest.approx(134 / 4228)


def test_focus_with_ties():
    ranking = pd.DataFrame(
        {
            "code": list("abcd"),
            "name": list("ABCD"),
            "count": [9, 7, 7, 3],
            "share": [0.35, 0.27, 0.27, 0.11],
            "source": ["illustrative"] * 4,
        }
    )
    ranking["rank"] = competition_rank(ranking["count"])
    ranking["band"] = ranking["count"].map(band_of)
    stats = stats_of(ranking, "c")
    assert (stats.rank.value, stats.gap_to_next.value, stats.gap_to_first.value) == (2, 2, 2)
    assert stats.percentile.value == 0.25


def test_filters(dataset):
    ranking = national_ranking(dataset)
    jabar = filter_ranking(ranking, RankingFilter(provinces=("32",)))
    assert set(jabar["province_code"]) == {"32"} and len(jabar) == int(
        (ranking["province_code"] == "32").sum()
    )
    band = filter_ranking(ranking, RankingFilter(bands=("100–199",)))
    assert len(band) == 8 and set(band["band"]) == {"100–199"}
    kota = filter_ranking(ranking, RankingFilter(types=("Kota",)))
    assert set(kota["type"]) == {"Kota"}
    found = filter_ranking(ranking, RankingFilter(search="BANDUNG"))
    assert "32.73" in set(found["code"]) and all("bandung" in n.lower() for n in found["name"])
    assert filter_ranking(ranking, RankingFilter(provinces=("32",)))["rank"].min() == 2  # ranks stay national


def test_band_counts_and_provinces(dataset):
    bands = band_counts(dataset).set_index("band")
    counts = bands["regencies"]
    assert counts["100–199"] == 8 and counts["200+"] == 0 and counts.sum() == 174
    # the eight in 100–199 and the empty 200+ are published as counts; the other bands' counts are sample
    assert bands.loc["100–199", "source"].startswith("published:") and bands.loc["200+", "source"].startswith(
        "published:"
    )
    assert not bands.loc["10–49", "source"].startswith("published:")
    summary = province_summary(dataset)
    assert int(summary["kim"].sum()) == 4228
    assert int((summary["kim"] > 0).sum()) == 29
    assert int(summary["regencies"].sum()) == 514
    jabar = summary.set_index("province_code").loc["32"]
    assert jabar["top_regency"] == "Kabupaten Bogor"
    assert 0 < jabar["coverage"] <= 1


def test_top_with_focus(dataset):
    ranking = national_ranking(dataset)
    jabar = filter_ranking(ranking, RankingFilter(provinces=("32",)))
    top = top_with_focus(jabar, ranking, 3, "16.01")  # OKU is outside Jawa Barat's top 3
    assert top["code"].tolist()[:3] == jabar["code"].tolist()[:3] and top["code"].iloc[-1] == "16.01"
    assert len(top_with_focus(ranking, ranking, 5, "32.01")) == 5  # already in view: not repeated
