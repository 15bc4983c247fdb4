"""The terminal-folder gateway: requests into ``req``, answers out of ``res``, card-check results out of ``face``.

:class:`FolderGateway` implements :class:`kiosk.core.ports.QualificationChecker`. Every exchange writes its
request atomically, then waits for the answer, a rejection or the deadline: woken by a file notification
when ``res`` changes (:mod:`.watch`), and looking at ``res`` on a timer as well, seldom while notifications
come, every ``poll_interval`` where they do not (a network share). It honours the CancelToken while it
waits and removes its request when nobody answered, so a late terminal does not act on a check the kiosk
gave up on. Every failure is a named error (see :mod:`.errors`); none hangs. What each exchange came to
(answered, or not in time) is kept in :attr:`FolderGateway.health` for the terminal's health probe.

A rejected request reappears in ``res`` under its own name with a same-stem ``.err`` beside it
(``OQSsiquc01req_<id>.xml`` + ``OQSsiquc01req_<id>.err``), which is what emr-cloud-online watches for
(``Services/XmlFileService.cs``). No public client looks for ``…res_<id>.err``, so that form is not
accepted. An answer is matched by name (``…req_<id>`` → ``…res_<id>``, ``.xml`` or ``.zip``), else by the
ArbitraryFileIdentifier it echoes, or, for a batch download (whose request carries none), by its
ReceptionNumber.
"""
from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, CertificateInfo, IdentityMethod
from kiosk.core.errors import Cancelled, QualificationError, TerminalUnavailable
from kiosk.core.qualification import QualificationResult
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import codec, schema, xmlsafe
from kiosk.qualification.codec import BatchAnswer, RequestHeader
from kiosk.qualification.errors import NotARegularFile, RequestRejected, ResultOutOfBounds, TerminalTimeout
from kiosk.qualification.folders import (
    atomic_write,
    list_names,
    read_capped,
    read_settled,
    remove_quietly,
    require_folder,
)
from kiosk.qualification.health import TerminalHealth
from kiosk.qualification.watch import FolderNotifier

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class TerminalConfig:
    root: Path
    institution_code: str = "0000000000"
    encoding: str = "utf-8"  # "utf-8" or "shift_jis": what this site's terminal is set up for
    timeout: float = 30.0  # per exchange
    poll_interval: float = 0.25  # how often ``res`` and ``face`` are looked at where no notifications come
    notify: bool = True  # be woken by file notifications (inotify, ReadDirectoryChangesW) when they come
    notify_poll: float = 2.0  # how often the folders are looked at all the same while notifications come
    settle: float = 2.0  # how long an answer may stay locked or half-written
    remove_answers: bool = True  # answers hold personal data: don't leave them in a shared folder

    def __post_init__(self) -> None:
        if self.encoding not in schema.ENCODINGS:
            raise ValueError(f"encoding must be one of {sorted(schema.ENCODINGS)}, not {self.encoding!r}")

    @property
    def character_code(self) -> str:
        return schema.ENCODINGS[self.encoding]

    @property
    def req(self) -> Path:
        return self.root / schema.REQ_DIR

    @property
    def res(self) -> Path:
        return self.root / schema.RES_DIR

    @property
    def face(self) -> Path:
        return self.root / schema.FACE_DIR


def new_file_id(now: datetime) -> str:
    """20 digits: time to the second and 6 random digits; also the ArbitraryFileIdentifier."""
    return f"{now:%Y%m%d%H%M%S}{secrets.randbelow(10**6):06d}"


def notifier(folder: Path, config: TerminalConfig) -> FolderNotifier:
    return FolderNotifier(folder, config.notify_poll, config.poll_interval, use_events=config.notify)


