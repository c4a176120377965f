"""Run the KIM Dashboard as N Streamlit replicas behind HAProxy on one machine (see deploy/README.md).

    deploy/run.sh start [--replicas 2] [--bind 0.0.0.0:8080] [--base-port 8501]
    deploy/run.sh status
    deploy/run.sh scale N        # add (or drain and remove) replicas; HAProxy reloads, sessions stay
    deploy/run.sh heal           # start dead replicas again (alias: restart); healthy ones untouched
    deploy/run.sh reload         # re-render the HAProxy config from the template and reload
    deploy/run.sh stop
    python deploy/ctl.py replica [--port 8501] [--address 0.0.0.0]   # one replica, in the foreground
    python deploy/ctl.py render-compose N    # HAProxy config for compose.yaml's app1..appN

State (pids, ports, rendered config, stats socket) lives in $KIM_RUN_DIR (default deploy/run/), logs in
$KIM_LOG_DIR (default deploy/logs/): r1.log, r2.log, ... per replica and haproxy.log.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import sys
import time
from pathlib import Path

from balancer import BACKEND, admin, check_config, compose_config, render_haproxy, server_stats, wait_up
from cluster import DEPLOY, ROOT, replica_command, replica_env, start_haproxy, start_replica, wait_healthy
from replicas import down_line, heal_plan, plan_scale

RUN = Path(os.environ.get("KIM_RUN_DIR", DEPLOY / "run")).resolve()
LOGS = Path(os.environ.get("KIM_LOG_DIR", DEPLOY / "logs")).resolve()
STATE, CFG, SOCK, PIDFILE = RUN / "state.json", RUN / "haproxy.cfg", RUN / "haproxy.sock", RUN / "haproxy.pid"
SECRET = RUN / "cookie_secret"


def _alive(pid: int, marker: str) -> bool:
    """The pid runs and is still ours (its command line holds `marker`), not a recycled pid."""
    try:
        return marker in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    except OSError:
        return False


def _load() -> dict:
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def _save(state: dict) -> None:
    RUN.mkdir(parents=True, exist_ok=True)
    STATE.write_text(json.dumps(state, indent=2, sort_keys=True) + "\n")


def _haproxy_pid() -> int | None:
    try:
        pid = int(PIDFILE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return pid if _alive(pid, "haproxy") else None


def _env() -> dict[str, str]:
    """One cookie secret for all replicas (Streamlit signs cookies with it), made once and kept in RUN."""
    env = dict(os.environ)
    if "STREAMLIT_SERVER_COOKIE_SECRET" not in env:
        if not SECRET.exists():
            RUN.mkdir(parents=True, exist_ok=True)
            SECRET.touch(mode=0o600)
            SECRET.write_text(secrets.token_hex(32))
        env["STREAMLIT_SERVER_COOKIE_SECRET"] = SECRET.read_text().strip()
    return env


def _marker(replica: dict) -> str:
    return f"--server.port={replica['port']}"


def _start_replicas(state: dict, names: list[str]) -> None:
    """Start and wait until each answers /_stcore/health; on failure end the ones just started."""
    env, started = _env(), {}
    try:
        for name in names:
            port = state["base_port"] + int(name[1:]) - 1
            started[name] = start_replica(name, port, LOGS / f"{name}.log", env, detach=True)
            state["replicas"][name] = {"port": port, "pid": started[name].pid}
        urls = {n: f"http://127.0.0.1:{state['replicas'][n]['port']}" for n in names}
        wait_healthy(urls, 180, started)
    except BaseException:
        for name, process in started.items():
            process.kill()
            state["replicas"].pop(name)
        raise


def _write_config(state: dict) -> None:
    servers = [(n, f"127.0.0.1:{r['port']}") for n, r in sorted(state["replicas"].items(), key=_order)]
    CFG.write_text(render_haproxy(state["bind"], servers, str(SOCK)))
    check_config(CFG)


def _order(item: tuple[str, dict]) -> int:
    return int(item[0][1:])


def start(args: argparse.Namespace) -> None:
    state = _load()
    if _haproxy_pid() or any(_alive(r["pid"], _marker(r)) for r in state.get("replicas", {}).values()):
        sys.exit("already running: deploy/run.sh status (or stop first)")
    state = {"bind": args.bind, "base_port": args.base_port, "replicas": {}}
    _start_replicas(state, [f"r{i}" for i in range(1, args.replicas + 1)])
    _save(state)
    _write_config(state)
    start_haproxy(CFG, LOGS / "haproxy.log", PIDFILE, detach=True)
    host, port = args.bind.rsplit(":", 1)
    wait_healthy({"haproxy": f"http://{'127.0.0.1' if host in ('', '0.0.0.0') else host}:{port}"}, 30, {})
    wait_up(SOCK, list(state["replicas"]))
    print(f"{args.replicas} replicas behind http://{args.bind}; logs in {LOGS}")


def status(_: argparse.Namespace) -> None:
    state, pid = _load(), _haproxy_pid()
    print(f"haproxy: {'running, pid ' + str(pid) if pid else 'not running'}; bind {state.get('bind', '-')}")
    servers = server_stats(SOCK) if pid else {}
    for name, replica in sorted(state.get("replicas", {}).items(), key=_order):
        alive = "running" if _alive(replica["pid"], _marker(replica)) else "NOT RUNNING"
        row = servers.get(name, {})
        print(
            f"{name}: port {replica['port']}, pid {replica['pid']} {alive}; balancer: "
            f"{row.get('status', '-')}, open connections {row.get('scur', '-')}, total {row.get('stot', '-')}"
        )
    print(down_line(_alive_map(state)))


def _alive_map(state: dict) -> dict[str, bool]:
    return {name: _alive(r["pid"], _marker(r)) for name, r in state.get("replicas", {}).items()}


def _reload() -> None:
    pid = _haproxy_pid()
    if pid is None:
        sys.exit("haproxy is not running: deploy/run.sh start")
    os.kill(pid, signal.SIGUSR2)  # master re-reads the config; old worker finishes its websockets
    time.sleep(1)


def reload(_: argparse.Namespace) -> None:
    _write_config(_load())
    _reload()
    print("haproxy reloaded")


def _apply(state: dict, plan, drain_seconds: float) -> None:
    """Start the dead kept and the new replicas first (waiting until healthy), then drain and stop."""
    if plan.heal or plan.add:
        _start_replicas(state, plan.heal + plan.add)
        _save(state)
        _write_config(state)
        _reload()
        wait_up(SOCK, plan.heal + plan.add)
    if plan.remove:
        for name in plan.remove:  # no new sessions; browsers that hold its cookie keep being served
            admin(SOCK, f"set server {BACKEND}/{name} state drain")
        deadline = time.monotonic() + drain_seconds
        live = [n for n in plan.remove if _alive_map(state)[n]]
        while time.monotonic() < deadline and any(int(server_stats(SOCK)[n]["scur"]) > 0 for n in live):
            time.sleep(2)
        removed = [state["replicas"].pop(name) for name in plan.remove]
        _save(state)
        _write_config(state)
        _reload()
        for replica in removed:
            if _alive(replica["pid"], _marker(replica)):
                os.kill(replica["pid"], signal.SIGTERM)


def scale(args: argparse.Namespace) -> None:
    state = _load()
    if args.replicas < 1:
        sys.exit("at least one replica")
    plan = plan_scale(_alive_map(state), args.replicas)
    _apply(state, plan, args.drain_seconds)
    started = f"; started again: {', '.join(plan.heal)}" if plan.heal else ""
    print(f"{args.replicas} replicas{started}; {down_line(_alive_map(state))}")


def heal(_: argparse.Namespace) -> None:
    state = _load()
    plan = heal_plan(_alive_map(state))
    _apply(state, plan, 0)
    print(f"started again: {', '.join(plan.heal)}" if plan.heal else down_line(_alive_map(state)))


def stop(_: argparse.Namespace) -> None:
    state, pid = _load(), _haproxy_pid()
    targets = [(pid, "haproxy")] if pid else []
    targets += [(r["pid"], _marker(r)) for r in state.get("replicas", {}).values()]
    for target, marker in targets:
        if _alive(target, marker):
            os.kill(target, signal.SIGTERM)
    deadline = time.monotonic() + 30
    while any(_alive(t, m) for t, m in targets) and time.monotonic() < deadline:
        time.sleep(0.3)
    for target, marker in targets:
        if _alive(target, marker):
            os.kill(target, signal.SIGKILL)
    STATE.unlink(missing_ok=True)
    print("stopped")


def replica(args: argparse.Namespace) -> None:
    """One replica in the foreground with the production settings: a container's or a unit's command."""
    name = os.environ.get("KIM_REPLICA") or socket.gethostname()
    os.chdir(ROOT)
    command = replica_command(args.port, args.address)
    os.execve(command[0], command, replica_env(name))


def main() -> None:
    parser = argparse.ArgumentParser(prog="deploy/run.sh", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    first = sub.add_parser("start", help="start N replicas and HAProxy")
    first.add_argument("--replicas", type=int, default=2)
    first.add_argument("--bind", default="0.0.0.0:8080", help="where HAProxy listens (ADDRESS:PORT)")
    first.add_argument("--base-port", type=int, default=8501, help="r1 listens here on 127.0.0.1, r2 +1, ...")
    sub.add_parser("status", help="processes and what HAProxy sees")
    more = sub.add_parser("scale", help="change the number of replicas without dropping sessions")
    more.add_argument("replicas", type=int)
    more.add_argument("--drain-seconds", type=float, default=300, help="when removing: wait for sessions")
    for name in ("heal", "restart"):
        sub.add_parser(name, help="start dead replicas again; healthy ones are not touched")
    sub.add_parser("reload", help="re-render the HAProxy config and reload it")
    sub.add_parser("stop", help="stop HAProxy and every replica")
    one = sub.add_parser("replica", help="run one replica in the foreground (containers)")
    one.add_argument("--port", type=int, default=8501)
    one.add_argument("--address", default="127.0.0.1")
    sub.add_parser("render-compose", help="print compose.yaml's HAProxy config").add_argument(
        "replicas", type=int
    )
    args = parser.parse_args()
    commands = {"start": start, "status": status, "scale": scale, "heal": heal, "restart": heal}
    commands |= {"reload": reload, "stop": stop}
    if args.command == "render-compose":
        sys.stdout.write(compose_config(args.replicas))
    else:
        (commands | {"replica": replica})[args.command](args)


if __name__ == "__main__":
    main()
