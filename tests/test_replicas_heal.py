"""deploy/run.sh with replicas that die: `scale` and `heal` bring dead replicas back without touching
healthy ones, never stop the last healthy one, and `status` names the ones down.

Real HAProxy (Debian's) and the real deploy/ctl.py; each replica is a few lines of http.server answering
/_stcore/health (a Streamlit start costs seconds each; what is tested here is the runbook, not Streamlit).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

import pytest

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "deploy"))
import balancer
import cluster
import ctl

if balancer.haproxy_binary() is None:
    if os.environ.get("CI"):
        raise RuntimeError("CI must run the replica tests: install Debian's haproxy")
    pytest.skip("haproxy is not installed", allow_module_level=True)

FAKE_REPLICA = """
import http.server, sys
port = int(sys.argv[1].split("=")[1])
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", port), Health).serve_forever()
"""


def fake_replica(name, port, log, env=None, detach=False):
    return cluster._spawn([sys.executable, "-c", FAKE_REPLICA, f"--server.port={port}"], log, None, detach)


@pytest.fixture
def runbook(tmp_path, monkeypatch):
    run = tmp_path / "run"
    for attr, value in {
        "RUN": run,
        "LOGS": tmp_path / "logs",
        "STATE": run / "state.json",
        "CFG": run / "haproxy.cfg",
        "SOCK": run / "haproxy.sock",
        "PIDFILE": run / "haproxy.pid",
        "SECRET": run / "cookie_secret",
    }.items():
        monkeypatch.setattr(ctl, attr, value)
    monkeypatch.setattr(ctl, "start_replica", fake_replica)
    base = cluster.free_port()
    ctl.start(argparse.Namespace(replicas=2, bind=f"127.0.0.1:{cluster.free_port()}", base_port=base))
    try:
        yield ctl
    finally:
        ctl.stop(argparse.Namespace())


def pids() -> dict[str, int]:
    return {name: r["pid"] for name, r in ctl._load()["replicas"].items()}


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while ctl._alive(pid, "--server.port") and time.monotonic() < deadline:
        time.sleep(0.1)


def test_scale_and_heal_bring_dead_replicas_back_and_keep_the_healthy_one(runbook, capsys):
    before = pids()
    kill(before["r2"])
    ctl.status(argparse.Namespace())
    assert "DOWN: r2 (1 of 2)" in capsys.readouterr().out

    ctl.scale(argparse.Namespace(replicas=2, drain_seconds=0))  # was: "2 replicas", r2 left dead
    after = pids()
    assert after["r1"] == before["r1"] and after["r2"] != before["r2"]
    assert all(ctl._alive_map(ctl._load()).values())
    assert {n: s["status"] for n, s in balancer.server_stats(ctl.SOCK).items() if n in after} == {
        "r1": "UP",
        "r2": "UP",
    }

    kill(after["r1"])
    ctl.scale(argparse.Namespace(replicas=1, drain_seconds=0))  # was: the healthy r2 stopped, none left
    assert pids() == {"r2": after["r2"]} and ctl._alive_map(ctl._load()) == {"r2": True}

    ctl.scale(argparse.Namespace(replicas=2, drain_seconds=0))
    kill(pids()["r1"])
    healthy = pids()["r2"]
    capsys.readouterr()
    ctl.heal(argparse.Namespace())
    assert "started again: r1" in capsys.readouterr().out
    assert pids()["r2"] == healthy and all(ctl._alive_map(ctl._load()).values())
    ctl.status(argparse.Namespace())
    assert "all 2 replicas running" in capsys.readouterr().out


def test_a_session_that_lost_its_preview_is_told_once():
    from streamlit.testing.v1 import AppTest

    from .apptest_helpers import APP, open_page
    from .test_app_data import UPLOAD

    at = open_page("data")
    at.file_uploader(key="data_file").upload("registri_saya.csv", UPLOAD, "text/csv").run()
    at.button(key="use_upload").click().run()
    at.switch_page("pages/kecamatan.py").run()
    assert at.query_params["pratinjau"] in ("1", ["1"])
    assert not [w for w in at.warning if "unggah berkasnya kembali" in w.value]
    carried = {k: v[-1] if isinstance(v, list) else v for k, v in at.query_params.items()}

    fresh = AppTest.from_file(APP, default_timeout=120)  # the replica died: a new session, same URL
    for key, value in carried.items():
        fresh.query_params[key] = value
    fresh.run()  # the first run of the new session (AppTest opens the entry page first)
    said = [w.value for w in fresh.warning if "unggah berkasnya kembali" in w.value]
    assert len(said) == 1 and "pratinjau" not in fresh.query_params
    fresh.switch_page("pages/kecamatan.py").run()
    assert not [w for w in fresh.warning if "unggah berkasnya kembali" in w.value]  # once

    at.button(key="sidebar_back").click().run()  # back to the stored data on purpose: nothing to tell
    assert "pratinjau" not in at.query_params
    at.run()
    assert not [w for w in at.warning if "unggah berkasnya kembali" in w.value]
