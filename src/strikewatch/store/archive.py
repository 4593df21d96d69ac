"""The evidence archive: collected files kept byte for byte under their SHA-256."""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from strikewatch.errors import IntegrityError, StoreError

CHUNK = 1 << 20


@dataclass(frozen=True)
class ArchivedFile:
    sha256: str
    size: int
    relative_path: str


class EvidenceArchive:
    """A content-addressed folder: ``ab/abcdef…`` holds the file whose hash is ``abcdef…``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def store_stream(self, stream: BinaryIO) -> ArchivedFile:
        """Copy a stream into the archive while hashing it; memory stays flat."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            size = 0
            fd, tmp_name = tempfile.mkstemp(dir=self.root, prefix=".incoming-")
            with os.fdopen(fd, "wb") as tmp:
                while chunk := stream.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    tmp.write(chunk)
            sha = digest.hexdigest()
            target = self.path_for(sha)
            if target.exists():
                Path(tmp_name).unlink()
            else:
                target.parent.mkdir(exist_ok=True)
                Path(tmp_name).replace(target)
                target.chmod(0o444)  # originals are never altered
        except OSError as exc:
            raise StoreError(f"evidence archive {self.root}: {exc.strerror}") from exc
        return ArchivedFile(sha, size, f"{sha[:2]}/{sha}")

    def store_file(self, path: Path) -> ArchivedFile:
        with path.open("rb") as stream:
            return self.store_stream(stream)

    def verify(self, sha256: str) -> None:
        """Raise IntegrityError unless the archived copy still hashes to ``sha256``."""
        path = self.path_for(sha256)
        if not path.exists():
            raise IntegrityError(f"evidence archive: {path} is missing")
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != sha256:
            raise IntegrityError(f"evidence archive: {path} no longer matches its SHA-256")

    def copy_out(self, sha256: str, target: Path) -> None:
        self.verify(sha256)
        shutil.copyfile(self.path_for(sha256), target)
