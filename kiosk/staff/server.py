"""The kiosk's staff channel, assembled: the listener (:mod:`kiosk.staff.listener`), the request handlers
(:mod:`kiosk.staff.handlers`), the follow-up poll (:mod:`kiosk.staff.polling`) and the views every
signed-in console receives.

The server is transport. Everything staff do at the kiosk is a command of the flow, run on the flow's
thread; it reads the flow only through its View, never its devices or its session. The kiosk's wiring
calls :func:`start_staff_server` once and :meth:`StaffServer.stop` on shutdown.
"""
from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kiosk.core.flow import ReceptionFlow
from kiosk.core.tasks import Post, StoreLane, TaskManager
from kiosk.core.view import View
from kiosk.staff import identity as ids
from kiosk.staff.clinic_key import ClinicKeyGiver
from kiosk.staff.doctor_request import DoctorRequests, running_setup
from kiosk.staff.follow_ups import FollowUps
from kiosk.staff.handlers import Handlers
from kiosk.staff.listener import Connection, Listener
from kiosk.staff.messages import DEFAULT_PORT, follow_ups_message, view_message
from kiosk.staff.pairing_code import PairingCodes, PairingOffer
from kiosk.staff.polling import FollowUpPoll
from kiosk.staff.progress import ProgressRecorder
from kiosk.staff.store import Accounts, StaffStore

if TYPE_CHECKING:
    from kiosk.config import Config
    from kiosk.doctor.checks import Setup

log = logging.getLogger(__name__)


class StaffServer:
    def __init__(self, flow: ReceptionFlow, post: Post, store: StaffStore, accounts: Accounts,
                 identity: ids.KioskIdentity, tasks: TaskManager, *, host: str = "0.0.0.0",
                 port: int = DEFAULT_PORT, kiosk_name: str = "",
                 clinic_key: Callable[[], bytes | None] | None = None,
                 doctor_setup: Callable[[], Setup] | None = None) -> None:
        """``post(fn)`` runs ``fn`` on the flow's thread; ``store`` is the flow's StoreLane; ``tasks`` is the
        server's own task manager for the follow-up poll (closed by :meth:`stop`); ``kiosk_name`` is the
        configured name or "" (consoles then number their kiosks); ``clinic_key()`` loads the store key from
        the kiosk's key provider, for 「受付機を追加（同じ医院）」 (None: this kiosk does not share it);
        ``doctor_setup()`` is what 「点検」 looks at (None: the console's ``doctor`` is not available)."""
        self.flow = flow
        self.identity = identity
        self.kiosk_name = kiosk_name
        self._post = post
        self._tasks = tasks
        self._progress = ProgressRecorder(store)
        self._view: dict[str, Any] | None = None  # the flow's thread's: the last view, for a console signing in
        self.follow_ups = FollowUpPoll(store, tasks, self._follow_ups_changed)
        self.doctor = None if doctor_setup is None else DoctorRequests(
            getattr(store, "store", store), doctor_setup, lambda *row: self.handlers.audit(*row), self._in_reception)
        self.handlers = Handlers(flow, post, store, accounts, welcome=self._welcome,
                                 follow_ups_changed=self.follow_ups.check,
                                 doctor=self.doctor.handle if self.doctor is not None else None)
        self.pairing_codes = PairingCodes(self.handlers.audit)
        self.clinic_key = ClinicKeyGiver(clinic_key, self.handlers.audit) if clinic_key is not None else None
        self.listener = Listener(identity, self.handlers.handle, self._refused, host=host, port=port,
                                 kiosk_name=kiosk_name, pairing_codes=self.pairing_codes, clinic_key=self.clinic_key)
        self._host = host

    def start(self) -> StaffServer:
        self.flow.add_listener(self._on_view)
        self.listener.start()
        self.follow_ups.start()
        self._post(lambda: self._on_view(self.flow.view()))
        log.info("staff channel listening on %s:%d", *self.address)
        return self

    @property
    def address(self) -> tuple[str, int]:
        return self.listener.address

    def rename(self, name: str, staff: str) -> str:
        """The name staff gave the kiosk at its pairing panel: kept beside the certificate, said to every
        console from the next message on. Returns it as kept."""
        name = ids.store_name(self.identity.cert_path.parent, name)
        self.kiosk_name = self.listener.kiosk_name = name
        self.handlers.audit(staff, "kiosk_named", f"name={name}")
        self._post(lambda: self._on_view(self.flow.view()))  # the consoles' tiles now say it
        return name

    def offer(self, code: str) -> PairingOffer:
        """Where a console on the clinic's LAN reaches this kiosk, with ``code`` and the certificate's pin."""
        return PairingOffer(reachable_host(self._host), self.address[1], code, self.identity.fingerprint)

    def stop(self) -> None:
        """Before the store closes: nothing here reads or writes it afterwards."""
        self.follow_ups.stop()
        self.listener.stop()
        self._tasks.close()

    def _on_view(self, view: View) -> None:
        """The flow's thread, after every change."""
        if self.listener.stopping.is_set():
            return
        message = view_message(self.kiosk_name, view)
        self._view = message
        for connection in self.listener.signed_in():
            connection.send(message)
        self._progress.note(view)  # after the consoles: its write must not hold up the view

    def _welcome(self, connection: Connection) -> None:
        def current_view() -> None:  # on the flow's thread, so no older view can follow a newer one
            if self._view is not None:
                connection.send(self._view)

        self._post(current_view)
        connection.send(follow_ups_message(self.kiosk_name, self.follow_ups.check()))

    def _follow_ups_changed(self, follow_ups: FollowUps) -> None:
        message = follow_ups_message(self.kiosk_name, follow_ups)
        for connection in self.listener.signed_in():
            connection.send(message)

    def _in_reception(self) -> bool:
        """Any thread: the last view names a reception (read as one reference, set on the flow's thread)."""
        last = self._view
        return bool(last and (last.get("view") or {}).get("session_id"))

    def _refused(self, peer: str, detail: str) -> None:
        self.handlers.audit("unknown", "staff_peer_refused", detail)


