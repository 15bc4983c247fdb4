"""The player through a real audio device (QAudioSink): played to its end, stopped at once. Skipped where
the machine has no audio output; a PulseAudio null sink is enough (docs/voice.md says how)."""
import pytest
from PySide6.QtMultimedia import QMediaDevices

from kiosk.core.voice import Utterance
from kiosk.voice.build import pcm_engines
from kiosk.voice.output import SinkOutput
from kiosk.voice.player import SpeechPlayer


@pytest.fixture
def sink_player(qapp):
    if not QMediaDevices.audioOutputs():
        pytest.skip("no audio output device")
    out = SinkOutput()
    player = SpeechPlayer(pcm_engines("openjtalk", 1.0, 0.8), out)
    assert player.wait_loaded(20)
    yield player, out
    player.close()


def test_a_phrase_plays_to_its_end_and_frees_the_device(sink_player, qtbot):
    player, out = sink_player
    with qtbot.waitSignal(player.first_audio, timeout=3000):
        player.speak(Utterance("受付が終わりました。", "ja", "screen"))
    assert out._sink is not None and player.status() == ""
    qtbot.waitUntil(lambda: out._sink is None, timeout=8000)  # the null sink adds up to 2 s of latency


def test_stop_silences_the_device_at_once(sink_player, qtbot):
    player, out = sink_player
    with qtbot.waitSignal(player.first_audio, timeout=3000):
        player.speak(Utterance("カードを読み取っています。そのままお待ちください。" * 5, "ja", "screen"))
    player.stop()
    assert out._sink is None
    qtbot.wait(300)
    assert out._sink is None  # no late sentence reopened it
