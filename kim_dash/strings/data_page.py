"""The Kelola Data page."""

STRINGS: dict[str, dict[str, str]] = {
    "data.title": {
        "id": "Kelola Data",
        "en": "Manage data",
    },
    "data.lead": {
        "id": "Unggah registri KIM atau jumlah nasional Anda sendiri (CSV atau XLSX). Data diperiksa dengan skema yang sama dengan `python -m kim_dash validate` dan hanya dipakai untuk sesi ini.",
        "en": "Upload your own KIM registry or national counts (CSV or XLSX). It is checked with the same schema as `python -m kim_dash validate` and used for this session only.",
    },
    "data.tab.upload": {
        "id": "Unggah data",
        "en": "Upload data",
    },
    "data.tab.boundaries": {
        "id": "Batas wilayah",
        "en": "Boundaries",
    },
    "data.tab.template": {
        "id": "Templat",
        "en": "Templates",
    },
    "data.kind": {
        "id": "Jenis berkas",
        "en": "File kind",
    },
    "data.kind.auto": {
        "id": "deteksi otomatis",
        "en": "detect",
    },
    "data.kind.registry": {
        "id": "Registri KIM Kabupaten Bogor",
        "en": "Kabupaten Bogor KIM registry",
    },
    "data.kind.national": {
        "id": "Jumlah KIM nasional per kabupaten/kota",
        "en": "National KIM per kabupaten/kota",
    },
    "data.file": {
        "id": "Berkas CSV atau XLSX",
        "en": "CSV or XLSX file",
    },
    "data.file_help": {
        "id": "Maksimal {mb} MB. CSV dengan koma atau titik koma, UTF-8 atau Windows-1252.",
        "en": "At most {mb} MB. CSV with commas or semicolons, UTF-8 or Windows-1252.",
    },
    "data.sheet": {
        "id": "Lembar kerja",
        "en": "Worksheet",
    },
    "data.detected": {
        "id": "Terbaca sebagai **{kind}**, {rows} baris.",
        "en": "Read as **{kind}**, {rows} rows.",
    },
    "data.mapping": {
        "id": "Beberapa kolom wajib tidak dikenali. Pilih kolom berkas Anda yang sesuai:",
        "en": "Some required columns were not recognised. Pick the matching column of your file:",
    },
    "data.mapping_apply": {
        "id": "Terapkan pemetaan",
        "en": "Apply mapping",
    },
    "data.invalid_rows": {
        "id": "Baris bermasalah",
        "en": "Rows with problems",
    },
    "data.report_title": {
        "id": "Berkas belum bisa dipakai: {n} masalah",
        "en": "The file cannot be used yet: {n} problems",
    },
    "data.valid_rows": {
        "id": "{n} baris lain valid.",
        "en": "{n} other rows are valid.",
    },
    "data.use_valid": {
        "id": "Pakai baris yang valid saja",
        "en": "Use the valid rows only",
    },
    "data.rejected_download": {
        "id": "Unduh baris yang ditolak (untuk diperbaiki)",
        "en": "Download the rejected rows (to fix them)",
    },
    "data.valid": {
        "id": "Berkas valid: {rows} baris.",
        "en": "The file is valid: {rows} rows.",
    },
    "data.use": {
        "id": "Pakai data ini untuk sesi ini",
        "en": "Use this data for this session",
    },
    "data.preview": {
        "id": "Pratinjau (20 baris pertama, sebagaimana terbaca)",
        "en": "Preview (first 20 rows, as read)",
    },
    "data.boundary_level": {
        "id": "Tingkat wilayah",
        "en": "Level",
    },
    "data.level.kecamatan": {
        "id": "Kecamatan (Kabupaten Bogor)",
        "en": "Kecamatan (Kabupaten Bogor)",
    },
    "data.level.regency": {
        "id": "Kabupaten/kota (nasional)",
        "en": "Kabupaten/kota (national)",
    },
    "data.boundary_file": {
        "id": "GeoJSON, Shapefile (zip) atau GeoPackage",
        "en": "GeoJSON, zipped Shapefile or GeoPackage",
    },
    "data.features": {
        "id": "Fitur",
        "en": "Features",
    },
    "data.matched": {
        "id": "Cocok",
        "en": "Matched",
    },
    "data.unmatched": {
        "id": "Tidak cocok",
        "en": "Unmatched",
    },
    "data.joined_by": {
        "id": "Dicocokkan menurut: {by}",
        "en": "Joined by: {by}",
    },
    "data.use_boundary": {
        "id": "Pakai batas ini di peta sesi ini",
        "en": "Use these boundaries on the maps this session",
    },
    "data.boundary_used": {
        "id": "Batas wilayah dipakai untuk peta di sesi ini.",
        "en": "Boundaries are used for the maps this session.",
    },
    "data.aliases": {
        "id": "Nama kolom lain yang dikenali:",
        "en": "Other column names recognised:",
    },
    "data.dictionary": {
        "id": "Unduh kamus data (data/README.md)",
        "en": "Download the data dictionary (data/README.md)",
    },
}
