"""Debian's chromium driven by Playwright, as every browser test launches it (never `playwright install`),
and the fresh `streamlit run app.py` servers those tests start.

A server is ready when `/_stcore/health` answers (polled, within a bound; a server that exits says so at
once, with its log). Every server started is stopped on the way out, even when one failed: SIGTERM, then
SIGKILL after `stop_timeout`; a failure while stopping never hides the failure that ended the test.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "deploy"))
import cluster  # noqa: E402 - deploy/ is scripts, not a package: one health poll and one stop for all

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
LOG_TAIL = 4000  # characters of a server's log quoted in a failure


@contextmanager
def chromium() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


def streamlit_command(port: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        "app.py",
        "--server.headless=true",
        f"--server.port={port}",
        "--server.address=127.0.0.1",
    ]


@dataclass
class Servers:
    urls: list[str]
    processes: list[subprocess.Popen]
    logs: list[Path]

    def log(self, index: int) -> str:
        """The end of server `index`'s output (stdout and stderr)."""
        text = self.logs[index].read_text(encoding="utf-8", errors="replace")
        return text[-LOG_TAIL:]

    def stop(self, timeout: float) -> None:
        cluster.end(*self.processes, timeout=timeout)


@contextmanager
def streamlit_servers(
    count: int = 1,
    timeout: float = 90,
    command: Callable[[int], list[str]] = streamlit_command,
    stop_timeout: float = 20,
) -> Iterator[Servers]:
    """`count` fresh servers on free loopback ports, started together, yielded once every one is healthy."""
    folder = Path(tempfile.mkdtemp(prefix="kim-servers-"))
    ports = [cluster.free_port() for _ in range(count)]
    servers = Servers(
        [f"http://127.0.0.1:{p}" for p in ports], [], [folder / f"{i}.log" for i in range(count)]
    )
    try:
        for port, log in zip(ports, servers.logs, strict=True):
            with open(log, "wb") as out:
                servers.processes.append(
                    subprocess.Popen(command(port), cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
                )
        names = {str(i): url for i, url in enumerate(servers.urls)}
        try:
            cluster.wait_healthy(names, timeout, dict(zip(names, servers.processes, strict=True)))
        except RuntimeError as err:
            exited = [i for i, process in enumerate(servers.processes) if process.poll() is not None]
            down = exited or [i for i, url in enumerate(servers.urls) if not cluster.healthy(url, timeout=1)]
            logs = "".join(f"\n--- server {i} ({servers.urls[i]}) log ---\n{servers.log(i)}" for i in down)
            raise RuntimeError(f"streamlit did not start: {err}{logs}") from None
        yield servers
    except BaseException:
        with suppress(Exception):  # the failure that brought us here is the one to report
            servers.stop(stop_timeout)
        shutil.rmtree(folder, ignore_errors=True)
        raise
    servers.stop(stop_timeout)
    shutil.rmtree(folder, ignore_errors=True)
