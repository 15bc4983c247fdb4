"""Being woken when a terminal folder changes, instead of looking at it on a timer.

A waiter reads :attr:`FolderNotifier.changes` *before* it lists the folder, and after a listing that found
nothing waits with :meth:`FolderNotifier.wait` until the count moves on: a file that appeared between the
listing and the wait has already moved it, so no answer is ever slept through.

The OS tells us through the ``watchdog`` package: inotify on Linux, ReadDirectoryChangesW on Windows. Only
what another writer does wakes a waiter (created, moved in, written, closed after writing): our own reads
(opened, closed without writing) and deletions (ours, of answers read) would otherwise wake it for nothing,
over and over while a half-written file waits to settle.

Notifications do not always come. A folder on a network share (CIFS, NFS) accepts a watch and then reports
only what this machine itself does there; the watch limit may be reached; the folder may be replaced (a
share mounted again). So looking at the folder on a timer stays, at two speeds: ``poll`` while
notifications are trusted (a safety net), ``fallback`` otherwise. A folder on a network share is polled at
``fallback`` from the start; a file that a timed look finds but no notification announced makes the
notifier stop trusting them. Each is said once in the log.
"""
from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # watchdog is imported when a folder is first watched, not with the package
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers.api import BaseObserver

log = logging.getLogger(__name__)

# The longest a waiter sleeps between looks at its own stop condition (a cancel, a deadline): what
# "promptly" means for a cancelled wait, bounded without a hook into the CancelToken.
STOP_SLICE = 0.05

# Filesystems whose changes made on another machine reach no local watch (Linux names, /proc/self/mountinfo).
NETWORK_FILESYSTEMS = frozenset({
    "cifs", "smb3", "smbfs", "nfs", "nfs4", "ncpfs", "afs", "9p", "ceph", "davfs", "fuse.sshfs", "fuse.rclone",
    "fuse.davfs2", "fuse.smbnetfs", "glusterfs", "fuse.glusterfs", "lustre", "gpfs",
})

# A file last written this long ago, with no notification since, was not announced.
UNANNOUNCED_AFTER = 0.5
MTIME_SLACK = 0.05  # a filesystem's timestamps may run a little ahead of the moment we are told


MOUNTINFO = Path("/proc/self/mountinfo")


def network_share(folder: Path, mountinfo: Path = MOUNTINFO) -> str:
    """What kind of network share ``folder`` lies on (``cifs``, ``unc``…), or "" for a local disk."""
    if sys.platform == "win32":
        return _windows_share(folder)
    kind = mount_type(folder, mountinfo)
    return kind if kind in NETWORK_FILESYSTEMS else ""


def mount_type(folder: Path, mountinfo: Path = MOUNTINFO) -> str:
    """The filesystem type of the mount ``folder`` lies in, from a ``mountinfo`` table; "" if unknown."""
    try:
        target = os.path.realpath(folder)
        with open(mountinfo, encoding="utf-8", errors="replace") as handle:
            lines = handle.readlines()
    except OSError:
        return ""  # not Linux, or no /proc: trust the watch and let the timed looks find out
    best, kind = "", ""
    for line in lines:
        fields = line.split()
        if "-" not in fields:
            continue
        point = fields[4].replace("\\040", " ")
        fstype = fields[fields.index("-") + 1]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fstype
    return kind


def _windows_share(folder: Path) -> str:
    text = str(folder)
    if text.startswith(("\\\\", "//")):
        return "unc"
    import ctypes

    drive = os.path.splitdrive(os.path.abspath(text))[0]
    if drive and ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 4:  # type: ignore[attr-defined]
        return "mapped drive"  # DRIVE_REMOTE
    return ""


