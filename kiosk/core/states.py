"""The reception's states and everything each one promises, in one table.

A :class:`StateSpec` holds every per-state fact any surface needs: the step bar, the inactivity timeout
and its warning, the trouble counted on entry, the alert the staff console shows while a patient is
there, whether a session is running, what pulling the card means, whether 「終了」 and the 申立書 are
offered, how 「職員を呼ぶ」 works, which staff actions make sense, and the device work started on entry.
The transitions between states live in :mod:`kiosk.core.machine`, which builds most of them from these
facts. Nothing outside these two modules keeps a list of states.

Three rules hold for every state and live here with the specs: the unhurried pace (:meth:`StateSpec.paced`:
every timeout and warning doubled, the countdown shown only in its last 30 s), the card reminder of the
screens that ask for the card back (``card_reminder``) and the slow terminal (``slow_after``).

Staff texts are plain Japanese source strings; the staff console translates them (context
``StaffConsole``) and ``scripts/staff_i18n.py`` collects them from :func:`staff_texts`.
"""
from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from kiosk.core.domain import Trouble

STAFF_TEXT_CONTEXT = "StaffConsole"  # the translation context of every staff text below

# ゆっくり操作: a patient who reads slowly gets twice the time everywhere, and a countdown only at the very
# end: a number running down for longer hurries the patients this mode is for.
UNHURRIED_FACTOR = 2.0
UNHURRIED_COUNTDOWN = 30.0  # seconds: the longest the "still there?" warning shows while unhurried


class State(str, enum.Enum):
    IDLE = "idle"  # attract screen: カードを置いてください
    READING = "reading"
    NOT_MY_NUMBER = "not_my_number"  # T16
    UNREADABLE = "unreadable"
    CARD_REMOVED = "card_removed"
    READER_FAULT = "reader_fault"  # T2
    CERT_EXPIRED = "cert_expired"  # T4
    CERT_EXPIRING = "cert_expiring"  # T4 notice
    CHOOSE_METHOD = "choose_method"
    FACE = "face"
    FACE_FAILED = "face_failed"  # T14
    PIN = "pin"
    PIN_LOW = "pin_low"  # T13: one try left, offer face or staff instead
    PIN_LOCKED = "pin_locked"  # T13
    CHECKING = "checking"
    PERSON_MISMATCH = "person_mismatch"  # T9
    QUAL_INVALID = "qual_invalid"  # T3
    QUAL_NONE = "qual_none"  # T6
    QUAL_SEVERAL = "qual_several"
    TERMINAL_DOWN = "terminal_down"  # T12
    DECLARATION = "declaration"  # 被保険者資格申立書 on the kiosk: the check failed, the card's facts are known
    CONSENT = "consent"
    LIMIT_CONSENT = "limit_consent"
    DONE = "done"
    WAITING_STAFF = "waiting_staff"  # 目視 and every staff task
    ENDED = "ended"  # cancelled or finished early: please take your card
    CARD_LEFT = "card_left"  # T15


class Step(int, enum.Enum):
    """The step indicator at the top of every screen."""

    CARD = 1
    IDENTITY = 2
    CONSENT = 3
    DONE = 4


class Call(str, enum.Enum):
    """What 「職員を呼ぶ」 does in a state."""

    WAIT = "wait"  # the patient waits for staff (WAITING_STAFF) and may go back to this state
    NOTIFY = "notify"  # no session to hand over: the console is alerted, the screen stays
    ALREADY = "already"  # WAITING_STAFF itself: staff are on their way


