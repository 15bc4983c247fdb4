"""``kiosk terminal-sim`` (the terminal simulator) and ``kiosk oqs …`` (tools for IT staff).

``oqs parse`` prints a result file with the result checks of :mod:`kiosk.core.result_checks` beside it;
``oqs check`` is the connection test: one check by insurance-card data through the folder gateway, with
the exit code telling a valid qualification (0) from an answer that is not valid (1) and from no usable
answer (2). Like the other IT commands they print English; what patients and staff read is translated.
"""
from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.core.cancel import CancelToken
    from kiosk.core.qualification import QualificationResult
    from kiosk.core.result_checks import Finding
    from kiosk.qualification.gateway import TerminalConfig


def register(subparsers: argparse._SubParsersAction) -> None:
    sim = subparsers.add_parser("terminal-sim", help="play the qualification-check terminal on a folder root")
    sim.add_argument("--root", required=True, help="the shared folder root (req, res, face are made in it)")
    sim.add_argument("--scenario", default="valid", help="a scenario file, or a packaged name (kiosk oqs scenarios)")
    sim.add_argument("--poll", type=float, default=0.1, help="seconds between looks at req (default 0.1)")
    sim.add_argument("--institution", default="", help="医療機関コード to answer with (default: the request's)")
    sim.set_defaults(func=_run_simulator)

    oqs = subparsers.add_parser("oqs", help="qualification-check files and the terminal: parse, check, scenarios")
    commands = oqs.add_subparsers(dest="oqs_command", required=True)
    parse = commands.add_parser("parse", help="parse a result file (res or face) and run the result checks on it")
    parse.add_argument("file")
    parse.add_argument("--json", action="store_true", help="print the whole result and its checks as JSON")
    chip = parse.add_argument_group("the card chip's 4 facts (all four: checks for another person's data, T9)")
    chip.add_argument("--name", help="name as on the chip")
    chip.add_argument("--birth", type=_iso_date, help="birth date, YYYY-MM-DD")
    chip.add_argument("--sex", choices=_SEXES, help="sex")
    chip.add_argument("--address", help="address as on the chip")
    parse.add_argument("--last", metavar="FILE",
                       help="a result file whose record is the last visit (checks burden and 限度額 changes, T7/T8)")
    parse.set_defaults(func=_parse)

    check = commands.add_parser(
        "check", help="connection test: send a check by insurance-card data to the terminal and print the answer",
        description="Exit 0: the qualification is valid; 1: the terminal answered, but the qualification is not "
                    "valid; 2: no answer, rejected, broken answer or another failure; 130: interrupted.",
    )
    check.add_argument("--root", help="the terminal's shared folder root (default: terminal_root of the config)")
    check.add_argument("--insurer", required=True, help="保険者番号, 6 or 8 digits")
    check.add_argument("--symbol", default="", help="記号 (none on some cards)")
    check.add_argument("--number", required=True, help="番号")
    check.add_argument("--branch", default="", help="枝番, 2 digits (none on older cards)")
    check.add_argument("--birth", required=True, type=_iso_date, help="birth date, YYYY-MM-DD")
    check.add_argument("--institution", help="医療機関コード, 10 digits (default: institution_code of the config)")
    check.add_argument("--encoding", help="utf-8 or shift_jis, as the terminal is set up (default: face_encoding "
                                          "of the config)")
    check.add_argument("--timeout", type=_seconds, default=30.0, help="seconds to wait for the answer (default 30)")
    check.add_argument("--config", help="the kiosk config file (default: $KIOSK_CONFIG or the user config)")
    check.add_argument("--json", action="store_true", help="print the outcome, the result and its checks as JSON")
    check.set_defaults(func=_check)

    scenarios = commands.add_parser("scenarios", help="list the simulator's packaged scenarios")
    scenarios.set_defaults(func=_scenarios)


_SEXES = ("male", "female", "unset")
EXIT_NOT_VALID = 1
EXIT_FAILED = 2
EXIT_INTERRUPTED = 130


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, not {text!r}") from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"expected seconds between 0 and 3600, not {text!r}")
    return value

