"""The checks of ``kiosk doctor``, one function each, listed in :data:`CHECKS` in the report's order.

Every check only looks: it sends no APDU to a card, no request to the terminal, writes nothing but a
hidden probe file it removes at once, and opens the store the way ``kiosk store`` does (a shared lock,
SQLite's quick check), never decrypting a patient's data. Each is bounded by its deadline in
:func:`kiosk.doctor.findings.run_checks`; inside, every call that can block for long (PC/SC, a camera, a
child process) has a deadline of its own as well.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

# Imported here, before the checks' threads start: two threads importing one package at once can meet
# Python's import-lock deadlock detection (seen: kiosk.store).
from kiosk.camera.source import CameraTimeout
from kiosk.card.pcsc import ScardCodes, choose_reader, list_readers, load_scard
from kiosk.core.errors import KioskError
from kiosk.doctor.findings import Check, Duration, Finding, ok, problem, unknown, warn
from kiosk.processes import start_child
from kiosk.qualification import schema
from kiosk.store import backup
from kiosk.store.errors import (
    KeyFileUnsafe,
    KeyMissing,
    KeyNotForThisAccount,
    NotFound,
    StoreCorrupt,
    StoreMissing,
    WrongKey,
)
from kiosk.store.keys import provider_for
from kiosk.store.store import open_store
from kiosk.voice.engines import EspeakEngine, OpenJTalkEngine

if TYPE_CHECKING:
    from kiosk.camera.source import FrameSource
    from kiosk.config import Config

DAY = 86400.0

# The Japanese UI fonts the kiosk asks Qt for, by family (kiosk/ui/theme.py's FONT_FAMILIES without the
# generic sans-serif; a library package does not import the UI, and a test keeps the two lists equal).
JAPANESE_FONTS = ("Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", "Hiragino Sans", "Noto Sans JP")
# Their files where there is no fontconfig (Windows): Yu Gothic, Meiryo, MS Gothic.
WINDOWS_FONT_FILES = ("YuGothM.ttc", "YuGothR.ttc", "meiryo.ttc", "msgothic.ttc")

READER_STATUS_MS = 0  # SCardGetStatusChange from "unaware" answers at once with the reader's state
CAMERA_FIRST_FRAME = 4.0  # seconds for the first frame: a USB camera takes a moment to open
CAMERA_SETTLE = 1.0  # then more frames for this long: a camera's first frames are often dark
DARK_MEAN = 12.0  # mean brightness (0-255) below which the picture is black: a covered lens
FONT_LIST_SECONDS = 4.0
ANSWER_OLD = 3 * DAY  # a clinic closed over a long weekend sees no answer for two or three days
SPACE_PROBLEM = 100 * 1024**2  # free bytes below which receptions or backups will soon fail
SPACE_WARN = 1024**3
CLOCK_WARN = 60.0  # seconds of skew the clerk should hear about
CLOCK_PROBLEM = 600.0  # the certificate checks and the terminal's dates go wrong
REMOTE_FILE_SYSTEMS = frozenset({"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs", "ceph",
                                 "glusterfs", "davfs", "fuse.davfs2"})


def _free_space(path: Path) -> tuple[int, int]:
    """(free bytes for an ordinary user, total bytes) of the file system ``path`` is on."""
    usage = shutil.disk_usage(path)
    return usage.free, usage.total


@dataclass(frozen=True)
class Setup:
    """What the checks look at: the configuration and the devices it names."""

    config: Config
    reader_name: str | None  # None: the first reader present
    camera: Callable[[], FrameSource]  # opens the configured camera source
    font_families: tuple[str, ...] = JAPANESE_FONTS
    now: Callable[[], float] = time.time  # wall-clock: compared with files' times
    free_space: Callable[[Path], tuple[int, int]] = _free_space


@dataclass
class StoreLook:
    """One opening of the store, shared by the store check and the terminal's last answer."""

    error: KioskError | None = None
    damage: tuple[str, ...] = ()
    schema_version: int = 0
    last_answer: float | None = None  # wall-clock: the newest valid answer the store recorded


