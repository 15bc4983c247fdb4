"""Named failures of the local store. None of them is ever answered by starting a fresh, empty store."""
from __future__ import annotations

from kiosk.core.errors import KioskError, StoreError


class KeyMissing(StoreError):
    """The database holds data but its key is not where the key provider looks."""

    code = "store_key_missing"


class WrongKey(StoreError):
    """A key was found but it is not the one this database was written with."""

    code = "store_wrong_key"


class KeyFileUnsafe(StoreError):
    """The key file can be read by other users, or is not a key at all."""

    code = "store_key_unsafe"


class StoreCorrupt(StoreError):
    """The file is not a kiosk store, fails SQLite's integrity check, or a sealed field fails to open."""

    code = "store_corrupt"


class StoreTooNew(StoreError):
    """The database was migrated by a newer kiosk; this one must not write to it."""

    code = "store_too_new"


class NotFound(StoreError):
    code = "store_not_found"


class StaffAuthError(KioskError):
    code = "staff_auth_failed"


class BadCredentials(StaffAuthError):
    code = "staff_bad_credentials"

    def __init__(self, tries_left: int, detail: str = "") -> None:
        super().__init__(detail or f"wrong user name or password, {tries_left} tries left")
        self.tries_left = tries_left


class AccountLocked(StaffAuthError):
    code = "staff_account_locked"


class NotPermitted(StaffAuthError):
    code = "staff_not_permitted"
