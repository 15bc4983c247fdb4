"""The chime: the card left in the reader (T15) and anything else the patient must hear, not read.

It plays a generated two-tone chime through QtMultimedia (QSoundEffect), which PySide6-Addons brings.
``play(level)``: level 0 is the soft reminder; 1 and above is the escalation, at full volume and three
times over, for a card still left after the reminder. The system beep stands in only when QtMultimedia
cannot load at all; which of the two plays is logged once. Without an audio device QSoundEffect stays
silent and nothing blocks.
"""
from __future__ import annotations

import atexit
import functools
import io
import logging
import math
import os
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RATE = 22050
SOFT_VOLUME = 0.5
LOUD_VOLUME = 1.0
LOUD_REPEATS = 3


def chime_wav(tones=(880.0, 660.0), seconds: float = 0.35, volume: float = 0.9) -> bytes:
    """A two-tone chime as 16-bit mono WAV bytes (a fade on each tone avoids clicks)."""
    frames = bytearray()
    n = int(RATE * seconds)
    for freq in tones:
        for i in range(n):
            fade = min(1.0, i / (RATE * 0.02), (n - i) / (RATE * 0.08))
            frames += struct.pack("<h", int(32767 * volume * fade * math.sin(2 * math.pi * freq * i / RATE)))
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))
    return out.getvalue()


@functools.cache
def _chime_file() -> Path | None:
    """The chime written once per process: QSoundEffect plays only from a URL. One file per process, so
    that two kiosks of two users on one machine never overwrite each other's; removed at exit."""
    try:
        fd, name = tempfile.mkstemp(prefix="kiosk-chime-", suffix=".wav")
        with os.fdopen(fd, "wb") as f:
            f.write(chime_wav())
    except OSError as exc:
        log.warning("chime_unwritable (%s)", exc)
        return None
    path = Path(name)
    atexit.register(path.unlink, missing_ok=True)
    return path


class Chime:
    def __init__(self) -> None:
        self._effect = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:
            log.warning("chime_system_beep: QtMultimedia cannot load (%s)", exc)
            return
        path = _chime_file()
        if path is None:
            log.warning("chime_system_beep: no chime file")
            return
        self._effect = QSoundEffect()
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        log.info("chime_qtmultimedia")

    @property
    def backend(self) -> str:
        """"qtmultimedia" or "beep": what play() sounds through."""
        return "beep" if self._effect is None else "qtmultimedia"

    def play(self, level: int = 0) -> None:
        if self._effect is None:
            for _ in range(LOUD_REPEATS if level >= 1 else 1):
                QApplication.beep()
            return
        self._effect.stop()
        self._effect.setVolume(LOUD_VOLUME if level >= 1 else SOFT_VOLUME)
        self._effect.setLoopCount(LOUD_REPEATS if level >= 1 else 1)
        self._effect.play()
