"""File operations on the terminal's shared folders, each turning a failure into a named error.

Writes are atomic: the bytes go to a hidden ``.tmp`` name in the same folder, are flushed, then renamed,
so a reader (the terminal, the レセコン) never sees half a file. Reads tolerate the other side writing in
place: a file that is locked or does not parse yet is retried while it is younger than ``settle``
seconds, then it is an error.

Reads never get in the other side's way. On site the レセコン moves or deletes face files right after
reading them [MynaReception docs/ReceptionAgent_FaceCapture.md]. On Windows a plain ``open()`` shares
read and write but not delete, so a move or delete by the レセコン would fail while the kiosk reads:
:func:`open_shared` opens with ``CreateFileW(…, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, …)``
as MynaReception does (``FileShare.ReadWrite | FileShare.Delete``). POSIX never locks a file against rename
or unlink, so there it is ``open()``. A file that vanishes while being read is read once more (a rename
over it leaves a moment with no file), then it is :class:`TerminalFileVanished`.

Every read is bounded by the file's family (:mod:`.xmlsafe` limits): it looks at the size first and refuses
a file above the family's before reading a byte (and reads no more than that should the file grow); a zip's
members are counted and sized from its directory before one is unpacked. A breach is refused at once, never
retried: a file only grows while it is written.
"""
from __future__ import annotations

import io
import os
import stat
import struct
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled, MalformedResult, TerminalUnavailable
from kiosk.qualification import schema, xmlsafe
from kiosk.qualification.errors import (
    NotARegularFile,
    ResultOutOfBounds,
    ResultTooLarge,
    TerminalFileLocked,
    TerminalFileVanished,
    TerminalFolderMissing,
    ZipTooManyMembers,
)

T = TypeVar("T")

if sys.platform == "win32":
    import ctypes
    import msvcrt
    from ctypes import wintypes

    _GENERIC_READ = 0x80000000
    _SHARE_ALL = 0x1 | 0x2 | 0x4  # FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE
    _OPEN_EXISTING = 3
    _FILE_ATTRIBUTE_NORMAL = 0x80
    _INVALID_HANDLE = wintypes.HANDLE(-1).value
    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _create_file = _kernel32.CreateFileW
    _create_file.argtypes = (wintypes.LPCWSTR, wintypes.DWORD, wintypes.DWORD, wintypes.LPVOID,
                             wintypes.DWORD, wintypes.DWORD, wintypes.HANDLE)
    _create_file.restype = wintypes.HANDLE

    def open_shared(path: Path) -> BinaryIO:
        """``path`` for reading, letting others read, write, rename and delete it meanwhile."""
        handle = _create_file(str(path), _GENERIC_READ, _SHARE_ALL, None, _OPEN_EXISTING, _FILE_ATTRIBUTE_NORMAL,
                              None)
        if handle == _INVALID_HANDLE:
            # WinError maps ERROR_FILE_NOT_FOUND to FileNotFoundError, sharing violations to PermissionError.
            raise ctypes.WinError(ctypes.get_last_error())
        try:
            descriptor = msvcrt.open_osfhandle(handle, os.O_RDONLY | os.O_BINARY)
        except OSError:
            _kernel32.CloseHandle(handle)
            raise
        return os.fdopen(descriptor, "rb")

else:

    def open_shared(path: Path) -> BinaryIO:
        """``path`` for reading; POSIX lets others write, rename and delete it meanwhile anyway."""
        return open(path, "rb")


def read_capped(path: Path, limit: int, *, head: bool = False) -> bytes:
    """The bytes of ``path``, looking at its size first: above ``limit`` it is ResultTooLarge before a byte is
    read (or, with ``head``, only the first ``limit`` bytes are returned). What is no plain file (a named pipe
    would block the open) is NotARegularFile. OSErrors pass through."""
    found = os.stat(path)
    if not stat.S_ISREG(found.st_mode):
        raise NotARegularFile(f"{path.name} is not a plain file")
    if found.st_size > limit and not head:
        raise ResultTooLarge(f"{found.st_size:,} bytes", f"{limit:,} bytes", path.name)
    with open_shared(path) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        if head:
            return data[:limit]
        raise ResultTooLarge("more bytes by the time it was read", f"{limit:,} bytes", path.name)
    return data


def require_folder(path: Path) -> Path:
    try:
        if path.is_dir():
            return path
    except OSError as error:
        raise TerminalFolderMissing(f"{path}: {error}") from None
    raise TerminalFolderMissing(str(path))


def list_names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except FileNotFoundError:
        raise TerminalFolderMissing(str(folder)) from None
    except OSError as error:
        raise TerminalUnavailable(f"cannot list {folder}: {error}") from None


def atomic_write(folder: Path, name: str, data: bytes) -> Path:
    """Write ``folder/name`` so that it appears whole or not at all."""
    require_folder(folder)
    target = folder / name
    temporary = folder / f".{name}.{os.getpid()}.tmp"
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except OSError as error:
        try:
            temporary.unlink(missing_ok=True)
        except OSError:
            pass
        if not folder.is_dir():
            raise TerminalFolderMissing(str(folder)) from None
        raise TerminalUnavailable(f"cannot write {target}: {error}") from None
    return target


