"""AppTest: who may store data from Kelola Data (issue 26). Sign-in itself: tests/test_oidc_browser.py.

A signed-in officer stores a count table through the command line's writer and sees it with their
e-mail; a non-officer, an anonymous visitor, and an officer of another regency get no save control;
without [auth] the page is read-only and says how to enable sign-in; KIM_PUBLIC_UPLOADS=0 hides uploads.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from kim_dash.officers.page_import import officer_import, save_date
from kim_dash.officers.roles import roles_from_config
from kim_dash.sources.geography import load_geography
from kim_dash.sources.problems import DatasetError
from kim_dash.sources.upload import ingest
from kim_dash.store.database import Store
from kim_dash.store.dataset import DEFAULT_DATA_DIR, load_dataset
from kim_dash.store.seeding import seed

from .apptest_helpers import all_text

OFFICER, OTHER = "Rekap@BandungKab.go.id", "warga@example.org"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "x" * 32,
    "client_id": "kim",
    "client_secret": "s",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
OFFICERS = {"regency": {"32.04": {"emails": [OFFICER.lower()]}}}


@pytest.fixture(scope="module")
def geography():
    return load_geography(DEFAULT_DATA_DIR)


@pytest.fixture
def stores(tmp_path: Path, monkeypatch, geography) -> str:
    """A seeded SQLite store the app reads, and the same file as the page's writer."""
    url = f"sqlite:///{tmp_path / 'kim.sqlite'}"
    store = Store.from_url(url, create=True)
    store.ensure_schema()
    seed(store, DEFAULT_DATA_DIR, geography)
    monkeypatch.setenv("KIM_DATABASE_URL", url)
    monkeypatch.setenv("KIM_WRITER_DATABASE_URL", url)
    return url


def real_counts(tmp_path: Path) -> bytes:
    sample = pd.read_csv(DEFAULT_DATA_DIR / "sample_counts_bandung.csv", dtype=str)
    return sample.assign(count=(sample["count"].astype(int) + 1).astype(str)).to_csv(index=False).encode()


def page(user: dict | None, secrets: bool = True, wilayah: str = "32.04"):
    from streamlit.testing.v1 import AppTest

    from .apptest_helpers import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "ID"
    at.query_params["wilayah"] = wilayah
    if secrets:
        at.secrets["auth"] = AUTH
        at.secrets["officers"] = OFFICERS
    at.user = user if user is not None else {"is_logged_in": False}
    at.run()
    at.switch_page("pages/data.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def upload(at, raw: bytes, name: str = "rekap_bandung.csv"):
    at.radio(key="data_kind").set_value("counts").run()
    at.file_uploader(key="data_file").upload(name, raw, "text/csv").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def save_buttons(at) -> list:
    return [b for b in at.button if b.key == "officer_save"]


def test_an_officer_stores_a_count_table_and_sees_it_with_their_email(stores, tmp_path):
    at = upload(page({"is_logged_in": True, "email": OFFICER}), real_counts(tmp_path))
    assert "petugas data untuk 32.04" in all_text(at)
    at.text_input(key="officer_date").input("2019-04-11").run()
    at.text_input(key="officer_note").input("Rekap Diskominfo April 2019").run()
    (button,) = save_buttons(at)
    assert button.label == "Simpan sebagai data per 11 April 2019"
    button.click().run()
    assert not at.exception, [e.value for e in at.exception]
    shown = [s.value.replace("\\", "") for s in at.success]  # the label is escaped for Markdown
    assert any("Tersimpan: #4 counts 32.04 2019-04-11 (22 baris, 110 KIM)" in s for s in shown), shown
    stored = Store.from_url(stores).snapshots()
    assert [(s.id, s.author, s.note, s.sample) for s in stored][-1] == (
        4,
        OFFICER.lower(),
        "Rekap Diskominfo April 2019",
        False,
    )
    listed = next(d for d in at.dataframe if "Disimpan oleh" in d.value.columns).value
    assert listed["Disimpan oleh"].tolist()[-1] == OFFICER.lower()
    # the same file again: "already stored"; another for the same date: the CLI's refusal text
    at.button(key="officer_save").click().run()
    assert any("Sudah tersimpan" in s.value for s in at.success)


def test_no_save_control_for_a_reader_an_anonymous_visitor_or_another_regency(stores, tmp_path):
    for user, words in (
        ({"is_logged_in": True, "email": OTHER}, "tidak terdaftar sebagai petugas data"),
        ({"is_logged_in": False}, "Membaca tidak perlu masuk"),
        ({"is_logged_in": True, "email": OFFICER, "email_verified": False}, "tidak terdaftar"),
    ):
        at = upload(page(user), real_counts(tmp_path))
        assert not save_buttons(at) and words in all_text(at)
        signed_in = user["is_logged_in"]
        assert [b.key for b in at.button if b.key in ("auth_sign_in", "auth_sign_out")] == [
            "auth_sign_out" if signed_in else "auth_sign_in"
        ]
    registry = (DEFAULT_DATA_DIR / "registry.csv").read_bytes()
    at = page({"is_logged_in": True, "email": OFFICER}, wilayah="32.01")
    at.radio(key="data_kind").set_value("registry").run()
    at.file_uploader(key="data_file").upload("registry.csv", registry, "text/csv").run()
    assert not save_buttons(at) and "tidak terdaftar sebagai petugas data" in all_text(at)


def test_without_auth_the_app_is_read_only_and_says_how_to_enable_sign_in(stores):
    at = page(None, secrets=False)
    text = all_text(at)
    assert any("Masuk untuk petugas data belum diaktifkan" in e.label for e in at.expander)
    assert "penyedia identitas" in text and "Sign-in for data officers" in text  # how, with no path or URL
    assert not [b for b in at.button if b.key == "auth_sign_in"]


def test_public_uploads_off_hides_uploads_from_everyone_but_officers(stores, monkeypatch):
    monkeypatch.setenv("KIM_PUBLIC_UPLOADS", "0")
    at = page({"is_logged_in": False})
    assert not [u for u in at.get("file_uploader")] and "Unggahan untuk pratinjau dimatikan" in all_text(at)
    at = page({"is_logged_in": True, "email": OFFICER})
    assert len(at.get("file_uploader")) >= 1


def test_officer_import_refuses_another_regency_with_nothing_stored(stores, tmp_path, geography):
    raw = (DEFAULT_DATA_DIR / "registry.csv").read_bytes()
    result = ingest(raw, "registry.csv", geography, "registry", "32.01")
    store = Store.from_url(stores)
    before = store.snapshots()
    roles = roles_from_config(OFFICERS)
    with pytest.raises(DatasetError) as err:
        officer_import(
            store, result, raw, "2025", "", geography, roles, {"is_logged_in": True, "email": OFFICER}
        )
    assert err.value.problems[0].reason == "not_an_officer_for" and store.snapshots() == before
    assert load_dataset(DEFAULT_DATA_DIR, store, geography=geography).snapshots


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("2019-04-11", "2019-04-11"), ("2025-06", "2025-06"), ("2019-02-30", ""), ("x", "")],
)
def test_save_date_takes_only_real_dates(typed, expected):
    assert save_date(typed) == expected
