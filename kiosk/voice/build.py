"""The kiosk's voice from the site's configuration (voice_engine, voice_rate, voice_volume; kiosk.config
checks their ranges)."""
from __future__ import annotations

import logging

from kiosk.config import Config
from kiosk.voice.engines import Engine, EspeakEngine, OpenJTalkEngine
from kiosk.voice.player import SpeechPlayer

log = logging.getLogger(__name__)


def pcm_engines(choice: str, rate: float, volume: float) -> list[Engine]:
    """The engines that render PCM for ``choice`` (auto|openjtalk|espeak|qt|none), in the order the player
    asks them; not loaded yet, since that is slow."""
    engines: list[Engine] = []
    if choice in ("auto", "openjtalk"):
        engines.append(OpenJTalkEngine(rate=rate, volume=volume))
    if choice in ("auto", "espeak"):
        engines.append(EspeakEngine(rate=rate, volume=volume))
    return engines


def build_voice(config: Config, prewarm: bool | None = None) -> SpeechPlayer:
    """The player for the site. With ``prewarm`` its engines start loading on the worker thread at once,
    so that the first screen is spoken without the wait; by default only where the site turns the voice
    on for every patient (``voice_default``). Off, as it is by default, the engines (Open JTalk's
    dictionary and models: about 80 MB resident) load when something is first said: the card reminder
    on the done screen, or the screen of a patient who turns the voice on."""
    if prewarm is None:
        prewarm = config.voice_default
    choice, rate, volume = config.voice_engine, config.voice_rate, config.voice_volume
    output = None
    qt_speech = None
    try:
        from kiosk.voice.output import SinkOutput
        from kiosk.voice.qt_speech import QtSpeechEngine, os_engines
    except ImportError as exc:  # PySide6-Addons missing: an installation fault, told once here
        log.warning("voice_no_audio_device: QtMultimedia cannot load (%s)", exc)
    else:
        output = SinkOutput()
        if choice in ("auto", "qt") and os_engines():
            qt_speech = QtSpeechEngine(rate=rate, volume=volume)
    player = SpeechPlayer(pcm_engines(choice, rate, volume), output, qt_speech)
    if prewarm:
        player.prewarm()
    return player
