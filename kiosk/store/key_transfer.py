"""Moving the store key to a replacement PC: ``kiosk store key export`` on the old one, ``import`` on the new.

The export seals the key with a passphrase (:mod:`kiosk.store.sealed_key`) into a new file, written
atomically and owner-only, and audits ``store_key_exported`` (who, the file's name; never the key or the
passphrase). The import opens such a file, checks that the key really opens this kiosk's store or one of its
backups before keeping anything, and stores it with the configured provider (DPAPI on Windows, the key
file or the keyring elsewhere), through the provider's own ``create``. A key already there that opens the
store or a backup is replaced only when asked to, and never deleted: it is set aside beside itself. One
that does not (another Windows account's DPAPI file, a damaged file, a key of no store here) is set aside
without asking. The import is audited as ``store_key_imported`` in the store, whichever key opens it.
"""
from __future__ import annotations

import hmac
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.store import backup, faults
from kiosk.store.atomic_write import write_atomically
from kiosk.store.cipher import FieldCipher
from kiosk.store.errors import (
    BackupUnreadable,
    KeyFileUnsafe,
    KeyNotForThisAccount,
    StoreCorrupt,
    WrongKey,
)
from kiosk.store.keys import KeyProvider, ReplaceableKeyProvider
from kiosk.store.sealed_key import SIZE, KeyTransferError, seal, unseal

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.store.store import Store


class KeyExportExists(KeyTransferError):
    """The file to export to is there already: an export never writes over a file."""

    code = "store_key_export_exists"


class KeyNotForThisStore(KeyTransferError):
    """The key in the file opens neither this kiosk's store nor any of its backups."""

    code = "store_key_not_for_this_store"


class NothingToCheckKey(KeyTransferError):
    """Neither a store nor a backup is here to prove the key against: it is not kept unproven."""

    code = "store_key_nothing_to_check"


class KeyInUse(KeyTransferError):
    """This kiosk already holds another key that opens its store or a backup; ``--replace`` sets it aside."""

    code = "store_key_in_use"


# --- export ---------------------------------------------------------------------------------------------


def export_key(store: Store, keys: KeyProvider, target: Path, passphrase: str, actor: str) -> None:
    """Seal ``keys``' key (the one ``store`` was opened with) into the new file ``target`` and audit it as
    ``actor``'s. An export that cannot be audited is removed again."""
    key = keys.load()
    if key is None:
        raise KeyTransferError(f"no store key to export ({keys.description})")
    check_target(target)
    data = seal(key, passphrase)
    try:
        write_atomically(target, lambda handle: handle.write(data), replace=False)
    except FileExistsError:
        raise _exists(target) from None
    except FileNotFoundError:
        raise KeyTransferError(f"there is no folder {target.parent}: name a file in a folder that exists") from None
    except OSError as exc:
        raise faults.os_error(exc, target) from exc
    try:
        store.audit(actor, "store_key_exported", f"file={_word(target.name)}")
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def check_target(target: Path) -> None:
    """:class:`KeyExportExists` when ``target`` is taken: said before any password is asked for."""
    if target.exists() or target.is_symlink():
        raise _exists(target)


def _exists(target: Path) -> KeyExportExists:
    return KeyExportExists(f"{target} already exists: name a new file (an export never writes over one)")


# --- import ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Imported:
    checked: str  # what the key was proven against: "store", or "backup:<file name>"
    where: str  # the key provider's description
    aside: str = ""  # where the key that was here went ("" when there was none)
    unchanged: bool = False  # this kiosk held that key already: nothing was done
    audited: bool = True  # False: no store here takes an audit row (none, or a damaged one)

    @property
    def restore_next(self) -> bool:
        """The key opens the backups, not a store here: restoring one comes next."""
        return self.checked != "store"


def import_key(config: Config, keys: KeyProvider, source: Path, passphrase: str, actor: str, *,
               replace: bool = False) -> Imported:
    """Open the sealed key ``source`` with ``passphrase``, prove it against this kiosk's store or backups and
    keep it with ``keys``. Raises the file's errors (:mod:`kiosk.store.sealed_key`), :class:`KeyNotForThisStore`,
    :class:`NothingToCheckKey` or :class:`KeyInUse` before anything changes."""
    key = unseal(_read(source), passphrase, str(source))
    current, state = _current(keys)
    if current is not None and hmac.compare_digest(current, key):
        return Imported(checked="store", where=keys.description, unchanged=True, audited=False)
    here = _Here.of(config)
    checked = here.opens(key)
    if not checked:
        raise _not_this_store(here, source)
    current_opens = here.opens(current) if current is not None else ""
    if current_opens:
        if not replace:
            raise KeyInUse(
                f"this kiosk's key ({keys.description}) opens its {_what(current_opens)}, and the key in {source} "
                f"is another one (it opens the {_what(checked)}). Nothing was changed. If the store here is the "
                "one to give up (a fresh install, before restoring the old PC's backups), import again with "
                "--replace: the key here is kept aside, not deleted"
            )
        state = "in_use"
    detail = f"file={_word(source.name)} checked={_word(checked)} replaced={state}"
    audited = False
    if current is not None and current_opens == "store" and checked != "store":
        # The store here opens only with the key being replaced: its own audit says so now, or never.
        audited = _audit(config, _GivenKey(current), actor, detail)
    aside = _switch(keys, key, source, occupied=state != "none")
    if checked == "store":
        audited = _audit(config, keys, actor, detail)
    return Imported(checked=checked, where=keys.description, aside=aside, audited=audited)


