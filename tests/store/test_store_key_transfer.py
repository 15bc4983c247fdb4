"""``kiosk store key export|import``: the store key carried to a replacement PC sealed with a passphrase.

Each test plays an old PC and a new one (their own data, key and backup folders, their own config file). The
DPAPI route runs the provider's real ctypes code through the fake DPAPI of test_store_dpapi.py, one fake PC
each, so a key folder copied across does not open on the new one.
"""
from __future__ import annotations

import argparse
import io
import logging
import os
import shutil
import stat
import sys
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk import config
from kiosk.commands import store as cli
from kiosk.store import dpapi, sealed_key
from kiosk.store.atomic_write import write_atomically
from kiosk.store.keys import FileKeyProvider, KeyringKeyProvider
from kiosk.store.sealed_key import (
    KeyExportDamaged,
    KeyExportVersion,
    WeakPassphrase,
    WrongPassphrase,
    check_passphrase,
    seal,
    unseal,
)
from kiosk.store.store import open_store
from tests.store.test_store_dpapi import FakeDpapi

ADMIN, PASSWORD = "boss", "kanrisha-2025"
PASSPHRASE = "さくら 待合室 7番 はれ"
KEY = bytes(range(32))


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch):
    """The smallest scrypt cost a file may name, so that the many seals here stay quick; the file carries its
    parameters, so everything else runs as with the real cost (test_the_real_cost_is_in_the_file uses it)."""
    monkeypatch.setattr(sealed_key, "LOG2_N", 14)


@pytest.fixture
def typed(monkeypatch):
    """What the person at the keyboard types at each getpass prompt, in order; the prompts are recorded."""
    answers: list[str] = []
    prompts: list[str] = []

    def getpass(prompt: str = "Password: ", stream=None) -> str:
        prompts.append(prompt)
        if not answers:
            raise AssertionError(f"nobody answers {prompt!r}")
        return answers.pop(0)

    monkeypatch.setattr(cli.getpass, "getpass", getpass)
    return types.SimpleNamespace(answers=answers, prompts=prompts)


@dataclass
class Pc:
    root: Path
    provider: str
    run_command: Callable[[Pc, tuple[str, ...], str], int]

    @property
    def config_path(self) -> Path:
        return self.root / "kiosk.toml"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def db(self) -> Path:
        return self.root / "data" / "kiosk.db"

    def run(self, *argv: str, stdin: str = "") -> int:
        return self.run_command(self, argv, stdin)

    def config(self) -> config.Config:
        return config.load(self.config_path)


@pytest.fixture
def pc(tmp_path, monkeypatch):
    parser = argparse.ArgumentParser(prog="kiosk")
    cli.register(parser.add_subparsers(dest="command", required=True))

    def run(machine: Pc, argv: tuple[str, ...], stdin: str) -> int:
        monkeypatch.setenv("KIOSK_CONFIG", str(machine.config_path))
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        args = parser.parse_args(["store", *argv])
        return args.func(args)

    def make(name: str, provider: str = "file") -> Pc:
        machine = Pc(tmp_path / name, provider, run)
        machine.root.mkdir()
        machine.config_path.write_text(
            f'data_dir = "{machine.db.parent}"\nkey_dir = "{machine.keys}"\nkey_provider = "{provider}"\n'
            f'backup_dir = "{machine.backups}"\n',
            encoding="utf-8",
        )
        return machine

    return make


def _seed(machine: Pc, make, sessions=("s1", "s2")) -> None:
    """A kiosk that has been working: an admin, receptions, a backup."""
    assert machine.run("add-staff", ADMIN, "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n") == 0
    with open_store(machine.config()) as store:
        for session in sessions:
            store.save_reception(make.reception(session))
    assert machine.run("backup") == 0


def _sessions(machine: Pc, make) -> list[str]:
    with open_store(machine.config(), create=False) as store:
        return [r.session_id for r in store.receptions_on(make.reception().started_at.date())]


