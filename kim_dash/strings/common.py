"""App frame, navigation, sources, notices and downloads shared by every page."""

STRINGS: dict[str, dict[str, str]] = {
    "common.undated": {
        "id": "tidak bertanggal",
        "en": "undated",
    },
    "app.title": {
        "id": "Dasbor KIM Kabupaten Bogor",
        "en": "KIM Dashboard, Kabupaten Bogor",
    },
    "nav.home": {
        "id": "Ringkasan",
        "en": "Overview",
    },
    "nav.ranking": {
        "id": "Peringkat Nasional",
        "en": "National ranking",
    },
    "nav.kecamatan": {
        "id": "Sebaran per Kecamatan",
        "en": "By kecamatan",
    },
    "nav.planner": {
        "id": "Kesenjangan & Rencana",
        "en": "Gaps & plan",
    },
    "nav.data": {
        "id": "Kelola Data",
        "en": "Manage data",
    },
    "sidebar.vintage": {
        "id": "Data: pemetaan Kominfo Des 2014 (nasional); registri KIM Diskominfo Kabupaten Bogor — baris bertanda 🧪 adalah contoh ilustratif.",
        "en": "Data: Kominfo mapping Dec 2014 (national); Diskominfo Kabupaten Bogor KIM registry — rows marked 🧪 are illustrative samples.",
    },
    "banner.upload": {
        "id": "Sesi ini memakai data unggahan: {files}. Data contoh di folder data/ tidak diubah.",
        "en": "This session uses uploaded data: {files}. The sample in data/ is unchanged.",
    },
    "banner.back_to_sample": {
        "id": "Kembali ke data contoh",
        "en": "Back to the sample data",
    },
    "report.title": {
        "id": "Data tidak valid: {n} masalah ditemukan",
        "en": "Invalid data: {n} problems found",
    },
    "report.how_to_fix": {
        "id": "Perbaiki berkas di folder `{folder}` sesuai tabel di atas (berkas, baris, kolom, alasan), lalu muat ulang halaman. Periksa juga dengan `python -m kim_dash validate {folder}`.",
        "en": "Fix the files in `{folder}` as the table above says (file, row, column, reason), then reload the page. Check with `python -m kim_dash validate {folder}`.",
    },
    "report.col.file": {
        "id": "Berkas",
        "en": "File",
    },
    "report.col.row": {
        "id": "Baris",
        "en": "Row",
    },
    "report.col.column": {
        "id": "Kolom",
        "en": "Column",
    },
    "report.col.value": {
        "id": "Nilai",
        "en": "Value",
    },
    "report.col.reason": {
        "id": "Alasan",
        "en": "Reason",
    },
    "source.published": {
        "id": "Terbit",
        "en": "Published",
    },
    "source.illustrative": {
        "id": "Ilustratif",
        "en": "Illustrative",
    },
    "notice.illustrative": {
        "id": "{n} dari {total} baris yang tampil adalah **data contoh ilustratif** (🧪), bukan angka resmi. Angka bertanda 📘 berasal dari sumber terbit. Untuk memakai data Anda sendiri, buka halaman **Kelola Data**.",
        "en": "{n} of the {total} rows in view are **illustrative sample data** (🧪), not official figures. Figures marked 📘 come from a published source. To use your own data, open **Manage data**.",
    },
    "provenance.label": {
        "id": "Sumber",
        "en": "Source",
    },
    "provenance.home": {
        "id": 'Total nasional 4.228 KIM, 174 kabupaten/kota, 29 provinsi, peringkat 2 Kabupaten Bogor (134 KIM): pemetaan Kominfo Des 2014 melalui artikel kimkabbogor.id "KIM Dalam Data dan Angka" (20 Des 2016). 136 KIM dan target 150: Diskominfo Kabupaten Bogor, artikel yang sama. Kode wilayah: Kepmendagri 300.2.2-2138/2025.',
        "en": 'National total 4,228 KIM, 174 kabupaten/kota, 29 provinces, Kabupaten Bogor 2nd (134 KIM): Kominfo mapping Dec 2014 via the kimkabbogor.id article "KIM Dalam Data dan Angka" (20 Dec 2016). 136 KIM and the 150 target: Diskominfo Kabupaten Bogor, same article. Region codes: Kepmendagri 300.2.2-2138/2025.',
    },
    "provenance.ranking": {
        "id": "Total, jumlah kabupaten/kota dan provinsi, kelompok 100–199 dan tiga peringkat teratas: Kominfo Des 2014 via kimkabbogor.id. Jumlah per kabupaten/kota lainnya ilustratif. Titik dan luas wilayah: cahyadsn/wilayah_boundaries (MIT).",
        "en": "Total, counts of kabupaten/kota and provinces, the 100–199 band and the top three ranks: Kominfo Dec 2014 via kimkabbogor.id. Other per-regency counts are illustrative. Points and areas: cahyadsn/wilayah_boundaries (MIT).",
    },
    "provenance.kecamatan": {
        "id": "Total 136 KIM: Diskominfo (kimkabbogor.id, 20 Des 2016). Nama dan kecamatan Jagapati Voluenter, Siskomdes Cipayung, Geus Eling: metropolitan.id. Sebaran per kecamatan/desa lainnya ilustratif. Desa/kelurahan: Kepmendagri 300.2.2-2138/2025.",
        "en": "Total 136 KIM: Diskominfo (kimkabbogor.id, 20 Dec 2016). Names and kecamatan of Jagapati Voluenter, Siskomdes Cipayung, Geus Eling: metropolitan.id. The rest of the spread over kecamatan/desa is illustrative. Desa/kelurahan: Kepmendagri 300.2.2-2138/2025.",
    },
    "provenance.planner": {
        "id": "Target 150 KIM merata per kecamatan: Diskominfo (kimkabbogor.id). Satu KIM per desa: aspirasi Kepala Diskominfo (metropolitan.id). Rencana dihitung dari registri yang sedang dipakai.",
        "en": "Target of 150 KIM spread evenly: Diskominfo (kimkabbogor.id). One KIM per desa: aspiration of the head of Diskominfo (metropolitan.id). The plan is computed from the registry in use.",
    },
    "provenance.data": {
        "id": "Data unggahan hanya berlaku untuk sesi ini; folder data/ tidak pernah ditimpa.",
        "en": "Uploaded data applies to this session only; the data/ folder is never overwritten.",
    },
    "common.all": {
        "id": "Semua",
        "en": "All",
    },
    "common.x_of_y": {
        "id": "{x} dari {y}",
        "en": "{x} of {y}",
    },
    "download.csv": {
        "id": "Unduh CSV",
        "en": "Download CSV",
    },
    "download.xlsx": {
        "id": "Unduh XLSX",
        "en": "Download XLSX",
    },
}
