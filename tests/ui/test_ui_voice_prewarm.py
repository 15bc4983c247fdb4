"""The voice's pre-warm follows the voice switch: with the voice off (a patient's default) nothing is made
ahead, so Open JTalk and the screens' speech are not in memory until something is said; turned on, the
screens of a reception without trouble are made ahead in the patient's language."""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt

from kiosk.core.states import SPECS, State
from kiosk.core.voice import RecordingVoice, Utterance
from kiosk.simulation.harness import make_harness
from kiosk.ui.content import speech_of
from kiosk.ui.voice_guide import spoken
from kiosk.ui.window import Assistance


@dataclass
class WarmedVoice(RecordingVoice):
    """The silent engine, keeping every batch it is asked to make ahead."""

    warmed: list[list[Utterance]] = field(default_factory=list)

    def prewarm(self, utterances=()) -> None:
        self.warmed.append(list(utterances))


def _screen(state: State, lang: str) -> str:
    return spoken(" ".join(speech_of(state)), lang)


def test_with_the_voice_off_nothing_is_made_ahead_until_a_patient_turns_it_on(kiosk_for):
    voice = WarmedVoice()
    k = kiosk_for(make_harness(), voice=voice)
    k.window.set_language("en")
    assert voice.warmed == [], "voice off: neither the start nor a language change makes speech ahead"
    k.qtbot.keyClick(k.window, Qt.Key.Key_5, Qt.KeyboardModifier.KeypadModifier)  # any key turns it on
    assert k.window.voice_on
    assert len(voice.warmed) == 1
    warmed = voice.warmed[0]
    assert {u.lang for u in warmed} == {"en"} and {u.kind for u in warmed} == {"screen"}
    texts = {u.text for u in warmed}
    assert _screen(State.IDLE, "en") in texts and _screen(State.CHOOSE_METHOD, "en") in texts
    troubled = [s for s in State if SPECS[s].trouble is not None]
    assert troubled and not texts & {_screen(s, "en") for s in troubled}, "a trouble's screen is made when it appears"
    assert voice.said[0].text == _screen(State.IDLE, "en"), "the screen the patient is on is said first"
    k.window.toggle_voice()  # off again: a language change makes nothing
    k.window.set_language("ko")
    assert len(voice.warmed) == 1


def test_a_site_with_the_voice_on_makes_its_screens_ahead_from_the_start(kiosk_for):
    voice = WarmedVoice()
    k = kiosk_for(make_harness(), voice=voice, assistance=Assistance(voice=True))
    assert len(voice.warmed) == 1 and {u.lang for u in voice.warmed[0]} == {"ja"}
    k.window.set_language("en")
    assert len(voice.warmed) == 2 and {u.lang for u in voice.warmed[1]} == {"en"}
