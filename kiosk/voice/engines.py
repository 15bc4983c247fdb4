"""Engines that turn one phrase into PCM, sentence by sentence, off the UI thread.

- :class:`OpenJTalkEngine`: Japanese, offline, the same on Windows and Linux (pyopenjtalk-plus: its
  wheels carry the dictionary and an HTS voice).
- :class:`EspeakEngine`: espeak-ng, for the other languages it has a voice for: its program where it is on
  the PATH (Linux), else its library from espeakng-loader in a child that answers the same command line
  (kiosk.voice.espeak_child: the Windows bundle). A subprocess either way, so that a stop can kill it
  mid-sentence.

The OS voices (QtTextToSpeech) speak by themselves rather than return PCM: see kiosk.voice.qt_speech.
Each engine loads once (``load()``, slow: a dictionary, a process) and then yields sentences within its
deadline; a cancelled token ends a synthesis at the next sentence (pyopenjtalk cannot be interrupted
inside one call) or at once (espeak-ng is killed).
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Protocol

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.core.voice import ENGINE_FAILED, SynthesisFailed, SynthesisTimeout, VoiceError
from kiosk.processes import child_argv, start_child
from kiosk.voice.espeak_child import library_files
from kiosk.voice.pcm import Pcm, join
from kiosk.voice.sentences import sentences
from kiosk.voice.wav import parse_streamed_wav

log = logging.getLogger(__name__)

SENTENCE_PAUSE = 0.25  # seconds of silence between sentences when they are joined into one PCM
DEADLINE = 10.0  # seconds for one utterance's synthesis; far more than a healthy engine needs


class EngineFailed(VoiceError):
    code = ENGINE_FAILED


class Engine(Protocol):
    name: str

    def load(self) -> None:
        """Make the engine ready (once; later calls return at once). Raises EngineFailed."""

    def voices(self) -> frozenset[str]:
        """The voice languages it speaks; empty until loaded."""

    def chunks(self, text: str, lang: str, cancel: CancelToken) -> Iterator[Pcm]:
        """The speech of ``text``, one PCM per sentence. Raises Cancelled, SynthesisFailed, SynthesisTimeout."""


def synthesize(engine: Engine, text: str, lang: str, cancel: CancelToken | None = None) -> Pcm:
    """The whole of ``text`` as one PCM, sentences apart by a short pause."""
    engine.load()
    return join(engine.chunks(text, lang, cancel or CancelToken()), pause=SENTENCE_PAUSE)


class _Loaded:
    """Load-once bookkeeping shared by the engines: the first caller loads, the others wait for it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._voices: frozenset[str] | None = None
        self._failure: EngineFailed | None = None

    def ensure(self, loader) -> frozenset[str]:
        with self._lock:
            if self._failure is not None:
                raise self._failure
            if self._voices is None:
                try:
                    self._voices = frozenset(loader())
                except EngineFailed as exc:
                    self._failure = exc
                    raise
            return self._voices

    @property
    def voices(self) -> frozenset[str]:
        return self._voices or frozenset()


def _sentence_chunks(text: str, cancel: CancelToken, render, deadline: float) -> Iterator[Pcm]:
    started = time.monotonic()
    for sentence in sentences(text):
        cancel.raise_if_cancelled()
        left = deadline - (time.monotonic() - started)
        if left <= 0:
            raise SynthesisTimeout(f"synthesis ran past its {deadline:.0f} s deadline")
        yield render(sentence, left)
    cancel.raise_if_cancelled()


# pyopenjtalk-plus can ask SudachiPy for kanji readings OpenJTalk's own dictionary gets wrong; that costs
# 80 MB of resident memory, and every screen's sentences read the same without it (tests/voice checks).
USE_SUDACHI = False


class OpenJTalkEngine:
    name = "openjtalk"

    def __init__(self, rate: float = 1.0, volume: float = 1.0, deadline: float = DEADLINE) -> None:
        self.rate, self.volume, self.deadline = rate, volume, deadline
        self._loaded = _Loaded()
        self._module: ModuleType | None = None

    def load(self) -> None:
        self._loaded.ensure(self._load)

    def _load(self) -> set[str]:
        try:
            import pyopenjtalk

            # The dictionary and the voice load on the first call: paid for here, on the worker.
            pyopenjtalk.tts("あ", use_sudachi_kanji_yomi=USE_SUDACHI)
        except Exception as exc:  # an import or a missing dictionary: either way there is no Japanese voice
            raise EngineFailed(f"pyopenjtalk: {type(exc).__name__}") from None
        self._module = pyopenjtalk
        return {"ja"}

    def voices(self) -> frozenset[str]:
        return self._loaded.voices

    def chunks(self, text: str, lang: str, cancel: CancelToken) -> Iterator[Pcm]:
        if lang not in self.voices():
            raise SynthesisFailed(f"openjtalk has no voice for {lang}")
        return _sentence_chunks(text, cancel, self._render, self.deadline)

    def _render(self, sentence: str, left: float) -> Pcm:
        assert self._module is not None
        try:
            wave, rate = self._module.tts(sentence, speed=self.rate, use_sudachi_kanji_yomi=USE_SUDACHI)
        except Exception as exc:
            raise SynthesisFailed(f"pyopenjtalk: {type(exc).__name__}") from None
        return Pcm.from_array(wave, rate, self.volume)


