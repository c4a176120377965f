"""Realistic PDF brief content for tests and for looking at the layout.

`write_samples(folder)` renders realistic Indonesian and English briefs (and PNGs of them when
poppler's pdftoppm is installed) for looking at:
    python -c "from tests.pdf_samples import write_samples; write_samples('screenshots/pdf')"
"""

from __future__ import annotations

import csv
import random
import shutil
import subprocess
from pathlib import Path
from typing import Any

from kim_dash.i18n import fmt_int, fmt_num, fmt_pct
from kim_dash.outputs.pdf.render import BriefDoc, Chart, Kpi, Sentence, Series, Table, render_pdf

ROOT = Path(__file__).resolve().parents[1]
STATUS = {"below": "#C8553D", "at": "#2E6F9E", "above": "#5B9A68"}
WORDS: dict[str, dict[str, Any]] = {
    "id": {
        "title": "Sebaran KIM per kecamatan",
        "marker": "ilustratif",
        "status": {"below": "di bawah target", "at": "tepat target", "above": "di atas target"},
        "footer": "KIM Dashboard · Diskominfo Kabupaten Bogor · halaman {page} dari {pages}",
    },
    "en": {
        "title": "KIM by kecamatan",
        "marker": "illustrative",
        "status": {"below": "below target", "at": "at target", "above": "above target"},
        "footer": "KIM Dashboard · Diskominfo Kabupaten Bogor · page {page} of {pages}",
    },
}


def _kecamatan() -> list[dict[str, str]]:
    with open(ROOT / "data" / "reference" / "kecamatan.csv", encoding="utf-8") as f:
        return [row for row in csv.DictReader(f) if row["regency_code"] == "32.01"]  # Kabupaten Bogor


