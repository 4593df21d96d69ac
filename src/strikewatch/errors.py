"""One exception tree; every user-facing error says where the problem is."""

from __future__ import annotations

from dataclasses import dataclass


class StrikewatchError(Exception):
    """Base of every error strikewatch raises on purpose (shown as one line, exit 1)."""


class ConfigError(StrikewatchError):
    """A setting is missing or malformed."""


class StoreError(StrikewatchError):
    """The database or the evidence archive refused an operation."""


class IntegrityError(StoreError):
    """Stored evidence no longer matches its recorded hash."""


class FormatError(StrikewatchError):
    """An input file is not in the format asked for, or no format could be detected."""


@dataclass(frozen=True)
class InputProblem:
    """One rejected (or doubtful) record: where it is and what is wrong with it.

    ``position`` is human-readable: ``line 12``, ``record 4``, ``row 7``,
    ``member data/tweets.js record 3``. ``field`` names the offending field when one does.
    Reasons never quote a record's contents: they may hold a reporter's details.
    """

    file: str
    position: str
    reason: str
    field: str | None = None
    severity: str = "error"  # "error": record rejected; "warning": stored, with a doubt

    def __str__(self) -> str:
        where = f"{self.file}: {self.position}" if self.position else self.file
        field = f": field '{self.field}'" if self.field else ""
        return f"{where}{field}: {self.reason}"
