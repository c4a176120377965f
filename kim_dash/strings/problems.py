"""Validation problems: one reason per key, filled with {value} and {detail}."""

STRINGS: dict[str, dict[str, str]] = {
    "problem.missing_file": {
        "id": "berkas tidak ditemukan",
        "en": "file not found",
    },
    "problem.empty_file": {
        "id": "berkas kosong (tidak ada baris judul)",
        "en": "file is empty (no header row)",
    },
    "problem.undecodable": {
        "id": "byte tidak dapat dibaca sebagai UTF-8 ({detail})",
        "en": "bytes cannot be decoded as UTF-8 ({detail})",
    },
    "problem.malformed": {
        "id": "baris CSV rusak: {detail}",
        "en": "malformed CSV line: {detail}",
    },
    "problem.missing_column": {
        "id": "kolom wajib '{value}' tidak ada",
        "en": "required column '{value}' is missing",
    },
    "problem.extra_column": {
        "id": "kolom '{value}' tidak dikenal",
        "en": "unknown column '{value}'",
    },
    "problem.empty": {
        "id": "nilai kosong",
        "en": "empty value",
    },
    "problem.duplicate": {
        "id": "'{value}' muncul lebih dari sekali",
        "en": "'{value}' appears more than once",
    },
    "problem.not_integer": {
        "id": "'{value}' bukan bilangan bulat",
        "en": "'{value}' is not a whole number",
    },
    "problem.negative": {
        "id": "'{value}' negatif",
        "en": "'{value}' is negative",
    },
    "problem.not_number": {
        "id": "'{value}' bukan angka",
        "en": "'{value}' is not a number",
    },
    "problem.bad_year": {
        "id": "tahun '{value}' tidak sah (harus {detail})",
        "en": "year '{value}' is not valid (must be {detail})",
    },
    "problem.bad_date": {
        "id": "tanggal '{value}' tidak sah (YYYY, YYYY-MM, YYYY-MM-DD atau kosong)",
        "en": "date '{value}' is not valid (YYYY, YYYY-MM, YYYY-MM-DD or empty)",
    },
    "problem.bad_code": {
        "id": "kode '{value}' tidak berformat Kemendagri ({detail})",
        "en": "code '{value}' is not a Kemendagri code ({detail})",
    },
    "problem.unknown_province": {
        "id": "provinsi '{value}' tidak dikenal",
        "en": "unknown province '{value}'",
    },
    "problem.unknown_regency": {
        "id": "kabupaten/kota '{value}' tidak dikenal{detail}",
        "en": "unknown kabupaten/kota '{value}'{detail}",
    },
    "problem.unknown_kecamatan": {
        "id": "kecamatan '{value}' tidak dikenal{detail}",
        "en": "unknown kecamatan '{value}'{detail}",
    },
    "problem.unknown_desa": {
        "id": "desa/kelurahan '{value}' tidak dikenal{detail}",
        "en": "unknown desa/kelurahan '{value}'{detail}",
    },
    "problem.desa_not_in_kecamatan": {
        "id": "desa '{value}' tidak berada di kecamatan {detail}",
        "en": "desa '{value}' is not in kecamatan {detail}",
    },
    "problem.not_allowed": {
        "id": "'{value}' tidak diperbolehkan (pilihan: {detail})",
        "en": "'{value}' is not allowed (allowed: {detail})",
    },
    "problem.bad_source": {
        "id": "sumber '{value}' harus 'illustrative' atau diawali 'published:'",
        "en": "source '{value}' must be 'illustrative' or start with 'published:'",
    },
    "problem.missing_target": {
        "id": "target '{value}' tidak ada",
        "en": "target '{value}' is missing",
    },
    "problem.too_large": {
        "id": "berkas terlalu besar ({detail}); batas {value}",
        "en": "file too large ({detail}); the limit is {value}",
    },
    "problem.not_text": {
        "id": "berkas bukan teks CSV (tampaknya {detail})",
        "en": "file is not CSV text (it looks like {detail})",
    },
    "problem.bad_xlsx": {
        "id": "berkas XLSX ditolak: {detail}",
        "en": "XLSX file refused: {detail}",
    },
    "problem.bad_zip": {
        "id": "berkas ZIP ditolak: {detail}",
        "en": "ZIP file refused: {detail}",
    },
    "problem.bad_geo": {
        "id": "berkas batas wilayah tidak terbaca: {detail}",
        "en": "boundary file cannot be read: {detail}",
    },
    "problem.unsupported": {
        "id": "jenis berkas '{value}' tidak didukung",
        "en": "file type '{value}' is not supported",
    },
    "problem.no_header": {
        "id": "baris judul kolom tidak ditemukan (dicari: {detail})",
        "en": "no header row found (looked for: {detail})",
    },
    "problem.suggest": {
        "id": " — maksud Anda {value}?",
        "en": " — did you mean {value}?",
    },
    "problem.in_kecamatan": {
        "id": " di kecamatan {value}",
        "en": " in kecamatan {value}",
    },
}