@dataclass
class Context:
    setup: Setup
    _store: StoreLook | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def config(self) -> Config:
        return self.setup.config

    def store_look(self) -> StoreLook:
        with self._lock:
            if self._store is None:
                self._store = _look_at_store(self.config)
            return self._store


# --- the card reader ---------------------------------------------------------------------------------


def check_reader(context: Context) -> Finding:
    """The reader is listed by PC/SC and tells its state: no card is touched, so a running kiosk is not
    disturbed (its exclusive connection exists only while it reads a card, and this asks for none)."""
    wanted = context.setup.reader_name
    try:
        scard = load_scard()
    except ImportError as error:
        return problem("reader.no_library", "todo.reinstall", f"pyscard: {error}")
    codes = ScardCodes(scard)
    hr, handle = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if hr != scard.SCARD_S_SUCCESS:
        return problem("reader.no_service", "reader.todo.service", scard.SCardGetErrorMessage(hr))
    try:
        readers = list_readers(scard, handle)
        if not readers:
            return problem("reader.none", "reader.todo.plug", "SCardListReaders: no reader")
        name = choose_reader(readers, wanted)
        if name is None:
            return problem("reader.not_found", "reader.todo.name", f"present: {', '.join(readers)}",
                           wanted=wanted or "", present=", ".join(readers))
        hr, states = scard.SCardGetStatusChange(handle, READER_STATUS_MS, [(name, scard.SCARD_STATE_UNAWARE)])
        if hr != scard.SCARD_S_SUCCESS or not states:
            named = codes.error(scard, hr, "SCardGetStatusChange")
            return problem("reader.not_answering", "reader.todo.plug", f"{named.code}: {named}", reader=name)
        state = states[0][1]
    except KioskError as error:
        return problem("reader.not_answering", "reader.todo.plug", f"{error.code}: {error}", reader=wanted or "")
    finally:
        scard.SCardReleaseContext(handle)
    if state & (scard.SCARD_STATE_UNKNOWN | scard.SCARD_STATE_UNAVAILABLE | scard.SCARD_STATE_IGNORE):
        return problem("reader.unavailable", "reader.todo.plug", f"state 0x{state:X}", reader=name)
    if state & scard.SCARD_STATE_PRESENT:
        if state & scard.SCARD_STATE_MUTE:
            return warn("reader.card_mute", "reader.todo.card_mute", f"state 0x{state:X}", reader=name)
        if state & (scard.SCARD_STATE_INUSE | scard.SCARD_STATE_EXCLUSIVE):
            return ok("reader.in_use", f"state 0x{state:X}", reader=name)
        return warn("reader.card_left", "reader.todo.card_left", f"state 0x{state:X}", reader=name)
    return ok("reader.ok", f"state 0x{state:X}", reader=name)


# --- the camera --------------------------------------------------------------------------------------


def check_camera(context: Context) -> Finding:
    """The configured camera gives a frame in time and the picture is not black. Frames are looked at
    for their brightness only and dropped: nothing of them is kept or shown."""
    try:
        source = context.setup.camera()
    except KioskError as error:
        return problem("camera.unavailable", "camera.todo.plug", f"{error.code}: {error}")
    try:
        frame = source.read(CAMERA_FIRST_FRAME)
        height, width = frame.rgb.shape[:2]
        brightest = float(frame.rgb.mean())
        settle_until = time.monotonic() + CAMERA_SETTLE
        while brightest < DARK_MEAN and (left := settle_until - time.monotonic()) > 0:
            try:
                brightest = max(brightest, float(source.read(left).rgb.mean()))
            except CameraTimeout:
                break
        del frame
    except KioskError as error:
        return problem("camera.no_frame", "camera.todo.plug", f"{error.code}: {error}",
                       seconds=round(CAMERA_FIRST_FRAME))
    finally:
        source.close()
    if brightest < DARK_MEAN:
        return warn("camera.dark", "camera.todo.dark", f"mean brightness {brightest:.0f} of 255")
    return ok("camera.ok", f"{width}x{height}", width=width, height=height)


