"""Staff sign-in at the kiosk itself (the hidden entry): the store's staff accounts, or a fixed list."""
from __future__ import annotations

import logging

from kiosk.store.errors import StaffAuthError

log = logging.getLogger(__name__)


class AccountsSignIn:
    """The clinic's staff accounts: scrypt-hashed, locked after repeated failures, every try audited."""

    def __init__(self, accounts) -> None:
        self._accounts = accounts

    def names(self) -> list[str]:
        return [a.username for a in self._accounts.accounts() if not a.locked]

    def verify(self, name: str, pin: str) -> str | None:
        try:
            return self._accounts.authenticate(name, pin).username
        except StaffAuthError as exc:  # wrong PIN, locked, unknown: the store has counted and audited it
            log.info("kiosk staff sign-in refused for %s: %s", name, exc.code)
            return None


class FixedSignIn:
    """One known account, for screenshots and screen tests that run without a store."""

    def __init__(self, name: str, pin: str) -> None:
        self._name, self._pin = name, pin

    def names(self) -> list[str]:
        return [self._name]

    def verify(self, name: str, pin: str) -> str | None:
        return self._name if (name, pin) == (self._name, self._pin) else None
