"""The automatic re-check: when the terminal answers again, run the queued checks and record changes.

A plain thread with a stop event. Each round takes the pending items oldest first; the first
:class:`TerminalUnavailable` (or timeout) ends the round — the line is still down, so the rest would fail
the same way — and the worker waits ``interval`` seconds before trying again. An answer of any kind
finishes the item: what changed against the bill is stored for staff (:func:`compare_recheck`).
"""
from __future__ import annotations

import logging
import threading

from kiosk.core.errors import Cancelled, KioskError, QualificationError, TaskTimeout, TerminalUnavailable
from kiosk.core.fallback import compare_recheck
from kiosk.core.ports import CancelToken, QualificationChecker
from kiosk.store.store import Store

log = logging.getLogger(__name__)


class RecheckWorker:
    def __init__(self, store: Store, checker: QualificationChecker, interval: float = 60.0) -> None:
        self._store = store
        self._checker = checker
        self._interval = interval
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._cancel = CancelToken()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the re-check worker is already running")
        self._thread = threading.Thread(target=self._run, name="recheck", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop and wait; a check in flight is cancelled through its token."""
        self._stop.set()
        self._wake.set()
        self._cancel.cancel()
        if self._thread is not None:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Try now (e.g. the flow just saw the terminal answer, or a new item was queued)."""
        self._wake.set()

    def run_once(self) -> int:
        """One round; returns how many items finished. The thread calls this; tests may too."""
        finished = 0
        for item in self._store.pending_rechecks():
            if self._stop.is_set():
                break
            assert item.id is not None and item.query is not None
            try:
                result = self._checker.check_by_insurance_card(item.query, self._cancel)
            except Cancelled:
                break
            except (TerminalUnavailable, TaskTimeout) as exc:
                self._store.recheck_failed(item.id, exc.code)
                log.info("re-check %s: terminal still unavailable (%s)", item.id, exc.code)
                break
            except QualificationError as exc:
                # A malformed or rejected answer concerns this item only; the next may go through.
                self._store.recheck_failed(item.id, exc.code)
                log.warning("re-check %s failed: %s", item.id, exc.code)
                continue
            self._store.recheck_done(item.id, result, compare_recheck(item.billing, result))
            finished += 1
        return finished

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except KioskError as exc:
                # A store problem must not kill the thread silently: log it and try again later.
                log.error("re-check round failed: %s (%s)", exc, exc.code)
            self._wake.wait(self._interval)
            self._wake.clear()
