"""The OS voices through QtTextToSpeech (Windows: winrt's Haruka, Ayumi, Ichiro and the voices of
any language pack the site installed; Linux: speech-dispatcher when it runs).

PySide6 does not bind QTextToSpeech.synthesize(), so this engine cannot hand PCM to the player's cache
and audio output: it speaks through the OS itself, and the player only starts and stops it. It lives on
the UI thread, where its signals arrive; Qt loads the OS engine asynchronously, so constructing it does
not block. Qt's "mock" engine is a test double and never chosen unless named.
"""
from __future__ import annotations

import logging
import math

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.core.voice import VOICE_LANGS
from kiosk.voice.engines import EngineFailed

log = logging.getLogger(__name__)

TEST_ENGINE = "mock"


def os_engines() -> list[str]:
    """The QtTextToSpeech plug-ins present that speak with real voices."""
    return [name for name in QTextToSpeech.availableEngines() if name != TEST_ENGINE]


def voice_lang(locale: QLocale) -> str | None:
    """The voice language a Qt locale serves: Portuguese only as spoken in Brazil."""
    code = QLocale.languageToCode(locale.language())
    if code == "pt":
        return "pt-BR" if locale.territory() == QLocale.Country.Brazil else None
    return code if code in VOICE_LANGS else None


class QtSpeechEngine(QObject):
    finished = Signal()  # a phrase has been said to its end, or stopped

    name = "qt"

    def __init__(self, engine: str | None = None, rate: float = 1.0, volume: float = 1.0, parent=None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.rate, self.volume = rate, volume
        self._tts: QTextToSpeech | None = None
        self._locales: dict[str, QLocale] = {}
        self._speaking = False

    def load(self) -> None:
        if self._tts is not None:
            return
        name = self.engine or next(iter(os_engines()), None)
        if name is None:
            raise EngineFailed("QtTextToSpeech has no OS engine")
        tts = QTextToSpeech(name, self)
        if tts.state() == QTextToSpeech.State.Error:
            tts.deleteLater()
            raise EngineFailed(f"QtTextToSpeech {name}: {tts.errorReason().name}")
        self.engine = name
        self._tts = tts
        tts.stateChanged.connect(self._state_changed)
        # Qt's range is -1..1 around the voice's normal speed; the site's is a factor 0.5..2.0.
        tts.setRate(max(-1.0, min(1.0, math.log2(self.rate))))
        tts.setVolume(self.volume)
        self._find_locales()

    def _find_locales(self) -> None:
        assert self._tts is not None
        found: dict[str, QLocale] = {}
        for locale in self._tts.availableLocales():
            lang = voice_lang(locale)
            if lang and lang not in found:
                found[lang] = locale
        self._locales = found

    def voices(self) -> frozenset[str]:
        return frozenset(self._locales)

    def say(self, text: str, lang: str) -> None:
        if self._tts is None or lang not in self._locales:
            raise EngineFailed(f"QtTextToSpeech has no voice for {lang}")
        self._tts.stop()
        self._tts.setLocale(self._locales[lang])
        self._speaking = True
        self._tts.say(text)

    def stop(self) -> None:
        self._speaking = False
        if self._tts is not None:
            self._tts.stop()

    @property
    def speaking(self) -> bool:
        return self._speaking

    def _state_changed(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Ready:
            if not self._locales:  # the OS engine finished loading after the constructor returned
                self._find_locales()
            if self._speaking:
                self._speaking = False
                self.finished.emit()
        elif state == QTextToSpeech.State.Error:
            log.warning("QtTextToSpeech %s: %s", self.engine, self._tts.errorReason().name if self._tts else "")
            self._speaking = False
