"""The national ranking page."""

STRINGS: dict[str, dict[str, str]] = {
    "ranking.title": {
        "id": "Peringkat Nasional Kabupaten/Kota",
        "en": "National ranking of kabupaten/kota",
    },
    "ranking.lead": {
        "id": "Jumlah KIM per kabupaten/kota, Desember 2014. Peringkat kompetisi standar: nilai sama berbagi peringkat, peringkat berikutnya dilewati.",
        "en": "KIM per kabupaten/kota, December 2014. Standard competition ranking: ties share a rank, the next rank is skipped.",
    },
    "ranking.focus": {
        "id": "Kabupaten/kota fokus",
        "en": "Focus kabupaten/kota",
    },
    "ranking.filter.province": {
        "id": "Provinsi",
        "en": "Province",
    },
    "ranking.filter.type": {
        "id": "Kabupaten/Kota",
        "en": "Kabupaten/Kota",
    },
    "ranking.filter.band": {
        "id": "Kelompok jumlah",
        "en": "Band",
    },
    "ranking.filter.search": {
        "id": "Cari nama",
        "en": "Search by name",
    },
    "ranking.filter.search_hint": {
        "id": "mis. bandung",
        "en": "e.g. bandung",
    },
    "ranking.kpi.rank": {
        "id": "Peringkat",
        "en": "Rank",
    },
    "ranking.kpi.count": {
        "id": "Jumlah KIM",
        "en": "KIM",
    },
    "ranking.kpi.share": {
        "id": "Bagian nasional",
        "en": "Share of national",
    },
    "ranking.kpi.gap_first": {
        "id": "Selisih ke peringkat 1",
        "en": "Behind rank 1",
    },
    "ranking.kpi.gap_next": {
        "id": "Selisih ke peringkat di atasnya",
        "en": "Behind the next rank",
    },
    "ranking.kpi.gap_next_help": {
        "id": "KIM tambahan yang dibutuhkan untuk menyamai kabupaten/kota tepat di atasnya.",
        "en": "KIM needed to draw level with the regency just above.",
    },
    "ranking.kpi.band": {
        "id": "Kelompok",
        "en": "Band",
    },
    "ranking.kpi.percentile": {
        "id": "Lebih banyak dari {pct} kabupaten/kota ber-KIM",
        "en": "More than {pct} of regencies with KIM",
    },
    "ranking.tab.table": {
        "id": "Tabel",
        "en": "Table",
    },
    "ranking.tab.chart": {
        "id": "Grafik",
        "en": "Chart",
    },
    "ranking.tab.province": {
        "id": "Per provinsi",
        "en": "By province",
    },
    "ranking.tab.map": {
        "id": "Peta",
        "en": "Map",
    },
    "ranking.table_note": {
        "id": "{n} dari {total} kabupaten/kota ber-KIM (peringkat tetap nasional).",
        "en": "{n} of {total} regencies with KIM (ranks stay national).",
    },
    "ranking.top_n": {
        "id": "Tampilkan N teratas",
        "en": "Show the top N",
    },
    "ranking.col.★": {
        "id": "★",
        "en": "★",
    },
    "ranking.col.rank": {
        "id": "Peringkat",
        "en": "Rank",
    },
    "ranking.col.code": {
        "id": "Kode",
        "en": "Code",
    },
    "ranking.col.name": {
        "id": "Kabupaten/Kota",
        "en": "Kabupaten/Kota",
    },
    "ranking.col.type": {
        "id": "Jenis",
        "en": "Type",
    },
    "ranking.col.province": {
        "id": "Provinsi",
        "en": "Province",
    },
    "ranking.col.count": {
        "id": "Jumlah KIM",
        "en": "KIM",
    },
    "ranking.col.band": {
        "id": "Kelompok",
        "en": "Band",
    },
    "ranking.col.share": {
        "id": "Bagian nasional",
        "en": "Share of national",
    },
    "ranking.col.source": {
        "id": "Sumber",
        "en": "Source",
    },
    "ranking.bandcol.band": {
        "id": "Kelompok",
        "en": "Band",
    },
    "ranking.bandcol.regencies": {
        "id": "Kabupaten/kota",
        "en": "Regencies",
    },
    "ranking.file": {
        "id": "kim_peringkat",
        "en": "kim_ranking",
    },
    "province.col.province": {
        "id": "Provinsi",
        "en": "Province",
    },
    "province.col.kim": {
        "id": "Jumlah KIM",
        "en": "KIM",
    },
    "province.col.regencies_with_kim": {
        "id": "Kab/kota ber-KIM",
        "en": "Regencies with KIM",
    },
    "province.col.regencies": {
        "id": "Semua kab/kota",
        "en": "All regencies",
    },
    "province.col.coverage": {
        "id": "Cakupan",
        "en": "Coverage",
    },
    "province.col.top_regency": {
        "id": "Terbanyak",
        "en": "Top regency",
    },
}
