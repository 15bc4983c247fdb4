"""The site's accessibility settings: read from the file and the environment, checked, handed to the flow."""
from __future__ import annotations

import pytest

from kiosk import config
from kiosk.config import ConfigError
from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.simulation.harness import make_harness
from kiosk.wiring import flow_config


def _load(tmp_path, text: str = "", **env: str) -> config.Config:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return config.load(path, env={"KIOSK_DATA_DIR": str(tmp_path / "d"), **env})


def test_the_defaults(tmp_path):
    cfg = _load(tmp_path)
    assert (cfg.voice_default, cfg.voice_volume, cfg.voice_rate, cfg.voice_engine) == (False, 0.8, 1.0, "auto")
    assert (cfg.large_text_default, cfg.unhurried_default, cfg.card_left_escalate_after) == (False, False, 6.0)


def test_the_file_sets_them(tmp_path):
    cfg = _load(tmp_path, 'voice_default = true\nvoice_volume = 0.5\nvoice_rate = 0.75\nvoice_engine = "OpenJTalk"\n'
                          "large_text_default = true\nunhurried_default = true\ncard_left_escalate_after = 4\n")
    assert (cfg.voice_default, cfg.voice_volume, cfg.voice_rate, cfg.voice_engine) == (True, 0.5, 0.75, "openjtalk")
    assert (cfg.large_text_default, cfg.unhurried_default, cfg.card_left_escalate_after) == (True, True, 4.0)


def test_the_environment_overrides_the_file_in_words(tmp_path):
    cfg = _load(tmp_path, "voice_default = true\nunhurried_default = false\n",
                KIOSK_VOICE="off", KIOSK_UNHURRIED="Yes", KIOSK_LARGE_TEXT="1", KIOSK_VOICE_VOLUME="1",
                KIOSK_VOICE_RATE="2", KIOSK_VOICE_ENGINE="none", KIOSK_CARD_LEFT_ESCALATE="10.5")
    assert (cfg.voice_default, cfg.unhurried_default, cfg.large_text_default) == (False, True, True)
    assert (cfg.voice_volume, cfg.voice_rate, cfg.voice_engine, cfg.card_left_escalate_after) == (1.0, 2.0, "none",
                                                                                                    10.5)


@pytest.mark.parametrize("text, key", [
    ('voice_default = "maybe"', "voice_default"),
    ("voice_default = 1", "voice_default"),  # a number is not a switch in a file
    ("voice_volume = 1.5", "voice_volume"),
    ("voice_volume = -0.1", "voice_volume"),
    ('voice_volume = "loud"', "voice_volume"),
    ("voice_rate = 0.4", "voice_rate"),
    ("voice_rate = 2.5", "voice_rate"),
    ('voice_engine = "festival"', "voice_engine"),
    ('large_text_default = "big"', "large_text_default"),
    ("unhurried_default = 0.5", "unhurried_default"),
    ("card_left_escalate_after = 0.5", "card_left_escalate_after"),
    ("card_left_escalate_after = 15", "card_left_escalate_after"),  # the done screen would time out first
    ("card_left_escalate_after = nan", "card_left_escalate_after"),
])
def test_bad_values_are_named_errors(tmp_path, text, key):
    with pytest.raises(ConfigError, match=key) as raised:
        _load(tmp_path, text)
    assert raised.value.code == "config_error"


def test_a_bad_switch_in_the_environment_is_a_named_error(tmp_path):
    with pytest.raises(ConfigError, match="unhurried_default"):
        _load(tmp_path, KIOSK_UNHURRIED="slowly")


def test_the_flow_takes_the_pace_and_the_card_reminder_from_the_site(tmp_path):
    flow = flow_config(_load(tmp_path, KIOSK_UNHURRIED="true", KIOSK_CARD_LEFT_ESCALATE="3"))
    assert (flow.unhurried_default, flow.card_left_escalate_after) == (True, 3.0)
    rig = make_harness(config=flow)
    assert rig.view.unhurried
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True))
    rig.wait(3)
    assert rig.state is State.DONE and rig.view.card_reminder == 1
