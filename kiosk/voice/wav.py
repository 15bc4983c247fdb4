"""WAV files of speech: what ``kiosk voice say`` writes, what espeak-ng streams on its stdout."""
from __future__ import annotations

import struct
import wave
from pathlib import Path

from kiosk.core.voice import SynthesisFailed
from kiosk.voice.pcm import Pcm


def write_wav(path: Path, pcm: Pcm) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(pcm.rate)
        w.writeframes(pcm.samples)


def read_wav(path: Path) -> Pcm:
    with wave.open(str(path), "rb") as w:
        if w.getnchannels() != 1 or w.getsampwidth() != 2:
            raise SynthesisFailed(f"{path} is not 16-bit mono")
        return Pcm(w.readframes(w.getnframes()), w.getframerate())


def parse_streamed_wav(data: bytes) -> Pcm:
    """16-bit mono PCM from WAV bytes written to a pipe: a streaming writer cannot know the sizes in
    its header (espeak-ng writes 0x7ffff000), so the chunks are walked and the data runs to the end."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise SynthesisFailed("the engine's output is not WAV")
    pos, rate = 12, 0
    while pos + 8 <= len(data):
        chunk, size = data[pos : pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        body = pos + 8
        if chunk == b"fmt ":
            fmt, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", data, body)
            if fmt != 1 or channels != 1 or bits != 16:
                raise SynthesisFailed(f"the engine's WAV is format {fmt}, {channels} channels, {bits} bits")
        elif chunk == b"data":
            if not rate:
                raise SynthesisFailed("the engine's WAV has its data before its format")
            samples = data[body:]
            return Pcm(samples[: len(samples) - len(samples) % 2], rate)
        pos = body + size + (size & 1)
    raise SynthesisFailed("the engine's WAV holds no data")
