"""The plan of the house: small modules, imports that flow one way, an explicit surface."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "strikewatch"
MAX_LINES = 400
# Pipeline order: a package may import those at its own level or below, never above.
LEVEL = {
    "model": 0,
    "normalise": 0,
    "errors": 0,
    "config": 0,
    "store": 1,
    "gazetteer": 2,
    "ingest": 2,
    "extract": 3,
    "link": 4,
    "assess": 5,
    "publish": 6,
    "demo": 6,
    "web": 7,
    "pipeline": 7,
    "cli": 8,
    "__main__": 9,
}
# Optional extras: `import strikewatch` and `strikewatch --help` must work without them.
OPTIONAL = ("pyspark", "psycopg")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") >= 1 else module


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.startswith("strikewatch.")]
        elif (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and (node.module or "").startswith("strikewatch.")
        ):
            found.append(str(node.module))
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_is_small(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name} has {lines} lines: split it by what it does"


def test_imports_flow_one_way() -> None:
    upward = []
    for path in _modules():
        relative = path.relative_to(PACKAGE)
        own = relative.parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        assert own in LEVEL, f"new top-level module {own}: give it a level in this test"
        for target in _imports(path):
            other = _part(target)
            if other != own and LEVEL.get(other, 0) > LEVEL[own]:
                upward.append(f"{relative} imports {target}")
    assert not upward, "imports running upward:\n" + "\n".join(upward)


def _packages() -> list[str]:
    return sorted(
        "strikewatch." + p.parent.relative_to(PACKAGE).as_posix().replace("/", ".")
        for p in PACKAGE.glob("*/__init__.py")
        if p.parent.name not in {"migrations"}
    )


@pytest.mark.parametrize("name", ["strikewatch", *_packages()])
def test_every_package_declares_its_public_surface(name: str) -> None:
    module = importlib.import_module(name)
    exported = getattr(module, "__all__", None)
    assert isinstance(exported, list), f"{name} has no __all__"
    missing = [n for n in exported if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what it does not define: {missing}"


def test_import_and_help_work_without_optional_extras() -> None:
    blocker = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        f"        if name.split('.')[0] in {OPTIONAL!r}:\n"
        "            raise ImportError('blocked optional extra ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import strikewatch\n"
        "from strikewatch.cli import app\n"
        "from typer.testing import CliRunner\n"
        "result = CliRunner().invoke(app, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", blocker], capture_output=True, text=True, check=False
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_top_level_surface_is_pinned() -> None:
    import strikewatch

    assert sorted(strikewatch.__all__) == [
        "ClaimDraft",
        "InputProblem",
        "ReportDraft",
        "ReportKind",
        "Settings",
        "StrikewatchError",
        "Visibility",
        "__version__",
    ]
