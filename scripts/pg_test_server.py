"""A throwaway PostgreSQL cluster for the test suite, started on demand.

``ensure_server()`` returns an admin URL. It reuses STRIKEWATCH_TEST_POSTGRES_URL when
set, else a cluster this script started earlier (state under /tmp, keyed by checkout),
else runs ``initdb`` and ``pg_ctl start`` on a free port. PostgreSQL refuses to run as
root, so as root the cluster runs as the ``postgres`` system user. Safe to call from
several pytest-xdist workers at once (a file lock serialises them).

usage: python scripts/pg_test_server.py start|stop|url
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STATE = Path("/tmp") / f"strikewatch-pgtest-{hashlib.sha256(str(REPO).encode()).hexdigest()[:10]}"
DATA = STATE / "data"
PORT_FILE = STATE / "port"


class ServerError(RuntimeError):
    pass


def _binary(name: str) -> str:
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True)
    if candidates:
        return str(candidates[0])
    found = shutil.which(name)
    if found:
        return found
    raise ServerError(
        f"PostgreSQL's {name} not found: run 'make system-deps' "
        "(installs the Debian postgresql packages)"
    )


def _as_owner(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _alive(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def _url(port: int) -> str:
    return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def _start() -> int:
    STATE.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(STATE, "postgres", "postgres")
    if not (DATA / "PG_VERSION").exists():
        if DATA.exists():
            shutil.rmtree(DATA)
        subprocess.run(
            _as_owner(
                [
                    _binary("initdb"),
                    "-D",
                    str(DATA),
                    "-A",
                    "trust",
                    "-U",
                    "postgres",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            check=True,
            capture_output=True,
        )
    port = _free_port()
    options = (
        f"-p {port} -k {STATE} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    done = subprocess.run(
        _as_owner(
            [
                _binary("pg_ctl"),
                "-D",
                str(DATA),
                "-o",
                options,
                "-l",
                str(STATE / "server.log"),
                "-w",
                "start",
            ]
        ),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        log = (
            (STATE / "server.log").read_text(errors="replace")[-2000:]
            if (STATE / "server.log").exists()
            else ""
        )
        raise ServerError(f"pg_ctl start failed: {done.stderr.strip()}\n{log}")
    PORT_FILE.write_text(str(port))
    _try_postgis(port)
    return port


def _try_postgis(port: int) -> None:
    """PostGIS is optional here; later spatial tests install it via make system-deps."""
    psql = _binary("psql")
    subprocess.run(
        [
            psql,
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-c",
            "CREATE EXTENSION IF NOT EXISTS postgis",
        ],
        capture_output=True,
        check=False,
    )


def ensure_server() -> str:
    """The admin URL of a running test server, starting one when needed."""
    env = os.environ.get("STRIKEWATCH_TEST_POSTGRES_URL")
    if env:
        return env
    STATE.mkdir(parents=True, exist_ok=True)
    with (Path("/tmp") / f"{STATE.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if PORT_FILE.exists():
            port = int(PORT_FILE.read_text())
            if _alive(port):
                return _url(port)
        return _url(_start())


def stop_server() -> None:
    if (DATA / "PG_VERSION").exists():
        subprocess.run(
            _as_owner([_binary("pg_ctl"), "-D", str(DATA), "-m", "fast", "stop"]),
            capture_output=True,
            check=False,
        )
    PORT_FILE.unlink(missing_ok=True)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "url"
    if command in ("start", "url"):
        print(ensure_server())
    elif command == "stop":
        stop_server()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    for _ in range(3):  # a port can be taken between probing and binding: try again
        try:
            sys.exit(main(sys.argv[1:]))
        except subprocess.CalledProcessError as exc:
            print(exc.stderr, file=sys.stderr)
            sys.exit(1)
        except ServerError as exc:
            print(f"error: {exc}", file=sys.stderr)
            time.sleep(1)
    sys.exit(1)
