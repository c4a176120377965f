"""Validation problems of values, snapshots and planner weights."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "problem.too_big": (
            "'{value}' terlalu besar (paling banyak {detail})",
            "'{value}' is too large (at most {detail})",
        ),
        "problem.several_dates": (
            "kolom tanggal berisi beberapa tanggal ({value}); satu berkas = satu tanggal",
            "the date column holds several dates ({value}); one file = one date",
        ),
        "problem.snapshot_needs_date": (
            "data tanpa tanggal tidak bisa disimpan: beri --as-of YYYY-MM-DD (atau kolom tanggal)",
            "data without a date cannot be stored: give --as-of YYYY-MM-DD (or a date column)",
        ),
        "problem.date_conflict": (
            "tanggal di berkas ({value}) berbeda dengan --as-of {detail}",
            "the file's date ({value}) differs from --as-of {detail}",
        ),
        "problem.snapshot_exists": (
            "sudah ada data lain dengan jenis, wilayah dan tanggal {value} ({detail}); data lama tidak diubah, pakai tanggal lain",
            "other data of this kind, area and date {value} exists ({detail}); earlier data is never changed: use another date",
        ),
        "problem.not_spreadsheet": (
            "berkas bernama .{value} ini bukan lembar kerja yang sah (rusak, atau jenis lain yang diberi nama itu); buka di Excel atau LibreOffice Calc lalu Simpan Sebagai .xlsx",
            "this file named .{value} is not a valid spreadsheet (damaged, or another kind given that name); open it in Excel or LibreOffice Calc and Save As .xlsx",
        ),
        "problem.weight_missing": ("kecamatan {value} tidak punya bobot", "kecamatan {value} has no weight"),
        "problem.weights_all_zero": ("semua bobot nol", "every weight is zero"),
    }
)
