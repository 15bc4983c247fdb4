"""The staff channel's messages, defined once for both ends: what a console may ask a kiosk, how its
arguments become the flow's staff commands and core values, and how the answers travel.

Kiosk → console: ``hello`` and ``welcome`` (pairing), ``view`` (the flow's View, see :func:`view_message`),
``follow_ups``, ``heartbeat``, ``reply``, ``error``, ``signed_out``. Console → kiosk: ``auth``, ``ping``,
``request`` (``id``, ``name``, ``args``), answered by exactly one ``reply`` with the same ``id``: ``ok``
true with ``data``, or false with a ``code`` (the flow's refusal reason, or a channel code).

Values travel through :mod:`kiosk.core.codec`, so the kiosk and the console read the same dataclasses:
a console asks with an :class:`InsuranceCardQuery` or a :class:`Declaration` and reads back a
:class:`ChipPhoto`, :class:`CheckReply`, :class:`FallbackReply` or :class:`SessionRecords`. Bytes (the
chip photo, a camera still) travel as base64 and exist only in the message being sent.
"""
from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from kiosk.core import events as ev
from kiosk.core.codec import from_json, to_json
from kiosk.core.domain import CardFacts
from kiosk.core.fallback import Declaration
from kiosk.core.values import InsuranceCardQuery
from kiosk.core.view import CheckReply, ChipPhoto, FallbackReply, SessionRecords, View
from kiosk.staff.doctor_request import report_of
from kiosk.staff.errors import ProtocolError, RequestFailed
from kiosk.staff.follow_ups import FollowUps
from kiosk.staff.report import ReceptionRow

DEFAULT_PORT = 47810
MAX_DAYS = 92  # receptions listed at a time: a quarter, what a clinic's monthly review looks back on

Args = dict[str, Any]


# --- checking arguments ----------------------------------------------------------------------------


def bad(detail: str) -> RequestFailed:
    return RequestFailed("bad_request", detail)


def text(args: Args, key: str, limit: int = 128, required: bool = True) -> str:
    value = args.get(key, "")
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise bad(f"{key}: expected text of at most {limit} characters")
    return value.strip()


def digits(args: Args, key: str, lengths: tuple[int, ...], required: bool = True) -> str:
    value = text(args, key, 32, required)
    if value and (not value.isascii() or not value.isdigit() or len(value) not in lengths):
        raise bad(f"{key}: expected {'/'.join(map(str, lengths))} digits")
    return value


def day(args: Args, key: str) -> date:
    try:
        return date.fromisoformat(text(args, key, 10))
    except ValueError as exc:
        raise bad(f"{key}: expected YYYY-MM-DD") from exc


def number(args: Args, key: str) -> int:
    value = args.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise bad(f"{key} must be a number")
    return value


def _value(kind: type, value: Any, key: str) -> Any:
    if not isinstance(value, dict):
        raise bad(f"{key} missing")
    try:
        return from_json(kind, value, strict=True, where=key)
    except (TypeError, ValueError, KeyError) as exc:
        raise bad(str(exc)) from exc


def _lengths(where: str, limits: dict[str, tuple[str, int]]) -> None:
    for key, (value, limit) in limits.items():
        if len(value) > limit:
            raise bad(f"{where}.{key}: at most {limit} characters")


INSURER_DIGITS = (8, 6)  # 8 digits; a 国民健康保険 insurer has 6
BRANCH_DIGITS = 2  # 枝番, when the card has one
CARD_FIELD_MAX = 38  # 記号, 番号


@dataclass(frozen=True)
class CardNumbers:
    """What a 保険証 / 資格確認書 says, as staff read it off: the insurer and the insured person's numbers.
    The rules are the kiosk's and the console's both: :meth:`problems` names what is wrong with them."""

    insurer_number: str
    card_symbol: str
    card_number: str
    branch_number: str

    def problems(self) -> tuple[str, ...]:
        """Codes the console puts in words: empty when the numbers can be sent."""
        found = []
        insurer = self.insurer_number
        if not insurer:
            found.append("insurer_number_missing")
        elif not (insurer.isascii() and insurer.isdigit()):
            found.append("insurer_number_not_digits")
        elif len(insurer) not in INSURER_DIGITS:
            found.append("insurer_number_length")
        if len(self.card_symbol) > CARD_FIELD_MAX:
            found.append("card_symbol_too_long")
        if not self.card_number.strip():
            found.append("card_number_missing")
        elif len(self.card_number) > CARD_FIELD_MAX:
            found.append("card_number_too_long")
        branch = self.branch_number
        if branch and not (branch.isascii() and branch.isdigit() and len(branch) == BRANCH_DIGITS):
            found.append("branch_number_format")
        return tuple(found)

    def query(self, birth_date: date) -> InsuranceCardQuery:
        return InsuranceCardQuery(self.insurer_number, self.card_symbol, self.card_number, self.branch_number,
                                  birth_date)


