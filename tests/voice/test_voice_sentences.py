"""Text cut into sentences: the first plays while the next is made; none is too long to stop quickly."""
from kiosk.voice.sentences import MAX_CHARS, sentences


def test_sentences_end_at_japanese_and_latin_stops_and_at_a_space_after_japanese():
    text = "マイナンバーカードを置いてください 顔写真の面を上に。\nPlease wait. Then go! 안녕 하세요."
    assert sentences(text) == [
        "マイナンバーカードを置いてください", "顔写真の面を上に。", "Please wait.", "Then go!", "안녕 하세요."
    ]


def test_a_long_run_is_cut_at_commas_then_hard():
    clause = "いろはにほへとちりぬるを"
    cut = sentences("、".join([clause] * 20) + "。")
    assert all(len(s) <= MAX_CHARS for s in cut) and "".join(cut) == "、".join([clause] * 20) + "。"
    assert all(len(s) <= MAX_CHARS for s in sentences("あ" * 500))
    assert sentences("  \n ") == []
