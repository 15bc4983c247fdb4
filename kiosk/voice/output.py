"""Where the player's PCM goes: the default audio device through QAudioSink, or memory (bench, tests).

One stream at a time: ``begin(rate)`` drops whatever was playing, ``write`` queues samples as the
engine makes them, ``end`` says no more are coming. The sink is fed in push mode from a timer, a few
tens of milliseconds ahead, so a stop is heard at once.
"""
from __future__ import annotations

import logging
import time
from typing import Protocol

from PySide6 import QtMultimedia
from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

from kiosk.voice.pcm import Pcm

log = logging.getLogger(__name__)

FEED_MS = 20
BUFFER_S = 0.1

# Qt 6.7 renamed the QAudio namespace QtAudio; a sink's state() and error() are of the new one.
Audio = getattr(QtMultimedia, "QtAudio", None) or QtMultimedia.QAudio


class AudioOutput(Protocol):
    def available(self) -> bool: ...
    def device_name(self) -> str: ...
    def begin(self, rate: int) -> None: ...
    def write(self, pcm: Pcm) -> None: ...
    def end(self) -> None: ...
    def stop(self) -> None: ...


class MemoryOutput:
    """Keeps what would be played, and when its first sample arrived: the bench's and the tests' device."""

    def __init__(self) -> None:
        self.streams: list[list[Pcm]] = []
        self.first_sample_at: float | None = None
        self.ended = 0

    def available(self) -> bool:
        return True

    def device_name(self) -> str:
        return "memory"

    def begin(self, rate: int) -> None:
        self.streams.append([])
        self.first_sample_at = None

    def write(self, pcm: Pcm) -> None:
        if self.first_sample_at is None:
            self.first_sample_at = time.perf_counter()
        self.streams[-1].append(pcm)

    def end(self) -> None:
        self.ended += 1

    def stop(self) -> None:
        pass


class SinkOutput(QObject):
    """The default audio output device; follows devices plugged in and out (an earphone, a USB speaker)."""

    devices_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self.devices_changed)
        self._sink: QAudioSink | None = None
        self._io: QIODevice | None = None
        self._pending = bytearray()
        self._device_rate = 0  # the rate written to the sink when the device refuses the engine's
        self._ended = False
        self._timer = QTimer(self)
        self._timer.setInterval(FEED_MS)
        self._timer.timeout.connect(self._feed)

    def available(self) -> bool:
        return bool(QMediaDevices.audioOutputs())

    def device_name(self) -> str:
        device = QMediaDevices.defaultAudioOutput()
        return "" if device.isNull() else device.description()

    def begin(self, rate: int) -> None:
        self.stop()
        device = QMediaDevices.defaultAudioOutput()
        if device.isNull():
            return
        fmt = QAudioFormat()
        fmt.setSampleRate(rate)
        fmt.setChannelCount(1)
        fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        self._device_rate = 0
        if not device.isFormatSupported(fmt):
            self._device_rate = device.preferredFormat().sampleRate()
            fmt.setSampleRate(self._device_rate)
        self._sink = QAudioSink(device, fmt, self)
        # A short buffer: a stop is heard at once, and the first sample does not wait behind a long one.
        self._sink.setBufferSize(int(fmt.sampleRate() * 2 * BUFFER_S))
        self._io = self._sink.start()
        self._ended = False
        self._timer.start()

    def write(self, pcm: Pcm) -> None:
        if self._sink is None:
            return
        if self._device_rate:
            pcm = pcm.resampled(self._device_rate)
        self._pending += pcm.samples
        self._feed()

    def end(self) -> None:
        self._ended = True
        self._feed()

    def stop(self) -> None:
        self._timer.stop()
        self._pending.clear()
        if self._sink is not None:
            sink, self._sink, self._io = self._sink, None, None
            sink.stop()
            sink.deleteLater()

    def _feed(self) -> None:
        """Top the sink up; end the stream once it has played out. Polled rather than driven by the
        sink's stateChanged, whose argument PySide6 cannot convert."""
        sink = self._sink
        if sink is None or self._io is None:
            return
        error = sink.error()
        if error not in (Audio.Error.NoError, Audio.Error.UnderrunError):
            log.warning("voice_audio_error %s", error.name)
            self.stop()
            return
        free = sink.bytesFree()
        n = min(free - free % 2, len(self._pending))
        if n > 0:
            self._io.write(bytes(self._pending[:n]))
            del self._pending[:n]
        elif self._ended and not self._pending and sink.state() == Audio.State.IdleState:
            self.stop()  # played to its end
