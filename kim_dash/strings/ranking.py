"""The national ranking page."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "ranking.title": ("Peringkat Nasional Kabupaten/Kota", "National ranking of kabupaten/kota"),
        "ranking.no_data": (
            "Belum ada tabel KIM nasional untuk tanggal ini. Impor dengan `python -m kim_dash import national FILE --as-of YYYY-MM`.",
            "There is no national KIM table for this date. Import one with `python -m kim_dash import national FILE --as-of YYYY-MM`.",
        ),
        "ranking.filter.province": ("Provinsi", "Province"),
        "ranking.filter.type": ("Kabupaten/kota", "Kabupaten/kota"),
        "ranking.filter.band": ("Kelompok jumlah KIM", "KIM band"),
        "ranking.filter.search": ("Cari nama", "Search by name"),
        "ranking.filter.search_hint": ("mis. bandung", "e.g. bandung"),
        "ranking.kpi.rank": ("Peringkat", "Rank"),
        "ranking.kpi.count": ("Jumlah KIM", "Number of KIM"),
        "ranking.kpi.share": ("Pangsa nasional", "National share"),
        "ranking.kpi.gap_first": ("Selisih ke peringkat 1", "Behind rank 1 by"),
        "ranking.kpi.gap_next": ("KIM untuk naik satu peringkat", "KIM to move up one rank"),
        "ranking.kpi.gap_next_help": (
            "Selisih ke jumlah terkecil di atasnya.",
            "The difference to the smallest count above.",
        ),
        "ranking.kpi.band": ("Kelompok", "Band"),
        "ranking.kpi.percentile": (
            "{pct} kabupaten/kota ber-KIM punya lebih sedikit KIM.",
            "{pct} of kabupaten/kota with KIM have fewer.",
        ),
        "ranking.link.kecamatan": ("Sebaran per kecamatan di {name}", "{name} by kecamatan"),
        "ranking.chart_title": ("Teratas", "Top"),
        "ranking.map_title": ("Peta", "Map"),
        "ranking.top_n": ("Banyaknya yang ditampilkan", "How many to show"),
        "ranking.table_title": ("Tabel peringkat", "Ranking table"),
        "ranking.table_title_file": ("kim_peringkat", "kim_ranking"),
        "ranking.table_note": (
            "{n} dari {total} kabupaten/kota ber-KIM sesuai filter. Peringkat dihitung nasional sebelum filter.",
            "{n} of {total} kabupaten/kota with KIM match the filter. Ranks are national, before filtering.",
        ),
        "ranking.province_title": ("Per provinsi", "By province"),
        "ranking.province_view": (
            "Kabupaten/kota di {name}: jumlah di tabel nasional dan data masing-masing yang tersimpan.",
            "Kabupaten/kota of {name}: the national table's count and each one's own stored data.",
        ),
    }
)
