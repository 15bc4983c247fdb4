"""The kiosk's Voice: synthesis on a worker thread, playback through the audio output on the UI thread.

``speak()`` returns at once. It stops the phrase before (its synthesis is cancelled, its samples
dropped) and hands the new one to the worker, which loads the engines once, takes the phrase's
sentences from the cache or the engine and passes each to the UI thread as soon as it exists: the first
sentence plays while the next ones are made. Phrases prepared with ``prewarm()`` are made only while
nothing is being said.

With no audio device the player logs ``voice_no_audio_device`` once, synthesises nothing and stays
silent; a device plugged in later is used from the next phrase. A language no engine speaks gets the
Japanese voice saying so, once per screen, and then nothing until the next screen.
"""
from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.core.voice import ENGINE_FAILED, NO_AUDIO_DEVICE, NO_ENGINE, Utterance, VoiceError
from kiosk.voice.cache import CACHE_BYTES, PcmCache
from kiosk.voice.engines import SENTENCE_PAUSE, Engine
from kiosk.voice.pcm import Pcm

if TYPE_CHECKING:  # both need PySide6-Addons, which the player must survive without
    from kiosk.voice.output import AudioOutput
    from kiosk.voice.qt_speech import QtSpeechEngine

log = logging.getLogger(__name__)

# Said by the Japanese voice when the patient's language has none. Deliberately not translated: the
# only voice left is the Japanese one, and it can say only Japanese.
NO_VOICE_NOTICE = "この言語の音声はありません。"
NOTICE_LANG = "ja"


@dataclass(frozen=True)
class _Job:
    utterance: Utterance | None  # None: only load the engines
    token: CancelToken
    generation: int
    screen: int  # which screen it was asked on: the no-voice notice is said once per screen
    warm: bool = False  # made into the cache only, never played


