"""Who has the store open: every opener holds a shared lock on ``kiosk.db.lock``, a restore an exclusive one.

A kiosk and ``kiosk store purge`` (or check, export) may have the store open at the same time — SQLite
serialises their writes — but a restore must not swap the file under any of them, and nothing may open
the store while a restore swaps it. ``flock``, so a killed process never leaves a stale lock behind.
Windows has no ``flock``: there the lock is not taken, and the restore's rename of a file SQLite holds open
fails instead (Windows refuses it), which the restore reports as :class:`StoreInUse` too.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from kiosk.store import faults
from kiosk.store.errors import StoreInUse

if sys.platform != "win32":
    import fcntl


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class StoreLock:
    def __init__(self, db_path: Path, exclusive: bool) -> None:
        """Taken at once or :class:`StoreInUse`; never waits."""
        self._fd: int | None = None
        if sys.platform == "win32":
            return
        path = lock_path(db_path)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise faults.os_error(exc, path) from exc
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            if exclusive:
                raise StoreInUse(
                    f"{db_path} is open in a running kiosk or another `kiosk store` command: close the kiosk "
                    "(and wait for that command) first"
                ) from None
            raise StoreInUse(f"{db_path} is being restored: wait for `kiosk store restore` to finish") from None
        self._fd = fd

    def share(self) -> None:
        """From exclusive to shared, so this process can open the store it just put in place."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None
