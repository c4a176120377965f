"""The Ringkasan (home) page."""

STRINGS: dict[str, dict[str, str]] = {
    "home.title": {
        "id": "Kelompok Informasi Masyarakat (KIM) Kabupaten Bogor",
        "en": "Community Information Groups (KIM), Kabupaten Bogor",
    },
    "home.lead": {
        "id": "Posisi Kabupaten Bogor secara nasional, sebaran KIM per kecamatan, dan kesenjangan menuju target 150 KIM yang merata.",
        "en": "Where Kabupaten Bogor stands nationally, how its KIM spread over the kecamatan, and the gaps toward an even 150.",
    },
    "home.kpi.national": {
        "id": "KIM di Indonesia (Des 2014)",
        "en": "KIM in Indonesia (Dec 2014)",
    },
    "home.kpi.national_help": {
        "id": "Jumlah tabel nasional: {regencies} kabupaten/kota di {provinces} provinsi.",
        "en": "Sum of the national table: {regencies} kabupaten/kota in {provinces} provinces.",
    },
    "home.kpi.national_note": {
        "id": "di {regencies} kabupaten/kota, {provinces} provinsi · 📘 Kominfo",
        "en": "in {regencies} kabupaten/kota, {provinces} provinces · 📘 Kominfo",
    },
    "home.kpi.rank": {
        "id": "Peringkat Kabupaten Bogor",
        "en": "Kabupaten Bogor's rank",
    },
    "home.rank_value": {
        "id": "{rank} dari {of}",
        "en": "{rank} of {of}",
    },
    "home.kpi.rank_help": {
        "id": "Peringkat kompetisi standar menurut jumlah KIM, Des 2014.",
        "en": "Standard competition rank by number of KIM, Dec 2014.",
    },
    "home.kpi.rank_note": {
        "id": "{n} KIM (Des 2014) · 📘 Kominfo",
        "en": "{n} KIM (Dec 2014) · 📘 Kominfo",
    },
    "home.kpi.registry": {
        "id": "KIM di registri Kabupaten Bogor",
        "en": "KIM in the Kabupaten Bogor registry",
    },
    "home.kpi.registry_help": {
        "id": "Jumlah baris registri yang dipakai (contoh: 136, hitungan Diskominfo 2016).",
        "en": "Rows of the registry in use (sample: 136, Diskominfo's 2016 count).",
    },
    "home.kpi.registry_note": {
        "id": "menuju target {target}: {pct}",
        "en": "toward the target of {target}: {pct}",
    },
    "home.kpi.kecamatan": {
        "id": "Kecamatan yang punya KIM",
        "en": "Kecamatan with a KIM",
    },
    "home.kpi.kecamatan_help": {
        "id": "Indikator SPM: cakupan KIM di tingkat kecamatan.",
        "en": "Minimum-service indicator: KIM coverage of kecamatan.",
    },
    "home.kpi.desa": {
        "id": "Desa/kelurahan yang punya KIM",
        "en": "Desa/kelurahan with a KIM",
    },
    "home.kpi.desa_help": {
        "id": "Aspirasi: satu KIM di setiap desa.",
        "en": "Aspiration: one KIM in every desa.",
    },
    "home.kpi.to_form": {
        "id": "KIM yang masih perlu dibentuk",
        "en": "KIM still to form",
    },
    "home.kpi.to_form_help": {
        "id": "Target dikurangi registri.",
        "en": "Target minus registry.",
    },
    "home.link.ranking": {
        "id": "Lihat peringkat",
        "en": "See the ranking",
    },
    "home.link.kecamatan": {
        "id": "Lihat per kecamatan",
        "en": "See by kecamatan",
    },
    "home.link.planner": {
        "id": "Lihat rencana",
        "en": "See the plan",
    },
    "home.link.data": {
        "id": "Pakai data sendiri",
        "en": "Use your own data",
    },
    "home.history.title": {
        "id": "Jumlah KIM Kabupaten Bogor dari waktu ke waktu",
        "en": "Kabupaten Bogor's KIM over time",
    },
    "home.history.published": {
        "id": "Angka terbit bertanggal",
        "en": "Dated published figures",
    },
    "home.history.undated": {
        "id": "Laporan tanpa tanggal (tidak digambar pada sumbu waktu)",
        "en": "Undated reports (not drawn on the time axis)",
    },
    "home.howto.title": {
        "id": "Cara membaca dasbor ini",
        "en": "How to read this dashboard",
    },
    "home.howto.body": {
        "id": "1. **Peringkat Nasional** — posisi kabupaten/kota menurut jumlah KIM (Des 2014); pilih fokus dan filter, lalu unduh tabelnya.\n2. **Sebaran per Kecamatan** — KIM per kecamatan dan desa; pilih kecamatan untuk melihat daftar KIM-nya.\n3. **Kesenjangan & Rencana** — kecamatan mana yang kurang dari bagian meratanya dan di mana KIM berikutnya sebaiknya dibentuk.\n4. **Kelola Data** — unggah registri Anda sendiri (hanya untuk sesi ini).\n\n📘 = angka terbit (dengan sumber); 🧪 = data contoh ilustratif. Tautan halaman menyimpan filter Anda, jadi bisa dibagikan.",
        "en": "1. **National ranking** — regencies by number of KIM (Dec 2014); pick a focus and filters, then download the table.\n2. **By kecamatan** — KIM per kecamatan and desa; pick kecamatan to list their KIM.\n3. **Gaps & plan** — which kecamatan are below their even share and where the next KIM should go.\n4. **Manage data** — upload your own registry (this session only).\n\n📘 = published figure (with its source); 🧪 = illustrative sample data. Page links keep your filters, so they can be shared.",
    },
}
