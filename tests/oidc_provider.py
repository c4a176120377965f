"""A real OpenID Connect provider for the sign-in tests: panva/oidc-provider (npm), run with Node.

`install()` runs `npm ci` in tests/oidc when its node_modules are missing (pinned by package-lock.json;
scripts/test.sh runs it first, so CI installs once). Without Node the tests are skipped, except on CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

FOLDER = Path(__file__).resolve().parent / "oidc"
CLIENT_ID, CLIENT_SECRET = "kim-dash", "kim-dash-test-secret"  # as tests/oidc/server.mjs registers it


def _missing(what: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {what}: scripts/test.sh must install it")
    pytest.skip(what)


def install() -> str:
    """The node executable, with oidc-provider installed from the lock file."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        _missing("Node.js and npm are not installed")
    assert node and npm
    if not (FOLDER / "node_modules" / "oidc-provider").is_dir():
        done = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=FOLDER, capture_output=True, text=True, timeout=300
        )
        if done.returncode != 0:
            _missing(f"npm ci failed in tests/oidc: {done.stderr.strip()[-500:]}")
    return node


@contextmanager
def oidc_provider(port: int, redirect_uri: str, accounts: dict[str, dict]) -> Iterator[str]:
    """The provider on 127.0.0.1:`port`; yields its discovery URL once it answers."""
    node = install()
    with tempfile.TemporaryDirectory() as folder:
        accounts_file = Path(folder) / "accounts.json"
        accounts_file.write_text(json.dumps(accounts))
        log = Path(folder) / "provider.log"
        with log.open("wb") as out:
            process = subprocess.Popen(
                [node, "server.mjs", str(port), redirect_uri, str(accounts_file)],
                cwd=FOLDER,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
            discovery = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
            try:
                deadline = time.time() + 60
                while True:
                    try:
                        with urllib.request.urlopen(discovery, timeout=2) as answer:
                            if json.load(answer)["issuer"] == f"http://127.0.0.1:{port}":
                                break
                    except OSError:
                        if process.poll() is not None or time.time() > deadline:
                            raise RuntimeError("oidc-provider did not start:\n" + log.read_text()) from None
                        time.sleep(0.2)
                yield discovery
            finally:
                process.terminate()
                process.wait(timeout=20)
