"""The DPAPI key provider, driven through a fake DPAPI behind the same ctypes prototypes as crypt32's.

The fake is called through real ctypes function pointers, so the provider's marshalling runs as on
Windows: it receives ``DATA_BLOB`` pointers, reads the bytes they point at, allocates the output the way
DPAPI does (freed with LocalFree) and fails the way DPAPI fails. A blob is bound to the user's master key,
or to the machine's with ``CRYPTPROTECT_LOCAL_MACHINE``, and to the entropy; tampering breaks its tag.
"""
from __future__ import annotations

import ctypes
import hashlib
import os
import sys

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kiosk.store import dpapi
from kiosk.store.dpapi import (
    CRYPTPROTECT_LOCAL_MACHINE,
    CRYPTPROTECT_UI_FORBIDDEN,
    DATA_BLOB,
    ERROR_INVALID_DATA,
    NTE_BAD_KEY_STATE,
    DpapiFunctions,
    DpapiKeyProvider,
)
from kiosk.store.errors import KeyFileUnsafe, KeyMissing, KeyNotForThisAccount, KeyProviderUnavailable, StoreError
from kiosk.store.store import Store

ERROR_INVALID_HANDLE = 6
_MAGIC = b"\x01\x00\x00\x00fake-dpapi"


class FakeDpapi:
    """DPAPI for one Windows account ``user`` on the PC ``machine``."""

    def __init__(self, user: str, machine: str = "RECEPTION-PC") -> None:
        self.user_key = hashlib.sha256(f"{machine}\\{user}".encode()).digest()
        self.machine_key = hashlib.sha256(f"{machine}\\SYSTEM".encode()).digest()
        self.error = 0
        self.calls: list[tuple[str, int, str | None, bytes | None]] = []  # function, flags, description, entropy
        self.outstanding: dict[int, ctypes.Array[ctypes.c_char]] = {}  # allocated, not yet LocalFree'd
        self.freed: list[bytes] = []  # what each freed buffer held when LocalFree was called
        self.pointer_types: set[type] = set()

    def functions(self) -> DpapiFunctions:
        return DpapiFunctions(
            protect=dpapi.PROTECT(self._protect),
            unprotect=dpapi.UNPROTECT(self._unprotect),
            local_free=dpapi.LOCAL_FREE(self._local_free),
            last_error=lambda: self.error,
        )

    @staticmethod
    def _master_id(key: bytes) -> bytes:
        return hashlib.sha256(b"master key guid" + key).digest()[:16]

    def _read(self, blob_pointer) -> bytes | None:
        self.pointer_types.add(type(blob_pointer))
        if not blob_pointer:
            return None
        blob = blob_pointer.contents
        return ctypes.string_at(blob.pbData, blob.cbData)

    def _give(self, out_pointer, data: bytes) -> None:
        buffer = ctypes.create_string_buffer(data, len(data))
        self.outstanding[ctypes.addressof(buffer)] = buffer
        out_pointer.contents.cbData = len(data)
        out_pointer.contents.pbData = ctypes.cast(buffer, ctypes.POINTER(ctypes.c_char))

    def _protect(self, data_in, description, entropy, reserved, prompt, flags, data_out) -> int:
        assert reserved is None and prompt is None
        plain, extra = self._read(data_in), self._read(entropy) or b""
        self.calls.append(("protect", flags, description, extra))
        master = self.machine_key if flags & CRYPTPROTECT_LOCAL_MACHINE else self.user_key
        nonce = os.urandom(12)
        header = _MAGIC + self._master_id(master) + flags.to_bytes(4, "little")
        sealed = AESGCM(master).encrypt(nonce, plain, header + extra)
        self._give(data_out, header + nonce + sealed)
        return 1

    def _unprotect(self, data_in, description_out, entropy, reserved, prompt, flags, data_out) -> int:
        assert reserved is None and prompt is None and not description_out
        blob, extra = self._read(data_in) or b"", self._read(entropy) or b""
        self.calls.append(("unprotect", flags, None, extra))
        header, rest = blob[: len(_MAGIC) + 20], blob[len(_MAGIC) + 20 :]
        if not header.startswith(_MAGIC) or len(rest) < 28:
            self.error = ERROR_INVALID_DATA
            return 0
        master_id = header[len(_MAGIC) : len(_MAGIC) + 16]
        master = {self._master_id(k): k for k in (self.user_key, self.machine_key)}.get(master_id)
        if master is None:  # another account's (or another PC's) master key: this one does not have it
            self.error = NTE_BAD_KEY_STATE
            return 0
        try:
            plain = AESGCM(master).decrypt(rest[:12], rest[12:], header + extra)
        except InvalidTag:
            self.error = ERROR_INVALID_DATA
            return 0
        self._give(data_out, plain)
        return 1

    def _local_free(self, address) -> int | None:
        buffer = self.outstanding.pop(address or 0, None)
        if buffer is None:
            self.error = ERROR_INVALID_HANDLE
            return address
        self.freed.append(buffer.raw)
        return None


