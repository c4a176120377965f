"""Two replicas behind HAProxy, driven by chromium: an upload and its rerun stay on the session's replica,
and new sessions spread over both.

The evidence is HAProxy's own: the SRV cookie it gave the browser, its request log (which server served
each request, with the cookie it came with) and its stats socket. Skipped off CI when Debian's haproxy or
chromium is missing; under CI=true either one missing is an error.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from .browser_helpers import CHROMIUM, chromium
from .conftest import ROOT

sys.path.insert(0, str(ROOT / "deploy"))
import balancer
import cluster

SETTLED = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"

# one worker drives the browser while the other runs the CPU-bound tests (pytest -n 2 --dist loadgroup)
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
for missing, what in (
    (balancer.haproxy_binary() is None, "haproxy"),
    (not Path(CHROMIUM).exists(), "chromium"),
):
    if missing:
        if os.environ.get("CI"):
            raise RuntimeError(f"CI must run the replica test: install Debian's {what}")
        pytest.skip(f"{what} is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def lb():
    # the deploy recipe turns anonymous uploads off (KIM_PUBLIC_UPLOADS=0); these tests upload anonymously
    before = os.environ.get("KIM_PUBLIC_UPLOADS")
    os.environ["KIM_PUBLIC_UPLOADS"] = "1"
    try:
        with cluster.local_cluster(2, timeout=60) as running:
            yield running
    finally:
        if before is None:
            del os.environ["KIM_PUBLIC_UPLOADS"]
        else:
            os.environ["KIM_PUBLIC_UPLOADS"] = before


@pytest.fixture(scope="module")
def browser():
    with chromium() as instance:
        yield instance


def replica_of(context) -> str:
    """The SRV cookie HAProxy gave this browser: the name of the replica holding its session."""
    values = [c["value"] for c in context.cookies() if c["name"] == "SRV"]
    assert len(values) == 1, context.cookies()
    return values[0]


def settle(tab, text: str, timeout: float = 45_000) -> None:
    tab.get_by_text(text, exact=False).first.wait_for(timeout=timeout)
    tab.wait_for_function(SETTLED, timeout=timeout)


def logged(lb, wanted, timeout: float = 10) -> list[dict[str, str]]:
    """HAProxy's request log once a line matching `wanted` is in it (a websocket is logged on close)."""
    deadline = time.monotonic() + timeout
    while True:
        rows = balancer.request_log(lb.logs / "haproxy.log")
        if any(wanted(r) for r in rows) or time.monotonic() > deadline:
            return rows
        time.sleep(0.2)


def test_upload_and_its_rerun_stay_on_the_session_replica(lb, browser, tmp_path):
    lines = (ROOT / "data" / "registry.csv").read_text(encoding="utf-8").splitlines()[:21]
    upload = tmp_path / "registri_20.csv"
    upload.write_text("\n".join(lines) + "\n", encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    tab = context.new_page()
    tab.goto(f"{lb.url}/data")  # a deep link as the first request of the replica: it must work too
    settle(tab, "Unggah data")
    replica = replica_of(context)
    tab.locator('.st-key-data_file [data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
    # another replica would answer the PUT with 400 "Invalid session_id": a valid file proves affinity
    settle(tab, "Berkas valid: 20 baris.")
    tab.get_by_role("button", name="Pratinjau di dasbor untuk sesi ini").click()
    settle(tab, "Sesi ini menampilkan pratinjau unggahan: registri_20.csv")
    assert tab.locator('[data-testid="stException"]').count() == 0
    assert replica_of(context) == replica, "the cookie never moved"
    context.close()

    rows = logged(lb, lambda r: r["path"] == "/_stcore/stream" and r["cookie"] == replica)
    puts = [r for r in rows if r["method"] == "PUT" and r["path"].startswith("/_stcore/upload_file/")]
    streams = [r for r in rows if r["path"] == "/_stcore/stream" and r["cookie"] == replica]
    assert len(puts) == 1 and puts[0]["status"] in ("200", "204"), puts
    assert puts[0]["server"] == replica and puts[0]["cookie"] == replica
    assert streams and all(r["server"] == replica and r["status"] == "101" for r in streams)
    assert all(r["server"] == r["cookie"] for r in rows if r["cookie"] != "-"), "a request left its replica"


def test_new_sessions_spread_over_both_replicas(lb, browser):
    contexts = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in range(4)]
    try:
        tabs = [context.new_page() for context in contexts]  # each a fresh browser: no cookie yet
        for tab in tabs:  # all four arrive together, as people do
            tab.goto(f"{lb.url}/data")
        for tab in tabs:
            settle(tab, "Unggah data")
        holders = [replica_of(c) for c in contexts]
        open_now = {name: int(row["scur"]) for name, row in balancer.server_stats(lb.stats_socket).items()}
    finally:
        for context in contexts:
            context.close()
    assert sorted(set(holders)) == ["r1", "r2"], holders
    # HAProxy's count of open connections per server: each session's websocket is one of them
    assert open_now["r1"] >= holders.count("r1") and open_now["r2"] >= holders.count("r2"), open_now
