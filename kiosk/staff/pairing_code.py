"""The one-time pairing code the kiosk's own staff panel shows, so a console pairs without a command line.

A signed-in member of staff opens 「職員端末をつなぐ」 at the kiosk; it shows a code of three groups of four
from :data:`ALPHABET` (no 0/O, no 1/I: read off a screen and typed) and a QR code of :func:`payload_of`
(address, code and the certificate fingerprint). The console proves the code as it would the long-lived
secret (HMAC over both nonces and the fingerprint it sees, :func:`code_proof`) and, once both sides have
proven it, the kiosk hands over that secret inside the channel, so reconnecting is as before.

A code has a purpose (:data:`CONSOLE`, or :data:`CLINIC_KEY`: a new kiosk of the same clinic receives the
store key, :mod:`kiosk.staff.clinic_key`); a code shown for one is refused for the other without being spent.

A code works once, for :data:`LIFETIME` seconds, and only while the panel that shows it is open
(:meth:`PairingCodes.withdraw`). 60 bits: a relay that learns a console's proof cannot search the code
offline in 5 minutes, and online the kiosk slows each address (:class:`~kiosk.staff.guesses.GuessThrottle`)
and withdraws a code after :data:`MAX_WRONG` wrong ones from anywhere.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
import unicodedata
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from kiosk.staff.errors import PairingCodeRefused

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols, 5 bits each
GROUPS, GROUP_LENGTH = 3, 4  # XXXX-XXXX-XXXX: 60 bits
LIFETIME = 300.0
MAX_WRONG = 5  # wrong codes (any peer) before the shown code is withdrawn: staff show a new one
PAST_KEPT = 8  # ended codes remembered, to name why one is refused (expired, used, withdrawn)
PAYLOAD_PREFIX = "KIOSKPAIR"

# How a code ended, also the refusal a console gets for trying it afterwards.
LIVE = "live"
USED = "staff_pairing_code_used"
EXPIRED = "staff_pairing_code_expired"
WITHDRAWN = "staff_pairing_code_withdrawn"  # the panel closed, or too many wrong codes
WRONG = "staff_pairing_code_wrong"
NONE_SHOWN = "staff_pairing_code_none"  # no code is on the kiosk's screen
SLOWED = "staff_pairing_code_slowed"
OTHER_PURPOSE = "staff_pairing_code_other_purpose"  # shown to pair a console, tried to join a kiosk (or back)

# What a code is shown for.
CONSOLE = "console"  # a staff console pairs (it receives the kiosk's pairing secret)
CLINIC_KEY = "clinic_key"  # a new kiosk of the clinic joins (it receives the store key)


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(raw[i : i + GROUP_LENGTH] for i in range(0, len(raw), GROUP_LENGTH))


def normalise_code(text: str) -> str:
    """As typed: full-width (the Japanese input method on), lower case, with or without dashes or spaces."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).upper() if ch.isalnum())


def looks_like_code(text: str) -> bool:
    cleaned = normalise_code(text)
    return len(cleaned) == GROUPS * GROUP_LENGTH and all(ch in ALPHABET for ch in cleaned)


def code_proof(code: str, role: str, first: str, second: str, fingerprint: str) -> str:
    """As :func:`kiosk.staff.identity.proof`, keyed by the code (its own key domain: a code is never a secret)."""
    key = hashlib.sha256(b"kiosk-staff-pairing-code:" + normalise_code(code).encode("ascii")).digest()
    message = "|".join((role, first, second, fingerprint)).encode("ascii")
    return hmac.new(key, message, hashlib.sha256).hexdigest()


# --- what the QR code holds --------------------------------------------------------------------------
# Slashes, not colons: a USB QR scanner types as a US keyboard, and on a Japanese (JIS) layout ':' lands
# elsewhere, while '/', '-', '.', digits and capitals are where both layouts have them. All capitals keep
# the QR code in its compact alphanumeric mode.


