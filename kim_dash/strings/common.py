"""App frame, navigation, sources, notices, downloads and guidance shared by every page."""

from kim_dash.strings._table import table

_T: dict[str, tuple[str, str]] = {
    "common.undated": ("tidak bertanggal", "undated"),
    "common.all": ("Semua", "All"),
    "common.x_of_y": ("{x} dari {y}", "{x} of {y}"),
    "common.data_date": ("Data per {date}", "Data as of {date}"),
    "common.no_data_date": (
        "Belum ada data untuk wilayah dan tanggal ini",
        "No data for this area and date yet",
    ),
    "common.preview_date": (
        "Pratinjau unggahan {file} (belum disimpan; tanggal datanya tidak tercatat)",
        "Preview of the upload {file} (not stored; its date is not recorded)",
    ),
    "app.title": ("Dasbor KIM", "KIM Dashboard"),
    "nav.home": ("Ringkasan", "Overview"),
    "nav.ranking": ("Peringkat Nasional", "National ranking"),
    "nav.kecamatan": ("Sebaran per Kecamatan", "By kecamatan"),
    "nav.planner": ("Kesenjangan & Rencana", "Gaps & plan"),
    "nav.data": ("Kelola Data", "Manage data"),
    "frame.regency": ("Kabupaten/kota", "Kabupaten/kota"),
    "frame.regency_help": (
        "Wilayah yang ditampilkan di halaman Ringkasan, Sebaran dan Rencana; yang sudah punya data di atas.",
        "The area shown on the Overview, By kecamatan and Plan pages; those with data come first.",
    ),
    "frame.as_of": ("Lihat data per", "Show data as of"),
    "frame.latest": ("data terbaru", "the latest data"),
    "banner.preview": (
        "Sesi ini menampilkan pratinjau unggahan: {files}. Tidak ada yang disimpan.",
        "This session shows a preview of an upload: {files}. Nothing is stored.",
    ),
    "banner.back": ("Kembali ke data tersimpan", "Back to the stored data"),
    "report.title": ("Data tidak valid: {count} masalah ditemukan", "Invalid data: {count} problems found"),
    "report.store_unavailable": (
        "Basis data tidak dapat dibaca: {reason}. Periksa sambungan dan pengaturannya (README: PostgreSQL), lalu muat ulang halaman.",
        "The database cannot be read: {reason}. Check the connection and its settings (README: PostgreSQL), then reload the page.",
    ),
    "report.how_to_fix": (
        "Perbaiki berkas di folder `{folder}` sesuai tabel di atas (berkas, baris, kolom, alasan), lalu muat ulang halaman. Periksa juga dengan `python -m kim_dash validate`.",
        "Fix the files in `{folder}` as the table above says (file, row, column, reason), then reload the page. Check with `python -m kim_dash validate`.",
    ),
    "report.col.file": ("Berkas", "File"),
    "report.col.row": ("Baris", "Row"),
    "report.col.column": ("Kolom", "Column"),
    "report.col.value": ("Nilai", "Value"),
    "report.col.reason": ("Alasan", "Reason"),
    "notice.illustrative": (
        "Angka bertanda **ilustratif** berasal dari data contoh, bukan angka resmi. Angka lain berasal dari sumber terbit yang disebut di bawah. Untuk memakai data sendiri, buka **Kelola Data**.",
        "Figures marked **illustrative** come from sample data, not official figures. The others come from the published sources named below. To use your own data, open **Manage data**.",
    ),
    "provenance.label": ("Sumber", "Sources"),
    "download.csv": ("{table} · CSV", "{table} · CSV"),
    "download.xlsx": ("{table} · XLSX", "{table} · XLSX"),
    "download.pdf": ("Unduh ringkasan (PDF)", "Download the brief (PDF)"),
    "guidance.no_data": (
        "Belum ada data KIM per kecamatan untuk {name}. Halaman ini akan terisi setelah registri atau tabel jumlah KIM per kecamatan diimpor.",
        "There is no per-kecamatan KIM data for {name} yet. This page fills in once a registry or a count table per kecamatan is imported.",
    ),
    "guidance.steps": (
        "1. Unduh templat di bawah dan isi satu baris per kecamatan (nama atau kode kecamatan, jumlah KIM, sumber).\n2. Coba dulu di **Kelola Data** (pratinjau untuk sesi ini).\n3. Simpan sebagai data bertanggal dengan perintah ini:",
        "1. Download a template below and fill in one row per kecamatan (kecamatan name or code, number of KIM, source).\n2. Try it on **Manage data** first (a preview for this session).\n3. Store it as dated data with this command:",
    ),
    "guidance.template.counts": ("Templat tabel jumlah per kecamatan (XLSX)", "Count table template (XLSX)"),
    "guidance.template.registry": ("Templat registri KIM (XLSX)", "KIM registry template (XLSX)"),
    "guidance.preview_link": ("Buka Kelola Data", "Open Manage data"),
    "sources.reference": (
        "kode dan nama wilayah: Kepmendagri 300.2.2-2138/2025",
        "region codes and names: Kepmendagri 300.2.2-2138/2025",
    ),
    "sources.illustrative_rows": (
        "{count} baris data contoh bersifat ilustratif",
        "{count} sample rows are illustrative",
        "1 sample row is illustrative",
    ),
}
STRINGS = table(_T)
