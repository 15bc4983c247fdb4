"""The kiosk's side of the staff channel: a TLS server that consoles pair with, sign in to, and drive.

Threads: one accept loop, one thread per console connection (it alone reads and writes its socket),
and short worker threads for device calls staff ask for (the chip photo, a camera still, a check by
insurance-card data). Nothing here calls the flow from its own thread: every flow read or event goes
through ``post`` and runs on the flow's thread, which also sends the answer.

Privacy: the chip photo and the camera still exist only in memory, in the reply being sent; 照合番号B and
passwords are never logged. Every staff action is audited with the signed-in staff name.
"""
from __future__ import annotations

import base64
import io
import logging
import secrets
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable, Protocol

from kiosk.core import events as ev
from kiosk.core.domain import CardFacts, IdentityMethod, Sex
from kiosk.core.errors import KioskError
from kiosk.core.flow import ReceptionFlow, Session, View, billing_basis
from kiosk.core.ports import InsuranceCardQuery
from kiosk.core.states import State
from kiosk.staff import identity as ids
from kiosk.staff.blocking import call_with_timeout
from kiosk.staff.errors import ChannelError, RequestFailed
from kiosk.staff.follow_ups import FollowUps, follow_ups_of
from kiosk.staff.progress import ProgressRecorder
from kiosk.staff.protocol import LineChannel, view_to_json
from kiosk.staff.report import rows_from_store

log = logging.getLogger(__name__)

DEFAULT_PORT = 47810
HANDSHAKE_TIMEOUT = 10.0
IDLE_TIMEOUT = 15.0  # consoles ping every 2 s
HEARTBEAT = 2.0
DEVICE_TIMEOUT = 20.0
CHECK_TIMEOUT = 35.0
TOKEN_LIFETIME = 12 * 3600.0  # one clinic day; a kiosk restart also ends every sign-in
MAX_SIGN_IN_FAILURES = 5  # per connection; the account itself locks in the store
FOLLOW_UP_POLL = 10.0  # how often the store's follow-up lists are read again (the re-check worker is quiet)

Post = Callable[[Callable[[], None]], None]

# The card is idle in these states (no flow task is using it), so staff may read the chip photo.
CARD_IDLE = frozenset({State.WAITING_STAFF, State.FACE_FAILED, State.PIN_LOW, State.PIN_LOCKED,
                       State.CHOOSE_METHOD, State.CERT_EXPIRING, State.PERSON_MISMATCH})

ACKNOWLEDGEABLE = {"burden_changed": "T7", "public_subsidy_seen": "T10", "notice_explained": "T11"}


class StaffAuthenticator(Protocol):
    def authenticate(self, username: str, password: str):
        """The account (``username``, ``role``), None or a StaffAuthError for a wrong password or a lock."""


class FrameReader(Protocol):
    def read(self, timeout: float): ...


@dataclass
class _SignIn:
    username: str
    role: str
    expires: float


