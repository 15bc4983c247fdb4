"""The core's voice port: utterances and the silent engine that records them."""
import pytest

from kiosk.core.voice import VOICE_LANGS, RecordingVoice, Utterance, VoiceError


def test_recording_voice_keeps_what_was_said_in_order():
    voice = RecordingVoice()
    voice.speak(Utterance("カードを置いてください。", "ja", "screen"))
    voice.speak(Utterance("確定", "ja", "focus"))
    voice.stop()
    assert [u.kind for u in voice.said] == ["screen", "focus"]
    assert voice.texts("focus") == ["確定"]
    assert voice.texts() == ["カードを置いてください。", "確定"]
    assert voice.stops == 1
    assert voice.status() == ""
    assert voice.voices() == VOICE_LANGS


def test_recording_voice_speaks_only_the_languages_it_is_given():
    assert RecordingVoice(languages=frozenset({"ja"})).voices() == {"ja"}


def test_an_utterance_of_an_unknown_kind_is_refused():
    with pytest.raises(VoiceError):
        Utterance("x", "ja", "shout")


def test_an_utterance_never_shows_its_words_in_a_log_or_report():
    shown = repr(Utterance("山田太郎さん", "ja", "announce"))
    assert "山田" not in shown and "announce" in shown and "ja" in shown
