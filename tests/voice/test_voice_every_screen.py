"""Every screen's Japanese speech, rendered by the real engine, is speech and not silence."""
import pytest
from PySide6.QtCore import QCoreApplication

from kiosk.core.states import State
from kiosk.ui.content import speech_of
from kiosk.ui.ruby import reading
from kiosk.voice.engines import synthesize
from tests.voice.conftest import assert_speech

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_each_screen_is_spoken_in_japanese(qapp, openjtalk, state):
    assert QCoreApplication.instance() is not None
    text = reading(" ".join(speech_of(state)))
    assert text.strip(), f"{state.value} has nothing to say"
    pcm = synthesize(openjtalk, text, "ja")
    assert_speech(pcm, 0.05 * len(text), 0.3 * len(text) + 1.0)


def test_every_screen_reads_as_with_the_full_kanji_dictionary(qapp):
    """The engine leaves SudachiPy's kanji readings off to save 80 MB (kiosk.voice.engines.USE_SUDACHI):
    that holds only while no screen's sentence in Japanese or やさしい日本語 reads differently without it."""
    import pyopenjtalk

    from kiosk.ui.language import Languages
    from kiosk.voice.sentences import sentences

    languages = Languages()
    differ = []
    try:
        for code in ("ja", "ja-easy"):
            languages.apply(code)
            for state in State:
                for sentence in sentences(reading(" ".join(speech_of(state)))):
                    full = pyopenjtalk.g2p(sentence, kana=True, use_sudachi_kanji_yomi=True)
                    if pyopenjtalk.g2p(sentence, kana=True, use_sudachi_kanji_yomi=False) != full:
                        differ.append((code, state.value, full))
    finally:
        languages.apply("ja")
    assert not differ