class StaffAction(str, enum.Enum):
    """What staff may ask of a kiosk, from its own panel or a console. Each has one staff event."""

    VISUAL_OK = "visual_ok"  # 目視: the patient is the card's holder
    VISUAL_REJECT = "visual_reject"  # 目視: not confirmed, the reception ends
    CHIP_PHOTO = "chip_photo"  # the card's face photo for 目視
    CAMERA_STILL = "camera_still"  # a still of the kiosk's camera for 目視
    INSURANCE_CHECK = "insurance_check"  # a check by 保険証 / 資格確認書 data
    COMPLETE_FALLBACK = "complete_fallback"  # last visit or 申立書 when the online check failed
    CHOOSE_RECORD = "choose_record"  # 複数該当
    CORRECT_NAME = "correct_name"  # T1: ● in the name
    RECORDS = "records"  # old qualification, last visit, facts, the patient's 申立書
    TAKEOVER = "takeover"  # 対応中: tells other consoles who is on it
    ACKNOWLEDGE = "acknowledge"  # T7, T10, T11 looked at
    RESUME = "resume"  # hand the screen back to the patient
    END = "end"  # end this reception
    ANSWER_CALL = "answer_call"  # a call without a session (idle, done) was answered


@dataclass(frozen=True)
class AlertSpec:
    """What the console shows while a patient is in a state."""

    code: str  # stable name: tests, logs, the simulator's transcript
    text: str  # plain Japanese for staff
    urgent: bool  # a patient is stuck until staff come; otherwise a notice
    when: str = ""  # shown only while this View property is true (``face_failures``: after a miss)


@dataclass(frozen=True)
class StateSpec:
    step: Step
    staff_text: str  # how staff read the state: 「暗証番号を入力中」, never ``pin``
    timeout: float | None  # seconds of inactivity; None: never times out
    warn_before: float | None = None  # the "still there?" warning this long before the timeout
    busy: bool = False  # waiting on a device or the terminal: the timeout counts from entry, not the last touch
    trouble: Trouble | None = None  # counted when the state is entered
    alert: AlertSpec | None = None
    in_session: bool = False  # a patient's reception is under way: pulling the card interrupts it, staff may act
    card_may_leave: bool = False  # pulling the card is the way on (asked to take it, or the card is no use)
    declarable: bool = False  # the check failed: the 申立書 may be filled in on the kiosk once the facts are known
    cancel: bool = False  # 「終了」 is offered
    call: Call = Call.NOTIFY
    staff: frozenset[StaffAction] = frozenset()  # beyond those of every session state (SESSION_STAFF)
    on_enter: tuple[str, ...] = ()  # actions of the flow run on entering, before any device work
    entry: str | None = None  # the device work started on entering (a task name of the flow)
    shows_facts: bool = False  # the screen shows the card's 4 facts (the 申立書 form, prefilled)
    # The screen asks for the card back while it is in the reader: the reminder's level on entry (0: asked
    # by voice and chime; 1: loud, repeated, the console alerted). A 0 becomes 1 once the card is still
    # there ``FlowConfig.card_left_escalate_after`` seconds after entry.
    card_reminder: int | None = None
    # Waiting on the terminal this long since entry, the screen says it is taking time and offers a way on
    # (View.slow); the work goes on waiting until the state's own timeout. Not doubled by the unhurried
    # pace: it is the terminal that is slow, not the patient.
    slow_after: float | None = None

    def paced(self, unhurried: bool) -> tuple[float | None, float | None]:
        """(timeout, warn_before) at the patient's pace."""
        if not unhurried or self.timeout is None:
            return self.timeout, self.warn_before
        warn = None if self.warn_before is None else min(self.warn_before * UNHURRIED_FACTOR, UNHURRIED_COUNTDOWN)
        return self.timeout * UNHURRIED_FACTOR, warn


# Staff actions that make sense whenever a patient's reception is under way.
SESSION_STAFF = frozenset({StaffAction.RECORDS, StaffAction.TAKEOVER, StaffAction.ACKNOWLEDGE, StaffAction.END})

# 目視 and what it needs on screen: the chip photo and the camera, with the card otherwise unused.
_VISUAL = frozenset({StaffAction.VISUAL_OK, StaffAction.VISUAL_REJECT, StaffAction.CHIP_PHOTO,
                     StaffAction.CAMERA_STILL})
_INSURANCE = frozenset({StaffAction.INSURANCE_CHECK})
_FALLBACK = frozenset({StaffAction.INSURANCE_CHECK, StaffAction.COMPLETE_FALLBACK})

