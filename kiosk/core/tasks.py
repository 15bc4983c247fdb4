"""The one way blocking work runs: a bounded pool with a deadline and a cancel token for every piece,
periodic jobs on the same pool, and one writer lane for the store.

``TaskManager.run(work, done, timeout)`` runs ``work(cancel)`` on one of a few workers and hands the
result back through ``post``, a function that runs a callable on the caller's thread: the UI hub in the
kiosk and the console, a queue in ``kiosk simulate``. Exactly one of result, error or timeout reaches
``done``; nothing after ``cancel``. At the deadline the work's token is cancelled and ``done`` gets a
TaskTimeout at once, whether or not the work notices: a device stuck in a driver call keeps its worker
but never the screen. Deadlines share one timer thread.

:class:`StoreLane` puts every store write on one thread, in order, so no screen waits on the disk.
"""
from __future__ import annotations

import heapq
import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CertificateInfo, Trouble
from kiosk.core.errors import TaskTimeout
from kiosk.core.fallback import Declaration, RecheckItem
from kiosk.core.qualification import QualificationRecord
from kiosk.core.values import ReceptionRecord

log = logging.getLogger(__name__)

Post = Callable[[Callable[[], None]], None]

WORKERS = 4  # a face attempt, a card read, a terminal check and a staff read can overlap; more never do


class _Task:
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


class _Timers:
    """One thread firing callbacks at monotonic times (deadlines and periodic jobs)."""

    def __init__(self, name: str) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()
        self._wake = threading.Condition()
        self._closed = False
        self._thread = threading.Thread(target=self._loop, name=name, daemon=True)
        self._thread.start()

    def at(self, when: float, fn: Callable[[], None]) -> None:
        with self._wake:
            heapq.heappush(self._heap, (when, next(self._order), fn))
            if self._heap[0][0] == when:  # only an earlier deadline changes how long the thread sleeps
                self._wake.notify()

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()

    def _loop(self) -> None:
        while True:
            with self._wake:
                while not self._closed and (not self._heap or self._heap[0][0] > time.monotonic()):
                    self._wake.wait(self._heap[0][0] - time.monotonic() if self._heap else None)
                if self._closed:
                    return
                _, _, fn = heapq.heappop(self._heap)
            try:
                fn()
            except Exception:
                log.exception("a timer callback failed")


class _Pool:
    """A few daemon workers taking jobs in order. Daemon on purpose: a worker stuck in a driver call
    must never keep the kiosk from exiting or restarting (the executor's workers are joined at exit)."""

    def __init__(self, workers: int, name: str) -> None:
        self._jobs: queue.SimpleQueue[Callable[[], None] | None] = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._loop, name=f"{name}-{i}", daemon=True) for i in range(workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job()
            except Exception:
                log.exception("a task failed outside its own handling")

    def close(self, wait: float) -> None:
        for _ in self._threads:
            self._jobs.put(None)
        deadline = time.monotonic() + wait
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))


