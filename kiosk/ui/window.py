"""The kiosk window: renders whatever View the flow emits and sends the patient's events back.

A new screen is built for every state entry (``View.entry``) and when the language changes; within one
entry the screen refreshes in place, so a half-typed PIN survives the "still there?" warning. When the
flow gets ready for the next patient (``View.visit``) the language goes back to Japanese, voice and
large text go back to the site's defaults and any staff layer left open closes. Overlays sit on top of
the screen. A ten-key (kiosk.ui.keypad) drives the screens as touch does, and the voice guide
(kiosk.ui.voice_guide) says each screen as it appears.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QApplication, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.states import SPECS, State
from kiosk.core.view import Verdict, View
from kiosk.core.voice import Utterance, Voice
from kiosk.ui import theme
from kiosk.ui.content import CARD_REMINDER, speech_of
from kiosk.ui.keypad import Command, KeypadFilter, Press
from kiosk.ui.language import DEFAULT, LanguageInfo, Languages, language_info
from kiosk.ui.language_chooser import LanguageChooser
from kiosk.ui.overlays import StaffPanel, StaffPinPad, StaffSignIn, WarningOverlay
from kiosk.ui.pairing_panel import PairingPanel, PairingSource
from kiosk.ui.screens import PAGES
from kiosk.ui.screens.base import Page
from kiosk.ui.sound import Chime
from kiosk.ui.voice_guide import VoiceGuide, spoken
from kiosk.ui.widgets import label

translate = QCoreApplication.translate

TOAST_MS = 5000

UNBOUND = Verdict(False, "not_bound")  # no flow behind the window yet


@dataclass(frozen=True)
class Assistance:
    """What a site turns on for every patient (config ``voice_default``, ``large_text_default``); a patient
    may change either, until the next patient."""

    voice: bool = False
    large_text: bool = False


def _content(view: View) -> View:
    """The view without the warning countdown: what the screen itself shows."""
    return replace(view, warning=False, seconds_left=None)


class KioskWindow(QWidget):
    def __init__(self, staff_sign_in: StaffSignIn, languages: Languages | None = None,
                 send: Callable[[ev.Event], Verdict] | None = None, *, voice: Voice | None = None,
                 assistance: Assistance = Assistance()) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("マイナ保険証 受付")
        self.languages = languages or Languages()
        self._send = send or (lambda event: UNBOUND)
        self._scale = 0.0
        self._chime = Chime()
        self._assistance = assistance
        self._large_text = assistance.large_text
        self._voice = voice
        self.guide = VoiceGuide(voice, self._voice_lang, on=assistance.voice,
                                on_problem=self._voice_status)
        self._chooser: LanguageChooser | None = None
        self.view: View | None = None
        self.page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._staff_sign_in = staff_sign_in
        self._pairing: PairingSource | None = None
        self._build_overlays()
        self.toast = label("", "toast", "toast")
        self.toast.setParent(self)
        self.toast.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toast.hide()
        self._toast_timer = QTimer(self)
        self._toast_timer.setSingleShot(True)
        self._toast_timer.timeout.connect(self.toast.hide)
        self._keypad = KeypadFilter(self._keys_are_ours, self._on_key, self)
        self._prewarm()
        self._restyle()

    # --- the PageHost the screens talk to -------------------------------------------------------

    @property
    def scale(self) -> float:
        return self._scale

    @property
    def language(self) -> str:
        return self.languages.current

    def bind(self, send: Callable[[ev.Event], Verdict]) -> None:
        """Where events go: the flow's dispatch, through the driver."""
        self._send = send

    def send(self, event: ev.Event) -> Verdict:
        before = self.view.entry if self.view is not None else None
        verdict = self._send(event)
        if isinstance(event, ev.CallStaff) and verdict and self.view is not None and self.view.entry == before:
            # The call went out but no new screen says so (idle, done, already waiting): the toast does.
            self.show_toast(translate("Chrome", "職員に知らせました。そのままお待ちください。"))
        return verdict

    @property
    def voice_on(self) -> bool:
        return self.guide.on

    def toggle_voice(self) -> None:
        self.guide.set_on(not self.guide.on)
        self._rebuild()  # the idle screen shows the switch's state, the chrome 「もう一度聞く」
        self._prewarm()  # after the screen: what the patient hears now is made first
        self._send(ev.Touch())

    def repeat_speech(self) -> None:
        # Said afresh: the 申立書's question changes within one screen.
        self.guide.repeat(self.page.speech() if self.page is not None else None)
        self._send(ev.Touch())

    def announce(self, text: str) -> None:
        self.guide.announce(text)

    @property
    def large_text(self) -> bool:
        return self._large_text

    def toggle_large_text(self) -> None:
        self._set_large_text(not self._large_text)
        self._send(ev.Touch())

    def _set_large_text(self, on: bool) -> bool:
        if on == self._large_text:
            return False
        self._large_text = on
        self._scale = 0.0  # restyle at the new size, whatever the window's
        self._restyle()
        return True

    @property
    def unhurried(self) -> bool:
        return self.view is not None and self.view.unhurried

    def toggle_unhurried(self) -> None:
        self.send(ev.SetPace(not self.unhurried))

    def open_language_chooser(self) -> None:
        self._close_chooser()
        self._chooser = LanguageChooser(self, self._choose_language, current=self.language,
                                        on_close=self._close_chooser, on_focus=self._chooser_focus)
        self._chooser.show()
        self._chooser.raise_()
        self._send(ev.Touch())

    def _chooser_focus(self, info: LanguageInfo | None) -> None:
        """Each language is said in its own voice, by its own name: the patient hears their language."""
        if info is None:
            self.guide.focus(translate("LanguageChooser", "閉じる"))
        else:
            self.guide.focus(info.native_name, lang=info.voice_lang)

    def _choose_language(self, code: str) -> None:
        self._close_chooser()
        self.set_language(code)
        self._send(ev.Touch())

    def _close_chooser(self) -> None:
        if self._chooser is not None:
            self._chooser.hide()
            self._chooser.setParent(None)
            self._chooser.deleteLater()
            self._chooser = None

    def set_language(self, lang: str) -> None:
        if lang == self.language:
            return
        self._apply_language(lang)
        if self.view is not None:
            self._new_page(self.view)
            self._show_warning(self.view)

    def _voice_status(self, problem: str) -> None:
        # Found while a View is being shown: told to the flow after that, never from inside its listener.
        QTimer.singleShot(0, lambda: self._send(ev.VoiceStatus(problem)))

    def _voice_lang(self) -> str:
        return language_info(self.language).voice_lang

    def _prewarm(self) -> None:
        """While the voice is on: the speech of every screen of a reception without trouble, in the current
        language, rendered ahead on the voice's worker; such a screen is then said within a few
        milliseconds of appearing rather than after its first sentence is made. A trouble's screen (rare)
        is made when it appears, and kept. With the voice off nothing is made: the engines and the cache
        (about 40 MB for every screen in Japanese) stay empty until something is said."""
        prewarm = getattr(self._voice, "prewarm", None)
        if prewarm is not None and self.guide.on:
            lang = self._voice_lang()
            prewarm([Utterance(spoken(" ".join(speech_of(state)), lang), lang, "screen")
                     for state in State if SPECS[state].trouble is None])

    def _apply_language(self, lang: str) -> None:
        self.languages.apply(lang)
        self._prewarm()
        if self._scale:  # the language's own fonts; the caller builds the screen anew
            self.setStyleSheet(theme.stylesheet(self._scale, lang))
        for overlay in self._overlays():  # overlays hold translated words too: rebuild them
            overlay.hide()
            overlay.setParent(None)
            overlay.deleteLater()
        self._build_overlays()

    def _build_overlays(self) -> None:
        self.warning = WarningOverlay(self, self.send)
        self.staff_pin = StaffPinPad(self, self._staff_sign_in)
        self.staff_panel = StaffPanel(self, self.send)
        self.pairing_panel = PairingPanel(self)
        if self._pairing is not None:
            self.staff_panel.on_pair = self._open_pairing
        self.staff_pin.signed_in.connect(self._open_staff_panel)

    def _overlays(self):
        return (self.warning, self.staff_pin, self.staff_panel, self.pairing_panel)

    def set_pairing(self, source: PairingSource | None) -> None:
        """The staff channel behind the staff menu's 「職員端末をつなぐ」 (None: no channel, no button)."""
        self._pairing = source
        self.staff_panel.on_pair = self._open_pairing if source is not None else None

    def _open_pairing(self, staff: str) -> None:
        if self._pairing is not None:
            self.pairing_panel.open(staff, self._pairing)

    def open_staff_entry(self) -> None:
        self.staff_pin.open()

    def play_chime(self, level: int = 0) -> None:
        self._chime.play(level)

    # --- the ten-key ----------------------------------------------------------------------------

    # The ten-key watches the application's keys (a scroll area or a button may hold the focus), but only
    # while this window is shown: every event of the application passes through the filter.
    def showEvent(self, event) -> None:
        super().showEvent(event)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._keypad)

    def hideEvent(self, event) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._keypad)
        super().hideEvent(event)

    def _keys_are_ours(self, target: QObject) -> bool:
        """Keys typed at the patient's screen; a staff layer or the language list keeps its own."""
        if any(layer.isVisible() for layer in (self.staff_pin, self.staff_panel, self.pairing_panel)) \
                or self._chooser is not None:
            return False
        return isinstance(target, QWidget) and (target is self or self.isAncestorOf(target))

    def _on_key(self, press: Press) -> bool:
        page = self.page
        if page is None:
            return False
        if not self.guide.on:  # any key brings the voice: a patient who cannot see the screen starts here
            self.toggle_voice()
            return True
        if self.warning.isVisible():  # the patient is there: that is all the warning asks
            self.send(ev.Touch())
            return True
        command = press.command
        if command is Command.DIGIT:
            page.key_digit(press.digit)
        elif command is Command.ERASE:
            page.key_erase()
        elif command is Command.CONFIRM:
            chosen = self._key_focus(page) or page.default_choice()
            if chosen is not None and chosen.isEnabled() and chosen.isVisible():
                chosen.click()
        elif command in (Command.NEXT, Command.PREVIOUS):
            self._move_focus(page, 1 if command is Command.NEXT else -1)
        elif command is Command.REPEAT:
            self.repeat_speech()
        elif command is Command.CALL_STAFF:
            self.send(ev.CallStaff())
        return True

    def _key_focus(self, page: Page) -> QAbstractButton | None:
        return next((b for b in page.choices() if b.property("keyfocus")), None)

    def _move_focus(self, page: Page, step: int) -> None:
        choices = page.choices()
        if not choices:
            return
        current = self._key_focus(page)
        index = (choices.index(current) + step) % len(choices) if current in choices else (0 if step > 0 else -1)
        for b in choices:
            self._mark(b, False)
        chosen = choices[index]
        self._mark(chosen, True)
        chosen.setFocus(Qt.FocusReason.TabFocusReason)
        page.reveal(chosen)  # with large text the body scrolls: the chosen button comes into sight
        self.guide.focus(page.choice_speech(chosen))

    @staticmethod
    def _mark(b: QAbstractButton, on: bool) -> None:
        """The ten-key's ring, a property rather than Qt's focus: a touch gives focus too, and must not ring."""
        if bool(b.property("keyfocus")) != on:
            b.setProperty("keyfocus", on)
            b.style().unpolish(b)
            b.style().polish(b)

    # --- rendering ------------------------------------------------------------------------------

    def show_view(self, view: View) -> None:
        previous, self.view = self.view, view
        relanguaged = False
        if previous is not None and previous.visit != view.visit:
            relanguaged = self._next_patient()
        if self.page is None or previous is None or previous.entry != view.entry or relanguaged:
            self._new_page(view)
        elif _content(previous) != _content(view):
            self.page.update_view(view)
            if (view.card_reminder or 0) > (previous.card_reminder or 0):  # still in the reader: louder, said again
                self.guide.alarm(translate("Speech", CARD_REMINDER))
        self._show_warning(view)
        if self.staff_panel.isVisible():
            self.staff_panel.update_view(view)

    def _next_patient(self) -> bool:
        """The kiosk is ready for someone else: nothing of the last patient's language, voice, text size
        or of a staff member's layer stays. True when the screen must be built anew."""
        self.staff_pin.close_pad()
        self.staff_panel.hide()
        self.pairing_panel.hide()  # its code with it
        self._close_chooser()
        self.guide.set_on(self._assistance.voice)
        rebuilt = self._set_large_text(self._assistance.large_text)
        if self.language == DEFAULT:
            return rebuilt
        self._apply_language(DEFAULT)
        return True

    def _rebuild(self) -> None:
        if self.view is not None:
            self._new_page(self.view)

    def _new_page(self, view: View) -> None:
        if self.page is not None:
            self._layout.removeWidget(self.page)
            self.page.hide()
            self.page.setParent(None)  # gone from findChild at once; deleted once its click handler returns
            self.page.deleteLater()
        self.page = PAGES[view.state](view, self)
        self._layout.addWidget(self.page)
        self.page.show()  # at once, not on the next event-loop turn: a fast finger meets the new screen
        self.guide.screen(self.page.speech())  # with the card still in, the speech asks for it
        self.guide.check()  # even while silent: staff learn of a voice that cannot speak before a patient needs it
        if view.card_reminder is not None and not self.guide.on:  # asked aloud of everyone, as an ATM does
            self.guide.alarm(translate("Speech", CARD_REMINDER))
        for overlay in self._overlays():
            if overlay.isVisible():
                overlay.raise_()
        if self._chooser is not None:
            self._chooser.raise_()

    def _show_warning(self, view: View) -> None:
        if view.warning:
            self.warning.update_view(view)
            if not self.warning.isVisible():
                self.warning.show_over()
        else:
            self.warning.hide()

    def _open_staff_panel(self, staff: str) -> None:
        if self.view is not None:
            self.staff_panel.open(staff, self.view)

    def set_preview(self, image: QImage) -> None:
        """A camera frame for the face screen; dropped on any other screen."""
        setter = getattr(self.page, "set_preview", None)
        if setter is not None:
            setter(image)

    def show_toast(self, text: str) -> None:
        self.toast.setText(text)
        self.toast.adjustSize()
        width = min(self.width() - 80, max(self.toast.sizeHint().width(), 600))
        self.toast.setFixedWidth(width)
        self.toast.adjustSize()
        self.toast.move((self.width() - width) // 2, self.height() - self.toast.height() - 170)
        self.toast.raise_()
        self.toast.show()
        self._toast_timer.start(TOAST_MS)

    # --- size -----------------------------------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._restyle()
        for overlay in self._overlays():
            if overlay.isVisible():
                overlay.setGeometry(self.rect())

    def _restyle(self) -> None:
        scale = theme.scale_for(self.width(), self.height()) * (theme.LARGE_TEXT if self._large_text else 1.0)
        if scale != self._scale:
            self._scale = scale
            self.setStyleSheet(theme.stylesheet(scale, self.language))
            if self.view is not None:  # painted sizes are fixed when a screen is built
                self._new_page(self.view)
