"""The evidence archive keeps originals byte for byte and notices tampering."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from strikewatch.errors import IntegrityError
from strikewatch.store.archive import EvidenceArchive


def test_stores_under_hash_and_verifies(tmp_path: Path) -> None:
    archive = EvidenceArchive(tmp_path / "archive")
    data = "بيان: غارة على مستودع\n".encode() * 1000
    stored = archive.store_stream(io.BytesIO(data))
    assert stored.sha256 == hashlib.sha256(data).hexdigest() and stored.size == len(data)
    assert archive.path_for(stored.sha256).read_bytes() == data
    archive.verify(stored.sha256)
    # Storing the same bytes again is a no-op, not a second copy.
    assert archive.store_stream(io.BytesIO(data)) == stored
    assert len(list((tmp_path / "archive").rglob("*"))) == 2  # one folder, one file


def test_tampered_or_missing_copy_fails_verification(tmp_path: Path) -> None:
    archive = EvidenceArchive(tmp_path / "archive")
    stored = archive.store_stream(io.BytesIO(b"original"))
    path = archive.path_for(stored.sha256)
    path.chmod(0o644)
    path.write_bytes(b"altered")
    with pytest.raises(IntegrityError, match="no longer matches"):
        archive.verify(stored.sha256)
    path.unlink()
    with pytest.raises(IntegrityError, match="missing"):
        archive.verify(stored.sha256)


def test_originals_are_read_only(tmp_path: Path) -> None:
    archive = EvidenceArchive(tmp_path / "archive")
    stored = archive.store_stream(io.BytesIO(b"x"))
    assert archive.path_for(stored.sha256).stat().st_mode & 0o222 == 0
