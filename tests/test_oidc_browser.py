"""Sign-in end to end against a real OpenID Connect provider (oidc-provider, started here), in chromium.

An officer of Kabupaten Bandung signs in, stores a count table and sees it as the latest data with
their e-mail in the snapshot list; the same officer cannot store for Kabupaten Bogor; a signed-in
non-officer and an anonymous visitor see no save control; sign-out works; XSRF protection stays on.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pandas as pd
import pytest

from kim_dash.sources.geography import load_geography
from kim_dash.store.database import Store
from kim_dash.store.dataset import DEFAULT_DATA_DIR
from kim_dash.store.seeding import seed

from .browser_helpers import CHROMIUM, chromium
from .conftest import ROOT
from .oidc_provider import CLIENT_ID, CLIENT_SECRET, oidc_provider

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium")
    pytest.skip("chromium is not installed", allow_module_level=True)

OFFICER, READER, CENTRAL = "rekap@bandungkab.test", "warga@kim.test", "pusat@kim.test"
ACCOUNTS = {CENTRAL: {"groups": ["kim-officers"]}, READER: {"groups": ["warga"]}}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def secrets(app: str, discovery: str, writer: str) -> str:
    return f"""
[auth]
redirect_uri = "{app}/oauth2callback"
cookie_secret = "{"k" * 48}"
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{discovery}"
client_kwargs = {{ prompt = "login" }}

[officers]
groups = ["kim-officers"]

[officers.regency."32.04"]
emails = ["{OFFICER}"]

[connections.kim_writer]
url = "{writer}"
"""


@contextmanager
def signed_in_app():
    """oidc-provider and `streamlit run app.py` (production config) reading a seeded SQLite store."""
    port, provider_port = _free_port(), _free_port()
    app = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'kim.sqlite'}"
        store = Store.from_url(url, create=True)
        store.ensure_schema()
        seed(store, DEFAULT_DATA_DIR, load_geography(DEFAULT_DATA_DIR))
        with oidc_provider(provider_port, f"{app}/oauth2callback", ACCOUNTS) as discovery:
            secrets_file = Path(folder) / "secrets.toml"
            secrets_file.write_text(secrets(app, discovery, url))
            log = Path(os.environ.get("KIM_TEST_APP_LOG") or Path(folder) / "app.log").open("wb")  # noqa: SIM115
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "streamlit",
                    "run",
                    "app.py",
                    "--server.headless=true",
                    f"--server.port={port}",
                    "--server.address=127.0.0.1",
                    f"--secrets.files={secrets_file}",
                ],
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                env={**os.environ, "KIM_DATABASE_URL": url, "KIM_PUBLIC_UPLOADS": "1"},
            )
            try:
                deadline = time.time() + 60
                while True:
                    try:
                        if urllib.request.urlopen(f"{app}/_stcore/health", timeout=2).status == 200:
                            break
                    except OSError:
                        if time.time() > deadline or process.poll() is not None:
                            raise RuntimeError("streamlit did not start") from None
                        time.sleep(0.2)
                yield app, url
            finally:
                process.terminate()
                process.wait(timeout=20)
                log.close()


IDLE = """() => !document.querySelector('[data-testid="stStatusWidget"]')
  && !document.querySelector('[data-testid="stSkeleton"]')"""


def settle(tab, text: str, timeout: float = 60_000) -> None:
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    for _ in range(2):
        tab.wait_for_function(IDLE, timeout=timeout)
        tab.wait_for_timeout(300)


def sign_in(tab, app: str, login: str) -> None:
    """Through the provider's own login and consent pages, back to the app."""
    tab.goto(f"{app}/data")
    settle(tab, "Membaca tidak perlu masuk")
    tab.get_by_role("button", name="Masuk (petugas data)").click()
    tab.wait_for_url(lambda u: "/interaction/" in u, timeout=60_000)
    tab.fill("input[name=login]", login)
    tab.fill("input[name=password]", "any")
    tab.click("button[type=submit]")
    tab.wait_for_load_state()
    if "/interaction/" in tab.url:  # the consent page
        tab.click("button[type=submit]")
    tab.wait_for_url(lambda u: u.startswith(app) and "oauth2callback" not in u, timeout=60_000)


