"""The Kelola Data page."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "data.title": ("Kelola Data", "Manage data"),
        "data.lead": (
            "Coba registri, tabel jumlah per kecamatan atau tabel nasional Anda (CSV, XLSX, XLS atau ODS). Berkas diperiksa seperti `python -m kim_dash import` dan hanya menjadi pratinjau untuk sesi ini; perintah impor di bawah menyimpannya sebagai data bertanggal.",
            "Try your registry, count table per kecamatan or national table (CSV, XLSX, XLS or ODS). It is checked like `python -m kim_dash import` and is only a preview for this session; the import command below stores it as dated data.",
        ),
        "data.tab.upload": ("Unggah data", "Upload data"),
        "data.tab.snapshots": ("Data tersimpan", "Stored data"),
        "data.tab.boundaries": ("Batas wilayah", "Boundaries"),
        "data.tab.template": ("Templat", "Templates"),
        "data.kind": ("Jenis berkas", "Kind of file"),
        "data.kind.auto": ("kenali otomatis", "detect"),
        "data.kind.registry": ("Registri KIM {name}", "KIM registry of {name}"),
        "data.kind.counts": ("Jumlah KIM per kecamatan {name}", "KIM per kecamatan of {name}"),
        "data.kind.national": ("Jumlah KIM nasional per kabupaten/kota", "National KIM per kabupaten/kota"),
        "data.kind.weights": ("Bobot per kecamatan", "Weights per kecamatan"),
        "data.file": ("Berkas CSV, XLSX, XLS atau ODS", "CSV, XLSX, XLS or ODS file"),
        "data.file_help": (
            "Maksimal {mb} MB. CSV dengan koma, titik koma atau tab; UTF-8, UTF-16 atau Windows-1252.",
            "At most {mb} MB. CSV with commas, semicolons or tabs; UTF-8, UTF-16 or Windows-1252.",
        ),
        "data.sheet": ("Lembar kerja", "Worksheet"),
        "data.detected": (
            "Terbaca sebagai **{kind}**, {rows} baris.",
            "Read as **{kind}**, {rows} rows.",
            "Read as **{kind}**, 1 row.",
        ),
        "data.mapped": ("Kolom yang dikenali: {pairs}", "Columns recognised: {pairs}"),
        "data.ignored": ("Kolom yang tidak dipakai: {names}", "Columns not used: {names}"),
        "data.mapping": (
            "Beberapa kolom wajib tidak dikenali. Pilih kolom berkas Anda yang sesuai:",
            "Some required columns were not recognised. Pick the matching column of your file:",
        ),
        "data.mapping_apply": ("Terapkan pemetaan", "Apply the mapping"),
        "data.invalid_rows": ("Baris bermasalah", "Rows with problems"),
        "data.report_title": (
            "Berkas belum bisa dipakai: {count} masalah",
            "The file cannot be used yet: {count} problems",
            "The file cannot be used yet: 1 problem",
        ),
        "data.valid_rows": ("{n} baris lain valid.", "{n} other rows are valid."),
        "data.use_valid": ("Pratinjau baris yang valid saja", "Preview the valid rows only"),
        "data.rejected_download": (
            "Unduh baris yang ditolak (untuk diperbaiki)",
            "Download the rejected rows (to fix them)",
        ),
        "data.valid": (
            "Berkas valid: {rows} baris.",
            "The file is valid: {rows} rows.",
            "The file is valid: 1 row.",
        ),
        "data.use": ("Pratinjau di dasbor untuk sesi ini", "Preview it in the dashboard for this session"),
        "data.make_it_last": (
            "Pratinjau hilang saat sesi berakhir. Agar tersimpan sebagai data bertanggal untuk semua pengguna, operator menjalankan:",
            "A preview ends with the session. To store it as dated data for every user, an operator runs:",
        ),
        "data.preview": (
            "Pratinjau (20 baris pertama, sebagaimana terbaca)",
            "Preview (first 20 rows, as read)",
        ),
        "data.snapshots_note": (
            "Data tersimpan di {store}. Setiap impor menjadi data bertanggal baru; data lama tidak pernah diubah.",
            "Stored in {store}. Every import becomes new dated data; earlier data is never changed.",
        ),
        "data.boundary_level": ("Tingkat wilayah", "Level"),
        "data.level.kecamatan": ("Kecamatan (wilayah terpilih)", "Kecamatan (the chosen area)"),
        "data.level.regency": ("Kabupaten/kota (nasional)", "Kabupaten/kota (national)"),
        "data.boundary_file": (
            "GeoJSON, Shapefile (zip) atau GeoPackage",
            "GeoJSON, zipped Shapefile or GeoPackage",
        ),
        "data.boundary_in_use": (
            "Peta sesi ini memakai batas wilayah unggahan.",
            "This session's maps use uploaded boundaries.",
        ),
        "data.boundary_remove": ("Hapus batas unggahan", "Remove the uploaded boundaries"),
        "data.layer": ("Lapisan", "Layer"),
        "data.crs": ("Sistem koordinat berkas: {crs}", "The file's coordinate system: {crs}"),
        "data.crs_assumed": (
            "Berkas tidak menyebut sistem koordinat; koordinatnya berupa derajat, jadi dibaca sebagai WGS 84 ({crs}).",
            "The file names no coordinate system; its coordinates are degrees, so it is read as WGS 84 ({crs}).",
        ),
        "data.geometry_fixed": (
            "{repaired} bentuk yang tidak sah diperbaiki; {dropped} fitur dilewati karena bukan wilayah.",
            "{repaired} invalid shapes were repaired; {dropped} features were skipped as not areas.",
        ),
        "data.features": ("Fitur", "Features"),
        "data.matched": ("Cocok", "Matched"),
        "data.unmatched": ("Tidak cocok", "Unmatched"),
        "data.joined_by.code": ("Dicocokkan menurut kode Kemendagri.", "Joined by Kemendagri code."),
        "data.joined_by.name": ("Dicocokkan menurut nama.", "Joined by name."),
        "data.use_boundary": (
            "Pakai batas ini di peta sesi ini",
            "Use these boundaries on this session's maps",
        ),
        "data.boundary_used": (
            "Batas wilayah dipakai untuk peta di sesi ini.",
            "The boundaries are used for this session's maps.",
        ),
        "data.template": ("Templat", "Template"),
        "data.aliases": ("Nama kolom lain yang dikenali:", "Other column names recognised:"),
        "data.dictionary": (
            "Unduh kamus data (data/README.md)",
            "Download the data dictionary (data/README.md)",
        ),
        "data.privacy": (
            "Unggahan hanya berlaku untuk sesi ini; folder data/ dan basis data tidak pernah ditulis dari halaman ini.",
            "Uploads apply to this session only; this page never writes the data/ folder or the database.",
        ),
    }
)
