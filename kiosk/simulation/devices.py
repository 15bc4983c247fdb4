"""In-memory devices built from the same names the embedded demo devices use.

A scripted patient names a card profile (``kiosk.card.virtual.profiles``: ``valid``, ``pin-low``,
``expired`` …), a terminal answer (the simulator's scenarios: ``valid``, ``invalid``, ``no_answer`` …) and
what the camera shows (``match``, ``nobody``, ``other_person``). On ``--devices embedded`` those names
start the virtual card, the simulator process and the replay camera; here they become the fakes below,
so a script plays the same on both.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kiosk.card.virtual.profiles import PROFILES, profile
from kiosk.core.domain import CardFacts, CardKind
from kiosk.core.errors import (
    CardRemoved,
    HolderProofFailed,
    MalformedResult,
    QualificationError,
    TerminalUnavailable,
    UnexpectedResponse,
)
from kiosk.core.values import FaceAttempt
from kiosk.simulation.fakes import (
    FakeCard,
    FakeCardFaceReader,
    FakeCardReader,
    FakeFaceAuthenticator,
    FakeQualificationChecker,
)

CAMERAS = ("match", "nobody", "other_person")

_ATTEMPTS = {
    "match": FaceAttempt(matched=True, distance=0.38),
    "nobody": FaceAttempt(matched=False, distance=None, guidance=("no_face",)),
    "other_person": FaceAttempt(matched=False, distance=0.81),
}


class UnknownDevice(ValueError):
    code = "script_invalid"


def card_profiles() -> list[str]:
    return list(PROFILES)


def terminal_answers() -> list[str]:
    from kiosk.qualification.scenario import scenario_names

    return scenario_names()


def fake_card(name: str, now: datetime) -> FakeCard:
    """The virtual card profile ``name`` as the fake reader plays it (certificate expiry from ``now``)."""
    try:
        p = profile(name)
    except ValueError as exc:
        raise UnknownDevice(str(exc)) from None
    failure: Exception | None = None
    if p.garbage:
        failure = UnexpectedResponse("READ BINARY answered garbage")
    elif p.pull_after_reads is not None:
        failure = CardRemoved("the card left the reader while its certificate was read")
    card = FakeCard(
        kind=CardKind.MY_NUMBER if p.my_number_card else CardKind.OTHER,
        certificate_expires=timedelta(days=p.cert_days_left),
        pin=p.pin,
        tries_left=p.pin_tries,
        assist_pin_same=p.assist_pin == p.pin,
        facts=CardFacts(p.holder_name, p.address, p.birth_date, p.sex),
        code_b=p.code_b,
        fail_with=failure,
    )
    if not p.holder_key_matches:
        card.proof_error = HolderProofFailed("the card's signature does not verify against its certificate")
    return card


def fake_checker(name: str) -> FakeQualificationChecker:
    """The terminal simulator's scenario ``name`` as an in-memory checker: the same result, or the error
    the gateway raises for that kind of answer."""
    from kiosk.qualification.scenario import ScenarioError, load_scenario

    try:
        scenario = load_scenario(name)
    except ScenarioError as exc:
        raise UnknownDevice(str(exc)) from None
    errors: dict[str, Exception] = {
        "none": TerminalUnavailable("no answer from the terminal"),
        "err": QualificationError("the terminal rejected the request"),
        "abnormal": QualificationError(f"check ended abnormally: {scenario.error_code}"),
        "malformed": MalformedResult("the answer is not a result file"),
    }
    return FakeQualificationChecker(scenario.result, errors.get(scenario.answer))


def face_attempt(camera: str) -> FaceAttempt:
    if camera not in _ATTEMPTS:
        raise UnknownDevice(f"camera {camera!r}: one of {', '.join(CAMERAS)}")
    return _ATTEMPTS[camera]


@dataclass
class FakeParts:
    """The fakes of one scripted run, switchable mid-script as the embedded devices are."""

    card: FakeCardReader
    card_face: FakeCardFaceReader
    face: FakeFaceAuthenticator
    checker: FakeQualificationChecker
    cards: list[str] = field(default_factory=list)  # every profile placed, for the report

    def place(self, name: str, now: datetime) -> None:
        self.card.card = fake_card(name, now)
        self.card_face.code_b = self.card.card.code_b if self.card_face.code_b is not None else None
        self.cards.append(name)

    def answer(self, name: str) -> None:
        fresh = fake_checker(name)
        self.checker.result, self.checker.error = fresh.result, fresh.error

    def show(self, camera: str) -> None:
        self.face.attempts = [face_attempt(camera)]
        self.face.calls = 0


def fake_parts(patient: str, terminal: str, camera: str, now: datetime, face_attempt_s: float = 0.0,
               card_face_readable: bool = True) -> FakeParts:
    card = fake_card(patient, now)
    parts = FakeParts(
        card=FakeCardReader(card),
        card_face=FakeCardFaceReader(card.code_b if card_face_readable else None),
        face=FakeFaceAuthenticator([face_attempt(camera)], seconds=face_attempt_s),
        checker=fake_checker(terminal),
        cards=[patient],
    )
    return parts
