"""One language on screen: every page walked in Bahasa Indonesia must show no English UI word, and in
English no Indonesian one — in prose, tables, widget labels and options, chart marks and legends, and
download names. Proper names (regions, desa, KIM) and source titles are taken out first."""

from __future__ import annotations

import json
import re

import pytest

from kim_dash.model.plan_request import PlanRequest, plan_slug
from kim_dash.outputs.pdf.views import BriefRequest, brief_file

from .apptest_helpers import all_text, open_page

# words of the other language, matched as whole words and case-insensitively, except internal keys,
# which are matched lower-case only ("Hamilton" names a method's author; "hamilton" is a key that leaked)
ENGLISH = (
    "empty", "equal", "rows", "published", "illustrative", "download", "upload", "mixed", "source",
    "sources", "settings", "weights", "method", "table", "below", "above", "without", "unknown", "none",
    "the", "and", "of", "with", "new", "plan", "share", "file",
)  # fmt: skip
INTERNAL = ("hamilton", "topup", "dhondt", "huntington-hill", "per_kecamatan", "per_desa", "nan", "None")
INDONESIAN = (
    "ilustratif", "terbit", "unduh", "unggah", "kosong", "campuran", "baris", "sumber", "tanpa", "dengan",
    "dan", "yang", "atau", "bawah", "atas", "sesuai", "belum", "jumlah", "rata", "tambah", "sisa", "berkas",
    "bobot", "tabel", "rencana", "sebagian", "besar", "dari", "sesudah", "sebelum", "sekarang", "tahun",
    "baru", "semua", "pilih", "tidak", "ada", "untuk", "target kecamatan",
)  # fmt: skip

TABS = {  # every tab below the map pages' answer (?bagian=): each is run only when open
    "peringkat": ("tabel", "teratas", "provinsi"),
    "kecamatan": ("tabel", "grafik", "daftar", "perkembangan"),
    "rencana": ("rencana", "sebelum_sesudah", "per_tahun", "ketimpangan", "per_desa"),
}
VISITS = [
    ("ringkasan", {}),
    ("ringkasan", {"wilayah": "32.04"}),
    *[(page, {"bagian": part}) for page, parts in TABS.items() for part in parts],
    ("kecamatan", {"kec": "Cariu"}),
    ("data", {}),
]


def _chart_text(spec: dict) -> list[str]:
    """What a chart prints: trace names and value labels, annotations, axis and legend titles."""
    parts: list[str] = []
    for trace in spec.get("data", []):
        parts.append(str(trace.get("name") or ""))
        text = trace.get("text")
        parts += [str(v) for v in text] if isinstance(text, list) else [str(text or "")]
        hover = re.sub(r"%\{[^}]*\}|<[^>]+>", " ", str(trace.get("hovertemplate") or ""))
        parts.append(hover)
    layout = spec.get("layout", {})
    parts += [str(a.get("text", "")) for a in layout.get("annotations", [])]
    for key, value in layout.items():
        if key.startswith(("xaxis", "yaxis")) and isinstance(value, dict):
            title = value.get("title")
            parts.append(str(title.get("text", "") if isinstance(title, dict) else title or ""))
    return parts


def _widget_text(at) -> list[str]:
    parts: list[str] = []
    for kind in ("selectbox", "multiselect", "radio"):
        for w in at.get(kind):
            parts += [str(w.label), *[str(o) for o in getattr(w, "options", [])]]
            parts += [str(getattr(w, "help", "") or "")]
    for kind in ("number_input", "text_input", "toggle", "checkbox", "button", "download_button", "expander"):
        for w in at.get(kind):
            proto = w.proto
            parts += [str(getattr(proto, "label", "")), str(getattr(proto, "placeholder", ""))]
            parts += [str(getattr(proto, "help", ""))]
    for w in at.get("tab"):
        parts.append(str(w.label))
    # a table without rows: the browser's grid prints "empty" in its place, whatever the language
    parts += ["empty" for frame in at.dataframe if len(frame.value) == 0]
    for chart in at.get("plotly_chart"):
        parts += _chart_text(json.loads(chart.proto.spec))
    return parts


def _names(dataset_names: set[str], text: str) -> str:
    """The text with every proper name and every source title taken out."""
    lines = [
        line
        for line in text.splitlines()
        if not line.startswith(("Sumber:", "Sources:"))  # source titles, as their publishers wrote them
        and "←" not in line  # the column names a file may use (a file format, both languages accepted)
    ]
    # a template's example value is the file format's own token ("published:registri Diskominfo")
    text = re.sub(r"\bpublished:[^\n]*", " ", "\n".join(lines))
    for name in sorted(dataset_names, key=len, reverse=True):
        text = text.replace(name, " ")
    return text


@pytest.fixture(scope="module")
def proper_names(dataset) -> set[str]:
    names: set[str] = set()
    geography = dataset.geography
    for frame in (geography.kecamatan, geography.regencies, geography.provinces, geography.desa):
        names |= {str(n) for n in frame["name"]}
    for snapshot in dataset.snapshots:
        frame = dataset.frames(snapshot)
        for column in ("name", "kim_name", "kecamatan", "desa", "regency", "province"):
            if column in frame:
                names |= {str(n) for n in frame[column].dropna()}
    return {n for n in names if len(n) > 2}


def _found(words: tuple[str, ...], text: str, case: bool) -> set[str]:
    flags = 0 if case else re.IGNORECASE
    return {w for w in words if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text, flags)}


@pytest.mark.parametrize("lang", ["ID", "EN"])
@pytest.mark.parametrize(("page", "params"), VISITS, ids=[f"{p}-{'-'.join(q.values())}" for p, q in VISITS])
def test_every_page_speaks_one_language(page, params, lang, proper_names, downloads):
    at = open_page(page, lang, **params)
    text = "\n".join([all_text(at), *_widget_text(at), *(name for _, name in downloads.values())])
    text = _names(proper_names, text)
    found = _found(INTERNAL, text, case=True)
    found |= _found(ENGLISH if lang == "ID" else INDONESIAN, text, case=False)
    context = {
        w: re.findall(rf".{{0,40}}(?<![\w-]){re.escape(w)}(?![\w-]).{{0,40}}", text, re.I)[:2] for w in found
    }
    assert not found, context
    # no internals: a file path or a storage URL is not for a reader
    assert not re.findall(r"[\w.-]+/[\w.-]+\.(?:csv|sqlite|py|md|toml)\b|\w+://", text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_brief_and_its_downloads_are_named_in_the_views_language(dataset, lang):
    name = brief_file(dataset, BriefRequest("plan", lang, "32.01", plan=PlanRequest("32.01")))
    slug = plan_slug(150, "equal", "hamilton", "topup", lang)
    assert slug in name
    assert not re.search(r"hamilton|topup", name)
    if lang == "id":
        assert slug == "150-rata-sisa-terbesar-tambah" and "equal" not in name
    else:
        assert slug == "150-equal-largest-remainder-add-only"


@pytest.mark.parametrize("page", ["peringkat", "kecamatan", "rencana"])
def test_distinct_controls_have_distinct_labels(page):
    at = open_page(page, "ID")
    kinds = ("selectbox", "multiselect", "radio", "number_input", "text_input", "toggle", "checkbox")
    labels = [str(w.label) for kind in kinds for w in at.get(kind)]
    assert len(labels) == len(set(labels)), sorted(labels)
