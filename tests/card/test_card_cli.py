"""``kiosk card status|read|face`` against the virtual card, as IT staff would run them."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.card.virtual.profiles import profile

pytestmark = pytest.mark.pcsc

ROOT = Path(__file__).resolve().parents[2]


def kiosk(*args: str, pin: str | None = None, code_b: str | None = None) -> tuple[int, dict]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))  # tests/conftest.py already dropped every KIOSK_ variable
    if pin is not None:
        env["KIOSK_PIN"] = pin
    if code_b is not None:
        env["KIOSK_CODE_B"] = code_b
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", *args, "--json"], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=60, stdin=subprocess.DEVNULL,
    )
    return result.returncode, json.loads(result.stdout)


def test_status_and_read(virtual_card):
    link = virtual_card("valid")
    code, status = kiosk("card", "status")
    assert code == 0
    assert status["card"] == "my_number" and status["pin_tries_left"] == 3
    assert status["certificate"]["expired"] is False

    code, wrong = kiosk("card", "read", pin="9999")
    assert code != 0 and wrong == {"error": "wrong_pin", "detail": "wrong PIN, 2 tries left", "pin_tries_left": 2}

    code, facts = kiosk("card", "read", pin="1234")
    assert code == 0
    assert facts["name"] == "見本 太郎" and facts["birth_date"] == "1980-02-17" and facts["sex"] == "male"
    text = json.dumps(facts, ensure_ascii=False)
    assert "1234" not in text and profile("valid").individual_number not in text

    code, face = kiosk("card", "face", code_b=profile("valid").code_b)
    assert code == 0 and face["card_expiry"] == "2030-02-17" and face["photo_bytes"] > 1000
    assert ("assist", 0x0001) not in link.card.files_touched()


def test_read_refuses_the_last_try(virtual_card):
    link = virtual_card("pin-low")
    code, answer = kiosk("card", "read", pin="9999")
    assert code == 5 and answer["error"] == "last_try"
    assert not any(c[:5] == bytes.fromhex("0020008004") for _, c in link.card.log)  # no try spent


def test_status_of_other_cards(virtual_card):
    virtual_card("not-my-number")
    code, status = kiosk("card", "status")
    assert code == 3 and status == {"card": "other"}
