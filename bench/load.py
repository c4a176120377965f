"""Concurrent load: N Streamlit websocket clients on one server doing the filter flow in a loop.

    python bench/load.py [--sessions 20] [--seconds 60]

bench/scale.py runs the same clients through HAProxy, each session with its own cookie jar. Each client
speaks Streamlit's own protocol (what the browser sends over /_stcore/stream): it opens the kecamatan
page, then keeps flipping the "KIM per 10 desa" toggle, timing each rerun from the request to
`script_finished`. An exception element or a rerun that does not finish counts as an error.
Headless browsers were tried first: 20 Chromiums rendering WebGL maps in software do not fit on 2
cores, and they would measure the machine's rendering, not the server. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import http.cookiejar
import statistics
import sys
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.typing import Origin, Subprotocol

sys.path.insert(0, str(Path(__file__).resolve().parent))
from browser import rss_mb, streamlit_server

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


@dataclass
class Load:
    samples: list[float] = field(default_factory=list)  # seconds per timed rerun
    errors: list[str] = field(default_factory=list)
    cookies: list[str] = field(default_factory=list)  # each session's Cookie header ("" without a jar)
    started: float = 0.0  # perf_counter when every session had its page and the timed loop began
    ended: float = 0.0


def session_cookie(url: str) -> str:
    """Open the page as a new browser would, with a cookie jar of its own; its cookies as a header."""
    jar = http.cookiejar.CookieJar()
    urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)).open(f"{url}/{PAGE}", timeout=30)
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


async def client(
    url: str,
    seconds: float,
    load: Load,
    ready: asyncio.Barrier,
    cookie: str = "",
    on_start: Callable[[], None] | None = None,
) -> None:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    samples, errors = load.samples, load.errors
    headers = {"Cookie": cookie} if cookie else None
    waited = False  # every client passes the barrier once, or the others would wait for it forever
    try:
        async with websockets.connect(
            ws_url,
            subprotocols=[Subprotocol("streamlit")],
            max_size=None,
            origin=Origin(url),
            additional_headers=headers,
        ) as ws:
            _, first = await rerun(ws, "", [], timeout=120)
            page_hash, toggle, exceptions = _find(first)
            if not toggle or exceptions:
                errors.append("first run: no toggle" if not toggle else "first run: exception")
                waited = True
                await ready.wait()
                return
            waited = True
            if await ready.wait() == 0:
                load.started = time.perf_counter()
                if on_start:
                    on_start()
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
    except Exception as err:  # every failure is counted, none stops the run
        errors.append(f"{type(err).__name__}: {err}"[:120])
        if not waited:
            await ready.wait()


async def run(
    url: str,
    sessions: int,
    seconds: float,
    cookies: bool = False,
    on_start: Callable[[], None] | None = None,
) -> Load:
    """`sessions` clients for `seconds` after all have their page; with `cookies`, one jar each."""
    load = Load()
    load.cookies = [await asyncio.to_thread(session_cookie, url) if cookies else "" for _ in range(sessions)]
    ready = asyncio.Barrier(sessions)
    await asyncio.gather(*(client(url, seconds, load, ready, c, on_start) for c in load.cookies))
    load.ended = time.perf_counter()
    return load


def quantile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, round(q * len(ordered)) - 1)] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with streamlit_server() as (url, process, _):
        load = asyncio.run(run(url, args.sessions, args.seconds))
        memory = rss_mb(process.pid)
    samples, errors = load.samples, load.errors
    p50 = statistics.median(samples) if samples else float("nan")
    p95 = quantile(samples, 0.95)
    print("| sessions | seconds | reruns | errors | rerun p50 (s) | rerun p95 (s) | server RSS after (MB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {args.sessions} | {args.seconds:.0f} | {len(samples)} | {len(errors)} | {p50:.2f} | {p95:.2f} | {memory:.0f} |"  # noqa: E501 - one XML or table line reads best whole
    )
    if errors:
        print("errors:", "; ".join(sorted(set(errors))))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
