"""Run a blocking channel request off the UI thread and get its answer back on it.

The work runs on the console's one task manager (:class:`kiosk.core.tasks.TaskManager`), whose answers
hop back through the kiosk UI's :class:`~kiosk.ui.driver.QtPoster`: worker threads never touch a Qt object
(PySide6 6.12 corrupts reference counts when signals are emitted from Python threads).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject

from kiosk.core.errors import KioskError
from kiosk.core.tasks import TaskManager
from kiosk.ui.driver import QtPoster

# Longer than any request's own deadline (the link's is 40 s): the link answers first, this only ever
# ends work that hangs outside it.
CALL_DEADLINE = 60.0

_poster: QtPoster | None = None
_tasks: TaskManager | None = None


def ui_poster() -> QtPoster:
    """The console's poster, made on first use (on the UI thread, where every ``call`` starts)."""
    global _poster
    if _poster is None:
        _poster = QtPoster()
    return _poster


def _manager() -> TaskManager:
    global _tasks
    if _tasks is None:
        _tasks = TaskManager(ui_poster().post, name="console")
    return _tasks


def call(work: Callable[[], Any], done: Callable[[Any, str | None], None], owner: QObject | None = None) -> None:
    """``work()`` off the UI thread; ``done(result, error_code)`` on it, unless ``owner`` was deleted."""

    def answered(result: Any, error: BaseException | None) -> None:
        if owner is not None and not shiboken6.isValid(owner):
            return  # the page that asked is gone (staff switched kiosks): nobody to tell
        if error is None:
            done(result, None)
        elif isinstance(error, KioskError):
            done(None, error.code)
        elif isinstance(error, OSError):
            done(None, "staff_channel_closed")
        else:
            raise error  # a bug: the UI hub logs it

    _manager().run(lambda cancel: work(), answered, CALL_DEADLINE)
