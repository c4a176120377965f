"""The gaps-and-plan page."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "planner.explain.hamilton": (
            "**Sisa terbesar (Hamilton).** Setiap kecamatan mendapat bagian pasnya (target × bobot ÷ total bobot), dibulatkan ke bawah; sisa kursi diberikan kepada kecamatan dengan pecahan terbesar. Dalam mode tambah saja, setiap KIM baru diberikan kepada kecamatan yang paling jauh di bawah bagian pasnya.",
            "**Largest remainder (Hamilton).** Each kecamatan gets its exact share (target × weight ÷ total weight) rounded down; the seats left go to the largest fractions. In top-up mode each new KIM goes to the kecamatan furthest below its exact share.",
        ),
        "planner.explain.webster": (
            "**Webster/Sainte-Laguë.** KIM dibagikan satu per satu kepada kecamatan dengan nilai bobot ÷ (KIM yang sudah dimiliki + ½) tertinggi. Seimbang: tidak memihak kecamatan besar maupun kecil. Metode ini dipakai untuk kursi DPR RI sejak Pemilu 2019.",
            "**Webster/Sainte-Laguë.** KIM are handed out one at a time to the kecamatan with the highest weight ÷ (KIM it has + ½). Balanced: favours neither large nor small units. Indonesia has used it for DPR seats since the 2019 election.",
        ),
        "planner.explain.huntington-hill": (
            "**Huntington–Hill.** Seperti Webster, tetapi pembaginya √(n × (n+1)): setiap kecamatan yang berbobot mendapat setidaknya satu KIM lebih dulu. Dipakai untuk DPR Amerika Serikat.",
            "**Huntington–Hill.** Like Webster with the divisor √(n × (n+1)): every weighted kecamatan gets one KIM first. Used for the US House of Representatives.",
        ),
        "planner.explain.dhondt": (
            "**D'Hondt/Jefferson.** Pembaginya n + 1: cenderung memihak kecamatan berbobot besar.",
            "**D'Hondt/Jefferson.** The divisor is n + 1: it leans toward large units.",
        ),
        "planner.ineq.measure": ("Ukuran", "Measure"),
        "planner.ineq.before": ("Sebelum", "Before"),
        "planner.ineq.after": ("Sesudah", "After"),
        "planner.ineq.gini_per_village": (
            "Gini KIM per desa antar-kecamatan (0 = merata)",
            "Gini of KIM per desa across kecamatan (0 = even)",
        ),
        "planner.ineq.cv": (
            "Koefisien variasi KIM per kecamatan",
            "Coefficient of variation of KIM per kecamatan",
        ),
        "planner.ineq.min_max_ratio": ("Rasio terkecil/terbesar", "Min/max ratio"),
        "planner.ineq.zero_units": ("Kecamatan tanpa KIM", "Kecamatan without KIM"),
        "planner.ineq.share_at_target": ("Kecamatan yang mencapai target", "Kecamatan at or above target"),
        "planner.title": ("Rencana KIM Baru · {name}", "Where new KIM should go · {name}"),
        "planner.advanced": (
            "Pengaturan lanjutan: target, bobot, metode",
            "Advanced settings: target, weights, method",
        ),
        "planner.target": ("Target jumlah KIM", "Target number of KIM"),
        "planner.target_help": (
            "Bawaan: target wilayah ini di data. Angka lain dihitung sebagai skenario dan dibagi menurut bobot.",
            "Default: this area's target in the data. Any other number is a scenario shared by the weights.",
        ),
        "planner.weighting": ("Pembobotan", "Weighting"),
        "planner.method": ("Metode pembagian", "Apportionment method"),
        "planner.mode": ("Cara membaca", "Reading"),
        "planner.weighting.equal": ("sama rata", "equal"),
        "planner.weighting.desa": ("jumlah desa/kelurahan", "number of desa/kelurahan"),
        "planner.weighting.file": ("berkas bobot", "weights file"),
        "planner.weighting.equal.help": (
            "Setiap kecamatan berhak atas bagian yang sama.",
            "Every kecamatan is due the same share.",
        ),
        "planner.weighting.desa.help": (
            "Kecamatan dengan lebih banyak desa/kelurahan mendapat bagian lebih besar.",
            "Kecamatan with more desa/kelurahan get a larger share.",
        ),
        "planner.weighting.file.help": (
            "Bobot dari berkas Anda (mis. jumlah penduduk per kecamatan).",
            "Weights from your file (e.g. population per kecamatan).",
        ),
        "planner.weights_file": ("Berkas bobot (kecamatan, bobot)", "Weights file (kecamatan, weight)"),
        "planner.weights_file_help": (
            "Kolom kecamatan (nama atau kode) dan bobot; boleh juga jumlah KIM sekarang. CSV dengan koma atau titik koma, XLSX, XLS atau ODS.",
            "Columns kecamatan (name or code) and weight; optionally the current number of KIM. CSV with commas or semicolons, XLSX, XLS or ODS.",
        ),
        "planner.mode.topup": ("tambah saja", "top up"),
        "planner.mode.full": ("bandingkan dengan bagian", "compare with shares"),
        "planner.mode.topup.help": (
            "KIM baru ditempatkan satu per satu di kecamatan yang paling berhak; tidak ada kecamatan yang kehilangan KIM.",
            "New KIM are placed one at a time where the claim is strongest; no kecamatan loses a KIM.",
        ),
        "planner.mode.full.help": (
            "Bagian tiap kecamatan dibandingkan dengan keadaan sekarang; selisih negatif berarti kelebihan, bukan KIM yang harus dihapus.",
            "Each kecamatan's share is compared with today; a negative difference is a surplus, not a KIM to remove.",
        ),
        "planner.minimums.per_desa": (
            "Target wilayah ini: satu KIM di setiap desa/kelurahan. Setiap kecamatan perlu KIM sebanyak desa/kelurahan yang belum punya.",
            "This area's target: one KIM in every desa/kelurahan. Each kecamatan needs as many KIM as it has desa/kelurahan without one.",
        ),
        "planner.minimums.per_kecamatan": (
            "Target wilayah ini: KIM di setiap kecamatan. Kecamatan tanpa KIM didahulukan.",
            "This area's target: a KIM in every kecamatan. Kecamatan without one come first.",
        ),
        "planner.minimums.default": (
            "Tidak ada target di data: dipakai satu KIM di setiap kecamatan.",
            "No target in the data: one KIM in every kecamatan is used.",
        ),
        "planner.kpi.current": ("KIM sekarang", "KIM now"),
        "planner.kpi.target": ("Target", "Target"),
        "planner.kpi.to_form": ("Masih perlu dibentuk", "Still to form"),
        "planner.kpi.progress": ("Kemajuan", "Progress"),
        "planner.explain.ties": (
            "**Aturan seri:** bila dua kecamatan sama kuat, yang memiliki lebih banyak desa/kelurahan didahulukan, lalu bobot lebih besar, lalu kode Kemendagri lebih kecil. Contoh Kabupaten Bogor: 150 ÷ 40 = 3,75, jadi 30 kecamatan mendapat 4 dan 10 kecamatan mendapat 3.",
            "**Tie rule:** when two kecamatan are level, the one with more desa/kelurahan goes first, then the larger weight, then the lower Kemendagri code. Kabupaten Bogor example: 150 ÷ 40 = 3.75, so 30 kecamatan get 4 and 10 get 3.",
        ),
        "planner.table_title.topup": ("Rencana per kecamatan", "Plan per kecamatan"),
        "planner.table_title.topup_file": ("kim_rencana", "kim_plan"),
        "planner.table_title.full": (
            "Bagian dan selisih per kecamatan",
            "Shares and differences per kecamatan",
        ),
        "planner.table_title.full_file": ("kim_bagian", "kim_shares"),
        "planner.by_year": ("Rencana per tahun", "Plan by year"),
        "planner.by_year_file": ("kim_rencana_tahunan", "kim_plan_by_year"),
        "planner.per_year": ("KIM baru per tahun", "New KIM a year"),
        "planner.from_year": ("Mulai tahun", "From year"),
        "planner.until": ("Tenggat (tahun)", "Deadline (year)"),
        "planner.reached": (
            "Dengan {per_year} KIM baru per tahun, target tercapai pada {year} (tenggat {until}).",
            "With {per_year} new KIM a year, the target is met in {year} (deadline {until}).",
        ),
        "planner.reached_late": (
            "Dengan {per_year} KIM baru per tahun, target baru tercapai pada {year}, sesudah tenggat {until}.",
            "With {per_year} new KIM a year, the target is only met in {year}, after the deadline {until}.",
        ),
        "planner.not_reached": (
            "Dengan {per_year} KIM baru per tahun, target tidak tercapai dalam 100 tahun.",
            "With {per_year} new KIM a year, the target is not met within 100 years.",
        ),
        "planner.inequality": (
            "Ketimpangan sebelum dan sesudah rencana",
            "Inequality before and after the plan",
        ),
        "planner.saturation": (
            "Skenario satu KIM di setiap desa/kelurahan",
            "Scenario: one KIM in every desa/kelurahan",
        ),
        "planner.saturation_file": ("kim_saturasi_desa", "kim_desa_saturation"),
        "planner.saturation_note": (
            "Dibutuhkan {needed} KIM baru agar semua {villages} desa/kelurahan memiliki KIM.",
            "{needed} new KIM are needed for all {villages} desa/kelurahan to have one.",
        ),
    }
)
