"""Running blocking device work off the flow's thread, with a deadline and a way to cancel.

``ThreadedTaskRunner`` does the work on a worker thread and hands the result back through ``post``,
a function that runs a callable on the flow's thread: a Qt signal in the kiosk, a queue in
``kiosk simulate``. Exactly one of result, error or timeout reaches ``done``; nothing after cancel.
"""
from __future__ import annotations

import logging
import queue
import threading
import time
from datetime import datetime
from typing import Callable

from kiosk.core.errors import TaskTimeout
from kiosk.core.ports import CancelToken

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]


class _ThreadTask:
    def __init__(self) -> None:
        self.token = CancelToken()
        self._lock = threading.Lock()
        self._settled = False

    def settle(self) -> bool:
        """True for the first caller only: the result, the timeout or the cancel."""
        with self._lock:
            if self._settled:
                return False
            self._settled = True
            return True

    def cancel(self) -> None:
        self.settle()
        self.token.cancel()


class ThreadedTaskRunner:
    def __init__(self, post: Post) -> None:
        self._post = post

    def post(self, fn: Callable[[], None]) -> None:
        self._post(fn)

    def run(self, work, done, timeout: float) -> _ThreadTask:
        task = _ThreadTask()

        def deliver(value, error) -> None:
            if task.settle():
                self._post(lambda: done(value, error))

        def body() -> None:
            try:
                value = work(task.token)
            except BaseException as exc:  # every failure becomes a named problem in the flow
                deliver(None, exc)
            else:
                deliver(value, None)

        def expire() -> None:
            if not task.token.cancelled:
                deliver(None, TaskTimeout(f"no answer within {timeout:g} s"))
                task.token.cancel()

        timer = threading.Timer(timeout, expire)
        timer.daemon = True
        worker = threading.Thread(target=body, name="kiosk-task", daemon=True)
        worker.start()
        timer.start()
        return task


class EventQueue:
    """The flow's thread for headless use: callables posted from workers run in ``pump``."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Callable[[], None]] = queue.Queue()

    def post(self, fn: Callable[[], None]) -> None:
        self._queue.put(fn)

    def pump(self, seconds: float) -> int:
        """Run posted callables for up to ``seconds``; returns how many ran."""
        deadline = time.monotonic() + seconds
        ran = 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return ran
            try:
                fn = self._queue.get(timeout=remaining)
            except queue.Empty:
                return ran
            fn()
            ran += 1


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now().astimezone()


class SerialStore:
    """Puts every store write on one thread, in order, so the UI thread never waits on the disk.

    ``reception_started`` and ``audit`` return at once; ``save_reception`` and ``save_fallback_reception``
    wait for their own write (they are called from a worker) and raise the store's error; reads go
    straight through.
    """

    def __init__(self, store, timeout: float = 15.0) -> None:
        self._store = store
        self._timeout = timeout
        self._jobs: queue.Queue = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="kiosk-store", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            job, finished = self._jobs.get()
            if job is None:
                return
            try:
                job()
            except Exception as exc:
                log.error("store write failed: %s", exc)
                if finished is not None:
                    finished["error"] = exc
            if finished is not None:
                finished["event"].set()

    def _enqueue(self, job: Callable[[], None], wait: bool) -> None:
        if not wait:
            self._jobs.put((job, None))
            return
        finished = {"event": threading.Event()}
        self._jobs.put((job, finished))
        if not finished["event"].wait(self._timeout):
            raise TaskTimeout(f"the store did not answer within {self._timeout:g} s")
        if "error" in finished:
            raise finished["error"]

    def reception_started(self, session_id, started_at) -> None:
        self._enqueue(lambda: self._store.reception_started(session_id, started_at), wait=False)

    def audit(self, actor, action, detail="") -> None:
        self._enqueue(lambda: self._store.audit(actor, action, detail), wait=False)

    def save_reception(self, record) -> None:
        self._enqueue(lambda: self._store.save_reception(record), wait=True)

    def save_fallback_reception(self, record, recheck, declaration) -> None:
        self._enqueue(lambda: self._store.save_fallback_reception(record, recheck, declaration), wait=True)

    def last_confirmed(self, certificate, facts):
        return self._store.last_confirmed(certificate, facts)

    def close(self, timeout: float = 5.0) -> None:
        """Finish queued writes, then stop and close the store."""
        self._jobs.put((None, None))
        self._thread.join(timeout)
        close = getattr(self._store, "close", None)
        if close is not None:
            close()

    def __getattr__(self, name):  # staff and fallback reads reach the real store
        return getattr(self._store, name)