class FolderGateway:
    def __init__(self, config: TerminalConfig, clock: Callable[[], datetime] = datetime.now) -> None:
        self.config = config
        self._clock = clock
        self._res = notifier(config.res, config)
        self.health = TerminalHealth()
        # Requests the terminal rejected but had not yet returned to ``res`` when the exchange ended: they
        # hold personal data, so each is removed when it appears: woken by the watch on ``res`` (which stays
        # on between exchanges), else at the next exchange's look at ``res`` or when the gateway is closed.
        self._strays: set[str] = set()
        self._strays_lock = threading.Lock()  # the watch's thread sweeps as well as the exchanging one
        self._res.add_listener(self._sweep_on_change)

    def close(self) -> None:
        """Remove the rejected requests returned since the last look, then stop watching ``res`` (a watch is
        a thread and a descriptor; a gateway without one looks on its timer until the next exchange starts
        one again)."""
        self._sweep_on_change()
        self._res.close()

    # --- QualificationChecker ---------------------------------------------------------------

    def check_by_insurance_card(self, query: InsuranceCardQuery, cancel: CancelToken) -> QualificationResult:
        return self._exchange(
            schema.INDIVIDUAL, lambda header: codec.encode_insurance_request(header, query),
            codec.decode_result, cancel,
        )

    def check_by_card(
        self,
        certificate: CertificateInfo,
        method: IdentityMethod,
        facts: CardFacts | None,
        limit_consent: bool,
        cancel: CancelToken,
    ) -> QualificationResult:
        """Our ``KSKcardchk01`` extension. The 4 facts are not sent: the terminal finds the holder from the
        certificate, and the flow compares the facts with the answer (:mod:`kiosk.core.result_checks`)."""
        return self._exchange(
            schema.CARD_CHECK, lambda header: codec.encode_card_request(header, certificate, method, limit_consent),
            codec.decode_result, cancel,
        )

    # --- batch checks -----------------------------------------------------------------------

    def submit_batch(
        self, queries: tuple[InsuranceCardQuery, ...], cancel: CancelToken, identifiers: tuple[str, ...] = ()
    ) -> str:
        """Send a batch (e.g. tomorrow's appointments); returns the ReceptionNumber to fetch it with.
        ``identifiers``: an ArbitraryIdentifier per query, echoed in each entry of the answer."""
        return self._exchange(
            schema.BATCH_UPLOAD, lambda header: codec.encode_batch_upload_request(header, queries, identifiers),
            codec.decode_batch_upload_answer, cancel,
        )

    def fetch_batch(self, reception_number: str, cancel: CancelToken) -> BatchAnswer:
        return self._exchange(
            schema.BATCH_DOWNLOAD, lambda header: codec.encode_batch_download_request(header, reception_number),
            codec.decode_batch_download_answer, cancel,
            lambda data: codec.peek_reception_number(data) == reception_number,
        )

    def face_watcher(self, include_existing: bool = False) -> FaceWatcher:
        return FaceWatcher(self.config.face, self.config, include_existing)

    # --- the exchange -----------------------------------------------------------------------

    def _exchange(
        self,
        message: str,
        build: Callable[[RequestHeader], bytes],
        decode: Callable[[bytes], T],
        cancel: CancelToken,
        ours: Callable[[bytes], bool] | None = None,
    ) -> T:
        """``ours``: whether a differently named answer is this exchange's; by default, by its file id."""
        cancel.raise_if_cancelled()
        config = self.config
        require_folder(config.res)
        now = self._clock()
        file_id = new_file_id(now)
        header = RequestHeader(file_id, config.institution_code, now.date(), config.character_code)
        data = build(header)
        self._res.ensure()  # watching before the request goes out: its answer cannot slip past
        # Answers already in ``res`` predate the request: never ours, never parsed.
        already_there = set(list_names(config.res))
        request = atomic_write(config.req, schema.request_name(message, file_id), data)
        log.info("request %s written", request.name)
        started = time.monotonic()
        deadline = started + config.timeout
        is_ours = ours or (lambda answer: codec.peek_file_id(answer) == file_id)
        try:
            path = self._wait_for_answer(message, file_id, is_ours, already_there, cancel, deadline)
        except TerminalTimeout:
            remove_quietly(request)
            self.health.unanswered()
            raise
        except Cancelled:
            remove_quietly(request)
            raise
        self.health.answered()
        try:
            if path.suffix == schema.REJECTION_SUFFIX:
                remove_quietly(request)
                raise RequestRejected(f"{path.name}: {_err_text(path)}")
            answer = read_settled(path, decode, cancel, deadline, config.settle, config.poll_interval,
                                  max_bytes=xmlsafe.limits_for(message).max_bytes)
        finally:
            if config.remove_answers:
                remove_quietly(path)
                if path.suffix == schema.REJECTION_SUFFIX:  # the returned request holds personal data too
                    self._remove_returned(request.name)
        log.info("answer %s read after %.2f s", path.name, time.monotonic() - started)
        _log_unknown(path.name, answer)
        return answer

    def _remove_returned(self, name: str) -> None:
        """Remove the rejected request the terminal hands back beside its ``.err``. A terminal should write it
        first (the simulator does) but may write the ``.err`` first: wait for the request a settle time at most
        (watching, not polling), and if it comes later still, it is a stray, removed when it appears."""
        returned = self.config.res / name
        deadline = time.monotonic() + self.config.settle
        while True:
            seen = self._res.changes
            if returned.exists():
                remove_quietly(returned)
                return
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                log.info("rejected request %s not returned yet: removed when it is", name)
                with self._strays_lock:
                    self._strays.add(name)
                # It may have come between the look above and the line before: no notification is left for it.
                self._sweep_strays({name} if returned.exists() else set())
                return
            self._res.wait(seen, min(self._res.interval, remaining), lambda: False)

    def _sweep_strays(self, present: set[str]) -> None:
        with self._strays_lock:
            found = self._strays & present
            self._strays -= found
        for name in found:
            remove_quietly(self.config.res / name)
            log.info("rejected request %s returned late: removed", name)

    def _sweep_on_change(self) -> None:
        """On a notification from ``res`` (on the watch's thread) or at close: remove strays that appeared."""
        if not self._strays:
            return
        try:
            present = set(list_names(self.config.res))
        except TerminalUnavailable:  # the share went away: the next look sweeps
            return
        self._sweep_strays(present)

    def _wait_for_answer(
        self, message: str, file_id: str, ours: Callable[[bytes], bool], skip: set[str], cancel: CancelToken,
        deadline: float,
    ) -> Path:
        res = self.config.res
        request = schema.request_name(message, file_id)
        stem = schema.answer_stem_for(request)
        by_name = [schema.rejection_name(request), stem + ".xml", stem + schema.ZIP_SUFFIX]
        prefix = message + "res_"
        max_bytes = xmlsafe.limits_for(message).max_bytes
        notifier = self._res
        while True:
            seen = notifier.changes  # before the listing: a file written after it has moved the count on
            names = list_names(res)
            present = set(names)
            self._sweep_strays(present)
            for name in by_name:
                if name in present:
                    notifier.found(res / name)
                    return res / name
            # A terminal that names its answers differently still says whose they are.
            for name in names:
                if name in skip or not name.startswith(prefix) or not name.endswith(".xml"):
                    continue
                try:
                    data = read_capped(res / name, max_bytes)
                except (ResultOutOfBounds, NotARegularFile):
                    skip.add(name)  # no answer is that large, or a pipe
                    continue
                except OSError:
                    continue  # not readable yet, or gone: looked at again next round
                if ours(data):
                    notifier.found(res / name)
                    return res / name
                if codec.peek_file_id(data) or not _younger_than(res / name, self.config.settle):
                    skip.add(name)  # someone else's answer, or one that will never say whose it is
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TerminalTimeout(f"no answer to {message} {file_id} in {self.config.timeout:g} s")
            _wait_for_change(notifier, seen, min(notifier.interval, remaining), cancel)


