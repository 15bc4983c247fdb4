"""The terminal simulator: a separate process playing the 資格確認端末 on a folder root.

It takes requests from ``req`` (individual, batch and our card-check extension), answers in ``res`` as the
active scenario says, and after a card check pushes the result into ``face`` as the real terminal does.
The scenario file is read again before each request, so switching it (atomically) takes effect at once.
It is woken by a file notification when ``req`` changes, and looks at ``req`` every ``poll`` seconds as
well (where notifications do not come, that is all it does).

It speaks the dialect public clients see (docs/qualification.md): a rejected request comes back under its
own name with a same-stem ``.err``; elements come in no fixed order; files it makes itself carry a
terminal-made ArbitraryFileIdentifier; batch results come as ``.zip``.

:class:`SimulatorProcess` starts and stops it as a subprocess for the demo and the tests.
"""
from __future__ import annotations

import base64
import dataclasses
import heapq
import io
import itertools
import logging
import os
import random
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
import zipfile
from collections.abc import Callable
from datetime import datetime
from functools import partial
from importlib import resources
from pathlib import Path

import kiosk
from kiosk.core.errors import MalformedResult, QualificationError, TerminalUnavailable
from kiosk.core.qualification import QualificationResult, Reference
from kiosk.processes import child_argv, start_child
from kiosk.qualification import codec, schema, xmlsafe
from kiosk.qualification.codec import BatchEntry, RequestHeader
from kiosk.qualification.errors import NotARegularFile, ResultOutOfBounds
from kiosk.qualification.folders import atomic_write, list_names, read_capped, remove_quietly
from kiosk.qualification.publisher import face_file_name
from kiosk.qualification.scenario import Scenario, load_scenario
from kiosk.qualification.watch import FolderNotifier

log = logging.getLogger(__name__)

_MESSAGES = (schema.INDIVIDUAL, schema.CARD_CHECK, schema.BATCH_UPLOAD, schema.BATCH_DOWNLOAD)
IN_PLACE_PAUSE = 0.3  # between the two halves of an answer written in place