class FolderNotifier:
    """Counts the changes other writers make in one folder, and wakes whoever waits for the next one."""

    def __init__(self, folder: Path, poll: float, fallback: float, *, use_events: bool = True) -> None:
        self.folder = Path(folder)
        self.poll = poll  # between timed looks while notifications are trusted
        self.fallback = fallback  # between timed looks without them
        self._use_events = use_events
        self._condition = threading.Condition()
        self._watch_lock = threading.Lock()  # one watch, however many threads exchange at once
        self._changes = 0
        self._last_event = 0.0  # wall-clock time of the last notification, to compare with files' mtimes
        self._observer: BaseObserver | None = None
        self._watched: tuple[int, int] | None = None  # (st_dev, st_ino) of the folder the watch is on
        self._refused: tuple[int, int] | None = None  # the folder no watch could be set on: not tried again
        self._trusted = False
        self._share = ""
        self._said: set[str] = set()
        self._listeners: list[Callable[[], None]] = []

    def add_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` on the watch's thread after each notification (not on timed looks, nor without
        a watch). It must be quick and must not raise: what it raises is logged and dropped."""
        self._listeners.append(listener)

    # --- what waiters read ------------------------------------------------------------------------

    @property
    def changes(self) -> int:
        with self._condition:
            return self._changes

    @property
    def event_driven(self) -> bool:
        """Notifications are being received and trusted."""
        return self._trusted

    @property
    def interval(self) -> float:
        """How long a waiter may go without looking at the folder itself."""
        return self.poll if self._trusted else self.fallback

    def wait(self, seen: int, timeout: float, stop: Callable[[], bool] = lambda: False) -> bool:
        """Until the count moves past ``seen`` (True), ``timeout`` passes or ``stop()`` (False)."""
        deadline = time.monotonic() + timeout
        with self._condition:
            while self._changes == seen:
                if stop():
                    return False
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._condition.wait(min(remaining, STOP_SLICE))
            return True

    def found(self, path: Path) -> None:
        """A waiter found ``path``: if it was last written a while ago and no notification came since,
        notifications do not reach this folder."""
        if not self._trusted:
            return
        try:
            written = path.stat().st_mtime
        except OSError:
            return
        with self._condition:
            announced = self._last_event >= written - MTIME_SLACK
        if not announced and time.time() - written >= UNANNOUNCED_AFTER:
            self._trusted = False
            self._say("unannounced", "%s: %s appeared without a file notification (a network share?): looking "
                      "every %g s from now on", self.folder, path.name, self.fallback)

    # --- the watch --------------------------------------------------------------------------------

    def ensure(self) -> None:
        """Watch the folder, again if it was replaced since (a share mounted again). Never raises: without a
        watch the waiters look on the timer."""
        if not self._use_events:
            return
        with self._watch_lock:
            self._ensure()

    def _ensure(self) -> None:
        try:
            found = os.stat(self.folder)
        except OSError:
            self._drop()
            return  # the listing that follows names the missing folder
        identity = (found.st_dev, found.st_ino)
        watching = self._observer is not None and identity == self._watched and self._alive()
        if watching or identity == self._refused:
            return
        self._drop()
        self._share = network_share(self.folder)
        try:
            from watchdog.events import FileClosedEvent, FileCreatedEvent, FileModifiedEvent, FileMovedEvent
            from watchdog.observers import Observer

            observer = Observer()
            observer.schedule(_waker(self._changed), str(self.folder), recursive=False,
                              event_filter=[FileCreatedEvent, FileMovedEvent, FileModifiedEvent, FileClosedEvent])
            observer.daemon = True
            observer.start()
        except (ImportError, OSError, RuntimeError) as error:
            self._say("no_watch", "%s: no file notifications (%s): looking every %g s", self.folder, error,
                      self.fallback)
            self._refused = identity
            return
        self._observer, self._watched = observer, identity
        self._trusted = not self._share
        if self._share:
            self._say("share", "%s is on a network share (%s): notifications may not arrive, looking every %g s "
                      "as well", self.folder, self._share, self.fallback)
        else:
            log.debug("%s: woken by file notifications, looking every %g s as well", self.folder, self.poll)

    def close(self) -> None:
        with self._watch_lock:
            self._drop()

    def _alive(self) -> bool:
        observer = self._observer
        return observer is not None and observer.is_alive() and all(e.is_alive() for e in observer.emitters)

    def _drop(self) -> None:
        observer, self._observer, self._watched = self._observer, None, None
        self._trusted = False
        if observer is not None:
            observer.stop()

    def _changed(self) -> None:
        with self._condition:
            self._changes += 1
            self._last_event = time.time()
            self._condition.notify_all()
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:  # the watch thread must outlive a listener's failure
                log.exception("%s: a change listener failed", self.folder)

    def _say(self, what: str, message: str, *args: object) -> None:
        if what not in self._said:  # once per notifier: a log line per exchange would drown the rest
            self._said.add(what)
            log.warning(message, *args)


def _waker(changed: Callable[[], None]) -> FileSystemEventHandler:
    """A watchdog handler that only counts: what changed is for the listing to find."""
    from watchdog.events import FileSystemEventHandler

    class Wake(FileSystemEventHandler):
        def dispatch(self, event: FileSystemEvent) -> None:
            changed()

    return Wake()
