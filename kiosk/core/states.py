"""The reception's states, and what each one promises: its step, its timeout, how it ends.

Kept as data so that the flow, the screens and the tests read the same table.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass


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


@dataclass(frozen=True)
class StatePolicy:
    step: Step
    timeout: float | None  # seconds of inactivity; None: never times out (only IDLE)
    warn_before: float | None  # the "still there?" warning this long before the timeout
    busy: bool = False  # waiting on a device or the terminal: the patient has nothing to do


# Problem screens wait long enough for an elderly patient to read twice and find a button.
_PROBLEM = (90.0, 20.0)

POLICIES: dict[State, StatePolicy] = {
    State.IDLE: StatePolicy(Step.CARD, 300.0, None),  # resets the language after a foreign patient
    State.READING: StatePolicy(Step.CARD, 30.0, None, busy=True),
    State.NOT_MY_NUMBER: StatePolicy(Step.CARD, *_PROBLEM),
    State.UNREADABLE: StatePolicy(Step.CARD, *_PROBLEM),
    State.CARD_REMOVED: StatePolicy(Step.CARD, 20.0, None),
    State.READER_FAULT: StatePolicy(Step.CARD, 300.0, None),
    State.CERT_EXPIRED: StatePolicy(Step.CARD, *_PROBLEM),
    State.CERT_EXPIRING: StatePolicy(Step.CARD, 60.0, 15.0),
    State.CHOOSE_METHOD: StatePolicy(Step.IDENTITY, 60.0, 15.0),
    State.FACE: StatePolicy(Step.IDENTITY, 60.0, 15.0),
    State.FACE_FAILED: StatePolicy(Step.IDENTITY, *_PROBLEM),
    State.PIN: StatePolicy(Step.IDENTITY, 60.0, 15.0),
    State.PIN_LOW: StatePolicy(Step.IDENTITY, *_PROBLEM),
    State.PIN_LOCKED: StatePolicy(Step.IDENTITY, *_PROBLEM),
    State.CHECKING: StatePolicy(Step.IDENTITY, 45.0, None, busy=True),
    State.PERSON_MISMATCH: StatePolicy(Step.IDENTITY, 300.0, None),
    State.QUAL_INVALID: StatePolicy(Step.IDENTITY, *_PROBLEM),
    State.QUAL_NONE: StatePolicy(Step.IDENTITY, *_PROBLEM),
    State.QUAL_SEVERAL: StatePolicy(Step.IDENTITY, 300.0, None),
    State.TERMINAL_DOWN: StatePolicy(Step.IDENTITY, *_PROBLEM),
    # A form of a few pages: long enough for an elderly patient to find the telephone number in a bag.
    State.DECLARATION: StatePolicy(Step.CONSENT, 180.0, 30.0),
    State.CONSENT: StatePolicy(Step.CONSENT, 60.0, 15.0),
    State.LIMIT_CONSENT: StatePolicy(Step.CONSENT, 60.0, 15.0),
    State.DONE: StatePolicy(Step.DONE, 15.0, None),
    State.WAITING_STAFF: StatePolicy(Step.IDENTITY, 600.0, 60.0),
    State.ENDED: StatePolicy(Step.DONE, 15.0, None),
    State.CARD_LEFT: StatePolicy(Step.DONE, 30.0, None),
}

# States in which pulling the card ends the session normally: the patient was asked to take it, or the
# card is no use (not a My Number card, unreadable) and taking it out is the way to try again.
CARD_MAY_LEAVE = frozenset({State.NOT_MY_NUMBER, State.UNREADABLE, State.DONE, State.ENDED, State.CARD_LEFT})

# States in which a patient's session exists and pulling the card interrupts it.
IN_SESSION = frozenset(POLICIES) - CARD_MAY_LEAVE - {State.IDLE, State.CARD_REMOVED, State.READER_FAULT}

# Where the check failed and the 申立書 may be filled in on the kiosk (when the card's 4 facts are known:
# after a PIN, or read with 照合番号B for the face); otherwise staff fill it in at the console.
DECLARABLE = frozenset({State.QUAL_INVALID, State.QUAL_NONE, State.TERMINAL_DOWN, State.CERT_EXPIRED})

# Problem states whose screen offers 「職員を呼ぶ」 as the main way through, and the trouble they count.
PROBLEM_TROUBLE = {
    State.NOT_MY_NUMBER: "T16",
    State.UNREADABLE: "T2",
    State.READER_FAULT: "T2",
    State.CERT_EXPIRED: "T4",
    State.FACE_FAILED: "T14",
    State.PIN_LOW: "T13",
    State.PIN_LOCKED: "T13",
    State.PERSON_MISMATCH: "T9",
    State.QUAL_INVALID: "T3",
    State.QUAL_NONE: "T6",
    State.TERMINAL_DOWN: "T12",
    State.CARD_LEFT: "T15",
}