def _checked(numbers: CardNumbers, where: str) -> CardNumbers:
    problems = numbers.problems()
    if problems:
        raise bad(f"{where}: {', '.join(problems)}")
    return numbers


def query_of(value: Any) -> InsuranceCardQuery:
    """A check by 保険証 / 資格確認書 data as staff typed it."""
    query = _value(InsuranceCardQuery, value, "query")
    if not isinstance(query.birth_date, date):  # the codec lets a null through where a value is required
        raise bad("query.birth_date: required")
    _checked(CardNumbers(query.insurer_number, query.card_symbol, query.card_number, query.branch_number), "query")
    return query


def recheck_numbers_of(args: Args) -> tuple[int, CardNumbers]:
    """The re-check a ``recheck_numbers`` request is about, and the numbers staff entered for it."""
    fields = {key: text(args, key, CARD_FIELD_MAX, required=False)
              for key in ("insurer_number", "card_symbol", "card_number", "branch_number")}
    return number(args, "id"), _checked(CardNumbers(**fields), "numbers")


def declaration_of(value: Any) -> Declaration:
    """A 被保険者資格申立書 as staff filled it in (the flow dates it and adds the kana the terminal sent)."""
    declaration = _value(Declaration, value, "declaration")
    if not isinstance(declaration.facts, CardFacts) or not isinstance(declaration.declared_on, date):
        raise bad("declaration: the card's facts and the date are required")
    if not declaration.facts.name.strip():
        raise bad("declaration.facts.name: required")
    if declaration.burden_percent not in (None, 10, 20, 30):
        raise bad("declaration.burden_percent must be 10, 20 or 30")
    if len(declaration.other_addresses) > 3:
        raise bad("declaration.other_addresses: at most 3")
    _lengths("declaration", {
        "name": (declaration.facts.name, 64), "address": (declaration.facts.address, 200),
        "name_kana": (declaration.name_kana, 64), "contact": (declaration.contact, 64),
        "insurer_name": (declaration.insurer_name, 64), "employer": (declaration.employer, 64),
        **{f"other_addresses[{i}]": (a, 200) for i, a in enumerate(declaration.other_addresses)},
    })
    return declaration


def _visual(args: Args) -> tuple[type[ev.StaffEvent], Args]:
    confirmed = args.get("confirmed")
    if not isinstance(confirmed, bool):
        raise bad("confirmed must be true or false")
    return (ev.StaffVisualOk if confirmed else ev.StaffVisualReject), {}


def _fallback(args: Args) -> tuple[type[ev.StaffEvent], Args]:
    choice = text(args, "choice", 16)
    given = args.get("declaration")
    return ev.StaffCompleteFallback, {"choice": choice,
                                      "declaration": None if given is None else declaration_of(given)}


def _plain(kind: type[ev.StaffEvent]) -> Callable[[Args], tuple[type[ev.StaffEvent], Args]]:
    return lambda args: (kind, {})


# --- decoding answers -----------------------------------------------------------------------------


def _b64(data: Any, key: str) -> bytes:
    try:
        return base64.b64decode(data[key], validate=True)
    except (TypeError, KeyError, binascii.Error) as exc:
        raise ProtocolError(f"{key}: not base64") from exc


def _reading(kind: type) -> Callable[[Any], Any]:
    def read(data: Any) -> Any:
        try:
            return from_json(kind, data)
        except (TypeError, ValueError, KeyError) as exc:
            raise ProtocolError(f"not a {kind.__name__}: {exc}") from exc

    return read


def _chip_photo(data: Any) -> ChipPhoto:
    return ChipPhoto(_reading(CardFacts)(data.get("facts") if isinstance(data, dict) else None), _b64(data, "photo"))


def _rows(data: Any) -> list[ReceptionRow]:
    read = _reading(ReceptionRow)
    return [read(row) for row in (data or {}).get("rows", ())]


def _as_is(data: Any) -> Any:
    return data


# --- the requests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    # A command of the flow: its staff event and the event's fields, from the request's arguments.
    command: Callable[[Args], tuple[type[ev.StaffEvent], Args]] | None = None
    signed_in: bool = True  # only for a signed-in member of staff
    later: bool = False  # the flow answers once the work is done (the event's ``reply``), not with its verdict
    read: Callable[[Any], Any] = _as_is  # the reply's data as the console reads it
    # Names the reception it is about, so it can never land on the next patient. A call from the idle
    # screen has no reception to name.
    session: bool = True


