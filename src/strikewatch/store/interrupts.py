"""Ctrl-C between batches of writes, not inside one.

An interrupt that lands while a batch is being written can leave the database driver
unable to finish (psycopg's pipeline: "cannot exit pipeline mode while busy") and the
work without its status. Inside ``deferred_interrupts`` a Ctrl-C is noted and raised at
the next ``checkpoint()``, after the batch in progress is stored. Imports and extraction
write in batches and use it; linking, which writes once at its end, does not.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["deferred_interrupts"]


@contextmanager
def deferred_interrupts() -> Iterator[Callable[[], None]]:
    """A checkpoint function that raises KeyboardInterrupt if Ctrl-C came since the last.

    Only the main thread receives signals; elsewhere (a server's worker) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return
    pending: list[int] = []

    def note(signum: int, _frame: FrameType | None) -> None:
        pending.append(signum)

    def checkpoint() -> None:
        if pending:
            pending.clear()
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, note)
    try:
        yield checkpoint
    finally:
        # None: a handler Python did not install; the default is the closest restore.
        signal.signal(signal.SIGINT, signal.SIG_DFL if previous is None else previous)
    checkpoint()
