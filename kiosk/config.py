"""The kiosk's configuration: one small TOML or JSON file, then environment overrides.

Where the file is: ``$KIOSK_CONFIG`` if set, else ``kiosk.toml`` (or ``kiosk.json``) in the platform's
user config directory. A missing default file means all defaults; ``KIOSK_CONFIG=""`` means no file at
all (defaults and the environment only, wherever the user config directory is); a file named by
``$KIOSK_CONFIG`` or the caller must exist. A malformed file or a bad value raises :class:`ConfigError`
naming the key — the kiosk must not start on a guess.

Keys (file key / environment variable / default):

- ``data_dir`` / ``KIOSK_DATA_DIR`` / platform user data dir: the store's database lives here.
- ``key_dir`` / ``KIOSK_KEY_DIR`` / ``<user config dir>/keys``: the store key file when no OS keyring is
  used. Deliberately not under ``data_dir``: a copy of the data directory must not carry its key.
- ``key_provider`` / ``KIOSK_KEY_PROVIDER`` / ``dpapi`` on Windows, else ``auto``: ``auto`` (OS keyring if
  usable, else file), ``keyring``, ``file`` or ``dpapi`` (a key file sealed to the kiosk's Windows account).
- ``retention_days`` / ``KIOSK_RETENTION_DAYS`` / 730: receptions older than this are purged.
- ``unknown_insurer_number`` / ``KIOSK_UNKNOWN_INSURER`` / ``77777777``: the 不詳 insurer number;
  ``77777779`` where the レセコン cannot take ``77777777``.
- ``institution_code`` / ``KIOSK_INSTITUTION_CODE`` / ``1312345678`` (demo): 医療機関コード, 10 digits.
- ``terminal_root`` / ``KIOSK_TERMINAL_ROOT`` / ``<data_dir>/terminal``: the qualification terminal's
  shared root folder (holding ``req``, ``res``, ``face``).
- ``outbox_dir`` / ``KIOSK_OUTBOX_DIR`` / ``<data_dir>/outbox``: where a reception billed on a fallback
  (旧資格情報, the last visit, a 保険証 staff saw, 不詳) leaves its JSON record and 申立書 PDF for the
  レセコン (docs/outbox.md); created when missing.
- ``backup_dir`` / ``KIOSK_BACKUP_DIR`` / ``<data_dir>/backups``: where the store's encrypted backups go;
  point it at another disk so that one dead disk does not take the store and its backups together.
- ``backup_mirror_dir`` / ``KIOSK_BACKUP_MIRROR_DIR`` / none: a second folder (another disk, a USB drive, a
  share) that gets a copy of every backup. When neither folder is on another file system than the store,
  the staff console says so (``backup_same_disk``) until one is.
- ``backup_interval_hours`` / ``KIOSK_BACKUP_INTERVAL_HOURS`` / 6: hours between automatic backups (one
  more is made when the kiosk closes); 0.1 to 168.
- ``backup_keep`` / ``KIOSK_BACKUP_KEEP`` / 14: how many backups are kept; the oldest beyond that are removed.
- ``hub_dsn`` / ``KIOSK_HUB_DSN`` / none: the clinic hub's PostgreSQL connection string (docs/hub.md). None:
  no hub, the kiosk works on its own store alone, as it always has. Keep a password out of it (a ``.pgpass``
  file or the server's peer or certificate sign-in): it is never logged, but a config file is read by many.
- ``face_encoding`` / ``KIOSK_FACE_ENCODING`` / ``utf-8``: what we write into ``face`` result files,
  ``utf-8`` or ``shift_jis`` (the site's setting; reading accepts both).
- ``reader_name`` / ``KIOSK_READER`` / empty: the PC/SC reader to use; empty takes the first one present.
- ``camera_index`` / ``KIOSK_CAMERA`` / 0: the OpenCV camera device of the face camera.
- ``staff_port`` / ``KIOSK_STAFF_PORT`` / 47810: where the staff console connects (TLS, paired).
- ``kiosk_name`` / ``KIOSK_NAME`` / empty: how the staff console names this kiosk (e.g. 受付機1).
- ``face_threshold`` / ``KIOSK_FACE_THRESHOLD`` / 0.55: the largest face distance that counts as the same
  person (measured in docs/face.md; re-measure on the site's own chip photos before changing it).
- ``face_attempts`` / ``KIOSK_FACE_ATTEMPTS`` / 3: face attempts before the kiosk offers PIN or staff;
  fewer than the readers' 10 so that a patient is never face-locked here.

Accessibility: what the kiosk sounds like, and what every patient starts with (a patient turns voice, large
text and the pace on or off on the idle screen; each visit starts again from the site's choice). Switches
read ``true``/``false`` (in the environment also ``1``/``0``, ``yes``/``no``, ``on``/``off``):

- ``voice_default`` / ``KIOSK_VOICE`` / false: voice guidance on from the start (a ten-key press turns
  it on anyway).
- ``voice_volume`` / ``KIOSK_VOICE_VOLUME`` / 0.8: loudness of speech, 0 to 1.
- ``voice_rate`` / ``KIOSK_VOICE_RATE`` / 1.0: speed of speech, 0.5 (slow) to 2.0.
- ``voice_engine`` / ``KIOSK_VOICE_ENGINE`` / ``auto``: ``auto`` (the best engine present for each
  language), ``openjtalk``, ``espeak``, ``qt`` (the OS voices) or ``none`` (a silent kiosk).
- ``large_text_default`` / ``KIOSK_LARGE_TEXT`` / false: 文字を大きく (about ×1.5) from the start.
- ``unhurried_default`` / ``KIOSK_UNHURRIED`` / false: ゆっくり操作 from the start: every timeout doubled,
  the "still there?" countdown only in its last 30 s.
- ``card_left_escalate_after`` / ``KIOSK_CARD_LEFT_ESCALATE`` / 6: seconds the card may stay in the
  reader after the done screen asked for it before the reminder gets loud and the staff console is told;
  at least 1 and less than the done screen's timeout.
"""
from __future__ import annotations

