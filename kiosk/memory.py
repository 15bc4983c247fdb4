"""The C allocator under a long-running kiosk: few glibc malloc arenas, and free heap handed back
after each reception.

glibc gives a thread that allocates while another holds the main heap an arena of its own, up to eight
per core, and never moves memory between them. The kiosk's worker, capture and store threads each
leave frame-sized holes in theirs: a kiosk doing face receptions on the embedded devices grew from 0.58
to 1.27 GB in 45–66 receptions, and levelled off at 0.65 GB with two arenas (issue 14). Other C
libraries (musl, macOS, Windows) keep their own policy: nothing is done there.

``limit_arenas`` is the first thing ``kiosk`` does; :class:`TrimWhenIdle` is a flow listener the
runtimes register (``kiosk run``/``demo`` in kiosk.ui.runtime, ``kiosk simulate``), so kiosk.core stays
free of the OS.
"""
from __future__ import annotations

import ctypes
import linecache
import os
import sys
from functools import cache

from kiosk.core.ports import TaskRunner
from kiosk.core.view import View

M_ARENA_MAX = -8  # glibc's malloc.h
ARENAS = 2
TRIM_TIMEOUT = 10.0  # seconds; a trim takes a few milliseconds


@cache
def _glibc() -> ctypes.CDLL | None:
    """The process's C library when it is glibc (the one that exports gnu_get_libc_version), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None)  # the symbols already in the process: its own C library
        libc.gnu_get_libc_version  # noqa: B018 - only glibc has it
    except (OSError, AttributeError):
        return None
    libc.mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    libc.mallopt.restype = ctypes.c_int
    libc.malloc_trim.argtypes = (ctypes.c_size_t,)
    libc.malloc_trim.restype = ctypes.c_int
    return libc


def set_by_environment() -> bool:
    """True when whoever started the process chose the arena limit already (glibc read it at start)."""
    tunables = os.environ.get("GLIBC_TUNABLES", "")
    return "MALLOC_ARENA_MAX" in os.environ or "glibc.malloc.arena_max" in tunables


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap glibc's malloc arenas at ``arenas``; True when the cap is now in force.

    Call it before the first worker thread exists: glibc fixes its arena limit when a thread first needs
    a new arena beyond its test count, and arenas made before the call stay. ``MALLOC_ARENA_MAX`` or
    ``GLIBC_TUNABLES`` in the environment win (left alone, False)."""
    libc = _glibc()
    if libc is None or set_by_environment():
        return False
    return bool(libc.mallopt(M_ARENA_MAX, arenas))


def trim() -> bool:
    """Hand the free memory at the top and inside every arena back to the system (glibc's malloc_trim);
    True when some went back. A no-op off glibc."""
    libc = _glibc()
    return bool(libc.malloc_trim(0)) if libc is not None else False


def forget_sources() -> None:
    """Drop the source lines ``linecache`` holds. PySide6 reads the whole source of every module imported
    after it, to see whether it names PySide6 (shibokensupport's feature_imported, PYSIDE-2029), and
    linecache keeps every line: about 20 MB once the kiosk is up. Only a traceback reads them again, from
    the files. Call it on the thread that imports (the UI thread): linecache takes no lock, and an import
    looking a file up while another thread clears the cache would fail."""
    linecache.clearcache()


class TrimWhenIdle:
    """A flow listener, on the flow's (the UI) thread: the source lines read while the kiosk started are
    dropped at its first view; each time the kiosk gets ready for the next patient after a reception (its
    frames, photos and buffers freed; the view's ``visit`` moves on), the lines read since are dropped and
    ``trim`` runs on a worker, never on the flow's thread (nothing to trim off glibc)."""

    def __init__(self, runner: TaskRunner) -> None:
        self._runner = runner
        self._visit: int | None = None  # the visit the flow started in: nothing to hand back yet

    def __call__(self, view: View) -> None:
        if self._visit is None:
            forget_sources()  # the start's imports are done: the runtime registers this before flow.start()
        elif view.visit != self._visit:
            forget_sources()
            if _glibc() is not None:
                self._runner.run(lambda cancel: trim(), lambda value, error: None, TRIM_TIMEOUT)
        self._visit = view.visit