@dataclass(frozen=True)
class PairingOffer:
    """What a console needs to pair by code: where the kiosk listens, the code, the certificate's pin."""

    host: str
    port: int
    code: str
    fingerprint: str = ""  # AB:CD:… as kiosk.staff.identity.fingerprint_of; "" when typed by hand

    @property
    def address(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def payload_of(offer: PairingOffer, prefix: str = PAYLOAD_PREFIX) -> str:
    """``prefix`` names what the code is for (a console's payload never reads as a joining kiosk's)."""
    host = offer.host.replace(":", "_")  # an IPv6 address without its colons (see above)
    pin = offer.fingerprint.replace(":", "")
    return "/".join((prefix, host, str(offer.port), normalise_code(offer.code), pin)).upper()


def offer_of(text: str, prefix: str = PAYLOAD_PREFIX) -> PairingOffer | None:
    """A scanned or pasted QR payload with ``prefix``; None when ``text`` is not one."""
    parts = unicodedata.normalize("NFKC", text).strip().split("/")
    if len(parts) != 5 or parts[0].upper() != prefix:
        return None
    _, host, port, code, pin = parts
    pin = pin.upper()
    if not (port.isdigit() and 0 < int(port) < 65536 and host and looks_like_code(code)):
        return None
    if len(pin) != 64 or any(ch not in "0123456789ABCDEF" for ch in pin):
        return None
    fingerprint = ":".join(pin[i : i + 2] for i in range(0, 64, 2))
    return PairingOffer(host.replace("_", ":").lower(), int(port), _grouped(normalise_code(code)), fingerprint)


def _grouped(cleaned: str) -> str:
    return "-".join(cleaned[i : i + GROUP_LENGTH] for i in range(0, len(cleaned), GROUP_LENGTH))


# --- the kiosk's codes ---------------------------------------------------------------------------------


@dataclass
class _Shown:
    code: str
    staff: str
    expires: float  # on the codes' clock
    purpose: str = CONSOLE
    state: str = LIVE
    wrong: int = 0


@dataclass(frozen=True)
class Redeemed:
    """A code that checked out: the code (the HMAC key of the rest of the handshake) and who showed it."""

    code: str
    staff: str


@dataclass(frozen=True)
class CodeStatus:
    state: str  # LIVE, USED, EXPIRED, WITHDRAWN; "" when no code was shown
    seconds_left: float
    paired_peer: str = ""


class PairingCodes:
    """The code on the kiosk's screen, at most one at a time. ``issue`` and ``withdraw`` run on the UI
    thread, ``redeem`` on a console connection's: one lock. ``audit(actor, action, detail)`` writes a row."""

    def __init__(self, audit: Callable[[str, str, str], None], clock: Callable[[], float] = time.monotonic,
                 lifetime: float = LIFETIME) -> None:
        self.clock = clock
        self.lifetime = lifetime
        self._audit = audit
        self._lock = threading.Lock()
        self._current: _Shown | None = None
        self._past: deque[_Shown] = deque(maxlen=PAST_KEPT)
        self._paired_peer = ""

    def issue(self, staff: str, purpose: str = CONSOLE) -> tuple[str, float]:
        """A fresh code for ``purpose`` (any code shown before ends, withdrawn): the code and its lifetime in
        seconds."""
        with self._lock:
            self._end_current(WITHDRAWN)
            self._current = _Shown(new_code(), staff, self.clock() + self.lifetime, purpose)
            self._paired_peer = ""
            code = self._current.code
        detail = f"lifetime={self.lifetime:g}s" + ("" if purpose == CONSOLE else f" purpose={purpose}")
        self._audit(staff, "staff_pairing_code_shown", detail)
        return code, self.lifetime

    def withdraw(self) -> None:
        """The panel closed: its code no longer works."""
        with self._lock:
            self._end_current(WITHDRAWN)

    def status(self) -> CodeStatus:
        with self._lock:
            self._expire()
            shown = self._current or (self._past[-1] if self._past else None)
            if shown is None:
                return CodeStatus("", 0.0)
            left = max(0.0, shown.expires - self.clock()) if shown.state == LIVE else 0.0
            return CodeStatus(shown.state, left, self._paired_peer if shown.state == USED else "")

    def redeem(self, matches: Callable[[str], bool], peer: str) -> str:
        """The shown console code when ``matches(code)`` (the console's proof checks out): it is used up.
        Otherwise :class:`PairingCodeRefused` saying why (a code that ended, a wrong one, none shown)."""
        return self.redeem_for(matches, peer, CONSOLE).code

    def redeem_for(self, matches: Callable[[str], bool], peer: str, purpose: str) -> Redeemed:
        """:meth:`redeem` for a code shown for ``purpose``; the right code shown for another purpose is
        refused (:data:`OTHER_PURPOSE`) and stays live. Only a console's pairing is audited here: what a
        code of another purpose leads to is its handshake's to audit."""
        refusal, withdrawn = "", False
        with self._lock:
            self._expire()
            shown = self._current
            if shown is not None and matches(shown.code) and shown.purpose != purpose:
                refusal = OTHER_PURPOSE
            elif shown is not None and matches(shown.code):
                shown.state = USED
                self._paired_peer = peer
                self._past.append(shown)
                self._current = None
            else:
                ended = next((p for p in reversed(self._past) if matches(p.code)), None)
                if ended is not None:
                    refusal = ended.state
                elif shown is None:
                    refusal = NONE_SHOWN
                else:
                    refusal = WRONG
                    shown.wrong += 1
                    withdrawn = shown.wrong >= MAX_WRONG
                    if withdrawn:
                        self._end_current(WITHDRAWN)
        if withdrawn:
            self._audit("unknown", "staff_pairing_code_withdrawn", f"wrong={MAX_WRONG} last_peer={peer}")
        if refusal:
            raise PairingCodeRefused(refusal)
        assert shown is not None
        if purpose == CONSOLE:
            self._audit(shown.staff, "staff_paired_by_code", f"peer={peer}")
        return Redeemed(shown.code, shown.staff)

    def _expire(self) -> None:
        if self._current is not None and self.clock() >= self._current.expires:
            self._end_current(EXPIRED)

    def _end_current(self, state: str) -> None:
        if self._current is not None:
            self._current.state = state
            self._past.append(self._current)
            self._current = None