import json
import os
import sys
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from kiosk.core.errors import KioskError
from kiosk.core.states import SPECS

APP_NAME = "kiosk"
UNKNOWN_INSURER_NUMBERS = ("77777777", "77777779")
FACE_ENCODINGS = ("utf-8", "shift_jis")
KEY_PROVIDERS = ("auto", "keyring", "file", "dpapi")

VOICE_ENGINES = ("auto", "openjtalk", "espeak", "qt", "none")
_TRUE, _FALSE = ("true", "1", "yes", "on"), ("false", "0", "no", "off")

_ENV = {
    "data_dir": "KIOSK_DATA_DIR",
    "key_dir": "KIOSK_KEY_DIR",
    "key_provider": "KIOSK_KEY_PROVIDER",
    "retention_days": "KIOSK_RETENTION_DAYS",
    "unknown_insurer_number": "KIOSK_UNKNOWN_INSURER",
    "institution_code": "KIOSK_INSTITUTION_CODE",
    "terminal_root": "KIOSK_TERMINAL_ROOT",
    "outbox_dir": "KIOSK_OUTBOX_DIR",
    "backup_dir": "KIOSK_BACKUP_DIR",
    "backup_mirror_dir": "KIOSK_BACKUP_MIRROR_DIR",
    "backup_interval_hours": "KIOSK_BACKUP_INTERVAL_HOURS",
    "backup_keep": "KIOSK_BACKUP_KEEP",
    "hub_dsn": "KIOSK_HUB_DSN",
    "face_encoding": "KIOSK_FACE_ENCODING",
    "reader_name": "KIOSK_READER",
    "camera_index": "KIOSK_CAMERA",
    "staff_port": "KIOSK_STAFF_PORT",
    "kiosk_name": "KIOSK_NAME",
    "face_threshold": "KIOSK_FACE_THRESHOLD",
    "face_attempts": "KIOSK_FACE_ATTEMPTS",
    "voice_default": "KIOSK_VOICE",
    "voice_volume": "KIOSK_VOICE_VOLUME",
    "voice_rate": "KIOSK_VOICE_RATE",
    "voice_engine": "KIOSK_VOICE_ENGINE",
    "large_text_default": "KIOSK_LARGE_TEXT",
    "unhurried_default": "KIOSK_UNHURRIED",
    "card_left_escalate_after": "KIOSK_CARD_LEFT_ESCALATE",
}

