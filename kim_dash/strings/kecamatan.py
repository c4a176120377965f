"""The per-kecamatan page."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "kecamatan.title": ("Sebaran KIM per Kecamatan · {name}", "KIM by kecamatan · {name}"),
        "kecamatan.filter": ("Kecamatan", "Kecamatan"),
        "kecamatan.filter_all": (
            "Semua kecamatan (klik peta atau grafik untuk memilih)",
            "All kecamatan (click the map or chart to choose)",
        ),
        "kecamatan.reset": ("Semua", "All"),
        "kecamatan.disagree": (
            "Registri dan tabel jumlah bertanggal sama tidak cocok (registri/tabel): {pairs}.",
            "The registry and the count table of the same date disagree (registry/table): {pairs}.",
        ),
        "kecamatan.kpi.kim": ("KIM", "KIM"),
        "kecamatan.kpi.kecamatan": ("Kecamatan yang punya KIM", "Kecamatan with a KIM"),
        "kecamatan.kpi.spm_help": (
            "Indikator SPM (Permenkominfo 22/2010): cakupan KIM di tingkat kecamatan.",
            "Minimum-service indicator (Permenkominfo 22/2010): KIM coverage of kecamatan.",
        ),
        "kecamatan.kpi.desa": ("Desa/kelurahan yang punya KIM", "Desa/kelurahan with a KIM"),
        "kecamatan.kpi.target": ("Target per kecamatan", "Target per kecamatan"),
        "kecamatan.kpi.target_help.even": (
            "Target {total} KIM dibagi rata ke {n} kecamatan (sisa terbesar).",
            "A target of {total} KIM shared evenly over {n} kecamatan (largest remainder).",
        ),
        "kecamatan.kpi.target_help.per_desa": (
            "Satu KIM di setiap desa/kelurahan: {total} KIM di {n} kecamatan.",
            "One KIM in every desa/kelurahan: {total} KIM in {n} kecamatan.",
        ),
        "kecamatan.kpi.target_help.per_kecamatan": (
            "KIM di setiap kecamatan: {total} KIM di {n} kecamatan.",
            "A KIM in every kecamatan: {total} KIM in {n} kecamatan.",
        ),
        "kecamatan.kpi.target_help.default": (
            "Tidak ada target di data: dipakai satu KIM di setiap kecamatan ({n}).",
            "No target in the data: one KIM in every kecamatan ({n}) is used.",
        ),
        "kecamatan.per_10": ("Tampilkan KIM per 10 desa/kelurahan", "Show KIM per 10 desa/kelurahan"),
        "kecamatan.map_hint": (
            "Sentuh atau klik kecamatan untuk melihat rinciannya.",
            "Tap or click a kecamatan to see its details.",
        ),
        "kecamatan.table_title": ("Tabel kecamatan", "Kecamatan table"),
        "kecamatan.table_title_file": ("kim_kecamatan", "kim_kecamatan"),
        "kecamatan.registry_title": ("Daftar KIM", "KIM registry"),
        "kecamatan.registry_title_file": ("kim_registri", "kim_registry"),
        "kecamatan.search": ("Cari KIM, desa atau bidang", "Search KIM, desa or field"),
        "kecamatan.search_hint": ("mis. cipayung", "e.g. cipayung"),
        "kecamatan.registry_count": ("{n} KIM", "{n} KIM", "1 KIM"),
        "kecamatan.progress_title": ("Perkembangan dari waktu ke waktu", "Progress over time"),
        "kecamatan.since_previous": ("Sejak data {date}: {changes}.", "Since the data of {date}: {changes}."),
        "kecamatan.no_change": ("tidak ada perubahan", "no change"),
    }
)
