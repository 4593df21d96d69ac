"""``strikewatch serve`` as a user runs it: a real process answering on loopback."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

import strikewatch.cli.serve  # noqa: F401  (registers the command until cli/__init__ does)
from strikewatch.cli import app
from tests.web.conftest import _free_port

LAUNCH = "import strikewatch.cli.serve; from strikewatch.cli import main; main()"


def test_serve_help_names_its_options() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--no-watch" in result.output


def test_serve_answers_over_http(demo_file: Path) -> None:
    port = _free_port()
    command = [sys.executable, "-c", LAUNCH, "--db", f"sqlite:///{demo_file}", "serve"]
    server = subprocess.Popen(
        [*command, "--no-watch", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        answer = None
        for _ in range(200):
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/v1/incidents?limit=1")
                break
            except httpx.TransportError:
                time.sleep(0.1)
        assert answer is not None and answer.status_code == 200
        assert len(answer.json()["items"]) == 1
    finally:
        server.terminate()
        server.wait(timeout=10)
