"""Named failures of the kiosk↔console channel. ``code`` is what the console shows (translated)."""
from __future__ import annotations

from kiosk.core.errors import KioskError


class ChannelError(KioskError):
    code = "staff_channel_error"


class ChannelClosed(ChannelError):
    code = "staff_channel_closed"


class ChannelTimeout(ChannelError):
    """The other side sent nothing within the read timeout (a dead network or a hung peer)."""

    code = "staff_channel_timeout"


class ProtocolError(ChannelError):
    """A line that is not one of our messages: garbage, too long, or another protocol version."""

    code = "staff_protocol_error"


class PairingRefused(ChannelError):
    """The other side does not know the pairing secret."""

    code = "staff_pairing_refused"


class PairingCodeRefused(ChannelError):
    """The kiosk would not take a one-time pairing code; ``code`` says why (kiosk.staff.pairing_code:
    ``staff_pairing_code_wrong``, ``_expired``, ``_used``, ``_withdrawn``, ``_none``, ``_slowed``)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code
        self.detail = detail  # for _slowed: the seconds this address must wait


class FingerprintMismatch(ChannelError):
    """The kiosk's certificate is not the one pinned at pairing: another machine, or a new install."""

    code = "staff_fingerprint_mismatch"


class NotPaired(ChannelError):
    code = "staff_not_paired"


class RequestFailed(ChannelError):
    """The kiosk answered a request with a refusal; ``code`` is the kiosk's reason."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(detail or code)
        self.code = code


# --- a new kiosk receiving the clinic's store key (kiosk.staff.clinic_key) -----------------------------------


class ClinicKeyError(KioskError):
    code = "clinic_key_error"


class ClinicKeyAlreadyHere(ClinicKeyError):
    """This kiosk already holds the clinic's key: nothing to do (no key was sent)."""

    code = "clinic_key_already_here"


class ClinicKeyOtherStore(ClinicKeyError):
    """This kiosk already has a key of its own (and maybe receptions under it): taking the clinic's would
    leave them unreadable, so nothing is changed (no key was sent); the message says what to do."""

    code = "clinic_key_other_store"


class ClinicKeyUnavailable(ClinicKeyError):
    """The existing kiosk cannot load its own store key, so it has none to give."""

    code = "clinic_key_unavailable"
