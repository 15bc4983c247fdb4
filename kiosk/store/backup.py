"""Encrypted backups of the store, on a schedule, and putting one back.

A backup is a snapshot taken with SQLite's online backup API (``sqlite3.Connection.backup``) over a
connection of its own, so the kiosk keeps writing meanwhile; the snapshot must pass
``PRAGMA integrity_check`` (a damaged store never pushes a good backup out of the rotation), is sealed
whole with AES-256-GCM under a key HKDF derives from the store key (``FieldCipher.backup_aead``) and is
written atomically (temporary file, fsync, rename) into the backup folder as ``kiosk-<UTC time>.kbak``.
Only the newest ``keep`` stay. A backup opens only with the store key: keep a copy of the key apart
from both the store and the backups.

File format, version 1::

    header  = b"KIOSKBAK" | version (1 byte) | chunk size (4 bytes, big-endian) | nonce prefix (7 bytes)
    chunk i = AES-256-GCM(next chunk-size bytes of the SQLite file,
                          nonce = prefix | i (4 bytes, big-endian) | 1 if last else 0, associated data = header)

Every chunk is full but the last (which may be empty) and carries its 16-byte tag. The counter and the
last flag in the nonce make a truncated, reordered or spliced file fail to open (the STREAM
construction). The header, in clear, names the format and nothing else.
"""
from __future__ import annotations

import logging
import os
import secrets
import shutil
import sqlite3
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import KioskError
from kiosk.store import faults, migrations
from kiosk.store.atomic_write import sync_directory, write_atomically
from kiosk.store.cipher import FieldCipher
from kiosk.store.errors import (
    BackupError,
    BackupMirrorFailed,
    BackupUnreadable,
    KeyMissing,
    NoBackup,
    StoreError,
    StoreInUse,
    StorePathInvalid,
)
from kiosk.store.keys import KeyProvider
from kiosk.store.lock import StoreLock

if TYPE_CHECKING:
    from kiosk.core.tasks import StoreLane, TaskManager

log = logging.getLogger(__name__)

MAGIC = b"KIOSKBAK"
FORMAT_VERSION = 1
CHUNK = 1 << 20
_MAX_CHUNK = 1 << 26
_PREFIX = 7
_HEADER = len(MAGIC) + 1 + 4 + _PREFIX
_TAG = 16
NAME_PREFIX, SUFFIX = "kiosk-", ".kbak"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_STALE = 3600.0  # a temporary file this old was left by a killed process, not one still writing it


def default_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


# What the kiosk tells staff about its backups (the console shows them whatever the screen): "" when sound.
SAME_DISK = "backup_same_disk"  # every copy is on the disk the store is on: a dead disk takes them all
FAILED = "backup_failed"


def device_of(path: Path) -> int | None:
    """The file system ``path`` is on, or will be once made (its nearest existing folder's)."""
    for candidate in (path, *path.parents):
        try:
            return os.stat(candidate).st_dev
        except OSError:
            continue
    return None


def placement_problem(db_path: Path, folder: Path, mirror: Path | None) -> str:
    """:data:`SAME_DISK` when neither the backup folder nor the mirror is on another file system than the
    store. A second file system is what a clinic can check here; whether it is another physical disk (not a
    partition of the same one) is for whoever installs the kiosk, as docs/store.md says."""
    store = device_of(db_path.parent)
    others = [d for d in (device_of(folder), device_of(mirror) if mirror else None) if d is not None and d != store]
    return "" if store is None or others else SAME_DISK


