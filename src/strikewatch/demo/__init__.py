"""The bundled demo corpus: invented reports about invented strikes."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["demo_paths"]


def demo_paths() -> list[Path]:
    """The demo input files, one per format, as shipped inside the package."""
    root = Path(str(files("strikewatch.demo") / "data"))
    return sorted(p for p in root.iterdir() if not p.name.startswith((".", "README")))