def reachable_host(bound: str) -> str:
    """The address a console types: the one bound, or for every interface the one this machine's traffic
    leaves by (a UDP socket's route; nothing is sent), else its host name's."""
    if bound not in ("", "0.0.0.0", "::"):
        return bound
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return str(probe.getsockname()[0])
    except OSError:
        try:
            return socket.gethostbyname(socket.gethostname())
        except OSError:
            return "127.0.0.1"
    finally:
        probe.close()


def start_staff_server(flow: ReceptionFlow, post: Post, store: StoreLane, config: Config, *,
                       host: str = "0.0.0.0", port: int = DEFAULT_PORT, kiosk_name: str = "",
                       devices: str = "clinic") -> StaffServer:
    """Start the kiosk's staff channel. ``post`` runs a callable on the flow's thread; ``store`` is the
    StoreLane the flow writes through (staff accounts, audit log, receptions, follow-ups). Without a
    ``kiosk_name`` the name staff gave at the pairing panel is used, if any. ``devices`` (``clinic`` or
    ``embedded``) is what the kiosk runs on, so that 「点検」 checks the reader and camera it really uses."""
    from kiosk.store.keys import provider_for
    from kiosk.store.staff_accounts import StaffAccounts

    kiosk_name = kiosk_name or ids.stored_name(config.data_dir / "staff")
    identity = ids.load_identity(config.data_dir / "staff", kiosk_name or None)

    def clinic_key() -> bytes | None:  # the provider the store was opened with (kiosk.store.open_store)
        return provider_for(config.key_provider, config.key_dir).load()

    return StaffServer(flow, post, store, StaffAccounts(store), identity, TaskManager(post, workers=1, name="staff"),
                       host=host, port=port, kiosk_name=kiosk_name, clinic_key=clinic_key,
                       doctor_setup=lambda: running_setup(config, devices)).start()
