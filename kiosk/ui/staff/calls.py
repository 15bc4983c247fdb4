"""Run a blocking channel request off the UI thread and get its answer back on it.

Answers hop back through the kiosk UI's :class:`~kiosk.ui.driver.QtPoster`: worker threads never touch
a Qt object (PySide6 6.12 corrupts reference counts when signals are emitted from Python threads).
"""
from __future__ import annotations

import threading
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject

from kiosk.core.errors import KioskError
from kiosk.ui.driver import QtPoster

_poster: QtPoster | None = None


def ui_poster() -> QtPoster:
    """The console's poster, made on first use (on the UI thread, where every ``call`` starts)."""
    global _poster
    if _poster is None:
        _poster = QtPoster()
    return _poster


def call(work: Callable[[], Any], done: Callable[[Any, str | None], None], owner: QObject | None = None) -> None:
    """``work()`` on a thread; ``done(result, error_code)`` on the UI thread, unless ``owner`` was deleted."""
    poster = ui_poster()

    def deliver(result: Any, error: str | None) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return  # the page that asked is gone (staff switched kiosks): nobody to tell
        done(result, error)

    def body() -> None:
        try:
            result = work()
        except KioskError as exc:
            code = exc.code
            poster.post(lambda: deliver(None, code))
        except OSError:
            poster.post(lambda: deliver(None, "staff_channel_closed"))
        else:
            poster.post(lambda: deliver(result, None))

    threading.Thread(target=body, name="console-call", daemon=True).start()
