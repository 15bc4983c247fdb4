"""The automatic re-check: when the terminal answers again, run the queued checks and record changes.

Rounds run on the kiosk's one task manager (``tasks.repeat``), never two at once. Each round takes the
pending items oldest first; the first :class:`TerminalUnavailable` (or timeout) ends the round — the line
is still down, so the rest would fail the same way — and the next round comes ``interval`` seconds later,
or sooner after :meth:`RecheckWorker.wake`. Staff giving a 不詳 item its numbers (``set_recheck_query``,
from the staff console) wakes it. An answer of any kind finishes the item: what changed against the bill
is stored for staff (:func:`compare_recheck`).
"""
from __future__ import annotations

import logging
import threading

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled, KioskError, QualificationError, TaskTimeout, TerminalUnavailable
from kiosk.core.fallback import compare_recheck
from kiosk.core.ports import QualificationChecker
from kiosk.core.tasks import StoreLane, TaskManager
from kiosk.store.store import Store

log = logging.getLogger(__name__)


class RecheckWorker:
    def __init__(self, store: Store | StoreLane, checker: QualificationChecker, interval: float = 60.0) -> None:
        self._store = store
        self._checker = checker
        self._interval = interval
        self._cancel = CancelToken()  # the check in flight; set once, by stop()
        self._lock = threading.Lock()
        self._tasks: TaskManager | None = None
        self._rounds: CancelToken | None = None
        self._running = False
        self._again = False

    def start(self, tasks: TaskManager) -> None:
        """The first round at once, then one every ``interval`` seconds, and one as soon as staff give an
        item its numbers."""
        with self._lock:
            if self._tasks is not None:
                raise RuntimeError("the re-check worker was already started")
            self._tasks = tasks
            self._rounds = tasks.repeat(self._interval, self._round, "re-check", first=0.0)
        self._store.on_recheck_ready(self.wake)

    def stop(self) -> None:
        """No more rounds; a check in flight is cancelled through its token. Returns at once."""
        with self._lock:
            self._cancel.cancel()
            if self._rounds is not None:
                self._rounds.cancel()

    def wake(self) -> None:
        """A round soon (e.g. the flow just saw the terminal answer, or a new item was queued); the
        regular rounds then follow ``interval`` seconds after it."""
        with self._lock:
            if self._tasks is None or self._cancel.cancelled:
                return
            assert self._rounds is not None
            self._rounds.cancel()
            self._rounds = self._tasks.repeat(self._interval, self._round, "re-check", first=0.0)

    def run_once(self) -> int:
        """One round; returns how many items finished. The rounds call this; tests may too."""
        finished = 0
        for item in self._store.pending_rechecks():
            if self._cancel.cancelled:
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

    def _round(self, _rounds: CancelToken) -> None:
        # A wake while a round runs starts a second schedule: rather than check the same items twice at
        # once, its round hands over to the running one, which goes round once more.
        with self._lock:
            if self._running:
                self._again = True
                return
            self._running = True
        while True:
            try:
                self.run_once()
            except KioskError as exc:
                # A store problem (locked, corrupt) is a known trouble, not a bug: logged by its name, and
                # the next round tries again.
                log.error("re-check round failed: %s (%s)", exc, exc.code)
            except Exception:  # a bug: still end the round properly, or no round would ever run again
                log.exception("re-check round failed")
            with self._lock:
                if not self._again or self._cancel.cancelled:
                    self._running = self._again = False
                    return
                self._again = False
