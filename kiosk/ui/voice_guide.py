"""What the kiosk says, and when: each screen's speech as it appears, a button's words as the ten-key moves
onto it, a safe phrase on request (「1けた目を入力しました」), the screen again on 「もう一度聞く」.

The guide only decides; the Voice port (kiosk.core.voice) synthesises and plays, off the UI thread. What
it is given is already safe to say aloud: the screens' speech holds no name, PIN or chip data. A voice
that cannot speak (no engine, no audio device) is logged once, staff are told (``on_problem``: the flow's
VoiceStatus, which the console shows) and the kiosk goes on, silent.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable

from kiosk.core.voice import Utterance, Voice
from kiosk.ui.ruby import reading

log = logging.getLogger(__name__)

# "(保険証)" beside a translated term helps a foreign patient match the card's own words on screen; a voice
# other than the Japanese one cannot say it (espeak-ng reads each kanji as "Chinese letter"), so it is left out.
_JAPANESE_ASIDE = re.compile(r"\s*[(（][^()（）]*[\u3040-\u30ff\u4e00-\u9fff][^()（）]*[)）]")


def spoken(words: str, lang: str) -> str:
    """What a voice of ``lang`` is given: furigana read as kana for Japanese, Japanese asides dropped for others."""
    text = reading(words)
    return text if lang == "ja" else _JAPANESE_ASIDE.sub("", text).replace("\u2060", "")


class VoiceGuide:
    def __init__(self, voice: Voice | None, voice_lang: Callable[[], str], on: bool = False,
                 on_problem: Callable[[str], None] = lambda problem: None) -> None:
        self._voice = voice
        self._voice_lang = voice_lang
        self._on = on
        self._on_problem = on_problem
        self._screen: list[str] = []
        self._reported = ""

    @property
    def on(self) -> bool:
        return self._on

    def set_on(self, on: bool) -> None:
        """Turned off, it falls silent at once; turned on, it speaks from the next screen (the window
        builds the current one anew, so the patient hears where they are)."""
        if on != self._on:
            self._on = on
            if not on:
                self.stop()

    def screen(self, phrases: list[str]) -> None:
        """A new screen: whatever was being said stops, and this screen's speech starts."""
        self._screen = phrases
        if self._on:
            self._say(" ".join(phrases), "screen")
        else:
            self.stop()

    def repeat(self, phrases: list[str] | None = None) -> None:
        """The screen again (「もう一度聞く」), as it is now when ``phrases`` is given."""
        if phrases is not None:
            self._screen = phrases
        self._say(" ".join(self._screen), "screen")

    def focus(self, words: str, lang: str | None = None) -> None:
        """A button's words as the ten-key moves onto it; ``lang``: a voice other than the screen's (the
        language list says each language in its own)."""
        self._say(words, "focus", lang=lang)

    def announce(self, words: str) -> None:
        self._say(words, "announce")

    def alarm(self, words: str) -> None:
        """The card left behind: said even with voice off, because everyone needs to hear it."""
        self._say(words, "alarm", always=True)

    def stop(self) -> None:
        if self._voice is not None:
            self._voice.stop()

    def check(self) -> None:
        """Asks the voice how it is; a change is logged and handed to ``on_problem``."""
        if self._voice is None:
            return
        problem = self._voice.status()
        if problem == self._reported:
            return
        if problem:
            log.warning("voice: %s; the kiosk goes on without speech", problem)
        else:
            log.info("voice: speaking again")
        self._reported = problem
        self._on_problem(problem)

    def _say(self, words: str, kind: str, always: bool = False, lang: str | None = None) -> None:
        if self._voice is None or not words or not (self._on or always):
            return
        lang = lang or self._voice_lang()
        self._voice.speak(Utterance(spoken(words, lang), lang, kind))
        self.check()

    @property
    def problem(self) -> str:
        """The voice's last reported problem code ("" when it speaks)."""
        return self._reported
