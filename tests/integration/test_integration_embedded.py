"""The reception flow on the real adapters over real pcscd (the embedded demo devices): the virtual
card behind vpcd, the terminal simulator exchanging real files, the replay camera and the real store.
Each patient must take the same path as on the in-memory fakes the flow tests use."""
from __future__ import annotations

import pytest

from kiosk.card.virtual.pcscd import available
from kiosk.config import load
from kiosk.embedded import EmbeddedDevices
from kiosk.scenarios import SCENARIOS
from kiosk.simulate import play, play_embedded, transcript

pytestmark = [pytest.mark.pcsc, pytest.mark.skipif(available() is not None, reason=str(available()))]

SAME_PATH = ("valid-pin", "valid-face", "pin-wrong-once", "pin-low", "pin-locked", "face-fail", "staff-visual",
             "cert-expiring", "cert-expired", "not-my-number", "invalid", "no-record", "several",
             "person-mismatch", "black-circle", "limit-consent", "cancel")


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    """pcscd, the virtual card and the terminal simulator, started once and switched per patient."""
    root = tmp_path_factory.mktemp("embedded")
    config = load(env={"KIOSK_DATA_DIR": str(root / "data"), "KIOSK_KEY_DIR": str(root / "keys"),
                       "KIOSK_KEY_PROVIDER": "file"})
    devices = EmbeddedDevices(config, SCENARIOS["valid-pin"]).start()
    yield devices
    devices.close()


@pytest.mark.parametrize("name", SAME_PATH)
def test_real_devices_take_the_same_path_as_the_fakes(name, embedded):
    scenario = SCENARIOS[name]
    real = transcript(play_embedded(scenario, embedded.config, embedded))
    fake = transcript(play(scenario))
    # A script may end with the card still in (waiting for staff): the real run takes it out after.
    left = real["states"][len(fake["states"]):]
    assert real["states"][:len(fake["states"])] == fake["states"] and left in ([], ["card_removed"], ["ended", "idle"])
    if not left:
        assert real["outcome"] == fake["outcome"]
    assert set(fake["troubles"]) <= set(real["troubles"])
    assert [r["insurer_number"] for r in real["to_rececon"]] == [r["insurer_number"] for r in fake["to_rececon"]]


def test_a_card_pulled_during_the_read_ends_the_step_cleanly(embedded):
    real = transcript(play_embedded(SCENARIOS["card-removed"], embedded.config, embedded))
    assert real["states"][:2] == ["idle", "reading"]
    assert "card_removed" in real["states"] and real["final_state"] == "idle"
    assert real["outcome"] == "card_removed"
