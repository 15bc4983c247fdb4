"""The outbox folder: each file appears whole or not at all, and a reception is written only once.

A write goes through :func:`kiosk.qualification.folders.atomic_write` (a hidden temporary name in the same
folder, flushed, then renamed), so the レセコン never picks up half a record.
"""
from __future__ import annotations

import os
from pathlib import Path

from kiosk.core.errors import TerminalUnavailable
from kiosk.outbox.errors import OutboxUnwritable
from kiosk.qualification.folders import atomic_write


class Outbox:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def existing(self, prefix: str, suffix: str) -> str | None:
        """The name of a finished file ``prefix…suffix``, if one was written already."""
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return None
        except OSError as error:
            raise OutboxUnwritable(f"cannot list {self.folder}: {error}") from None
        return next((n for n in sorted(names) if n.startswith(prefix) and n.endswith(suffix)), None)

    def write(self, name: str, data: bytes) -> Path:
        """Create the folder when it is missing (a fresh install), then write ``name`` atomically."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OutboxUnwritable(f"cannot create {self.folder}: {error}") from None
        try:
            return atomic_write(self.folder, name, data)
        except TerminalUnavailable as error:  # atomic_write names its failures for the terminal's folders
            raise OutboxUnwritable(str(error)) from None