def remove_quietly(path: Path) -> None:
    """Best effort: a file we no longer need (our unanswered request, an answer already read)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


_END_OF_DIRECTORY = b"PK\x05\x06"
_END_OF_DIRECTORY_SIZE = 22
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_LOCATOR_SIZE = 20
_ZIP64_END = b"PK\x06\x06"
_ZIP64_END_SIZE = 56
_DIRECTORY_BYTES_PER_MEMBER = 1024  # 46 fixed bytes, the name and a few extra fields
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError, struct.error)


def _directory(data: bytes) -> tuple[int, int]:
    """The member count and central directory size a zip declares at its end, found as :mod:`zipfile` finds
    them (the record at the very end, else the last one within the 64 kB a comment may take; a zip64 record
    just before it), so both are known before the directory is read. :mod:`zipfile` reads the whole directory
    whatever the count says, so its size is what bounds the work."""
    at = len(data) - _END_OF_DIRECTORY_SIZE
    if not data.startswith(_END_OF_DIRECTORY, max(at, 0)):
        at = data.rfind(_END_OF_DIRECTORY, max(0, at - (1 << 16)))
    if at < 0 or len(data) < at + _END_OF_DIRECTORY_SIZE:
        raise MalformedResult("bad zip answer: no end of central directory")
    members, size = struct.unpack_from("<HL", data, at + 10)
    locator = at - _ZIP64_LOCATOR_SIZE
    record = locator - _ZIP64_END_SIZE
    if record >= 0 and data.startswith(_ZIP64_LOCATOR, locator) and data.startswith(_ZIP64_END, record):
        members, size = struct.unpack_from("<QQ", data, record + 32)
    return int(members), int(size)


def xml_from_zip(data: bytes, name: str, limit: int) -> bytes:
    """The XML inside the ``.zip`` answer ``name`` (its same-stem member preferred), refusing an archive with
    more than ``ZIP_MAX_MEMBERS`` members or whose members together would unpack beyond ``limit`` bytes
    before any is unpacked."""
    most = xmlsafe.ZIP_MAX_MEMBERS
    members_limit = f"{most} members"
    try:
        declared, directory = _directory(data)
        if declared > most or directory > most * _DIRECTORY_BYTES_PER_MEMBER:
            raise ZipTooManyMembers(f"{declared:,} members in a directory of {directory:,} bytes declared",
                                    f"{members_limit} ({most * _DIRECTORY_BYTES_PER_MEMBER:,} directory bytes)",
                                    name)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > most:
                raise ZipTooManyMembers(f"{len(infos):,} members", members_limit, name)
            unpacked = sum(info.file_size for info in infos)
            if unpacked > limit:
                raise ResultTooLarge(f"its members would unpack to {unpacked:,} bytes", f"{limit:,} bytes", name)
            members = [info for info in infos if info.filename.lower().endswith(".xml")]
            if not members:
                raise MalformedResult(f"{name}: no XML file in the zip answer")
            members.sort(key=lambda info: not Path(info.filename).name.startswith(Path(name).stem))
            with archive.open(members[0]) as handle:
                # Bounded: read() inflates all the member holds at once, and only then cuts it to the size its
                # directory declares (a member that understates its size then fails its CRC).
                return handle.read(limit)
    except _ZIP_ERRORS as error:
        raise MalformedResult(f"{name}: bad zip answer: {error}") from None


def decode_file(path: Path, decode: Callable[[bytes], T], max_bytes: int) -> T:
    """Read ``path`` (a ``.zip`` is unpacked) within ``max_bytes`` and decode it, once. A breach of the limits
    names the file. OSErrors pass through."""
    try:
        data = read_capped(path, max_bytes)
        if path.suffix.lower() == schema.ZIP_SUFFIX:
            data = xml_from_zip(data, path.name, max_bytes)
        return decode(data)
    except ResultOutOfBounds as error:
        raise error.in_file(path.name) from None


def read_settled(
    path: Path,
    decode: Callable[[bytes], T],
    cancel: CancelToken,
    deadline: float,
    settle: float,
    poll: float,
    *,
    max_bytes: int = xmlsafe.MAX_BYTES,
) -> T:
    """Read and decode ``path`` within ``max_bytes`` (its family's; ``decode`` holds it to the family's node
    limits); while it is locked or does not decode and is younger than ``settle`` seconds (being written),
    try again; when it is gone, look once more. A breach of the limits is raised at once, any other failure
    once the file has settled."""
    looked_again = False
    while True:
        failure: Exception
        try:
            return decode_file(path, decode, max_bytes)
        except FileNotFoundError:
            if looked_again:
                raise TerminalFileVanished(f"{path.name} vanished before it could be read") from None
            looked_again = True
            if cancel.wait(poll):
                raise Cancelled() from None
            continue
        except (ResultOutOfBounds, NotARegularFile):
            raise
        except PermissionError as error:
            failure = TerminalFileLocked(f"{path.name}: {error}")
        except MalformedResult as error:
            failure = error
        except OSError as error:
            failure = TerminalUnavailable(f"{path.name}: {error}")
        try:
            age = time.time() - path.stat().st_mtime
        except OSError:
            age = 0.0  # locked so hard it cannot be looked at: give it the settle time
        if age >= settle or time.monotonic() >= deadline:
            raise failure
        if cancel.wait(poll):
            raise Cancelled()