class SpeechPlayer(QObject):
    first_audio = Signal(str)  # the utterance kind, when its first samples reach the output
    finished = Signal(str)  # the utterance kind, when all of it has been handed to the output
    status_changed = Signal(str)

    _chunk_ready = Signal(int, object)  # generation, Pcm: from the worker
    _job_done = Signal(int, str)  # generation, problem code or ""
    _say_with_os = Signal(int, object)  # generation, Utterance: for the OS voices, which live on this thread
    _loaded = Signal()

    def __init__(
        self,
        engines: Sequence[Engine],
        output: AudioOutput | None,
        qt_speech: QtSpeechEngine | None = None,
        cache_bytes: int = CACHE_BYTES,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._engines = tuple(engines)
        self._output = output
        self._cache = PcmCache(cache_bytes)
        self._failed: dict[str, str] = {}  # engine name: why it did not load
        self._qt = self._load_qt(qt_speech)
        self._engines_loaded = threading.Event()
        self._generation = 0
        self._screen = 0
        self._noticed_screen = -1  # worker only
        self._token = CancelToken()
        self._kind = ""
        self._streaming = False
        self._told_no_device = False
        self._next: _Job | None = None
        self._warm: deque[_Job] = deque()
        self._closing = False
        self._cond = threading.Condition()
        self._chunk_ready.connect(self._on_chunk)
        self._job_done.connect(self._on_done)
        self._say_with_os.connect(self._on_say_with_os)
        self._loaded.connect(self._on_loaded)
        devices_changed = getattr(output, "devices_changed", None)
        if devices_changed is not None:
            devices_changed.connect(self._on_devices_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)
        self._worker = threading.Thread(target=self._run, name="kiosk-voice", daemon=True)
        self._worker.start()

    # --- the Voice port ---------------------------------------------------------------------

    def speak(self, u: Utterance) -> None:
        self.stop()
        if u.kind == "screen":
            self._screen += 1
        if not self._audio_ready():
            return
        self._kind = u.kind
        self._token = CancelToken()
        with self._cond:
            self._next = _Job(u, self._token, self._generation, self._screen)
            self._cond.notify()

    def stop(self) -> None:
        with self._cond:
            self._next = None
        self._token.cancel()
        self._generation += 1
        self._streaming = False
        if self._output is not None:
            self._output.stop()
        if self._qt is not None:
            self._qt.stop()

    def voices(self) -> frozenset[str]:
        spoken = frozenset().union(*(e.voices() for e in self._engines))
        return spoken | (self._qt.voices() if self._qt is not None else frozenset())

    def status(self) -> str:
        if (self._engines_loaded.is_set() or not self._engines) and not self.voices():
            return NO_ENGINE
        if self._output is None or not self._output.available():
            return NO_AUDIO_DEVICE
        if self._failed:
            return ENGINE_FAILED
        return ""

    # --- beyond the port --------------------------------------------------------------------

    def prewarm(self, utterances: Iterable[Utterance] = ()) -> None:
        """Load the engines now and render ``utterances`` (and the no-voice notice) into the cache, while
        nothing is being said."""
        notice = Utterance(NO_VOICE_NOTICE, NOTICE_LANG, "screen")
        jobs = [_Job(u, CancelToken(), -1, -1, warm=True) for u in (notice, *utterances)]
        with self._cond:
            self._warm.extend(jobs)
            self._cond.notify()

    def wait_loaded(self, timeout: float) -> bool:
        """Block until the engines are loaded (commands and tests; the kiosk never waits)."""
        with self._cond:
            self._warm.append(_Job(None, CancelToken(), -1, -1, warm=True))
            self._cond.notify()
        return self._engines_loaded.wait(timeout)

    def engine_for(self, lang: str) -> str:
        """The name of the engine that speaks ``lang``; "" where none does."""
        target = self._route(lang)
        return target.name if target is not None else ""

    def describe_engines(self) -> list[str]:
        """One line per engine: loaded with its voices, or why not (``kiosk voice status``)."""
        lines = []
        for engine in (*self._engines, *((self._qt,) if self._qt is not None else ())):
            if engine.name not in self._failed:
                lines.append(f"{engine.name:10} ok: {' '.join(sorted(engine.voices())) or 'no voice'}")
        lines += [f"{name:10} failed: {why}" for name, why in self._failed.items()]
        return lines

    def close(self) -> None:
        """Stop and end the worker; the player says nothing more."""
        self.stop()
        with self._cond:
            self._closing = True
            self._cond.notify()
        if self._worker.is_alive() and self._worker is not threading.current_thread():
            self._worker.join(timeout=2.0)

    # --- the UI thread ----------------------------------------------------------------------

    def _audio_ready(self) -> bool:
        if self._output is not None and self._output.available():
            return True
        if not self._told_no_device:
            self._told_no_device = True
            log.warning(NO_AUDIO_DEVICE + ": the kiosk works silently")
        return False

    def _on_devices_changed(self) -> None:
        if self._output is not None and self._output.available() and self._told_no_device:
            self._told_no_device = False
            log.info("voice_audio_device %s", self._output.device_name())
        self.status_changed.emit(self.status())

    def _on_chunk(self, generation: int, pcm: Pcm) -> None:
        if generation != self._generation or self._output is None:
            return
        if not self._streaming:
            self._streaming = True
            self._output.begin(pcm.rate)
            self._output.write(pcm)
            self.first_audio.emit(self._kind)
        else:
            self._output.write(Pcm.silence(SENTENCE_PAUSE, pcm.rate))
            self._output.write(pcm)

    def _on_done(self, generation: int, problem: str) -> None:
        if generation != self._generation:
            return
        if self._streaming and self._output is not None:
            self._output.end()
        self._streaming = False
        self.finished.emit(self._kind)

    def _on_say_with_os(self, generation: int, u: Utterance) -> None:
        if generation != self._generation or self._qt is None:
            return
        self._qt.say(u.text, u.lang)
        self.first_audio.emit(self._kind)

    def _on_loaded(self) -> None:
        self.status_changed.emit(self.status())

    def _load_qt(self, qt: QtSpeechEngine | None) -> QtSpeechEngine | None:
        if qt is None:
            return None
        try:
            qt.load()
        except VoiceError as exc:
            log.warning("voice engine %s: %s (%s)", qt.name, exc.code, exc)
            self._failed[qt.name] = str(exc)
            return None
        return qt

    # --- the worker thread ------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closing and self._next is None and not self._warm:
                    self._cond.wait()
                if self._closing:
                    return
                if self._next is not None:
                    job, self._next = self._next, None
                else:
                    job = self._warm.popleft()
            self._load_engines()
            if job.utterance is None:
                continue
            try:
                self._say(job, job.utterance)
            except Exception as exc:  # a fault of ours must not leave the kiosk mute for the rest of the day
                log.error("voice_worker_error %s kind=%s lang=%s", type(exc).__name__, job.utterance.kind,
                          job.utterance.lang)
                if not job.warm:
                    self._job_done.emit(job.generation, "voice_worker_error")

    def _load_engines(self) -> None:
        if self._engines_loaded.is_set():
            return
        for engine in self._engines:
            try:
                engine.load()
            except VoiceError as exc:
                log.warning("voice engine %s: %s (%s)", engine.name, exc.code, exc)
                self._failed[engine.name] = str(exc)
        self._engines_loaded.set()
        self._loaded.emit()

    def _route(self, lang: str) -> Engine | QtSpeechEngine | None:
        """OpenJTalk speaks Japanese everywhere alike; other languages sound better in the OS voices than
        in espeak-ng, so those come first there."""
        qt = self._qt if self._qt is not None and lang in self._qt.voices() else None
        engine = next((e for e in self._engines if lang in e.voices()), None)
        if qt is not None and (lang != NOTICE_LANG or engine is None):
            return qt
        return engine

    def _say(self, job: _Job, u: Utterance) -> None:
        target = self._route(u.lang)
        if target is None:
            if job.warm:
                return
            if job.screen == self._noticed_screen:
                self._job_done.emit(job.generation, "")
                return
            self._noticed_screen = job.screen
            log.info("voice_no_voice kind=%s lang=%s", u.kind, u.lang)
            u = Utterance(NO_VOICE_NOTICE, NOTICE_LANG, u.kind)
            target = self._route(NOTICE_LANG)
            if target is None:
                self._job_done.emit(job.generation, NO_ENGINE)
                return
        if target is self._qt:
            if not job.warm:  # the OS voices cannot be cached
                self._say_with_os.emit(job.generation, u)
            return
        assert not isinstance(target, QObject)
        problem = self._synthesize(job, target, u)
        if not job.warm:
            self._job_done.emit(job.generation, problem)

    def _synthesize(self, job: _Job, engine: Engine, u: Utterance) -> str:
        key = (engine.name, u.lang, u.text)
        cached = self._cache.get(key)
        if cached is not None:
            if not job.warm:
                for pcm in cached:
                    self._chunk_ready.emit(job.generation, pcm)
            return ""
        made: list[Pcm] = []
        try:
            for pcm in engine.chunks(u.text, u.lang, job.token):
                made.append(pcm)
                if not job.warm:
                    self._chunk_ready.emit(job.generation, pcm)
                elif self._next is not None:  # a patient's phrase waits: it goes first, this one after
                    with self._cond:
                        self._warm.appendleft(job)
                    return ""
        except Cancelled:
            return ""
        except VoiceError as exc:
            log.warning("voice %s: %s kind=%s lang=%s", engine.name, exc.code, u.kind, u.lang)
            return exc.code
        self._cache.put(key, tuple(made))
        return ""
