"""The embedded demo devices share the virtual reader with the tests and benchmarks: they take its lock
before they touch pcscd, and a reader held elsewhere is a named error, not a second pcscd."""
from __future__ import annotations

import pytest

import kiosk.card.virtual.pcscd as pcscd
import kiosk.embedded as embedded
from kiosk.config import load
from kiosk.embedded import DemoPatient, EmbeddedDevices, EmbeddedDevicesUnavailable


def test_the_reader_is_held_before_pcscd_is_touched_and_a_busy_one_is_named(monkeypatch, tmp_path):
    touched = []
    monkeypatch.setattr(embedded, "ensure_pcscd", lambda: touched.append("pcscd"))

    def held_elsewhere(timeout: float = 180.0):
        raise RuntimeError(f"another program using the virtual reader has held {pcscd.LOCK_FILE} for 180 s")

    monkeypatch.setattr(pcscd, "hold_virtual_reader", held_elsewhere)
    config = load(env={"KIOSK_DATA_DIR": str(tmp_path / "data"), "KIOSK_KEY_DIR": str(tmp_path / "keys"),
                       "KIOSK_KEY_PROVIDER": "file"})
    with pytest.raises(EmbeddedDevicesUnavailable, match="another program"):
        EmbeddedDevices(config, DemoPatient()).start()
    assert touched == []
