"""The SpeechPlayer: off the UI thread, cached, cancelled by the next phrase, silent without a device,
and the Japanese voice's notice where a language has no voice."""
import logging

import pytest

from kiosk.core.voice import NO_AUDIO_DEVICE, NO_ENGINE, Utterance
from kiosk.voice.build import pcm_engines
from kiosk.voice.engines import SENTENCE_PAUSE, OpenJTalkEngine, synthesize
from kiosk.voice.output import MemoryOutput
from kiosk.voice.player import NO_VOICE_NOTICE, SpeechPlayer
from tests.voice.conftest import assert_speech

CARD = "マイナンバーカードを置いてください。顔写真のある面を上にしてください。"
LONG = "カードを読み取っています。そのままお待ちください。" * 30


class Counted(OpenJTalkEngine):
    """The Japanese engine, counting the phrases it is asked to make: one said from the cache is not."""

    def __init__(self):
        super().__init__()
        self.made = 0

    def chunks(self, text, lang, cancel):
        self.made += 1
        return super().chunks(text, lang, cancel)


class Unplugged(MemoryOutput):
    """An output whose device is gone, as on a kiosk with no speaker or earphone plugged in."""

    def available(self):
        return False


@pytest.fixture
def player(qapp):
    made = []

    def make(output=None, engines=None, **kw):
        p = SpeechPlayer(pcm_engines("auto", 1.0, 1.0) if engines is None else engines, output, **kw)
        assert p.wait_loaded(20)
        made.append(p)
        return p

    yield make
    for p in made:
        p.close()


def heard(output, qtbot, streams=1, ended=None):
    """The ``streams``-th stream, once ``ended`` streams (all of them, unless some were cut) have ended."""
    ended = streams if ended is None else ended
    qtbot.waitUntil(lambda: len(output.streams) >= streams and output.ended >= ended, timeout=5000)
    return output.streams[streams - 1]


def test_a_phrase_is_rendered_off_the_ui_thread_and_played(player, qtbot):
    out = MemoryOutput()
    p = player(out)
    p.speak(Utterance(CARD, "ja", "screen"))
    assert not out.streams  # speak() only hands the phrase over: nothing is made or played on this thread
    chunks = heard(out, qtbot)
    speech = [c for c in chunks if c.array().any()]
    assert len(speech) == 2  # one per sentence, the first played before the second was made
    whole = synthesize(OpenJTalkEngine(), CARD, "ja")
    assert sum(c.seconds for c in chunks) == pytest.approx(whole.seconds, abs=0.01)
    assert_speech(whole, 2.0, 10.0)
    assert p.status() == ""


def test_a_phrase_said_again_comes_from_the_cache_at_once(player, qtbot):
    out, engine = MemoryOutput(), Counted()
    p = player(out, [engine])
    p.speak(Utterance(CARD, "ja", "screen"))
    first = heard(out, qtbot)
    made = engine.made
    p.speak(Utterance(CARD, "ja", "screen"))
    second = heard(out, qtbot, streams=2)
    assert engine.made == made  # nothing made again
    assert [c.samples for c in second] == [c.samples for c in first]


def test_the_next_phrase_cancels_the_one_being_made(player, qtbot):
    out = MemoryOutput()
    p = player(out)
    p.speak(Utterance(LONG, "ja", "screen"))
    qtbot.waitUntil(lambda: bool(out.streams and out.streams[-1]), timeout=5000)
    p.speak(Utterance("確定", "ja", "focus"))
    heard(out, qtbot, streams=2, ended=1)
    assert len(out.streams[0]) < 2 * 30 - 1  # the long phrase stopped, never finished
    assert out.ended == 1  # only the short phrase played to its end


def test_stop_silences_the_output_and_drops_late_sentences(player, qtbot):
    out = MemoryOutput()
    p = player(out)
    p.speak(Utterance(LONG, "ja", "screen"))
    qtbot.waitUntil(lambda: bool(out.streams and out.streams[-1]), timeout=5000)
    p.stop()
    so_far = len(out.streams[0])
    qtbot.wait(500)
    assert len(out.streams[0]) <= so_far + 1 and out.ended == 0