def sample_doc(lang: str = "id", kind: str = "bars") -> BriefDoc:
    """A typical default view: 4 sentences, 6 KPIs, 40 bars, a 15-row table of 8 columns, 4 notes."""
    w, rng = WORDS[lang], random.Random(56)
    rows = [(k, rng.choice([0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6, 7, 11, 15])) for k in _kecamatan()]
    rows.sort(key=lambda r: (-r[1], r[0]["code"]))
    target = 150 / 40
    status = ["below" if n < 3.5 else "at" if n < 4.5 else "above" for _, n in rows]
    total, short = sum(n for _, n in rows), sum(1 for s in status if s == "below")
    zero = sum(1 for _, n in rows if n == 0)
    villages = [int(k["desa_count"]) + int(k["kelurahan_count"]) for k, _ in rows]
    en = lang == "en"
    sentences = (
        Sentence(
            f"{total} KIM in 40 kecamatan; the target is 150."
            if en
            else f"Ada {total} KIM di 40 kecamatan; targetnya 150."
        ),
        Sentence(
            f"{short} kecamatan are below the even target of {fmt_num(target, lang)} KIM, {zero} of them without any KIM."  # noqa: E501 - one XML or table line reads best whole
            if en
            else f"{short} kecamatan masih di bawah target merata {fmt_num(target, lang)} KIM, {zero} di antaranya belum punya KIM."  # noqa: E501 - one XML or table line reads best whole
        ),
        Sentence(
            f"Most KIM: {rows[0][0]['name']} ({rows[0][1]}) → least: {rows[-1][0]['name']} ({rows[-1][1]})."
            if en
            else f"Terbanyak: {rows[0][0]['name']} ({rows[0][1]}) → tersedikit: {rows[-1][0]['name']} ({rows[-1][1]})."
        ),
        Sentence(
            "Year of formation follows the sample registry."
            if en
            else "Tahun pembentukan mengikuti registri contoh.",
            illustrative=True,
        ),
    )
    kpis = (
        Kpi("Number of KIM" if en else "Jumlah KIM", fmt_int(total, lang), "target 150"),
        Kpi("Kecamatan with a KIM" if en else "Kecamatan ber-KIM", f"{40 - zero} / 40"),
        Kpi("Below target" if en else "Di bawah target", fmt_int(short, lang), "kecamatan"),
        Kpi("KIM per 10 desa/kelurahan", fmt_num(10 * total / sum(villages), lang, 1)),
        Kpi("Short of target" if en else "Kurang dari target", fmt_int(max(150 - total, 0), lang), "KIM"),
        Kpi(
            "Active in 2016" if en else "Aktif pada 2016",
            fmt_pct(0.87, lang),
            "≥ 1 kegiatan" if not en else "≥ 1 activity",
            illustrative=True,
        ),
    )
    names = tuple(k["name"] for k, _ in rows)
    if kind == "bars":
        chart = Chart(
            "bars",
            "KIM per kecamatan" if en else "Jumlah KIM per kecamatan",
            names,
            (Series("KIM", tuple(float(n) for _, n in rows), STATUS["at"]),),
            value_label="Number of KIM" if en else "Jumlah KIM",
            reference=target,
            reference_label=("even target " if en else "target merata ") + fmt_num(target, lang),
            bar_colours=tuple(STATUS[s] for s in status),
            legend=tuple((STATUS[s], w["status"][s]) for s in ("below", "at", "above")),
            lang=lang,
        )
    elif kind == "lines":
        years = tuple(str(y) for y in range(2008, 2017))
        chart = Chart(
            "lines",
            "Registry, cumulative" if en else "Registri, kumulatif",
            years,
            (
                Series(
                    "Registry" if en else "Registri", (10, 25, 41, None, 80, 97, 118, 134, 136), "#2E6F9E"
                ),
                Series("Sample" if en else "Contoh", (5, 20, 30, 52, 70, 90, 100, 120, 142), "#D9822B", True),
            ),
            value_label="KIM",
            reference=150.0,
            reference_label="target 150",
            lang=lang,
        )
    else:
        chart = Chart(
            "arrows",
            "2014 → 2016",
            names[:12],
            (
                Series("2014", tuple(max(n - 2, 0.0) for _, n in rows[:12]), "#8A96A3"),
                Series("2016", tuple(float(n) for _, n in rows[:12]), "#2E6F9E"),
            ),
            lang=lang,
        )
    head = ("Kode", "Kecamatan", "Desa/kel.", "KIM", "KIM per 10 desa", "Target", "Kurang", "Status")
    if en:
        head = ("Code", "Kecamatan", "Desa/kel.", "KIM", "KIM per 10 desa", "Target", "Short by", "Status")
    body = tuple(
        (
            k["code"],
            k["name"],
            fmt_int(v, lang),
            fmt_int(n, lang),
            fmt_num(10 * n / v, lang, 1),
            fmt_num(target, lang),
            fmt_num(max(target - n, 0), lang) if n < target else "–",
            w["status"][s],
        )
        for (k, n), v, s in list(zip(rows, villages, status))[:15]
    )
    more = "25 more kecamatan are in the CSV download." if en else "25 kecamatan lain ada di unduhan CSV."
    return BriefDoc(
        title=w["title"],
        subtitle="Kabupaten Bogor, Jawa Barat",
        settings=(
            "Measure: number of KIM" if en else "Ukuran: jumlah KIM",
            "Target: 150 KIM spread evenly" if en else "Target: 150 KIM merata per kecamatan",
        ),
        data_date="Data as of 20 December 2016" if en else "Data per 20 Desember 2016",
        sentences=sentences,
        kpis=kpis,
        chart=chart,
        table=Table(
            head,
            body,
            more,
            "The 15 kecamatan with the most KIM" if en else "15 kecamatan dengan KIM terbanyak",
        ),
        sources=(
            "Diskominfo Kabupaten Bogor, “KIM dalam data dan angka” (2016)",
            "Kemendagri: kode dan nama wilayah",
        ),
        notes=(
            "Target 150 KIM: Diskominfo, dibagi rata ke 40 kecamatan."
            if not en
            else "Target 150 KIM: Diskominfo, split evenly over 40 kecamatan.",
            "Angka per kecamatan adalah contoh." if not en else "Per-kecamatan counts are a sample.",
            "Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN)."
            if not en
            else "Boundaries: cahyadsn/wilayah_boundaries (MIT, © 2024 Cahya DSN).",
            "Dibuat dengan KIM Dashboard." if not en else "Made with KIM Dashboard.",
        ),
        illustrative_marker=w["marker"],
        footer=w["footer"],
        sources_heading="Sources" if en else "Sumber",
        notes_heading="Notes" if en else "Catatan",
    )


def write_samples(folder: str | Path) -> list[Path]:
    """Render the Indonesian and English samples (PDF, and page PNGs at 80 dpi when pdftoppm exists)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in ("id", "en"):
        for kind in ("bars", "lines", "arrows"):
            pdf = folder / f"brief-{lang}-{kind}.pdf"
            pdf.write_bytes(render_pdf(sample_doc(lang, kind)))
            written.append(pdf)
            if shutil.which("pdftoppm"):
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "80", str(pdf), str(pdf.with_suffix(""))],
                    check=True,
                    timeout=60,
                )
                written += sorted(folder.glob(f"{pdf.stem}-*.png"))
    return written
