"""Chart and map labels."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "chart.kim_count": ("Jumlah KIM", "Number of KIM"),
        "chart.kim_per_10": ("KIM per 10 desa/kelurahan", "KIM per 10 desa/kelurahan"),
        "chart.target_line": ("target merata {value}", "even target {value}"),
        "chart.target_total": ("target {value}", "target {value}"),
        "chart.hatched_note": ("arsir = ilustratif", "hatched = illustrative"),
        "chart.by_year_formed": ("menurut tahun dibentuk", "by year formed"),
        "chart.reports": ("angka dilaporkan", "reported counts"),
        "chart.snapshots": ("data tersimpan", "stored data"),
        "chart.now": ("sekarang", "now"),
        "chart.after": ("sesudah rencana", "after the plan"),
        "chart.new_per_year": ("KIM baru per tahun", "new KIM per year"),
        "chart.total_after": ("jumlah KIM", "total KIM"),
        "map.kecamatan_tip": ("KIM: {kim} · target: {target}", "KIM: {kim} · target: {target}"),
        "map.regency_tip": ("{count} KIM · peringkat {rank}", "{count} KIM · rank {rank}"),
        "map.regency_none": ("tanpa KIM di tabel", "no KIM in the table"),
        "map.attribution": ("Batas wilayah: {source}", "Boundaries: {source}"),
        "map.attribution_upload": (
            "Batas wilayah: berkas unggahan sesi ini (cadangan: {source})",
            "Boundaries: this session's uploaded file (fallback: {source})",
        ),
    }
)
