"""The kiosk's languages through Qt's own translation system.

Source strings are Japanese (the default, and what most patients read); English comes from
``i18n/kiosk_en.qm``, compiled from ``i18n/kiosk_en.ts`` (see docs/ui.md for the update commands).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.core.errors import KioskError

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("ja", "en")
DEFAULT = "ja"


class LanguageError(KioskError):
    code = "translation_missing"


class Languages:
    """Installs one translator at a time on the running application."""

    def __init__(self) -> None:
        self.current = DEFAULT
        self._translator: QTranslator | None = None

    def apply(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise LanguageError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        app = QCoreApplication.instance()
        if self._translator is not None:
            app.removeTranslator(self._translator)
            self._translator = None
        if lang != DEFAULT:
            translator = QTranslator()
            path = I18N_DIR / f"kiosk_{lang}.qm"
            if not translator.load(str(path)):
                raise LanguageError(f"cannot load {path}")
            app.installTranslator(translator)
            self._translator = translator
        self.current = lang
