"""Python's cyclic garbage collector, on the UI thread only, while a Qt window lives.

shiboken6 lets go of the GIL while a wrapped C++ object's destructor runs (SbkDeallocWrapperCommon), and
that happens on the UI thread whenever a screen handed to ``deleteLater`` goes: its layouts delete their
wrapped children one after the other. A worker thread that starts a collection in that gap traverses a
parent wrapper whose child is half freed, and the kiosk dies with SIGSEGV, "Garbage-collecting" on the
worker (issue 14: twice in four long runs, while the face result file was written; the core dump had the
UI thread in ~QBoxLayout → subtype_dealloc of the very object the worker's visit_decref read).

So while a runtime lives, automatic collection is off and a timer on the UI thread collects by the
collector's own thresholds; a collection there can never overlap the UI thread's own destructors. Threads
other than the UI thread keep allocating as before; their cycles wait at most one tick. What exists when
the collector starts (modules, classes, Qt's wrappers: ~65,000 objects) is frozen out of every later
collection, so a full one on the UI thread takes under a millisecond instead of ~40.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

TICK_MS = 250  # between looks at the collector's counts: a young collection takes a few milliseconds


class UiThreadCollector(QObject):
    """Made on the UI thread; ``stop`` gives the collector back to Python's own schedule."""

    def __init__(self, tick_ms: int = TICK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._was_enabled = gc.isenabled()
        gc.disable()
        gc.freeze()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start(tick_ms)

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count passed its threshold, as Python would have at its next
        allocation; the generation collected, or None when none was due."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = [g for g in range(3) if thresholds[0] and counts[g] > thresholds[g]]
        if not due:
            return None
        gc.collect(due[-1])
        return due[-1]

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()
        if self._was_enabled:
            gc.enable()