# --- the terminal's folders --------------------------------------------------------------------------


def check_terminal_folders(context: Context) -> Finding:
    """``req``, ``res`` and ``face`` exist and take a file: a hidden probe, which the terminal never
    picks up (it reads only ``…req_*.xml``), written and removed as the kiosk's own probe does."""
    root = context.config.terminal_root
    missing, closed, details = [], [], []
    for name in (schema.REQ_DIR, schema.RES_DIR, schema.FACE_DIR):
        folder = root / name
        try:
            if not folder.is_dir():
                missing.append(name)
                continue
        except OSError as error:
            missing.append(name)
            details.append(f"{folder}: {error.strerror or error}")
            continue
        probe = folder / f".kiosk-doctor-{os.getpid()}.tmp"
        try:
            with open(probe, "wb"):
                pass
            probe.unlink()
        except OSError as error:
            closed.append(name)
            details.append(f"{folder}: {error.strerror or error}")
    detail = "; ".join(details) or str(root)
    if missing:
        return problem("terminal.missing", "terminal.todo.missing", detail, folders=", ".join(missing),
                       root=str(root))
    if closed:
        return problem("terminal.read_only", "terminal.todo.read_only", detail, folders=", ".join(closed),
                       root=str(root))
    return ok("terminal.ok", str(root), root=str(root))


def check_terminal_answers(context: Context) -> Finding:
    """When the terminal last answered. It has no heartbeat, and the kiosk keeps the time of its last
    answer only in memory (TerminalHealth) and removes each answer once read: what is left to see is the
    newest file the terminal wrote in ``res`` and the newest valid answer the store recorded (a confirmed
    patient or a finished re-check)."""
    seen = [t for t in (_newest_terminal_file(context.config.terminal_root / schema.RES_DIR),
                        context.store_look().last_answer) if t is not None]
    if not seen:
        return unknown("answers.never", "answers.todo.never")
    age = max(0.0, context.setup.now() - max(seen))
    if age > ANSWER_OLD:
        return warn("answers.old", "answers.todo.old", f"{age / 3600:.0f} h", age=Duration(age))
    return ok("answers.recent", f"{age / 60:.0f} min", age=Duration(age))


def _newest_terminal_file(folder: Path) -> float | None:
    newest = None
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name.startswith("."):  # ours (probes, files being written)
                    continue
                try:
                    if entry.is_file():
                        written = entry.stat().st_mtime
                        newest = written if newest is None else max(newest, written)
                except OSError:
                    continue
    except OSError:
        return None
    return newest


# --- the store, its backups and its key -------------------------------------------------------------


def _look_at_store(config: Config) -> StoreLook:
    look = StoreLook()
    try:
        store = open_store(config, create=False)  # a store that was never there is not made here
    except KioskError as error:
        look.error = error
        return look
    try:
        look.damage = store.damage
        look.schema_version = store.schema_version
    finally:
        store.close()
    if not look.damage:
        look.last_answer = _last_answer_recorded(config.database_path)
    return look


def _last_answer_recorded(db_path: Path) -> float | None:
    """The newest time a valid answer was recorded: two plain timestamp columns, read-only, with no
    sealed field opened (docs/store.md has the schema)."""
    try:
        conn = sqlite3.connect(db_path.absolute().as_uri() + "?mode=ro", uri=True, timeout=5)
        try:
            stamps = [row[0] for row in conn.execute(
                "SELECT MAX(confirmed_at) FROM patients UNION ALL SELECT MAX(done_at) FROM rechecks") if row[0]]
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    times = []
    for stamp in stamps:
        try:
            when = datetime.fromisoformat(str(stamp))
        except ValueError:
            continue
        times.append((when if when.tzinfo else when.astimezone()).timestamp())
    return max(times, default=None)


