"""Where the store's 256-bit key lives: never inside the database.

A :class:`KeyProvider` loads the key (``None`` when there is none yet) or creates one. Two are here:

- :class:`KeyringKeyProvider`: the OS keyring (Secret Service, macOS Keychain, Windows Credential
  Locker) through the optional ``keyring`` package;
- :class:`FileKeyProvider`: a key file with mode 0600 in a 0700 key directory.

On Windows the production choice (and the default) is :class:`kiosk.store.dpapi.DpapiKeyProvider`: a
key file whose content is ``CryptProtectData(key)`` bound to the kiosk's Windows account.
"""
from __future__ import annotations

import os
import secrets
import stat
import sys
from pathlib import Path
from typing import Protocol, runtime_checkable

from kiosk.store import faults
from kiosk.store.atomic_write import sync_directory, write_atomically
from kiosk.store.errors import KeyFileUnsafe, StoreError

KEY_BYTES = 32


class KeyProvider(Protocol):
    description: str  # where the key is, for error messages

    def load(self) -> bytes | None: ...

    def create(self, key: bytes | None = None) -> bytes:
        """Make (or, given ``key``, take: the clinic's key received by pairing, kiosk.staff.clinic_key), store
        and return a new key; never overwrites an existing one."""


@runtime_checkable
class ReplaceableKeyProvider(KeyProvider, Protocol):
    """A provider whose key can be moved out of the way for another (``kiosk store key import --replace``)."""

    def set_aside(self, stamp: str) -> str:
        """Keep the key under another name (never delete it), so that :meth:`create` stores a new one; says
        where it went, "" when there was none."""


class FileKeyProvider:
    def __init__(self, key_dir: Path, name: str = "store.key") -> None:
        self.path = key_dir / name
        self.description = f"key file {self.path}"

    def load(self) -> bytes | None:
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        with os.fdopen(fd, "rb") as handle:
            if sys.platform != "win32" and stat.S_IMODE(os.fstat(handle.fileno()).st_mode) & 0o077:
                raise KeyFileUnsafe(f"{self.path} is readable by other users: chmod 600 it")
            return _parse(handle.read(), self.description)

    def create(self, key: bytes | None = None) -> bytes:
        """Written atomically (:func:`kiosk.store.atomic_write.write_atomically`): a crash leaves either no key
        file or a whole one, never an empty key file that would keep the store from ever opening."""
        key = _given_or_new(key)
        write_key_file(self.path, key.hex().encode("ascii") + b"\n")
        return key

    def set_aside(self, stamp: str) -> str:
        return set_key_file_aside(self.path, stamp)


class KeyringKeyProvider:
    def __init__(self, service: str = "kiosk", username: str = "store-key") -> None:
        import keyring  # optional dependency: only imported when this provider is chosen

        self._keyring = keyring
        self._service = service
        self._username = username
        self.description = f"OS keyring entry {service}/{username}"

    def load(self) -> bytes | None:
        value = self._keyring.get_password(self._service, self._username)
        return None if value is None else _parse(value.encode("ascii"), self.description)

    def create(self, key: bytes | None = None) -> bytes:
        if self._keyring.get_password(self._service, self._username) is not None:
            raise StoreError(f"{self.description} already exists; refusing to replace a key")
        key = _given_or_new(key)
        self._keyring.set_password(self._service, self._username, key.hex())
        return key

    def set_aside(self, stamp: str) -> str:
        value = self._keyring.get_password(self._service, self._username)
        if value is None:
            return ""
        kept = f"{self._username}.replaced-{stamp}"
        self._keyring.set_password(self._service, kept, value)  # kept first: never a moment with neither
        self._keyring.delete_password(self._service, self._username)
        return f"OS keyring entry {self._service}/{kept}"


def keyring_usable() -> bool:
    """A real OS keyring is there (not keyring's fail or null backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def provider_for(kind: str, key_dir: Path) -> KeyProvider:
    """``kind`` is the config's ``key_provider``: auto, keyring, file or dpapi."""
    if kind == "dpapi":
        from kiosk.store.dpapi import DpapiKeyProvider  # imports this module: imported when chosen

        return DpapiKeyProvider(key_dir)
    if kind == "keyring" or (kind == "auto" and keyring_usable()):
        try:
            return KeyringKeyProvider()
        except ImportError as exc:
            raise StoreError("key_provider is keyring but the keyring package is not installed") from exc
    return FileKeyProvider(key_dir)


def write_key_file(path: Path, content: bytes) -> None:
    """A new key file, 0600 in a 0700 folder, whole or not at all; an existing key file is never replaced."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        write_atomically(path, lambda handle: handle.write(content), replace=False)
    except FileExistsError as exc:
        raise StoreError(f"{path} already exists; refusing to replace a key") from exc


def set_key_file_aside(path: Path, stamp: str) -> str:
    """The key file renamed ``<name>.replaced-<stamp>`` beside it, never deleted; "" when there is none."""
    if not path.exists():
        return ""
    kept = path.with_name(f"{path.name}.replaced-{stamp}")
    if kept.exists():
        raise StoreError(f"{kept} is in the way of setting {path} aside: move it elsewhere, then try again")
    try:
        os.rename(path, kept)
    except OSError as exc:
        raise faults.os_error(exc, path) from exc
    sync_directory(path.parent)
    return str(kept)


def _given_or_new(key: bytes | None) -> bytes:
    if key is None:
        return secrets.token_bytes(KEY_BYTES)
    if len(key) != KEY_BYTES:
        raise KeyFileUnsafe(f"a store key has {KEY_BYTES} bytes, not {len(key)}")
    return key


def _parse(raw: bytes, where: str) -> bytes:
    try:
        key = bytes.fromhex(raw.decode("ascii").strip())
    except (UnicodeDecodeError, ValueError):
        key = b""
    if len(key) != KEY_BYTES:
        raise KeyFileUnsafe(f"{where} does not hold a {KEY_BYTES}-byte key")
    return key
