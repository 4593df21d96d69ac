"""Benchmark: the API under load, on loopback only, with 10,000 synthetic incidents.

usage: python benchmarks/api_load.py [--incidents N] [--clients C] [--requests R]
                                     [--workers W] [--out DIR] [--browser] [--wrk SECONDS]

Builds a SQLite store of N invented incidents (two public reports each) under DIR
(default benchmarks/out/, ignored by git), serves it with ``strikewatch serve --no-watch
--workers W`` (default 1) in a child process on a free 127.0.0.1 port, and sends R
requests per endpoint from C concurrent clients: the incident list (mixed filters, sorts
and following cursors) and incident detail (random incidents). Prints p50/p95/p99
latency and throughput. With ``--browser`` also times the map page in Debian chromium
until all N incidents are drawn; with ``--wrk S`` also loads the same mix for S seconds
from ``wrk`` (apt install wrk), a C client that takes far less CPU than the Python one
on a machine of two cores.
Targets (issue 6): p95 <= 50 ms for list and detail at 50 clients; map <= 1.5 s.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

from strikewatch.config import Settings
from strikewatch.store.database import open_database
from strikewatch.store.schema import Claim, Evidence, Incident, Report, Source

BELLIGERENTS = ["russia", "syrian-regime", "us-led-coalition", "turkey", "israel"]
GRADES = ["confirmed", "fair", "weak", "contested", "discounted"]
SORTS = ["-date", "date", "-deaths", "id"]


def build_store(path: Path, count: int) -> str:
    """A store of ``count`` invented incidents; its URL."""
    if path.exists():
        path.unlink()
    url = f"sqlite:///{path}"
    database = open_database(Settings(database_url=url, archive_dir=path.with_suffix(".archive")))
    rng = random.Random(6)
    start = date(2016, 1, 1)
    with database.session() as session:
        session.execute(insert(Source), [{"id": 1, "platform": "web", "publisher": "bench"}])
        evidence, reports, incidents, claims = [], [], [], []
        for n in range(1, count + 1):
            when = start + timedelta(days=rng.randrange(3000))
            low = rng.randrange(0, 30)
            high = low + rng.randrange(0, 10)
            incidents.append(
                {
                    "id": n,
                    "public_id": f"SW-{n:06d}",
                    "date": when,
                    "date_precision": "day",
                    "place": f"Invented place {n % 700}",
                    "admin1": f"Governorate {n % 14}",
                    "latitude": 32.5 + rng.random() * 4.5,
                    "longitude": 35.8 + rng.random() * 6.0,
                    "geo_precision": "place",
                    "belligerents": rng.sample(BELLIGERENTS, rng.choice([1, 1, 2])),
                    "grade": rng.choice(GRADES),
                    "civilian_deaths_min": low,
                    "civilian_deaths_max": high,
                    "reasons": ["invented for the load benchmark"],
                }
            )
            for k in (0, 1):
                rid = 2 * n + k
                text = f"Invented report {rid}: an airstrike killed {low + k} civilians."
                sha = hashlib.sha256(text.encode()).hexdigest()
                evidence.append(
                    {
                        "sha256": sha,
                        "data": text.encode(),
                        "size": len(text),
                        "media_type": "text/plain",
                    }
                )
                reports.append(
                    {
                        "id": rid,
                        "source_id": 1,
                        "external_id": f"bench-{rid}",
                        "content_sha256": sha,
                        "evidence_sha256": sha,
                        "kind": "news_article",
                        "platform": "web",
                        "publisher": "bench",
                        "language": "en",
                        "text": text,
                        "published_at": when.isoformat(),
                        "processed_at": None,
                    }
                )
                claims.append(
                    {
                        "report_id": rid,
                        "incident_id": n,
                        "is_harm_report": True,
                        "event_date": when,
                        "date_precision": "day",
                        "civilian_deaths_min": low + k,
                        "civilian_deaths_max": low + k,
                    }
                )
        for table, rows in (
            (Evidence, evidence),
            (Incident, incidents),
            (Report, reports),
            (Claim, claims),
        ):
            for chunk in range(0, len(rows), 2000):
                session.execute(insert(table), rows[chunk : chunk + 2000])
    database.close()
    return url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


LAUNCH = "import strikewatch.cli.serve; from strikewatch.cli import main; main()"


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``strikewatch --db URL serve --no-watch`` in a child process, once it answers."""
    command = [sys.executable, "-c", LAUNCH, "--db", url, "serve", "--no-watch"]
    command += ["--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/incidents?limit=1").status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start")


def list_urls(rng: random.Random) -> str:
    params: dict[str, Any] = {"limit": rng.choice([20, 50, 100]), "sort": rng.choice(SORTS)}
    if rng.random() < 0.5:
        params["belligerent"] = rng.choice(BELLIGERENTS)
    if rng.random() < 0.3:
        params["grade"] = rng.choice(GRADES)
    if rng.random() < 0.3:
        year = rng.randrange(2016, 2024)
        params["since"], params["until"] = f"{year}-01-01", f"{year}-12-31"
    return "/api/v1/incidents?" + "&".join(f"{k}={v}" for k, v in params.items())


def server_seconds(answer: httpx.Response) -> float:
    """The app's own time for a request, from its Server-Timing header."""
    timing = answer.headers.get("server-timing", "app;dur=0")
    return float(timing.split("dur=")[1]) / 1000


