"""AppTest: bring your own data — validated, a preview for the session only, one click back; never stored."""

import json

from .apptest_helpers import displayed, metric_values, open_page, table_with
from .conftest import data_digest
from .svg_map import page_map

UPLOAD = (
    "\ufeffnama_kim;kecamatan;desa;tahun_dibentuk;status\r\n"
    "KIM Bojongkulur;Gunung Putri;Bojongkulur;2018;aktif\r\n"
    "KIM Cicadas;Gunung Putri;Cicadas;2019;aktif\r\n"
    "KIM Pakansari;Cibinong;Pakansari;2017;aktif\r\n"
).encode()
BAD = b"nama_kim;kecamatan;desa;tahun_dibentuk;status\r\nKIM X;Gunungputrii;Bojongkulur;2018;aktif\r\n"


def _upload(content: bytes, name: str = "registri_saya.csv"):
    at = open_page("data")
    at.file_uploader(key="data_file").upload(name, content, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_uploaded_registry_changes_figures_and_back_to_sample_restores():
    before = data_digest()
    at = _upload(UPLOAD)
    assert any("3 baris" in s.value for s in at.success)
    assert any("kim-dash import registry registri_saya.csv --regency 32.01" in c.value for c in at.code)
    at.button(key="use_upload").click().run()
    assert any(r"registri\_saya\.csv" in w.value for w in at.sidebar.warning)  # shown as typed (escaped)

    at.query_params["bagian"] = "daftar"  # the registry's tab
    at.switch_page("pages/kecamatan.py").run()
    values = metric_values(at)
    assert values["KIM"] == "3" and values["Kecamatan yang punya KIM"] == "2 dari 40"
    assert set(displayed(next(d for d in at.dataframe if "Nama KIM" in d.value.columns))["Sumber"]) == {
        "terbit: registri_saya.csv"
    }
    assert not at.info, "no illustrative notice when no illustrative row is in view"
    assert any("Pratinjau unggahan" in c.value for c in at.caption)  # no invented "as of" date

    at.switch_page("pages/rencana.py").run()
    assert metric_values(at)["KIM sekarang"] == "3"
    assert metric_values(at)["Masih perlu dibentuk"] == "147"

    at.button(key="sidebar_back").click().run()
    at.switch_page("pages/kecamatan.py").run()
    at.multiselect(key="kec").set_value([]).run()
    assert metric_values(at)["KIM"] == "136"  # back to the stored data, not the stale composed dataset
    assert data_digest() == before


def test_invalid_upload_shows_problems_and_keeps_the_sample():
    at = _upload(BAD)
    assert "1 masalah" in at.error[0].value
    report = table_with(at, "Alasan")
    assert report["Baris"].tolist() == [2]
    assert "maksud Anda Gunungputri?" in report["Alasan"].iloc[0]
    at.switch_page("pages/ringkasan.py").run()
    assert metric_values(at)["KIM tercatat"] == "136"


def test_refused_file_keeps_the_app_running():
    at = _upload(b"%PDF-1.4 binary", "registri.csv")
    assert "bukan teks CSV" in table_with(at, "Alasan")["Alasan"].iloc[0]


def test_valid_rows_only():
    mixed = UPLOAD + b"KIM Rusak;Atlantis;X;2018;aktif\r\n"
    at = _upload(mixed)
    at.button(key="use_valid").click().run()
    at.switch_page("pages/kecamatan.py").run()
    assert metric_values(at)["KIM"] == "3"


def test_boundary_upload_is_reported_and_used(tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    frame = gpd.GeoDataFrame(
        {"WADMKC": ["CIBINONG", "Gunung Putri", "Atlantis"]},
        geometry=[box(106.8, -6.5, 106.85, -6.45), box(106.9, -6.4, 106.95, -6.35), box(0, 0, 1, 1)],
        crs="EPSG:4326",
    )
    path = tmp_path / "kec.geojson"
    frame.to_file(path, driver="GeoJSON")
    at = open_page("data")
    at.file_uploader(key="boundary_file").upload("kec.geojson", path.read_bytes(), "application/json").run()
    values = metric_values(at)
    assert values["Cocok"] == "2" and values["Tidak cocok"] == "1"
    assert table_with(at, "Tidak cocok")["Tidak cocok"].tolist() == ["Atlantis"]
    at.button(key="use_boundary").click().run()
    at.switch_page("pages/kecamatan.py").run()
    assert not at.exception
    assert any("berkas unggahan sesi ini" in c.value for c in at.caption)  # the map says whose boundaries
    layer = next(
        x for x in json.loads(at.get("deck_gl_json_chart")[0].proto.json)["layers"] if x["id"] == "kecamatan"
    )
    assert {f["properties"]["code"] for f in layer["data"]["features"]} == {"32.01.01", "32.01.02"}
    at.switch_page("pages/data.py").run()
    at.button(key="boundary_remove").click().run()  # a boundary in use can be removed
    at.switch_page("pages/kecamatan.py").run()
    assert not at.get("deck_gl_json_chart") and len(page_map(at).linked("kec")) == 40  # the shipped map again


def test_user_text_is_never_markup():
    from kim_dash.ui.widgets import plain

    escaped = plain("**tebal** [klik](javascript:alert(1)) <b>x</b>")
    assert escaped == r"\*\*tebal\*\* \[klik\]\(javascript\:alert\(1\)\) \<b\>x\</b\>"
    at = _upload(UPLOAD, "**tebal**_[klik](http:x).csv")
    at.button(key="use_upload").click().run()
    banner = next(w.value for w in at.sidebar.warning if "tebal" in w.value)
    assert r"\*\*tebal\*\*\_\[klik\]\(http\:x\)\.csv" in banner


def test_xlsx_sheet_choice():
    import io

    import pandas as pd

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        pd.DataFrame({"catatan": ["-"]}).to_excel(writer, sheet_name="Catatan", index=False)
        pd.DataFrame(
            [["KIM Bojongkulur", "Gunung Putri", "Bojongkulur", 2018, "aktif"]],
            columns=["Nama KIM", "Kecamatan", "Desa", "Tahun Dibentuk", "Status"],
        ).to_excel(writer, sheet_name="Registri", index=False)
    at = open_page("data")
    at.file_uploader(key="data_file").upload("r.xlsx", buffer.getvalue(), "application/octet-stream").run()
    at.selectbox(key="data_sheet").set_value("Registri").run()
    assert any("1 baris" in s.value for s in at.success)


def test_uploaded_dataset_is_reused_across_reruns():
    from kim_dash.ui.state import COMPOSED

    at = _upload(UPLOAD)
    at.button(key="use_upload").click().run()
    at.switch_page("pages/kecamatan.py").run()
    first = at.session_state[COMPOSED][1]
    at.multiselect(key="kec").set_value(["32.01.02"]).run()
    assert at.session_state[COMPOSED][1] is first  # same object: its derived tables are not recomputed
    assert metric_values(at)["KIM"] == "2"
    at.button(key="sidebar_back").click().run()
    at.switch_page("pages/kecamatan.py").run()
    at.multiselect(key="kec").set_value([]).run()
    assert metric_values(at)["KIM"] == "136"  # back to the sample, not the stale composed dataset


def test_a_rerun_with_the_same_upload_does_not_read_it_again(monkeypatch):
    """The upload is read once per (content, kind, regency, sheet, mapping): a rerun reuses it, any other
    choice reads it again."""
    import io

    import pandas as pd

    from kim_dash.sources import upload
    from kim_dash.ui import cached

    calls: list[tuple] = []
    real = upload.ingest

    def spy(raw, file, geography, kind=None, regency="32.01", sheet=None, mapping=None):
        calls.append((file, kind, regency, sheet, mapping))
        return real(raw, file, geography, kind, regency, sheet, mapping)

    monkeypatch.setattr(upload, "ingest", spy)
    cached._ingested.clear()
    at = _upload(UPLOAD)
    assert len(calls) == 1 and any("3 baris" in s.value for s in at.success)
    at.run()
    at.run()
    assert len(calls) == 1  # the same upload: not read again
    assert any("3 baris" in s.value for s in at.success)
    at.radio(key="data_kind").set_value("registry").run()
    assert calls[-1][1] == "registry" and len(calls) == 2
    at.session_state["data_mapping"] = {"nama": "name"}
    at.run()
    assert calls[-1][4] == {"nama": "name"} and len(calls) == 3
    at.run()
    assert len(calls) == 3

    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for sheet in ("Satu", "Dua"):
            pd.DataFrame(
                [["KIM Bojongkulur", "Gunung Putri", "Bojongkulur", 2018, "aktif"]],
                columns=["Nama KIM", "Kecamatan", "Desa", "Tahun Dibentuk", "Status"],
            ).to_excel(writer, sheet_name=sheet, index=False)
    at.file_uploader(key="data_file").upload("r.xlsx", buffer.getvalue(), "application/octet-stream").run()
    assert calls[-1][0] == "r.xlsx" and calls[-1][3] == "Satu" and len(calls) == 4
    at.selectbox(key="data_sheet").set_value("Dua").run()
    assert calls[-1][3] == "Dua" and len(calls) == 5
    at.run()
    assert len(calls) == 5 and any("1 baris" in s.value for s in at.success)
