"""Documentation that cannot drift: the CLI reference is generated and every name a user
types (command, input format, setting, grade) appears in docs/."""

from __future__ import annotations

from pathlib import Path

import typer
from scripts.gen_cli_docs import TARGET, render

from strikewatch.cli import app
from strikewatch.ingest import importers
from strikewatch.model import Grade

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = (
    "STRIKEWATCH_DATABASE_URL",
    "STRIKEWATCH_ARCHIVE_DIR",
    "STRIKEWATCH_BATCH_SIZE",
    "STRIKEWATCH_LINK_ENGINE",
)


def _docs_text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))]
    return "\n".join([*parts, (ROOT / "README.md").read_text(encoding="utf-8")])


def test_cli_reference_is_current() -> None:
    assert TARGET.read_text(encoding="utf-8") == render(), "docs/cli.md is stale: run make docs"


def test_every_command_is_in_the_reference() -> None:
    reference = TARGET.read_text(encoding="utf-8")
    root = typer.main.get_command(app)
    for name in getattr(root, "commands", {}):
        assert f"## `strikewatch {name}`" in reference


def test_every_format_setting_and_grade_is_documented() -> None:
    docs = _docs_text()
    missing = [n for n in [*importers(), *SETTINGS, *(g.value for g in Grade)] if n not in docs]
    assert not missing, f"undocumented: {missing}"


def test_changelog_and_readme_exist_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme
    assert "## [Unreleased]" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
