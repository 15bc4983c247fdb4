"""The store key on Windows: a key file whose content is ``CryptProtectData(key)``.

DPAPI seals the key with a master key of the Windows account the kiosk runs as (user scope, never
``CRYPTPROTECT_LOCAL_MACHINE``, which would let every account on the PC open it): a copy of the key folder
is useless on another PC or under another account, and nothing but the kiosk's own logon unlocks it. The
entropy names the kiosk, so another program of that account calling ``CryptUnprotectData`` on the file
without it gets nothing either. ``CRYPTPROTECT_UI_FORBIDDEN``: a kiosk has nobody to answer a prompt.

The crypt32 functions come in through :class:`DpapiFunctions`, made from one ctypes prototype each, so
that the tests drive the same marshalling (real ``DATA_BLOB`` structures, real pointers) through a fake
DPAPI on a machine without crypt32.
"""
from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.store.errors import KeyFileUnsafe, KeyNotForThisAccount, KeyProviderUnavailable, StoreError
from kiosk.store.keys import KEY_BYTES, _given_or_new, set_key_file_aside, write_key_file

CRYPTPROTECT_UI_FORBIDDEN = 0x1
CRYPTPROTECT_LOCAL_MACHINE = 0x4  # named so that it is plain it is not used
ENTROPY = b"kiosk/store-key/dpapi/v1"
DESCRIPTION = "kiosk store key"

# What CryptUnprotectData's GetLastError says about a blob that is not this account's to open: another
# account's or another PC's master key (NTE_BAD_KEY_STATE, "Key not valid for use in specified state"),
# another entropy or damaged bytes (ERROR_INVALID_DATA, "The data is invalid").
ERROR_INVALID_DATA = 13
NTE_BAD_KEY_STATE = 0x8009000B
NTE_BAD_DATA = 0x80090005
NOT_THIS_ACCOUNTS = (ERROR_INVALID_DATA, NTE_BAD_KEY_STATE, NTE_BAD_DATA)


class DATA_BLOB(ctypes.Structure):  # noqa: N801 - the Windows name, as in wincrypt.h
    _fields_ = [("cbData", ctypes.c_uint32), ("pbData", ctypes.POINTER(ctypes.c_char))]


# WINFUNCTYPE is stdcall on 32-bit Windows and the same as CFUNCTYPE elsewhere (and on x64).
_FUNCTYPE: Any = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)
_BLOB = ctypes.POINTER(DATA_BLOB)
# BOOL CryptProtectData(DATA_BLOB *in, LPCWSTR description, DATA_BLOB *entropy, PVOID reserved,
#                       CRYPTPROTECT_PROMPTSTRUCT *prompt, DWORD flags, DATA_BLOB *out)
PROTECT = _FUNCTYPE(
    ctypes.c_int, _BLOB, ctypes.c_wchar_p, _BLOB, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32, _BLOB,
    use_last_error=True,
)
# BOOL CryptUnprotectData(DATA_BLOB *in, LPWSTR *description, DATA_BLOB *entropy, PVOID reserved,
#                         CRYPTPROTECT_PROMPTSTRUCT *prompt, DWORD flags, DATA_BLOB *out)
UNPROTECT = _FUNCTYPE(
    ctypes.c_int, _BLOB, ctypes.POINTER(ctypes.c_wchar_p), _BLOB, ctypes.c_void_p, ctypes.c_void_p,
    ctypes.c_uint32, _BLOB, use_last_error=True,
)
# HLOCAL LocalFree(HLOCAL mem): NULL when freed
LOCAL_FREE = _FUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, use_last_error=True)


@dataclass(frozen=True)
class DpapiFunctions:
    """CryptProtectData, CryptUnprotectData and LocalFree as ctypes function pointers of the prototypes
    above, and how to read the thread's last error after one of them failed."""

    protect: Any
    unprotect: Any
    local_free: Any
    last_error: Callable[[], int]