def test_without_an_audio_device_it_stays_silent_logs_once_and_never_blocks(player, qtbot, caplog):
    out = Unplugged()
    p = player(out)
    caplog.set_level(logging.WARNING, logger="kiosk.voice.player")
    for _ in range(3):
        p.speak(Utterance(CARD, "ja", "screen"))
    qtbot.wait(300)
    assert out.streams == []
    assert p.status() == NO_AUDIO_DEVICE
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [NO_AUDIO_DEVICE]


def test_a_language_without_a_voice_gets_the_japanese_notice_once_per_screen(player, qtbot):
    out = MemoryOutput()
    p = player(out)
    assert "fil" not in p.voices()  # espeak-ng 1.51 has no Filipino
    p.speak(Utterance("Ilagay ang inyong card.", "fil", "screen"))
    notice = heard(out, qtbot)
    expected = synthesize(OpenJTalkEngine(), NO_VOICE_NOTICE, "ja")
    assert sum(c.seconds for c in notice) == pytest.approx(expected.seconds, abs=SENTENCE_PAUSE)
    p.speak(Utterance("Kumpirmahin", "fil", "focus"))
    p.speak(Utterance("Unang digit", "fil", "announce"))
    qtbot.wait(300)
    assert len(out.streams) == 1  # nothing more on this screen
    p.speak(Utterance("Salamat.", "fil", "screen"))
    heard(out, qtbot, streams=2)


def test_a_phrase_is_logged_by_kind_and_language_only(player, qtbot, caplog):
    out = MemoryOutput()
    p = player(out)
    caplog.set_level(logging.DEBUG, logger="kiosk.voice")
    p.speak(Utterance("Ilagay ang inyong card.", "fil", "screen"))
    heard(out, qtbot)
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "kind=screen lang=fil" in logged and "Ilagay" not in logged


def test_with_no_engine_the_status_says_so(player):
    p = player(MemoryOutput(), engines=[])
    assert p.status() == NO_ENGINE
    assert p.voices() == frozenset()


def test_prewarmed_phrases_start_from_the_cache(player, qtbot):
    out, engine = MemoryOutput(), Counted()
    p = player(out, [engine])
    p.prewarm([Utterance(CARD, "ja", "screen")])
    qtbot.waitUntil(lambda: len(p._cache) >= 2, timeout=5000)  # the notice and the phrase
    made = engine.made
    p.speak(Utterance(CARD, "ja", "screen"))
    heard(out, qtbot)
    assert engine.made == made  # said from the cache


def test_prewarming_gives_way_to_a_phrase_to_say_now(player, qtbot):
    out = MemoryOutput()
    p = player(out)
    p.prewarm([Utterance(LONG, "ja", "screen")])
    qtbot.wait(100)  # the worker is in the middle of the long phrase
    p.speak(Utterance("確定", "ja", "focus"))
    heard(out, qtbot)
    assert len(p._cache) < 3  # said before the warming was done: it gave way
    qtbot.waitUntil(lambda: len(p._cache) >= 3, timeout=20000)  # and the warming was finished after


def test_the_os_voices_speak_where_they_have_the_language(player, qtbot):
    from kiosk.voice.qt_speech import TEST_ENGINE, QtSpeechEngine

    qt = QtSpeechEngine(TEST_ENGINE)  # Qt's mock engine: English voices, speaks into nothing
    out = MemoryOutput()
    p = player(out, qt_speech=qt)
    assert "en" in qt.voices() and p.engine_for("en") == "qt" and p.engine_for("ja") == "openjtalk"
    with qtbot.waitSignal(p.first_audio, timeout=3000):
        p.speak(Utterance("Please place your card.", "en", "screen"))
    assert qt.speaking and out.streams == []
    p.stop()
    assert not qt.speaking