class StaffServer:
    def __init__(self, flow: ReceptionFlow, post: Post, *, identity: ids.KioskIdentity, accounts: StaffAuthenticator,
                 store, card, card_face, qualification, frames: FrameReader | None = None,
                 host: str = "0.0.0.0", port: int = DEFAULT_PORT, kiosk_name: str = "",
                 unknown_insurer_number: str = "77777777") -> None:
        self.flow = flow
        self._post = post
        self.identity = identity
        self.accounts = accounts
        self.store = store
        self.card, self.card_face, self.qualification, self.frames = card, card_face, qualification, frames
        self.kiosk_name = kiosk_name or socket.gethostname()
        self.unknown_insurer_number = unknown_insurer_number
        self._bind = (host, port)
        self._context = identity.server_context()
        self._lock = threading.Lock()
        self._connections: set[_Connection] = set()
        self._tokens: dict[str, _SignIn] = {}
        self._snapshot: dict[str, Any] | None = None
        self._takeovers: dict[str, str] = {}  # session id -> staff who took it over
        self._acks: dict[str, list[str]] = {}
        # A store without follow-up lists (the fakes' memory store) simply has none to show.
        self._follow_ups_on = hasattr(store, "interrupted_receptions") and hasattr(store, "recheck_outcomes")
        self._follow_ups: FollowUps | None = None
        self._follow_up_thread: threading.Thread | None = None
        self._progress: ProgressRecorder | None = None
        self._stopping = threading.Event()
        self._socket: socket.socket | None = None
        self._thread: threading.Thread | None = None
        flow.add_listener(self._on_view)

    # --- life ------------------------------------------------------------------------------------

    def start(self) -> "StaffServer":
        sock = socket.create_server(self._bind, reuse_port=False)
        sock.settimeout(0.2)  # how soon stop() is noticed
        self._socket = sock
        self._thread = threading.Thread(target=self._accept_loop, name="staff-accept", daemon=True)
        self._thread.start()
        if hasattr(self.store, "reception_progress"):
            self._progress = ProgressRecorder(self.store)
        if self._follow_ups_on:
            self._follow_up_thread = threading.Thread(target=self._follow_up_loop, name="staff-follow-ups",
                                                      daemon=True)
            self._follow_up_thread.start()
        self.refresh()
        log.info("staff channel listening on %s:%d", *self.address)
        return self

    @property
    def address(self) -> tuple[str, int]:
        assert self._socket is not None
        host, port = self._socket.getsockname()[:2]
        return host, port

    def stop(self) -> None:
        self._stopping.set()
        if self._progress is not None:
            self._progress.stop()
        for thread in (self._thread, self._follow_up_thread):
            if thread is not None:
                thread.join(2.0)  # the store may be closed next: no read of it may still be running
        if self._socket is not None:
            self._socket.close()
        with self._lock:
            for connection in list(self._connections):
                connection.channel_close()

    def _accept_loop(self) -> None:
        assert self._socket is not None
        while not self._stopping.is_set():
            try:
                sock, peer = self._socket.accept()
            except (socket.timeout, TimeoutError):
                continue
            except OSError:
                if not self._stopping.is_set():
                    log.exception("staff channel: accept failed")
                return
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # one small message at a time
            connection = _Connection(self, sock, peer[0])
            with self._lock:
                self._connections.add(connection)
            threading.Thread(target=connection.run, name=f"staff-{peer[0]}", daemon=True).start()

    def forget(self, connection: "_Connection") -> None:
        with self._lock:
            self._connections.discard(connection)

    # --- what consoles see (flow thread) ---------------------------------------------------------

    def refresh(self) -> None:
        """Send the current view again (after a takeover or an acknowledgement changed the details)."""
        self._post(lambda: self._on_view(self.flow.view()))

    def _on_view(self, view: View) -> None:
        session = self.flow.session
        if self._progress is not None:
            self._progress.note(view)
        with self._lock:
            live = {view.session_id} if view.session_id else set()
            for table in (self._takeovers, self._acks):
                for key in set(table) - live:
                    del table[key]
            detail = {
                "taken_by": self._takeovers.get(view.session_id, ""),
                "acks": list(self._acks.get(view.session_id, ())),
                "facts": _facts_json(session.facts) if session is not None else None,
                "card_idle": view.state in CARD_IDLE,
            }
            self._snapshot = {"type": "view", "kiosk": self.kiosk_name, "view": view_to_json(view), "detail": detail}
            targets = [c for c in self._connections if c.signed_in is not None]
        for connection in targets:
            connection.channel_send(self._snapshot)

    def snapshot(self) -> dict[str, Any] | None:
        with self._lock:
            return self._snapshot

    # --- follow-ups from the store (any thread but the flow's) ------------------------------------

    def _follow_up_loop(self) -> None:
        while not self._stopping.wait(FOLLOW_UP_POLL):
            self.check_follow_ups()

    def check_follow_ups(self) -> None:
        """Read the store's lists again; tell every signed-in console when they changed."""
        if not self._follow_ups_on:
            return
        try:
            current = follow_ups_of(self.store)
        except KioskError as exc:
            log.error("staff channel: follow-ups unreadable: %s (%s)", exc, exc.code)
            return
        with self._lock:
            if current == self._follow_ups:
                return
            self._follow_ups = current
            targets = [c for c in self._connections if c.signed_in is not None]
        message = self.follow_ups_message()
        for connection in targets:
            connection.channel_send(message)

    def follow_ups_message(self) -> dict[str, Any]:
        with self._lock:
            follow_ups = self._follow_ups or FollowUps()
        return {"type": "follow_ups", "kiosk": self.kiosk_name, **follow_ups.to_json()}

    # --- sign-in tokens --------------------------------------------------------------------------

    def issue_token(self, sign_in: _SignIn) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = sign_in
        return token

    def redeem(self, token: str) -> _SignIn | None:
        with self._lock:
            sign_in = self._tokens.get(token)
            if sign_in is not None and sign_in.expires < time.monotonic():
                del self._tokens[token]
                return None
            return sign_in

    def revoke(self, token: str) -> None:
        with self._lock:
            self._tokens.pop(token, None)

    def note_takeover(self, session_id: str, staff: str) -> None:
        with self._lock:
            self._takeovers[session_id] = staff

    def note_ack(self, session_id: str, what: str) -> None:
        with self._lock:
            acks = self._acks.setdefault(session_id, [])
            if what not in acks:
                acks.append(what)

    def audit(self, actor: str, action: str, detail: str) -> None:
        try:
            self.store.audit(actor, action, detail)
        except Exception:
            log.exception("staff channel: audit write failed")

    def post(self, fn: Callable[[], None]) -> None:
        self._post(fn)


