"""The voice port: what the kiosk says aloud, and the silent engine that records it for tests.

An :class:`Utterance` is one safe phrase in one voice language (the language an engine is asked for:
``ja`` for ja and ja-easy, ``en``, ``zh``, ``ko``, ``vi``, ``pt-BR``, ``fil``, ``ne``, ``id``). Callers
decide what is safe to say; a voice never logs what it says beyond the utterance's kind and language,
because a phrase may still be overheard in a log by someone it was not meant for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from kiosk.core.errors import KioskError

UTTERANCE_KINDS = ("screen", "focus", "announce", "alarm")

# Every voice language a screen can be read in (kiosk.ui.language's voice_lang values).
VOICE_LANGS = frozenset({"ja", "en", "zh", "ko", "vi", "pt-BR", "fil", "ne", "id"})

# What Voice.status() names; the staff console and the log show these codes.
NO_ENGINE = "voice_no_engine"
NO_AUDIO_DEVICE = "voice_no_audio_device"
ENGINE_FAILED = "voice_engine_failed"


class VoiceError(KioskError):
    code = "voice_error"


class SynthesisFailed(VoiceError):
    code = "voice_synthesis_failed"


class SynthesisTimeout(VoiceError):
    code = "voice_synthesis_timeout"


class NoVoiceForLanguage(VoiceError):
    code = "voice_no_voice"


@dataclass(frozen=True)
class Utterance:
    text: str
    lang: str
    kind: str = "screen"

    def __post_init__(self) -> None:
        if self.kind not in UTTERANCE_KINDS:
            raise VoiceError(f"utterance kind {self.kind!r}; expected one of {', '.join(UTTERANCE_KINDS)}")

    def __repr__(self) -> str:
        # A repr reaches logs and test reports: it names the phrase's kind and language, not its words.
        return f"Utterance(kind={self.kind!r}, lang={self.lang!r}, chars={len(self.text)})"


class Voice(Protocol):
    def speak(self, u: Utterance) -> None:
        """Stop whatever is being said and say ``u``; returns at once (synthesis and playback run elsewhere)."""

    def stop(self) -> None: ...

    def voices(self) -> frozenset[str]:
        """The voice languages this voice can speak."""

    def status(self) -> str:
        """"" when the voice works, else a problem code (NO_ENGINE, NO_AUDIO_DEVICE, ENGINE_FAILED)."""


@dataclass
class RecordingVoice:
    """The silent engine for tests: every utterance in ``said``, explicit ``stop()`` calls in ``stops``."""

    languages: frozenset[str] = VOICE_LANGS
    said: list[Utterance] = field(default_factory=list)
    stops: int = 0

    def speak(self, u: Utterance) -> None:
        self.said.append(u)

    def stop(self) -> None:
        self.stops += 1

    def voices(self) -> frozenset[str]:
        return self.languages

    def status(self) -> str:
        return ""

    def texts(self, kind: str | None = None) -> list[str]:
        """What was said, optionally only of one kind."""
        return [u.text for u in self.said if kind is None or u.kind == kind]
