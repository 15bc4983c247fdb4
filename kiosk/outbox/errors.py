"""Named failures of the outbox; the flow logs them as a failed save of the reception."""
from __future__ import annotations

from kiosk.core.errors import StoreError


class OutboxUnwritable(StoreError):
    """The outbox folder cannot be created or written (a file in its place, no permission, disk full)."""

    code = "outbox_unwritable"
