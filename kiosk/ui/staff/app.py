"""``kiosk staff``: start the console, pair unknown kiosks, sign in, show the window."""
from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.staff.client import pair
from kiosk.staff.errors import NotPaired, RequestFailed
from kiosk.staff.identity import PairingBook
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.ui.collector import UiThreadCollector
from kiosk.ui.language import install_staff_language
from kiosk.ui.staff.add_kiosk import AddKioskDialog, add_kiosk
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.dialogs import PairDialog, SignInDialog
from kiosk.ui.staff.style import stylesheet
from kiosk.ui.staff.window import ConsoleWindow


def install_language(app: QCoreApplication, lang: str) -> QTranslator | None:
    """The console's words in ``lang``, any language of the kiosk's registry: those with a staff catalog
    (``kiosk.ui.language.staff_codes()``) get it, the others stay Japanese. The translator lives as long
    as ``app``; None when nothing was installed."""
    translator = install_staff_language(lang)
    if translator is not None:
        translator.setParent(app)
    return translator


def wait_for(predicate, timeout_ms: int) -> bool:
    """Let Qt run until ``predicate()`` or the timeout (the console's own start-up waits only)."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if predicate() else None)
    timer.start(50)
    QTimer.singleShot(timeout_ms, loop.quit)
    if not predicate():
        loop.exec()
    timer.stop()
    return predicate()


def pair_interactively(book: PairingBook, address: str) -> bool:
    dialog = PairDialog(address)
    while dialog.exec():
        result = _pair_once(dialog.address.text().strip(), dialog.secret.text())
        if result.get("pairing") is not None:
            book.save(result["pairing"])
            return True
        dialog.fail(result.get("error") or "staff_channel_timeout")
    return False


def sign_in(console: Console, window: ConsoleWindow) -> None:
    """Ask for name and password and sign in to every kiosk that is online and not yet signed in."""
    dialog = SignInDialog(window)
    while dialog.exec():
        links = [link for link in console.links.values() if link.online and not link.signed_in]
        if not links:
            dialog.fail("staff_channel_closed")
            continue
        user = dialog.user.text().strip()
        results = _sign_in_all(links, user, dialog.password.text())
        failures = [refused for refused in results.values() if refused]
        if not failures and len(results) == len(links):
            window.set_user(user)
            for address in results:
                window.on_changed(address)
            return
        dialog.fail(*(failures[0] if failures else ("staff_channel_timeout", "")))


def _add_kiosk(console: Console, book: PairingBook, window: ConsoleWindow) -> None:
    """「受付機を追加」: pair by the kiosk's code, show its tile, and sign in to it if staff are signed in."""
    pairing = add_kiosk(console, book, window)
    if pairing is None:
        return
    window.on_changed(pairing.address)  # its tile, under the name the kiosk was given
    window.select(pairing.address)
    if any(link.signed_in for link in console.links.values()):
        wait_for(lambda: console.links[pairing.address].online, 5000)
        sign_in(console, window)


def _pair_once(address: str, secret: str) -> dict:
    """One pairing attempt off the UI thread; each attempt answers into its own dict, even a late one."""
    result: dict = {}
    call(lambda: pair(address, secret, DEFAULT_PORT),
         lambda pairing, error: result.update(pairing=pairing, error=error, done=True))
    wait_for(lambda: "done" in result, 15000)
    return result


def _sign_in_all(links: list, user: str, password: str) -> dict:
    """Sign in to each link at once; address → None, or (code, detail) when refused."""
    results: dict = {}

    def attempt(link) -> tuple[str, str] | None:
        try:
            link.sign_in(user, password)
        except RequestFailed as exc:
            return exc.code, str(exc) if exc.code == "staff_sign_in_slowed" else ""
        return None

    def answered(link, refused, error) -> None:
        results[link.pairing.address] = refused or ((error, "") if error else None)

    for link in links:
        call(partial(attempt, link), partial(answered, link))
    wait_for(lambda: len(results) == len(links), 20000)
    return results


def run_console(addresses: list[str], pairings: Path, lang: str = "ja", hub_dsn: str | None = None) -> int:
    """``hub_dsn``: the clinic hub (the console's config), for clinic mode (kiosk.ui.staff.clinic_view)."""
    # instance() is typed as a QCoreApplication; the console's is always a QApplication (it shows widgets).
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    install_language(app, lang)
    app.setStyleSheet(stylesheet())
    book = PairingBook(pairings)
    wanted = addresses or [p.address for p in book.all()]
    if not wanted and not hub_dsn:  # a first start: pair by the code a kiosk's staff menu shows (or IT's secret)
        dialog = AddKioskDialog()
        if not dialog.exec() or dialog.pairing is None:
            return 1
        book.save(dialog.pairing)
        wanted = [dialog.pairing.address]
    collector = UiThreadCollector()  # the links' threads never collect while a page is being deleted
    console = Console(DEFAULT_PORT)
    for address in wanted:
        try:
            pairing = book.get(address)
        except NotPaired:
            if not pair_interactively(book, address):
                continue
            pairing = book.all()[-1]
        console.add(pairing)
    if not console.links and not hub_dsn:  # in clinic mode the hub shows every kiosk, paired or not
        collector.stop()
        return 1
    window = ConsoleWindow(console)
    window.resize(1280, 800)
    window.signInRequested.connect(lambda: sign_in(console, window))
    window.addKioskRequested.connect(lambda: _add_kiosk(console, book, window))
    clinic = None
    if hub_dsn:
        from kiosk.ui.staff.clinic_view import attach_clinic  # psycopg only in clinic mode

        clinic = attach_clinic(window, hub_dsn)
    window.show()
    if console.links:
        wait_for(lambda: any(link.online for link in console.links.values()), 5000)
        sign_in(console, window)
    try:
        return app.exec()
    finally:
        if clinic is not None:
            clinic.stop()
        console.stop()
        collector.stop()
