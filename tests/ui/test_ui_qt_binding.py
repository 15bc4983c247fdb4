"""The Qt binding itself: PySide6 6.12.0 dropped a reference to a bool on every ``Signal.emit()`` and to
None on every ``processEvents()`` under Python 3.11, and the kiosk (which does both all day) died with
"bool_dealloc: deallocating True or False" after a few thousand. pyproject keeps it below 6.12; this
fails the day a binding with that fault is installed."""
from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_and_processing_events_keep_every_reference(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for i in range(200):
        emitter.fired.emit(i)
        QCoreApplication.processEvents()
    assert sys.getrefcount(True) - true_before > -50
    assert sys.getrefcount(None) - none_before > -50
