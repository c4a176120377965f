"""Generated sentences of the brief (home page, page tops, the PDF)."""

STRINGS: dict[str, dict[str, str]] = {
    "brief.rank": {
        "id": "Pada {date}, {name} berada di peringkat {rank} dari {of} kabupaten/kota dengan {count} KIM.",
        "en": "In {date}, {name} ranked {rank} of {of} kabupaten/kota with {count} KIM.",
    },
    "brief.not_ranked": {
        "id": "{name} tidak tercatat punya KIM dalam tabel nasional {date}.",
        "en": "{name} has no KIM in the national table of {date}.",
    },
    "brief.target_short": {
        "id": "Data per {date}: {kim} KIM, target {target}; masih kurang {short} KIM.",
        "en": "Data as of {date}: {kim} KIM against a target of {target}; {short} KIM still to form.",
    },
    "brief.target_met": {
        "id": "Data per {date}: {kim} KIM, target {target} sudah tercapai.",
        "en": "Data as of {date}: {kim} KIM; the target of {target} is met.",
    },
    "brief.preview_date": {"id": "unggahan yang belum disimpan", "en": "an unsaved upload"},
    "brief.default_target": {
        "id": "(Tidak ada target di data: dipakai satu KIM di setiap kecamatan.)",
        "en": "(No target in the data: one KIM in every kecamatan is used.)",
    },
    "brief.empty": {
        "id": "{count} kecamatan belum punya KIM: {names}.",
        "en": "{count} kecamatan have no KIM: {names}.",
        "en_one": "1 kecamatan has no KIM: {names}.",
    },
    "brief.no_empty": {"id": "Setiap kecamatan sudah punya KIM.", "en": "Every kecamatan has a KIM."},
    "brief.proposal": {"id": "KIM baru diusulkan di: {places}.", "en": "New KIM are proposed in: {places}."},
    "brief.no_proposal": {
        "id": "Tidak ada KIM baru yang perlu diusulkan untuk target ini.",
        "en": "No new KIM are needed for this target.",
    },
    "brief.more": {"id": "{count} lainnya", "en": "{count} more"},
    "brief.no_data": {
        "id": "Belum ada data KIM per kecamatan untuk {name}.",
        "en": "There is no per-kecamatan KIM data for {name} yet.",
    },
}
STRINGS.update(
    {
        "brief.published_parts": {
            "id": "Yang terbit ({date}): {parts}. Angka lain di halaman ini bertanda ilustratif: data contoh.",
            "en": "Published ({date}): {parts}. Other figures on this page are marked illustrative: sample data.",
        },
        "brief.fact.total_kim": {"id": "total {value} KIM", "en": "{value} KIM in all"},
        "brief.fact.regencies_with_kim": {
            "id": "{value} kabupaten/kota ber-KIM",
            "en": "{value} kabupaten/kota with KIM",
        },
        "brief.fact.provinces_with_kim": {"id": "{value} provinsi", "en": "{value} provinces"},
        "brief.fact.kecamatan_with_kim": {
            "id": "{value} kecamatan ber-KIM",
            "en": "{value} kecamatan with KIM",
        },
        "brief.fact.band_count": {"id": "{value} {subject}", "en": "{value} {subject}"},
        "brief.fact.band": {"id": "di kelompok {band} KIM", "en": "with {band} KIM"},
        "brief.fact.order": {"id": "urutan {order}", "en": "the order {order}"},
        "brief.fact.count": {"id": "{name} {value} KIM", "en": "{name} {value} KIM"},
    }
)
