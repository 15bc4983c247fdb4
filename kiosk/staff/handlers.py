"""What each console request does, once the listener has a signed-in request in hand.

Flow commands become the flow's staff events (:func:`kiosk.staff.messages.command`), dispatched on the
flow's thread through ``post``: the verdict answers an immediate command (``{"state": …}``, or its
refusal reason), the event's ``reply`` answers work the flow runs as its own task (the chip photo, a
camera still, a check by insurance-card data, the fallback bill, the session's records). The flow audits
every command itself; this module audits only what the flow never sees (signing out, reading the day's
list with names, a request before sign-in through the listener's refusal tally). Sign-in, the day's
receptions and the follow-ups are answered here, from the store.

Privacy: passwords and 照合番号B are never logged; a chip photo or still is in memory only, in the reply;
insurance numbers staff enter go sealed into the store, never into a log or the audit detail.
"""
from __future__ import annotations

import logging
import math
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

from kiosk.core.errors import KioskError
from kiosk.core.flow import ReceptionFlow
from kiosk.core.tasks import Post
from kiosk.staff import messages as msg
from kiosk.staff.errors import RequestFailed
from kiosk.staff.guesses import GuessThrottle
from kiosk.staff.listener import Connection, SignIn
from kiosk.staff.report import rows_from_store
from kiosk.staff.store import Accounts, StaffStore
from kiosk.store.errors import BadCredentials

log = logging.getLogger(__name__)

TOKEN_LIFETIME = 12 * 3600.0  # one clinic day; a kiosk restart also ends every sign-in
MAX_SIGN_IN_FAILURES = 5  # per connection, then it is hung up on; the console's address is slowed (guesses.py)
FAILURE_PAUSE = 0.5  # after a wrong password: guessing costs time