class TerminalSimulator:
    def __init__(
        self,
        root: Path,
        scenario: str | Path,
        institution_code: str = "",
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.root = Path(root)
        self.scenario_source = scenario
        self.institution_code = institution_code
        self._clock = clock
        self._batches: dict[str, tuple] = {}
        self._reception_numbers = itertools.count(1)
        self._pending: list[tuple[float, int, Callable[[], None]]] = []  # (due, order, action)
        self._order = itertools.count()
        for folder in (schema.REQ_DIR, schema.RES_DIR, schema.FACE_DIR):
            (self.root / folder).mkdir(parents=True, exist_ok=True)

    # --- the loop ---------------------------------------------------------------------------

    def run(self, stop: threading.Event, poll: float = 0.05) -> None:
        requests = FolderNotifier(self.root / schema.REQ_DIR, poll, poll)
        away = False
        try:
            while not stop.is_set():
                requests.ensure()
                seen = requests.changes  # before the look: a request written after it wakes the wait
                try:
                    self.step()
                    away = False
                except TerminalUnavailable as error:  # the share went away: a terminal waits for it to return
                    if not away:
                        log.warning("simulator: %s", error)
                    away = True
                requests.wait(seen, self._next_wait(poll), stop.is_set)
        finally:
            requests.close()

    def _next_wait(self, poll: float) -> float:
        if not self._pending:
            return poll
        return max(0.0, min(poll, self._pending[0][0] - time.monotonic()))

    def step(self) -> int:
        """Run what is due and take every waiting request once; returns the number of requests taken."""
        now = time.monotonic()
        while self._pending and self._pending[0][0] <= now:
            _due, _order, action = heapq.heappop(self._pending)
            self._safely(action)
        req = self.root / schema.REQ_DIR
        taken = 0
        for name in sorted(list_names(req)):
            message = next((m for m in _MESSAGES if name.startswith(m + "req_") and name.endswith(".xml")), None)
            if message is None:
                continue
            path = req / name
            try:
                data = read_capped(path, xmlsafe.limits_for(message).max_bytes)
            except (ResultOutOfBounds, NotARegularFile) as error:
                log.warning("simulator: ignoring %s: %s", name, error)
                remove_quietly(path)
                continue
            except OSError:
                continue  # being written or already gone
            remove_quietly(path)
            taken += 1
            self._safely(partial(self._answer, message, name, data))
        return taken

    def _safely(self, action: Callable[[], None]) -> None:
        # One bad request or a full disk must not end the simulator: log it and go on.
        try:
            action()
        except (OSError, QualificationError, ValueError) as error:
            log.warning("simulator: %s", error)

    def _later(self, delay: float, action: Callable[[], None]) -> None:
        heapq.heappush(self._pending, (time.monotonic() + delay, next(self._order), action))

    # --- answering --------------------------------------------------------------------------

    def _answer(self, message: str, request_name: str, data: bytes) -> None:
        scenario = load_scenario(self.scenario_source)
        stem = schema.answer_stem_for(request_name)
        try:
            body, face = self._answer_body(message, data, scenario)
        except MalformedResult as error:
            if isinstance(error, ResultOutOfBounds):
                error = error.in_file(request_name)
            log.info("simulator: rejecting %s: %s", request_name, error)
            rejection = f"E0001 {error.code}: {error}\n".encode()  # ``error`` is gone once the except block ends
            self._later(scenario.delay, lambda: self._reject(request_name, data, rejection))
            return
        if scenario.answer == "none":
            return
        if scenario.answer == "err":
            text = f"{scenario.error_code} {scenario.error_message}\n".encode(schema.CODECS[scenario.character_code])
            self._later(scenario.delay, lambda: self._reject(request_name, data, text))
            return
        body = terminal_order(body, xmlsafe.limits_for(message))
        name = stem + ".xml"
        if message == schema.BATCH_DOWNLOAD:  # batch answers come zipped [OQSDrug2 BulkQualificationService.cs]
            body, name = _zipped(stem + ".xml", body), stem + schema.ZIP_SUFFIX
        if scenario.answer == "malformed":
            body = body[: len(body) * 2 // 3]
        self._later(scenario.delay, lambda: self._write(name, body, scenario.write))
        if face is not None:
            self._later(scenario.delay, lambda: self._write_face(terminal_order(face, xmlsafe.INDIVIDUAL)))

    def _reject(self, request_name: str, request: bytes, text: bytes) -> None:
        """As the terminal rejects: the request back into ``res`` under its own name, then the ``.err`` beside
        it, last, as the "done" signal: a client acting on the ``.err`` finds the request already there and
        removes both (emr-cloud-online reads the ``.err`` when the request appears in ``res``). Both atomic."""
        res = self.root / schema.RES_DIR
        atomic_write(res, request_name, request)
        atomic_write(res, schema.rejection_name(request_name), text)

    def _answer_body(self, message: str, data: bytes, scenario: Scenario) -> tuple[bytes, bytes | None]:
        """The answer's bytes and, for a card check, the face file's."""
        now = self._clock().replace(microsecond=0)
        if message == schema.INDIVIDUAL:
            header, _query = codec.decode_insurance_request(data)
            return self._result_bytes(header, scenario, Reference.INSURANCE_CARD, now), None
        if message == schema.CARD_CHECK:
            request = codec.decode_card_request(data)
            body = self._result_bytes(request.header, scenario, Reference.CARD, now)
            if not (scenario.face and scenario.answer == "result"):
                return body, None
            # What the terminal pushes after a check at its own reader carries an identifier of its own.
            pushed = dataclasses.replace(self._result(request.header, scenario, Reference.CARD, now),
                                         file_id=terminal_file_id())
            return body, codec.encode_result(pushed)
        if message == schema.BATCH_UPLOAD:
            header, queries, identifiers = codec.decode_batch_upload_request(data)
            number = f"{now:%Y%m%d}{next(self._reception_numbers):06d}"
            self._batches[number] = (header.file_id, queries, identifiers)
            return codec.encode_batch_upload_answer(
                number, file_id=header.file_id, institution_code=self._institution(header), processed_at=now,
                character_code=scenario.character_code,
            ), None
        header, number = codec.decode_batch_download_request(data)
        if number not in self._batches:
            return codec.encode_abnormal(
                "EQ0404", f"unknown ReceptionNumber {number}", file_id=header.file_id,
                institution_code=self._institution(header), processed_at=now, character_code=scenario.character_code,
            ), None
        # The download request carries no ArbitraryFileIdentifier: the answer repeats the upload's.
        upload_id, queries, identifiers = self._batches.pop(number)
        result = self._result(dataclasses.replace(header, file_id=upload_id), scenario, Reference.INSURANCE_CARD, now)
        entries = tuple(BatchEntry(query, result, identifier=identifier) for query, identifier in zip(
            queries, identifiers, strict=True))
        return codec.encode_batch_download_answer(
            entries, reception_number=number, file_id=upload_id, institution_code=self._institution(header),
            processed_at=now, character_code=scenario.character_code,
        ), None

    def _institution(self, header: RequestHeader) -> str:
        return self.institution_code or header.institution_code

    def _result(self, header: RequestHeader, scenario: Scenario, reference: Reference, now: datetime):
        return dataclasses.replace(
            scenario.result,
            reference=reference,
            processed_at=now,
            confirmation_date=header.confirmation_date or now.date(),
            institution_code=self._institution(header),
            file_id=header.file_id,
            character_code=scenario.character_code,
        )

    def _result_bytes(self, header: RequestHeader, scenario: Scenario, reference: Reference, now: datetime) -> bytes:
        if scenario.answer == "abnormal":
            return codec.encode_abnormal(
                scenario.error_code, scenario.error_message, file_id=header.file_id,
                institution_code=self._institution(header), processed_at=now, character_code=scenario.character_code,
            )
        result: QualificationResult = self._result(header, scenario, reference, now)
        return codec.encode_result(result)

    def _write(self, name: str, data: bytes, mode: str) -> None:
        res = self.root / schema.RES_DIR
        if mode == "atomic":
            atomic_write(res, name, data)
            return
        half = len(data) // 2
        with open(res / name, "wb") as handle:
            handle.write(data[:half])

        def rest() -> None:
            with open(res / name, "ab") as handle:
                handle.write(data[half:])

        self._later(IN_PLACE_PAUSE, rest)

    def _write_face(self, data: bytes) -> None:
        result = codec.decode_result(data)
        name = face_file_name(result.institution_code, result.file_id, result.processed_at or self._clock())
        atomic_write(self.root / schema.FACE_DIR, name, data)


def terminal_file_id() -> str:
    """An ArbitraryFileIdentifier as the terminal makes its own: 16 base64 characters, e.g. ``ArnHCeDfNjMCFzg=``
    in myclinic-ts's face sample (packages/frontend/src/lib/onshi-face.test.ts)."""
    return base64.b64encode(secrets.token_bytes(11)).decode("ascii")


def terminal_order(data: bytes, limits: xmlsafe.Limits) -> bytes:
    """``data`` with every element's children in a random order, as terminal-written files come (the face
    sample in myclinic-ts has the body's ResultList first and the record's Address first). Elements of one
    name keep their order among themselves, so several records stay in sequence."""
    root, codec_name = xmlsafe.parse(data, limits)
    rng = random.Random(data)
    for element in root.iter():
        ranks: dict[str, float] = {}
        children = sorted(element, key=lambda child: ranks.setdefault(child.tag, rng.random()))
        element[:] = children
    return xmlsafe.serialise(root, schema.CHARSET_OF_CODEC[codec_name])


def _zipped(member: str, data: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return buffer.getvalue()


# --- the subprocess -----------------------------------------------------------------------------


class SimulatorProcess:
    """``kiosk terminal-sim`` as a child process, with a scenario that can be switched while it runs."""

    def __init__(self, root: Path, scenario: str | Path = "valid", poll: float = 0.05,
                 institution_code: str = "") -> None:
        self.root = Path(root)
        self.poll = poll
        self.institution_code = institution_code
        self._control = Path(tempfile.mkdtemp(prefix="kiosk-terminal-sim-"))
        self.scenario_file = self._control / "scenario.json"
        self.log_file = self._control / "simulator.log"
        self._process: subprocess.Popen | None = None
        self.switch(scenario)

    def switch(self, scenario: str | Path) -> None:
        """Make ``scenario`` (a packaged name or a file) the one answering the next request."""
        load_scenario(scenario)  # refuse a bad scenario here, not in the child
        path = Path(scenario)
        if path.exists():
            data = path.read_bytes()
        else:
            data = (resources.files("kiosk.qualification") / "scenarios" / f"{scenario}.json").read_bytes()
        atomic_write(self._control, self.scenario_file.name, data)

    def start(self, timeout: float = 15.0) -> SimulatorProcess:
        package_parent = str(Path(kiosk.__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_parent, env.get("PYTHONPATH", "")]))
        command = child_argv(
            "kiosk.qualification", "--log-level", "INFO", "terminal-sim",
            "--root", str(self.root), "--scenario", str(self.scenario_file), "--poll", str(self.poll),
        )
        if self.institution_code:
            command += ["--institution", self.institution_code]
        log_handle = open(self.log_file, "ab")
        try:
            self._process = start_child(command, stdout=subprocess.PIPE, stderr=log_handle, env=env)
        finally:
            log_handle.close()
        ready: list[bytes] = []
        assert self._process.stdout is not None  # started with stdout=PIPE just above
        stdout = self._process.stdout
        reader = threading.Thread(target=lambda: ready.append(stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not ready or not ready[0].startswith(b"ready"):
            self.stop()
            raise TerminalUnavailable(f"the terminal simulator did not start in {timeout:g} s (see {self.log_file})")
        return self

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def stop(self, timeout: float = 5.0) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout)
            if process.stdout is not None:
                process.stdout.close()
        shutil.rmtree(self._control, ignore_errors=True)

    def __enter__(self) -> SimulatorProcess:
        return self.start() if self._process is None else self

    def __exit__(self, *_exc) -> None:
        self.stop()
