"""The reminder chime for a card left in the reader (T15).

QtMultimedia is not part of PySide6-Essentials: when it is installed the kiosk plays a generated
two-tone chime, otherwise it falls back to the system beep. Either way nothing is shipped or required.
"""
from __future__ import annotations

import io
import logging
import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

RATE = 22050


def chime_wav(tones=(880.0, 660.0), seconds: float = 0.35, volume: float = 0.5) -> bytes:
    """A soft two-tone chime as 16-bit mono WAV bytes (a fade on each tone avoids clicks)."""
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


class Chime:
    def __init__(self) -> None:
        self._effect = None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:
            return
        path = Path(tempfile.gettempdir()) / "kiosk-chime.wav"
        try:
            path.write_bytes(chime_wav())
        except OSError as exc:
            log.warning("cannot write the chime (%s): using the system beep", exc)
            return
        self._effect = QSoundEffect()
        self._effect.setSource(QUrl.fromLocalFile(str(path)))

    def play(self) -> None:
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()
