"""Speech as 16-bit mono PCM: what every engine returns, the cache keeps and the audio output plays."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from kiosk.core.voice import VoiceError


@dataclass(frozen=True)
class Pcm:
    samples: bytes  # little-endian int16, one channel
    rate: int

    @property
    def frames(self) -> int:
        return len(self.samples) // 2

    @property
    def seconds(self) -> float:
        return self.frames / self.rate

    def array(self) -> np.ndarray:
        return np.frombuffer(self.samples, dtype="<i2")

    @classmethod
    def from_array(cls, wave: np.ndarray, rate: int, volume: float = 1.0) -> Pcm:
        """``wave`` on the int16 scale (what pyopenjtalk and espeak give), times ``volume``, clipped."""
        scaled = np.clip(np.asarray(wave, dtype=np.float64) * volume, -32768, 32767)
        return cls(np.rint(scaled).astype("<i2").tobytes(), rate)

    @classmethod
    def silence(cls, seconds: float, rate: int) -> Pcm:
        return cls(bytes(2 * int(seconds * rate)), rate)

    def scaled(self, volume: float) -> Pcm:
        return self if volume == 1.0 else Pcm.from_array(self.array(), self.rate, volume)

    def resampled(self, rate: int) -> Pcm:
        """Linear resampling, for an audio device that refuses the engine's rate: speech needs no better."""
        if rate == self.rate or not self.frames:
            return Pcm(self.samples, rate)
        source = self.array().astype(np.float64)
        n = max(1, round(self.frames * rate / self.rate))
        positions = np.linspace(0, self.frames - 1, n)
        return Pcm.from_array(np.interp(positions, np.arange(self.frames), source), rate)


def join(parts: Iterable[Pcm], pause: float = 0.0) -> Pcm:
    """One PCM from several of the same rate, with ``pause`` seconds of silence between them."""
    parts = list(parts)
    if not parts:
        raise VoiceError("nothing to join")
    rate = parts[0].rate
    if any(p.rate != rate for p in parts):
        raise VoiceError("cannot join speech of different sample rates")
    gap = Pcm.silence(pause, rate).samples
    return Pcm(gap.join(p.samples for p in parts), rate)
