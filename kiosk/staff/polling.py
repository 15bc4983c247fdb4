"""Follow-ups reach consoles without being asked for: the store's lists are read again every
``FOLLOW_UP_POLL`` seconds on the staff server's task manager (the re-check worker writes in the
background), at each sign-in, and right after staff handled one. Consoles hear of a change only."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import KioskError
from kiosk.core.tasks import TaskManager
from kiosk.staff.follow_ups import FollowUps, follow_ups_of
from kiosk.staff.store import StaffStore

log = logging.getLogger(__name__)

FOLLOW_UP_POLL = 10.0


class FollowUpPoll:
    def __init__(self, store: StaffStore, tasks: TaskManager, changed: Callable[[FollowUps], None]) -> None:
        self._store = store
        self._tasks = tasks
        self._changed = changed  # called with the lock held: the lists reach consoles in the order read
        self._lock = threading.Lock()
        self._current = FollowUps()
        self._stop: CancelToken | None = None

    def start(self) -> None:
        self._stop = self._tasks.repeat(FOLLOW_UP_POLL, self._round, "staff follow-ups", first=0.0)

    def _round(self, cancel: CancelToken) -> None:
        self.check()

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.cancel()

    def check(self) -> FollowUps:
        """Read the lists now (any thread); returns them as they are."""
        with self._lock:
            try:
                now = follow_ups_of(self._store)
            except KioskError as exc:
                log.error("staff channel: follow-ups unreadable: %s (%s)", exc, exc.code)
                return self._current
            if now != self._current:
                self._current = now
                self._changed(now)
            return now
