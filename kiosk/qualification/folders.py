"""File operations on the terminal's shared folders, each turning a failure into a named error.

Writes are atomic: the bytes go to a hidden ``.tmp`` name in the same folder, are flushed, then renamed,
so a reader (the terminal, the レセコン) never sees half a file. Reads tolerate the other side writing in
place: a file that is locked or does not parse yet is retried while it is younger than ``settle``
seconds, then it is an error.
"""
from __future__ import annotations

import io
import os
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled, MalformedResult, TerminalUnavailable
from kiosk.qualification import xmlsafe
from kiosk.qualification.errors import TerminalFileLocked, TerminalFolderMissing

T = TypeVar("T")


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


def xml_from_zip(data: bytes, preferred_stem: str) -> bytes:
    """The XML inside a ``.zip`` answer, refusing archives that would unpack beyond the size limit."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [info for info in archive.infolist() if info.filename.lower().endswith(".xml")]
            if not members:
                raise MalformedResult("no XML file in the zip answer")
            members.sort(key=lambda info: not Path(info.filename).name.startswith(preferred_stem))
            member = members[0]
            if member.file_size > xmlsafe.MAX_BYTES:
                raise MalformedResult(f"zip member too large: {member.file_size} bytes")
            return archive.read(member)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, ValueError) as error:
        raise MalformedResult(f"bad zip answer: {error}") from None


def read_settled(
    path: Path,
    decode: Callable[[bytes], T],
    cancel: CancelToken,
    deadline: float,
    settle: float,
    poll: float,
) -> T:
    """Read and decode ``path``; while it is locked or does not decode and is younger than ``settle``
    seconds (being written), try again. Raises the named error of the last failure."""
    while True:
        failure: Exception
        try:
            data = path.read_bytes()
            if path.suffix.lower() == ".zip":
                data = xml_from_zip(data, path.stem)
            return decode(data)
        except FileNotFoundError:
            raise TerminalUnavailable(f"{path.name} vanished before it could be read") from None
        except PermissionError as error:
            failure = TerminalFileLocked(f"{path.name}: {error}")
        except IsADirectoryError:
            raise TerminalUnavailable(f"{path.name} is a folder") from None
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