def _facts_json(facts: CardFacts | None) -> dict | None:
    if facts is None:
        return None
    return {"name": facts.name, "address": facts.address, "birth_date": facts.birth_date.isoformat(),
            "sex": facts.sex.value}


def _record_json(record) -> dict | None:
    from kiosk.store.codec import to_json

    return to_json(record) if record is not None else None


def _text(args: dict, key: str, limit: int = 128, required: bool = True) -> str:
    value = args.get(key, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise RequestFailed("bad_request", f"{key}: expected text of at most {limit} characters")
    return value.strip()


def _digits(args: dict, key: str, lengths: tuple[int, ...], required: bool = True) -> str:
    value = _text(args, key, 32, required)
    if value and (not value.isascii() or not value.isdigit() or len(value) not in lengths):
        raise RequestFailed("bad_request", f"{key}: expected {'/'.join(map(str, lengths))} digits")
    return value


def _day(args: dict, key: str) -> date:
    try:
        return date.fromisoformat(_text(args, key, 10))
    except ValueError as exc:
        raise RequestFailed("bad_request", f"{key}: expected YYYY-MM-DD") from exc


class _Connection:
    """One console. Its thread owns the socket; replies from other threads are queued."""

    def __init__(self, server: StaffServer, sock: socket.socket, peer: str) -> None:
        self.server = server
        self.sock = sock
        self.peer = peer
        self.channel: LineChannel | None = None
        self.signed_in: _SignIn | None = None
        self.token = ""
        self.failures = 0
        self._last_beat = 0.0

    def channel_send(self, message: dict) -> None:
        if self.channel is not None:
            self.channel.send(message)

    def channel_close(self) -> None:
        if self.channel is not None:
            self.channel.close_soon()

    def run(self) -> None:
        try:
            self.sock.settimeout(HANDSHAKE_TIMEOUT)
            tls = self.server._context.wrap_socket(self.sock, server_side=True)
            self.channel = LineChannel(tls)
            if self._pair():
                self.channel.pump(self._on_message, IDLE_TIMEOUT, every=self._beat,
                                  stop=self.server._stopping.is_set)
        except (ChannelError, ssl.SSLError, OSError) as exc:
            log.info("staff console %s: %s", self.peer, getattr(exc, "code", exc))
        except Exception:
            log.exception("staff console %s: connection failed", self.peer)
        finally:
            self.server.forget(self)
            if self.channel is not None:
                self.channel.close()
            else:
                self.sock.close()

    def _pair(self) -> bool:
        channel, identity = self.channel, self.server.identity
        assert channel is not None
        nonce = secrets.token_hex(16)
        channel.write({"type": "hello", "kiosk": self.server.kiosk_name, "nonce": nonce})
        message = channel.read(HANDSHAKE_TIMEOUT)
        their_nonce = message.get("nonce")
        if message["type"] != "auth" or not isinstance(their_nonce, str) or not 16 <= len(their_nonce) <= 128:
            raise RequestFailed("staff_protocol_error", "expected auth")
        expected = ids.proof(identity.secret, "console", nonce, their_nonce, identity.fingerprint)
        if not ids.proof_matches(expected, message.get("proof")):
            log.warning("staff channel: refused a console at %s: wrong pairing secret", self.peer)
            self.server.audit("unknown", "staff_pairing_refused", f"peer={self.peer}")
            time.sleep(1.0)  # slows a guessing peer; the secret has 80 bits anyway
            channel.write({"type": "error", "code": "staff_pairing_refused"})
            return False
        channel.write({"type": "welcome", "kiosk": self.server.kiosk_name,
                       "proof": ids.proof(identity.secret, "kiosk", their_nonce, nonce, identity.fingerprint)})
        return True

    def _beat(self) -> None:
        now = time.monotonic()
        if now - self._last_beat >= HEARTBEAT:
            self._last_beat = now
            assert self.channel is not None
            self.channel.send({"type": "heartbeat"})
        if self.signed_in is not None and self.signed_in.expires < now:
            self.signed_in = None
            self.channel.send({"type": "signed_out", "code": "staff_token_expired"})

    # --- requests --------------------------------------------------------------------------------

    def _on_message(self, message: dict) -> None:
        kind = message["type"]
        if kind == "ping":
            return
        if kind != "request":
            log.info("staff console %s: ignored a %r message", self.peer, kind)
            return
        request_id = message.get("id")
        name = message.get("name")
        args = message.get("args") or {}
        handler = _HANDLERS.get(name) if isinstance(name, str) else None
        try:
            if handler is None or not isinstance(args, dict):
                raise RequestFailed("bad_request", f"unknown request {name!r}")
            needs_sign_in, fn = handler
            if needs_sign_in and self.signed_in is None:
                raise RequestFailed("not_signed_in")
            fn(self, request_id, args)
        except KioskError as exc:
            self.reply(request_id, False, code=exc.code, detail=str(exc) if isinstance(exc, RequestFailed) else "")

    def reply(self, request_id, ok: bool, data: Any = None, code: str = "", detail: str = "") -> None:
        message: dict[str, Any] = {"type": "reply", "id": request_id, "ok": ok}
        if ok:
            message["data"] = data
        else:
            message["code"] = code
            if detail:
                message["detail"] = detail
        self.channel_send(message)

    @property
    def staff(self) -> str:
        assert self.signed_in is not None
        return self.signed_in.username

    def _welcome(self, request_id, sign_in: _SignIn, token: str) -> None:
        self.signed_in, self.token = sign_in, token
        self.reply(request_id, True, {"user": sign_in.username, "role": sign_in.role, "token": token})
        snapshot = self.server.snapshot()
        if snapshot is not None:
            self.channel_send(snapshot)
        if self.server._follow_ups_on:
            self.server.check_follow_ups()
            self.channel_send(self.server.follow_ups_message())

    def sign_in(self, request_id, args: dict) -> None:
        user, password = _text(args, "user"), _text(args, "password", 256)
        try:
            account = self.server.accounts.authenticate(user, password)
        except KioskError as exc:
            account, failure = None, exc
        else:
            failure = RequestFailed("staff_bad_credentials")
        if account is None:
            self.failures += 1
            time.sleep(0.5)
            tries = getattr(failure, "tries_left", None)
            self.reply(request_id, False, code=failure.code, detail="" if tries is None else str(tries))
            if self.failures >= MAX_SIGN_IN_FAILURES:
                self.channel_close()
            return
        self.failures = 0
        role = getattr(account, "role", "reception")
        sign_in = _SignIn(account.username, getattr(role, "value", str(role)), time.monotonic() + TOKEN_LIFETIME)
        self._welcome(request_id, sign_in, self.server.issue_token(sign_in))

    def resume(self, request_id, args: dict) -> None:
        token = _text(args, "token")
        sign_in = self.server.redeem(token)
        if sign_in is None:
            raise RequestFailed("staff_token_expired")
        self._welcome(request_id, sign_in, token)

    def sign_out(self, request_id, args: dict) -> None:
        self.server.revoke(self.token)
        self.server.audit(self.staff, "staff_signed_out", f"peer={self.peer}")
        self.signed_in, self.token = None, ""
        self.reply(request_id, True)

    # --- on the flow's thread --------------------------------------------------------------------

    def _on_flow(self, request_id, session_id: str, work: Callable[[Session], Any], reply: bool = True) -> None:
        """Run ``work(session)`` on the flow's thread if ``session_id`` is still the patient at the kiosk,
        and reply with what it returns (or the refusal it raises). ``reply=False``: ``work`` replies later."""
        if not isinstance(session_id, str) or not session_id:
            raise RequestFailed("bad_request", "session_id missing")

        def on_flow_thread() -> None:
            try:
                session = self.server.flow.session
                if session is None or session.id != session_id:
                    raise RequestFailed("session_changed")
                result = work(session)
                if reply:
                    self.reply(request_id, True, result)
            except KioskError as exc:
                self.reply(request_id, False, code=exc.code)
            except Exception:
                log.exception("staff request failed on the flow thread")
                self.reply(request_id, False, code="internal")

        self.server.post(on_flow_thread)

    def _dispatch(self, event: ev.StaffEvent) -> None:
        """Flow thread: hand ``event`` to the flow; a refusal becomes ``not_allowed_now`` for staff."""
        flow = self.server.flow
        mark = len(flow.transcript)
        flow.dispatch(event)
        if any(e.get("ignored") and e.get("what") == event.kind for e in flow.transcript[mark:]):
            raise RequestFailed("not_allowed_now", f"{event.kind} in {flow.state.value}")

    def _event_request(self, request_id, args: dict, make: Callable[[Session], ev.StaffEvent]) -> None:
        def work(session: Session) -> dict:
            self._dispatch(make(session))
            return {"state": self.server.flow.state.value}

        self._on_flow(request_id, args.get("session_id"), work)

    def takeover(self, request_id, args: dict) -> None:
        def work(session: Session) -> dict:
            self.server.note_takeover(session.id, self.staff)
            self.server.audit(self.staff, "staff_takeover", f"session={session.id} state={self.server.flow.state.value}")
            self.server.refresh()
            return {"state": self.server.flow.state.value}

        self._on_flow(request_id, args.get("session_id"), work)

    def visual_check(self, request_id, args: dict) -> None:
        confirmed = args.get("confirmed")
        if not isinstance(confirmed, bool):
            raise RequestFailed("bad_request", "confirmed must be true or false")
        self._event_request(request_id, args, lambda s: ev.StaffVisualCheck(self.staff, confirmed))

    def choose_record(self, request_id, args: dict) -> None:
        index = args.get("index")
        if not isinstance(index, int) or isinstance(index, bool):
            raise RequestFailed("bad_request", "index must be a number")
        self._event_request(request_id, args, lambda s: ev.StaffChooseRecord(self.staff, index))

    def correct_name(self, request_id, args: dict) -> None:
        name = _text(args, "name", 64)
        self._event_request(request_id, args, lambda s: ev.StaffCorrectName(self.staff, name))

    def resume_session(self, request_id, args: dict) -> None:
        self._event_request(request_id, args, lambda s: ev.StaffResume(self.staff))

    def end_session(self, request_id, args: dict) -> None:
        self._event_request(request_id, args, lambda s: ev.StaffEnd(self.staff))

    def acknowledge(self, request_id, args: dict) -> None:
        what = _text(args, "what", 32)
        if what not in ACKNOWLEDGEABLE:
            raise RequestFailed("bad_request", f"cannot acknowledge {what!r}")

        def work(session: Session) -> dict:
            self.server.note_ack(session.id, what)
            self.server.audit(self.staff, "staff_acknowledged",
                              f"session={session.id} what={what} trouble={ACKNOWLEDGEABLE[what]}")
            self.server.refresh()
            return {}

        self._on_flow(request_id, args.get("session_id"), work)

    def session_records(self, request_id, args: dict) -> None:
        """The records staff need for a fallback or a ● correction: old qualification, last visit, facts."""
        store = self.server.store

        def work(session: Session) -> dict:
            result = session.result
            certificate = session.summary.certificate if session.summary else None
            last = store.last_confirmed(certificate, session.facts) if certificate is not None else None
            self.server.audit(self.staff, "staff_records_viewed", f"session={session.id}")
            return {
                "old_qualification": _record_json(result.old_qualification if result else None),
                "last_visit": _record_json(last),
                "facts": _facts_json(session.facts),
                "records": [_record_json(r) for r in (result.records if result else ())],
                "declaration": _declaration_json(session.declaration),
            }

        self._on_flow(request_id, args.get("session_id"), work)

    def complete_fallback(self, request_id, args: dict) -> None:
        from kiosk.core import fallback as fb

        choice = _text(args, "choice", 16)
        if choice not in ("last_visit", "declaration"):
            raise RequestFailed("bad_request", "choice must be last_visit or declaration")
        declaration = _declaration(args.get("declaration")) if choice == "declaration" else None
        server = self.server

        def work(session: Session) -> dict:
            today = server.flow.devices.clock.now().date()
            result = session.result
            certificate = session.summary.certificate if session.summary else None
            last = server.store.last_confirmed(certificate, session.facts) if certificate is not None else None
            try:
                billing = fb.decide_billing(
                    fb.outcome_of(result), today=today, current=None,
                    old_qualification=result.old_qualification if result else None,
                    last_confirmed=last, declaration=declaration, facts_unchanged=choice == "last_visit",
                    unknown_insurer_number=server.unknown_insurer_number,
                )
            except KioskError as exc:
                raise RequestFailed(exc.code) from exc
            basis = billing_basis(billing)
            # The flow saves the reception, the 申立書 and the re-check together, in one transaction.
            self._dispatch(ev.StaffCompleteWithBilling(self.staff, billing.record, basis, detail=billing,
                                                       declaration=declaration))
            return {"basis": basis, "window_burden_percent": billing.window_burden_percent,
                    "remarks": list(billing.remarks), "warnings": list(billing.warnings)}

        self._on_flow(request_id, args.get("session_id"), work)

    # --- device calls on a worker ----------------------------------------------------------------

    def _in_worker(self, request_id, session_id, check: Callable[[Session], None], work: Callable[[], Any]) -> None:
        """Check on the flow thread that the session is still there (``check`` may refuse), then run
        ``work`` on a worker thread and reply with its result."""

        def start(session: Session) -> None:
            check(session)

            def body() -> None:
                try:
                    self.reply(request_id, True, work())
                except KioskError as exc:
                    self.reply(request_id, False, code=exc.code)
                except Exception as exc:
                    log.error("staff request failed: %r", exc)
                    self.reply(request_id, False, code="internal")

            threading.Thread(target=body, name="staff-device", daemon=True).start()

        self._on_flow(request_id, session_id, start, reply=False)

    def chip_photo(self, request_id, args: dict) -> None:
        code_b = _digits(args, "code_b", (14,), required=False)
        server, staff = self.server, self.staff

        def check(session: Session) -> None:
            if server.flow.state not in CARD_IDLE:
                raise RequestFailed("card_busy")
            server.audit(staff, "staff_chip_photo", f"session={session.id} code_b={'typed' if code_b else 'camera'}")

        def work() -> dict:
            def read(cancel) -> tuple[CardFacts, bytes]:
                code = code_b or server.card_face.read_code_b(cancel)
                return server.card.read_with_code_b(code, cancel)

            facts, photo = call_with_timeout(read, DEVICE_TIMEOUT, "chip photo")
            return {"facts": _facts_json(facts), "photo": base64.b64encode(photo).decode("ascii")}

        self._in_worker(request_id, args.get("session_id"), check, work)

    def camera_still(self, request_id, args: dict) -> None:
        frames = self.server.frames
        if frames is None:
            raise RequestFailed("camera_unavailable")

        def work() -> dict:
            from PIL import Image

            frame = call_with_timeout(lambda cancel: frames.read(3.0), 5.0, "camera still")
            out = io.BytesIO()
            Image.fromarray(frame.rgb).save(out, format="JPEG", quality=85)
            return {"jpeg": base64.b64encode(out.getvalue()).decode("ascii")}

        self._in_worker(request_id, args.get("session_id"), lambda session: None, work)

    def insurance_check(self, request_id, args: dict) -> None:
        query = InsuranceCardQuery(
            insurer_number=_digits(args, "insurer_number", (6, 8)),
            card_symbol=_text(args, "card_symbol", 38, required=False),
            card_number=_text(args, "card_number", 38),
            branch_number=_digits(args, "branch_number", (1, 2), required=False),
            birth_date=_day(args, "birth_date"),
        )
        server, staff, session_id = self.server, self.staff, args.get("session_id")

        def check(session: Session) -> None:
            server.audit(staff, "staff_insurance_check", f"session={session.id} insurer={query.insurer_number}")

        def work() -> dict:
            result = call_with_timeout(lambda cancel: server.qualification.check_by_insurance_card(query, cancel),
                                       CHECK_TIMEOUT, "insurance-card check")
            done = threading.Event()
            outcome: dict[str, Any] = {}

            def feed() -> None:
                try:
                    session = server.flow.session
                    if session is None or session.id != session_id:
                        raise RequestFailed("session_changed")
                    # Staff saw the patient and the paper card: the identity was checked by eye.
                    self._dispatch(ev.StaffProvideResult(staff, result, IdentityMethod.VISUAL))
                    outcome["state"] = server.flow.state.value
                except KioskError as exc:
                    outcome["error"] = exc
                finally:
                    done.set()

            server.post(feed)
            if not done.wait(DEVICE_TIMEOUT):
                raise RequestFailed("timeout")
            if "error" in outcome:
                raise outcome["error"]
            return {"validity": int(result.validity), "state": outcome["state"]}

        self._in_worker(request_id, session_id, check, work)

    # --- follow-ups: interrupted receptions and re-check outcomes ---------------------------------

    def dismiss_interrupted(self, request_id, args: dict) -> None:
        """Staff found out what became of a reception the kiosk lost (audited by the store)."""
        self._follow_up(request_id, lambda store: store.dismiss_interrupted(_text(args, "session_id", 64), self.staff))

    def acknowledge_recheck(self, request_id, args: dict) -> None:
        """「確認した」 on a re-check outcome (audited by the store)."""
        item_id = args.get("id")
        if not isinstance(item_id, int) or isinstance(item_id, bool):
            raise RequestFailed("bad_request", "id must be a number")
        self._follow_up(request_id, lambda store: store.acknowledge_recheck(item_id, self.staff))

    def _follow_up(self, request_id, act: Callable[[Any], None]) -> None:
        if not self.server._follow_ups_on:
            raise RequestFailed("not_allowed_now", "this kiosk's store keeps no follow-ups")
        act(self.server.store)
        self.reply(request_id, True, {})
        self.server.check_follow_ups()

    # --- the day's receptions --------------------------------------------------------------------

    def receptions(self, request_id, args: dict) -> None:
        since, until = _day(args, "since"), _day(args, "until")
        personal = args.get("personal") is True
        if (until - since).days > 92:
            raise RequestFailed("bad_request", "at most 92 days at a time")
        if personal:
            self.server.audit(self.staff, "staff_receptions_viewed", f"since={since} until={until}")
        rows = rows_from_store(self.server.store, since, until, personal)
        self.reply(request_id, True, {"rows": [r.to_json() for r in rows]})


def _declaration_json(declaration) -> dict | None:
    """What the patient answered on the kiosk's 申立書 form, for staff to complete (the kana name)."""
    if declaration is None:
        return None
    return {"name_kana": declaration.name_kana, "contact": declaration.contact,
            "insurance_type": declaration.insurance_type.value, "burden_percent": declaration.burden_percent,
            "insurer_name": declaration.insurer_name, "employer": declaration.employer}


def _declaration(value: Any):
    from kiosk.core.fallback import Declaration, InsuranceType

    if not isinstance(value, dict):
        raise RequestFailed("bad_request", "declaration missing")
    burden = value.get("burden_percent")
    if burden is not None and burden not in (10, 20, 30):
        raise RequestFailed("bad_request", "burden_percent must be 10, 20 or 30")
    try:
        facts = CardFacts(_text(value, "name", 64), _text(value, "address", 200, required=False),
                          _day(value, "birth_date"), Sex(_text(value, "sex", 1)))
        kind = InsuranceType(_text(value, "insurance_type", 16, required=False) or "unknown")
    except ValueError as exc:
        raise RequestFailed("bad_request", str(exc)) from exc
    return Declaration(
        facts=facts, name_kana=_text(value, "name_kana", 64), contact=_text(value, "contact", 64),
        declared_on=datetime.now().date(), insurance_type=kind,
        insurer_name=_text(value, "insurer_name", 64, required=False),
        employer=_text(value, "employer", 64, required=False), burden_percent=burden,
    )


_HANDLERS: dict[str, tuple[bool, Callable[[_Connection, Any, dict], None]]] = {
    "sign_in": (False, _Connection.sign_in),
    "resume": (False, _Connection.resume),
    "sign_out": (True, _Connection.sign_out),
    "takeover": (True, _Connection.takeover),
    "visual_check": (True, _Connection.visual_check),
    "choose_record": (True, _Connection.choose_record),
    "correct_name": (True, _Connection.correct_name),
    "resume_session": (True, _Connection.resume_session),
    "end_session": (True, _Connection.end_session),
    "acknowledge": (True, _Connection.acknowledge),
    "session_records": (True, _Connection.session_records),
    "complete_fallback": (True, _Connection.complete_fallback),
    "chip_photo": (True, _Connection.chip_photo),
    "camera_still": (True, _Connection.camera_still),
    "insurance_check": (True, _Connection.insurance_check),
    "receptions": (True, _Connection.receptions),
    "dismiss_interrupted": (True, _Connection.dismiss_interrupted),
    "acknowledge_recheck": (True, _Connection.acknowledge_recheck),
}


def start_staff_server(flow: ReceptionFlow, post: Post, devices, store, config, *, frames: FrameReader | None = None,
                       host: str = "0.0.0.0", port: int = DEFAULT_PORT, kiosk_name: str = "") -> StaffServer:
    """Start the kiosk's staff channel; the kiosk's wiring calls this once. ``store`` is the kiosk store
    (staff accounts, audit log, receptions); ``frames`` the camera, if any, for the 目視 still."""
    from kiosk.store.staff_accounts import StaffAccounts

    server = StaffServer(
        flow, post, identity=ids.load_identity(config.data_dir / "staff", kiosk_name or None),
        accounts=StaffAccounts(store), store=store, card=devices.card, card_face=devices.card_face,
        qualification=devices.qualification, frames=frames, host=host, port=port, kiosk_name=kiosk_name,
        unknown_insurer_number=config.unknown_insurer_number,
    )
    return server.start()
