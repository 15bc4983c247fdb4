"""One screen class per State; the window looks the current state up here."""
from __future__ import annotations

from kiosk.core.states import State
from kiosk.ui.screens.base import Page
from kiosk.ui.screens.card import (
    CardRemovedPage,
    CertExpiredPage,
    CertExpiringPage,
    IdlePage,
    NotMyNumberPage,
    ReaderFaultPage,
    ReadingPage,
    UnreadablePage,
)
from kiosk.ui.screens.check import PersonMismatchPage, QualInvalidPage, QualNonePage, QualSeveralPage, TerminalDownPage
from kiosk.ui.screens.declaration import DeclarationPage
from kiosk.ui.screens.finish import CardLeftPage, ConsentPage, DonePage, EndedPage, LimitConsentPage, WaitingStaffPage
from kiosk.ui.screens.identity import (
    CheckingPage,
    ChooseMethodPage,
    FaceFailedPage,
    FacePage,
    PinLockedPage,
    PinLowPage,
    PinPage,
)

PAGES: dict[State, type[Page]] = {
    page.state: page
    for page in (
        IdlePage, ReadingPage, NotMyNumberPage, UnreadablePage, CardRemovedPage, ReaderFaultPage, CertExpiredPage,
        CertExpiringPage, ChooseMethodPage, FacePage, FaceFailedPage, PinPage, PinLowPage, PinLockedPage,
        CheckingPage, PersonMismatchPage, QualInvalidPage, QualNonePage, QualSeveralPage, TerminalDownPage,
        DeclarationPage, ConsentPage, LimitConsentPage, DonePage, WaitingStaffPage, EndedPage, CardLeftPage,
    )
}
