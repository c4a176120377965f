"""N Streamlit replicas behind HAProxy: processes, settings and health, shared by deploy/ctl.py (run.sh),
bench/scale.py and the tests. Standard library only, so it runs with the app's own Python.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from balancer import check_config, haproxy_command, render_haproxy, wait_up

DEPLOY = Path(__file__).resolve().parent
ROOT = DEPLOY.parent
SETTINGS = DEPLOY / "streamlit.env"
# the app's own production settings (not Streamlit's): a public server takes uploads from signed-in
# data officers only (README, "Sign-in for data officers"); KIM_PUBLIC_UPLOADS=1 in the environment wins
APP_SETTINGS = {"KIM_PUBLIC_UPLOADS": "0"}


def read_env_file(path: Path = SETTINGS) -> dict[str, str]:
    """KEY=VALUE lines, comments and blank lines skipped: the subset docker compose's env_file reads alike."""
    env = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            env[key.strip()] = value.strip()
    return env


def replica_env(name: str, base: Mapping[str, str] | None = None) -> dict[str, str]:
    """Production settings, then the caller's environment on top (so KIM_DATABASE_URL, KIM_DATA_DIR and
    any STREAMLIT_* override reach every replica unchanged), then the replica's name as KIM_REPLICA."""
    env = {**read_env_file(), **APP_SETTINGS}
    env.update(os.environ if base is None else base)
    env["KIM_REPLICA"] = name
    return env


def replica_command(port: int, address: str = "127.0.0.1", python: str = sys.executable) -> list[str]:
    return [
        python,
        "-m",
        "streamlit",
        "run",
        "app.py",
        f"--server.port={port}",
        f"--server.address={address}",
    ]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthy(url: str, timeout: float = 2) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=timeout) as response:
            return response.status == 200
    except OSError:
        return False


def wait_healthy(urls: Mapping[str, str], timeout: float, processes: Mapping[str, subprocess.Popen]) -> None:
    """Poll each name's URL until it answers 200; fail early when that name's process has exited."""
    deadline = time.monotonic() + timeout
    waiting = dict(urls)
    while waiting:
        for name, url in list(waiting.items()):
            process = processes.get(name)
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"{name} exited with code {process.returncode}")
            if healthy(url):
                del waiting[name]
        if waiting and time.monotonic() > deadline:
            raise RuntimeError(f"not healthy after {timeout:.0f} s: {', '.join(sorted(waiting))}")
        if waiting:
            time.sleep(0.3)


def _spawn(command: list[str], log: Path, env: Mapping[str, str] | None, detach: bool) -> subprocess.Popen:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "ab") as out:  # append: logrotate's copytruncate keeps working
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=dict(env) if env is not None else None,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=detach,  # run.sh start returns; the replicas keep running
        )


def start_replica(
    name: str, port: int, log: Path, env: Mapping[str, str] | None = None, detach: bool = False
) -> subprocess.Popen:
    return _spawn(replica_command(port), log, replica_env(name, env), detach)


def start_haproxy(cfg: Path, log: Path, pidfile: Path, detach: bool = False) -> subprocess.Popen:
    return _spawn(haproxy_command(cfg, pidfile), log, None, detach)


def end(*processes: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM to all, then SIGKILL to any still running after `timeout`: for children of this process."""
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def _tail(log: Path, chars: int = 4000) -> str:
    try:
        return log.read_text(encoding="utf-8", errors="replace")[-chars:]
    except OSError as err:
        return f"({err})"


@dataclass
class Cluster:
    url: str  # the balancer
    stats_socket: Path
    replicas: dict[str, subprocess.Popen]
    ports: dict[str, int]
    haproxy: subprocess.Popen
    logs: Path


@contextmanager
def local_cluster(
    replicas: int, env: Mapping[str, str] | None = None, timeout: float = 120, workdir: Path | None = None
) -> Iterator[Cluster]:
    """For tests and benchmarks: N replicas and HAProxy on free loopback ports, config, socket and logs
    in a temporary folder (or `workdir`); every process is ended on the way out, whatever happened."""
    with ExitStack() as stack:
        folder = workdir or Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="kim-lb-")))
        names = [f"r{i}" for i in range(1, replicas + 1)]
        ports = {name: free_port() for name in names}
        processes: dict[str, subprocess.Popen] = {}
        stack.callback(lambda: end(*processes.values()))  # runs last: replicas after haproxy
        for name in names:
            processes[name] = start_replica(name, ports[name], folder / f"{name}.log", env)
        try:
            wait_healthy({n: f"http://127.0.0.1:{p}" for n, p in ports.items()}, timeout, processes)
        except RuntimeError as err:  # the cause first: the log of each replica that is not up
            down = [
                n
                for n in names
                if processes[n].poll() is not None or not healthy(f"http://127.0.0.1:{ports[n]}")
            ]
            tails = "".join(f"\n--- {n}.log ---\n{_tail(folder / f'{n}.log')}" for n in down)
            raise RuntimeError(f"{err}{tails}") from None
        cfg, sock, lb_port = folder / "haproxy.cfg", folder / "haproxy.sock", free_port()
        servers = [(n, f"127.0.0.1:{ports[n]}") for n in names]
        cfg.write_text(render_haproxy(f"127.0.0.1:{lb_port}", servers, str(sock)))
        check_config(cfg)
        haproxy = start_haproxy(cfg, folder / "haproxy.log", folder / "haproxy.pid")
        stack.callback(end, haproxy)
        url = f"http://127.0.0.1:{lb_port}"
        wait_healthy({"haproxy": url}, 30, {"haproxy": haproxy})
        wait_up(sock, names)
        yield Cluster(url, sock, processes, ports, haproxy, folder)