_FLOATS = ("face_threshold", "backup_interval_hours", "voice_volume", "voice_rate", "card_left_escalate_after")
_INTS = ("retention_days", "camera_index", "staff_port", "face_attempts", "backup_keep")
_SWITCHES = ("voice_default", "large_text_default", "unhurried_default")
_LOWERED = ("face_encoding", "voice_engine")  # names compared as written in lower case
_STRINGS = ("key_provider", "unknown_insurer_number", "institution_code", "reader_name", "kiosk_name", *_LOWERED)


def default_key_provider() -> str:
    """DPAPI on Windows (kiosk/store/dpapi.py): the key sealed to the kiosk's account, not a plain file."""
    return "dpapi" if sys.platform == "win32" else "auto"


class ConfigError(KioskError):
    code = "config_error"


@dataclass(frozen=True)
class Config:
    data_dir: Path
    key_dir: Path
    terminal_root: Path
    key_provider: str = field(default_factory=default_key_provider)
    retention_days: int = 730
    unknown_insurer_number: str = "77777777"
    institution_code: str = "1312345678"
    face_encoding: str = "utf-8"
    reader_name: str = ""
    camera_index: int = 0
    staff_port: int = 47810
    kiosk_name: str = ""
    face_threshold: float = 0.55
    face_attempts: int = 3
    outbox_dir: Path | None = None  # None: ``<data_dir>/outbox``
    backup_dir: Path | None = None  # None: ``<data_dir>/backups``
    backup_mirror_dir: Path | None = None  # None: no second copy
    backup_interval_hours: float = 6.0
    backup_keep: int = 14
    hub_dsn: str | None = None  # None: no clinic hub (docs/hub.md)
    voice_default: bool = False
    voice_volume: float = 0.8
    voice_rate: float = 1.0
    voice_engine: str = "auto"
    large_text_default: bool = False
    unhurried_default: bool = False
    card_left_escalate_after: float = 6.0

    @property
    def database_path(self) -> Path:
        return self.data_dir / "kiosk.db"

    @property
    def outbox(self) -> Path:
        return self.outbox_dir or self.data_dir / "outbox"

    @property
    def backups(self) -> Path:
        return self.backup_dir or self.data_dir / "backups"


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "kiosk.toml"


