"""The store key sealed with a passphrase, to carry it to a replacement PC (``kiosk store key export|import``).

A DPAPI key file opens only for its Windows account on its PC; this file opens anywhere, for whoever has
the passphrase, so the passphrase is held to a minimum and the key derived from it is made expensive to
guess: scrypt with N=2**17, r=8, p=1 (128 MiB, about half a second), then AES-256-GCM. Format, version 1::

    header   = b"KIOSKKEY" | version (1) | KDF (1: scrypt) | log2 N (1) | r (1) | p (1) | salt (16) | nonce (12)
    sealed   = AES-256-GCM(scrypt(passphrase, salt, N, r, p), nonce, the 32-byte key, associated data = header)
    checksum = SHA-256(header | sealed)

Everything is in the file but the passphrase: its KDF parameters can be raised later and older files still
open. The checksum is keyless and proves nothing (the tag does that); it only tells a damaged or cut file
(use another copy) from a wrong passphrase (type it again), which the tag alone cannot.
"""
from __future__ import annotations

import hashlib
import os
import unicodedata

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.store.errors import StoreError
from kiosk.store.keys import KEY_BYTES

MAGIC = b"KIOSKKEY"
FORMAT_VERSION = 1
SCRYPT = 1
LOG2_N, R, P = 17, 8, 1
MIN_PASSPHRASE = 12
MIN_DISTINCT = 6  # "aaaaaaaaaaaa" and "abcabcabcabc" are long enough and guessed at once
SUFFIX = ".kioskkey"

_SALT, _NONCE, _TAG, _CHECKSUM = 16, 12, 16, 32
_HEADER = len(MAGIC) + 5 + _SALT + _NONCE
SIZE = _HEADER + KEY_BYTES + _TAG + _CHECKSUM
# A file's KDF parameters are read from it: bounded, so that a crafted file cannot ask for gigabytes (up to
# four times today's memory, for a later version to raise the cost into).
_LOG2_N_RANGE, _R_RANGE, _P_RANGE = range(14, 21), range(1, 17), range(1, 5)
_MAX_MEMORY = 512 << 20


class KeyTransferError(StoreError):
    code = "store_key_transfer_failed"


class WeakPassphrase(KeyTransferError):
    """The transfer passphrase is too short or too easy to guess: the file would open for anyone who guesses it."""

    code = "store_key_passphrase_weak"


class PassphrasesDiffer(KeyTransferError):
    code = "store_key_passphrases_differ"


class WrongPassphrase(KeyTransferError):
    """The file is whole but does not open with the passphrase given."""

    code = "store_key_passphrase_wrong"


class KeyExportDamaged(KeyTransferError):
    """Not a sealed key file, or one that was cut short or changed since it was written."""

    code = "store_key_export_damaged"


class KeyExportVersion(KeyTransferError):
    """A sealed key file of a format version this kiosk does not read."""

    code = "store_key_export_version"


def check_passphrase(passphrase: str, *, not_like: str = "") -> None:
    """:class:`WeakPassphrase` unless ``passphrase`` is long and varied enough and is not ``not_like`` (the
    admin's password: whoever learns it must not have the key as well)."""
    text = _normal(passphrase)
    if len(text) < MIN_PASSPHRASE:
        raise WeakPassphrase(
            f"the transfer passphrase needs at least {MIN_PASSPHRASE} characters (it has {len(text)}): "
            "a few words that go together only for you are best"
        )
    if len(set(text)) < MIN_DISTINCT:
        raise WeakPassphrase(
            f"the transfer passphrase repeats too few characters (it needs at least {MIN_DISTINCT} different "
            "ones): choose one that is not a pattern"
        )
    if not_like and text == _normal(not_like):
        raise WeakPassphrase("the transfer passphrase must not be the admin's password: choose another one")


def seal(key: bytes, passphrase: str) -> bytes:
    """The sealed key file's bytes, with a fresh salt and nonce."""
    if len(key) != KEY_BYTES:
        raise KeyTransferError(f"a store key has {KEY_BYTES} bytes, not {len(key)}")
    salt, nonce = os.urandom(_SALT), os.urandom(_NONCE)
    header = MAGIC + bytes([FORMAT_VERSION, SCRYPT, LOG2_N, R, P]) + salt + nonce
    sealed = AESGCM(_derive(passphrase, salt, LOG2_N, R, P)).encrypt(nonce, key, header)
    return header + sealed + hashlib.sha256(header + sealed).digest()


def unseal(data: bytes, passphrase: str, where: str) -> bytes:
    """The store key in ``data`` (the file ``where``), or the named error saying what is wrong with it."""
    if not data.startswith(MAGIC):
        raise KeyExportDamaged(
            f"{where} is not a kiosk key file (one that `kiosk store key export` writes): name the right file"
        )
    version = data[len(MAGIC)] if len(data) > len(MAGIC) else None
    if version is None or (version == FORMAT_VERSION and len(data) != SIZE):
        raise KeyExportDamaged(
            f"{where} was cut short or added to ({len(data)} bytes, not {SIZE}): use another copy of it, "
            "or export the key again on the old PC"
        )
    if version != FORMAT_VERSION:
        raise KeyExportVersion(
            f"{where} is a key file of format {version}; this kiosk reads format {FORMAT_VERSION}: import it "
            "with the kiosk version that exported it, or export the key again with this one"
        )
    body, checksum = data[:-_CHECKSUM], data[-_CHECKSUM:]
    if hashlib.sha256(body).digest() != checksum:
        raise KeyExportDamaged(
            f"{where} is damaged (its checksum does not match): use another copy of it, or export the key again "
            "on the old PC"
        )
    kdf, log2_n, r, p = body[len(MAGIC) + 1 : len(MAGIC) + 5]
    if kdf != SCRYPT or log2_n not in _LOG2_N_RANGE or r not in _R_RANGE or p not in _P_RANGE \
            or (128 * r << log2_n) > _MAX_MEMORY:
        raise KeyExportVersion(
            f"{where} asks for a key derivation this kiosk does not use (kdf {kdf}, N=2**{log2_n}, r={r}, p={p}): "
            "export the key again with this kiosk version"
        )
    salt = body[len(MAGIC) + 5 : len(MAGIC) + 5 + _SALT]
    header, sealed = body[:_HEADER], body[_HEADER:]
    try:
        return AESGCM(_derive(passphrase, salt, log2_n, r, p)).decrypt(header[-_NONCE:], sealed, header)
    except InvalidTag:
        raise WrongPassphrase(
            f"the passphrase does not open {where}: type the one given when the key was exported (letters, "
            "spaces and width as typed then)"
        ) from None


def _derive(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    n = 1 << log2_n
    # OpenSSL refuses scrypt above maxmem (32 MiB unless told): what N, r and p need (128·r·(N + p + 2)), and some.
    return hashlib.scrypt(_normal(passphrase).encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32,
                          maxmem=128 * r * (n + p + 2) + (1 << 20))


def _normal(passphrase: str) -> str:
    """NFC: the same passphrase typed through another IME, or on another PC's keyboard, is the same bytes."""
    return unicodedata.normalize("NFC", passphrase)
