"""The store's time stamps: one format for every row, sortable as text."""
from __future__ import annotations

from datetime import datetime


def when(value: datetime) -> str:
    return value.isoformat(timespec="microseconds")
