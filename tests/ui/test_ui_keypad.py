"""A whole reception with a ten-key and the voice, no touch: what a blind patient does. The silent engine
(RecordingVoice) keeps everything said, so the tests read exactly what a bystander could have heard."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.voice import RecordingVoice
from kiosk.simulation.fakes import DEMO_RECORD, FakeCard
from kiosk.simulation.harness import make_harness
from kiosk.ui.keypad import KEYMAP, Command, label_rows
from kiosk.ui.window import Assistance

PIN = "9786"  # no digit of it is also a position (1けた目…4けた目), so any digit heard is a leak


def _press(k, key, keypad: bool = True) -> None:
    target = QApplication.focusWidget() or k.window
    k.qtbot.keyClick(target, key, Qt.KeyboardModifier.KeypadModifier if keypad else Qt.KeyboardModifier.NoModifier)


def _digit(k, d: str) -> None:
    _press(k, getattr(Qt.Key, f"Key_{d}"))


def _focused(k) -> str:
    return next((b.objectName() for b in k.window.page.choices() if b.property("keyfocus")), "")


def _move_to(k, name: str) -> None:
    for _ in range(len(k.window.page.choices()) + 1):
        if _focused(k) == name:
            return
        _press(k, Qt.Key.Key_Plus)
    pytest.fail(f"no choice {name!r} on {k.flow.state.value}: {[b.objectName() for b in k.window.page.choices()]}")


def _screens(voice: RecordingVoice) -> list[str]:
    return voice.texts("screen")


def test_a_whole_reception_by_ten_key_and_voice(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(FakeCard(pin=PIN)), voice=voice)
    assert not voice.said, "voice is off until a patient asks for it"
    _press(k, Qt.Key.Key_5)  # any key turns the voice on; it does nothing else
    assert k.window.voice_on and k.flow.state is State.IDLE
    assert len(_screens(voice)) == 1, "turned on, it says the screen the patient is on"
    shown = [State.IDLE]
    k.flow.add_listener(lambda view: shown.append(view.state) if view.state != shown[-1] else None)
    k.rig.send(ev.CardInserted())
    assert k.flow.state is State.CHOOSE_METHOD
    _move_to(k, "btn_pin")
    assert voice.said[-1].kind == "focus" and voice.said[-1].text == k.window.page.choice_speech(
        k.window.page.choices()[[b.objectName() for b in k.window.page.choices()].index("btn_pin")])
    _press(k, Qt.Key.Key_Enter)
    assert k.flow.state is State.PIN
    for d in PIN[:3]:
        _digit(k, d)
    _press(k, Qt.Key.Key_Enter)  # three digits: 確定 is not offered yet, nothing is sent
    assert k.flow.state is State.PIN and k.rig.card.pins_sent == 0
    _digit(k, PIN[3])
    _press(k, Qt.Key.Key_Enter)
    assert k.flow.state is State.CONSENT
    _move_to(k, "btn_consent_yes")
    _press(k, Qt.Key.Key_Enter)
    assert k.flow.state is State.DONE
    k.rig.send(ev.CardRemovedEvent())
    assert k.flow.state is State.IDLE

    assert shown[-1] is State.IDLE and not k.window.voice_on, "the next patient starts with the site's default"
    assert [u.kind for u in voice.said].count("screen") == len(shown) - 1, "every screen of the reception said once"
    everything = " ".join(u.text for u in voice.said)
    assert PIN not in everything
    announced = voice.texts("announce")
    assert len(announced) == 4 and not any(c in PIN for text in announced for c in text)
    record = DEMO_RECORD
    for private in (record.name, record.name.replace(" ", ""), record.name_kana):
        if private:
            assert private not in everything
    assert all(u.lang == "ja" for u in voice.said)


def test_every_screen_of_the_reception_is_said_on_entry(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(), voice=voice, assistance=Assistance(voice=True))
    said = {}
    k.flow.add_listener(lambda view: said.setdefault(view.state, len(voice.said)))
    k.rig.send(ev.CardInserted(), ev.ChoosePin())
    for d in "1234":
        k.window.page.key_digit(d)
    k.window.page.default_choice().click()
    assert k.flow.state is State.CONSENT
    for state in (State.CHOOSE_METHOD, State.PIN, State.CONSENT):
        assert state in said
    assert [u.kind for u in voice.said].count("screen") >= 4


def test_star_repeats_and_slash_calls_staff(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(), voice=voice, assistance=Assistance(voice=True))
    k.rig.send(ev.CardInserted())
    before = _screens(voice)[-1]
    _press(k, Qt.Key.Key_Asterisk)
    assert _screens(voice)[-1] == before and len(_screens(voice)) >= 2
    _press(k, Qt.Key.Key_Slash)
    assert k.flow.state is State.WAITING_STAFF


def test_erase_and_the_main_keyboard_digits(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(), voice=voice, assistance=Assistance(voice=True))
    k.rig.send(ev.CardInserted(), ev.ChoosePin())
    for d in "12":
        _press(k, getattr(Qt.Key, f"Key_{d}"), keypad=False)
    _press(k, Qt.Key.Key_Backspace, keypad=False)
    for d in "234":
        _digit(k, d)
    _press(k, Qt.Key.Key_Enter)
    assert k.flow.state is State.CONSENT, "1, 2, erase, 2, 3, 4 is 1234"


def test_the_staff_pin_pad_keeps_its_keys(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(), voice=voice, assistance=Assistance(voice=True))
    k.rig.send(ev.CardInserted(), ev.ChoosePin())
    k.window.open_staff_entry()
    assert k.window.staff_pin.isVisible()
    _digit(k, "7")
    _press(k, Qt.Key.Key_Slash)
    assert k.flow.state is State.PIN, "a key typed at the staff layer does not reach the patient's screen"
    assert not voice.texts("announce")


def test_site_defaults_come_back_for_the_next_patient(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(), voice=voice)
    k.window.toggle_voice()
    k.window.toggle_large_text()
    k.window.toggle_unhurried()
    assert k.window.voice_on and k.window.large_text and k.view.unhurried
    scale = k.window.scale
    k.rig.send(ev.CardInserted(), ev.Cancel())
    k.rig.send(ev.CardRemovedEvent())
    assert k.flow.state is State.IDLE
    assert not k.window.voice_on and not k.window.large_text and not k.view.unhurried
    assert k.window.scale == pytest.approx(scale / 1.5)


def test_large_text_makes_every_size_half_as_big_again(kiosk_for):
    k = kiosk_for(make_harness())
    title = k.window.page.findChild(type(k.window.toast), "title")
    before = title.font().pixelSize() or title.fontInfo().pixelSize()
    k.window.toggle_large_text()
    title = k.window.page.findChild(type(k.window.toast), "title")
    after = title.font().pixelSize() or title.fontInfo().pixelSize()
    assert after == pytest.approx(before * 1.5, rel=0.05)


def test_the_label_shows_every_command():
    commands = {command for _, command in KEYMAP.values()}
    assert commands == set(Command)
    rows = label_rows()
    assert len(rows) == len(Command)


def test_a_card_left_on_the_done_screen_is_asked_for_then_louder(kiosk_for):
    voice = RecordingVoice()
    k = kiosk_for(make_harness(), voice=voice)  # voice off: the card is asked for aloud all the same
    k.rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
    k.rig.send(ev.AnswerConsent(True, True, True))
    assert k.flow.state is State.DONE and k.view.card_reminder == 0
    assert len(voice.texts("alarm")) == 1, "the done screen asks for the card aloud, whatever the voice setting"
    k.rig.wait(10)
    assert k.view.card_reminder == 1
    assert len(voice.texts("alarm")) == 2, "escalated: asked again"
    k.rig.send(ev.CardRemovedEvent())
    assert k.flow.state is State.IDLE


class _MuteVoice(RecordingVoice):
    """A voice with no audio device: it takes every phrase and says it cannot play them."""

    def status(self) -> str:
        return "voice_no_audio_device"


def test_a_voice_that_cannot_speak_is_told_to_staff_and_the_reception_goes_on(kiosk_for, qtbot):
    from kiosk.core.alerts import alerts_of

    k = kiosk_for(make_harness(), voice=_MuteVoice(), assistance=Assistance(voice=True))
    k.rig.send(ev.CardInserted())
    qtbot.waitUntil(lambda: k.view.voice_problem == "voice_no_audio_device", timeout=2000)
    assert "voice_unavailable" in [a.code for a in alerts_of(k.view)]
    k.rig.send(ev.ChoosePin(), ev.SubmitPin("1234"))
    assert k.flow.state is State.CONSENT
