"""Write docs/cli.md from the command line itself, so the reference never drifts.

usage: python scripts/gen_cli_docs.py [--check]   (--check: exit 1 if docs/cli.md is stale)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner

from strikewatch.cli import app

TARGET = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
HEADER = """# Command-line reference

Generated from the command line by `make docs` (`scripts/gen_cli_docs.py`); do not edit
by hand. Every command also answers `--help`.
"""


def _help_text(path: list[str]) -> str:
    """The command's --help as a plain terminal of 88 columns prints it."""
    plain = {"COLUMNS": "88", "TERM": "dumb", "NO_COLOR": "1"}
    result = CliRunner().invoke(app, [*path[1:], "--help"], prog_name="strikewatch", env=plain)
    if result.exit_code != 0:
        raise RuntimeError(f"{' '.join(path)} --help failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.strip().splitlines())


def _walk(command: Any, path: list[str]) -> list[tuple[list[str], Any]]:
    found = [(path, command)]
    for name in sorted(getattr(command, "commands", {}) or {}):
        found += _walk(command.commands[name], [*path, name])
    return found


def render() -> str:
    """The whole reference as Markdown."""
    root = typer.main.get_command(app)
    parts = [HEADER]
    for path, command in _walk(root, ["strikewatch"]):
        if getattr(command, "hidden", False):
            continue
        parts.append(f"## `{' '.join(path)}`\n\n```\n{_help_text(path)}\n```\n")
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run 'make docs'", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
