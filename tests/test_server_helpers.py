"""The servers tests start (tests/browser_helpers.py): readiness by a bounded health poll, every server
stopped even when one fails or ignores SIGTERM, and the real cause reported first. Fake servers stand in
for streamlit (a few lines of http.server), so this runs in seconds and needs no browser."""

from __future__ import annotations

import sys

import pytest

from tests.browser_helpers import streamlit_servers

HEALTHY_STUBBORN = """
import http.server, signal, sys
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # only SIGKILL ends it
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
print("listening", flush=True)
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""
CRASHES = "import sys; print('ImportError: the real cause', flush=True); sys.exit(3)"
NEVER_READY = "import time; print('still loading', flush=True); time.sleep(600)"


def commands(*scripts: str):
    queue = list(scripts)
    return lambda port: [sys.executable, "-c", queue.pop(0), str(port)]


def test_a_failure_in_the_test_is_reported_and_every_server_is_killed():
    started = []
    stubborn = commands(*[HEALTHY_STUBBORN] * 3)
    with (
        pytest.raises(ValueError, match="the real cause"),
        streamlit_servers(3, command=stubborn, stop_timeout=0.5) as servers,
    ):
        started = servers.processes
        raise ValueError("the real cause")
    assert len(started) == 3 and all(p.poll() is not None for p in started)  # SIGKILL after the timeout


def test_a_server_that_exits_is_reported_with_its_log_and_the_others_stopped(monkeypatch):
    seen: list = []
    import tests.browser_helpers as helpers

    real_end = helpers.cluster.end

    def recording_end(*ps, timeout):
        seen.extend(ps)
        return real_end(*ps, timeout=timeout)

    monkeypatch.setattr(helpers.cluster, "end", recording_end)
    with (
        pytest.raises(RuntimeError) as caught,
        streamlit_servers(2, command=commands(HEALTHY_STUBBORN, CRASHES), stop_timeout=0.5),
    ):
        pytest.fail("never yielded")
    message = str(caught.value)
    assert "exited with code 3" in message and "ImportError: the real cause" in message
    assert "server 1" in message and "server 0" not in message
    assert len(seen) == 2 and all(p.poll() is not None for p in seen)


def test_readiness_is_bounded():
    with (
        pytest.raises(RuntimeError) as caught,
        streamlit_servers(1, timeout=2, command=commands(NEVER_READY), stop_timeout=0.5),
    ):
        pytest.fail("never yielded")
    assert "not healthy after 2 s" in str(caught.value) and "still loading" in str(caught.value)


def test_a_replica_that_cannot_start_is_reported_with_its_log(monkeypatch):
    from tests.browser_helpers import cluster

    def crashing(port, address="127.0.0.1", python=sys.executable):
        return [python, "-c", CRASHES, f"--server.port={port}"]

    monkeypatch.setattr(cluster, "replica_command", crashing)
    with pytest.raises(RuntimeError) as caught, cluster.local_cluster(2, timeout=10):
        pytest.fail("never yielded")
    assert "exited with code 3" in str(caught.value) and "ImportError: the real cause" in str(caught.value)
