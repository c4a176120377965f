"""The per-kecamatan page and the registry table."""

STRINGS: dict[str, dict[str, str]] = {
    "kecamatan.title": {
        "id": "Sebaran KIM per Kecamatan — Kabupaten Bogor",
        "en": "KIM by kecamatan — Kabupaten Bogor",
    },
    "kecamatan.lead": {
        "id": "40 kecamatan, 435 desa/kelurahan. Target merata: 150 KIM ÷ 40 kecamatan.",
        "en": "40 kecamatan, 435 desa/kelurahan. Even target: 150 KIM ÷ 40 kecamatan.",
    },
    "kecamatan.filter": {
        "id": "Kecamatan",
        "en": "Kecamatan",
    },
    "kecamatan.filter_all": {
        "id": "Semua kecamatan",
        "en": "All kecamatan",
    },
    "kecamatan.kpi.kim": {
        "id": "Jumlah KIM",
        "en": "KIM",
    },
    "kecamatan.kpi.kim_help": {
        "id": "Baris registri di kecamatan terpilih.",
        "en": "Registry rows in the chosen kecamatan.",
    },
    "kecamatan.kpi.kecamatan": {
        "id": "Kecamatan ber-KIM",
        "en": "Kecamatan with KIM",
    },
    "kecamatan.kpi.spm_help": {
        "id": "Indikator SPM Kominfo (Permenkominfo 22/2010): cakupan KIM di tingkat kecamatan.",
        "en": "Kominfo minimum-service indicator (Permenkominfo 22/2010): KIM coverage of kecamatan.",
    },
    "kecamatan.kpi.desa": {
        "id": "Desa/kelurahan ber-KIM",
        "en": "Desa/kelurahan with KIM",
    },
    "kecamatan.kpi.mean": {
        "id": "Rata-rata KIM per kecamatan",
        "en": "Mean KIM per kecamatan",
    },
    "kecamatan.kpi.target": {
        "id": "Target merata per kecamatan",
        "en": "Even target per kecamatan",
    },
    "kecamatan.kpi.target_help": {
        "id": "{total} ÷ {n}; dibulatkan per kecamatan dengan sisa terbesar (lihat Rencana).",
        "en": "{total} ÷ {n}; rounded per kecamatan by largest remainder (see the plan).",
    },
    "kecamatan.as_of": {
        "id": "Registri contoh: totalnya (136) sama dengan hitungan Diskominfo per 20 Desember 2016 (tanggal artikel); sebarannya ilustratif.",
        "en": "Sample registry: its total (136) equals Diskominfo's count as of 20 December 2016 (the article's date); the spread is illustrative.",
    },
    "kecamatan.as_of_upload": {
        "id": "Registri unggahan ({file}): jumlah per tanggal berkas Anda; tanggalnya tidak tercatat di sini.",
        "en": "Uploaded registry ({file}): counts as of your file's date, which is not recorded here.",
    },
    "kecamatan.per_10": {
        "id": "Tampilkan KIM per 10 desa/kelurahan",
        "en": "Show KIM per 10 desa/kelurahan",
    },
    "kecamatan.table_title": {
        "id": "Tabel kecamatan",
        "en": "Kecamatan table",
    },
    "kecamatan.registry_title": {
        "id": "Daftar KIM",
        "en": "KIM registry",
    },
    "kecamatan.search": {
        "id": "Cari KIM, desa atau bidang",
        "en": "Search KIM, desa or field",
    },
    "kecamatan.search_hint": {
        "id": "mis. cipayung",
        "en": "e.g. cipayung",
    },
    "kecamatan.registry_count": {
        "id": "{n} KIM",
        "en": "{n} KIM",
    },
    "kecamatan.growth_title": {
        "id": "Pertumbuhan KIM menurut tahun dibentuk",
        "en": "KIM growth by year formed",
    },
    "kecamatan.col.code": {
        "id": "Kode",
        "en": "Code",
    },
    "kecamatan.col.name": {
        "id": "Kecamatan",
        "en": "Kecamatan",
    },
    "kecamatan.col.desa": {
        "id": "Desa",
        "en": "Desa",
    },
    "kecamatan.col.kelurahan": {
        "id": "Kelurahan",
        "en": "Kelurahan",
    },
    "kecamatan.col.villages": {
        "id": "Desa+kel.",
        "en": "Desa+kel.",
    },
    "kecamatan.col.kim": {
        "id": "KIM",
        "en": "KIM",
    },
    "kecamatan.col.villages_covered": {
        "id": "Desa ber-KIM",
        "en": "Desa with KIM",
    },
    "kecamatan.col.coverage": {
        "id": "Cakupan desa",
        "en": "Desa coverage",
    },
    "kecamatan.col.kim_per_10_villages": {
        "id": "KIM per 10 desa",
        "en": "KIM per 10 desa",
    },
    "kecamatan.col.target": {
        "id": "Target",
        "en": "Target",
    },
    "kecamatan.col.gap": {
        "id": "Kekurangan",
        "en": "Gap",
    },
    "kecamatan.col.status": {
        "id": "Status",
        "en": "Status",
    },
    "kecamatan.col.source_mix": {
        "id": "Sumber (terbit/ilustratif)",
        "en": "Sources (published/illustrative)",
    },
    "kecamatan.file": {
        "id": "kim_kecamatan",
        "en": "kim_kecamatan",
    },
    "registry.col.id": {
        "id": "ID",
        "en": "ID",
    },
    "registry.col.name": {
        "id": "Nama KIM",
        "en": "KIM name",
    },
    "registry.col.kecamatan_code": {
        "id": "Kode kec.",
        "en": "Kec. code",
    },
    "registry.col.kecamatan": {
        "id": "Kecamatan",
        "en": "Kecamatan",
    },
    "registry.col.desa_code": {
        "id": "Kode desa",
        "en": "Desa code",
    },
    "registry.col.desa": {
        "id": "Desa/kelurahan",
        "en": "Desa/kelurahan",
    },
    "registry.col.year_formed": {
        "id": "Tahun dibentuk",
        "en": "Year formed",
    },
    "registry.col.status": {
        "id": "Status",
        "en": "Status",
    },
    "registry.col.fields": {
        "id": "Bidang kegiatan",
        "en": "Fields of activity",
    },
    "registry.col.source": {
        "id": "Sumber",
        "en": "Source",
    },
    "registry.file": {
        "id": "kim_registri",
        "en": "kim_registry",
    },
}