def _read(source: Path) -> bytes:
    try:
        with open(source, "rb") as handle:
            return handle.read(SIZE + 1)  # a longer file is no key file; a backup named by mistake is not read whole
    except FileNotFoundError:
        raise KeyTransferError(f"there is no file {source}: name the file `kiosk store key export` wrote") from None
    except IsADirectoryError:
        raise KeyTransferError(f"{source} is a folder: name the file `kiosk store key export` wrote") from None
    except OSError as exc:
        raise KeyTransferError(f"cannot read {source}: {exc.strerror or exc}") from exc


def _current(keys: KeyProvider) -> tuple[bytes | None, str]:
    """The key here and what state it is in, for the audit: none, unsafe, other_account or unused (so far)."""
    try:
        current = keys.load()
    except KeyNotForThisAccount:
        return None, "other_account"
    except KeyFileUnsafe:
        return None, "unsafe"
    return current, "none" if current is None else "unused"


def _switch(keys: KeyProvider, key: bytes, source: Path, *, occupied: bool) -> str:
    """The key here (when ``occupied``) set aside, ``key`` stored and read back; where the old one went."""
    aside = ""
    if occupied:
        if not isinstance(keys, ReplaceableKeyProvider):
            raise KeyTransferError(f"{keys.description} cannot set its key aside for another")
        aside = keys.set_aside(datetime.now().strftime("%Y%m%d-%H%M%S"))
    try:
        keys.create(key)
        stored = keys.load()
    except Exception as exc:
        kept = f"; the key that was here is kept as {aside}" if aside else ""
        raise KeyTransferError(f"the key from {source} could not be stored ({exc}){kept}") from exc
    if stored is None or not hmac.compare_digest(stored, key):
        raise KeyTransferError(f"{keys.description} does not give back the key just stored from {source}")
    return aside


def _audit(config: Config, keys: KeyProvider, actor: str, detail: str) -> bool:
    """``store_key_imported`` in the store ``keys`` opens; False when it is damaged (read-only: the restore
    that must follow is audited instead)."""
    from kiosk.store.store import Store

    with Store.open(config.database_path, keys, create=False, backup_dir=config.backups) as store:
        if store.damage:
            return False
        store.audit(actor, "store_key_imported", detail)
    return True


def _not_this_store(here: _Here, source: Path) -> KeyTransferError:
    if not here.store and not here.backups:
        where = f"{here.folder}" + (f" or {here.mirror}" if here.mirror else "")
        return NothingToCheckKey(
            f"there is neither a store at {here.database} nor a backup in {where} to check the key from {source} "
            "against, so it was not kept: copy the old PC's backups into backup_dir (or set backup_dir to "
            "where they are), then import again"
        )
    found = ([f"the store {here.database}"] if here.store else []) + (
        [f"{len(here.backups)} backup(s)"] if here.backups else [])
    return KeyNotForThisStore(
        f"the key in {source} opens none of what is here ({' and '.join(found)}): it is another kiosk's or "
        "another store's key. Nothing was changed. Import the file exported from this kiosk's old PC, or point "
        "data_dir / backup_dir at that kiosk's store and backups"
    )


def _what(checked: str) -> str:
    return "store" if checked == "store" else f"backup {checked.removeprefix('backup:')}"


def _word(text: str) -> str:
    """A file name as one word of an audit detail (``key=value`` pairs separated by spaces)."""
    return "_".join(text.split()) or "-"


@dataclass
class _GivenKey:
    """A key in hand, for opening the store with it; it never makes one (a store with a schema needs none)."""

    key: bytes = field(repr=False)
    description: str = "the key being imported"

    def load(self) -> bytes | None:
        return self.key

    def create(self, key: bytes | None = None) -> bytes:
        raise KeyTransferError("a key being checked never makes a new one")


@dataclass(frozen=True)
class _Here:
    """This kiosk's store (when it holds a schema) and backups, to prove a key against."""

    database: Path
    folder: Path
    mirror: Path | None
    store: bool
    backups: tuple[Path, ...]

    @classmethod
    def of(cls, config: Config) -> _Here:
        found = tuple(backup.newest_first(config.backups, config.backup_mirror_dir))
        return cls(config.database_path, config.backups, config.backup_mirror_dir,
                   _has_schema(config.database_path), found)

    def opens(self, key: bytes) -> str:
        """What ``key`` opens here: "store", "backup:<name>" (the newest it opens), or ""."""
        if self.store and self._opens_store(key):
            return "store"
        aead = FieldCipher(key).backup_aead
        for candidate in self.backups:
            try:
                if backup.opens_with(aead, candidate):
                    return f"backup:{candidate.name}"
            except (BackupUnreadable, OSError):
                continue  # not a backup after all, or unreadable: the others may still say
        return ""

    def _opens_store(self, key: bytes) -> bool:
        from kiosk.store.store import Store

        try:
            Store.open(self.database, _GivenKey(key), create=False, backup_dir=self.folder).close()
        except WrongKey:
            return False
        except StoreCorrupt:  # a store SQLite cannot read proves nothing; its backups still can
            return False
        return True


def _has_schema(path: Path) -> bool:
    """A store is there (not a missing, empty or unreadable file): peeked at read-only, so that opening it
    with a key being checked never makes one."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return False
        conn = sqlite3.connect(path.absolute().as_uri() + "?mode=ro", uri=True, timeout=15)
    except (OSError, sqlite3.Error):
        return False
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0]) > 0
    except (sqlite3.Error, UnicodeDecodeError):
        return False
    finally:
        conn.close()