def _audit(machine: Pc) -> list[tuple[str, str, str]]:
    with open_store(machine.config(), create=False) as store:
        return [tuple(row) for row in store._db.execute("SELECT actor, action, detail FROM audit ORDER BY seq")]


def _export(machine: Pc, typed, target: Path) -> int:
    typed.answers[:] = [PASSWORD, PASSPHRASE, PASSPHRASE]
    return machine.run("key", "export", "--to", str(target), "--user", ADMIN)


def _carry_backups(old: Pc, new: Pc) -> None:
    shutil.copytree(old.backups, new.backups)


# --- the move -------------------------------------------------------------------------------------------


def test_export_then_import_on_a_new_pc_restores_the_same_store(pc, typed, make, tmp_path, capsys):
    old, new = pc("old"), pc("new")
    _seed(old, make)
    usb = tmp_path / "usb"
    usb.mkdir()
    assert _export(old, typed, usb / "kiosk.kioskkey") == 0
    assert typed.prompts == ["Password: ", "New transfer passphrase: ", "Again: "]
    assert "exported the store key" in capsys.readouterr().out

    _carry_backups(old, new)
    typed.answers[:] = [PASSPHRASE]
    assert new.run("key", "import", "--from", str(usb / "kiosk.kioskkey")) == 0
    out = capsys.readouterr()
    assert "opens the backup kiosk-" in out.out and "kiosk store restore" in out.out
    assert "the restore that follows is audited" in out.err
    assert FileKeyProvider(new.keys).load() == FileKeyProvider(old.keys).load()
    assert new.run("restore") == 0
    assert sorted(_sessions(new, make)) == ["s1", "s2"]
    assert new.run("check") == 0


def test_a_store_carried_with_its_data_folder_opens_and_records_the_import(pc, typed, make, tmp_path, capsys):
    old, new = pc("old"), pc("new")
    _seed(old, make)
    assert _export(old, typed, tmp_path / "key.kioskkey") == 0
    shutil.copytree(old.db.parent, new.db.parent)
    typed.answers[:] = [PASSPHRASE]
    assert new.run("key", "import", "--from", str(tmp_path / "key.kioskkey")) == 0
    assert "opens the store" in capsys.readouterr().out
    assert sorted(_sessions(new, make)) == ["s1", "s2"]
    actor, action, detail = _audit(new)[-1]
    assert action == "store_key_imported" and actor.startswith("it:")
    assert detail == "file=key.kioskkey checked=store replaced=none"


def test_the_export_file_is_new_owner_only_and_holds_no_key(pc, typed, make, tmp_path):
    old = pc("old")
    _seed(old, make)
    target = tmp_path / "key.kioskkey"
    assert _export(old, typed, target) == 0
    data = target.read_bytes()
    key = FileKeyProvider(old.keys).load()
    assert key is not None and key not in data and key.hex().encode() not in data
    assert data.startswith(sealed_key.MAGIC + bytes([sealed_key.FORMAT_VERSION])) and len(data) == sealed_key.SIZE
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left