def _wait_for_change(notifier: FolderNotifier, seen: int, timeout: float, cancel: CancelToken) -> None:
    """Until the folder changes, ``timeout`` passes or ``cancel`` (then Cancelled)."""
    cancel.raise_if_cancelled()
    notifier.wait(seen, timeout, lambda: cancel.cancelled)
    cancel.raise_if_cancelled()


def _log_unknown(name: str, answer: object) -> None:
    """Name what a file held outside the known dialect (paths and codes only: no personal data)."""
    unknown = answer.unknown if isinstance(answer, (QualificationResult, BatchAnswer)) else ()
    if unknown:
        log.warning("%s holds what the kiosk does not know: %s", name, ", ".join(unknown))


def _err_text(path: Path) -> str:
    """The first line of a ``.err`` file, for the log and the staff console."""
    try:
        data = read_capped(path, 2000, head=True)
    except (OSError, NotARegularFile) as error:
        return f"(unreadable: {error})"
    for codec_name in ("utf-8", "cp932"):
        try:
            text = data.decode(codec_name)
            break
        except UnicodeDecodeError:
            continue
    else:
        text = data.decode("latin-1")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0][:200] if lines else "(empty)"


@dataclass(frozen=True)
class FaceArrival:
    """A result file that appeared in ``face``: parsed, or the named error that kept it from parsing."""

    name: str
    result: QualificationResult | None
    error: QualificationError | None = None


class FaceWatcher:
    """Reports results the terminal writes to ``face`` after card checks at its own reader."""

    def __init__(self, folder: Path, config: TerminalConfig, include_existing: bool = False) -> None:
        self._folder = folder
        self._config = config
        self._notifier = notifier(folder, config)  # watching from the first wait: poll() alone needs no watch
        self._seen: set[str] = set() if include_existing else set(list_names(require_folder(folder)))

    def close(self) -> None:
        self._notifier.close()

    def poll(self) -> list[FaceArrival]:
        """The new files since the last poll, oldest name first; a file still being written waits."""
        arrivals = []
        for name in sorted(list_names(self._folder)):
            if name in self._seen or not name.startswith(schema.FACE_PREFIX) or not name.endswith(".xml"):
                continue
            path = self._folder / name
            try:
                result = read_settled(path, codec.decode_result, CancelToken(), 0.0, self._config.settle, 0.0,
                                      max_bytes=xmlsafe.INDIVIDUAL.max_bytes)
                _log_unknown(name, result)
                arrivals.append(FaceArrival(name, result))
            except (ResultOutOfBounds, NotARegularFile) as error:
                arrivals.append(FaceArrival(name, None, error))  # waiting does not bring it within bounds
            except QualificationError as error:
                if _younger_than(path, self._config.settle):
                    continue  # still being written or locked by the terminal: looked at again next poll
                arrivals.append(FaceArrival(name, None, error))
            self._seen.add(name)
        return arrivals

    def wait(self, cancel: CancelToken, timeout: float) -> list[FaceArrival]:
        """The next arrivals, woken by the folder's notifications (looking on a timer where none come)."""
        deadline = time.monotonic() + timeout
        notifier = self._notifier
        while True:
            notifier.ensure()
            seen = notifier.changes
            arrivals = self.poll()
            if arrivals:
                for arrival in arrivals:
                    notifier.found(self._folder / arrival.name)
                return arrivals
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TerminalTimeout(f"no face result in {timeout:g} s")
            _wait_for_change(notifier, seen, min(notifier.interval, remaining), cancel)


def _younger_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime < seconds
    except OSError:
        return False

