"""``kiosk voice say`` writes a screen's speech (or a text) to a WAV file; ``kiosk voice status`` reports."""
from kiosk.commands.main import main
from kiosk.voice.wav import read_wav
from tests.voice.conftest import assert_speech


def test_say_writes_a_screens_japanese_speech_to_wav(qapp, tmp_path, capsys):
    out = tmp_path / "idle.wav"
    assert main(["voice", "say", "--screen", "idle", "--lang", "ja", "--out", str(out)]) == 0
    assert_speech(read_wav(out), 3.0, 60.0)
    assert "by openjtalk" in capsys.readouterr().out


def test_say_writes_a_text_in_easy_japanese_by_its_reading(qapp, tmp_path):
    plain, marked = tmp_path / "plain.wav", tmp_path / "marked.wav"
    assert main(["voice", "say", "--text", "びょういん", "--lang", "ja", "--out", str(plain)]) == 0
    assert main(["voice", "say", "--text", "病院《びょういん》", "--lang", "ja-easy", "--out", str(marked)]) == 0
    assert read_wav(marked) == read_wav(plain)  # the furigana is what is spoken


def test_say_refuses_an_unknown_screen_and_a_language_without_a_voice(qapp, tmp_path, capsys):
    assert main(["voice", "say", "--screen", "nowhere", "--out", str(tmp_path / "x.wav")]) == 2
    assert main(["voice", "say", "--text", "Salamat", "--lang", "fil", "--out", str(tmp_path / "y.wav")]) == 1
    assert "no engine renders fil" in capsys.readouterr().out
    assert not (tmp_path / "x.wav").exists() and not (tmp_path / "y.wav").exists()


def test_status_names_engines_languages_and_devices(qapp, capsys):
    code = main(["voice", "status"])
    text = capsys.readouterr().out
    assert "openjtalk  ok: ja" in text and "espeak     ok:" in text
    assert "ja-easy  openjtalk" in text and "fil      no voice" in text
    assert "audio outputs:" in text and "status:" in text
    assert code == (0 if "status: ok" in text else 1)


def test_say_speaks_a_screen_in_the_language_asked_for(qapp, tmp_path):
    """The screen's words come from the language's catalog, held for the whole command: left to Japanese,
    espeak-ng spells every kanji out ("Chinese letter…") and the same screen lasts over a minute."""
    out = tmp_path / "qual_invalid_en.wav"
    assert main(["voice", "say", "--screen", "qual_invalid", "--lang", "en", "--out", str(out)]) == 0
    assert_speech(read_wav(out), 3.0, 40.0)