class Tokens:
    """Sign-in tokens, in memory only: a console signs in again with one after a reconnect."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tokens: dict[str, SignIn] = {}

    def issue(self, sign_in: SignIn) -> str:
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._tokens[token] = sign_in
        return token

    def redeem(self, token: str) -> SignIn | None:
        with self._lock:
            sign_in = self._tokens.get(token)
            if sign_in is not None and sign_in.expires < time.monotonic():
                del self._tokens[token]
                return None
            return sign_in

    def revoke(self, token: str) -> None:
        with self._lock:
            self._tokens.pop(token, None)


class Handlers:
    def __init__(self, flow: ReceptionFlow, post: Post, store: StaffStore, accounts: Accounts, *,
                 welcome: Callable[[Connection], None], follow_ups_changed: Callable[[], object],
                 doctor: Callable[[Connection, Any, msg.Args], None] | None = None) -> None:
        self.flow = flow
        self.post = post
        self.store = store
        self.accounts = accounts
        self.tokens = Tokens()
        self.guesses = GuessThrottle(time.monotonic)
        self._welcome_console = welcome  # the current view and follow-ups, right after a sign-in
        self._follow_ups_changed = follow_ups_changed
        self._own: dict[str, Callable[[Connection, Any, msg.Args], None]] = {
            "sign_in": self.sign_in, "resume": self.resume, "sign_out": self.sign_out,
            "receptions": self.receptions, "dismiss_interrupted": self.dismiss_interrupted,
            "acknowledge_recheck": self.acknowledge_recheck, "recheck_numbers": self.recheck_numbers,
        }
        if doctor is not None:  # 「点検」 (kiosk/staff/doctor_request.py): answers from a thread of its own
            self._own["doctor"] = doctor

    def audit(self, actor: str, action: str, detail: str) -> None:
        try:
            self.store.audit(actor, action, detail)
        except Exception:
            log.exception("staff channel: audit write failed")

    def handle(self, connection: Connection, message: dict[str, Any]) -> None:
        """The connection's thread: answer one request (now, or later from the flow's thread)."""
        request_id, name, args = message.get("id"), message.get("name"), message.get("args") or {}
        spec = msg.REQUESTS.get(name) if isinstance(name, str) else None
        try:
            if spec is None or not isinstance(args, dict):
                raise msg.bad(f"unknown request {name!r}")
            if spec.signed_in and connection.signed_in is None:
                connection.refused("not_signed_in")  # audited, one row per peer per interval
                raise RequestFailed("not_signed_in")
            if spec.command is not None:
                self._command(connection, request_id, str(name), args)
            elif str(name) in self._own:
                self._own[str(name)](connection, request_id, args)
            else:
                raise RequestFailed("not_available")  # a part this kiosk was started without
        except KioskError as exc:
            detail = str(exc) if isinstance(exc, RequestFailed) else ""
            connection.reply(request_id, False, code=exc.code, detail=detail)

    # --- commands of the flow --------------------------------------------------------------------

    def _command(self, connection: Connection, request_id: Any, name: str, args: msg.Args) -> None:
        later = msg.REQUESTS[name].later

        def answered(data: Any, code: str) -> None:  # the flow's thread, once its work is done
            if code:
                connection.reply(request_id, False, code=code)
                return
            try:
                connection.reply(request_id, True, msg.reply_data(data))
            except Exception:  # never into the flow: it called us from inside its own dispatch
                log.exception("staff command %s: the answer could not be sent", name)
                connection.reply(request_id, False, code="internal")

        event = msg.command(name, args, connection.staff, answered)
        flow = self.flow

        def on_flow_thread() -> None:
            try:
                verdict = flow.dispatch(event)
            except Exception:
                log.exception("staff command %s failed on the flow's thread", event.kind)
                connection.reply(request_id, False, code="internal")
                return
            if not verdict:
                connection.reply(request_id, False, code=verdict.reason)
            elif not later:
                connection.reply(request_id, True, {"state": flow.state.value})

        self.post(on_flow_thread)

    # --- signing in ------------------------------------------------------------------------------

    def sign_in(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        user, password = msg.text(args, "user"), msg.text(args, "password", 256)
        wait = self.guesses.wait_for(connection.peer)
        if wait > 0:  # not even checked: a guess in the wait costs the guesser nothing but tells nothing
            connection.reply(request_id, False, code="staff_sign_in_slowed", detail=str(math.ceil(wait)))
            return
        try:
            account = self.accounts.authenticate(user, password, locks=False)
        except KioskError as exc:
            connection.failures += 1
            if isinstance(exc, BadCredentials):
                self.guesses.failed(connection.peer)
            time.sleep(FAILURE_PAUSE)
            connection.reply(request_id, False, code=exc.code)
            if connection.failures >= MAX_SIGN_IN_FAILURES:
                connection.close_soon()
            return
        connection.failures = 0
        self.guesses.succeeded(connection.peer)
        sign_in = SignIn(account.username, account.role.value, time.monotonic() + TOKEN_LIFETIME)
        self._signed_in(connection, request_id, sign_in, self.tokens.issue(sign_in))

    def resume(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        token = msg.text(args, "token")
        sign_in = self.tokens.redeem(token)
        if sign_in is None:
            raise RequestFailed("staff_token_expired")
        self._signed_in(connection, request_id, sign_in, token)

    def _signed_in(self, connection: Connection, request_id: Any, sign_in: SignIn, token: str) -> None:
        connection.signed_in, connection.token = sign_in, token
        connection.reply(request_id, True, {"user": sign_in.username, "role": sign_in.role, "token": token})
        self._welcome_console(connection)

    def sign_out(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        self.tokens.revoke(connection.token)
        self.audit(connection.staff, "staff_signed_out", f"peer={connection.peer}")
        connection.signed_in, connection.token = None, ""
        connection.reply(request_id, True)

    # --- from the store --------------------------------------------------------------------------

    def receptions(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        since, until, personal = msg.receptions_span(args)
        if personal:
            self.audit(connection.staff, "staff_receptions_viewed", f"since={since} until={until}")
        rows = rows_from_store(self.store, since, until, personal)
        connection.reply(request_id, True, msg.rows_data(rows))

    def dismiss_interrupted(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        """Staff found out what became of a reception the kiosk lost (the store audits it)."""
        self.store.dismiss_interrupted(msg.text(args, "session_id", 64), connection.staff)
        connection.reply(request_id, True, {})
        self._follow_ups_changed()

    def acknowledge_recheck(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        """「確認した」 on a re-check outcome (the store audits it)."""
        self.store.acknowledge_recheck(msg.number(args, "id"), connection.staff)
        connection.reply(request_id, True, {})
        self._follow_ups_changed()

    def recheck_numbers(self, connection: Connection, request_id: Any, args: msg.Args) -> None:
        """The numbers staff learnt for a 不詳 reception, checked with the birth date it was billed with (never
        retyped). The store audits who gave which item its numbers and wakes the re-check worker."""
        item_id, numbers = msg.recheck_numbers_of(args)
        item = self.store.recheck(item_id)
        self.store.set_recheck_query(item_id, numbers.query(item.birth_date), connection.staff)
        connection.reply(request_id, True, {})
        self._follow_ups_changed()