# Problem screens wait long enough for an elderly patient to read twice and find a button.
_PROBLEM = (90.0, 20.0)
_ASKING = (60.0, 15.0)


def _alert(code: str, text: str, urgent: bool = True, when: str = "") -> AlertSpec:
    return AlertSpec(code, text, urgent, when)


# Shown on its own screen and, once past it, for the rest of the reception (renewal is the patient's to do).
_EXPIRING = _alert("certificate_expiring", "電子証明書の有効期限が3か月以内（市区町村での更新の案内を）", urgent=False)

# One line on the console from the reminder's escalation (level 1: level 0 is the screen's own gentle ask)
# until the card is taken; T15 is counted only if the card is still there when the done screen times out.
_CARD_LEFT = _alert("card_left", "カードの取り忘れ（受付機にカードが残っています）", when="card_reminder")


SPECS: dict[State, StateSpec] = {
    # IDLE's long timeout resets the language and anything a previous patient left.
    State.IDLE: StateSpec(Step.CARD, "待機中", 300.0, staff=frozenset({StaffAction.ANSWER_CALL}),
                          on_enter=("close_session", "next_visit")),
    State.READING: StateSpec(Step.CARD, "カードを読み取り中", 30.0, busy=True, in_session=True, cancel=True,
                             call=Call.WAIT, entry="read_card"),
    State.NOT_MY_NUMBER: StateSpec(
        Step.CARD, "マイナンバーカード以外のカード", *_PROBLEM, trouble=Trouble.T16,
        alert=_alert("not_my_number", "マイナンバーカード以外のカードが置かれました", urgent=False),
        card_may_leave=True, cancel=True, staff=frozenset({StaffAction.ANSWER_CALL})),
    State.UNREADABLE: StateSpec(
        Step.CARD, "カードが読めない", *_PROBLEM, trouble=Trouble.T2,
        alert=_alert("card_unreadable", "カードを読み取れませんでした", urgent=False),
        card_may_leave=True, cancel=True, staff=frozenset({StaffAction.ANSWER_CALL})),
    State.CARD_REMOVED: StateSpec(Step.CARD, "確認の途中でカードが抜かれた", 20.0, cancel=True,
                                  staff=frozenset({StaffAction.ANSWER_CALL})),
    State.READER_FAULT: StateSpec(
        Step.CARD, "カードリーダーが使えない", None, trouble=Trouble.T2,
        alert=_alert("reader_fault", "カードリーダーが使えません（自動で復旧を試みています）"),
        staff=frozenset({StaffAction.ANSWER_CALL}), on_enter=("close_session",)),
    State.CERT_EXPIRED: StateSpec(
        Step.CARD, "電子証明書の有効期限切れ", *_PROBLEM, trouble=Trouble.T4,
        alert=_alert("certificate_expired", "電子証明書の有効期限が切れています（カードでは確認できません）"),
        in_session=True, declarable=True, cancel=True, call=Call.WAIT, staff=_FALLBACK),
    State.CERT_EXPIRING: StateSpec(Step.CARD, "電子証明書の期限が近いことを案内中", *_ASKING, trouble=Trouble.T4,
                                   alert=_EXPIRING, in_session=True, cancel=True, call=Call.WAIT, staff=_VISUAL),
    State.CHOOSE_METHOD: StateSpec(
        Step.IDENTITY, "本人確認の方法を選んでいます", *_ASKING,
        alert=_alert("pin_low", "暗証番号は残り1回です（顔認証か目視をすすめてください）", urgent=False,
                     when="last_pin_try"),
        in_session=True, cancel=True, call=Call.WAIT, staff=_VISUAL),
    State.FACE: StateSpec(Step.IDENTITY, "顔認証中", *_ASKING,
                          alert=_alert("face_retrying", "顔認証をやり直し中", urgent=False, when="face_failures"),
                          in_session=True, cancel=True, call=Call.WAIT, entry="face"),
    State.FACE_FAILED: StateSpec(
        Step.IDENTITY, "顔認証ができなかった", *_PROBLEM, trouble=Trouble.T14,
        alert=_alert("face_failed", "顔認証ができませんでした"),
        in_session=True, cancel=True, call=Call.WAIT, staff=_VISUAL | _INSURANCE),
    State.PIN: StateSpec(Step.IDENTITY, "暗証番号を入力中", *_ASKING, in_session=True, cancel=True, call=Call.WAIT),
    State.PIN_LOW: StateSpec(
        Step.IDENTITY, "暗証番号があと1回でロック", *_PROBLEM, trouble=Trouble.T13,
        alert=_alert("pin_low", "暗証番号があと1回まちがえるとロックされます"),
        in_session=True, cancel=True, call=Call.WAIT, staff=_VISUAL | _INSURANCE),
    State.PIN_LOCKED: StateSpec(
        Step.IDENTITY, "暗証番号がロックされている", *_PROBLEM, trouble=Trouble.T13,
        alert=_alert("pin_locked", "暗証番号がロックされています（解除は市区町村の窓口）"),
        in_session=True, cancel=True, call=Call.WAIT, staff=_VISUAL | _INSURANCE),
    State.CHECKING: StateSpec(Step.IDENTITY, "資格を確認中", 45.0, busy=True, in_session=True, cancel=True,
                              call=Call.WAIT, entry="check", slow_after=5.0),
    State.PERSON_MISMATCH: StateSpec(
        Step.IDENTITY, "別人の情報の可能性", 300.0, trouble=Trouble.T9,
        alert=_alert("person_mismatch", "カードと資格情報の本人が一致しません（医療情報は非表示）"),
        in_session=True, cancel=True, call=Call.WAIT,
        staff=frozenset({StaffAction.CHIP_PHOTO, StaffAction.CAMERA_STILL}) | _INSURANCE),
    State.QUAL_INVALID: StateSpec(
        Step.IDENTITY, "資格（無効）", *_PROBLEM, trouble=Trouble.T3,
        alert=_alert("qualification_invalid", "資格（無効）：保険者の登録待ちの可能性（旧資格情報あり）"),
        in_session=True, declarable=True, cancel=True, call=Call.WAIT, staff=_FALLBACK),
    State.QUAL_NONE: StateSpec(
        Step.IDENTITY, "該当資格なし", *_PROBLEM, trouble=Trouble.T6,
        alert=_alert("qualification_none", "該当する資格が見つかりません"),
        in_session=True, declarable=True, cancel=True, call=Call.WAIT, staff=_FALLBACK),
    State.QUAL_SEVERAL: StateSpec(
        Step.IDENTITY, "資格が複数見つかった", 300.0,
        alert=_alert("several_records", "資格が複数見つかりました：職員が今の資格を選びます"),
        in_session=True, cancel=True, call=Call.WAIT, staff=frozenset({StaffAction.CHOOSE_RECORD})),
    State.TERMINAL_DOWN: StateSpec(
        Step.IDENTITY, "資格確認端末が応答しない", *_PROBLEM, trouble=Trouble.T12,
        alert=_alert("terminal_down", "資格確認端末が応答しません（前回の記録・申立書で受付できます）"),
        in_session=True, declarable=True, cancel=True, call=Call.WAIT, staff=_FALLBACK),
    # A form of a few pages: long enough for an elderly patient to find the telephone number in a bag.
    State.DECLARATION: StateSpec(Step.CONSENT, "申立書を記入中", 180.0, 30.0, in_session=True, cancel=True,
                                 call=Call.WAIT, shows_facts=True),
    State.CONSENT: StateSpec(Step.CONSENT, "情報提供の同意を確認中", *_ASKING, in_session=True, cancel=True,
                             call=Call.WAIT, staff=frozenset({StaffAction.CORRECT_NAME})),
    State.LIMIT_CONSENT: StateSpec(Step.CONSENT, "限度額情報の提供を確認中", *_ASKING, in_session=True, cancel=True,
                                   call=Call.WAIT, staff=frozenset({StaffAction.CORRECT_NAME})),
    State.DONE: StateSpec(Step.DONE, "受付完了（カードの取り出し待ち）", 15.0, alert=_CARD_LEFT, card_may_leave=True,
                          staff=frozenset({StaffAction.ANSWER_CALL}), on_enter=("save",), card_reminder=0),
    State.WAITING_STAFF: StateSpec(
        Step.IDENTITY, "職員を待っています", 600.0, 60.0, trouble=Trouble.T17,
        alert=_alert("staff_called", "職員を呼んでいます"),
        in_session=True, cancel=True, call=Call.ALREADY,
        staff=_VISUAL | _FALLBACK | frozenset({StaffAction.CHOOSE_RECORD, StaffAction.CORRECT_NAME,
                                               StaffAction.RESUME})),
    State.ENDED: StateSpec(Step.DONE, "終了（カードの取り出し待ち）", 15.0, alert=_CARD_LEFT, card_may_leave=True,
                           staff=frozenset({StaffAction.ANSWER_CALL}), card_reminder=0),
    # The done screen timed out with the card still in: counted as T15, the reminder repeats until it is taken.
    State.CARD_LEFT: StateSpec(
        Step.DONE, "カードの置き忘れ", 30.0, trouble=Trouble.T15, alert=_CARD_LEFT,
        card_may_leave=True, staff=frozenset({StaffAction.ANSWER_CALL}), card_reminder=1),
}