def backups(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first (their names sort by the time they were made)."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise faults.os_error(exc, folder / "x") from exc
    found = [folder / n for n in names if n.startswith(NAME_PREFIX) and n.endswith(SUFFIX) and made_at(folder / n)]
    return sorted(found, reverse=True)


def any_backup(folder: Path) -> bool:
    """Whether ``folder`` holds a backup: evidence that a store existed. An unreadable folder says nothing."""
    try:
        return bool(backups(folder))
    except StoreError:
        return False


def made_at(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[len(NAME_PREFIX) : -len(SUFFIX)], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


# --- making one --------------------------------------------------------------------------------------


def write_backup(db_path: Path, aead: AESGCM, folder: Path, keep: int) -> Path:
    """Snapshot ``db_path``, seal it into ``folder``, keep the newest ``keep``; returns the new file
    (:func:`mirror` then copies it to the other disk)."""
    _make_folder(folder)
    _remove_stale(db_path.parent, f".{db_path.name}.snapshot-")
    snapshot = db_path.with_name(f".{db_path.name}.snapshot-{secrets.token_hex(4)}.tmp")
    try:
        _snapshot(db_path, snapshot)
        made = _seal_into(folder, snapshot, aead)
    finally:
        _remove_database(snapshot)
    rotate(folder, keep)
    return made


def _snapshot(db_path: Path, snapshot: Path) -> None:
    try:
        os.close(os.open(snapshot, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except OSError as exc:
        raise faults.os_error(exc, snapshot) from exc
    try:
        source = sqlite3.connect(db_path.absolute().as_uri() + "?mode=ro", uri=True, timeout=15)
        try:
            target = sqlite3.connect(snapshot)
            try:
                source.backup(target)
                problems = [row[0] for row in target.execute("PRAGMA integrity_check")]
            finally:
                target.close()
        finally:
            source.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise faults.sqlite_error(exc, db_path) from exc
    if problems != ["ok"]:
        raise BackupError(
            f"{db_path} fails SQLite's integrity check ({problems[0]}): no backup made, the older ones are kept"
        )


def _seal_into(folder: Path, plain: Path, aead: AESGCM) -> Path:
    now = datetime.now(UTC)
    while (target := folder / f"{NAME_PREFIX}{now.strftime(_STAMP)}{SUFFIX}").exists():
        now += timedelta(microseconds=1)  # two backups within a microsecond: the second takes the next name
    try:
        _write_from(plain, target, lambda source, out: seal_stream(aead, source, out))
    except OSError as exc:
        raise faults.os_error(exc, target) from exc
    return target


def _write_from(source_path: Path, target: Path, copy: Callable[[IO[bytes], IO[bytes]], None]) -> None:
    """``copy(source, out)`` from ``source_path`` into a new 0600 ``target``, atomically (a backup or its
    mirror copy is there whole or not at all); a file already there by that name is replaced."""
    with open(source_path, "rb") as source:
        write_atomically(target, lambda out: copy(source, out), replace=True)


def mirror(made: Path, folder: Path, keep: int) -> Path:
    """Copy the sealed backup ``made`` into ``folder`` (another disk, a USB drive, a share) under its own
    name, atomically, and keep the newest ``keep`` there too. The copy is the sealed file: the mirror
    holds nothing the backup folder does not. Any failure is :class:`BackupMirrorFailed`."""
    try:
        _make_folder(folder)
        target = folder / made.name
        _write_from(made, target, shutil.copyfileobj)
        rotate(folder, keep)
    except OSError as exc:
        failure = faults.os_error(exc, folder / made.name)
        raise BackupMirrorFailed(f"{made.name} is in the backup folder but not in {folder}: {failure}") from exc
    except StoreError as exc:
        raise BackupMirrorFailed(f"{made.name} is in the backup folder but not in {folder}: {exc}") from exc
    return target


def rotate(folder: Path, keep: int) -> None:
    """Only the newest ``keep`` backups stay (and no temporary file a killed backup left). An old backup
    that cannot be removed is logged: the new one is made all the same."""
    for old in backups(folder)[keep:]:
        try:
            old.unlink(missing_ok=True)
        except OSError as exc:
            log.error("cannot remove the old backup %s: %s", old, exc.strerror)
    _remove_stale(folder, f".{NAME_PREFIX}")


def seal_stream(aead: AESGCM, source: IO[bytes], out: IO[bytes]) -> None:
    prefix = os.urandom(_PREFIX)
    header = MAGIC + bytes([FORMAT_VERSION]) + CHUNK.to_bytes(4, "big") + prefix
    out.write(header)
    for index, chunk, last in _chunks(source, CHUNK):
        out.write(aead.encrypt(_nonce(prefix, index, last), chunk, header))


def open_stream(aead: AESGCM, source: IO[bytes], out: IO[bytes], where: Path) -> None:
    header, size, prefix = _read_header(source, where)
    for index, chunk, last in _chunks(source, size + _TAG):
        try:
            out.write(aead.decrypt(_nonce(prefix, index, last), chunk, header))
        except InvalidTag:
            raise BackupUnreadable(
                f"{where} does not open with this store's key: it was made with another key, or it is damaged "
                "or cut short"
            ) from None


def opens_with(aead: AESGCM, backup: Path) -> bool:
    """Whether ``backup`` was sealed under ``aead``'s key: its first chunk opens (the rest is the restore's
    to check). Raises :class:`BackupUnreadable` for a file that is no backup, ``OSError`` as it comes."""
    with open(backup, "rb") as source:
        header, size, prefix = _read_header(source, backup)
        chunk = source.read(size + _TAG)
        last = len(chunk) < size + _TAG or not source.read(1)
    try:
        aead.decrypt(_nonce(prefix, 0, last), chunk, header)
    except InvalidTag:
        return False
    return True


def _read_header(source: IO[bytes], where: Path) -> tuple[bytes, int, bytes]:
    """The header, the chunk size and the nonce prefix, or :class:`BackupUnreadable`."""
    header = source.read(_HEADER)
    if len(header) < _HEADER or not header.startswith(MAGIC):
        raise BackupUnreadable(f"{where} is not a kiosk backup")
    if header[len(MAGIC)] != FORMAT_VERSION:
        raise BackupUnreadable(
            f"{where} is in backup format {header[len(MAGIC)]}; this kiosk reads format {FORMAT_VERSION}"
        )
    size = int.from_bytes(header[len(MAGIC) + 1 : len(MAGIC) + 5], "big")
    if not 0 < size <= _MAX_CHUNK:
        raise BackupUnreadable(f"{where} is not a kiosk backup (chunk size {size})")
    return header, size, header[-_PREFIX:]


def _chunks(source: IO[bytes], size: int) -> Iterator[tuple[int, bytes, bool]]:
    """(index, chunk, last) over ``source`` in ``size`` pieces; the last is short, maybe empty."""
    chunk, index = source.read(size), 0
    while True:
        following = source.read(size) if len(chunk) == size else b""
        yield index, chunk, not following
        if not following:
            return
        chunk, index = following, index + 1


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + index.to_bytes(4, "big") + (b"\x01" if last else b"\x00")


# --- putting one back --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    source: Path  # the backup put back
    aside: Path | None  # where the store it replaced was moved (never deleted)
    rejected: tuple[str, ...]  # newer backups that would not do, and why


def restore(db_path: Path, keys: KeyProvider, folder: Path, actor: str, source: Path | None = None,
            mirror_folder: Path | None = None) -> Restored:
    """Put back ``source``, or the newest backup in ``folder`` or ``mirror_folder`` (the copies on the other
    disk: all there is when the backup folder's disk died with the store) that opens and passes SQLite's
    integrity check. The store there now (a file, a folder, even an empty one) and its -wal/-shm are moved aside as
    ``kiosk.db.damaged-<time>``; a file where the data folder should be is moved aside the same way.
    Refused with :class:`StoreInUse` while anything has the store open. The restore is audited."""
    from kiosk.store.store import Store

    key = keys.load()
    if key is None:
        raise KeyMissing(
            f"backups open only with the store key and it is missing ({keys.description}): put the key back first"
        )
    aead = FieldCipher(key).backup_aead
    candidates = [source] if source is not None else newest_first(folder, mirror_folder)
    if not candidates:
        where = f"{folder} or {mirror_folder}" if mirror_folder else str(folder)
        raise NoBackup(f"no backup in {where} (backup_dir, backup_mirror_dir of the kiosk config): nothing to restore")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    data_dir = db_path.parent
    if data_dir.exists() and not data_dir.is_dir():
        _rename(data_dir, _free_aside(data_dir, stamp))
    try:
        data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise faults.os_error(exc, db_path) from exc
    lock = StoreLock(db_path, exclusive=True)
    try:
        _remove_stale(data_dir, f".{db_path.name}.restore-")
        rejected: list[str] = []
        for candidate in candidates:
            temporary = db_path.with_name(f".{db_path.name}.restore-{secrets.token_hex(4)}.tmp")
            try:
                _open_into(candidate, aead, temporary)
                _check_restorable(temporary, candidate)
            except BackupUnreadable as exc:
                _remove_database(temporary)
                if source is not None:
                    raise
                rejected.append(str(exc))
                continue
            except BaseException:
                _remove_database(temporary)
                raise
            break
        else:
            raise BackupUnreadable(f"no backup in {folder}{' or ' + str(mirror_folder) if mirror_folder else ''} "
                                   "can be restored: " + "; ".join(rejected))
        aside = _move_aside(db_path, stamp)
        _rename(temporary, db_path)
        sync_directory(data_dir)
        lock.share()
        with Store.open(db_path, keys, backup_dir=folder) as store:
            detail = f"from={candidate.name} aside={aside.name if aside else 'none'} skipped={len(rejected)}"
            store.audit(actor, "store_restored", detail)
    finally:
        lock.release()
    return Restored(candidate, aside, tuple(rejected))


def newest_first(folder: Path, mirror_folder: Path | None) -> list[Path]:
    """Both folders' backups, newest first; a backup in both is tried from ``folder`` first (the mirror's
    copy of it next: the same bytes, unless one of them was damaged)."""
    found = backups(folder)
    if mirror_folder is not None:
        try:
            found += backups(mirror_folder)
        except StoreError as exc:  # the other disk is not there: the backup folder may still do
            log.warning("the backup mirror %s cannot be read: %s", mirror_folder, exc)
    return sorted(found, key=lambda p: p.name, reverse=True)


def _open_into(backup: Path, aead: AESGCM, plain: Path) -> None:
    try:
        fd = os.open(plain, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            with open(backup, "rb") as source:
                open_stream(aead, source, out, backup)
            out.flush()
            os.fsync(out.fileno())
    except FileNotFoundError:
        raise BackupUnreadable(f"there is no backup file {backup}") from None
    except IsADirectoryError:
        raise BackupUnreadable(f"{backup} is a folder, not a backup file") from None
    except OSError as exc:
        raise faults.os_error(exc, plain) from exc


def _check_restorable(plain: Path, backup: Path) -> None:
    try:
        conn = sqlite3.connect(plain)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise BackupUnreadable(f"{backup} opens but holds no sound store: {exc}") from None
    if problems != ["ok"]:
        raise BackupUnreadable(f"{backup} opens but fails SQLite's integrity check: {problems[0]}")
    if not 1 <= version <= migrations.LATEST:
        raise BackupUnreadable(f"{backup} holds store schema {version}; this kiosk knows 1 to {migrations.LATEST}")


def _move_aside(db_path: Path, stamp: str) -> Path | None:
    """The store file (or whatever stands in its place) and its side files, renamed, never deleted; a
    -wal left behind would otherwise be replayed into the restored file."""
    aside = _free_aside(db_path, stamp)
    moved = None
    if db_path.exists() or db_path.is_symlink():
        _rename(db_path, aside)
        moved = aside
    for suffix in ("-wal", "-shm", "-journal"):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            _rename(side, aside.with_name(aside.name + suffix))
    return moved


def _free_aside(path: Path, stamp: str) -> Path:
    aside, n = path.with_name(f"{path.name}.damaged-{stamp}"), 1
    while any(aside.with_name(aside.name + s).exists() for s in ("", "-wal", "-shm", "-journal")):
        aside, n = path.with_name(f"{path.name}.damaged-{stamp}-{n}"), n + 1
    return aside


def _rename(source: Path, target: Path) -> None:
    try:
        os.replace(source, target)
    except PermissionError as exc:
        if sys.platform == "win32":  # Windows does not rename a file another process holds open
            raise StoreInUse(f"{source} is open in a running kiosk: close the kiosk first") from exc
        raise faults.os_error(exc, source) from exc
    except OSError as exc:
        raise faults.os_error(exc, source) from exc


# --- housekeeping ------------------------------------------------------------------------------------


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        pass
    except OSError as exc:
        raise faults.os_error(exc, folder / "x") from exc
    if not folder.is_dir():
        raise StorePathInvalid(f"the backup folder {folder} is a file, or under one: point backup_dir at a folder")


def _remove_stale(folder: Path, prefix: str) -> None:
    """Temporary files a killed backup or restore left. Housekeeping: it never stops either."""
    now = time.time()
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        path = folder / name
        if name.startswith(prefix) and ".tmp" in name:
            with suppress(OSError):
                if now - path.stat().st_mtime > _STALE:
                    path.unlink()


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError as exc:
            log.error("cannot remove the temporary %s: %s", path.name + suffix, exc.strerror)


# --- the schedule ------------------------------------------------------------------------------------


class BackupSchedule:
    """A backup every ``interval`` seconds on the kiosk's task manager (the first when the newest backup
    is ``interval`` old, at once when there is none), and one more as the kiosk closes."""

    def __init__(self, lane: StoreLane, folder: Path, keep: int, interval: float, *, mirror: Path | None = None,
                 on_status: Callable[[str], None] | None = None) -> None:
        """``on_status`` hears, on the lane's thread, :data:`FAILED`, :data:`SAME_DISK` or "" after each backup
        (and the placement at start): what staff are told about the copies."""
        self._lane = lane
        self._folder = folder
        self._mirror = mirror
        self._keep = keep
        self._interval = interval
        self._on_status = on_status or (lambda problem: None)
        self._placement = placement_problem(lane.store.path, folder, mirror)
        self._lock = threading.Lock()  # the closing backup never runs beside a scheduled one
        self._rounds: CancelToken | None = None

    def start(self, tasks: TaskManager) -> None:
        if self._placement:
            log.warning("every backup is on the disk the store is on (%s): set backup_mirror_dir to another disk",
                        self._folder)
            self._on_status(self._placement)
        self._rounds = tasks.repeat(self._interval, self._round, "store backup", first=self.due_in())

    def due_in(self) -> float:
        """Seconds until the next backup is due: the newest backup's age counts, so a kiosk restarted
        more often than the interval still backs up every interval."""
        newest = backups(self._folder)[:1] if self._folder.is_dir() else []
        made = made_at(newest[0]) if newest else None
        age = (datetime.now(UTC) - made).total_seconds() if made else self._interval
        return min(self._interval, max(0.0, self._interval - age))

    def _round(self, cancel: CancelToken) -> None:
        self.backup_now()

    def _round_at_close(self) -> None:
        self.backup_now()

    def backup_now(self) -> Path | None:
        """One backup now; a failure is logged by its code and gives None: the kiosk carries on."""
        with self._lock:
            try:
                made: Path = self._lane.store.backup(self._folder, self._keep, mirror=self._mirror)
            except KioskError as exc:
                log.error("store backup failed: %s: %s", exc.code, exc)
                self._on_status(FAILED)
                return None
        log.info("store backed up to %s", made)
        self._on_status(self._placement)
        return made

    def close(self) -> None:
        """No more rounds; one last backup after the writes still queued, within the lane's deadline."""
        if self._rounds is not None:
            self._rounds.cancel()
        try:
            self._lane.submit(self._round_at_close, wait=True)
        except KioskError as exc:
            log.error("the closing backup did not finish: %s", exc.code)
