"""The production recipe's files agree with each other and with Streamlit and HAProxy (no servers started)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from streamlit import config as st_config

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "deploy"))
import balancer
import cluster
import ctl

DEPLOY = ROOT / "deploy"


def test_every_production_setting_is_a_streamlit_option_streamlit_applies():
    settings = cluster.read_env_file()
    known = {option.env_var: key for key, option in st_config._config_options_template.items()}
    assert set(settings) <= set(known), set(settings) - set(known)
    # what Streamlit itself reports with the file in its environment
    shown = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT,
        env={**os.environ, **settings},
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    values, section = {}, ""
    for line in shown.splitlines():
        if header := re.fullmatch(r"\[(.+)\]", line):
            section = header[1]
        elif assigned := re.fullmatch(r"(\w+) = (.+)", line):
            values[f"{section}.{assigned[1]}"] = assigned[2].strip('"')
    for env_var, value in settings.items():
        assert values[known[env_var]].lower() == value.lower(), env_var
    assert values["server.fileWatcherType"] == "none" and values["client.showErrorDetails"] == "none"
    assert values["server.maxUploadSize"] == "5", ".streamlit/config.toml still applies"


def test_a_replica_gets_the_settings_the_callers_environment_and_its_name():
    env = cluster.replica_env("r3", {"KIM_DATABASE_URL": "postgresql://x", "STREAMLIT_LOGGER_LEVEL": "debug"})
    assert env["KIM_REPLICA"] == "r3" and env["KIM_DATABASE_URL"] == "postgresql://x"
    assert env["STREAMLIT_LOGGER_LEVEL"] == "debug", "the operator's environment wins over streamlit.env"
    assert env["STREAMLIT_SERVER_FILE_WATCHER_TYPE"] == "none"
    assert env["KIM_PUBLIC_UPLOADS"] == "0", "a public deployment: uploads only from signed-in officers"
    assert cluster.replica_env("r1", {"KIM_PUBLIC_UPLOADS": "1"})["KIM_PUBLIC_UPLOADS"] == "1"


def test_rendered_config_has_one_sticky_server_per_replica():
    servers = [("r1", "127.0.0.1:8501"), ("r2", "127.0.0.1:8502"), ("r3", "127.0.0.1:8503")]
    text = balancer.render_haproxy("127.0.0.1:8080", servers, "/tmp/x.sock")
    assert text == balancer.render_haproxy("127.0.0.1:8080", servers, "/tmp/x.sock"), "same input, same bytes"
    lines = re.findall(r"^\s+server (\S+) (\S+) check cookie (\S+)$", text, re.M)
    assert lines == [(n, a, n) for n, a in servers]
    assert "$" not in text.replace("$KIM_LOG_DIR", ""), "a placeholder was left unfilled"


def test_compose_files_agree():
    """compose/haproxy.cfg is the template rendered for compose.yaml's app services, name for name."""
    committed = (DEPLOY / "compose" / "haproxy.cfg").read_text()
    compose = (DEPLOY / "compose.yaml").read_text()
    apps = re.findall(r"^  (app\d+):\n    <<: \*app\n    hostname: (r\d+)", compose, re.M)
    assert apps == [("app1", "r1"), ("app2", "r2")]
    assert committed == ctl.compose_config(len(apps)), "run: python deploy/ctl.py render-compose 2"
    servers = re.findall(r"^\s+server (\S+) (\S+):8501 ", committed, re.M)
    assert servers == [(host, app) for app, host in apps]


@pytest.mark.skipif(balancer.haproxy_binary() is None, reason="haproxy is not installed")
def test_haproxy_accepts_both_configs(tmp_path):
    local = tmp_path / "local.cfg"
    local.write_text(
        balancer.render_haproxy("127.0.0.1:8080", [("r1", "127.0.0.1:8501")], str(tmp_path / "s"))
    )
    balancer.check_config(local)
    balancer.check_config(DEPLOY / "compose" / "haproxy.cfg")  # app1/app2 need not resolve here
    broken = tmp_path / "broken.cfg"
    broken.write_text(local.read_text().replace("balance leastconn", "balance nowhere"))
    with pytest.raises(RuntimeError, match="haproxy rejected"):
        balancer.check_config(broken)


def test_request_log_reads_haproxys_httplog_lines(tmp_path):
    log = tmp_path / "haproxy.log"
    log.write_text(
        "[NOTICE]   (10002) : Loading success.\n"
        "127.0.0.1:50548 [29/Nov/2026:23:55:34.779] kim streamlit/r2 0/0/1/1/4148 101 287168 SRV=r2 - "
        '--VN 1/1/0/0/0 0/0 "GET /_stcore/stream HTTP/1.1"\n'
        "127.0.0.1:50550 [29/Nov/2026:23:55:35.001] kim streamlit/r1 0/0/0/3/3 204 150 - - "
        '--NI 2/2/0/0/0 0/0 "PUT /_stcore/upload_file/abc/def HTTP/1.1"\n'
    )
    assert balancer.request_log(log) == [
        {
            "backend": "streamlit",
            "server": "r2",
            "status": "101",
            "cookie": "r2",
            "method": "GET",
            "path": "/_stcore/stream",
        },
        {
            "backend": "streamlit",
            "server": "r1",
            "status": "204",
            "cookie": "-",
            "method": "PUT",
            "path": "/_stcore/upload_file/abc/def",
        },
    ]


def test_scale_and_heal_plans_never_stop_the_last_healthy_replica():
    import replicas

    r2_dead = {"r1": True, "r2": False}
    assert replicas.plan_scale(r2_dead, 2) == replicas.Plan(["r2"], [], [])  # was: "2 replicas", r2 dead
    assert replicas.plan_scale(r2_dead, 1) == replicas.Plan([], [], ["r2"])
    r1_dead = {"r1": False, "r2": True}
    assert replicas.plan_scale(r1_dead, 1) == replicas.Plan([], [], ["r1"])  # was: r2 stopped, none left
    assert replicas.plan_scale({"r2": True}, 3) == replicas.Plan([], ["r1", "r3"], [])
    assert replicas.plan_scale({"r1": False, "r2": False}, 1) == replicas.Plan(["r1"], [], ["r2"])
    assert replicas.heal_plan({"r1": True, "r2": False, "r3": False}) == replicas.Plan(["r2", "r3"], [], [])
    assert replicas.down_line(r2_dead) == "DOWN: r2 (1 of 2): deploy/run.sh heal starts them again"
    assert replicas.down_line({"r1": True}) == "all 1 replicas running"
    with pytest.raises(ValueError):
        replicas.plan_scale(r2_dead, 0)


def test_the_upload_limit_is_one_number() -> None:
    """Streamlit's uploader limit (config.toml) is the readers' limit, for tables and boundaries alike."""
    import tomllib

    from kim_dash.boundaries.base import MAX_UPLOAD_BYTES
    from kim_dash.sources.readers import DEFAULT_BUDGET
    from kim_dash.sources.readers.budget import UPLOAD_MB

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["maxUploadSize"] == UPLOAD_MB
    assert DEFAULT_BUDGET.max_bytes == MAX_UPLOAD_BYTES == UPLOAD_MB * 1024 * 1024
