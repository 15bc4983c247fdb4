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
from typing import Protocol

from kiosk.store.errors import KeyFileUnsafe, StoreError

KEY_BYTES = 32


class KeyProvider(Protocol):
    description: str  # where the key is, for error messages

    def load(self) -> bytes | None: ...

    def create(self, key: bytes | None = None) -> bytes:
        """Make (or, given ``key``, take: the clinic's key received by pairing, kiosk.staff.clinic_key), store
        and return a new key; never overwrites an existing one."""


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
        """Written to a temporary file, synced, then linked into place: a crash leaves either no key
        file or a whole one, never an empty key file that would keep the store from ever opening."""
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        key = _given_or_new(key)
        temporary = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(key.hex().encode("ascii") + b"\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.link(temporary, self.path)  # unlike rename, never replaces an existing key
        except FileExistsError as exc:
            raise StoreError(f"{self.path} already exists; refusing to replace a key") from exc
        finally:
            temporary.unlink(missing_ok=True)
        _sync_directory(self.path.parent)
        return key


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


def _sync_directory(path: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