def _run_simulator(args: argparse.Namespace) -> int:
    import signal
    import sys
    import threading
    from pathlib import Path

    from kiosk.commands.signals import set_from_signal
    from kiosk.qualification.scenario import ScenarioError, load_scenario
    from kiosk.qualification.simulator import TerminalSimulator

    try:
        load_scenario(args.scenario)
    except ScenarioError as error:
        print(f"error: {error.code}: {error}", file=sys.stderr)
        return 2
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: set_from_signal(stop.set))
    simulator = TerminalSimulator(Path(args.root), args.scenario, args.institution)
    print(f"ready {simulator.root}", flush=True)
    try:
        simulator.run(stop, args.poll)
    except KeyboardInterrupt:
        pass
    return 0


def _read_result(path: str) -> QualificationResult:
    """The result in a ``res`` or ``face`` file: OSError, MalformedResult or CheckFailed when it holds none."""
    from pathlib import Path

    from kiosk.qualification import codec, folders, xmlsafe

    return folders.decode_file(Path(path), codec.decode_result, xmlsafe.INDIVIDUAL.max_bytes)


def _parse(args: argparse.Namespace) -> int:
    import json
    import sys

    from kiosk.core.domain import CardFacts, Sex
    from kiosk.core.errors import MalformedResult, QualificationError
    from kiosk.core.result_checks import check_result
    from kiosk.qualification.errors import CheckFailed
    from kiosk.qualification.jsonform import to_jsonable

    chip = (args.name, args.birth, args.sex, args.address)
    if None in chip and any(fact is not None for fact in chip):
        print("error: chip_facts_incomplete: give all four of --name, --birth, --sex and --address "
              "(the card chip's 4 facts)", file=sys.stderr)
        return EXIT_FAILED
    facts = None if args.name is None else CardFacts(args.name, args.address, args.birth, Sex[args.sex.upper()])
    try:
        result = _read_result(args.file)
    except OSError as error:
        print(f"error: cannot read {args.file}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except MalformedResult as error:
        print(f"error: {error.code}: {error}", file=sys.stderr)
        return EXIT_FAILED
    except CheckFailed as error:
        print(f"error: {error.code}: the terminal reported an abnormal end: {error}", file=sys.stderr)
        return 1
    previous = None
    if args.last is not None:
        try:
            last = _read_result(args.last)
        except (OSError, QualificationError) as error:
            print(f"error: last_visit_unusable: {args.last}: {error}", file=sys.stderr)
            return EXIT_FAILED
        if last.record is None:
            print(f"error: last_visit_unusable: {args.last} holds {len(last.records)} records, not one",
                  file=sys.stderr)
            return EXIT_FAILED
        previous = last.record
    findings = check_result(result, facts, previous=previous).findings
    if args.json:
        print(json.dumps({**to_jsonable(result), "checks": _checks_jsonable(findings)}, ensure_ascii=False, indent=2))
        return 0
    _print_result(result, findings)
    if facts is None:
        print("(another person's data, T9, not checked: give the chip's 4 facts with --name, --birth, --sex, "
              "--address)")
    if previous is None:
        print("(burden and 限度額 changes, T7/T8, not checked: give the last visit's result file with --last)")
    return 0


def _check(args: argparse.Namespace) -> int:
    import json
    import time

    from kiosk.core.cancel import CancelToken
    from kiosk.core.errors import Cancelled, KioskError, QualificationError
    from kiosk.core.result_checks import check_result
    from kiosk.qualification.gateway import FolderGateway
    from kiosk.qualification.jsonform import to_jsonable
    from kiosk.staff.messages import CardNumbers

    numbers = CardNumbers(args.insurer.strip(), args.symbol.strip(), args.number.strip(), args.branch.strip())
    problems = numbers.problems()
    if problems:
        words = "; ".join(_card_problem_words(problem) for problem in problems)
        return _say(args, {"outcome": "bad_card_numbers", "words": f"bad input: {words}"}, EXIT_FAILED)
    try:
        terminal = _terminal_config(args)
    except KioskError as error:
        return _say(args, {"outcome": error.code, "words": f"bad configuration: {error}"}, EXIT_FAILED)
    query = numbers.query(args.birth)
    cancel = CancelToken()
    failure: KioskError | None = None
    started = time.monotonic()
    with _interrupt_cancels(cancel):
        gateway = FolderGateway(terminal)
        try:
            result = gateway.check_by_insurance_card(query, cancel)
        except (QualificationError, Cancelled) as error:
            failure = error
        finally:
            gateway.close()  # removes a rejected request the terminal returned after its .err
    where = {"seconds": round(time.monotonic() - started, 2), "terminal": {
        "root": str(terminal.root), "institution_code": terminal.institution_code, "encoding": terminal.encoding}}
    if failure is not None:
        code = EXIT_INTERRUPTED if isinstance(failure, Cancelled) else EXIT_FAILED
        return _say(args, {"outcome": failure.code, "words": _failure_words(failure, terminal), **where}, code)
    valid = result.validity.is_valid
    words = f"the terminal answered in {where['seconds']:g} s: the qualification is " + (
        _VALIDITY_WORDS[result.validity] if valid else f"not valid, {_VALIDITY_WORDS[result.validity]}")
    findings = check_result(result, None).findings
    if args.json:
        print(json.dumps({"outcome": "valid" if valid else "not_valid", "words": words, **where,
                          "result": to_jsonable(result), "checks": _checks_jsonable(findings)},
                         ensure_ascii=False, indent=2))
    else:
        print(f"{'OK' if valid else 'NOT VALID'}: {words}")
        _print_result(result, findings)
    return 0 if valid else EXIT_NOT_VALID


def _card_problem_words(problem: str) -> str:
    """A problem code of :meth:`kiosk.staff.messages.CardNumbers.problems`, in words naming the option."""
    from kiosk.staff.messages import BRANCH_DIGITS, CARD_FIELD_MAX, INSURER_DIGITS

    insurer_digits = " or ".join(str(n) for n in sorted(INSURER_DIGITS))
    return {
        "insurer_number_missing": "--insurer: the 保険者番号 is missing",
        "insurer_number_not_digits": "--insurer: the 保険者番号 is digits only",
        "insurer_number_length": f"--insurer: the 保険者番号 has {insurer_digits} digits",
        "card_symbol_too_long": f"--symbol: the 記号 has at most {CARD_FIELD_MAX} characters",
        "card_number_missing": "--number: the 番号 is missing",
        "card_number_too_long": f"--number: the 番号 has at most {CARD_FIELD_MAX} characters",
        "branch_number_format": f"--branch: the 枝番 is {BRANCH_DIGITS} digits",
    }.get(problem, problem)


def _terminal_config(args: argparse.Namespace) -> TerminalConfig:
    """The options, and for what they leave out the kiosk config (read only then)."""
    from pathlib import Path

    from kiosk import config
    from kiosk.qualification.gateway import TerminalConfig

    root, institution, encoding = args.root, args.institution, args.encoding
    if root is None or institution is None or encoding is None:
        site = config.load(Path(args.config) if args.config else None)
        root = site.terminal_root if root is None else root
        institution = site.institution_code if institution is None else institution
        encoding = site.face_encoding if encoding is None else encoding
    try:
        return TerminalConfig(Path(root), institution_code=institution, encoding=encoding.strip().lower(),
                              timeout=args.timeout)
    except ValueError as error:
        raise config.ConfigError(f"encoding: {error}") from None


@contextmanager
def _interrupt_cancels(cancel: CancelToken) -> Iterator[None]:
    """Ctrl-C cancels the exchange, so the gateway withdraws its request instead of leaving it behind."""
    import signal

    from kiosk.commands.signals import set_from_signal

    previous = signal.signal(signal.SIGINT, lambda *_: set_from_signal(cancel.cancel))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _say(args: argparse.Namespace, report: dict[str, Any], code: int) -> int:
    """A failed check: one line on stderr, or the JSON report on stdout."""
    import json
    import sys

    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(f"error: {report['outcome']}: {report['words']}", file=sys.stderr)
    return code


def _failure_words(error: Exception, terminal: TerminalConfig) -> str:
    from kiosk.core.errors import Cancelled, MalformedResult, TerminalUnavailable
    from kiosk.qualification.errors import (
        CheckFailed,
        RequestRejected,
        TerminalFileLocked,
        TerminalFolderMissing,
        TerminalTimeout,
    )

    if isinstance(error, Cancelled):
        return "interrupted: the check was stopped and an unanswered request withdrawn"
    if isinstance(error, TerminalTimeout):
        return (f"no answer: the terminal did not answer within {terminal.timeout:g} s and the request was "
                f"withdrawn; is the terminal's 連携アプリケーション (OQSComApp) running and using {terminal.root}?")
    if isinstance(error, RequestRejected):
        return f"rejected: the terminal could not accept the request ({error})"
    if isinstance(error, MalformedResult):
        return f"broken answer: the terminal's answer file could not be read ({error})"
    if isinstance(error, CheckFailed):
        return f"the terminal took the request, but the check ended abnormally ({error})"
    if isinstance(error, TerminalFolderMissing):
        return f"the terminal's folder is missing or cannot be reached ({error}): check the share and --root"
    if isinstance(error, TerminalFileLocked):
        return f"the answer stayed locked or unreadable ({error})"
    if isinstance(error, TerminalUnavailable):
        return f"the terminal's folder cannot be used ({error})"
    return f"the check failed ({error})"


_VALIDITY_WORDS = {
    1: "valid (有効)",
    2: "invalid (資格（無効）): the qualification was lost; the last one is shown",
    3: "invalid, a newer qualification exists (無効（新しい資格あり）)",
    4: "no qualification record (該当資格なし)",
    5: "several records match (複数該当)",
    6: "valid, not registered (有効（未登録）): 医療扶助 without a 医療券 registered for this clinic",
}

# What each result check (kiosk.core.result_checks) means, for the person reading the tool's output.
_FINDING_WORDS = {
    "gaiji": "{field} holds ● (外字 the insurer's database cannot hold): {found}; staff use the clinic's own "
             "spelling",
    "person_mismatch": "{field} differs from the card's chip (result {found}, chip {expected}): perhaps another "
                       "person's data is linked to the card; stop, hide medical information, call staff",
    "address_differs": "the address differs from the card's chip (result {found}, chip {expected}): show staff; "
                       "insurers' addresses lag behind moves",
    "several_records": "several records match (複数該当): staff choose the one to bill",
    "old_qualification": "the qualification is invalid (資格（無効）): the insurer may not have registered a change "
                         "yet; show staff the old qualification (旧資格情報) and offer the fallback documents",
    "no_record": "no qualification record (該当資格なし): as for an invalid qualification, offer the fallback "
                 "documents",
    "certificate_expiring": "the card's electronic certificate expires within 3 months: the patient should renew "
                            "it at city hall (the terminal says: {found})",
    "terminal_notice": "a notice from the terminal: {found}",
    "burden_changed": "the burden ratio changed since the last visit: {expected}% then, {found}% now; tell staff",
    "limit_changed": "the 限度額 class changed since the last visit: {expected} then, {found} now; tell staff",
}


def _finding_words(finding: Finding) -> str:
    template = _FINDING_WORDS.get(finding.code)
    if template is None:  # a check added later: its code and values are still shown
        return " ".join(filter(None, (finding.flag, finding.found, finding.expected)))
    return template.format(field=finding.field, found=finding.found, expected=finding.expected)


def _checks_jsonable(findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
    from kiosk.qualification.jsonform import to_jsonable

    return [{**to_jsonable(finding), "words": _finding_words(finding)} for finding in findings]


def _print_result(result: QualificationResult, findings: tuple[Finding, ...]) -> None:
    print(f"validity {int(result.validity)} ({result.validity.name}), {len(result.records)} record(s)")
    if result.message:
        print(f"message: {result.message}")
    for record in result.records:
        print(f"  {record.insurer_number} {record.insurer_name} {record.card_symbol}・{record.card_number}"
              f" ({record.branch_number}) {record.name} burden {record.burden_percent}% limit {record.limit_class}")
    if not findings:
        print("checks: nothing to flag")
        return
    print("checks:")
    for finding in findings:
        print(f"  {finding.trouble.value if finding.trouble else '--':3} {_finding_words(finding)}")


def _scenarios(_args: argparse.Namespace) -> int:
    from kiosk.qualification.scenario import load_scenario, scenario_names

    for name in scenario_names():
        print(f"{name:18} {load_scenario(name).description}")
    return 0