async def load(base: str, paths: list[str], clients: int) -> tuple[list[float], list[float]]:
    """Latencies (seconds) seen by ``clients`` concurrent clients, and the server's own."""
    latencies: list[float] = []
    server: list[float] = []
    queue: asyncio.Queue[str] = asyncio.Queue()
    for path in paths:
        queue.put_nowait(path)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as http:

        async def client() -> None:
            while not queue.empty():
                path = queue.get_nowait()
                began = time.perf_counter()
                answer = await http.get(path)
                latencies.append(time.perf_counter() - began)
                server.append(server_seconds(answer))
                assert answer.status_code == 200, (path, answer.status_code)
                following = answer.json().get("next") if "/incidents?" in path else None
                if following and len(latencies) % 3 == 0:
                    began = time.perf_counter()
                    answer = await http.get(path + "&cursor=" + following)
                    latencies.append(time.perf_counter() - began)
                    server.append(server_seconds(answer))

        await asyncio.gather(*(client() for _ in range(clients)))
    return latencies, server


def report(name: str, latencies: list[float], seconds: float) -> None:
    ms = sorted(x * 1000 for x in latencies)

    def pick(q: float) -> float:
        return ms[min(len(ms) - 1, int(q * len(ms)))]

    print(
        f"{name:8} requests={len(ms):6d}  p50={statistics.median(ms):7.1f} ms  "
        f"p95={pick(0.95):7.1f} ms  p99={pick(0.99):7.1f} ms  {len(ms) / seconds:7.0f} req/s"
    )


WRK_DONE = """
done = function(summary, latency, requests)
  io.write(string.format("p50=%.1f p95=%.1f p99=%.1f requests=%d\\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests))
end
"""
WRK_LIST = """
math.randomseed(50)
local b = {"russia", "syrian-regime", "us-led-coalition", "turkey", "israel"}
local g = {"confirmed", "fair", "weak", "contested", "discounted"}
local s = {"-date", "date", "-deaths", "id"}
local l = {20, 50, 100}
request = function()
  local path = "/api/v1/incidents?limit=" .. l[math.random(1, 3)]
  path = path .. "&sort=" .. s[math.random(1, 4)]
  if math.random() < 0.5 then path = path .. "&belligerent=" .. b[math.random(1, 5)] end
  if math.random() < 0.3 then path = path .. "&grade=" .. g[math.random(1, 5)] end
  if math.random() < 0.3 then
    local y = math.random(2016, 2023)
    path = path .. "&since=" .. y .. "-01-01&until=" .. y .. "-12-31"
  end
  return wrk.format("GET", path)
end
"""
WRK_DETAIL = """
math.randomseed(50)
request = function()
  return wrk.format("GET", string.format("/api/v1/incidents/SW-%06d", math.random(1, COUNT)))
end
"""


def run_wrk(base: str, out: Path, clients: int, incidents: int, seconds: int) -> None:
    """The same mix from wrk (a C load generator: the Python client above costs CPU too)."""
    for name, script in (("list", WRK_LIST), ("detail", WRK_DETAIL)):
        path = out / f"wrk_{name}.lua"
        path.write_text(script.replace("COUNT", str(incidents)) + WRK_DONE, encoding="utf-8")
        command = ["wrk", "-t1", f"-c{clients}", f"-d{seconds}s", "-s", str(path), base]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        lines = done.stdout.splitlines()
        rate = next((x.split()[-1] for x in lines if x.startswith("Requests/sec")), "?")
        print(f"wrk {name:6} {lines[-1]} (ms)  {rate} req/s")


def time_map(base: str, expected: int) -> float:
    from playwright.sync_api import sync_playwright

    args = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        page = browser.new_page()
        began = time.perf_counter()
        page.goto(base + "/map")
        page.wait_for_selector("#map[data-ready='1']", timeout=60000)
        seconds = time.perf_counter() - began
        shown = int(page.locator("#map-count").get_attribute("data-shown") or 0)
        browser.close()
    assert shown == expected, f"map drew {shown} of {expected}"
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=1, help="strikewatch serve --workers")
    parser.add_argument("--out", type=Path, default=Path("benchmarks/out"))
    parser.add_argument("--browser", action="store_true")
    parser.add_argument("--wrk", type=int, metavar="SECONDS", help="also load with wrk")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    url = build_store(options.out / "api_load.db", options.incidents)
    print(f"store: {options.incidents} incidents built in {time.perf_counter() - began:.1f}s")
    port = free_port()
    server = start_server(url, port, options.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        rng = random.Random(50)
        lists = [list_urls(rng) for _ in range(options.requests)]
        details = [
            f"/api/v1/incidents/SW-{rng.randrange(1, options.incidents + 1):06d}"
            for _ in range(options.requests)
        ]
        for name, paths in (("list", lists), ("detail", details)):
            began = time.perf_counter()
            latencies, server_side = asyncio.run(load(base, paths, options.clients))
            seconds = time.perf_counter() - began
            report(name, latencies, seconds)
            report("  server", server_side, seconds)
        if options.wrk and shutil.which("wrk"):
            run_wrk(base, options.out, options.clients, options.incidents, options.wrk)
        if options.browser:
            print(
                f"map page: {options.incidents} incidents drawn in "
                f"{time_map(base, options.incidents):.2f}s"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(
        f"clients={options.clients} workers={options.workers} loopback, "
        f"server pid {server.pid} (cpus {os.cpu_count()})"
    )


if __name__ == "__main__":
    main()
