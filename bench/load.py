"""Concurrent load: N Streamlit websocket clients on one server doing the filter flow in a loop.

    python bench/load.py [--sessions 20] [--seconds 60]

Each client speaks Streamlit's own protocol (what the browser sends over /_stcore/stream): it opens
the kecamatan page, then keeps flipping the "KIM per 10 desa" toggle, timing each rerun from the
request to `script_finished`. An exception element or a rerun that does not finish counts as an error.
Headless browsers were tried first: 20 Chromiums rendering WebGL maps in software do not fit on 2
cores, and they would measure the machine's rendering, not the server. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import rss_mb, streamlit_server  # noqa: E402

PAGE = "kecamatan"
TOGGLE_KEY = "per10"


async def rerun(
    ws, page_hash: str, widgets: list[tuple[str, bool]], timeout: float
) -> tuple[float, list[ForwardMsg]]:
    message = BackMsg()
    state = message.rerun_script
    state.page_name = PAGE
    if page_hash:
        state.page_script_hash = page_hash
    for widget_id, value in widgets:
        entry = state.widget_states.widgets.add()
        entry.id = widget_id
        entry.bool_value = value
    start = time.perf_counter()
    await ws.send(message.SerializeToString())
    received = []
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout))
        received.append(forward)
        if forward.WhichOneof("type") == "script_finished":
            return time.perf_counter() - start, received


def _find(messages: list[ForwardMsg]) -> tuple[str, str, int]:
    """The page's script hash, the toggle's widget id, and how many exception elements came."""
    page_hash, toggle, exceptions = "", "", 0
    for forward in messages:
        kind = forward.WhichOneof("type")
        if kind == "navigation":
            page_hash = forward.navigation.page_script_hash
        elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            which = element.WhichOneof("type")
            if which == "exception":
                exceptions += 1
            elif which == "checkbox" and element.checkbox.id.endswith(TOGGLE_KEY):
                toggle = element.checkbox.id
    return page_hash, toggle, exceptions


async def client(
    url: str, seconds: float, samples: list[float], errors: list[str], ready: asyncio.Barrier
) -> None:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None, origin=url) as ws:
            _, first = await rerun(ws, "", [], timeout=120)
            page_hash, toggle, exceptions = _find(first)
            if not toggle or exceptions:
                errors.append("first run: no toggle" if not toggle else "first run: exception")
                await ready.wait()
                return
            await ready.wait()
            value, deadline = False, time.time() + seconds
            while time.time() < deadline:
                value = not value
                try:
                    elapsed, messages = await rerun(ws, page_hash, [(toggle, value)], timeout=60)
                except TimeoutError:
                    errors.append("timeout")
                    continue
                if _find(messages)[2]:
                    errors.append("exception")
                samples.append(elapsed)
    except Exception as err:  # noqa: BLE001 - every failure is counted, none stops the run
        errors.append(f"{type(err).__name__}: {err}"[:120])


async def run(url: str, sessions: int, seconds: float) -> tuple[list[float], list[str]]:
    samples: list[float] = []
    errors: list[str] = []
    ready = asyncio.Barrier(sessions)
    await asyncio.gather(*(client(url, seconds, samples, errors, ready) for _ in range(sessions)))
    return samples, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with streamlit_server() as (url, process, _):
        samples, errors = asyncio.run(run(url, args.sessions, args.seconds))
        memory = rss_mb(process.pid)
    ordered = sorted(samples)
    p50 = statistics.median(ordered) if ordered else float("nan")
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else float("nan")
    print("| sessions | seconds | reruns | errors | rerun p50 (s) | rerun p95 (s) | server RSS after (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.sessions} | {args.seconds:.0f} | {len(samples)} | {len(errors)} | {p50:.2f} | {p95:.2f} | {memory:.0f} |"
    )
    if errors:
        print("errors:", "; ".join(sorted(set(errors))))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