def check_store(context: Context) -> Finding:
    look = context.store_look()
    path = str(context.config.database_path)
    error = look.error
    if error is not None:
        detail = f"{error.code}: {error}"
        for kind, key, todo in ((StoreMissing, "store.missing", "store.todo.missing"),
                                (NotFound, "store.not_found", "store.todo.not_found"),
                                (StoreCorrupt, "store.corrupt", "store.todo.corrupt"),
                                (KeyMissing, "store.key_missing", "store.todo.key_missing"),
                                (WrongKey, "store.wrong_key", "store.todo.wrong_key"),
                                (KeyFileUnsafe, "keys.unsafe", "keys.todo.unsafe")):
            if isinstance(error, kind):
                return problem(key, todo, detail, path=path)
        return problem("store.error", "todo.vendor", detail, path=path, code=error.code)
    if look.damage:
        return problem("store.damaged", "store.todo.damaged", f"quick check: {look.damage[0]}", path=path)
    return ok("store.ok", f"{path}, schema {look.schema_version}", path=path)


def check_backups(context: Context) -> Finding:
    """The newest backup in ``backup_dir``: there, a kiosk backup (its header), and not older than two
    backup intervals (the kiosk makes one every interval while it runs and one as it closes)."""
    config = context.config
    folder = config.backups
    try:
        found = backup.backups(folder)
    except KioskError as error:
        return warn("backup.unreadable_folder", "backup.todo.folder", f"{error.code}: {error}", folder=str(folder))
    if not found:
        return warn("backup.none", "backup.todo.none", str(folder), folder=str(folder))
    newest = found[0]
    try:
        with open(newest, "rb") as handle:
            header = handle.read(len(backup.MAGIC))
    except OSError as error:
        header, why = b"", error.strerror or str(error)
    else:
        why = "not a kiosk backup"
    if header != backup.MAGIC:
        return warn("backup.unreadable", "backup.todo.none", f"{newest}: {why}", file=newest.name)
    made = backup.made_at(newest)
    assert made is not None  # backups() lists only names that carry their time
    age = max(0.0, context.setup.now() - made.timestamp())
    limit = 2 * config.backup_interval_hours * 3600
    if age > limit:
        return warn("backup.old", "backup.todo.old", f"{newest.name}", age=Duration(age),
                    interval=Duration(config.backup_interval_hours * 3600))
    return ok("backup.ok", f"{newest}", age=Duration(age), count=len(found))


def check_backup_disk(context: Context) -> Finding:
    """Backups on the disk the store is on die with it (kiosk.store.backup.placement_problem, as the
    console's notice says it)."""
    config = context.config
    store = backup.device_of(config.data_dir)
    if store is None:
        return unknown("backup_disk.unknown", None, str(config.data_dir))
    if backup.placement_problem(config.database_path, config.backups, config.backup_mirror_dir):
        return warn("backup_disk.same", "backup_disk.todo.same", f"st_dev {store}", folder=str(config.backups))
    elsewhere = next(f for f in (config.backups, config.backup_mirror_dir) if f and backup.device_of(f) != store)
    return ok("backup_disk.ok", str(elsewhere), folder=str(elsewhere))


def check_keys(context: Context) -> Finding:
    """The key provider gives the store's key (never printed, dropped at once)."""
    config = context.config
    try:
        provider = provider_for(config.key_provider, config.key_dir)
        key = provider.load()
    except KeyFileUnsafe as error:
        return problem("keys.unsafe", "keys.todo.unsafe", f"{error.code}: {error}")
    except KeyNotForThisAccount as error:
        return problem("keys.other_account", "keys.todo.other_account", f"{error.code}: {error}")
    except KioskError as error:
        return problem("keys.error", "keys.todo.error", f"{error.code}: {error}")
    except Exception as error:  # a keyring backend's own failure (D-Bus, a locked keychain)
        return problem("keys.error", "keys.todo.error", f"{type(error).__name__}: {error}")
    if key is None:
        if config.database_path.exists():
            return problem("keys.missing", "keys.todo.missing", provider.description, where=provider.description)
        return warn("keys.none_yet", "keys.todo.none_yet", provider.description, where=provider.description)
    del key
    return ok("keys.ok", provider.description, where=provider.description)


