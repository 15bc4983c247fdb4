"""A new kiosk joins the clinic by the one-time code of 「受付機を追加（同じ医院）」: the existing kiosk is a process
of its own (tests/staff/pairing_kiosk.py: the real staff server, its panel played on stdin, its codes on a clock
the test moves), the new kiosk is `kiosk hub join` or :func:`kiosk.staff.clinic_key.join` here. After joining,
a sealed field kiosk A wrote opens on kiosk B and both compute the same keyed patient hash; a wrong, expired
or used code, a console's code, and a new kiosk that holds another key are refused by name before any key
byte is on the wire; the key is in no log."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.staff import clinic_key as ck
from kiosk.staff import pairing_code as pc
from kiosk.staff.client import _connect, _hello
from kiosk.staff.errors import (
    ChannelClosed,
    ClinicKeyAlreadyHere,
    ClinicKeyOtherStore,
    PairingCodeRefused,
)
from kiosk.store.keys import FileKeyProvider
from kiosk.store.store import Store
from tests.staff.pairing_kiosk_process import PairingKioskProcess
from tests.store.conftest import make_certificate, make_facts, make_reception

ROOT = Path(__file__).resolve().parents[2]
PATIENT = "渡邊花子"


class ExistingKiosk(PairingKioskProcess):
    """Kiosk A: a store with one reception (a patient), then its staff server in a child process."""

    def __init__(self, folder: Path) -> None:
        data, keys = folder / "a", folder / "a-keys"
        with Store.open(data / "kiosk.db", FileKeyProvider(keys)) as store:
            store.save_reception(make_reception())
        key = FileKeyProvider(keys).load()
        assert key is not None
        self.key = key
        super().__init__(data, keys, folder / "a-stderr.txt", log_level="DEBUG")
        self.fingerprint = pc.offer_of(self.show()[1]).fingerprint  # the pin, from a console's payload
        self.say("close")


@pytest.fixture
def kiosk_a(tmp_path):
    kiosk = ExistingKiosk(tmp_path)
    yield kiosk
    kiosk.quit()


def config_b(folder: Path, name: str = "受付2") -> Config:
    return Config(data_dir=folder / "b", key_dir=folder / "b-keys", terminal_root=folder / "b" / "terminal",
                  key_provider="file", kiosk_name=name)


def run_join(folder: Path, *args: str) -> subprocess.CompletedProcess:
    b = config_b(folder)
    env = dict(os.environ, PYTHONPATH=str(ROOT), KIOSK_CONFIG="", KIOSK_DATA_DIR=str(b.data_dir),
               KIOSK_KEY_DIR=str(b.key_dir), KIOSK_KEY_PROVIDER="file", KIOSK_NAME=b.kiosk_name)
    return subprocess.run([sys.executable, "-m", "kiosk", "--log-level", "DEBUG", "hub", "join", *args], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)


def wire(offer: pc.PairingOffer, name: str = "受付2", fingerprint: str = "AA:BB",
         answer: dict | None = None) -> list[dict]:
    """The new kiosk's side by hand: every message the existing kiosk sends until it hangs up. ``answer`` is
    sent after a welcome (take, or decline)."""
    channel, seen = _connect(offer.host, offer.port, offer.fingerprint, 5.0)
    received: list[dict] = []
    try:
        hello = _hello(channel, 5.0)
        nonce = "ab" * 16
        channel.write({"type": "auth", "with": ck.WITH, "nonce": nonce, "kiosk": name, "fingerprint": fingerprint,
                       "proof": ck.receiver_proof(offer.code, name, fingerprint, hello["nonce"], nonce, seen)})
        while True:
            try:
                message = channel.read(5.0)
            except ChannelClosed:
                return received
            received.append(message)
            if message["type"] == "welcome" and answer is not None:
                channel.write(answer)
    finally:
        channel.close()


def holds_key(messages: list[dict], key: bytes) -> bool:
    return any(key.hex() in repr(m) or m["type"] == "clinic_key" for m in messages)


def test_a_new_kiosk_joins_by_code_and_opens_what_kiosk_a_sealed(tmp_path, kiosk_a):
    code, payload = kiosk_a.join_code()
    assert payload.startswith("KIOSKJOIN/") and pc.offer_of(payload) is None  # never a console's payload
    joined = run_join(tmp_path, payload)  # the QR code's text: the address, the code and the certificate's pin
    assert joined.returncode == 0, joined.stderr
    assert "joined the clinic" in joined.stdout and kiosk_a.fingerprint in joined.stdout

    b = config_b(tmp_path)
    assert FileKeyProvider(b.key_dir).load() == kiosk_a.key  # kept by B's own provider
    assert oct((b.key_dir / "store.key").stat().st_mode & 0o777) == "0o600"
    store_b = Store.open(b.database_path, FileKeyProvider(b.key_dir))
    try:
        certificate, facts = make_certificate(), make_facts()
        patient_key = store_b._cipher.patient_key(certificate, facts.birth_date)
        store_a = Store.open(kiosk_a.data / "kiosk.db", FileKeyProvider(kiosk_a.keys))  # read-only look
        try:
            sealed = store_a._db.execute("SELECT sealed FROM patients WHERE patient_key = ?",
                                         (patient_key,)).fetchone()
        finally:
            store_a.close()
        assert sealed is not None  # B's keyed hash finds A's patient row
        assert PATIENT in store_b._open(sealed[0], f"patients:{patient_key}")["name"]  # and B opens it
        received = [r for r in store_b._db.execute("SELECT actor, action, detail FROM audit") if
                    r[1] == "clinic_key_received"]
    finally:
        store_b.close()
    assert len(received) == 1 and f"fingerprint={kiosk_a.fingerprint}" in received[0][2]
    assert "shown_by=yamada" in received[0][2] and f"key_id={ck.key_id_of(kiosk_a.key)}" in received[0][2]

    assert kiosk_a.say("status")[1] == pc.USED
    from kiosk.staff.identity import load_identity

    b_fingerprint = load_identity(b.data_dir / "staff").fingerprint
    shared = [r for r in kiosk_a.audit() if r[1] == "clinic_key_shared"]
    assert len(shared) == 1 and shared[0][0] == "yamada"
    assert f"receiver=受付2 fingerprint={b_fingerprint}" in shared[0][2]
    for text in (joined.stdout, joined.stderr, kiosk_a.stderr_path.read_text(encoding="utf-8")):
        assert kiosk_a.key.hex() not in text and kiosk_a.key.hex().upper() not in text
    assert "clinic key: shared with 受付2" in kiosk_a.stderr_path.read_text(encoding="utf-8")  # it did log


def test_wrong_expired_used_and_console_codes_are_refused_before_any_key_byte(tmp_path, kiosk_a):
    code, _ = kiosk_a.join_code()
    wrong = "2222-3333-4444" if pc.normalise_code(code) != "222233334444" else "5555-6666-7777"
    messages = wire(kiosk_a.offer(wrong))
    assert [m["type"] for m in messages] == ["error"] and messages[0]["code"] == pc.WRONG
    assert kiosk_a.say("status")[1] == pc.LIVE  # one wrong code leaves the right one working

    messages = wire(kiosk_a.offer(code), answer={"type": "take"})
    assert [m["type"] for m in messages] == ["welcome", "clinic_key"]
    assert bytes.fromhex(messages[1]["key"]) == kiosk_a.key
    assert "key" not in messages[0] and messages[0]["key_id"] == ck.key_id_of(kiosk_a.key)
    assert [m["code"] for m in wire(kiosk_a.offer(code))] == [pc.USED]  # once only

    code, _ = kiosk_a.join_code()
    kiosk_a.say(f"later {pc.LIFETIME + 1:g}")
    assert [m["code"] for m in wire(kiosk_a.offer(code))] == [pc.EXPIRED]

    code, _ = kiosk_a.join_code()
    kiosk_a.say("close")  # the panel closed
    assert [m["code"] for m in wire(kiosk_a.offer(code))] == [pc.WITHDRAWN]

    console_code, _ = kiosk_a.show()  # shown to pair a staff console: no key for it, and it stays live
    messages = wire(kiosk_a.offer(console_code), answer={"type": "take"})
    assert [m.get("code") for m in messages] == [pc.OTHER_PURPOSE] and not holds_key(messages, kiosk_a.key)
    assert kiosk_a.say("status")[1] == pc.LIVE

    with pytest.raises(PairingCodeRefused) as caught:  # the command's own path says it by name
        ck.receive(kiosk_a.offer(wrong), "受付2", "AA:BB", lambda key_id: None)
    assert caught.value.code == pc.WRONG

    rows = kiosk_a.audit()
    shared = [r for r in rows if r[1] == "clinic_key_shared"]
    assert len(shared) == 1 and "receiver=受付2 fingerprint=AA:BB" in shared[0][2]
    refused = " ".join(r[2] for r in rows if r[1] == "staff_peer_refused")
    for reason in (pc.WRONG, pc.USED, pc.EXPIRED, pc.WITHDRAWN, pc.OTHER_PURPOSE):
        assert reason in refused


def test_a_decline_gets_no_key_and_is_audited(tmp_path, kiosk_a):
    code, _ = kiosk_a.join_code()
    messages = wire(kiosk_a.offer(code), answer={"type": "decline", "reason": ClinicKeyAlreadyHere.code})
    assert [m["type"] for m in messages] == ["welcome"] and not holds_key(messages, kiosk_a.key)
    not_shared = [r for r in kiosk_a.audit() if r[1] == "clinic_key_not_shared"]
    assert len(not_shared) == 1 and f"reason={ClinicKeyAlreadyHere.code}" in not_shared[0][2]


def test_a_new_kiosk_with_its_own_receptions_is_refused_and_keeps_its_key(tmp_path, kiosk_a):
    b = config_b(tmp_path)
    with Store.open(b.database_path, FileKeyProvider(b.key_dir)) as store:
        store.save_reception(make_reception("b1"))
    own = FileKeyProvider(b.key_dir).load()
    code, _ = kiosk_a.join_code()
    joined = run_join(tmp_path, kiosk_a.address, "--code", code, "--fingerprint", kiosk_a.fingerprint)
    assert joined.returncode == 1, joined.stdout
    assert "clinic_key_other_store" in joined.stderr and "holds 1 receptions" in joined.stderr
    assert "kiosk store export" in joined.stderr  # what to do
    assert FileKeyProvider(b.key_dir).load() == own
    with Store.open(b.database_path, FileKeyProvider(b.key_dir)) as store:  # untouched, still opens
        assert not [r for r in store._db.execute("SELECT action FROM audit") if r[0] == "clinic_key_received"]
    rows = kiosk_a.audit()
    assert not [r for r in rows if r[1] == "clinic_key_shared"]
    assert any(r[1] == "clinic_key_not_shared" and "reason=clinic_key_other_store" in r[2] for r in rows)
    assert kiosk_a.key.hex() not in joined.stdout + joined.stderr


def test_joining_in_process_logs_no_key_and_a_second_join_has_nothing_to_do(tmp_path, kiosk_a, caplog):
    caplog.set_level(logging.DEBUG)
    code, _ = kiosk_a.join_code()
    b = config_b(tmp_path, "受付3")
    joined = ck.join(b, kiosk_a.offer(code.lower()))  # typed in lower case
    assert joined.key_id == ck.key_id_of(kiosk_a.key) and FileKeyProvider(b.key_dir).load() == kiosk_a.key
    assert kiosk_a.key.hex() not in repr(joined)

    code, _ = kiosk_a.join_code()
    with pytest.raises(ClinicKeyAlreadyHere):
        ck.join(b, kiosk_a.offer(code))
    assert kiosk_a.key.hex() not in caplog.text
    rows = kiosk_a.audit()
    assert [r[1] for r in rows if r[1].startswith("clinic_key")] == ["clinic_key_shared", "clinic_key_not_shared"]


def test_a_key_without_a_store_or_an_empty_store_under_another_key_is_refused_with_what_to_do(tmp_path):
    b = config_b(tmp_path)
    FileKeyProvider(b.key_dir).create()
    here = ck.look_here(b)
    assert here.receptions is None and "nothing to do" not in repr(here)
    with pytest.raises(ClinicKeyOtherStore, match="no store yet"):
        here.accept(ck.key_id_of(b"\x01" * 32))
    with pytest.raises(ClinicKeyAlreadyHere):
        here.accept(ck.key_id_of(FileKeyProvider(b.key_dir).load() or b""))
    Store.open(b.database_path, FileKeyProvider(b.key_dir)).close()
    here = ck.look_here(b)
    assert here.receptions == 0
    with pytest.raises(ClinicKeyOtherStore, match="no receptions"):
        here.accept(ck.key_id_of(b"\x01" * 32))
    fresh = ck.look_here(config_b(tmp_path / "fresh"))
    assert fresh.key is None and fresh.receptions is None
    fresh.accept("anything")  # a fresh kiosk takes the key
    assert not (tmp_path / "fresh" / "b-keys" / "store.key").exists()  # looking made no key