class TaskManager:
    def __init__(self, post: Post, workers: int = WORKERS, name: str = "kiosk") -> None:
        self._post = post
        self._pool = _Pool(workers, f"{name}-task")
        self._timers = _Timers(f"{name}-timers")
        self._closed = threading.Event()

    def post(self, fn: Callable[[], None]) -> None:
        self._post(fn)

    def run(self, work: Callable[[CancelToken], Any], done: Callable[[Any, BaseException | None], None],
            timeout: float) -> _Task:
        task = _Task()

        def deliver(value: Any, error: BaseException | None) -> None:
            if task.settle():
                self._post(lambda: done(value, error))

        def body() -> None:
            if task.token.cancelled:
                return  # cancelled or expired while it waited for a worker
            try:
                value = work(task.token)
            except BaseException as exc:  # every failure becomes a named problem for the caller
                deliver(None, exc)
            else:
                deliver(value, None)

        def expire() -> None:
            if not task.token.cancelled:
                deliver(None, TaskTimeout(f"no answer within {timeout:g} s"))
                task.token.cancel()

        self._timers.at(time.monotonic() + timeout, expire)
        if self._closed.is_set():
            task.cancel()
        else:
            self._pool.submit(body)
        return task

    def repeat(self, interval: float, job: Callable[[CancelToken], None], name: str,
               first: float | None = None) -> CancelToken:
        """``job(cancel)`` every ``interval`` seconds on the pool (never two at once); cancel the token to stop.
        A failure is logged and the next round runs as usual."""
        stop = CancelToken()

        def round_() -> None:
            if stop.cancelled or self._closed.is_set():
                return
            try:
                job(stop)
            except Exception:
                log.exception("%s failed; trying again in %g s", name, interval)
            if not stop.cancelled:
                self._timers.at(time.monotonic() + interval, lambda: self._submit(round_))

        self._timers.at(time.monotonic() + (interval if first is None else first), lambda: self._submit(round_))
        return stop

    def _submit(self, fn: Callable[[], None]) -> None:
        if not self._closed.is_set():
            self._pool.submit(fn)

    def close(self, wait: float = 2.0) -> None:
        """Stop taking work; running work is waited for at most ``wait`` seconds in all."""
        self._closed.set()
        self._timers.close()
        self._pool.close(wait)


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


class StoreLane:
    """Every store write on one thread, in order, so the UI thread never waits on the disk.

    ``reception_started``, ``reception_progress``, ``audit`` and :meth:`submit` return at once; the
    reception saves wait for their own write (they are called from a worker) and raise the store's
    error; reads go straight through to the store, which serialises them itself.
    """

    def __init__(self, store: Any, timeout: float = 15.0) -> None:
        self._store = store
        self._timeout = timeout
        self._jobs: queue.Queue[tuple[Callable[[], None] | None, dict[str, Any] | None]] = queue.Queue()
        self._thread = threading.Thread(target=self._loop, name="kiosk-store", daemon=True)
        self._thread.start()

    @property
    def store(self) -> Any:
        return self._store

    def _loop(self) -> None:
        while True:
            job, finished = self._jobs.get()
            if job is None:
                return
            try:
                job()
            except Exception as exc:
                log.error("store write failed: %s", getattr(exc, "code", exc))
                if finished is not None:
                    finished["error"] = exc
            if finished is not None:
                finished["event"].set()

    def submit(self, job: Callable[[], None], wait: bool = False) -> None:
        if not wait:
            self._jobs.put((job, None))
            return
        finished: dict[str, Any] = {"event": threading.Event()}
        self._jobs.put((job, finished))
        if not finished["event"].wait(self._timeout):
            raise TaskTimeout(f"the store did not answer within {self._timeout:g} s")
        if "error" in finished:
            raise finished["error"]

    def reception_started(self, session_id: str, started_at: datetime) -> None:
        self.submit(lambda: self._store.reception_started(session_id, started_at))

    def reception_progress(self, session_id: str, state: str, troubles: Iterable[Trouble]) -> None:
        self.submit(lambda: self._store.reception_progress(session_id, state, troubles))

    def audit(self, actor: str, action: str, detail: str = "") -> None:
        self.submit(lambda: self._store.audit(actor, action, detail))

    def save_reception(self, record: ReceptionRecord) -> None:
        self.submit(lambda: self._store.save_reception(record), wait=True)

    def save_fallback_reception(self, record: ReceptionRecord, recheck: RecheckItem | None,
                                declaration: Declaration | None) -> None:
        self.submit(lambda: self._store.save_fallback_reception(record, recheck, declaration), wait=True)

    def last_confirmed(self, certificate: CertificateInfo, facts: CardFacts | None) -> QualificationRecord | None:
        found: QualificationRecord | None = self._store.last_confirmed(certificate, facts)
        return found

    def close(self, timeout: float = 5.0) -> None:
        """Finish queued writes, then stop and close the store."""
        self._jobs.put((None, None))
        self._thread.join(timeout)
        self._store.close()

    def __getattr__(self, name: str) -> Any:  # staff and fallback reads reach the real store
        return getattr(self._store, name)