def test_the_export_is_audited_by_who_and_which_file_never_the_secrets(pc, typed, make, tmp_path, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    old, new = pc("old"), pc("new")
    _seed(old, make)
    assert _export(old, typed, tmp_path / "for new pc.kioskkey") == 0
    _carry_backups(old, new)
    typed.answers[:] = [PASSPHRASE]
    assert new.run("key", "import", "--from", str(tmp_path / "for new pc.kioskkey")) == 0
    typed.answers[:] = ["wrong passphrase 123"]
    assert new.run("key", "import", "--from", str(tmp_path / "for new pc.kioskkey")) == 2
    typed.answers[:] = [PASSPHRASE]
    assert new.run("key", "import", "--from", str(tmp_path / "for new pc.kioskkey")) == 0
    assert "holds this key already: nothing changed" in capsys.readouterr().out
    capsys.readouterr()

    rows = _audit(old)
    assert rows[-2][:2] == (ADMIN, "staff_signed_in")
    assert rows[-1] == (ADMIN, "store_key_exported", "file=for_new_pc.kioskkey")
    key = FileKeyProvider(old.keys).load()
    assert key is not None
    said = capsys.readouterr()
    heard = [said.out, said.err, caplog.text, repr(rows), repr(typed.prompts)]
    for secret in (PASSPHRASE, PASSWORD, key.hex(), key.hex().upper()):
        assert not [text for text in heard if secret in text]


def test_the_dpapi_route_from_one_pc_to_another(pc, typed, make, tmp_path, monkeypatch, capsys):
    old_pc, new_pc = FakeDpapi("kiosk", machine="OLD-PC"), FakeDpapi("kiosk", machine="NEW-PC")
    old, new = pc("old", "dpapi"), pc("new", "dpapi")
    monkeypatch.setattr(dpapi, "system_functions", old_pc.functions)
    _seed(old, make)
    assert (old.keys / "store.dpapi").exists() and not (old.keys / "store.key").exists()
    assert _export(old, typed, tmp_path / "key.kioskkey") == 0

    # The whole kiosk folder copied over, key folder and all: the DPAPI file is the old PC's.
    for folder in ("data", "keys", "backups"):
        shutil.copytree(old.root / folder, new.root / folder)
    monkeypatch.setattr(dpapi, "system_functions", new_pc.functions)
    assert new.run("check") == 2
    assert "store_key_other_account" in capsys.readouterr().err
    typed.answers[:] = [PASSPHRASE]
    assert new.run("key", "import", "--from", str(tmp_path / "key.kioskkey")) == 0  # an unusable key needs no --replace
    assert "kept as" in capsys.readouterr().out
    assert new.run("check") == 0
    assert sorted(_sessions(new, make)) == ["s1", "s2"]
    assert _audit(new)[-2][1:] == ("store_key_imported", "file=key.kioskkey checked=store replaced=other_account")

    kept = [p for p in new.keys.iterdir() if p.name.startswith("store.dpapi.replaced-")]
    assert len(kept) == 1 and kept[0].read_bytes() == (old.keys / "store.dpapi").read_bytes()  # set aside, whole
    blob = (new.keys / "store.dpapi").read_bytes()
    assert blob != (old.keys / "store.dpapi").read_bytes()
    carried = dpapi.DpapiKeyProvider(new.keys, functions=new_pc.functions()).load()
    assert carried is not None and carried == dpapi.DpapiKeyProvider(old.keys, functions=old_pc.functions()).load()
    assert carried not in blob
    assert stat.S_IMODE((new.keys / "store.dpapi").stat().st_mode) == 0o600
    assert not new_pc.outstanding and not old_pc.outstanding  # every DPAPI buffer given back


# --- what the import refuses -----------------------------------------------------------------------------


@pytest.fixture
def exported(pc, typed, make, tmp_path):
    """An old PC with receptions and backups, its key exported, and a new PC with the backups only."""
    old, new = pc("old"), pc("new")
    _seed(old, make)
    target = tmp_path / "key.kioskkey"
    assert _export(old, typed, target) == 0
    _carry_backups(old, new)
    return old, new, target


def _refused(new: Pc, typed, capsys, source: Path, passphrase: str = PASSPHRASE, *extra: str) -> str:
    before = sorted(p.name for p in new.keys.iterdir()) if new.keys.exists() else []
    typed.answers[:] = [passphrase]
    assert new.run("key", "import", "--from", str(source), *extra) == 2
    after = sorted(p.name for p in new.keys.iterdir()) if new.keys.exists() else []
    assert after == before  # nothing was changed
    return capsys.readouterr().err


def test_a_wrong_passphrase(exported, typed, capsys):
    _, new, target = exported
    err = _refused(new, typed, capsys, target, "not the passphrase at all")
    assert "store_key_passphrase_wrong" in err and "type the one given" in err


@pytest.mark.parametrize("damage", ["flipped", "truncated", "lengthened", "emptied"])
def test_a_damaged_or_cut_file(exported, typed, capsys, damage):
    _, new, target = exported
    data = bytearray(target.read_bytes())
    if damage == "flipped":
        data[50] ^= 0x01
    elif damage == "truncated":
        del data[-20:]
    elif damage == "lengthened":
        data += b"\n"
    else:
        data = bytearray()
    target.write_bytes(bytes(data))
    err = _refused(new, typed, capsys, target)
    assert "store_key_export_damaged" in err
    assert "passphrase_wrong" not in err  # a damaged file is never blamed on the passphrase


def test_a_backup_named_instead_of_the_key_file(exported, typed, capsys):
    _, new, _ = exported
    err = _refused(new, typed, capsys, next(new.backups.iterdir()))
    assert "store_key_export_damaged" in err and "not a kiosk key file" in err


def test_a_file_of_another_version(exported, typed, capsys):
    _, new, target = exported
    data = bytearray(target.read_bytes())
    data[len(sealed_key.MAGIC)] = 2
    target.write_bytes(bytes(data))
    err = _refused(new, typed, capsys, target)
    assert "store_key_export_version" in err and "format 2" in err


def test_a_key_that_opens_nothing_here(exported, pc, typed, make, tmp_path, capsys):
    _, new, _ = exported
    other = pc("other")
    _seed(other, make, sessions=("x1",))
    assert _export(other, typed, tmp_path / "other.kioskkey") == 0
    err = _refused(new, typed, capsys, tmp_path / "other.kioskkey")
    assert "store_key_not_for_this_store" in err and "Nothing was changed" in err
    assert not new.keys.exists()


def test_nothing_to_check_the_key_against(exported, typed, capsys):
    _, new, target = exported
    shutil.rmtree(new.backups)
    err = _refused(new, typed, capsys, target)
    assert "store_key_nothing_to_check" in err and "backup_dir" in err
    assert not new.keys.exists()


def test_a_working_key_is_replaced_only_with_replace(pc, typed, make, tmp_path, capsys):
    old, new, target = pc("old"), pc("new"), tmp_path / "key.kioskkey"
    _seed(old, make)
    assert _export(old, typed, target) == 0
    # The installer made a fresh store with a new key before the old PC's backups were copied in.
    assert new.run("add-staff", "first", "--role", "admin", "--password-stdin", stdin="hajimete-2025\n") == 0
    _carry_backups(old, new)
    fresh_key = FileKeyProvider(new.keys).load()
    err = _refused(new, typed, capsys, target)
    assert "store_key_in_use" in err and "--replace" in err
    assert FileKeyProvider(new.keys).load() == fresh_key

    typed.answers[:] = [PASSPHRASE]
    assert new.run("key", "import", "--from", str(target), "--replace") == 0
    out = capsys.readouterr().out
    assert "kiosk store restore" in out
    kept = [p for p in new.keys.iterdir() if p.name.startswith("store.key.replaced-")]
    assert len(kept) == 1 and FileKeyProvider(new.keys, kept[0].name).load() == fresh_key  # kept, not deleted
    assert FileKeyProvider(new.keys).load() == FileKeyProvider(old.keys).load()
    # The fresh store opens only with the key set aside: its own audit says what happened to it.
    fresh_audit = _audit_with(new, kept[0].name)
    assert fresh_audit[-1][1] == "store_key_imported" and "replaced=in_use" in fresh_audit[-1][2]
    assert new.run("restore") == 0
    assert sorted(_sessions(new, make)) == ["s1", "s2"]


def _audit_with(machine: Pc, key_name: str) -> list[tuple[str, str, str]]:
    from kiosk.store.store import Store

    with Store.open(machine.db, FileKeyProvider(machine.keys, key_name), create=False) as store:
        return [tuple(row) for row in store._db.execute("SELECT actor, action, detail FROM audit ORDER BY seq")]


# --- what the export refuses -----------------------------------------------------------------------------


@pytest.mark.parametrize("passphrase, why", [("kurz-11char", "at least 12"), ("abcabcabcabcabc", "different")])
def test_a_weak_passphrase_exports_nothing(pc, typed, make, tmp_path, capsys, passphrase, why):
    old = pc("old")
    _seed(old, make)
    typed.answers[:] = [PASSWORD, passphrase]
    assert old.run("key", "export", "--to", str(tmp_path / "k"), "--user", ADMIN) == 2
    err = capsys.readouterr().err
    assert "store_key_passphrase_weak" in err and why in err
    assert not (tmp_path / "k").exists()
    assert "store_key_exported" not in [action for _, action, _ in _audit(old)]


def test_the_admins_password_is_no_passphrase_and_a_wrong_one_asks_none(pc, typed, make, tmp_path, capsys):
    old = pc("old")
    _seed(old, make)
    long_password = "kanrisha-no-pasuwaado"
    assert old.run("add-staff", "boss2", "--role", "admin", "--password-stdin", stdin=long_password + "\n") == 0
    argv = ("key", "export", "--to", str(tmp_path / "k"), "--user", "boss2", "--password-stdin")
    assert old.run(*argv, stdin="nope\n") == 2
    assert "staff_bad_credentials" in capsys.readouterr().err and typed.prompts == []
    typed.answers[:] = [long_password]
    assert old.run(*argv, stdin=long_password + "\n") == 2
    err = capsys.readouterr().err
    assert "store_key_passphrase_weak" in err and "must not be the admin's password" in err
    assert not (tmp_path / "k").exists()


def test_passphrases_that_differ_export_nothing(pc, typed, make, tmp_path, capsys):
    old = pc("old")
    _seed(old, make)
    typed.answers[:] = [PASSWORD, PASSPHRASE, PASSPHRASE + "."]
    assert old.run("key", "export", "--to", str(tmp_path / "k"), "--user", ADMIN) == 2
    assert "store_key_passphrases_differ" in capsys.readouterr().err
    assert not (tmp_path / "k").exists()


def test_an_existing_file_is_never_written_over_and_nothing_is_asked(pc, typed, make, tmp_path, capsys):
    old = pc("old")
    _seed(old, make)
    target = tmp_path / "key.kioskkey"
    target.write_bytes(b"someone's file")
    assert _export(old, typed, target) == 2
    assert "store_key_export_exists" in capsys.readouterr().err
    assert target.read_bytes() == b"someone's file" and typed.prompts == []


def test_only_an_admin_exports_the_key(pc, typed, make, tmp_path, capsys):
    old = pc("old")
    _seed(old, make)
    assert old.run("add-staff", "sato", "--password-stdin", stdin="uketsuke-2025\n") == 0
    typed.answers[:] = ["uketsuke-2025"]
    assert old.run("key", "export", "--to", str(tmp_path / "k"), "--user", "sato") == 2
    assert "staff_not_permitted" in capsys.readouterr().err
    assert not (tmp_path / "k").exists()


def test_a_damaged_store_exports_no_key(pc, typed, make, tmp_path, capsys, monkeypatch):
    from kiosk.store.store import Store

    old = pc("old")
    _seed(old, make)
    real_open = Store.open.__func__

    def damaged(cls, *args, **kwargs):
        store = real_open(cls, *args, **kwargs)
        store.damage = ("page 9 is damaged",)
        return store

    monkeypatch.setattr(Store, "open", classmethod(damaged))
    assert _export(old, typed, tmp_path / "k") == 2
    assert "damaged and read-only" in capsys.readouterr().err
    assert not (tmp_path / "k").exists() and typed.prompts == []


def test_an_export_that_cannot_be_audited_is_removed(pc, typed, make, tmp_path, monkeypatch, capsys):
    from kiosk.store.errors import StoreDiskFull
    from kiosk.store.store import Store

    old = pc("old")
    _seed(old, make)
    real_audit = Store.audit

    def full(self, actor, action, detail=""):
        if action == "store_key_exported":
            raise StoreDiskFull("the disk is full")
        return real_audit(self, actor, action, detail)

    monkeypatch.setattr(Store, "audit", full)
    assert _export(old, typed, tmp_path / "k") == 2
    assert "store_disk_full" in capsys.readouterr().err
    assert not (tmp_path / "k").exists()


# --- the file format and the pieces ---------------------------------------------------------------------


def test_the_real_cost_is_in_the_file_and_opens(monkeypatch):
    monkeypatch.undo()  # the real scrypt cost, not cheap_kdf's
    data = seal(KEY, PASSPHRASE)
    kdf, log2_n, r, p = data[len(sealed_key.MAGIC) + 1 : len(sealed_key.MAGIC) + 5]
    assert (kdf, log2_n, r, p) == (sealed_key.SCRYPT, 17, 8, 1)
    assert unseal(data, PASSPHRASE, "k") == KEY


def test_a_file_of_the_older_cost_still_opens_after_the_cost_is_raised(monkeypatch):
    data = seal(KEY, PASSPHRASE)  # cheap_kdf: N=2**14
    monkeypatch.setattr(sealed_key, "LOG2_N", 18)
    assert unseal(data, PASSPHRASE, "k") == KEY


def test_the_same_passphrase_in_another_unicode_form_opens(monkeypatch):
    composed = "パスワードは がっこう です"
    decomposed = __import__("unicodedata").normalize("NFD", composed)
    assert decomposed != composed
    assert unseal(seal(KEY, composed), decomposed, "k") == KEY


def test_a_crafted_file_cannot_ask_for_an_unbounded_kdf(monkeypatch):
    import hashlib

    def crafted(offset: int, value: int) -> bytes:
        data = bytearray(seal(KEY, PASSPHRASE))
        data[len(sealed_key.MAGIC) + offset] = value
        body = bytes(data[:-32])
        return body + hashlib.sha256(body).digest()  # a checksum proves nothing: anyone can make one

    for offset, value in ((2, 40), (2, 20), (3, 200)):  # N = 2**40; N = 2**20 with r = 8 (1 GiB); r = 200
        with pytest.raises(KeyExportVersion, match="does not use"):
            unseal(crafted(offset, value), PASSPHRASE, "k")
    with pytest.raises(WrongPassphrase):
        unseal(seal(KEY, PASSPHRASE), PASSPHRASE + " ", "k")
    with pytest.raises(KeyExportDamaged):
        unseal(b"KIOSKKEY", PASSPHRASE, "k")


@pytest.mark.parametrize("passphrase", ["", "short", "aaaaaaaaaaaaaaaa", "121212121212121"])
def test_weak_passphrases(passphrase):
    with pytest.raises(WeakPassphrase):
        check_passphrase(passphrase)


def test_a_varied_passphrase_passes():
    check_passphrase(PASSPHRASE, not_like=PASSWORD)
    with pytest.raises(WeakPassphrase):
        check_passphrase(PASSWORD, not_like=PASSWORD)


def test_a_usb_stick_without_hard_links_still_gets_a_whole_new_file(tmp_path, monkeypatch):
    import errno

    def no_links(*args, **kwargs):
        raise OSError(errno.EPERM, "Operation not permitted")  # Linux on FAT and exFAT

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "key.kioskkey"
    write_atomically(target, lambda handle: handle.write(b"sealed"), replace=False)
    assert target.read_bytes() == b"sealed" and stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        write_atomically(target, lambda handle: handle.write(b"other"), replace=False)
    assert target.read_bytes() == b"sealed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["key.kioskkey"]


def test_a_keyring_key_is_set_aside_not_deleted(monkeypatch):
    vault: dict[tuple[str, str], str] = {}
    fake = types.SimpleNamespace(
        get_password=lambda service, user: vault.get((service, user)),
        set_password=lambda service, user, value: vault.__setitem__((service, user), value),
        delete_password=lambda service, user: vault.pop((service, user)),
    )
    monkeypatch.setitem(sys.modules, "keyring", fake)
    keys = KeyringKeyProvider()
    assert keys.set_aside("20250710-090000") == ""
    old = keys.create()
    assert keys.set_aside("20250710-090000") == "OS keyring entry kiosk/store-key.replaced-20250710-090000"
    assert keys.load() is None and vault["kiosk", "store-key.replaced-20250710-090000"] == old.hex()
    assert keys.create(KEY) == KEY and keys.load() == KEY
