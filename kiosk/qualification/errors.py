"""Named errors of the terminal gateway; each is a core error, so the flow can catch it by its base."""
from __future__ import annotations

from kiosk.core.errors import MalformedResult, QualificationError, TerminalUnavailable


class TerminalFolderMissing(TerminalUnavailable):
    """The shared folder (or one of req/res/face) is missing or cannot be listed: share down, path wrong."""

    code = "terminal_folder_missing"


class TerminalFileLocked(TerminalUnavailable):
    """An answer stayed locked or unreadable until the deadline."""

    code = "terminal_file_locked"


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


class ResultTooLarge(MalformedResult):
    code = "result_too_large"


__all__ = [
    "CheckFailed",
    "MalformedResult",
    "RequestRejected",
    "ResultTooLarge",
    "TerminalFileLocked",
    "TerminalFolderMissing",
    "TerminalTimeout",
    "TerminalUnavailable",
]