@pytest.fixture
def fake() -> FakeDpapi:
    return FakeDpapi("kiosk")


def _provider(key_dir, fake: FakeDpapi) -> DpapiKeyProvider:
    return DpapiKeyProvider(key_dir, functions=fake.functions())


def test_a_key_made_is_loaded_back_and_the_file_holds_only_the_blob(tmp_path, fake):
    provider = _provider(tmp_path / "keys", fake)
    assert provider.load() is None
    key = provider.create()
    assert len(key) == 32 and provider.load() == key
    blob = (tmp_path / "keys" / "store.dpapi").read_bytes()
    assert key not in blob and key.hex().encode() not in blob
    assert os.listdir(tmp_path / "keys") == ["store.dpapi"]
    assert not fake.outstanding  # every buffer DPAPI handed out was given back with LocalFree
    assert [call[0] for call in fake.calls] == ["protect", "unprotect"]


def test_user_scope_no_prompt_and_the_kiosk_entropy(tmp_path, fake):
    provider = _provider(tmp_path, fake)
    provider.create()
    provider.load()
    for _, flags, _, entropy in fake.calls:
        assert flags == CRYPTPROTECT_UI_FORBIDDEN  # never CRYPTPROTECT_LOCAL_MACHINE
        assert entropy == dpapi.ENTROPY and b"kiosk" in entropy
    assert fake.calls[0][2] == dpapi.DESCRIPTION


def test_the_decrypted_key_is_wiped_before_it_is_freed(tmp_path, fake):
    provider = _provider(tmp_path, fake)
    provider.create()
    fake.freed.clear()
    provider.load()
    assert fake.freed == [bytes(32)]  # the 32 key bytes, all zero


def test_another_accounts_blob_is_the_named_error_with_what_to_do(tmp_path, fake):
    _provider(tmp_path, FakeDpapi("someone-else")).create()
    with pytest.raises(KeyNotForThisAccount) as caught:
        _provider(tmp_path, fake).load()
    message = str(caught.value)
    assert "account" in message and "restore" in message and "backup" in message
    assert f"{NTE_BAD_KEY_STATE:#x}" in message
    assert caught.value.code == "store_key_other_account"
    assert not fake.outstanding


def test_another_pcs_blob_for_the_same_account_name_does_not_open(tmp_path, fake):
    _provider(tmp_path, FakeDpapi("kiosk", machine="OTHER-PC")).create()
    with pytest.raises(KeyNotForThisAccount):
        _provider(tmp_path, fake).load()


def test_a_tampered_blob_is_the_named_error(tmp_path, fake):
    provider = _provider(tmp_path, fake)
    provider.create()
    path = tmp_path / "store.dpapi"
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0x01
    path.write_bytes(bytes(blob))
    with pytest.raises(KeyNotForThisAccount, match=f"{ERROR_INVALID_DATA:#x}"):
        provider.load()


def test_a_blob_of_another_length_is_not_a_key(tmp_path, fake):
    provider = _provider(tmp_path, fake)
    sealed = provider._protect(b"short")
    (tmp_path / "store.dpapi").write_bytes(sealed)
    with pytest.raises(KeyFileUnsafe):
        provider.load()


def test_an_existing_key_is_never_replaced(tmp_path, fake):
    provider = _provider(tmp_path, fake)
    key = provider.create()
    with pytest.raises(StoreError, match="refusing to replace"):
        provider.create()
    assert provider.load() == key
    assert os.listdir(tmp_path) == ["store.dpapi"]


