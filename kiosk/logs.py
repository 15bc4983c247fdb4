"""Logging set-up. Logs may reach IT support, so a last filter redacts what must never be logged.

The code never passes a PIN or the individual number to a logger; the filter is the second line of
defence: any run of 12 digits (the shape of an individual number) is masked before a record is written.
APDU traffic logs at TRACE, below DEBUG, with VERIFY data masked by the card adapter.
"""
from __future__ import annotations

import logging
import re

TRACE = 5
logging.addLevelName(TRACE, "TRACE")

_TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")


def redact_individual_numbers(text: str) -> str:
    """``text`` with every run of exactly 12 digits (the shape of an individual number) masked."""
    return _TWELVE_DIGITS.sub("************", text)


class RedactingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_individual_numbers(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


def configure(level: str = "WARNING") -> None:
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper() if isinstance(level, str) else level)
