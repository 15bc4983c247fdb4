"""Named errors of the terminal gateway; each is a core error, so the flow can catch it by its base."""
from __future__ import annotations

from kiosk.core.errors import MalformedResult, QualificationError, TerminalUnavailable


class TerminalFolderMissing(TerminalUnavailable):
    """The shared folder (or one of req/res/face) is missing or cannot be listed: share down, path wrong."""

    code = "terminal_folder_missing"


class TerminalFileLocked(TerminalUnavailable):
    """An answer stayed locked or unreadable until the deadline."""

    code = "terminal_file_locked"


class TerminalFileVanished(TerminalUnavailable):
    """A file was gone when read, and again when read once more: on site the レセコン moves or deletes
    face files right after reading them, and a terminal may withdraw an answer."""

    code = "terminal_file_vanished"


class TerminalTimeout(TerminalUnavailable):
    """No answer before the deadline: the terminal is down, busy or does not know the request."""

    code = "terminal_timeout"


class RequestRejected(QualificationError):
    """The terminal answered with a ``.err`` file: it could not read or accept our request."""

    code = "request_rejected"


class CheckFailed(QualificationError):
    """The terminal read the request but the check ended abnormally (SegmentOfResult 9 / status 2)."""

    code = "check_failed"

    def __init__(self, error_code: str, message: str = "") -> None:
        super().__init__(f"{error_code} {message}".strip() or self.code)
        self.error_code = error_code
        self.error_message = message


class ResultOutOfBounds(MalformedResult):
    """A terminal file beyond one of its family's limits (docs/qualification.md, "Limits"). Refused at once:
    a file being written only grows, so waiting cannot bring it back within bounds.

    The parser sees bytes and the reader knows the name, so a breach found while parsing names its file
    when the reader re-raises it with :meth:`in_file`.
    """

    code = "result_out_of_bounds"

    def __init__(self, found: str, limit: str, file: str = "") -> None:
        self.found, self.limit, self.file = found, limit, file
        super().__init__(f"{file or 'a terminal file'}: {found}, beyond the limit of {limit}")

    def in_file(self, file: str) -> ResultOutOfBounds:
        return self if self.file else type(self)(self.found, self.limit, file)


class ResultTooLarge(ResultOutOfBounds):
    """More bytes than the family allows (by its size before reading, or a zip member's before unpacking)."""

    code = "result_too_large"


class ResultTooDeep(ResultOutOfBounds):
    code = "result_too_deep"


class ResultTooManyElements(ResultOutOfBounds):
    code = "result_too_many_elements"


class NumberTooLong(ResultOutOfBounds):
    """A number with more digits than its field has (checked before ``int()``, whose own limit is a ValueError)."""

    code = "number_too_long"


class ZipTooManyMembers(ResultOutOfBounds):
    code = "zip_too_many_members"


class NotARegularFile(MalformedResult):
    """A name in a terminal folder that is no plain file (a folder, a named pipe, a device): opening a pipe
    would wait for a writer forever."""

    code = "not_a_regular_file"


class NotAResult(MalformedResult):
    """Well-formed XML, but not a result file: another root, no header or body, or a request's body."""

    code = "not_a_result"


__all__ = [
    "CheckFailed",
    "MalformedResult",
    "NotARegularFile",
    "NotAResult",
    "NumberTooLong",
    "RequestRejected",
    "ResultOutOfBounds",
    "ResultTooDeep",
    "ResultTooLarge",
    "ResultTooManyElements",
    "TerminalFileLocked",
    "TerminalFileVanished",
    "TerminalFolderMissing",
    "TerminalTimeout",
    "TerminalUnavailable",
    "ZipTooManyMembers",
]