REQUESTS: dict[str, Request] = {
    "sign_in": Request(signed_in=False),  # user, password → user, role, token
    "resume": Request(signed_in=False),  # token: signing in again after a reconnect
    "sign_out": Request(),
    "takeover": Request(_plain(ev.StaffTakeover)),
    "visual_check": Request(_visual),  # confirmed: true → 目視 OK, false → not confirmed
    "choose_record": Request(lambda a: (ev.StaffChooseRecord, {"index": number(a, "index")})),
    "correct_name": Request(lambda a: (ev.StaffCorrectName, {"name": text(a, "name", 64)})),
    "resume_session": Request(_plain(ev.StaffResume)),
    "end_session": Request(_plain(ev.StaffEnd)),
    "acknowledge": Request(lambda a: (ev.StaffAcknowledge, {"what": text(a, "what", 32)})),
    "answer_call": Request(_plain(ev.StaffAnswerCall), session=False),
    "session_records": Request(_plain(ev.StaffRecords), later=True, read=_reading(SessionRecords)),
    "complete_fallback": Request(_fallback, later=True, read=_reading(FallbackReply)),
    "chip_photo": Request(lambda a: (ev.StaffChipPhoto, {"code_b": digits(a, "code_b", (14,), required=False)}),
                          later=True, read=_chip_photo),
    "camera_still": Request(_plain(ev.StaffCameraStill), later=True, read=lambda data: _b64(data, "jpeg")),
    "insurance_check": Request(lambda a: (ev.StaffInsuranceCheck, {"query": query_of(a.get("query"))}),
                               later=True, read=_reading(CheckReply)),
    "receptions": Request(read=_rows),  # since, until, personal
    "dismiss_interrupted": Request(),  # session_id
    "acknowledge_recheck": Request(),  # id
    "recheck_numbers": Request(),  # id, insurer_number, card_symbol, card_number, branch_number
    "doctor": Request(read=report_of),  # 「点検」: kiosk doctor's findings as keys (kiosk/staff/doctor_request.py)
}


def command(name: str, args: Args, staff: str, reply: ev.Reply | None) -> ev.StaffEvent:
    """The flow command a request asks for, its arguments checked; ``reply`` only for work that answers later."""
    spec = REQUESTS[name]
    assert spec.command is not None, f"{name} is not a flow command"
    session_id = text(args, "session_id", 64, required=spec.session)
    kind, fields = spec.command(args)
    return kind(staff, session_id=session_id, reply=reply if spec.later else None, **fields)


def receptions_span(args: Args) -> tuple[date, date, bool]:
    """(since, until, personal) of a ``receptions`` request: at most MAX_DAYS days."""
    since, until = day(args, "since"), day(args, "until")
    if not 0 <= (until - since).days <= MAX_DAYS:
        raise bad(f"since..until: 1 to {MAX_DAYS + 1} days")
    return since, until, args.get("personal") is True


def query_args(query: InsuranceCardQuery) -> Args:
    return {"query": to_json(query)}


def recheck_numbers_args(item_id: int, numbers: CardNumbers) -> Args:
    return {"id": item_id, **to_json(numbers)}


def fallback_args(choice: str, declaration: Declaration | None) -> Args:
    """``last_visit`` (nothing changed, confirmed orally) or ``declaration`` (staff's 申立書, or without one
    the patient's own from the kiosk's form)."""
    return {"choice": choice, **({"declaration": to_json(declaration)} if declaration is not None else {})}


# --- what the kiosk sends -------------------------------------------------------------------------


def reply_data(value: Any) -> Any:
    """A flow command's answer as plain JSON (``{"state": …}`` for immediate ones is already plain)."""
    if isinstance(value, ChipPhoto):
        return {"facts": to_json(value.facts), "photo": base64.b64encode(value.photo).decode("ascii")}
    if isinstance(value, bytes):
        return {"jpeg": base64.b64encode(value).decode("ascii")}
    return to_json(value)


def view_message(kiosk: str, view: View) -> dict[str, Any]:
    """``kiosk`` is the configured name, or "" (the console then names it by pairing order)."""
    return {"type": "view", "kiosk": kiosk, "view": to_json(view)}


T = TypeVar("T")


def _decoded(kind: type[T], value: Any, what: str) -> T:
    """A value the peer sent, read with the one codec; anything else is the peer's protocol error."""
    try:
        return from_json(kind, value or {})
    except (TypeError, ValueError, KeyError) as exc:
        raise ProtocolError(f"not {what}: {exc}") from exc


def view_of(message: dict[str, Any]) -> View:
    return _decoded(View, message.get("view"), "a view")


def follow_ups_message(kiosk: str, follow_ups: FollowUps) -> dict[str, Any]:
    return {"type": "follow_ups", "kiosk": kiosk, "follow_ups": to_json(follow_ups)}


def follow_ups_of(message: dict[str, Any]) -> FollowUps:
    return _decoded(FollowUps, message.get("follow_ups"), "a follow-up list")


def rows_data(rows: list[ReceptionRow]) -> dict[str, Any]:
    return {"rows": to_json(rows)}


def read_reply(name: str, data: Any) -> Any:
    """A reply's data as the console reads it: core values for flow work, plain JSON otherwise."""
    spec = REQUESTS.get(name)
    return spec.read(data) if spec is not None else data
