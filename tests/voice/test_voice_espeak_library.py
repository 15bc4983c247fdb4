"""espeak-ng's library from espeakng-loader, in its child (kiosk.voice.espeak_child), where no espeak-ng
program is on the PATH, as in the Windows bundle: it speaks the kiosk's languages as the program does, a stop
kills it, and the engine takes the program when there is one and the library when there is not."""
import os
import shutil
import threading
import time

import pytest

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import Cancelled
from kiosk.voice import engines
from kiosk.voice.engines import EngineFailed, EspeakEngine, synthesize
from kiosk.voice.espeak_child import library_files
from kiosk.voice.sentences import sentences
from tests.voice.conftest import assert_speech

# One sentence a language, as a screen would say it.
TEXTS = {
    "en": "Please place your card on the reader.",
    "zh": "请把您的卡放在读卡器上。",
    "ko": "카드를 리더기에 올려 주세요.",
    "vi": "Vui lòng đặt thẻ của bạn lên đầu đọc.",
    "pt-BR": "Por favor, coloque o seu cartão no leitor.",
    "ne": "कृपया आफ्नो कार्ड रिडरमा राख्नुहोस्।",
    "id": "Silakan letakkan kartu Anda di pembaca.",
}
LONG_EN = "Please keep your card in the reader until the screen tells you to take it. " * 40


def _without_the_program(monkeypatch: pytest.MonkeyPatch, folder) -> None:
    monkeypatch.setenv("PATH", str(folder))  # an empty folder: no espeak-ng, as on a Windows PC


@pytest.fixture(scope="module")
def library_espeak(tmp_path_factory) -> EspeakEngine:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _without_the_program(monkeypatch, tmp_path_factory.mktemp("no-espeak"))
        engine = EspeakEngine()
        engine.load()
    return engine


def test_espeakng_loader_brings_the_library_and_its_data():
    files = library_files()
    assert files is not None, "espeakng-loader is in the test extra: pip install -e '.[test]'"
    library, data = files
    assert library.is_file() and (data / "phondata").is_file()


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_the_library_speaks_each_language_as_the_program_does(library_espeak, espeak, lang):
    text = TEXTS[lang]
    from_library = synthesize(library_espeak, text, lang)
    assert_speech(from_library, 0.8, 8.0)  # long enough, loud enough, and speech (not silence or a tone)
    # The same voice: espeakng-loader's espeak-ng (1.52) against the system's (1.51 here), which differ in
    # details (Mandarin is faster), not in what they say.
    from_program = synthesize(espeak, text, lang)
    assert from_library.rate == from_program.rate
    assert 0.5 < from_library.seconds / from_program.seconds < 2.0, (from_library.seconds, from_program.seconds)


def test_the_engine_takes_the_library_when_no_program_is_on_the_path(monkeypatch, tmp_path):
    _without_the_program(monkeypatch, tmp_path)
    engine = EspeakEngine()
    engine.load()
    assert {"en", "zh", "ko", "vi", "pt-BR", "id", "ne"} <= engine.voices()
    assert_speech(synthesize(engine, TEXTS["en"], "en"), 0.8, 8.0)


def test_the_engine_takes_the_program_when_it_is_on_the_path(monkeypatch, tmp_path):
    # An espeak-ng on the PATH that notes each use and passes it on to the real one.
    real = shutil.which("espeak-ng")
    assert real is not None, "the system's espeak-ng (./run installs it)"
    uses = tmp_path / "uses"
    program = tmp_path / "espeak-ng"
    program.write_text(f'#!/bin/sh\necho "$1" >> {uses}\nexec {real} "$@"\n')
    program.chmod(0o755)
    _without_the_program(monkeypatch, tmp_path)
    engine = EspeakEngine()
    engine.load()
    assert_speech(synthesize(engine, TEXTS["en"], "en"), 0.8, 8.0)
    assert uses.read_text().split() == ["--voices", "-v"]


def test_no_program_and_no_library_is_the_named_failure(monkeypatch, tmp_path):
    _without_the_program(monkeypatch, tmp_path)
    monkeypatch.setattr(engines, "library_files", lambda: None)
    engine = EspeakEngine()
    with pytest.raises(EngineFailed, match="not installed"):
        engine.load()
    assert engine.voices() == frozenset()


def test_a_stop_ends_the_library_within_a_sentence(library_espeak):
    whole = len(sentences(LONG_EN))
    token, made = CancelToken(), []
    with pytest.raises(Cancelled):
        for pcm in library_espeak.chunks(LONG_EN, "en", token):
            made.append(pcm)
            token.cancel()
    assert whole >= 4 and len(made) <= 2, (len(made), whole)


def test_a_stop_kills_the_library_child_mid_sentence(library_espeak, monkeypatch, tmp_path):
    # A child held before it speaks, as on an overloaded machine: Python runs sitecustomize at its start.
    pid_file = tmp_path / "pid"
    (tmp_path / "sitecustomize.py").write_text(
        "import os, pathlib, time\n"
        f"pathlib.Path({str(pid_file)!r}).write_text(str(os.getpid()))\n"
        "time.sleep(600)\n"  # longer than the test may run: only the kill ends it
    )
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    token, made = CancelToken(), []

    def stop_once_started() -> None:
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        token.cancel()

    stopper = threading.Thread(target=stop_once_started, daemon=True)
    stopper.start()
    with pytest.raises(Cancelled):
        for pcm in library_espeak.chunks("Hello.", "en", token):
            made.append(pcm)
    stopper.join(5)
    assert made == []
    with pytest.raises(ProcessLookupError):  # killed and reaped: nothing of it is left to speak
        os.kill(int(pid_file.read_text()), 0)
