"""Writing a file whole or not at all, readable by its owner only: the store's keys, its backups and a sealed
key export all go through :func:`write_atomically`.

The bytes go to a temporary file beside the target (0600, ``O_EXCL``), which is synced and only then put in
place, and the folder is synced after: a crash or a full disk leaves the old file or the new one, never an
empty or half one (an empty key file would keep the store from ever opening).
"""
from __future__ import annotations

import errno
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

# os.open on Windows opens in text mode unless told otherwise, and would turn every 0x0a into 0x0d 0x0a.
_BINARY = getattr(os, "O_BINARY", 0)
# What os.link says on a file system without hard links: FAT and exFAT (a USB stick) on Linux (EPERM) and on
# Windows (ERROR_INVALID_FUNCTION, which Python reports as EINVAL).
_NO_HARD_LINKS = {errno.EPERM, errno.EINVAL, errno.EOPNOTSUPP, getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


def write_atomically(path: Path, write: Callable[[BinaryIO], object], *, replace: bool) -> None:
    """``write(handle)`` puts the content into a temporary file, which then becomes ``path``. With
    ``replace=False`` an existing ``path`` is never replaced (:class:`FileExistsError`, and nothing changes);
    with ``replace=True`` it is, atomically. OS errors are raised as they are, for the caller to name."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            _put_in_place(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    sync_directory(path.parent)


def _put_in_place(temporary: Path, path: Path) -> None:
    try:
        os.link(temporary, path)  # unlike rename, never replaces an existing file
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        # No hard links here. Windows' rename refuses an existing target by itself; elsewhere a file made
        # between the look and the rename would be replaced, a moment no kiosk process writes such a file in.
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from exc
        os.rename(temporary, path)


def sync_directory(path: Path) -> None:
    """Makes a rename or link into ``path`` survive a power cut (Windows has no folder handle to sync)."""
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
