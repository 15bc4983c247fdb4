"""QtPoster: work finished on other threads runs on the UI thread, later, in order."""
from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from kiosk.core.tasks import TaskManager
from kiosk.ui.driver import QtPoster


def test_posts_from_worker_threads_run_on_the_ui_thread_in_order(qtbot):
    poster = QtPoster()
    ui_thread = QThread.currentThread()
    seen = []

    def worker(k: int) -> None:
        for i in range(200):
            poster.post(lambda i=i: seen.append((k, i, QThread.currentThread() is ui_thread)))

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    qtbot.waitUntil(lambda: len(seen) == 600, timeout=100000)
    assert all(on_ui for _, _, on_ui in seen)
    for k in range(3):
        assert [i for kk, i, _ in seen if kk == k] == list(range(200))
    poster.close()


def test_a_post_from_the_ui_thread_is_deferred(qtbot):
    poster = QtPoster()
    seen = []
    poster.post(lambda: seen.append(1))
    assert seen == []  # never re-entered inside the caller
    qtbot.waitUntil(lambda: seen == [1], timeout=10000)
    poster.close()


def test_a_failing_call_does_not_strand_the_next(qtbot):
    poster = QtPoster()
    seen = []
    poster.post(lambda: 1 / 0)
    poster.post(lambda: seen.append("after"))
    qtbot.waitUntil(lambda: seen == ["after"], timeout=10000)
    poster.close()


def test_the_task_manager_delivers_through_the_poster(qtbot):
    poster = QtPoster()
    tasks = TaskManager(poster.post)
    got = []
    tasks.run(lambda cancel: threading.current_thread().name, lambda v, e: got.append((v, e, QThread.currentThread())),
              60)
    qtbot.waitUntil(lambda: bool(got), timeout=100000)
    value, error, thread = got[0]
    assert value.startswith("kiosk-task") and error is None and thread is QThread.currentThread()
    tasks.close()
    poster.close()
