"""The real engines: Japanese by OpenJTalk and another language by espeak-ng are speech, within their
deadlines, and a stop ends a long synthesis at once."""
import os
import threading
import time

import numpy as np
import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.core.voice import SynthesisFailed, SynthesisTimeout
from kiosk.voice.engines import EspeakEngine, synthesize
from kiosk.voice.pcm import Pcm
from kiosk.voice.sentences import sentences
from kiosk.voice.wav import parse_streamed_wav, read_wav, write_wav
from tests.voice.conftest import assert_speech, is_speech

LONG_JA = "マイナンバーカードを読み取っています。カードを動かさずに、そのままお待ちください。" * 20
LONG_EN = "Please keep your card in the reader until the screen tells you to take it. " * 40


def test_the_speech_check_refuses_silence_noise_and_a_tone():
    rate = 48000
    t = np.arange(3 * rate) / rate
    silence = Pcm.silence(3.0, rate)
    noise = Pcm.from_array(np.random.default_rng(1).normal(0, 8000, 3 * rate), rate)
    tone = Pcm.from_array(np.sin(2 * np.pi * 440 * t) * 12000, rate)
    for pcm in (silence, noise, tone):
        assert not is_speech(pcm, 1.0, 5.0)[0]


def test_openjtalk_renders_japanese_speech_to_a_wav_file(openjtalk, tmp_path):
    text = "マイナンバーカードを置いてください。顔写真のある面を上にしてください。"
    pcm = synthesize(openjtalk, text, "ja")
    assert pcm.rate == 48000
    write_wav(tmp_path / "ja.wav", pcm)
    again = read_wav(tmp_path / "ja.wav")
    assert again == pcm
    # Japanese at a normal pace: about 0.1-0.2 s a character of this text
    assert_speech(again, 0.06 * len(text), 0.25 * len(text))


def test_the_site_volume_and_rate_reach_the_japanese_voice(openjtalk):
    from kiosk.voice.engines import OpenJTalkEngine

    text = "受付が終わりました。"
    normal = synthesize(openjtalk, text, "ja")
    quiet_fast = OpenJTalkEngine(rate=1.5, volume=0.4)
    other = synthesize(quiet_fast, text, "ja")
    assert other.seconds < normal.seconds * 0.8
    assert np.abs(other.array()).max() < np.abs(normal.array()).max() * 0.5


def test_espeak_renders_english_speech(espeak):
    assert {"en", "zh", "ko", "vi", "pt-BR", "id", "ne"} <= espeak.voices()
    text = "Please place your My Number Card on the reader."
    assert_speech(synthesize(espeak, text, "en"), 0.03 * len(text), 0.15 * len(text))


def test_an_engine_asked_for_a_language_it_lacks_says_so(openjtalk, espeak):
    with pytest.raises(SynthesisFailed):
        synthesize(openjtalk, "hello", "en")
    with pytest.raises(SynthesisFailed):
        synthesize(espeak, "こんにちは", "xx")


def _cancelled_after(engine, text, lang, seconds):
    token = CancelToken()
    threading.Timer(seconds, token.cancel).start()
    started = time.monotonic()
    made = []
    with pytest.raises(Cancelled):
        for pcm in engine.chunks(text, lang, token):
            made.append(pcm)
    return time.monotonic() - started, made


def _cancelled_at_the_first_chunk(engine, text, lang):
    """Stop as the first sound comes: how many more the engine makes before it sees the stop."""
    token = CancelToken()
    made = []
    with pytest.raises(Cancelled):
        for pcm in engine.chunks(text, lang, token):
            made.append(pcm)
            token.cancel()
    return made


def test_a_stop_ends_espeak_within_a_sentence(espeak):
    whole = len(sentences(LONG_EN))  # a chunk per sentence
    made = _cancelled_at_the_first_chunk(espeak, LONG_EN, "en")
    assert whole >= 4 and len(made) <= 2, (len(made), whole)  # not read on to the end


def test_a_stop_kills_an_espeak_process_mid_sentence(tmp_path):
    # An espeak-ng that lists the real voices and then hangs, as one does on an overloaded machine.
    hanging = tmp_path / "espeak-ng"
    pid_file = tmp_path / "pid"
    hanging.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = --voices ]; then exec espeak-ng --voices; fi\n'
        f"echo $$ > {pid_file}\n"
        "exec sleep 600\n"  # longer than the test may run: only the kill ends it
    )
    hanging.chmod(0o755)
    engine = EspeakEngine(binary=str(hanging))
    engine.load()
    took, made = _cancelled_after(engine, "Hello.", "en", 0.2)
    assert made == [], took
    pid = int(pid_file.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_a_stop_ends_openjtalk_within_a_sentence(openjtalk):
    whole = len(sentences(LONG_JA))  # a chunk per sentence
    made = _cancelled_at_the_first_chunk(openjtalk, LONG_JA, "ja")
    assert whole >= 4 and len(made) <= 2, (len(made), whole)  # not read on to the end


def test_a_synthesis_past_its_deadline_is_abandoned():
    slow = EspeakEngine(deadline=0.05)
    slow.load()
    with pytest.raises(SynthesisTimeout):
        synthesize(slow, LONG_EN.replace(". ", ", "), "en")


def test_a_streamed_wav_header_with_unknown_sizes_is_read():
    pcm = Pcm.from_array(np.arange(100) * 100, 22050)
    header = b"RIFF" + (0x7FFFF000).to_bytes(4, "little") + b"WAVEfmt " + (16).to_bytes(4, "little")
    header += (1).to_bytes(2, "little") + (1).to_bytes(2, "little") + (22050).to_bytes(4, "little")
    header += (44100).to_bytes(4, "little") + (2).to_bytes(2, "little") + (16).to_bytes(2, "little")
    header += b"data" + (0x7FFFF000).to_bytes(4, "little")
    assert parse_streamed_wav(header + pcm.samples) == pcm
    with pytest.raises(SynthesisFailed):
        parse_streamed_wav(b"not a wav file at all")