class _DiskFullHalfway:
    """A key file handle whose write puts half the bytes on disk, then finds the disk full."""

    def __init__(self, handle) -> None:
        self.handle = handle

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        self.handle.write(data[: len(data) // 2])
        self.handle.flush()
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("failing", ["write", "fsync", "link"])
def test_a_failed_write_leaves_no_key_file_and_no_half_file(tmp_path, fake, monkeypatch, failing):
    provider = _provider(tmp_path / "keys", fake)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda fd, mode: _DiskFullHalfway(real_fdopen(fd, mode)))
    else:
        monkeypatch.setattr(os, failing, broken)
    with pytest.raises(OSError):
        provider.create()
    monkeypatch.undo()
    assert os.listdir(tmp_path / "keys") == []
    assert provider.load() is None
    assert len(provider.create()) == 32  # and the next start makes a whole one


def test_a_store_opens_with_its_dpapi_key_and_not_with_another_accounts(tmp_path, fake):
    db = tmp_path / "data" / "kiosk.db"
    with Store.open(db, _provider(tmp_path / "keys", fake)) as store:
        assert store.check() == []
    with Store.open(db, _provider(tmp_path / "keys", fake)) as store:
        assert store.check() == []
    with pytest.raises(KeyNotForThisAccount):
        Store.open(db, _provider(tmp_path / "keys", FakeDpapi("administrator")))
    (tmp_path / "keys" / "store.dpapi").unlink()
    with pytest.raises(KeyMissing):
        Store.open(db, _provider(tmp_path / "keys", fake))


def test_data_blob_is_the_wincrypt_structure():
    pointer = ctypes.sizeof(ctypes.c_void_p)
    assert [name for name, _ in DATA_BLOB._fields_] == ["cbData", "pbData"]
    assert DATA_BLOB.cbData.offset == 0 and DATA_BLOB.cbData.size == 4  # DWORD
    assert DATA_BLOB.pbData.offset == pointer and DATA_BLOB.pbData.size == pointer  # BYTE*, aligned
    assert ctypes.sizeof(DATA_BLOB) == 2 * pointer  # 16 on x64, as in wincrypt.h


def test_the_prototypes_are_crypt32s():
    blob = ctypes.POINTER(DATA_BLOB)
    assert dpapi.PROTECT._argtypes_ == (
        blob, ctypes.c_wchar_p, blob, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32, blob,
    )
    assert dpapi.UNPROTECT._argtypes_ == (
        blob, ctypes.POINTER(ctypes.c_wchar_p), blob, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_uint32, blob,
    )
    assert dpapi.PROTECT._restype_ is ctypes.c_int and dpapi.LOCAL_FREE._restype_ is ctypes.c_void_p
    assert (CRYPTPROTECT_UI_FORBIDDEN, CRYPTPROTECT_LOCAL_MACHINE) == (0x1, 0x4)
    assert (ERROR_INVALID_DATA, NTE_BAD_KEY_STATE) == (13, 0x8009000B)


def test_the_fake_is_handed_real_data_blob_pointers(tmp_path, fake):
    provider = _provider(tmp_path, fake)
    provider.create()
    provider.load()
    assert fake.pointer_types == {ctypes.POINTER(DATA_BLOB)}


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has crypt32")
def test_dpapi_off_windows_is_a_named_error(tmp_path):
    from kiosk.store.keys import provider_for

    with pytest.raises(KeyProviderUnavailable, match="not Windows"):
        dpapi.system_functions()
    with pytest.raises(KeyProviderUnavailable):
        provider_for("dpapi", tmp_path)


def test_the_default_key_provider_is_dpapi_on_windows_only(monkeypatch, tmp_path):
    from kiosk import config

    monkeypatch.setenv("KIOSK_CONFIG", "")
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("KIOSK_KEY_PROVIDER", raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert config.load().key_provider == "dpapi"
    monkeypatch.setattr(sys, "platform", "linux")
    assert config.load().key_provider == "auto"
    monkeypatch.setenv("KIOSK_KEY_PROVIDER", "dpapi")
    assert config.load().key_provider == "dpapi"  # a valid choice anywhere; it fails when used off Windows
