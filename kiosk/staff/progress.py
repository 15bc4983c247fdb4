"""Writes how far each reception has got to the store, so an interrupted one can tell staff where it
stopped (暗証番号入力中, 資格確認中 …).

Views arrive on the flow's thread, which must never wait on the disk: :meth:`note` only queues, and one
writer thread of its own writes, in order. A reception that has been saved meanwhile is left as it is
(the store only touches rows still in progress). The store's own writer may record the start a moment
after the first note, which is then lost; the next state change records the progress.
"""
from __future__ import annotations

import logging
import queue
import threading

from kiosk.core.domain import Trouble
from kiosk.core.errors import KioskError
from kiosk.core.flow import View
from kiosk.core.states import State

log = logging.getLogger(__name__)


class ProgressRecorder:
    def __init__(self, store) -> None:
        self._store = store
        self._jobs: queue.SimpleQueue = queue.SimpleQueue()
        self._last: tuple | None = None
        self._thread = threading.Thread(target=self._loop, name="staff-progress", daemon=True)
        self._thread.start()

    def note(self, view: View) -> None:
        """Flow thread: queue the view's state for its session if it moved on."""
        if not view.session_id or view.state is State.IDLE:
            return
        troubles = tuple(Trouble(t) for t in view.troubles)
        key = (view.session_id, view.state.value, troubles)
        if key != self._last:
            self._last = key
            self._jobs.put(key)

    def stop(self, timeout: float = 2.0) -> None:
        """Write what is queued, then stop."""
        self._jobs.put(None)
        self._thread.join(timeout)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                self._store.reception_progress(*job)
            except KioskError as exc:
                log.error("staff channel: progress not recorded: %s (%s)", exc, exc.code)
