"""Chart and map labels, and the kecamatan status names shared by chart, map and table."""

STRINGS: dict[str, dict[str, str]] = {
    "chart.kim_count": {
        "id": "Jumlah KIM",
        "en": "Number of KIM",
    },
    "chart.kim_per_10": {
        "id": "KIM per 10 desa/kelurahan",
        "en": "KIM per 10 desa/kelurahan",
    },
    "chart.target_line": {
        "id": "target merata {value}",
        "en": "even target {value}",
    },
    "chart.target_total": {
        "id": "target {value}",
        "en": "target {value}",
    },
    "chart.year": {
        "id": "Tahun",
        "en": "Year",
    },
    "chart.registry_cum": {
        "id": "Registri (kumulatif per tahun dibentuk)",
        "en": "Registry (cumulative by year formed)",
    },
    "chart.registry_cum_illustrative": {
        "id": "Registri contoh, kumulatif per tahun dibentuk (tahun ilustratif)",
        "en": "Sample registry, cumulative by year formed (illustrative years)",
    },
    "chart.published_points": {
        "id": "Angka terbit",
        "en": "Published figures",
    },
    "map.regency_tooltip": {
        "id": "{name}\n{province}\n{count} KIM · peringkat {rank}",
        "en": "{name}\n{province}\n{count} KIM · rank {rank}",
    },
    "map.kecamatan_tooltip": {
        "id": "{name}\n{kim} KIM · desa tercakup {villages_covered}/{villages} · kurang {gap}",
        "en": "{name}\n{kim} KIM · desa covered {villages_covered}/{villages} · short by {gap}",
    },
    "map.band_legend": {
        "id": "Warna: kelompok jumlah KIM (biru muda 1–9 … oranye 100–199); luas lingkaran sebanding jumlah KIM",
        "en": "Colour: KIM band (light blue 1–9 … orange 100–199); circle area proportional to KIM",
    },
    "map.band_legend_choropleth": {
        "id": "Warna: kelompok jumlah KIM (biru muda 1–9 … oranye 100–199); abu-abu: tanpa KIM atau di luar filter",
        "en": "Colour: KIM band (light blue 1–9 … orange 100–199); grey: no KIM or outside the filter",
    },
    "map.kecamatan_legend": {
        "id": "Merah: tanpa KIM · oranye: di bawah target · biru: tepat target · hijau: di atas target",
        "en": "Red: no KIM · orange: below target · blue: at target · green: above target",
    },
    "map.offline_note": {
        "id": "peta dasar tidak dimuat tanpa internet; arahkan kursor untuk detail",
        "en": "the basemap needs the internet; hover for details",
    },
    "map.unmatched": {
        "id": "{n} wilayah di berkas batas tidak cocok dengan kode/nama Kemendagri: {names}",
        "en": "{n} areas in the boundary file did not match a Kemendagri code/name: {names}",
    },
    "map.missing": {
        "id": "{n} wilayah rujukan tidak punya poligon di berkas batas.",
        "en": "{n} reference areas have no polygon in the boundary file.",
    },
    "status.below": {
        "id": "di bawah target",
        "en": "below target",
    },
    "status.at": {
        "id": "tepat target",
        "en": "at target",
    },
    "status.above": {
        "id": "di atas target",
        "en": "above target",
    },
}
