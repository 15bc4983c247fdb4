"""Demo patients: what the card, the camera and the terminal do, and what the patient does.

``kiosk demo`` offers them in its scenario chooser; ``kiosk simulate NAME`` plays the patient's script
headless and prints the transcript. Each problem state of the flow has at least one scenario.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Callable

from kiosk.core import events as ev
from kiosk.core.domain import CardKind, IdentityMethod
from kiosk.core.errors import CardRemoved, TerminalUnavailable, UnexpectedResponse
from kiosk.core.fakes import DEMO_RECORD, FakeCard
from kiosk.core.ports import FaceAttempt
from kiosk.core.qualification import QualificationResult, Validity

PIN = ev.ChooseMethod(IdentityMethod.PIN)
FACE = ev.ChooseMethod(IdentityMethod.FACE)
CONSENT_ALL = ev.AnswerConsent(True, True, True)


@dataclass(frozen=True)
class Wait:
    """The patient does nothing for this many seconds (the clock moves, timeouts fire)."""

    seconds: float


@dataclass(frozen=True)
class Mutate:
    """Something happens to a device mid-script (a card pulled inside a read, a garbage answer)."""

    describe: str
    apply: Callable[[object], None]


Action = ev.Event | Wait | Mutate


@dataclass(frozen=True)
class Scenario:
    name: str
    summary: str  # one line, English, for --list and the demo's chooser tooltip
    title: str  # the demo chooser's label (Japanese; the chooser is for staff training)
    card: FakeCard = field(default_factory=FakeCard)
    result: QualificationResult | None = None
    check_error: Exception | None = None
    face: tuple[FaceAttempt, ...] = (FaceAttempt(matched=True, distance=0.38),)
    code_b: str | None = "55021720301234"
    script: tuple[Action, ...] = ()
    # The same patient on the embedded demo devices (kiosk demo): the virtual card's profile, the terminal
    # simulator's scenario and what the replay camera shows (patient, other_person or nobody).
    card_profile: str = "valid"
    terminal: str = "valid"
    camera: str = "patient"


def _record(**changes) -> QualificationResult:
    return QualificationResult(Validity.VALID, (replace(DEMO_RECORD, **changes),))


VALID = QualificationResult(Validity.VALID, (DEMO_RECORD,))
OTHER = replace(DEMO_RECORD, name="他人 次郎", name_kana="ﾀﾆﾝ ｼﾞﾛｳ", birth_date=date(1951, 6, 3))
NO_FACE = FaceAttempt(matched=False, distance=None, guidance=("no_face",))
MASKED = FaceAttempt(matched=False, distance=0.71, guidance=("mask",))


def _pull(harness) -> None:
    harness.card.card.fail_with = CardRemoved("card pulled while reading")


SCENARIOS: dict[str, Scenario] = {
    s.name: s
    for s in (
        Scenario("valid-pin", "valid qualification, PIN", "有効（暗証番号）",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("valid-face", "valid qualification, face", "有効（顔認証）",
                 script=(ev.CardInserted(), FACE, CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("limit-consent", "valid, patient provides 限度額 information", "限度額情報の提供",
                 result=_record(limit_class="A03"), terminal="certificates",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.AskLimitConsent(),
                         ev.AnswerLimitConsent(True), CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("black-circle", "valid, name arrives with ● (T1): flagged for staff", "氏名に●（外字）",
                 result=_record(name="見本 ●郎"), terminal="gaiji",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("cert-expiring", "certificate expires within 3 months (T4 notice)", "電子証明書の期限が近い",
                 card=FakeCard(certificate_expires=timedelta(days=40)), card_profile="expiring",
                 script=(ev.CardInserted(), ev.Proceed(), PIN, ev.SubmitPin("1234"), CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("cert-expired", "certificate expired (T4): staff take over", "電子証明書の期限切れ",
                 card=FakeCard(certificate_expires=timedelta(days=-10)), card_profile="expired",
                 script=(ev.CardInserted(), ev.CallStaff())),
        Scenario("pin-wrong-once", "one wrong PIN, then the right one", "暗証番号を1回まちがえる",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("0000"), ev.SubmitPin("1234"), CONSENT_ALL,
                         ev.CardRemovedEvent())),
        Scenario("pin-low", "two wrong PINs: face or staff instead of a 3rd try (T13)", "暗証番号 残り1回",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("0000"), ev.SubmitPin("1111"))),
        Scenario("pin-locked", "PIN already locked (T13): face instead", "暗証番号ロック",
                 card=FakeCard(tries_left=0), card_profile="pin-locked",
                 script=(ev.CardInserted(), PIN, FACE, CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("face-fail", "face not matched 3 times (T14): PIN instead", "顔認証できない",
                 face=(NO_FACE, MASKED, MASKED), camera="other_person",
                 script=(ev.CardInserted(), FACE, PIN, ev.SubmitPin("1234"), CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("staff-visual", "face fails, PIN forgotten: staff 目視", "職員による目視確認",
                 face=(MASKED,), card=FakeCard(tries_left=1), card_profile="pin-low", camera="nobody",
                 script=(ev.CardInserted(), FACE, ev.CallStaff(), ev.StaffVisualCheck("demo-staff", True),
                         CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("not-my-number", "a clinic card instead of the My Number card (T16)", "マイナンバーカード以外",
                 card=FakeCard(kind=CardKind.OTHER), card_profile="not-my-number",
                 script=(ev.CardInserted(), ev.CardRemovedEvent())),
        Scenario("unreadable", "the card answers garbage", "カードが読めない",
                 card=FakeCard(fail_with=UnexpectedResponse("SW 6F00")), card_profile="garbage",
                 script=(ev.CardInserted(), ev.Cancel(), ev.CardRemovedEvent())),
        Scenario("card-removed", "card pulled in the middle of a read", "途中でカードを抜く", card_profile="pulled",
                 script=(ev.CardInserted(), PIN, Mutate("card pulled", _pull), ev.SubmitPin("1234"), Wait(21))),
        Scenario("reader-fault", "the reader vanishes and comes back (T2)", "カードリーダーの故障",
                 script=(ev.CardInserted(), ev.ReaderLost(), ev.ReaderRestored(), ev.CardInserted(), ev.Cancel(),
                         ev.CardRemovedEvent())),
        Scenario("invalid", "qualification invalid (T3)", "資格（無効）",
                 result=QualificationResult(Validity.INVALID, (DEMO_RECORD,)), terminal="invalid",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.CallStaff())),
        Scenario("no-record", "no qualification record (T6)", "該当資格なし",
                 result=QualificationResult(Validity.NO_RECORD), terminal="no_record",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.CallStaff())),
        Scenario("several", "several records: staff choose", "複数該当",
                 result=QualificationResult(Validity.SEVERAL, (DEMO_RECORD, replace(DEMO_RECORD, insurer_number="39131234"))),
                 terminal="several",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.StaffChooseRecord("demo-staff", 0),
                         CONSENT_ALL, ev.CardRemovedEvent())),
        Scenario("person-mismatch", "the result is another person's (T9): no medical info, staff", "別人の情報",
                 result=QualificationResult(Validity.VALID, (OTHER,)), terminal="other_person",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"))),
        Scenario("terminal-down", "the terminal does not answer (T12): fallback", "資格確認端末の停止",
                 check_error=TerminalUnavailable("no answer from the terminal"), terminal="no_answer",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), ev.CallStaff())),
        Scenario("card-left", "the patient walks away without the card (T15)", "カードの置き忘れ",
                 script=(ev.CardInserted(), PIN, ev.SubmitPin("1234"), CONSENT_ALL, Wait(20), ev.CardRemovedEvent())),
        Scenario("walk-away", "the patient leaves mid-way: warning, then the session ends", "途中で離れる",
                 script=(ev.CardInserted(), Wait(61), ev.CardRemovedEvent())),
        Scenario("cancel", "the patient presses 終了", "途中で終了",
                 script=(ev.CardInserted(), PIN, ev.Cancel(), ev.CardRemovedEvent())),
    )
}
