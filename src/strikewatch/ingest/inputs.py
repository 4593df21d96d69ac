"""Inputs as importers see them: a file, a member of a zip, or each file of a folder."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, BinaryIO

from strikewatch.errors import FormatError

HEAD_BYTES = 8192


@dataclass(frozen=True)
class InputItem:
    """One file to read, wherever it lives.

    ``label`` names it in messages (``export.zip!data/tweets.js``); ``collected`` is the
    file on disk that is archived as collected (the zip for a zip member).
    """

    label: str
    collected: Path
    member: str | None = None  # path inside the zip, if any

    @property
    def name(self) -> str:
        return PurePosixPath(self.member).name if self.member else self.collected.name

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    def open(self) -> BinaryIO:
        if self.member is None:
            return self.collected.open("rb")
        archive = zipfile.ZipFile(self.collected)
        return _ZipMemberStream(archive, archive.open(self.member))

    def head(self, size: int = HEAD_BYTES) -> bytes:
        with self.open() as stream:
            return stream.read(size)

    def size(self) -> int:
        if self.member is None:
            return self.collected.stat().st_size
        with zipfile.ZipFile(self.collected) as archive:
            return archive.getinfo(self.member).file_size

    def sibling(self, name: str) -> InputItem | None:
        """Another file in the same folder (or zip folder), if it exists."""
        if self.member is None:
            path = self.collected.with_name(name)
            return InputItem(str(path), path) if path.is_file() else None
        target = str(PurePosixPath(self.member).with_name(name))
        with zipfile.ZipFile(self.collected) as archive:
            if target not in archive.namelist():
                return None
        return InputItem(f"{self.collected}!{target}", self.collected, target)


class _ZipMemberStream(io.BufferedReader):
    """A zip member's stream that also closes the zip file it came from."""

    def __init__(self, archive: zipfile.ZipFile, raw: IO[bytes]) -> None:
        super().__init__(raw)  # type: ignore[arg-type]
        self._archive = archive

    def close(self) -> None:
        super().close()
        self._archive.close()


def _visible(path: PurePosixPath | Path) -> bool:
    return not any(part.startswith(".") or part == "__MACOSX" for part in path.parts)


def expand(path: Path) -> Iterator[InputItem]:
    """The readable items behind a path given on the command line."""
    if not path.exists():
        raise FormatError(f"{path}: no such file or folder")
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and _visible(child.relative_to(path)):
                yield from _expand_file(child)
        return
    yield from _expand_file(path)


def _expand_file(path: Path) -> Iterator[InputItem]:
    if zipfile.is_zipfile(path) and path.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
        except zipfile.BadZipFile as exc:
            raise FormatError(f"{path}: not a readable zip file ({exc})") from exc
        for info in members:
            if _visible(PurePosixPath(info.filename)):
                yield InputItem(f"{path}!{info.filename}", path, info.filename)
        return
    yield InputItem(str(path), path)
