"""What every kiosk screen says, as data: its pictogram, title, lines, caution band, choices and speech.

The screens (``kiosk.ui.screens``) lay these out; the voice guide and ``kiosk voice say --screen`` speak
``speech_of(state, view)``, which needs no widget, only a QCoreApplication with the language's translator.
Every string is a Japanese source string: context "Screen" for what is shown (and may be read out),
"Speech" for what is only spoken, and the contexts the words always had ("Face", "Declaration",
"Chrome") where they stayed the same, so existing translations keep matching.

What is spoken never carries the patient's name, PIN, address or anything read from the chip: only the
screen's own words and safe facts of the view (tries left, the certificate's expiry date).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import Outcome, View

translate = QCoreApplication.translate

# PySide6's stubs say QT_TRANSLATE_NOOP returns ``object``; it returns the source text it is given. Typed
# here once, under the same name so pyside6-lupdate still finds the strings; the screens import it from here.
QT_TRANSLATE_NOOP = cast(Callable[[str, str], str], QtCore.QT_TRANSLATE_NOOP)


@dataclass(frozen=True)
class Choice:
    """A button of a screen. ``event`` is what it sends; None where the page makes the event itself
    (確定 sends the typed PIN)."""

    text: str  # QT_TRANSLATE_NOOP(<the spec's context>, …)
    name: str  # the button's object name
    kind: str  # "primary", "staff", "" (the stylesheet's kinds)
    event: ev.PatientEvent | None
    speech: str = ""  # QT_TRANSLATE_NOOP("Speech", …): said when focus moves onto it; else its text


@dataclass(frozen=True)
class ScreenSpec:
    state: State
    pictogram: str = ""  # a widgets.Pictogram kind, or none
    title: str = ""
    lines: tuple[str, ...] = ()
    caution: str = ""  # one line on a yellow band
    choices: tuple[Choice, ...] = ()
    speech: tuple[str, ...] = ()  # QT_TRANSLATE_NOOP("Speech", …): spoken after the shown words
    context: str = "Screen"  # the translation context of title, lines, caution and choice texts
    # What the view adds to what is said (only safe facts): instead of the title and lines, or after them.
    said_instead: Callable[[View], list[str]] | None = None
    said_after: Callable[[View], list[str]] | None = None


# --- words shared by several screens ------------------------------------------------------------

# The keypad's keys by the words printed on them (docs/keypad.md): the patient hears what to press.
HOW_TO_CHOOSE = QT_TRANSLATE_NOOP("Speech", "プラスとマイナスのキーで選び、「確定」のキーで決めます。")
HOW_TO_CALL = QT_TRANSLATE_NOOP("Speech", "職員を呼ぶときは、「職員を呼ぶ」のキーを押してください。")

CALL_STAFF = Choice(QT_TRANSLATE_NOOP("Screen", "職員を呼ぶ"), "btn_call_staff", "staff", ev.CallStaff(),
                    QT_TRANSLATE_NOOP("Speech", "職員を呼ぶ。職員がこちらに来ます。"))
# Offered on every notice where the flow allows it (the check failed, the card's facts are known).
DECLARE = Choice(QT_TRANSLATE_NOOP("Screen", "申立書を記入する"), "btn_declare", "primary", ev.StartDeclaration(),
                 QT_TRANSLATE_NOOP("Speech", "申立書を記入する。保険の情報を、画面で入力します。"))
# The terminal has taken 5 s (the state table's slow_after): a way on that does not wait for its timeout.
CHECK_SLOW = QT_TRANSLATE_NOOP("Screen", "時間がかかっています。このままお待ちいただくか、職員を呼んでください。")
STOP_WAITING = Choice(QT_TRANSLATE_NOOP("Screen", "待たずに進む"), "btn_stop_waiting", "", ev.StopWaiting(),
                      QT_TRANSLATE_NOOP("Speech", "待たずに進む。申立書や前回の記録で受付します。"))
DECLARE_OFFERED = QT_TRANSLATE_NOOP("Speech", "「申立書を記入する」を選ぶと、保険の情報をご自分で入力できます。")
TAKE_CARD = QT_TRANSLATE_NOOP("Screen", "マイナンバーカードをお取りください")
TRIES_LEFT = QT_TRANSLATE_NOOP("Screen", "あと{n}回ためせます。")

# The bar at the bottom of every screen.
BAR_CANCEL = Choice(QT_TRANSLATE_NOOP("Chrome", "終了"), "btn_cancel", "", ev.Cancel(),
                    QT_TRANSLATE_NOOP("Speech", "終了。受付をやめて、はじめにもどります。"))
BAR_CALL_STAFF = QT_TRANSLATE_NOOP("Chrome", "職員を呼ぶ")
BAR_REPEAT = QT_TRANSLATE_NOOP("Chrome", "もう一度聞く")
BAR_REPEAT_SPEECH = QT_TRANSLATE_NOOP("Speech", "もう一度聞く。この画面の案内を、もう一度読み上げます。")

# The idle screen's switches; each button shows its name and whether it is on.
VOICE = QT_TRANSLATE_NOOP("Chrome", "音声案内")
LARGE_TEXT = QT_TRANSLATE_NOOP("Chrome", "文字を大きく")
UNHURRIED = QT_TRANSLATE_NOOP("Chrome", "ゆっくり操作")
ON = QT_TRANSLATE_NOOP("Chrome", "オン")
OFF = QT_TRANSLATE_NOOP("Chrome", "オフ")
SWITCH_SPEECH = QT_TRANSLATE_NOOP("Speech", "{what}。いまは{state}です。「確定」のキーで切り替えます。")
# The same words in every language, so whoever cannot read the screen's language still finds it.
LANGUAGE = "Language / 言語"
LANGUAGE_SPEECH = QT_TRANSLATE_NOOP("Speech", "言語を選ぶ。ほかの言語の画面にします。")

# --- the camera's guidance (codes from kiosk.face.guidance) --------------------------------------

GUIDANCE = {
    "no_face": QT_TRANSLATE_NOOP("Face", "お顔が見つかりません。カメラの正面に立ってください。"),
    "several_faces": QT_TRANSLATE_NOOP("Face", "何人か映っています。おひとりで映ってください。"),
    "too_far": QT_TRANSLATE_NOOP("Face", "もう少しカメラに近づいてください。"),
    "too_close": QT_TRANSLATE_NOOP("Face", "少しカメラから離れてください。"),
    "off_centre": QT_TRANSLATE_NOOP("Face", "お顔を枠のまん中に合わせてください。"),
    "too_dark": QT_TRANSLATE_NOOP("Face", "お顔が暗く映っています。帽子をとり、顔を上げてください。"),
    "mask": QT_TRANSLATE_NOOP("Face", "マスクを外してください。"),
    "hold_still": QT_TRANSLATE_NOOP("Face", "そのまま動かないでください。"),
    "blink": QT_TRANSLATE_NOOP("Face", "ゆっくり、まばたきをしてください。"),
    "sit_ok": QT_TRANSLATE_NOOP("Face", "すわったままでだいじょうぶです。カメラを見てください。"),
    "tilted_up": QT_TRANSLATE_NOOP("Face", "あごを少し引いて、カメラを見てください。"),
}
# A parent holds the child up: the words speak of the child's face, and another face is expected.
CHILD_GUIDANCE = {
    "no_face": QT_TRANSLATE_NOOP("Face", "お子さまのお顔が見つかりません。カメラに向けてください。"),
    "too_far": QT_TRANSLATE_NOOP("Face", "お子さまを、もう少しカメラに近づけてください。"),
    "too_close": QT_TRANSLATE_NOOP("Face", "お子さまを、少しカメラから離してください。"),
    "off_centre": QT_TRANSLATE_NOOP("Face", "お子さまのお顔が枠のまん中に入るようにしてください。"),
    "too_dark": QT_TRANSLATE_NOOP("Face", "お子さまのお顔が暗く映っています。帽子をとってください。"),
    "mask": QT_TRANSLATE_NOOP("Face", "お子さまのマスクを外してください。"),
    "hold_still": QT_TRANSLATE_NOOP("Face", "お子さまを、そのまま動かさないでください。"),
    "sit_ok": QT_TRANSLATE_NOOP("Face", "お子さまはすわったままで大丈夫です。お顔が枠に入るようにしてください。"),
    "tilted_up": QT_TRANSLATE_NOOP("Face", "お子さまのあごを少し引いて、お顔が枠に入るようにしてください。"),
}


def guidance_text(codes: tuple[str, ...], child: bool = False) -> str:
    """The first code we have words for: one instruction at a time is what a patient can follow."""
    for code in codes:
        if child and code in CHILD_GUIDANCE:
            return translate("Face", CHILD_GUIDANCE[code])
        if code in GUIDANCE:
            return translate("Face", GUIDANCE[code])
    return ""


# --- words of screens that change within the screen ----------------------------------------------

FACE_CHILD_TITLE = QT_TRANSLATE_NOOP("Screen", "お子さまの顔を枠内に入れてください")
FACE_CHILD_NOTE = QT_TRANSLATE_NOOP("Screen", "大人の方が一緒に写っても大丈夫です。")
FACE_CHILD = Choice(QT_TRANSLATE_NOOP("Screen", "お子さまの受付"), "btn_child", "", None,
                    QT_TRANSLATE_NOOP("Speech", "お子さまの受付。お子さまを抱いて、お子さまのお顔を映します。"))
FACE_ADULT = Choice(QT_TRANSLATE_NOOP("Screen", "おとなの受付"), "btn_child", "", None,
                    QT_TRANSLATE_NOOP("Speech", "おとなの受付。ご自身のお顔を映します。"))

PIN_WRONG = QT_TRANSLATE_NOOP("Screen", "暗証番号がちがいます。")
PIN_TRIES = QT_TRANSLATE_NOOP("Screen", "入力できる回数：あと{n}回")
PIN_LAST_TRIES = QT_TRANSLATE_NOOP("Screen", "注意：あと{n}回まちがえると、カードがロックされます。")
PIN_CHECKING = QT_TRANSLATE_NOOP("Screen", "確認しています…")
DIGIT_TYPED = QT_TRANSLATE_NOOP("Speech", "{n}けた目を入力しました")  # which digit, never the digit itself
DIGIT_ERASED = QT_TRANSLATE_NOOP("Speech", "1けた消しました")
# Said for the 4th digit instead of DIGIT_TYPED (and for any key after it): the PIN goes only with 確定.
PIN_FULL = QT_TRANSLATE_NOOP("Speech", "4けた目を入力しました。「確定」のキーを押してください。")

EXPIRY = QT_TRANSLATE_NOOP("Screen", "有効期限：{year}年{month}月{day}日")

LIMIT_PROVIDED = QT_TRANSLATE_NOOP("Screen", "限度額情報：提供する")
LIMIT_NOT_PROVIDED = QT_TRANSLATE_NOOP("Screen", "限度額情報：提供しない")

DONE_NAMED = QT_TRANSLATE_NOOP("Screen", "{name}様 確認が完了しました。")
DONE_FALLBACK = QT_TRANSLATE_NOOP("Screen", "受付しました。")
DONE_FALLBACK_NAMED = QT_TRANSLATE_NOOP("Screen", "{name}様 受付しました。")
DONE_FALLBACK_NOTE = QT_TRANSLATE_NOOP("Screen", "保険の資格は、あとで職員が確認します。")
DONE_EXPIRING = QT_TRANSLATE_NOOP("Screen", "電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。")
CARD_REMINDER = QT_TRANSLATE_NOOP("Speech", "カードが読み取り機に残っています。カードをお取りください。")

# --- one spec per state ---------------------------------------------------------------------------

FACE = ev.ChooseFace()
PIN = ev.ChoosePin()
# Under the two big choices of CHOOSE_METHOD, in their order.
METHOD_CAPTIONS = (
    QT_TRANSLATE_NOOP("Screen", "カメラにお顔を映します"),
    QT_TRANSLATE_NOOP("Screen", "数字4桁を入力します"),
)

# --- what the view adds to what is said ------------------------------------------------------------


def _face(view: View) -> list[str]:
    said = [translate("Screen", FACE_CHILD_TITLE if view.child_mode else SCREENS[State.FACE].title)]
    guidance = guidance_text(view.guidance, view.child_mode)
    if guidance:
        said.append(guidance)  # what to fix replaces "wait", as on the screen
    elif not view.child_mode:
        said.append(translate("Screen", SCREENS[State.FACE].lines[0]))
    if view.child_mode:
        said.append(translate("Screen", FACE_CHILD_NOTE))
    if view.face_failures > 0:
        said.append(translate("Screen", TRIES_LEFT).format(n=view.max_face_attempts - view.face_failures))
    return said


def _face_failed(view: View) -> list[str]:
    reason = guidance_text(view.guidance, view.child_mode)
    return [reason] if reason else []


def _pin(view: View) -> list[str]:
    said = []
    if view.pin_failures > 0:
        said.append(translate("Screen", PIN_WRONG))
    if view.pin_tries_left is not None:
        said.append(translate("Screen", PIN_TRIES if view.pin_tries_left > 2 else PIN_LAST_TRIES)
                    .format(n=view.pin_tries_left))
    return said


def _cert_expiring(view: View) -> list[str]:
    if view.certificate_expiry is None:
        return []
    d = view.certificate_expiry.date()
    return [translate("Screen", EXPIRY).format(year=d.year, month=d.month, day=d.day)]


def _consent(view: View) -> list[str]:
    if view.limit_answer is None:
        return []
    return [translate("Screen", LIMIT_PROVIDED if view.limit_answer else LIMIT_NOT_PROVIDED)]


def _done(view: View) -> list[str]:
    # No name is ever said: the title's 「…様」 stays on the screen.
    fallback = view.outcome == Outcome.FALLBACK.value
    said = [translate("Screen", DONE_FALLBACK if fallback else SCREENS[State.DONE].title)]
    if fallback:
        said.append(translate("Screen", DONE_FALLBACK_NOTE))
    said.append(translate("Screen", SCREENS[State.DONE].lines[0]))
    if view.certificate == "expiring":
        said.append(translate("Screen", DONE_EXPIRING))
    if view.card_reminder is not None:
        said.append(translate("Speech", CARD_REMINDER))
    return said


def _checking(view: View) -> list[str]:
    return [translate("Screen", CHECK_SLOW)] if view.slow else []


def _ended(view: View) -> list[str]:
    return [translate("Speech", CARD_REMINDER)] if view.card_reminder is not None else []


_SPECS = (
    ScreenSpec(
        State.IDLE,
        title=QT_TRANSLATE_NOOP("Screen", "マイナンバーカードを置いてください"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "顔写真のある面を上にして置いてください。"),
            QT_TRANSLATE_NOOP("Screen", "ケースやビニールから出してください。"),
            QT_TRANSLATE_NOOP("Screen", "診察券ではなく、マイナンバーカードです。"),
        ),
        speech=(
            QT_TRANSLATE_NOOP("Speech", "「もう一度聞く」のキーで、案内をもう一度聞けます。"),
            QT_TRANSLATE_NOOP("Speech", "プラスとマイナスのキーで、文字の大きさ、ゆっくり操作、言語を選べます。"),
            HOW_TO_CALL,
        ),
    ),
    ScreenSpec(
        State.READING,
        title=QT_TRANSLATE_NOOP("Screen", "カードを読み取っています"),
        lines=(QT_TRANSLATE_NOOP("Screen", "カードを動かさずに、お待ちください。"),),
    ),
    ScreenSpec(
        State.NOT_MY_NUMBER,
        pictogram="stop",
        title=QT_TRANSLATE_NOOP("Screen", "このカードはマイナンバーカードではありません"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "診察券やほかのカードは使えません。"),
            QT_TRANSLATE_NOOP("Screen", "カードを取り出して、マイナンバーカードを置いてください。"),
        ),
        caution=QT_TRANSLATE_NOOP("Screen", "マイナンバーカードをお持ちでない方は、受付にお声がけください。"),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.UNREADABLE,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "カードを読み取れませんでした"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "カードを取り出して、もう一度置いてください。"),
            QT_TRANSLATE_NOOP("Screen", "顔写真のある面を上にして、ケースから出して置いてください。"),
        ),
        caution=QT_TRANSLATE_NOOP("Screen", "何度やっても読めないときは、職員がお手伝いします。"),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.CARD_REMOVED,
        pictogram="info",
        title=QT_TRANSLATE_NOOP("Screen", "カードが取り出されました"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "確認は終わっていません。"),
            QT_TRANSLATE_NOOP("Screen", "はじめからやり直すときは、もう一度カードを置いてください。"),
        ),
    ),
    ScreenSpec(
        State.READER_FAULT,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "カードリーダーが使えません"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "いま、自動で直しています。しばらくお待ちください。"),
            QT_TRANSLATE_NOOP("Screen", "お急ぎの方は、受付にお声がけください。"),
        ),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.CERT_EXPIRED,
        pictogram="stop",
        title=QT_TRANSLATE_NOOP("Screen", "カードの電子証明書の有効期限が切れています"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "このカードでは、保険の確認ができません。"),
            QT_TRANSLATE_NOOP("Screen", "電子証明書は、お住まいの市区町村の窓口で更新できます。"),
        ),
        caution=QT_TRANSLATE_NOOP(
            "Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。"),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.CERT_EXPIRING,
        said_after=_cert_expiring,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "電子証明書の有効期限が近づいています"),
        lines=(QT_TRANSLATE_NOOP("Screen", "期限が切れる前に、お住まいの市区町村の窓口で更新してください。"),),
        choices=(Choice(QT_TRANSLATE_NOOP("Screen", "次へ"), "btn_next", "primary", ev.Proceed(),
                        QT_TRANSLATE_NOOP("Speech", "次へ。本人確認に進みます。")),),
        speech=(QT_TRANSLATE_NOOP("Speech", "受付を続けるときは、「確定」のキーを押してください。"),),
    ),
    ScreenSpec(
        State.CHOOSE_METHOD,
        title=QT_TRANSLATE_NOOP("Screen", "本人確認の方法を選んでください"),
        lines=(QT_TRANSLATE_NOOP("Screen", "本人確認の情報は、他の目的には使用しません。"),),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "顔認証"), "btn_face", "primary", FACE,
                   QT_TRANSLATE_NOOP("Speech", "顔認証。カメラにお顔を映して確認します。")),
            Choice(QT_TRANSLATE_NOOP("Screen", "暗証番号"), "btn_pin", "primary", PIN,
                   QT_TRANSLATE_NOOP("Speech", "暗証番号。数字4けたを、キーで入力して確認します。")),
        ),
        speech=(QT_TRANSLATE_NOOP("Speech", "顔認証か、暗証番号を選んでください。"), HOW_TO_CHOOSE),
    ),
    ScreenSpec(
        State.FACE,
        said_instead=_face,
        title=QT_TRANSLATE_NOOP("Screen", "顔を枠内に入れてください"),
        lines=(QT_TRANSLATE_NOOP("Screen", "カメラを見て、そのままお待ちください。"),),
        choices=(
            FACE_CHILD,
            Choice(QT_TRANSLATE_NOOP("Screen", "暗証番号にする"), "btn_pin", "", PIN,
                   QT_TRANSLATE_NOOP("Speech", "暗証番号にする。顔認証をやめて、暗証番号で確認します。")),
        ),
        speech=(QT_TRANSLATE_NOOP("Speech", "暗証番号で確認するときは、「暗証番号にする」を選んでください。"),),
    ),
    ScreenSpec(
        State.FACE_FAILED,
        said_after=_face_failed,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "顔認証ができませんでした"),
        lines=(QT_TRANSLATE_NOOP("Screen", "暗証番号で確認できます。わからないときは、職員がお手伝いします。"),),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "暗証番号で確認"), "btn_pin", "primary", PIN,
                   QT_TRANSLATE_NOOP("Speech", "暗証番号で確認。数字4けたを、キーで入力します。")),
            CALL_STAFF,
        ),
        speech=(HOW_TO_CHOOSE,),
    ),
    ScreenSpec(
        State.PIN,
        said_after=_pin,
        title=QT_TRANSLATE_NOOP("Screen", "暗証番号（数字4桁）を入力してください"),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "確定"), "key_ok", "primary", None,
                   QT_TRANSLATE_NOOP("Speech", "確定。入力した暗証番号で確認します。")),
            Choice(QT_TRANSLATE_NOOP("Screen", "訂正"), "key_back", "", None,
                   QT_TRANSLATE_NOOP("Speech", "訂正。最後の1けたを消します。")),
            Choice(QT_TRANSLATE_NOOP("Screen", "キャンセル"), "key_cancel", "", ev.Cancel(),
                   QT_TRANSLATE_NOOP("Speech", "キャンセル。受付をやめて、はじめにもどります。")),
        ),
        speech=(
            QT_TRANSLATE_NOOP("Speech", "数字のキーで4けたを入力し、「確定」のキーを押してください。"),
            QT_TRANSLATE_NOOP(
                "Speech", "入力した数字は読み上げません。まちがえたときは、「1けた消す」のキーで消せます。"),
        ),
    ),
    ScreenSpec(
        State.PIN_LOW,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "暗証番号は、あと1回まちがえるとロックされます"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "ロックされると、市区町村の窓口で解除が必要になります。"),
            QT_TRANSLATE_NOOP("Screen", "顔認証で確認するか、職員をお呼びください。"),
        ),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "顔認証で確認"), "btn_face", "primary", FACE,
                   QT_TRANSLATE_NOOP("Speech", "顔認証で確認。カメラにお顔を映します。")),
            CALL_STAFF,
        ),
        speech=(HOW_TO_CHOOSE,),
    ),
    ScreenSpec(
        State.PIN_LOCKED,
        pictogram="stop",
        title=QT_TRANSLATE_NOOP("Screen", "暗証番号がロックされています"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "ロックの解除は、お住まいの市区町村の窓口でできます。"),
            QT_TRANSLATE_NOOP("Screen", "今日は、顔認証で確認できます。"),
        ),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "顔認証で確認"), "btn_face", "primary", FACE,
                   QT_TRANSLATE_NOOP("Speech", "顔認証で確認。カメラにお顔を映します。")),
            CALL_STAFF,
        ),
        speech=(HOW_TO_CHOOSE,),
    ),
    ScreenSpec(
        State.CHECKING,
        said_after=_checking,
        title=QT_TRANSLATE_NOOP("Screen", "保険の資格を確認しています"),
        lines=(QT_TRANSLATE_NOOP("Screen", "カードは置いたまま、お待ちください。"),),
        choices=(STOP_WAITING,),  # offered once the terminal is slow (View.slow)
    ),
    ScreenSpec(
        State.PERSON_MISMATCH,
        pictogram="staff",
        title=QT_TRANSLATE_NOOP("Screen", "ここから先は、職員がご案内します"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "もう少し確認が必要です。"),
            QT_TRANSLATE_NOOP("Screen", "カードは置いたまま、職員をお呼びください。"),
        ),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.QUAL_INVALID,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "保険の資格が確認できませんでした"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "保険が変わったとき、保険者の登録がまだ終わっていないことがあります。"),
            QT_TRANSLATE_NOOP("Screen", "職員がお手伝いします。"),
        ),
        caution=QT_TRANSLATE_NOOP("Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。"),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.QUAL_NONE,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "保険の資格の情報が見つかりませんでした"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "保険者の登録がまだ終わっていないことがあります。"),
            QT_TRANSLATE_NOOP("Screen", "職員がお手伝いします。"),
        ),
        caution=QT_TRANSLATE_NOOP("Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。"),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.QUAL_SEVERAL,
        pictogram="staff",
        title=QT_TRANSLATE_NOOP("Screen", "保険の情報が複数見つかりました"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "どの保険を使うか、職員が確認します。"),
            QT_TRANSLATE_NOOP("Screen", "カードは置いたまま、職員をお呼びください。"),
        ),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.TERMINAL_DOWN,
        pictogram="warn",
        title=QT_TRANSLATE_NOOP("Screen", "ただいま、オンラインで資格を確認できません"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "職員が別の方法で確認します。"),
            QT_TRANSLATE_NOOP("Screen", "いつもどおり受付できますので、ご安心ください。"),
        ),
        caution=QT_TRANSLATE_NOOP("Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。"),
        choices=(CALL_STAFF,),
        speech=(HOW_TO_CALL,),
    ),
    ScreenSpec(
        State.DECLARATION,
        context="Declaration",
        title=QT_TRANSLATE_NOOP("Declaration", "申立書の記入：カードの内容をご確認ください"),
        lines=(QT_TRANSLATE_NOOP("Declaration", "ちがうところがあれば、職員をお呼びください。"),),
        choices=(Choice(QT_TRANSLATE_NOOP("Declaration", "まちがいありません"), "btn_facts_ok", "primary", None,
                        QT_TRANSLATE_NOOP("Speech", "まちがいありません。次の質問に進みます。")),),
        # The card's facts are on the screen only: a name or an address is never said aloud.
        speech=(QT_TRANSLATE_NOOP(
            "Speech", "カードのお名前、生年月日、性別、住所が画面に出ています。読み上げはしません。"),
            QT_TRANSLATE_NOOP("Speech", "まちがいなければ、「確定」のキーを押してください。"), HOW_TO_CALL),
    ),
    ScreenSpec(
        State.CONSENT,
        said_after=_consent,
        title=QT_TRANSLATE_NOOP("Screen", "過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。"),
        lines=(QT_TRANSLATE_NOOP("Screen", "同意すると、医師がこれまでの情報を見て、診療に役立てます。"),),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "同意する"), "btn_consent_yes", "primary",
                   ev.AnswerConsent(True, True, True), QT_TRANSLATE_NOOP("Speech", "同意する。")),
            Choice(QT_TRANSLATE_NOOP("Screen", "同意しない"), "btn_consent_no", "",
                   ev.AnswerConsent(False, False, False),
                   QT_TRANSLATE_NOOP("Speech", "同意しない。同意しなくても、受付はできます。")),
            Choice(QT_TRANSLATE_NOOP("Screen", "高額療養費制度を利用する方はこちら"), "btn_limit", "",
                   ev.AskLimitConsent(),
                   QT_TRANSLATE_NOOP("Speech", "高額療養費制度を利用する方はこちら。限度額情報についての質問です。")),
        ),
        speech=(QT_TRANSLATE_NOOP("Speech", "同意する、か、同意しない、を選んでください。"), HOW_TO_CHOOSE),
    ),
    ScreenSpec(
        State.LIMIT_CONSENT,
        pictogram="info",
        title=QT_TRANSLATE_NOOP("Screen", "限度額情報を当機関に提供しますか。"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "提供すると、窓口でのお支払いが自己負担限度額までになります。"),
            QT_TRANSLATE_NOOP("Screen", "限度額適用認定証は不要です。"),
        ),
        choices=(
            Choice(QT_TRANSLATE_NOOP("Screen", "提供する"), "btn_limit_yes", "primary", ev.AnswerLimitConsent(True)),
            Choice(QT_TRANSLATE_NOOP("Screen", "提供しない"), "btn_limit_no", "", ev.AnswerLimitConsent(False)),
        ),
        speech=(QT_TRANSLATE_NOOP("Speech", "提供する、か、提供しない、を選んでください。"), HOW_TO_CHOOSE),
    ),
    ScreenSpec(
        State.DONE,
        said_instead=_done,
        pictogram="ok",
        title=QT_TRANSLATE_NOOP("Screen", "確認が完了しました。"),
        lines=(QT_TRANSLATE_NOOP("Screen", "マイナンバーカードを取り出し、待合室でお待ちください。"),),
    ),
    ScreenSpec(
        State.WAITING_STAFF,
        pictogram="staff",
        title=QT_TRANSLATE_NOOP("Screen", "職員を呼びました"),
        lines=(
            QT_TRANSLATE_NOOP("Screen", "そのままお待ちください。"),
            QT_TRANSLATE_NOOP("Screen", "カードは置いたままにしてください。"),
        ),
        choices=(Choice(QT_TRANSLATE_NOOP("Screen", "もどる"), "btn_resume", "", ev.ResumeFromStaff(),
                        QT_TRANSLATE_NOOP("Speech", "もどる。職員を呼ぶ前の画面にもどります。")),),
    ),
    ScreenSpec(
        State.ENDED,
        said_after=_ended,
        pictogram="info",
        title=QT_TRANSLATE_NOOP("Screen", "終了しました"),
        lines=(QT_TRANSLATE_NOOP("Screen", "マイナンバーカードを取り出してください。"),),
    ),
    ScreenSpec(
        State.CARD_LEFT,
        title=TAKE_CARD,
        lines=(QT_TRANSLATE_NOOP("Screen", "カードがカードリーダーに残っています。"),),
    ),
)

SCREENS: dict[State, ScreenSpec] = {spec.state: spec for spec in _SPECS}


def shown(spec: ScreenSpec, text: str) -> str:
    """One of the spec's own strings, translated in the spec's context."""
    return translate(spec.context, text) if text else ""




def speech_of(state: State, view: View | None = None) -> list[str]:
    """The translated phrases said on entering ``state``'s screen: what it shows, what the view adds
    (only safe facts), then how to go on."""
    spec = SCREENS[state]
    if view is not None and spec.said_instead is not None:
        said = spec.said_instead(view)
    else:
        said = [shown(spec, t) for t in (spec.title, *spec.lines) if t]
    if view is not None and spec.said_after is not None:
        said += spec.said_after(view)
    if spec.caution:
        said.append(shown(spec, spec.caution))
    if view is not None and ev.StartDeclaration.action in view.actions:
        said.append(translate("Speech", DECLARE_OFFERED))
    said += [translate("Speech", t) for t in spec.speech]
    return said


def choice_speech(spec: ScreenSpec, choice: Choice) -> str:
    """What is said when the focus moves onto ``choice``."""
    return translate("Speech", choice.speech) if choice.speech else shown(spec, choice.text)