# The espeak-ng voice for each voice language, best first, for the program and the library alike (neither
# espeak-ng 1.51, Linux's package, nor 1.52, espeakng-loader's library, has Filipino; later ones may).
ESPEAK_VOICES = {
    "en": ("en-us", "en"),
    "zh": ("cmn", "zh"),
    "ko": ("ko",),
    "vi": ("vi",),
    "pt-BR": ("pt-br",),
    "id": ("id",),
    "ne": ("ne",),
    "fil": ("fil", "tl"),
}
ESPEAK_WPM = 175  # espeak-ng's own default speed, the site's rate 1.0
ESPEAK_CHILD = "kiosk.voice.espeak_child"  # the library in a child, where there is no espeak-ng program


class EspeakEngine:
    name = "espeak"

    def __init__(self, rate: float = 1.0, volume: float = 1.0, deadline: float = DEADLINE, binary: str = "espeak-ng"):
        self.rate, self.volume, self.deadline = rate, volume, deadline
        self._binary = binary
        self._command: list[str] = []  # the program, or the library child: both take espeak-ng's options
        self._voice_of: dict[str, str] = {}
        self._loaded = _Loaded()

    def load(self) -> None:
        self._loaded.ensure(self._load)

    def _find_command(self) -> list[str]:
        path = shutil.which(self._binary)
        if path is not None:
            return [path]
        if library_files() is not None:
            return child_argv(ESPEAK_CHILD)
        raise EngineFailed(f"{self._binary} is not installed, nor espeakng-loader's libespeak-ng")

    def _load(self) -> set[str]:
        command = self._find_command()
        try:
            listing = subprocess.run(
                [*command, "--voices"], capture_output=True, text=True, timeout=5, check=True
            ).stdout
        except (OSError, subprocess.SubprocessError) as exc:
            raise EngineFailed(f"{self._binary} --voices: {type(exc).__name__}") from None
        present = {line.split()[1].lower() for line in listing.splitlines()[1:] if len(line.split()) > 1}
        for lang, candidates in ESPEAK_VOICES.items():
            found = next((v for v in candidates if v in present), None)
            if found:
                self._voice_of[lang] = found
        self._command = command
        return set(self._voice_of)

    def voices(self) -> frozenset[str]:
        return self._loaded.voices

    def chunks(self, text: str, lang: str, cancel: CancelToken) -> Iterator[Pcm]:
        voice = self._voice_of.get(lang)
        if voice is None:
            raise SynthesisFailed(f"espeak-ng has no voice for {lang}")
        return _sentence_chunks(text, cancel, lambda s, left: self._render(s, voice, left, cancel), self.deadline)

    def _render(self, sentence: str, voice: str, left: float, cancel: CancelToken) -> Pcm:
        assert self._command
        wpm = max(80, min(450, round(ESPEAK_WPM * self.rate)))
        # The text goes in on stdin: an argument would be visible to anyone listing the processes.
        proc = start_child(  # killed in the finally below; dies with the kiosk if the kiosk dies first
            [*self._command, "-v", voice, "-s", str(wpm), "-b", "1", "--stdout"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        ends = time.monotonic() + left
        data = None
        payload: bytes | None = sentence.encode("utf-8")
        try:
            while data is None:
                try:
                    data, _ = proc.communicate(payload, timeout=0.05)
                except subprocess.TimeoutExpired:
                    payload = None  # already sent: a retried communicate() must not send it again
                    if cancel.cancelled:
                        raise Cancelled() from None
                    if time.monotonic() > ends:
                        raise SynthesisTimeout("espeak-ng ran past its deadline") from None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        if proc.returncode != 0:
            raise SynthesisFailed(f"espeak-ng exited with {proc.returncode}")
        return parse_streamed_wav(data).scaled(self.volume)
