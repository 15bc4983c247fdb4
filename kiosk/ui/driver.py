"""The flow on Qt's thread: results of worker threads come back through ``QtPoster``, a timer ticks
once a second, and every View the flow emits goes to the window (which reads from the View alone what
is new: a screen, a visit)."""
from __future__ import annotations

import logging
import queue
import socket
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QThread, QTimer

from kiosk.core import events as ev
from kiosk.core.flow import ReceptionFlow
from kiosk.core.view import Verdict, View

log = logging.getLogger(__name__)

TICK_MS = 1000

DETACHED = Verdict(False, "detached")  # the driver was stopped: the window no longer speaks for this flow


class _Hub(QObject):
    """The one wake-up channel into the UI thread: a socket pair watched by a QSocketNotifier.

    Made once, on the UI thread, and never deleted: a QObject with a socket notifier that Python's
    garbage collector finalised on a worker thread would leave the UI thread's event dispatcher
    polling a freed notifier (a segfault in QSocketNotifier::type). Worker threads touch no Qt object
    at all: the callable goes into a Python queue and one byte into the socket. (PySide6 6.12 also
    corrupts reference counts when signals are emitted from Python worker threads.)
    """

    def __init__(self) -> None:
        super().__init__()
        self._pending: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def post(self, fn: Callable[[], None]) -> None:
        self._pending.put(fn)
        try:
            self._writer.send(b"\0")
        except BlockingIOError:
            pass  # the socket is full of wake-ups already: the queue is drained whole on the next one

    def _drain(self) -> None:
        try:
            while self._reader.recv(4096):
                pass
        except (BlockingIOError, OSError):
            pass
        while True:
            try:
                fn = self._pending.get_nowait()
            except queue.Empty:
                return
            try:
                fn()
            except Exception:  # one bad callable must not strand the ones queued behind it
                log.exception("a posted call failed")


_hub: _Hub | None = None


def _the_hub() -> _Hub:
    global _hub
    if _hub is None:
        app = QCoreApplication.instance()
        if app is None or QThread.currentThread() is not app.thread():
            raise RuntimeError("the first QtPoster must be made on the UI thread, after the QApplication")
        _hub = _Hub()
    return _hub


class QtPoster:
    """``post(fn)`` from any thread runs ``fn`` later on the UI thread; after ``close()`` posts are dropped.

    Delivery is always deferred, even from the UI thread: a result never re-enters the flow mid-dispatch.
    Posters are plain Python objects over one shared hub, so dropping one anywhere is harmless.
    """

    def __init__(self) -> None:
        self._hub = _the_hub()
        self._closed = False

    def post(self, fn: Callable[[], None]) -> None:
        if self._closed:
            return

        def run() -> None:
            if not self._closed:
                fn()

        self._hub.post(run)

    def close(self) -> None:
        self._closed = True


class KioskDriver(QObject):
    """Connects one flow to one window; ``stop`` detaches it (the runtime closing)."""

    def __init__(self, flow: ReceptionFlow, window, tick_ms: int = TICK_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self.window = window
        self._active = True
        flow.add_listener(self._on_view)
        window.bind(self.dispatch)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(tick_ms)

    def start(self) -> None:
        self.flow.start()

    def dispatch(self, event: ev.Event) -> Verdict:
        if not self._active:
            return DETACHED
        return self.flow.dispatch(event)

    def tick(self) -> None:
        self.dispatch(ev.Tick())

    def _on_view(self, view: View) -> None:
        if self._active:
            self.window.show_view(view)

    def stop(self) -> None:
        self._active = False
        self._timer.stop()