def no_save_button(tab) -> bool:
    return tab.get_by_role("button", name=re.compile("^Simpan sebagai data")).count() == 0


def upload(tab, app: str, wilayah: str, path: Path) -> None:
    tab.goto(f"{app}/data?wilayah={wilayah}")
    settle(tab, "Kelola Data")
    tab.locator("input[type=file]").first.set_input_files(str(path))
    settle(tab, "Berkas valid")


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("officer")
    sample = pd.read_csv(DEFAULT_DATA_DIR / "sample_counts_bandung.csv", dtype=str)
    real = sample.assign(count=(sample["count"].astype(int) + 2).astype(str))
    real.to_csv(folder / "rekap_bandung.csv", index=False)
    return {
        "counts": folder / "rekap_bandung.csv",
        "registry": DEFAULT_DATA_DIR / "registry.csv",
        "total": int(real["count"].astype(int).sum()),
    }


def test_officers_sign_in_store_and_sign_out_others_only_read(files):
    with signed_in_app() as (app, url), chromium() as browser:
        # XSRF stays on: an upload without the token is refused
        request = urllib.request.Request(f"{app}/_stcore/upload_file/x/y", data=b"x", method="PUT")
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403

        anonymous = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        upload(anonymous, app, "32.04", files["counts"])
        assert anonymous.get_by_role("button", name="Masuk (petugas data)").count() == 1
        assert no_save_button(anonymous)

        reader = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        sign_in(reader, app, READER)
        upload(reader, app, "32.04", files["counts"])
        assert reader.get_by_text(f"Masuk sebagai {READER}", exact=False).count() == 1
        assert no_save_button(reader)
        assert reader.get_by_text("tidak terdaftar sebagai petugas data", exact=False).count() == 1

        officer = browser.new_context(viewport={"width": 1440, "height": 900}).new_page()
        sign_in(officer, app, OFFICER)
        upload(officer, app, "32.01", files["registry"])  # Bogor: not this officer's regency
        assert no_save_button(officer)
        assert officer.get_by_text("tidak terdaftar sebagai petugas data", exact=False).count() == 1

        upload(officer, app, "32.04", files["counts"])
        settle(officer, f"Masuk sebagai {OFFICER}")
        date = officer.get_by_role("textbox", name=re.compile("^Data berlaku per"))
        date.fill("2019-04-11")
        date.press("Enter")
        officer.get_by_role("button", name="Simpan sebagai data per 11 April 2019").click()
        settle(officer, "Tersimpan:")
        snapshots = Store.from_url(url).snapshots()
        assert (snapshots[-1].author, snapshots[-1].as_of, snapshots[-1].total_kim) == (
            OFFICER,
            "2019-04-11",
            files["total"],
        )
        officer.get_by_role("tab", name="Data tersimpan").first.click()
        officer.get_by_text(OFFICER, exact=True).first.wait_for(timeout=30_000)

        officer.goto(f"{app}/kecamatan?wilayah=32.04")
        settle(officer, "11 April 2019")
        assert officer.get_by_text("Pratinjau unggahan", exact=False).count() == 0  # stored, not a preview

        officer.goto(f"{app}/data")
        settle(officer, f"Masuk sebagai {OFFICER}")
        officer.get_by_role("button", name="Keluar").click()
        officer.wait_for_url(lambda u: "/session/end" in u, timeout=60_000)  # the provider's own sign-out
        officer.locator("button[name=logout][value=yes], button[autofocus]").first.click()
        officer.wait_for_url(lambda u: u.startswith(app), timeout=60_000)
        officer.goto(f"{app}/data")
        settle(officer, "Membaca tidak perlu masuk")
        assert officer.get_by_role("button", name="Masuk (petugas data)").count() == 1