# --- fonts and voices --------------------------------------------------------------------------------


def check_fonts(context: Context) -> Finding:
    """A Japanese UI font the kiosk asks for is installed: fontconfig's list where there is one (a child
    process with a deadline, no Qt), else the Windows font folder."""
    wanted = context.setup.font_families
    try:
        listed = _fontconfig_japanese()
    except TimeoutError as error:
        return unknown("fonts.unknown", "fonts.todo.unknown", str(error))
    if listed is None:
        fonts = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
        files = [name for name in WINDOWS_FONT_FILES if (fonts / name).exists()]
        if files:
            return ok("fonts.ok", f"{fonts}: {', '.join(files)}", family=files[0])
        if sys.platform == "win32":
            return problem("fonts.none", "fonts.todo.install", str(fonts))
        return unknown("fonts.unknown", "fonts.todo.unknown", "no fc-list and no Windows font folder")
    present = [family for family in wanted if family in listed]
    if present:
        return ok("fonts.ok", ", ".join(present), family=present[0])
    if listed:
        return warn("fonts.other", "fonts.todo.install", ", ".join(sorted(listed)[:3]), family=sorted(listed)[0])
    return problem("fonts.none", "fonts.todo.install", "fc-list :lang=ja lists none")


def _fontconfig_japanese() -> set[str] | None:
    """The families fontconfig has for Japanese; None when there is no fc-list."""
    binary = shutil.which("fc-list")
    if binary is None:
        return None
    child = start_child([binary, ":lang=ja", "family"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                        stderr=subprocess.DEVNULL)
    try:
        out, _ = child.communicate(timeout=FONT_LIST_SECONDS)
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"fc-list gave no answer within {FONT_LIST_SECONDS:g} s") from None
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    families: set[str] = set()
    for line in out.decode("utf-8", "replace").splitlines():
        families.update(name.strip() for name in line.split(",") if name.strip())
    return families


def check_voice_japanese(context: Context) -> Finding:
    """Open JTalk loads its dictionary and voice (the Japanese voice guidance)."""
    config = context.config
    if config.voice_engine in ("none", "espeak", "qt"):
        return unknown("voice.not_used", None, f"voice_engine = {config.voice_engine}", engine=config.voice_engine)
    try:
        OpenJTalkEngine().load()
    except KioskError as error:
        finding = problem if config.voice_default else warn
        return finding("voice.ja_missing", "voice.todo.reinstall", f"{error.code}: {error}")
    return ok("voice.ja_ok")


def check_voice_other(context: Context) -> Finding:
    """espeak-ng is there with voices for the other languages."""
    config = context.config
    if config.voice_engine in ("none", "openjtalk", "qt"):
        return unknown("voice.not_used", None, f"voice_engine = {config.voice_engine}", engine=config.voice_engine)
    engine = EspeakEngine()
    try:
        engine.load()
    except KioskError as error:
        return warn("voice.espeak_missing", "voice.todo.espeak", f"{error.code}: {error}")
    voices = sorted(engine.voices())
    if not voices:
        return warn("voice.espeak_missing", "voice.todo.espeak", "espeak-ng has none of the kiosk's voices")
    return ok("voice.espeak_ok", ", ".join(voices), count=len(voices))


# --- the clock and the disks -------------------------------------------------------------------------


