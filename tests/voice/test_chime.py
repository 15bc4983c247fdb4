"""The chime plays through QtMultimedia, louder and three times over when the alarm escalates."""
import logging

from kiosk.ui.sound import LOUD_REPEATS, LOUD_VOLUME, SOFT_VOLUME, Chime, chime_wav


def test_the_chime_uses_qtmultimedia_and_escalates(qapp, caplog):
    caplog.set_level(logging.INFO, logger="kiosk.ui.sound")
    chime = Chime()
    assert chime.backend == "qtmultimedia"
    assert "chime_qtmultimedia" in caplog.text
    effect = chime._effect
    chime.play()
    assert (effect.volume(), effect.loopCount()) == (SOFT_VOLUME, 1)
    chime.play(level=1)
    assert effect.volume() == LOUD_VOLUME and effect.loopCount() == LOUD_REPEATS
    chime.play(level=0)
    assert effect.loopCount() == 1


def test_the_chime_is_a_real_sound():
    data = chime_wav()
    assert data[:4] == b"RIFF" and len(data) > 22050  # two tones of 0.35 s at 22.05 kHz, 16-bit
