"""Ctrl-C during an import takes effect between batches, never inside one."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from strikewatch.store.interrupts import deferred_interrupts


def test_a_ctrl_c_waits_for_the_checkpoint() -> None:
    before = signal.getsignal(signal.SIGINT)
    written = []
    with pytest.raises(KeyboardInterrupt), deferred_interrupts() as checkpoint:
        os.kill(os.getpid(), signal.SIGINT)
        written.append("the rest of the batch")  # not cut short by the signal
        checkpoint()
        written.append("the next batch")
    assert written == ["the rest of the batch"]
    assert signal.getsignal(signal.SIGINT) is before


def test_a_ctrl_c_after_the_last_checkpoint_still_stops_the_command() -> None:
    with pytest.raises(KeyboardInterrupt), deferred_interrupts():
        os.kill(os.getpid(), signal.SIGINT)


def test_without_a_ctrl_c_nothing_is_raised() -> None:
    with deferred_interrupts() as checkpoint:
        checkpoint()


def test_outside_the_main_thread_signals_are_left_alone() -> None:
    seen: list[object] = []

    def work() -> None:
        with deferred_interrupts() as checkpoint:
            seen.append(signal.getsignal(signal.SIGINT))
            checkpoint()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGINT)]
