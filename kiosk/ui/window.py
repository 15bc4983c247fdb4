"""The kiosk window: renders whatever View the flow emits and sends the patient's events back.

A new screen is built for every state entry (``View.entry``) and when the language changes; within one
entry the screen refreshes in place, so a half-typed PIN survives the "still there?" warning. When the
flow gets ready for the next patient (``View.visit``) the language goes back to Japanese and any staff
layer left open closes. Overlays sit on top of the screen.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.view import Verdict, View
from kiosk.ui import theme
from kiosk.ui.language import DEFAULT, Languages
from kiosk.ui.overlays import StaffPanel, StaffPinPad, StaffSignIn, WarningOverlay
from kiosk.ui.screens import PAGES
from kiosk.ui.screens.base import Page
from kiosk.ui.sound import Chime
from kiosk.ui.widgets import label

translate = QCoreApplication.translate

TOAST_MS = 5000

UNBOUND = Verdict(False, "not_bound")  # no flow behind the window yet


def _content(view: View) -> View:
    """The view without the warning countdown: what the screen itself shows."""
    return replace(view, warning=False, seconds_left=None)


class KioskWindow(QWidget):
    def __init__(self, staff_sign_in: StaffSignIn, languages: Languages | None = None,
                 send: Callable[[ev.Event], Verdict] | None = None) -> None:
        super().__init__()
        self.setObjectName("kiosk")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle("マイナ保険証 受付")
        self.languages = languages or Languages()
        self._send = send or (lambda event: UNBOUND)
        self._scale = 0.0
        self._chime = Chime()
        self.view: View | None = None
        self.page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._staff_sign_in = staff_sign_in
        self._build_overlays()
        self.toast = label("", "toast", "toast")
        self.toast.setParent(self)
        self.toast.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toast.hide()
        self._toast_timer = QTimer(self)
        self._toast_timer.setSingleShot(True)
        self._toast_timer.timeout.connect(self.toast.hide)
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

    def toggle_language(self) -> None:
        self.set_language("en" if self.language == DEFAULT else DEFAULT)
        self._send(ev.Touch())

    def set_language(self, lang: str) -> None:
        if lang == self.language:
            return
        self._apply_language(lang)
        if self.view is not None:
            self._new_page(self.view)
            self._show_warning(self.view)

    def _apply_language(self, lang: str) -> None:
        self.languages.apply(lang)
        for overlay in self._overlays():  # overlays hold translated words too: rebuild them
            overlay.hide()
            overlay.setParent(None)
            overlay.deleteLater()
        self._build_overlays()

    def _build_overlays(self) -> None:
        self.warning = WarningOverlay(self, self.send)
        self.staff_pin = StaffPinPad(self, self._staff_sign_in)
        self.staff_panel = StaffPanel(self, self.send)
        self.staff_pin.signed_in.connect(self._open_staff_panel)

    def _overlays(self):
        return (self.warning, self.staff_pin, self.staff_panel)

    def open_staff_entry(self) -> None:
        self.staff_pin.open()

    def play_chime(self) -> None:
        self._chime.play()

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
        self._show_warning(view)
        if self.staff_panel.isVisible():
            self.staff_panel.update_view(view)

    def _next_patient(self) -> bool:
        """The kiosk is ready for someone else: nothing of the last patient's language or of a staff
        member's layer stays. True when the language changed."""
        self.staff_pin.close_pad()
        self.staff_panel.hide()
        if self.language == DEFAULT:
            return False
        self._apply_language(DEFAULT)
        return True

    def _new_page(self, view: View) -> None:
        if self.page is not None:
            self._layout.removeWidget(self.page)
            self.page.hide()
            self.page.setParent(None)  # gone from findChild at once; deleted once its click handler returns
            self.page.deleteLater()
        self.page = PAGES[view.state](view, self)
        self._layout.addWidget(self.page)
        self.page.show()  # at once, not on the next event-loop turn: a fast finger meets the new screen
        for overlay in self._overlays():
            if overlay.isVisible():
                overlay.raise_()

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
        scale = theme.scale_for(self.width(), self.height())
        if scale != self._scale:
            self._scale = scale
            self.setStyleSheet(theme.stylesheet(scale))
            if self.view is not None:  # painted sizes are fixed when a screen is built
                self._new_page(self.view)
