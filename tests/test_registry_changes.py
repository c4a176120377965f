"""Record a KIM formed or ended (issue 26): a new dated registry snapshot, never an edit in place.

On SQLite and PostgreSQL through kim_dash.officers.registry_changes (the form's functions), and once through the
form on Kelola Data (AppTest). Expected counts come from the shipped registry file (pandas).
"""

from __future__ import annotations

import pandas as pd
import pytest

from kim_dash.model.coverage import kecamatan_table
from kim_dash.model.regency import regency_data
from kim_dash.officers.registry_changes import Formed, record_ended, record_formed
from kim_dash.officers.roles import roles_from_config
from kim_dash.sources.problems import DatasetError
from kim_dash.store.database import Store
from kim_dash.store.dataset import load_dataset
from kim_dash.store.seeding import seed
from tests.store_backends import BOGOR

pytest_plugins = ["tests.store_fixtures"]
OFFICER = "data@bogorkab.go.id"
ROLES = roles_from_config({"regency": {BOGOR: {"emails": [OFFICER]}}})
CLAIMS = {"is_logged_in": True, "email": OFFICER}
CARIU, DESA = "32.01.08", "32.01.08.2005"
FORMED, ENDED = "2025-06-30", "2025-09"


def shipped_counts(store_data) -> pd.Series:
    registry = pd.read_csv(store_data / "registry.csv", dtype=str, keep_default_na=False)
    return registry["kecamatan_code"].value_counts()


def test_a_kim_formed_then_ended_on_both_backends(store_backend, store_data, store_geography):
    store = Store.from_url(store_backend.url, create=True)
    store.ensure_schema()
    seed(store, store_data, store_geography)
    dataset = load_dataset(store_data, store, geography=store_geography)
    formed = Formed("KIM Cariu Mandiri", DESA, FORMED, "400/12/Kpts/2025", "Rekap Diskominfo")
    done = record_formed(store, dataset, BOGOR, formed, ROLES, CLAIMS)
    assert (done.snapshot.as_of, done.snapshot.kind, done.snapshot.author) == (FORMED, "registry", OFFICER)
    assert done.snapshot.rows == 137 and "KIM formed: KIM Cariu Mandiri" in done.snapshot.note

    shipped = shipped_counts(store_data)
    dataset = load_dataset(store_data, Store.from_url(store_backend.url), geography=store_geography)
    regency = regency_data(dataset, BOGOR)
    assert regency.snapshot.id == done.snapshot.id
    new = regency.registry[regency.registry["name"] == "KIM Cariu Mandiri"]
    assert new[["kecamatan_code", "desa_code", "year_formed", "status"]].astype(str).values.tolist() == [
        [CARIU, DESA, "2025", "aktif"]
    ]
    assert new["source"].tolist() == ["published:SK 400/12/Kpts/2025"]
    table = kecamatan_table(regency).set_index("code")  # the kecamatan page's table and map values
    assert table.loc[CARIU, "kim"] == shipped.get(CARIU, 0) + 1 and table["kim"].sum() == 137
    assert [s.author for s in dataset.snapshots if s.id == done.snapshot.id] == [OFFICER]

    kim_id = new["id"].iloc[0]
    ended = record_ended(store, dataset, BOGOR, kim_id, ENDED, "Surat camat", ROLES, CLAIMS)
    assert ended.snapshot.rows == 136 and ended.snapshot.author == OFFICER
    dataset = load_dataset(store_data, Store.from_url(store_backend.url), geography=store_geography)
    later = kecamatan_table(regency_data(dataset, BOGOR)).set_index("code")
    assert later.loc[CARIU, "kim"] == shipped.get(CARIU, 0)
    earlier = regency_data(dataset.at(FORMED), BOGOR)  # the earlier snapshot keeps the KIM
    assert earlier.snapshot.id == done.snapshot.id and "KIM Cariu Mandiri" in set(earlier.registry["name"])


@pytest.mark.parametrize(
    ("formed", "claims", "reason"),
    [
        (Formed("KIM X", DESA, "2010", "1"), CLAIMS, "change_before_latest"),
        (Formed("KIM X", "32.04.05.2001", FORMED, "1"), CLAIMS, "change_desa_elsewhere"),
        (Formed("KIM X", DESA, FORMED), CLAIMS, "change_needs_source"),
        (Formed("KIM X", DESA, FORMED, "1"), {"is_logged_in": True, "email": "x@y.id"}, "not_an_officer_for"),
        (Formed("", DESA, FORMED, "1"), CLAIMS, "empty"),  # the same check as a file's
    ],
)
def test_a_refused_change_stores_nothing(tmp_path, store_data, store_geography, formed, claims, reason):
    store = Store.from_url(f"sqlite:///{tmp_path / 'kim.sqlite'}", create=True)
    store.ensure_schema()
    seed(store, store_data, store_geography)
    dataset = load_dataset(store_data, store, geography=store_geography)
    with pytest.raises(DatasetError) as err:
        record_formed(store, dataset, BOGOR, formed, ROLES, claims)
    assert any(reason in p.reason for p in err.value.problems), err.value.problems
    assert len(store.snapshots()) == 3


def test_the_form_records_a_kim_formed(tmp_path, monkeypatch, store_data, store_geography):
    from tests.test_app_officers import AUTH

    url = f"sqlite:///{tmp_path / 'kim.sqlite'}"
    store = Store.from_url(url, create=True)
    store.ensure_schema()
    seed(store, store_data, store_geography)
    monkeypatch.setenv("KIM_DATABASE_URL", url)
    monkeypatch.setenv("KIM_WRITER_DATABASE_URL", url)
    from streamlit.testing.v1 import AppTest

    from tests.apptest_helpers import APP

    at = AppTest.from_file(APP, default_timeout=120)
    at.query_params["lang"] = "ID"
    at.secrets["auth"] = AUTH
    at.secrets["officers"] = {"emails": [OFFICER]}
    at.user = CLAIMS
    at.run()
    at.switch_page("pages/data.py").run()
    at.text_input(key="formed_name").input("KIM Cariu Mandiri")
    at.selectbox(key="formed_desa").set_value(DESA)
    at.text_input(key="formed_date").input(FORMED)
    at.text_input(key="formed_sk").input("400/12/Kpts/2025")
    next(b for b in at.button if "Catat KIM terbentuk" in b.label).click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Tersimpan" in s.value for s in at.success), [e.value for e in at.error]
    last = Store.from_url(url).snapshots()[-1]
    assert (last.as_of, last.author, last.rows) == (FORMED, OFFICER, 137)
