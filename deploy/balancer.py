"""HAProxy (Debian's package) for the replicas: its config from the template, its stats socket, its log.

Shared by deploy/ctl.py (run.sh), bench/scale.py and the tests; standard library only.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from string import Template

TEMPLATE = Path(__file__).resolve().parent / "haproxy.cfg.template"
BACKEND = "streamlit"  # the backend's name in the template


def haproxy_binary() -> str | None:
    return os.environ.get("KIM_HAPROXY") or shutil.which("haproxy") or shutil.which("/usr/sbin/haproxy")


def haproxy_command(cfg: Path, pidfile: Path) -> list[str]:
    """Master-worker (-W) in the foreground (-db) so `log stdout` reaches the log file; -p names the master.
    A reload is SIGUSR2 to the master: a new worker takes over the listening socket and the old one
    finishes its open websockets (the same hand-over as `haproxy -sf <old pids>`)."""
    binary = haproxy_binary()
    if binary is None:
        raise RuntimeError("haproxy not found: apt-get install -y haproxy")
    return [binary, "-W", "-db", "-f", str(cfg), "-p", str(pidfile)]


def render_haproxy(
    bind: str,
    servers: Sequence[tuple[str, str]],
    stats_socket: str,
    server_options: str = "",
    resolvers: str = "",
) -> str:
    """The HAProxy config: one `server` line per (name, host:port); the name is also its cookie value."""
    lines = "\n".join(f"    server {name} {address} check cookie {name}" for name, address in servers)
    text = Template(TEMPLATE.read_text(encoding="utf-8")).substitute(
        bind=bind,
        stats_socket=stats_socket,
        servers=lines,
        server_options=server_options,
        resolvers=resolvers,
    )
    return re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in text.splitlines())) + "\n"


def check_config(cfg: Path) -> None:
    """`haproxy -c`: a config that does not parse never reaches a running balancer."""
    out = subprocess.run(
        [haproxy_binary() or "haproxy", "-c", "-f", str(cfg)], capture_output=True, text=True
    )
    if out.returncode:
        raise RuntimeError(f"haproxy rejected {cfg}:\n{out.stdout}{out.stderr}")


def stats(stats_socket: Path | str) -> list[dict[str, str]]:
    """HAProxy's `show stat` as rows (pxname, svname, status, scur, stot, ...)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(5)
        sock.connect(str(stats_socket))
        sock.sendall(b"show stat\n")
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    text = b"".join(chunks).decode().lstrip("# ")
    return list(csv.DictReader(io.StringIO(text)))


def server_stats(stats_socket: Path | str) -> dict[str, dict[str, str]]:
    """The backend's servers only: name -> their row (status UP/DOWN/DRAIN, scur = open connections)."""
    return {
        row["svname"]: row
        for row in stats(stats_socket)
        if row["pxname"] == BACKEND and row["svname"] not in ("FRONTEND", "BACKEND")
    }


LOG_LINE = re.compile(
    r"\S+ \[[^]]+\] \S+ (?P<backend>[^/ ]+)/(?P<server>\S+) \S+ (?P<status>-?\d+) \S+ "
    r"(?P<cookie>\S+) \S+ .*\"(?P<method>[A-Z]+) (?P<path>\S+)"
)


def request_log(path: Path) -> list[dict[str, str]]:
    """HAProxy's httplog lines (written when a request, or a websocket, ends) as dicts: server, status,
    cookie (the SRV cookie the browser sent, or "-"), method, path. Other lines are skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LOG_LINE.match(line)
        if match:
            row = match.groupdict()
            row["cookie"] = row["cookie"].removeprefix("SRV=")
            rows.append(row)
    return rows


def admin(stats_socket: Path | str, command: str) -> str:
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(5)
        sock.connect(str(stats_socket))
        sock.sendall(command.encode() + b"\n")
        return b"".join(iter(lambda: sock.recv(65536), b"")).decode()


def wait_up(stats_socket: Path | str, names: Sequence[str], timeout: float = 30) -> None:
    """Until HAProxy's health checks have passed `rise` times for each named server."""
    deadline = time.monotonic() + timeout
    while any(server_stats(stats_socket).get(n, {}).get("status") != "UP" for n in names):
        if time.monotonic() > deadline:
            raise RuntimeError(f"servers not UP: {server_stats(stats_socket)}")
        time.sleep(0.3)


COMPOSE_RESOLVERS = """resolvers docker
    # Docker's embedded DNS: a replica container that comes back with a new address is found again
    nameserver dns 127.0.0.11:53
    hold valid 10s
"""


def compose_config(replicas: int) -> str:
    """The config deploy/compose/haproxy.cfg holds: server rN is compose service appN."""
    servers = [(f"r{i}", f"app{i}:8501") for i in range(1, replicas + 1)]
    options = "resolvers docker init-addr last,libc,none"
    return render_haproxy("*:8080", servers, "/tmp/haproxy.sock", options, COMPOSE_RESOLVERS)
