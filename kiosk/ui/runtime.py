"""Everything that runs behind one kiosk window: the flow on the UI thread, its devices on the one task
manager, the card monitor, the staff channel, the automatic re-check and the store's backups. ``kiosk run``
and ``kiosk demo`` differ only in the devices they hand in."""
from __future__ import annotations

import logging
import signal
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage

from kiosk.config import Config
from kiosk.core import events as ev
from kiosk.core.card_watch import watch_cards
from kiosk.core.flow import Devices, ReceptionFlow
from kiosk.core.ports import Clock, TaskRunner
from kiosk.core.tasks import StoreLane, SystemClock, TaskManager
from kiosk.memory import TrimWhenIdle
from kiosk.qualification.gateway import FolderGateway
from kiosk.qualification.health import watch_terminal
from kiosk.ui.collector import UiThreadCollector
from kiosk.ui.driver import KioskDriver, QtPoster
from kiosk.ui.window import Assistance, KioskWindow
from kiosk.watchdog import HEARTBEAT_INTERVAL_MS, RESTART_NOTICE_SECONDS, Heartbeat, restart_reason
from kiosk.wiring import flow_config

log = logging.getLogger(__name__)

BuildDevices = Callable[[TaskRunner, Clock, Callable], Devices]


def quit_on_signals(app) -> None:
    """Ctrl+C, SIGTERM (a service manager, ``kill``) and SIGHUP end the kiosk as closing it would, so its
    children (the demo's terminal simulator and pcscd) and the staff channel are stopped on the way out.
    Left to Python's default, SIGTERM kills the process without cleaning up and a KeyboardInterrupt lands
    in whichever slot runs next; the driver's 1 s tick lets the handler run. Installed as soon as the
    application exists: the quit is queued, so a signal that comes while the devices start still ends the
    kiosk once its event loop runs (``app.quit()`` outside a running loop does nothing in Qt 6)."""
    for signum in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if signum is not None:
            signal.signal(signum, lambda signum, frame: QTimer.singleShot(0, app.quit))


def watched_by_supervisor(dispatch: Callable[[ev.Event], object]) -> QTimer | None:
    """Under ``kiosk supervise`` (kiosk/watchdog.py): a heartbeat every second from a QTimer of this, the UI
    thread (only a turning event loop runs it), and the console told when the supervisor restarted us.
    None when the kiosk runs on its own."""
    heartbeat = Heartbeat.from_environment()
    reason = restart_reason()
    if reason:
        dispatch(ev.KioskRestarted(reason))
        QTimer.singleShot(RESTART_NOTICE_SECONDS * 1000, lambda: dispatch(ev.KioskRestarted("")))
    if heartbeat is None:
        return None
    timer = QTimer()
    timer.setInterval(HEARTBEAT_INTERVAL_MS)
    # A lambda: Qt would hold a bound method of this plain object only weakly, and the beats would stop.
    timer.timeout.connect(lambda: heartbeat.beat())
    timer.start()
    QTimer.singleShot(0, lambda: heartbeat.beat())  # the first as soon as the event loop runs
    return timer


def assistance_of(config: Config) -> Assistance:
    """What the site turns on for every patient."""
    return Assistance(voice=config.voice_default, large_text=config.large_text_default)


def to_qimage(rgb: np.ndarray) -> QImage:
    height, width, _ = rgb.shape
    return QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class KioskRuntime:
    def __init__(self, window: KioskWindow, config: Config | None, build_devices: BuildDevices, *,
                 staff_channel: bool = True, recheck: bool = True, backups: bool = True,
                 devices: str = "clinic") -> None:
        """``staff_channel``, ``recheck`` and ``backups`` need the real store (and ``config``); screen tests
        on in-memory devices leave them off (backups are off without a config). ``devices``: ``clinic`` or
        ``embedded`` (the demo's), for the console's 「点検」."""
        self.window = window
        self.poster = QtPoster()
        self.collector = UiThreadCollector()  # before any worker: no collection off the UI thread
        self._preview_pending = False
        self.tasks = TaskManager(self.poster.post)
        self.devices = build_devices(self.tasks, SystemClock(), self._on_frame)
        self.flow = ReceptionFlow(self.devices, flow_config(config))
        self.driver = KioskDriver(self.flow, window)
        watch_cards(self.devices.card, self.poster.post, self.driver.dispatch)
        self.terminal_probe = None
        if isinstance(self.devices.qualification, FolderGateway):  # the terminal's folders, not a stand-in
            self.terminal_probe = watch_terminal(self.devices.qualification, self.poster.post, self.driver.dispatch)
        store = self.devices.store
        self.staff = None
        if staff_channel:
            from kiosk.staff.server import start_staff_server

            assert config is not None, "the staff channel needs the kiosk's config"
            assert isinstance(store, StoreLane), "the staff channel needs the real store, in its StoreLane"
            self.staff = start_staff_server(self.flow, self.poster.post, store, config,
                                            port=config.staff_port, kiosk_name=config.kiosk_name, devices=devices)
            window.set_pairing(self.staff)  # the staff menu's 「職員端末をつなぐ」
        self.live = None
        if config is not None and config.hub_dsn and isinstance(store, StoreLane):
            from kiosk.hub.live import start_live

            # the clinic's consoles see this kiosk's state through the hub (codes only; docs/hub.md)
            self.live = start_live(config, store, self.flow, self.poster.post, self.staff)
        # After each reception its frames and photos are freed: hand that memory back (glibc only).
        self.flow.add_listener(TrimWhenIdle(self.tasks))
        self.recheck = None
        if recheck:
            from kiosk.store.recheck import RecheckWorker

            assert isinstance(store, StoreLane), "the re-check needs the real store, in its StoreLane"
            # RecheckWorker is annotated with Store, yet every caller hands it the StoreLane (its reads pass
            # through to the Store): that annotation is kiosk/store's to correct.
            self.recheck = RecheckWorker(store, self.devices.qualification)
            self.recheck.start(self.tasks)
        self.backups = None
        if backups and config is not None:
            from kiosk.store.backup import BackupSchedule

            assert isinstance(store, StoreLane), "backups need the real store, in its StoreLane"
            self.backups = BackupSchedule(
                store, config.backups, config.backup_keep, config.backup_interval_hours * 3600,
                mirror=config.backup_mirror_dir,
                on_status=self._backup_status)
            self.backups.start(self.tasks)
        self.driver.start()
        self.heartbeat = watched_by_supervisor(self.driver.dispatch)

    def _backup_status(self, problem: str) -> None:
        """Heard on the store's thread: told to the flow on the UI thread, as every device answer is."""

        def tell() -> None:
            self.driver.dispatch(ev.BackupStatus(problem))

        self.poster.post(tell)

    def _on_frame(self, frame) -> None:
        """Camera frames arrive on the capture thread; the preview takes the newest, at most one queued."""
        if self._preview_pending:
            return
        self._preview_pending = True
        rgb = np.ascontiguousarray(frame.rgb)

        def show() -> None:
            self._preview_pending = False
            self.window.set_preview(to_qimage(rgb))

        self.poster.post(show)

    def close(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat.stop()
        self.driver.stop()
        self.devices.card.stop_monitoring()
        if self.terminal_probe is not None:
            self.terminal_probe.stop()
        if self.recheck is not None:
            self.recheck.stop()
        if self.live is not None:
            self.live.stop()
        if self.staff is not None:
            self.staff.stop()
        if self.backups is not None:
            self.backups.close()  # the last backup, after the writes still queued for the store
        self.tasks.close()
        self.devices.qualification.close()  # after the tasks: no check is under way any more
        self.poster.close()
        self.collector.stop()