def check_clock(context: Context) -> Finding:
    """This PC's clock against the terminal's side, from a file's time where one can tell: a file made in
    a folder on a file server gets its time from the server's clock. A folder on this PC gets this PC's
    own time, which compares nothing, and then the skew is honestly unknown (no time server is asked)."""
    folder = context.config.terminal_root / schema.REQ_DIR
    if not _on_a_file_server(folder):
        return unknown("clock.unknown", "clock.todo.unknown", f"{folder} is on this PC")
    probe = folder / f".kiosk-doctor-clock-{os.getpid()}.tmp"
    now = context.setup.now
    try:
        before = now()
        with open(probe, "wb") as handle:
            handle.write(b"\0")
            handle.flush()
            os.fsync(handle.fileno())
        after = now()
        stamped = probe.stat().st_mtime
    except OSError as error:
        return unknown("clock.unknown_share", "clock.todo.unknown", f"{probe}: {error.strerror or error}")
    finally:
        try:
            probe.unlink(missing_ok=True)
        except OSError:
            pass
    skew = stamped - (before + after) / 2
    detail = f"server time - this PC = {skew:+.1f} s"
    if abs(skew) >= CLOCK_PROBLEM:
        return problem("clock.off", "clock.todo.off", detail, skew=Duration(abs(skew)))
    if abs(skew) >= CLOCK_WARN:
        return warn("clock.off", "clock.todo.off", detail, skew=Duration(abs(skew)))
    return ok("clock.ok", detail, skew=Duration(abs(skew)))


def _on_a_file_server(path: Path) -> bool:
    if sys.platform == "win32":
        return _windows_remote(path)
    try:
        target = path.resolve()
        with open("/proc/self/mounts", encoding="utf-8") as mounts:
            entries = [line.split() for line in mounts]
    except OSError:
        return False  # not Linux, or no /proc: nothing says it is a share
    best, kind = "", ""
    for entry in entries:
        if len(entry) < 3:
            continue
        point = entry[1].replace("\\040", " ")
        inside = str(target) == point or str(target).startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, entry[2]
    return kind in REMOTE_FILE_SYSTEMS


def _windows_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith("\\\\"):
        return True
    import ctypes

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    drive_remote = 4  # DRIVE_REMOTE
    return bool(ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == drive_remote)  # type: ignore[attr-defined]


def _existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


def check_disk(context: Context) -> Finding:
    """Free space where the store and the backups are written (one line for both when they share a
    file system). A full disk stops receptions from being saved."""
    config = context.config
    seen: dict[int | None, Path] = {}
    for folder in (config.data_dir, config.backups):
        seen.setdefault(backup.device_of(folder), folder)
    worst: tuple[int, Path, int] | None = None
    for folder in seen.values():
        try:
            free, total = context.setup.free_space(_existing(folder))
        except OSError as error:
            return warn("disk.unknown", "todo.vendor", f"{folder}: {error.strerror or error}", folder=str(folder))
        if worst is None or free < worst[0]:
            worst = (free, folder, total)
    assert worst is not None
    free, folder, total = worst
    mib = free // 1024**2
    detail = f"{folder}: {mib} MiB free of {total // 1024**2} MiB"
    if free < SPACE_PROBLEM:
        return problem("disk.full", "disk.todo.full", detail, folder=str(folder), free_mb=mib)
    if free < SPACE_WARN:
        return warn("disk.low", "disk.todo.low", detail, folder=str(folder), free_mb=mib)
    return ok("disk.ok", detail, free_gb=round(free / 1024**3, 1))


# --- the list ------------------------------------------------------------------------------------------

CHECKS = (
    Check("reader", check_reader, 8.0, "reader.todo.plug"),
    Check("camera", check_camera, 10.0, "camera.todo.plug"),
    Check("terminal_folders", check_terminal_folders, 6.0, "terminal.todo.missing"),
    Check("terminal_answers", check_terminal_answers, 25.0, "terminal.todo.missing"),
    Check("store", check_store, 25.0, "todo.vendor"),
    Check("backup", check_backups, 6.0, "backup.todo.folder"),
    Check("backup_disk", check_backup_disk, 6.0, "backup.todo.folder"),
    Check("keys", check_keys, 10.0, "keys.todo.error"),
    Check("fonts", check_fonts, 6.0, "fonts.todo.install"),
    Check("voice_ja", check_voice_japanese, 40.0, "voice.todo.reinstall"),
    Check("voice_other", check_voice_other, 10.0, "voice.todo.espeak"),
    Check("clock", check_clock, 6.0, "clock.todo.unknown"),
    Check("disk", check_disk, 6.0, "disk.todo.unknown"),
)