def spec(state: State) -> StateSpec:
    return SPECS[state]


def staff_actions_of(state: State) -> frozenset[StaffAction]:
    """Every staff action that can make sense in ``state`` (guards decide whether it does right now)."""
    s = SPECS[state]
    return s.staff | SESSION_STAFF if s.in_session else s.staff


# Why a patient is waiting for staff, beyond the screen they called from.
CALL_REASONS: dict[str, str] = {
    "patient_call": "患者が「職員を呼ぶ」を押しました",
    "holder_proof_failed": "カードの本人確認（署名の検証）に失敗しました",
    "declaration_incomplete": "申立書にカナ氏名がありません（「前回の記録・申立書で受付」で補ってください）",
}

# Notices that do not belong to one state: they follow the patient through the session.
SESSION_ALERTS: dict[str, AlertSpec] = {
    a.code: a
    for a in (
        _alert("staff_call", "職員を呼んでいます（受付前・受付後）"),
        _EXPIRING,
        _alert("black_circle", "氏名・住所に●（外字）：当院の表記に修正できます", urgent=False),
        _alert("burden_changed", "負担割合が前回と違います", urgent=False),
        _alert("limit_changed", "限度額区分が前回と違います（出典と日付を確認）", urgent=False),
        _alert("differs_from_record", "住所が資格情報と違います", urgent=False),
        _alert("kiosk_offline", "受付機と通信できません"),
        # What the kiosk knows of its own parts, shown whatever the screen: staff act before a patient needs it.
        _alert("terminal_down", "資格確認端末が応答しません（カードを置いた方は申立書・前回の記録で受付）",
               urgent=False),
        _alert("voice_unavailable", "音声案内が使えません（スピーカー・音声の設定を確認）", urgent=False),
        _alert("backup_failed", "受付データのバックアップに失敗しました（ディスクの空き・接続を確認）", urgent=False),
        _alert("backup_same_disk", "バックアップが受付データと同じディスクにあります（別のディスクを設定）",
               urgent=False),
        # The watchdog started the kiosk again (kiosk/watchdog.py); a reception it cut short is listed as interrupted.
        _alert("kiosk_restarted_stall", "受付機が再起動しました（応答なし）", urgent=False),
        _alert("kiosk_restarted_crash", "受付機が再起動しました（異常終了）", urgent=False),
    )
}


def staff_texts() -> Iterator[str]:
    """Every staff string this module holds, for the staff console's translation file."""
    for s in SPECS.values():
        yield s.staff_text
        if s.alert is not None:
            yield s.alert.text
    yield from CALL_REASONS.values()
    for a in SESSION_ALERTS.values():
        yield a.text
