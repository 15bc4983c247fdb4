"""The kiosk's languages through Qt's own translation system.

Source strings are Japanese (the default, and what most patients read); English comes from
``i18n/kiosk_en.qm``, compiled from ``i18n/kiosk_en.ts`` (see docs/ui.md for the update commands). The
kiosk's own staff panel speaks the staff console's words (the state table's staff texts, context
``StaffConsole``), so the console's catalog ``staff/i18n/staff_en.qm`` is installed with it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.core.errors import KioskError

I18N_DIR = Path(__file__).resolve().parent / "i18n"
STAFF_I18N_DIR = Path(__file__).resolve().parent / "staff" / "i18n"
LANGUAGES = ("ja", "en")
DEFAULT = "ja"


class LanguageError(KioskError):
    code = "translation_missing"


def catalogs(lang: str) -> tuple[Path, ...]:
    """The compiled catalogs one language needs: the kiosk's screens, then the staff console's words."""
    return I18N_DIR / f"kiosk_{lang}.qm", STAFF_I18N_DIR / f"staff_{lang}.qm"


class Languages:
    """Installs one language's translators at a time on the running application."""

    def __init__(self) -> None:
        self.current = DEFAULT
        self._translators: list[QTranslator] = []

    def apply(self, lang: str) -> None:
        if lang not in LANGUAGES:
            raise LanguageError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
        loaded = []
        if lang != DEFAULT:
            for path in catalogs(lang):
                translator = QTranslator()
                if not translator.load(str(path)):
                    raise LanguageError(f"cannot load {path}")
                loaded.append(translator)
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        for translator in loaded:
            QCoreApplication.installTranslator(translator)
        self._translators = loaded
        self.current = lang
