"""What makes a WAV speech rather than silence, noise or a tone; the real engines, loaded once."""
from __future__ import annotations

import numpy as np
import pytest

from kiosk.voice.engines import EspeakEngine, OpenJTalkEngine
from kiosk.voice.pcm import Pcm

FRAME_S = 0.02


def speech_measures(pcm: Pcm) -> dict[str, float]:
    """Loudness, how much of the energy lies in the speech band, how many frames are voiced and how
    much the loudness moves from frame to frame (speech comes in syllables; a tone or noise does not)."""
    x = pcm.array().astype(np.float64) / 32768.0
    n = int(pcm.rate * FRAME_S)
    frames = x[: len(x) // n * n].reshape(-1, n)
    rms = np.sqrt((frames**2).mean(axis=1))
    zcr = (np.abs(np.diff(np.sign(frames), axis=1)) > 0).mean(axis=1)
    voiced = (rms > 10 ** (-40 / 20)) & (zcr < 0.25)
    spectrum = np.abs(np.fft.rfft(x)) ** 2
    freqs = np.fft.rfftfreq(len(x), 1 / pcm.rate)
    band = spectrum[(freqs >= 80) & (freqs <= 4000)].sum() / max(spectrum.sum(), 1e-12)
    active = rms[rms > 10 ** (-40 / 20)]
    return {
        "seconds": pcm.seconds,
        "rms_dbfs": 20 * np.log10(max(np.sqrt((x**2).mean()), 1e-12)),
        "band_share": float(band),
        "voiced_share": float(voiced.mean()) if len(voiced) else 0.0,
        "loudness_variation": float(active.std() / active.mean()) if len(active) > 1 else 0.0,
    }


def is_speech(pcm: Pcm, min_seconds: float, max_seconds: float) -> tuple[bool, dict[str, float]]:
    m = speech_measures(pcm)
    ok = (
        min_seconds <= m["seconds"] <= max_seconds
        and m["rms_dbfs"] > -35
        and m["band_share"] > 0.7
        and 0.25 < m["voiced_share"] < 0.95
        and m["loudness_variation"] > 0.3
    )
    return ok, m


def assert_speech(pcm: Pcm, min_seconds: float, max_seconds: float) -> None:
    ok, measures = is_speech(pcm, min_seconds, max_seconds)
    assert ok, f"not speech: {measures}"


@pytest.fixture(scope="session")
def openjtalk() -> OpenJTalkEngine:
    engine = OpenJTalkEngine()
    engine.load()
    return engine


@pytest.fixture(scope="session")
def espeak() -> EspeakEngine:
    engine = EspeakEngine()
    engine.load()
    return engine
