"""What needs a member of staff at a kiosk, and why: derived from the flow's View and the state table.

One glance per kiosk. An alert names the trouble it counts under (the T-code is a small secondary label
on the console; the words come first), whether it is urgent (a patient is stuck until staff come) or a
notice, and whether the patient pressed 「職員を呼ぶ」. A call keeps the reason that led to it: a patient
who called from the 資格（無効） screen shows as T3 and called, not as a bare staff call.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.core.domain import Trouble
from kiosk.core.states import CALL_REASONS, SESSION_ALERTS, SPECS, AlertSpec, Call, State
from kiosk.core.view import View


@dataclass(frozen=True)
class Alert:
    code: str
    text: str  # plain Japanese for staff (translated by the console)
    trouble: Trouble | None
    urgent: bool
    called: bool = False  # the patient pressed 「職員を呼ぶ」
    reason: str = ""  # why staff are needed beyond the screen: a CALL_REASONS code

    @property
    def reason_text(self) -> str:
        return CALL_REASONS.get(self.reason, "")


OFFLINE = Alert("kiosk_offline", SESSION_ALERTS["kiosk_offline"].text, Trouble.T12, True)


def _of(spec: AlertSpec, trouble: Trouble | None, *, urgent: bool | None = None, called: bool = False,
        reason: str = "") -> Alert:
    return Alert(spec.code, spec.text, trouble, spec.urgent if urgent is None else urgent, called, reason)


def _state_alert(view: View, state: State) -> AlertSpec | None:
    alert = SPECS[state].alert
    if alert is None or (alert.when and not getattr(view, alert.when)):
        return None
    return alert


def _calls(view: View) -> list[Alert]:
    """The patient waiting for staff, with the screen (and so the trouble) they called from."""
    own = SPECS[view.state]
    if own.call is Call.ALREADY:  # the patient waits for staff: say what brought them here
        origin = view.called_from
        alert = _state_alert(view, origin) if origin is not None else None
        spec = alert or own.alert
        assert spec is not None
        # The origin's own trouble when it has an alert (none for 資格が複数: not a catalog trouble); a bare
        # call counts as staff help (T17).
        trouble = SPECS[origin].trouble if alert is not None and origin is not None else own.trouble
        return [_of(spec, trouble, urgent=True, called=view.staff_reason == "patient_call",
                    reason=view.staff_reason)]
    if view.call is not None:
        alert = _state_alert(view, view.call.state)
        spec = alert or SESSION_ALERTS["staff_call"]
        return [_of(spec, SPECS[view.call.state].trouble, urgent=True, called=True, reason="patient_call")]
    return []


def flag_codes(view: View) -> set[str]:
    """The kinds of the result checks' staff flags (``gaiji:name`` is a ``gaiji`` flag on the name)."""
    return {flag.split(":", 1)[0] for flag in view.staff_flags}


def name_has_gaiji(view: View) -> bool:
    return "gaiji:name" in view.staff_flags or "●" in view.patient_name


def alerts_of(view: View) -> list[Alert]:
    """Urgent alerts first; within each kind, in the order a member of staff would deal with them."""
    alerts = _calls(view)
    shown = {a.code for a in alerts}
    own = _state_alert(view, view.state)
    if own is not None and own.code not in shown and SPECS[view.state].call is not Call.ALREADY:
        alerts.append(_of(own, SPECS[view.state].trouble))
    notices = SESSION_ALERTS
    flags = flag_codes(view)
    if view.certificate == "expiring":
        alerts.append(_of(notices["certificate_expiring"], Trouble.T4))
    if "gaiji" in flags:
        alerts.append(_of(notices["black_circle"], Trouble.T1))
    if (Trouble.T7.value in view.troubles or "burden_changed" in flags) and "burden_changed" not in view.acks:
        alerts.append(_of(notices["burden_changed"], Trouble.T7))
    if "limit_changed" in flags:
        alerts.append(_of(notices["limit_changed"], Trouble.T8))
    if Trouble.T5.value in view.troubles or "address_differs" in flags:
        alerts.append(_of(notices["differs_from_record"], Trouble.T5))
    if view.terminal_down:
        alerts.append(_of(notices["terminal_down"], None))
    if view.voice_problem:
        alerts.append(_of(notices["voice_unavailable"], None))
    if view.backup_problem in notices:
        alerts.append(_of(notices[view.backup_problem], None))
    if f"kiosk_restarted_{view.restarted}" in notices:
        alerts.append(_of(notices[f"kiosk_restarted_{view.restarted}"], None))
    unique: list[Alert] = []
    for alert in alerts:  # one line per kind: the first (a call, if the patient called) is kept
        if all(alert.code != kept.code for kept in unique):
            unique.append(alert)
    return sorted(unique, key=lambda a: not a.urgent)