def system_functions() -> DpapiFunctions:
    """crypt32's and kernel32's functions; :class:`KeyProviderUnavailable` where there is no crypt32."""
    win_dll: Any = getattr(ctypes, "WinDLL", None)
    last_error: Any = getattr(ctypes, "get_last_error", None)
    if win_dll is None or last_error is None:
        raise KeyProviderUnavailable(
            f"key_provider is dpapi but this is not Windows ({sys.platform}: no crypt32): "
            "set key_provider to file or keyring"
        )
    try:
        crypt32 = win_dll("crypt32", use_last_error=True)
        kernel32 = win_dll("kernel32", use_last_error=True)
    except OSError as exc:
        raise KeyProviderUnavailable(f"key_provider is dpapi but crypt32 cannot be loaded: {exc}") from exc
    return DpapiFunctions(
        protect=PROTECT(("CryptProtectData", crypt32)),
        unprotect=UNPROTECT(("CryptUnprotectData", crypt32)),
        local_free=LOCAL_FREE(("LocalFree", kernel32)),
        last_error=last_error,
    )


class DpapiKeyProvider:
    """:class:`kiosk.store.keys.KeyProvider` whose key file holds the DPAPI blob of the key."""

    def __init__(self, key_dir: Path, name: str = "store.dpapi", functions: DpapiFunctions | None = None) -> None:
        self.path = key_dir / name
        self.description = f"DPAPI key file {self.path}"
        self._crypt = functions if functions is not None else system_functions()

    def load(self) -> bytes | None:
        try:
            blob = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc}") from exc
        key = self._unprotect(blob)
        if len(key) != KEY_BYTES:
            raise KeyFileUnsafe(f"{self.description} does not hold a {KEY_BYTES}-byte key")
        return key

    def create(self, key: bytes | None = None) -> bytes:
        """Written as :class:`kiosk.store.keys.FileKeyProvider` writes its file (atomically, never replacing a
        key). ``key``: the clinic's key received by pairing, or one imported, instead of a new one."""
        key = _given_or_new(key)
        write_key_file(self.path, self._protect(key))
        return key

    def set_aside(self, stamp: str) -> str:
        return set_key_file_aside(self.path, stamp)

    def _protect(self, key: bytes) -> bytes:
        data_out = self._call(self._crypt.protect, key, DESCRIPTION)
        if data_out is None:
            code = self._crypt.last_error()
            raise StoreError(
                f"Windows could not protect the store key for {self.path} (DPAPI error {code:#x}): "
                "the kiosk account's profile must be loaded (run it as a logged-on user, not a bare service)"
            )
        return self._take(data_out, wipe=False)

    def _unprotect(self, blob: bytes) -> bytes:
        data_out = self._call(self._crypt.unprotect, blob, None)
        if data_out is None:
            code = self._crypt.last_error()
            if code in NOT_THIS_ACCOUNTS:
                raise KeyNotForThisAccount(
                    f"{self.description} was not protected by this Windows account on this PC, or it is damaged "
                    f"(DPAPI error {code:#x}). Run the kiosk under the account that made the key, or restore "
                    "that key file from its copy, or `kiosk store key import` the key exported on the old PC; "
                    "failing that, restore a backup together with the key it was made with. A new key would not "
                    "open this store."
                )
            raise StoreError(f"Windows could not open {self.description} (DPAPI error {code:#x})")
        return self._take(data_out, wipe=True)

    def _call(self, function: Any, data: bytes, description: str | None) -> DATA_BLOB | None:
        """CryptProtectData or CryptUnprotectData over ``data`` with the kiosk's entropy and no prompt: the
        blob DPAPI allocated, or None when it failed (``last_error()`` says why). The copy of ``data`` handed
        to it is wiped after: for protecting, that copy is the key."""
        given = ctypes.create_string_buffer(data, len(data))
        entropy = ctypes.create_string_buffer(ENTROPY, len(ENTROPY))
        data_in = DATA_BLOB(len(data), ctypes.cast(given, ctypes.POINTER(ctypes.c_char)))
        data_entropy = DATA_BLOB(len(ENTROPY), ctypes.cast(entropy, ctypes.POINTER(ctypes.c_char)))
        data_out = DATA_BLOB()
        try:
            done = function(
                ctypes.byref(data_in), description, ctypes.byref(data_entropy), None, None,
                CRYPTPROTECT_UI_FORBIDDEN, ctypes.byref(data_out),
            )
        finally:
            ctypes.memset(given, 0, len(data))
        return data_out if done else None

    def _take(self, blob: DATA_BLOB, wipe: bool) -> bytes:
        """The bytes DPAPI allocated, copied out; then wiped (when they are the key) and given back."""
        try:
            return ctypes.string_at(blob.pbData, blob.cbData)
        finally:
            if wipe:
                ctypes.memset(blob.pbData, 0, blob.cbData)
            self._crypt.local_free(ctypes.cast(blob.pbData, ctypes.c_void_p))
