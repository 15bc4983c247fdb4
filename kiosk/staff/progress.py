"""Writes how far each reception has got to the store, so an interrupted one can tell staff where it
stopped (暗証番号入力中, 資格確認中 …).

Views arrive on the flow's thread, which must never wait on the disk: the store given is the flow's
:class:`~kiosk.core.tasks.StoreLane`, whose ``reception_progress`` only queues, behind the reception's
start on the same lane. A reception that has been saved meanwhile is left as it is (the store only
touches rows still in progress).
"""
from __future__ import annotations

from kiosk.core.domain import Trouble
from kiosk.core.view import View
from kiosk.staff.store import StaffStore


class ProgressRecorder:
    def __init__(self, store: StaffStore) -> None:
        self._store = store
        self._last: tuple[str, str, tuple[Trouble, ...]] | None = None

    def note(self, view: View) -> None:
        """Flow thread: record the view's state for its session if it moved on."""
        if not view.session_id:
            return
        troubles = tuple(Trouble(t) for t in view.troubles)
        key = (view.session_id, view.state.value, troubles)
        if key != self._last:
            self._last = key
            self._store.reception_progress(*key)
