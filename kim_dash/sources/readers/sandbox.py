"""Run python-calamine in a child process with memory, CPU and time limits.

Pre-scans bound what they can see; the child bounds what they cannot (calamine's own bugs: a Rust
allocation failure aborts the process, an .xls with a looping sector chain never ends). A dead or
slow child costs one refused upload, never the server. Starting it takes about 25 ms.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from kim_dash.sources.problems import DatasetError, Problem
from kim_dash.sources.readers.budget import Budget, refuse

WORKER = Path(__file__).with_name("cells.py")
# RLIMIT_CPU: SIGXCPU at the soft limit, SIGKILL at the hard one (a process that ignores SIGXCPU)
CPU_KILLS = (-signal.SIGXCPU, -signal.SIGKILL) if hasattr(signal, "SIGXCPU") else ()


def run_worker(raw: bytes, file: str, mode: str, sheet: str | None, budget: Budget) -> dict:
    """The child's answer for `mode` ('names' or 'read'); refusals become DatasetError."""
    numbers = (
        budget.max_rows,
        budget.max_columns,
        budget.max_cell_chars,
        budget.max_text_chars,
        budget.worker_memory,
        budget.worker_seconds,
    )
    command = [sys.executable, "-I", str(WORKER), mode, sheet or "", *map(str, numbers)]
    try:
        done = subprocess.run(
            command,
            input=raw,
            capture_output=True,
            timeout=2 * budget.worker_seconds,
            env={**os.environ, "RUST_BACKTRACE": "0"},
            check=False,
        )
    except subprocess.TimeoutExpired:
        refuse(file, "read_too_slow", detail=str(budget.worker_seconds))
    except OSError as err:  # no interpreter to start: refuse rather than parse in this process
        refuse(file, "bad_spreadsheet", detail=type(err).__name__)
    if done.returncode in CPU_KILLS:  # the CPU limit: slow, not damaged
        refuse(file, "read_too_slow", detail=str(budget.worker_seconds))
    if done.returncode != 0:  # killed: the memory limit, or an abort inside the library
        refuse(file, "read_limit")
    try:
        lines = done.stdout.split(b"\n")
        answer = json.loads(lines[0])
        # a row per line: one json.loads of all rows would hold the GIL (other sessions) ~0.4 s
        answer["rows"] = [json.loads(line) for line in lines[1 : 1 + answer["count"]]]
    except (ValueError, KeyError):
        refuse(file, "read_limit")
    if "error" in answer:
        refuse(file, "bad_spreadsheet", detail=_clean(str(answer["error"])))
    if "problem" in answer:
        reason, row, column, value, detail = answer["problem"]
        raise DatasetError([Problem(file, row, column, value, reason, detail)])
    return answer


def _clean(message: str) -> str:
    """A library's words without anything that looks like a server path."""
    words = [w for w in message.split() if "/" not in w and "\\" not in w]
    return " ".join(words)[:160]
