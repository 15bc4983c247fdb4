"""The one interface between the card protocol and whatever carries the bytes (after Yubico yubikit)."""
from __future__ import annotations

from typing import Protocol

from kiosk.core.cancel import CancelToken


class SmartCardConnection(Protocol):
    def send_and_receive(
        self, apdu: bytes, *, timeout: float, cancel: CancelToken | None = None
    ) -> tuple[bytes, int]:
        """Send one command APDU; return the response data and the status word.

        Raises CardRemoved, ReaderGone, CardTimeout (nothing within ``timeout`` seconds), Cancelled or
        UnexpectedResponse (fewer than two bytes came back). Never raises on a status word.
        """

    def close(self) -> None:
        """Disconnect, resetting the card so no verified PIN outlives the session."""
