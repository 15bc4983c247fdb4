"""What needs a member of staff at a kiosk, and why: derived from the flow's View, one glance per kiosk.

Each alert has a stable ``code`` (the console translates it), the trouble it counts under, and whether
it is urgent (a patient is stuck until staff come) or a notice (look when you can).
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.domain import Trouble
from kiosk.core.flow import View
from kiosk.core.states import State


@dataclass(frozen=True)
class Alert:
    code: str
    trouble: Trouble
    urgent: bool
    detail: str = ""  # a value to show with the reason: tries left, the staff reason code


_BY_STATE: dict[State, tuple[str, Trouble, bool]] = {
    State.PIN_LOCKED: ("pin_locked", Trouble.T13, True),
    State.FACE_FAILED: ("face_failed", Trouble.T14, True),
    State.PERSON_MISMATCH: ("person_mismatch", Trouble.T9, True),
    State.QUAL_INVALID: ("qualification_invalid", Trouble.T3, True),
    State.QUAL_NONE: ("qualification_none", Trouble.T6, True),
    State.QUAL_SEVERAL: ("several_records", Trouble.T17, True),
    State.CERT_EXPIRED: ("certificate_expired", Trouble.T4, True),
    State.CARD_LEFT: ("card_left", Trouble.T15, True),
    State.READER_FAULT: ("reader_fault", Trouble.T2, True),
    State.UNREADABLE: ("card_unreadable", Trouble.T2, False),
    State.TERMINAL_DOWN: ("terminal_down", Trouble.T12, True),
    State.NOT_MY_NUMBER: ("not_my_number", Trouble.T16, False),
}

OFFLINE = Alert("kiosk_offline", Trouble.T12, True)


def flag_codes(view: View) -> set[str]:
    """The kinds of the result checks' staff flags (``gaiji:name`` is a ``gaiji`` flag on the name)."""
    return {flag.split(":", 1)[0] for flag in view.staff_flags}


def name_has_gaiji(view: View) -> bool:
    return "gaiji:name" in view.staff_flags or "black_circle" in view.staff_flags or "●" in view.patient_name


def alerts_of(view: View) -> list[Alert]:
    """Urgent alerts first; within each kind, in the order a member of staff would deal with them."""
    alerts: list[Alert] = []
    state = view.state
    if state is State.WAITING_STAFF:
        reason = view.staff_reason or "patient_call"
        alerts.append(Alert("staff_called", Trouble.T17, True, reason))
    if state in _BY_STATE:
        code, trouble, urgent = _BY_STATE[state]
        detail = str(view.pin_tries_left) if state is State.PIN_LOCKED and view.pin_tries_left is not None else ""
        alerts.append(Alert(code, trouble, urgent, detail))
    if state is State.PIN_LOW or (
        view.pin_tries_left == 1 and state in (State.PIN, State.CHOOSE_METHOD, State.WAITING_STAFF)
    ):
        alerts.append(Alert("pin_low", Trouble.T13, state is State.PIN_LOW, "1"))
    if state is State.FACE and view.face_failures:
        alerts.append(Alert("face_retrying", Trouble.T14, False, f"{view.face_failures}/{view.max_face_attempts}"))
    flags = flag_codes(view)
    if flags & {"gaiji", "black_circle"}:
        alerts.append(Alert("black_circle", Trouble.T1, False))
    if Trouble.T7.value in view.troubles or "burden_changed" in flags:
        alerts.append(Alert("burden_changed", Trouble.T7, False))
    if "limit_changed" in flags:
        alerts.append(Alert("limit_changed", Trouble.T8, False))
    if Trouble.T5.value in view.troubles or "address_differs" in flags:
        alerts.append(Alert("differs_from_record", Trouble.T5, False))
    if "certificate_expiring" in view.notices:
        alerts.append(Alert("certificate_expiring", Trouble.T4, False))
    return sorted(alerts, key=lambda a: not a.urgent)