def load(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """The configuration from ``path`` (or ``$KIOSK_CONFIG``, or the default place) and ``env``."""
    env = os.environ if env is None else env
    values: dict[str, object] = {}
    path = _file_to_read(path, env)
    if path is not None:
        values.update(_read_file(path))
    for key, var in _ENV.items():
        if env.get(var):
            values[key] = env[var]
    return _build(values)


def _file_to_read(path: Path | None, env: Mapping[str, str]) -> Path | None:
    """The config file to read, or None when there is none: a file named by the caller or by
    ``$KIOSK_CONFIG`` must exist, the default one need not."""
    explicit = path is not None or "KIOSK_CONFIG" in env
    if path is None:
        named = env.get("KIOSK_CONFIG")
        if named is not None and not named.strip():
            return None
        path = Path(named) if named else default_config_path()
        if not path.exists() and path.suffix == ".toml" and path.with_suffix(".json").exists():
            path = path.with_suffix(".json")
    if path.exists():
        return path
    if explicit:
        raise ConfigError(f"config file not found: {path}")
    return None


def _read_file(path: Path) -> dict[str, object]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (OSError, ValueError) as exc:  # tomllib.TOMLDecodeError and JSONDecodeError are ValueErrors
        raise ConfigError(f"cannot read config {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"config {path}: expected a table of keys")
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"config {path}: unknown keys {', '.join(unknown)}")
    return data


def _build(values: dict[str, object]) -> Config:
    data_dir = Path(str(values.get("data_dir") or platformdirs.user_data_dir(APP_NAME, appauthor=False)))
    key_dir = Path(
        str(values.get("key_dir") or Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "keys")
    )
    terminal_root = Path(str(values.get("terminal_root") or data_dir / "terminal"))
    config = Config(
        data_dir=data_dir.expanduser(), key_dir=key_dir.expanduser(), terminal_root=terminal_root.expanduser()
    )
    changes: dict[str, Any] = {}
    if values.get("outbox_dir"):
        changes["outbox_dir"] = Path(str(values["outbox_dir"])).expanduser()
    for folder in ("backup_dir", "backup_mirror_dir"):
        if values.get(folder):
            changes[folder] = Path(str(values[folder])).expanduser()
    if str(values.get("hub_dsn") or "").strip():
        changes["hub_dsn"] = str(values["hub_dsn"]).strip()
    for key in _FLOATS:
        if key in values:
            try:
                changes[key] = float(str(values[key]))
            except ValueError as exc:
                raise ConfigError(f"{key}: not a number: {values[key]!r}") from exc
    for key in _INTS:
        if key in values:
            try:
                changes[key] = int(str(values[key]))
            except ValueError as exc:
                raise ConfigError(f"{key}: not a whole number: {values[key]!r}") from exc
    for key in _SWITCHES:
        if key in values:
            changes[key] = _switch(key, values[key])
    for key in _STRINGS:
        if key in values:
            changes[key] = str(values[key]).strip().lower() if key in _LOWERED else str(values[key]).strip()
    config = replace(config, **changes)
    _validate(config)
    return config


def _switch(key: str, value: object) -> bool:
    """A switch from the file (a TOML or JSON boolean) or the environment (a word)."""
    if isinstance(value, bool):
        return value
    word = value.strip().lower() if isinstance(value, str) else None
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ConfigError(f"{key}: not true or false: {value!r}")


def _done_timeout() -> float:
    """The shortest timeout of the screens that ask for the card back: the reminder must get loud before it."""
    return min(s.timeout for s in SPECS.values() if s.card_reminder == 0 and s.timeout is not None)


def _validate(config: Config) -> None:
    if config.retention_days < 1:
        raise ConfigError("retention_days must be at least 1")
    if config.unknown_insurer_number not in UNKNOWN_INSURER_NUMBERS:
        raise ConfigError(f"unknown_insurer_number must be one of {', '.join(UNKNOWN_INSURER_NUMBERS)}")
    code = config.institution_code
    if not (len(code) == 10 and code.isascii() and code.isdigit()):
        raise ConfigError("institution_code must be 10 digits")
    if config.face_encoding not in FACE_ENCODINGS:
        raise ConfigError(f"face_encoding must be one of {', '.join(FACE_ENCODINGS)}")
    if config.key_provider not in KEY_PROVIDERS:
        raise ConfigError(f"key_provider must be one of {', '.join(KEY_PROVIDERS)}")
    if config.camera_index < 0:
        raise ConfigError("camera_index must be 0 or more")
    if not 1 <= config.staff_port <= 65535:
        raise ConfigError("staff_port must be a TCP port, 1 to 65535")
    if not 0.2 <= config.face_threshold <= 0.8:
        raise ConfigError("face_threshold must be between 0.2 and 0.8")
    if not 1 <= config.face_attempts <= 9:
        raise ConfigError("face_attempts must be 1 to 9: fewer than the face-auth readers' 10")
    if not 0.1 <= config.backup_interval_hours <= 168:
        raise ConfigError("backup_interval_hours must be between 0.1 and 168 (a week)")
    if not 1 <= config.backup_keep <= 1000:
        raise ConfigError("backup_keep must be 1 to 1000")
    if not 0.0 <= config.voice_volume <= 1.0:
        raise ConfigError("voice_volume must be between 0 and 1")
    if not 0.5 <= config.voice_rate <= 2.0:
        raise ConfigError("voice_rate must be between 0.5 and 2.0")
    if config.voice_engine not in VOICE_ENGINES:
        raise ConfigError(f"voice_engine must be one of {', '.join(VOICE_ENGINES)}")
    done = _done_timeout()
    if not 1.0 <= config.card_left_escalate_after < done:
        raise ConfigError(f"card_left_escalate_after must be at least 1 and under {done:g} seconds "
                          "(the done screen's timeout)")
