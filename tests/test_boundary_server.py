"""The worst boundary files, uploaded through a real `streamlit run app.py` in Debian's chromium: the
server process is alive afterwards and still serves a page (the nested-collection GeoPackage killed it
with exit 139; the self-overlapping ring held a core for over a minute)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from . import geometry_files as gf
from .browser_helpers import CHROMIUM, chromium
from .conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the browser tests: install Debian's chromium")
    pytest.skip("chromium is not installed", allow_module_level=True)

REPORT = "Berkas belum bisa dipakai"  # data.report_title, Bahasa Indonesia


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
            return reply.status == 200
    except OSError:
        return False


@contextmanager
def streamlit_server() -> Iterator[tuple[str, subprocess.Popen]]:
    """One fresh server on a free loopback port, ready (health polled, bounded); always stopped."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless=true"]
    command += [f"--server.port={port}", "--server.address=127.0.0.1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while not _answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                raise RuntimeError("streamlit did not start:\n" + log.read().decode(errors="replace")[-3000:])
            time.sleep(0.3)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        log.close()


@pytest.fixture(scope="module")
def worst(tmp_path_factory) -> dict[str, bytes]:
    return gf.worst_files(tmp_path_factory.mktemp("geometry"))


@pytest.mark.parametrize("name", ["nested_collections_16000_deep.gpkg", "star_400k_vertices_16_points.zip"])
def test_the_worst_geometry_upload_leaves_the_server_alive(worst, name):
    with streamlit_server() as (url, process), chromium() as browser:
        tab = browser.new_page()
        tab.goto(f"{url}/data", timeout=90_000)
        tab.get_by_role("tab", name="Batas wilayah").click(timeout=90_000)
        upload = tab.locator('input[type="file"][accept*=".gpkg"]')
        upload.set_input_files(
            files=[{"name": name, "mimeType": "application/octet-stream", "buffer": worst[name]}]
        )
        # refused with the project's report (not a dead socket); the repair child's budget is 20 s CPU.
        # The server's death is the cause to report first, not the wait that would then time out.
        report, deadline = tab.get_by_text(REPORT, exact=False).first, time.monotonic() + 150
        while not report.is_visible():
            assert process.poll() is None, f"the server died: exit {process.returncode}"
            assert time.monotonic() < deadline, "no report within 150 s"
            tab.wait_for_timeout(500)
        assert process.poll() is None, f"the server died: exit {process.returncode}"
        assert _answers(url)
        fresh = browser.new_page()
        fresh.goto(f"{url}/data", timeout=90_000)
        fresh.get_by_text("Unggah data", exact=False).first.wait_for(timeout=90_000)
        assert process.poll() is None
