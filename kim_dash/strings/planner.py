"""The gaps-and-plan page."""

STRINGS: dict[str, dict[str, str]] = {
    "planner.title": {
        "id": "Kesenjangan & Rencana Pembentukan KIM",
        "en": "Gaps and a plan for new KIM",
    },
    "planner.lead": {
        "id": "Target Diskominfo: 150 KIM tersebar merata di setiap kecamatan. Halaman ini menghitung bagian tiap kecamatan dan mengusulkan di mana KIM baru dibentuk.",
        "en": "Diskominfo's target: 150 KIM spread evenly over every kecamatan. This page computes each kecamatan's share and proposes where new KIM go.",
    },
    "planner.target": {
        "id": "Target jumlah KIM",
        "en": "Target number of KIM",
    },
    "planner.weighting": {
        "id": "Pembobotan",
        "en": "Weighting",
    },
    "planner.method": {
        "id": "Metode pembagian",
        "en": "Apportionment method",
    },
    "planner.mode": {
        "id": "Mode",
        "en": "Mode",
    },
    "planner.weighting.equal": {
        "id": "sama rata",
        "en": "equal",
    },
    "planner.weighting.desa": {
        "id": "jumlah desa",
        "en": "number of desa",
    },
    "planner.weighting.equal.help": {
        "id": "Bobot sama rata: setiap kecamatan berhak atas bagian yang sama.",
        "en": "Equal weights: every kecamatan is due the same share.",
    },
    "planner.weighting.desa.help": {
        "id": "Bobot jumlah desa/kelurahan: kecamatan dengan lebih banyak desa mendapat bagian lebih besar.",
        "en": "Weighted by desa/kelurahan: kecamatan with more desa get a larger share.",
    },
    "planner.weighting.file": {
        "id": "berkas bobot",
        "en": "weights file",
    },
    "planner.weighting.file.help": {
        "id": "Bobot dari berkas Anda (mis. jumlah penduduk per kecamatan).",
        "en": "Weights from your file (e.g. population per kecamatan).",
    },
    "planner.weights_file": {
        "id": "Berkas bobot (CSV: code,weight)",
        "en": "Weights file (CSV: code,weight)",
    },
    "planner.weights_file_help": {
        "id": "Kolom code (kode kecamatan) dan weight; opsional name dan current (jumlah KIM sekarang).",
        "en": "Columns code (kecamatan code) and weight; optionally name and current (KIM today).",
    },
    "planner.weights_file_missing": {
        "id": "Belum ada berkas bobot: sementara dipakai bobot sama rata.",
        "en": "No weights file yet: equal weights are used for now.",
    },
    "planner.mode.topup": {
        "id": "tambah saja",
        "en": "top-up",
    },
    "planner.mode.full": {
        "id": "penuh",
        "en": "full",
    },
    "planner.mode.topup.help": {
        "id": "Tambah saja: KIM baru ditempatkan satu per satu; tidak ada kecamatan yang kehilangan KIM. Kekurangan = target − sesudah.",
        "en": "Top-up: new KIM are placed one at a time; no kecamatan loses a KIM. Gap = target − after.",
    },
    "planner.mode.full.help": {
        "id": "Penuh: target dibandingkan dengan kondisi sekarang; kekurangan negatif = di atas bagiannya.",
        "en": "Full: target compared with today; a negative gap = above its share.",
    },
    "planner.kpi.current": {
        "id": "KIM sekarang",
        "en": "KIM now",
    },
    "planner.kpi.target": {
        "id": "Target",
        "en": "Target",
    },
    "planner.kpi.to_form": {
        "id": "Masih perlu dibentuk",
        "en": "Still to form",
    },
    "planner.kpi.progress": {
        "id": "Kemajuan",
        "en": "Progress",
    },
    "planner.explain.title": {
        "id": "Cara menghitung",
        "en": "How it is computed",
    },
    "planner.explain.hamilton": {
        "id": "**Sisa terbesar (Hamilton).** Setiap kecamatan mendapat bagian pasnya (target × bobot ÷ total bobot), dibulatkan ke bawah; sisa kursi diberikan kepada kecamatan dengan pecahan terbesar. Dalam mode tambah saja, setiap KIM baru diberikan kepada kecamatan yang paling jauh di bawah bagian pasnya.",
        "en": "**Largest remainder (Hamilton).** Each kecamatan gets its exact share (target × weight ÷ total weight) rounded down; the seats left go to the largest fractions. In top-up mode each new KIM goes to the kecamatan furthest below its exact share.",
    },
    "planner.explain.webster": {
        "id": "**Webster/Sainte-Laguë.** KIM dibagikan satu per satu kepada kecamatan dengan nilai bobot ÷ (KIM yang sudah dimiliki + ½) tertinggi. Seimbang: tidak memihak kecamatan besar maupun kecil. Metode ini dipakai untuk kursi DPR RI sejak Pemilu 2019.",
        "en": "**Webster/Sainte-Laguë.** KIM are handed out one at a time to the kecamatan with the highest weight ÷ (KIM it has + ½). Balanced: favours neither large nor small units. Indonesia has used it for DPR seats since the 2019 election.",
    },
    "planner.explain.huntington-hill": {
        "id": "**Huntington–Hill.** Seperti Webster, tetapi pembaginya √(n × (n+1)): setiap kecamatan yang berbobot mendapat setidaknya satu KIM lebih dulu. Dipakai untuk DPR Amerika Serikat.",
        "en": "**Huntington–Hill.** Like Webster with the divisor √(n × (n+1)): every weighted kecamatan gets one KIM first. Used for the US House of Representatives.",
    },
    "planner.explain.dhondt": {
        "id": "**D'Hondt/Jefferson.** Pembaginya n + 1: cenderung memihak kecamatan berbobot besar.",
        "en": "**D'Hondt/Jefferson.** The divisor is n + 1: it leans toward large units.",
    },
    "planner.explain.ties": {
        "id": "**Aturan seri:** bila dua kecamatan sama kuat, yang memiliki lebih banyak desa/kelurahan didahulukan, lalu bobot lebih besar, lalu kode Kemendagri lebih kecil. Contoh: 150 ÷ 40 = 3,75, jadi 30 kecamatan mendapat 4 dan 10 kecamatan mendapat 3.",
        "en": "**Tie rule:** when two kecamatan are level, the one with more desa/kelurahan goes first, then the larger weight, then the lower Kemendagri code. Example: 150 ÷ 40 = 3.75, so 30 kecamatan get 4 and 10 get 3.",
    },
    "planner.table_title": {
        "id": "Rencana per kecamatan",
        "en": "Plan per kecamatan",
    },
    "planner.short_note": {
        "id": "{n} kecamatan mendapat KIM baru atau masih kurang: {names}",
        "en": "{n} kecamatan get new KIM or are short: {names}",
    },
    "planner.file": {
        "id": "kim_rencana",
        "en": "kim_plan",
    },
    "plan.col.code": {
        "id": "Kode",
        "en": "Code",
    },
    "plan.col.name": {
        "id": "Kecamatan",
        "en": "Kecamatan",
    },
    "plan.col.current": {
        "id": "Sekarang",
        "en": "Now",
    },
    "plan.col.weight": {
        "id": "Bobot",
        "en": "Weight",
    },
    "plan.col.target": {
        "id": "Target",
        "en": "Target",
    },
    "plan.col.gap": {
        "id": "Kekurangan",
        "en": "Gap",
    },
    "plan.col.new": {
        "id": "KIM baru",
        "en": "New KIM",
    },
    "plan.col.after": {
        "id": "Sesudah",
        "en": "After",
    },
    "planner.inequality": {
        "id": "Ketimpangan sebelum dan sesudah rencana",
        "en": "Inequality before and after the plan",
    },
    "planner.ineq.measure": {
        "id": "Ukuran",
        "en": "Measure",
    },
    "planner.ineq.before": {
        "id": "Sebelum",
        "en": "Before",
    },
    "planner.ineq.after": {
        "id": "Sesudah",
        "en": "After",
    },
    "planner.ineq.gini_per_village": {
        "id": "Gini KIM per desa antar-kecamatan (0 = merata)",
        "en": "Gini of KIM per desa across kecamatan (0 = even)",
    },
    "planner.ineq.cv": {
        "id": "Koefisien variasi KIM per kecamatan",
        "en": "Coefficient of variation of KIM per kecamatan",
    },
    "planner.ineq.min_max_ratio": {
        "id": "Rasio terkecil/terbesar",
        "en": "Min/max ratio",
    },
    "planner.ineq.zero_units": {
        "id": "Kecamatan tanpa KIM",
        "en": "Kecamatan without KIM",
    },
    "planner.ineq.share_at_target": {
        "id": "Kecamatan yang mencapai target",
        "en": "Kecamatan at or above target",
    },
    "planner.saturation": {
        "id": "Skenario satu KIM di setiap desa/kelurahan",
        "en": "Scenario: one KIM in every desa/kelurahan",
    },
    "planner.saturation_note": {
        "id": "Dibutuhkan {needed} KIM baru agar semua {villages} desa/kelurahan memiliki KIM.",
        "en": "{needed} new KIM are needed for all {villages} desa/kelurahan to have one.",
    },
    "saturation.col.code": {
        "id": "Kode",
        "en": "Code",
    },
    "saturation.col.name": {
        "id": "Kecamatan",
        "en": "Kecamatan",
    },
    "saturation.col.villages": {
        "id": "Desa+kel.",
        "en": "Desa+kel.",
    },
    "saturation.col.villages_covered": {
        "id": "Desa ber-KIM",
        "en": "Desa with KIM",
    },
    "saturation.col.kim": {
        "id": "KIM",
        "en": "KIM",
    },
    "saturation.col.needed": {
        "id": "KIM dibutuhkan",
        "en": "KIM needed",
    },
    "saturation.file": {
        "id": "kim_saturasi_desa",
        "en": "kim_desa_saturation",
    },
}
