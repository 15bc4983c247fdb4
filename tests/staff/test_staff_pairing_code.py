"""Pairing by the one-time code the kiosk's staff menu shows: a kiosk process (tests/staff/pairing_kiosk.py:
the real staff server, its panel played on stdin, its codes on a clock the test moves) and this test, or
`kiosk staff pair --code`, as the console. The code works once, ends after 5 minutes or when the panel
closes, and wrong codes are slowed and audited; the console keeps the kiosk's secret and its name."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.staff import pairing_code as pc
from kiosk.staff.client import KioskLink, pair_by_code
from kiosk.staff.errors import FingerprintMismatch, PairingCodeRefused
from kiosk.staff.identity import PairingBook
from kiosk.staff.messages import DEFAULT_PORT
from tests.staff.pairing_kiosk_process import PairingKioskProcess

ROOT = Path(__file__).resolve().parents[2]


class KioskProcess(PairingKioskProcess):
    def __init__(self, folder: Path) -> None:
        super().__init__(folder / "kiosk", folder / "keys", folder / "kiosk-stderr.txt")

    def secret(self) -> str:
        return (self.data / "staff" / "pairing-secret").read_text().strip()


@pytest.fixture
def kiosk(tmp_path):
    process = KioskProcess(tmp_path)
    yield process
    process.quit()


def refusal(offer: pc.PairingOffer) -> PairingCodeRefused:
    with pytest.raises(PairingCodeRefused) as caught:
        pair_by_code(offer)
    return caught.value


def test_a_console_pairs_by_the_code_once_and_keeps_the_kiosks_name_and_secret(tmp_path, kiosk):
    assert kiosk.say("name 受付1") == ["named", "受付1"]
    code, payload = kiosk.show()
    pairings = tmp_path / "console" / "kiosks.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    paired = subprocess.run([sys.executable, "-m", "kiosk", "staff", "pair", kiosk.address, "--code", code.lower(),
                             "--pairings", str(pairings)], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=60)
    assert paired.returncode == 0, paired.stderr
    assert "受付1" in paired.stdout
    pairing = PairingBook(pairings).get(kiosk.address)
    assert pairing.name == "受付1" and pairing.secret == kiosk.secret().replace("-", "")
    assert pairing.fingerprint == pc.offer_of(payload).fingerprint
    assert kiosk.say("status") == ["status", pc.USED, "127.0.0.1"]

    assert refusal(kiosk.offer(code)).code == pc.USED  # once only

    link = KioskLink(pairing, DEFAULT_PORT).start()  # the handed secret reconnects as a typed one would
    try:
        assert link.wait_online(10)
        assert link.name == "受付1"
    finally:
        link.stop()

    rows = kiosk.audit()
    assert ("yamada", "staff_pairing_code_shown", "lifetime=300s") in rows
    assert ("yamada", "staff_paired_by_code", "peer=127.0.0.1") in rows
    assert ("kiosk-staff", "kiosk_named", "name=受付1") in rows


def test_the_qr_payload_pairs_and_pins_the_certificate_before_anything_is_proven(kiosk):
    _, payload = kiosk.show()
    offer = pc.offer_of(payload)
    assert offer is not None and (offer.host, offer.port) == (kiosk.host, kiosk.port)
    other = "AB:" * 31 + "AB"
    with pytest.raises(FingerprintMismatch):
        pair_by_code(pc.PairingOffer(offer.host, offer.port, offer.code, other))
    assert kiosk.say("status")[1] == pc.LIVE  # nothing proven, nothing spent
    pairing = pair_by_code(offer)
    assert pairing.fingerprint == offer.fingerprint and pairing.name == ""  # no name given: the console numbers it


def test_an_expired_code_is_refused_by_name(kiosk):
    code, _ = kiosk.show()
    kiosk.say("later 299")
    assert kiosk.say("status")[1] == pc.LIVE
    kiosk.say("later 2")
    assert refusal(kiosk.offer(code)).code == pc.EXPIRED


def test_closing_the_panel_withdraws_its_code_and_a_new_code_replaces_the_old(kiosk):
    code, _ = kiosk.show()
    assert kiosk.say("close") == ["closed"]
    assert refusal(kiosk.offer(code)).code == pc.WITHDRAWN
    first, _ = kiosk.show()
    second, _ = kiosk.show()
    assert refusal(kiosk.offer(first)).code == pc.WITHDRAWN
    assert pair_by_code(kiosk.offer(second)).secret


def test_no_code_on_screen_is_said(kiosk):
    assert refusal(kiosk.offer(pc.new_code())).code == pc.NONE_SHOWN


def test_wrong_codes_are_slowed_then_audited_and_the_right_one_works_after_the_wait(kiosk):
    code, _ = kiosk.show()
    wrong = next(c for c in iter(pc.new_code, None) if c != code)
    for _ in range(4):  # 3 free tries, the 4th sets a wait of 2 s
        assert refusal(kiosk.offer(wrong)).code == pc.WRONG
    slowed = refusal(kiosk.offer(code))  # even the right code waits: the address is guessing
    assert slowed.code == pc.SLOWED and slowed.detail == "2"
    kiosk.say("later 3")
    assert pair_by_code(kiosk.offer(code)).secret
    refused = [detail for actor, action, detail in kiosk.audit() if action == "staff_peer_refused"]
    assert "peer=127.0.0.1 reason=staff_pairing_code_wrong count=1" in refused
    assert any("staff_pairing_code_wrong:3" in d and "staff_pairing_code_slowed:1" in d for d in refused), refused


def test_too_many_wrong_codes_withdraw_the_code(kiosk):
    code, _ = kiosk.show()
    wrong = next(c for c in iter(pc.new_code, None) if c != code)
    for _ in range(pc.MAX_WRONG - 1):
        assert refusal(kiosk.offer(wrong)).code == pc.WRONG
    kiosk.say("later 3")  # past the address's wait, well within the code's 5 minutes
    assert refusal(kiosk.offer(wrong)).code == pc.WRONG
    assert kiosk.say("status")[1] == pc.WITHDRAWN
    kiosk.say("later 5")
    assert refusal(kiosk.offer(code)).code == pc.WITHDRAWN  # staff show a new one
    assert ("unknown", "staff_pairing_code_withdrawn", "wrong=5 last_peer=127.0.0.1") in kiosk.audit()


# --- the code and its QR text, without a kiosk --------------------------------------------------------


def test_codes_are_three_groups_of_four_from_an_unambiguous_alphabet():
    codes = {pc.new_code() for _ in range(200)}
    assert len(codes) == 200
    for code in codes:
        groups = code.split("-")
        assert [len(g) for g in groups] == [4, 4, 4] and set("".join(groups)) <= set(pc.ALPHABET)
    assert not set("01IO") & set(pc.ALPHABET) and len(pc.ALPHABET) == 32  # 60 bits


def test_a_code_is_read_as_staff_type_it():
    assert pc.normalise_code("abcd efgh-ＪＫＬＭ") == "ABCDEFGHJKLM"
    assert pc.looks_like_code("abcd-efgh-jklm") and not pc.looks_like_code("ABCD-EFGH-JKL0")
    assert pc.code_proof("abcd-efgh-jklm", "console", "a", "b", "F") == pc.code_proof("ABCDEFGHJKLM", "console",
                                                                                    "a", "b", "F")


def test_the_qr_text_carries_address_code_and_fingerprint_in_characters_every_keyboard_types():
    fingerprint = ":".join(["0A"] * 32)
    offer = pc.PairingOffer("192.168.1.20", 47810, "abcd-efgh-jklm", fingerprint)
    payload = pc.payload_of(offer)
    assert payload == "KIOSKPAIR/192.168.1.20/47810/ABCDEFGHJKLM/" + "0A" * 32
    assert set(payload) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.")
    back = pc.offer_of(payload)
    assert back == pc.PairingOffer("192.168.1.20", 47810, "ABCD-EFGH-JKLM", fingerprint)
    assert pc.offer_of(payload.lower()) == back  # a scanner with caps lock off
    assert pc.offer_of("ＫＩＯＳＫＰＡＩＲ/192.168.1.20/47810/ABCDEFGHJKLM/" + "0A" * 32) == back  # IME on
    v6 = pc.PairingOffer("fe80::1", 47810, "ABCD-EFGH-JKLM", fingerprint)
    assert pc.offer_of(pc.payload_of(v6)) == v6 and v6.address == "[fe80::1]:47810"
    for broken in ("", "KIOSKPAIR/host/47810/ABCD", payload[:-1], payload.replace("47810", "99999"),
                   "OTHER/192.168.1.20/47810/ABCDEFGHJKLM/" + "0A" * 32):
        assert pc.offer_of(broken) is None, broken


def test_a_code_ends_after_its_wrong_tries_and_each_end_is_named():
    rows: list[tuple[str, str, str]] = []
    now = [0.0]
    codes = pc.PairingCodes(lambda *row: rows.append(row), lambda: now[0])
    code, life = codes.issue("sato")
    assert life == 300 and codes.status() == pc.CodeStatus(pc.LIVE, 300.0)
    for _ in range(pc.MAX_WRONG):
        with pytest.raises(PairingCodeRefused) as caught:
            codes.redeem(lambda candidate: False, "10.0.0.9")
        assert caught.value.code == pc.WRONG
    assert codes.status().state == pc.WITHDRAWN
    with pytest.raises(PairingCodeRefused) as caught:
        codes.redeem(lambda candidate: candidate == code, "10.0.0.9")
    assert caught.value.code == pc.WITHDRAWN
    assert ("unknown", "staff_pairing_code_withdrawn", "wrong=5 last_peer=10.0.0.9") in rows
    code, _ = codes.issue("sato")
    now[0] = 150.0
    assert codes.status().seconds_left == 150.0
    assert codes.redeem(lambda candidate: candidate == code, "10.0.0.8") == code
    assert codes.status() == pc.CodeStatus(pc.USED, 0.0, "10.0.0.8")
