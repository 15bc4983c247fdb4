"""The kiosk's voice at start: its engines are loaded there only where the site turns the voice on for
every patient; otherwise on the first phrase said, which is then spoken all the same."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import Config
from kiosk.core.voice import Utterance
from kiosk.voice import build
from kiosk.voice.engines import OpenJTalkEngine
from kiosk.voice.output import MemoryOutput
from kiosk.voice.player import SpeechPlayer


class Loads(OpenJTalkEngine):
    def __init__(self):
        super().__init__()
        self.loads = 0

    def _load(self):
        self.loads += 1
        return super()._load()


@pytest.fixture
def warm_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(SpeechPlayer, "prewarm", lambda self, utterances=(): calls.append(self))
    return calls


@pytest.mark.parametrize("voice_default, warmed", [(False, 0), (True, 1)])
def test_the_engines_load_at_start_only_where_the_voice_is_on_by_default(qapp, tmp_path: Path, warm_calls,
                                                                         voice_default, warmed):
    config = Config(data_dir=tmp_path, key_dir=tmp_path, terminal_root=tmp_path, voice_engine="none",
                    voice_default=voice_default)
    player = build.build_voice(config)
    try:
        assert len(warm_calls) == warmed
    finally:
        player.close()


def test_an_engine_not_loaded_at_start_loads_for_the_first_phrase_and_speaks_it(qapp, qtbot):
    engine, out = Loads(), MemoryOutput()
    player = SpeechPlayer([engine], out)
    try:
        qtbot.wait(50)
        assert engine.loads == 0, "nothing asked for: nothing loaded"
        player.speak(Utterance("カードをお取りください。", "ja", "alarm"))
        qtbot.waitUntil(lambda: out.ended >= 1, timeout=20000)
        assert engine.loads == 1 and sum(p.seconds for p in out.streams[0]) > 0.5
    finally:
        player.close()
