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


class KeyNotForThisAccount(StoreError):
    """The DPAPI key file was protected by another Windows account or on another PC (or is damaged):
    only that account there can open it. Never answered with a new key, which would not open the store."""

    code = "store_key_other_account"


class KeyProviderUnavailable(StoreError):
    """The configured key provider cannot work here (``dpapi`` off Windows, where there is no crypt32)."""

    code = "store_key_provider_unavailable"


class StoreCorrupt(StoreError):
    """The file is not a kiosk store, fails SQLite's integrity check, or a sealed field fails to open."""

    code = "store_corrupt"


class StoreTooNew(StoreError):
    """The database was migrated by a newer kiosk; this one must not write to it."""

    code = "store_too_new"


class NotFound(StoreError):
    code = "store_not_found"


class RecheckUnknown(NotFound):
    """No re-check with that id in this kiosk's store."""

    code = "recheck_unknown"


class RecheckHasNumbers(StoreError):
    """The re-check already has its insurance numbers (another member of staff entered them, or the bill
    carried them): they are not typed over."""

    code = "recheck_has_numbers"


class RecheckFinished(StoreError):
    """The re-check has already run."""

    code = "recheck_finished"


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


# --- faults of the file, the folder and the disk: each message says what to do -----------------------


class StoreMissing(StoreError):
    """This kiosk had a store (its marker or a backup says so) and the file is now gone or empty.
    Receptions stop until it is restored: a fresh store would silently lose every 申立書 and re-check."""

    code = "store_missing"


class StoreDamaged(StoreError):
    """SQLite's integrity check fails: the store is open read-only, every write is refused."""

    code = "store_damaged"


class StoreDiskFull(StoreError):
    """The disk holding the store (or its backups) is full. Nothing is damaged: never restore over it."""

    code = "store_disk_full"


class StorePathInvalid(StoreError):
    """A folder stands where the store file should be, or a file where a folder should be."""

    code = "store_path_invalid"


class StoreNoAccess(StoreError):
    """The kiosk may not write in the store's folder (permissions, a read-only disk)."""

    code = "store_no_access"


class StoreDiskError(StoreError):
    """The disk reported a read or write error."""

    code = "store_disk_error"


class StoreInUse(StoreError):
    """A kiosk (or a ``kiosk store`` command) has the store open, or a restore is running."""

    code = "store_in_use"


class BackupError(StoreError):
    code = "store_backup_failed"


class BackupMirrorFailed(BackupError):
    """The backup was made in ``backup_dir`` but its copy into ``backup_mirror_dir`` (the other disk) was not."""

    code = "store_backup_mirror_failed"


class BackupUnreadable(BackupError):
    """A backup file that is not one, was sealed with another key, or is damaged."""

    code = "store_backup_unreadable"


class NoBackup(BackupError):
    """No backup to restore from."""

    code = "store_no_backup"
