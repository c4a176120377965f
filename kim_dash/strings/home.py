"""The Ringkasan (home) page."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "home.title": ("KIM {name}", "KIM in {name}"),
        "home.kpi.national": ("KIM di Indonesia ({date})", "KIM in Indonesia ({date})"),
        "home.kpi.national_help": (
            "Jumlah tabel nasional: {regencies} kabupaten/kota di {provinces} provinsi.",
            "Sum of the national table: {regencies} kabupaten/kota in {provinces} provinces.",
        ),
        "home.kpi.rank": ("Peringkat nasional ({date})", "National rank ({date})"),
        "home.kpi.rank_help": (
            "Peringkat kompetisi standar menurut jumlah KIM ({count} KIM).",
            "Standard competition rank by number of KIM ({count} KIM).",
        ),
        "home.kpi.kim": ("KIM tercatat", "KIM on record"),
        "home.kpi.kim_help": ("Menuju target {target}: {pct}.", "Toward the target of {target}: {pct}."),
        "home.progress": ("{pct} dari target", "{pct} of the target"),
        "home.kpi.kecamatan": ("Kecamatan yang punya KIM", "Kecamatan with a KIM"),
        "home.kpi.kecamatan_help": (
            "Indikator SPM: cakupan KIM di tingkat kecamatan.",
            "Minimum-service indicator: KIM coverage of kecamatan.",
        ),
        "home.kpi.desa": ("Desa/kelurahan yang punya KIM", "Desa/kelurahan with a KIM"),
        "home.kpi.desa_help": ("Aspirasi: satu KIM di setiap desa.", "Aspiration: one KIM in every desa."),
        "home.kpi.to_form": ("KIM yang masih perlu dibentuk", "KIM still to form"),
        "home.kpi.to_form_help": (
            "Menurut target wilayah ini di data.",
            "By this area's target in the data.",
        ),
        "home.link.ranking": ("Lihat peringkat", "See the ranking"),
        "home.link.kecamatan": ("Lihat per kecamatan", "See by kecamatan"),
        "home.link.planner": ("Lihat rencana", "See the plan"),
        "home.link.data": ("Pakai data sendiri", "Use your own data"),
        "home.no_data": (
            "Belum ada data KIM per kecamatan untuk {name}: lihat Kelola Data.",
            "There is no per-kecamatan KIM data for {name} yet: see Manage data.",
        ),
        "home.history.title": ("Jumlah KIM dari waktu ke waktu", "KIM over time"),
        "home.history.published": ("Laporan bertanggal", "Dated reports"),
        "home.history.undated": (
            "Laporan tanpa tanggal (tidak digambar pada sumbu waktu)",
            "Undated reports (not drawn on the time axis)",
        ),
        "home.history.note": (
            "Titik biru: data tersimpan per tanggal. Belah ketupat: angka yang dilaporkan. Garis titik-titik: KIM menurut tahun dibentuk di registri.",
            "Blue dots: stored data by date. Diamonds: reported counts. Dotted line: KIM by year formed in the registry.",
        ),
        "home.howto.title": ("Cara membaca dasbor ini", "How to read this dashboard"),
        "home.howto.body": (
            "1. **Peringkat Nasional**: posisi kabupaten/kota menurut jumlah KIM; klik batang atau peta untuk memilih wilayah.\n2. **Sebaran per Kecamatan**: KIM per kecamatan dan desa; klik kecamatan di peta atau grafik untuk melihat KIM-nya.\n3. **Kesenjangan & Rencana**: kecamatan mana yang kurang dan di mana KIM berikutnya sebaiknya dibentuk, juga per tahun.\n4. **Kelola Data**: coba data Anda sendiri (pratinjau) dan lihat data tersimpan.\n\nTautan halaman menyimpan pilihan Anda, jadi bisa dibagikan.",
            "1. **National ranking**: where each kabupaten/kota stands by number of KIM; click a bar or the map to choose an area.\n2. **By kecamatan**: KIM per kecamatan and desa; click a kecamatan on the map or chart to see its KIM.\n3. **Gaps & plan**: which kecamatan are short and where the next KIM should be formed, also year by year.\n4. **Manage data**: try your own data (a preview) and see the stored data.\n\nPage links keep your choices, so they can be shared.",
        ),
    }
)
