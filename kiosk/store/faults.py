"""What the OS and SQLite report about the store's file and folder, as named errors that say what to do.

A full disk is never "corrupt" (restoring over it would throw away the newest receptions), and a folder
the kiosk may not write in is never "missing". :func:`sqlite_error` leaves corruption as
:class:`StoreCorrupt`; the store decides whether that means it cannot open at all or opens read-only.
"""
from __future__ import annotations

import errno
from pathlib import Path

from kiosk.store.errors import (
    StoreCorrupt,
    StoreDiskError,
    StoreDiskFull,
    StoreError,
    StoreNoAccess,
    StorePathInvalid,
)

RESTORE = "restore the last backup with `kiosk store restore`"

# SQLite's primary result codes (the low byte of ``sqlite_errorcode``).
_PERM, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 3, 8, 10, 11, 13, 14, 26


def disk_full(folder: Path) -> StoreDiskFull:
    return StoreDiskFull(f"the disk is full: free space on the disk holding {folder}, then try again")


def os_error(exc: OSError, path: Path) -> StoreError:
    """``exc`` came from creating, opening or writing ``path`` (a file, or a folder on the way to one);
    the file the OS names in ``exc``, when it names one, is the one the message is about."""
    if exc.filename:
        path = Path(exc.filename)
    folder = path.parent
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return disk_full(folder)
    if isinstance(exc, IsADirectoryError):
        return StorePathInvalid(
            f"{path} is a folder where the kiosk's store file should be: {RESTORE} (it moves "
            "the folder aside), or move the folder away yourself if this kiosk never had a store"
        )
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return not_a_folder(file_in_the_way(path) or path, path)
    if isinstance(exc, PermissionError) or exc.errno == errno.EROFS:
        return StoreNoAccess(
            f"the kiosk may not write in {folder} ({exc.strerror}): give the kiosk's user write permission "
            "there, or use a disk that is not read-only, then start the kiosk again"
        )
    if exc.errno == errno.EIO:
        return StoreDiskError(f"the disk holding {folder} reported an error ({exc.strerror}): have the disk checked")
    return StoreError(f"cannot use {path}: {exc.strerror or exc}")


def is_corruption(exc: Exception) -> bool:
    """SQLite found the file damaged. Python's sqlite3 raises UnicodeDecodeError when SQLite's own error
    message quotes a damaged schema, and a plain OperationalError for a stored text that is not UTF-8."""
    if isinstance(exc, UnicodeDecodeError):
        return True
    primary = _primary(exc)
    return primary in (_CORRUPT, _NOTADB) or (primary is None and "decode" in str(exc).lower())


def sqlite_error(exc: Exception, path: Path) -> StoreError:
    """``exc`` is a :class:`sqlite3.Error`, or the :class:`UnicodeDecodeError` a damaged file gives."""
    primary = _primary(exc)
    if primary == _FULL:
        return disk_full(path.parent)
    if is_corruption(exc):
        return StoreCorrupt(f"{path} is damaged ({_text(exc)}): {RESTORE}")
    if primary in (_PERM, _READONLY, _CANTOPEN):
        return StoreNoAccess(
            f"the kiosk cannot write {path} or its -wal/-shm files beside it ({exc}): give the kiosk's user "
            "write permission in that folder, or use a disk that is not read-only"
        )
    if primary == _IOERR:
        return StoreDiskError(f"the disk holding {path} reported an error ({exc}): have the disk checked")
    return StoreError(f"{path}: {exc}")


def _primary(exc: Exception) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _text(exc: Exception) -> str:
    return "SQLite's message quotes damaged bytes" if isinstance(exc, UnicodeDecodeError) else str(exc)


def not_a_folder(blocking: Path, path: Path) -> StorePathInvalid:
    restore = f", or {RESTORE} (it moves the file aside)" if blocking == path.parent else ""
    return StorePathInvalid(
        f"{blocking} is a file where the kiosk needs a folder: point data_dir (or backup_dir) in the kiosk "
        f"config at a folder{restore}"
    )


def file_in_the_way(path: Path) -> Path | None:
    """The first file among ``path``'s folders (from the root down) that should be a folder."""
    for candidate in reversed(path.parents):
        if candidate.exists() and not candidate.is_dir():
            return candidate
    return None
