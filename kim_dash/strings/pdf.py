"""The PDF brief's own words (everything else comes from the page it briefs)."""

from kim_dash.strings._table import table

STRINGS = table(
    {
        "pdf.subtitle": ("Ringkasan Dasbor KIM", "KIM Dashboard brief"),
        "pdf.footer": ("Dasbor KIM · halaman {page} dari {pages}", "KIM Dashboard · page {page} of {pages}"),
        "pdf.notes": ("Catatan", "Notes"),
        "pdf.note_illustrative": (
            "Angka bertanda ilustratif berasal dari data contoh, bukan angka resmi; angka lain berasal dari sumber terbit di atas.",
            "Figures marked illustrative come from sample data, not official figures; the others come from the published sources above.",
        ),
        "pdf.more_rows": (
            "{count} baris lain ada di unduhan tabel (CSV/XLSX).",
            "{count} more rows are in the table download (CSV/XLSX).",
            "1 more row is in the table download (CSV/XLSX).",
        ),
        "pdf.focus": ("Wilayah fokus: {name}", "Focus: {name}"),
        "pdf.provinces": ("Provinsi: {names}", "Provinces: {names}"),
        "pdf.types": ("Jenis: {names}", "Type: {names}"),
        "pdf.bands": ("Kelompok: {names}", "Bands: {names}"),
        "pdf.search": ("Pencarian: {text}", "Search: {text}"),
        "pdf.kecamatan": ("Kecamatan: {names}", "Kecamatan: {names}"),
        "pdf.plan": (
            "Target {target} · bobot {weighting} · metode {method} · {mode}",
            "Target {target} · weights {weighting} · method {method} · {mode}",
        ),
    }
)
