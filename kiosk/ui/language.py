"""The kiosk's languages: which ones it has, and installing one through Qt's translation system.

Source strings are Japanese (the default, and what most patients read). Every other language is a
compiled catalog ``i18n/kiosk_<code>.qm`` (from ``kiosk_<code>.ts``; docs/languages.md has the update
commands). ``REGISTRY`` is the metadata table below filtered by the catalogs present, so a language
appears on the chooser and in ``--lang`` exactly when its catalog ships. The staff console's words (the
state table's staff texts, context ``StaffConsole``) come from ``staff/i18n/staff_<code>.qm`` where that
exists; elsewhere they stay Japanese, which every member of staff reads.

Qt is imported only where a catalog is loaded: the command line reads the registry for its ``--lang``
choices and must start without it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.core.errors import KioskError

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
STAFF_I18N_DIR = Path(__file__).resolve().parent / "staff" / "i18n"
DEFAULT = "ja"


class LanguageError(KioskError):
    code = "translation_missing"


@dataclass(frozen=True)
class LanguageInfo:
    code: str  # BCP 47, the same in --lang, the catalog's file name and the chooser
    native_name: str  # in its own script: what a patient looks for on the chooser
    english_name: str  # for logs, docs and staff
    voice_lang: str  # what a speech engine is asked for (やさしい日本語 is spoken by the Japanese voice)


# In the chooser's order: Japanese first, then by how many residents of Japan read each language.
KNOWN: tuple[LanguageInfo, ...] = (
    LanguageInfo("ja", "日本語", "Japanese", "ja"),
    LanguageInfo("ja-easy", "やさしい にほんご", "Easy Japanese", "ja"),
    LanguageInfo("en", "English", "English", "en"),
    LanguageInfo("zh-Hans", "中文（简体）", "Chinese (Simplified)", "zh"),
    LanguageInfo("vi", "Tiếng Việt", "Vietnamese", "vi"),
    LanguageInfo("ko", "한국어", "Korean", "ko"),
    LanguageInfo("fil", "Filipino", "Filipino", "fil"),
    LanguageInfo("pt-BR", "Português (Brasil)", "Portuguese (Brazil)", "pt-BR"),
    LanguageInfo("ne", "नेपाली", "Nepali", "ne"),
    LanguageInfo("id", "Bahasa Indonesia", "Indonesian", "id"),
)


def kiosk_catalog(code: str) -> Path:
    return I18N_DIR / f"kiosk_{code}.qm"


def staff_catalog(code: str) -> Path | None:
    """The staff console's compiled catalog for ``code``; None where staff words stay Japanese."""
    path = STAFF_I18N_DIR / f"staff_{code}.qm"
    return path if code != DEFAULT and path.exists() else None


def _present(known: tuple[LanguageInfo, ...]) -> tuple[LanguageInfo, ...]:
    return tuple(info for info in known if info.code == DEFAULT or kiosk_catalog(info.code).exists())


REGISTRY: tuple[LanguageInfo, ...] = _present(KNOWN)


def codes() -> tuple[str, ...]:
    """Every language the kiosk can show: the choices of ``--lang``."""
    return tuple(info.code for info in REGISTRY)


def staff_codes() -> tuple[str, ...]:
    """The staff console's own languages: Japanese and those with a staff catalog."""
    return tuple(info.code for info in REGISTRY if info.code == DEFAULT or staff_catalog(info.code) is not None)


def language_info(code: str) -> LanguageInfo:
    for info in REGISTRY:
        if info.code == code:
            return info
    raise LanguageError(f"unknown language {code!r}; expected one of {', '.join(codes())}")


def _load(path: Path) -> QTranslator:
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    if not translator.load(str(path)):
        raise LanguageError(f"cannot load {path}")
    return translator


def install_staff_language(code: str) -> QTranslator | None:
    """The staff console's words in ``code`` on the running application; None for Japanese, and for a
    language staff have no catalog for. The caller removes the translator to go back."""
    from PySide6.QtCore import QCoreApplication

    language_info(code)
    path = staff_catalog(code)
    if path is None:
        return None
    translator = _load(path)
    QCoreApplication.installTranslator(translator)
    return translator


class Languages:
    """Installs one language's translators at a time on the running application."""

    def __init__(self) -> None:
        self.current = DEFAULT
        self._translators: list[QTranslator] = []

    def apply(self, code: str) -> None:
        from PySide6.QtCore import QCoreApplication

        language_info(code)
        loaded = []
        if code != DEFAULT:
            loaded.append(_load(kiosk_catalog(code)))
            staff = staff_catalog(code)
            if staff is not None:
                loaded.append(_load(staff))
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        for translator in loaded:
            QCoreApplication.installTranslator(translator)
        self._translators = loaded
        self.current = code
