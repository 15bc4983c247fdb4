"""The offline fallback end to end: the real terminal simulator (switched off and on again), the real
folder gateway, the real encrypted store with a file key, the flow on real threads; only the card reader
and the camera are fakes.

One story, in order, because each step needs what the one before left in the store:
1. the terminal answers: a patient checks in normally (the store now knows their last visit);
2. the terminal is off: a new patient fills in the 申立書 on the kiosk, staff add the kana → 不詳;
3. the terminal is still off: the returning patient; staff confirm the last visit's record → 旧資格情報;
4. the terminal is on and answers 資格（無効）: the 申立書 on the kiosk → 旧資格情報 from the answer;
5. the re-check worker, started while the terminal was off, runs the queued checks once it answers and
   records what changed (the burden ratio, T7); the 不詳 one waits for staff to learn the numbers;
6. ``kiosk store check`` finds nothing wrong.
"""
from __future__ import annotations

import time
from dataclasses import replace
from datetime import date

import pytest

from kiosk.commands.main import main
from kiosk.config import load
from kiosk.core import events as ev
from kiosk.core.cancel import CancelToken
from kiosk.core.domain import CardFacts, Sex, Trouble
from kiosk.core.fallback import Basis, Declaration, InsuranceType
from kiosk.core.flow import Devices, FlowConfig, ReceptionFlow
from kiosk.core.states import State
from kiosk.core.tasks import EventQueue, StoreLane, SystemClock, TaskManager
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.simulator import SimulatorProcess
from kiosk.simulation.fakes import (
    DEMO_FACTS,
    FakeCard,
    FakeCardFaceReader,
    FakeCardReader,
    FakeFaceAuthenticator,
    MemoryPublisher,
)
from kiosk.store.recheck import RecheckWorker
from kiosk.store.store import open_store

NEWCOMER = CardFacts("新患 花子", "東京都港区芝公園4-2-8", date(1948, 5, 3), Sex.FEMALE)  # 75+: 後期高齢者


class Kiosk:
    """The flow on real threads; ``pump_until`` plays the UI thread."""

    def __init__(self, store, gateway) -> None:
        self.events = EventQueue()
        self.card = FakeCardReader(FakeCard(), SystemClock())
        self.store = StoreLane(store)
        self.flow = ReceptionFlow(
            Devices(card=self.card, card_face=FakeCardFaceReader(), face=FakeFaceAuthenticator(),
                    qualification=gateway, store=self.store, publisher=MemoryPublisher(),
                    runner=TaskManager(self.events.post), clock=SystemClock()),
            FlowConfig(check_timeout=5.0, save_timeout=5.0),
        )
        self.flow.start()

    def send(self, *events: ev.Event) -> None:
        for event in events:
            self.flow.dispatch(event)

    def pump_until(self, *states: State, timeout: float = 8.0) -> State:
        deadline = time.monotonic() + timeout
        while self.flow.state not in states:
            assert time.monotonic() < deadline, f"stuck in {self.flow.state.value}, waiting for {states}"
            self.events.pump(0.02)
        return self.flow.state

    def saved(self, session_id: str, timeout: float = 5.0) -> None:
        """Wait until the store has ``session_id`` (the flow saves it on a worker)."""
        deadline = time.monotonic() + timeout
        while not any(r.session_id == session_id and r.state == "saved"
                      for r in self.store.store.receptions_on(date.today())):
            assert time.monotonic() < deadline, f"session {session_id} was not saved"
            self.events.pump(0.02)

    def certificate(self):
        return self.card.read_summary(CancelToken()).certificate

    def patient(self, facts: CardFacts) -> None:
        """A patient places the card and enters the PIN."""
        self.card.card = FakeCard(facts=facts)
        self.send(ev.CardInserted())
        self.pump_until(State.CHOOSE_METHOD)
        self.send(ev.ChoosePin(), ev.SubmitPin("1234"))

    def take_card(self) -> None:
        self.send(ev.CardRemovedEvent())
        self.pump_until(State.IDLE)

    def declare(self, burden_percent: int | None, insurance_type: InsuranceType) -> None:
        """The kiosk's form: what its screen sends (the flow adds the facts, the date and a known kana)."""
        view = self.flow.view()
        self.send(ev.SubmitDeclaration(Declaration(view.card_facts, view.name_kana, "090-1234-5678", date.today(),
                                                   insurance_type, burden_percent=burden_percent)))


@pytest.fixture
def rig(tmp_path, monkeypatch):
    (tmp_path / "kiosk.toml").write_text("# everything from the environment\n")
    monkeypatch.setenv("KIOSK_CONFIG", str(tmp_path / "kiosk.toml"))  # never the machine's own config
    monkeypatch.setenv("KIOSK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("KIOSK_KEY_DIR", str(tmp_path / "keys"))
    monkeypatch.setenv("KIOSK_KEY_PROVIDER", "file")
    config = load()
    root = tmp_path / "terminal"
    for folder in ("req", "res", "face"):
        (root / folder).mkdir(parents=True)
    terminals: list[SimulatorProcess] = []

    def terminal(scenario: str) -> SimulatorProcess:
        """A terminal process on the shared folders (switched on again = a new process, as after a reboot)."""
        terminals.append(SimulatorProcess(root, scenario, poll=0.02, institution_code=config.institution_code))
        return terminals[-1]

    store = open_store(config)
    gateway = FolderGateway(TerminalConfig(root, institution_code=config.institution_code, timeout=1.5,
                                           poll_interval=0.02, settle=0.3))
    kiosk = Kiosk(store, gateway)
    yield kiosk, terminal, store, gateway
    for process in terminals:
        process.stop()
    kiosk.store.close()


def test_offline_fallback_with_the_terminal_switched_off_and_on_again(rig):
    kiosk, new_terminal, store, gateway = rig
    today = date.today()

    # 1. The terminal answers: the patient's qualification is confirmed and kept as their last visit.
    terminal = new_terminal("valid").start()
    kiosk.patient(DEMO_FACTS)
    kiosk.pump_until(State.CONSENT)
    kiosk.send(ev.AnswerConsent(True, True, True))
    kiosk.pump_until(State.DONE)
    certificate = kiosk.certificate()
    kiosk.saved(kiosk.flow.view().session_id)
    kiosk.take_card()
    last_visit = store.last_confirmed(certificate, DEMO_FACTS)
    assert last_visit is not None and last_visit.burden_percent == 30

    # 2. The terminal answers 資格（無効）: the kiosk's 申立書 bills the old qualification it shows, with the
    # kana name it sent; no staff needed.
    terminal.switch("invalid")
    kiosk.patient(DEMO_FACTS)
    kiosk.pump_until(State.QUAL_INVALID)
    kiosk.send(ev.StartDeclaration())
    kiosk.pump_until(State.DECLARATION)
    assert kiosk.flow.view().name_kana == "ﾐﾎﾝ ﾀﾛｳ"
    kiosk.declare(30, InsuranceType.EMPLOYEE)
    kiosk.pump_until(State.DONE)
    assert kiosk.flow.view().outcome == "fallback"
    old_session = kiosk.flow.view().session_id
    kiosk.saved(old_session)
    kiosk.take_card()

    # The terminal goes off; the re-check worker runs all along, its rounds fail and wait.
    terminal.stop()
    worker = RecheckWorker(store, gateway, interval=0.3)
    tasks = TaskManager(lambda fn: fn(), name="recheck")
    worker.start(tasks)
    try:
        # 3. A new patient: TERMINAL_DOWN → the 申立書 on the kiosk. The terminal sent no kana name, so
        # staff add it at the console; the bill is 不詳.
        kiosk.patient(NEWCOMER)
        kiosk.pump_until(State.TERMINAL_DOWN)
        assert "declare" in kiosk.flow.view().actions
        kiosk.send(ev.StartDeclaration())
        kiosk.pump_until(State.DECLARATION)
        kiosk.declare(None, InsuranceType.LATE_ELDERLY)
        kiosk.pump_until(State.WAITING_STAFF)
        assert kiosk.flow.view().staff_reason == "declaration_incomplete"
        completed = replace(kiosk.flow.snapshot().declaration, name_kana="シンカン ハナコ")
        kiosk.send(ev.StaffCompleteFallback("sato", choice="declaration", declaration=completed))
        kiosk.pump_until(State.DONE)
        unknown_session = kiosk.flow.view().session_id
        kiosk.saved(unknown_session)
        kiosk.take_card()

        # 4. Still off. The returning patient: staff confirm orally that nothing changed → the last visit.
        kiosk.patient(DEMO_FACTS)
        kiosk.pump_until(State.TERMINAL_DOWN)
        kiosk.send(ev.CallStaff(), ev.StaffCompleteFallback("sato", choice="last_visit"))
        kiosk.pump_until(State.DONE)
        last_visit_session = kiosk.flow.view().session_id
        kiosk.saved(last_visit_session)
        kiosk.take_card()

        # What the store holds now: three fallback receptions, each with its 摘要, 申立書 and re-check.
        receptions = {r.session_id: r for r in store.receptions_on(today)}
        unknown = receptions[unknown_session]
        assert unknown.outcome == "fallback" and unknown.billing.insurer_number == "77777777"
        assert unknown.billing.card_number == "77777777"  # 後期高齢者医療: eight 7s
        assert unknown.remarks[:2] == ("不詳", "カナ氏名 シンカン ハナコ") and "連絡先 090-1234-5678" in unknown.remarks
        assert Trouble.T12 in unknown.troubles
        assert receptions[last_visit_session].remarks == ("旧資格情報",)
        assert receptions[last_visit_session].notes[0] == "last_visit"
        assert receptions[old_session].remarks == ("旧資格情報",)
        assert receptions[old_session].notes[0] == "old_qualification"
        declarations = {d.session_id: d.declaration for d in store.open_declarations()}
        assert set(declarations) == {unknown_session, old_session}
        assert declarations[unknown_session].name_kana == "シンカン ハナコ"
        assert declarations[old_session].facts == DEMO_FACTS
        [awaiting] = store.rechecks_awaiting_numbers()
        assert awaiting.session_id == unknown_session and awaiting.billing.basis is Basis.UNKNOWN
        assert {i.session_id for i in store.pending_rechecks()} == {old_session, last_visit_session}
        _wait(lambda: _attempts(store, old_session) >= 1, "a failed round while the terminal is off")

        # 5. The terminal is switched on again: the worker runs the queued checks (each a real exchange)
        # and records what changed against the bill, for staff: the burden ratio is now 2割 (T7).
        new_terminal("burden_changed").start()
        worker.wake()
        _wait(lambda: not store.pending_rechecks(), "the pending re-checks to run")
        outcomes = {o.item.session_id: o for o in store.recheck_outcomes(today)}
        assert set(outcomes) == {last_visit_session, old_session}
        for session_id in (last_visit_session, old_session):
            [change] = outcomes[session_id].changes
            found = (change.code, change.trouble, change.billed, change.found)
            assert found == ("burden_changed", Trouble.T7, "30", "20")
        assert _attempts(store, old_session) >= 2, "the failed rounds were counted, then it went through"

        # The 不詳 one: staff learn the numbers from the patient, and the worker checks it too.
        store.set_recheck_query(awaiting.id, InsuranceCardQuery("39131234", "", "00112233", "", NEWCOMER.birth_date),
                                "staff:sato")
        worker.wake()
        _wait(lambda: not store.pending_rechecks(), "the 不詳 re-check to run")
        unknown_outcome = {o.item.session_id: o for o in store.recheck_outcomes(today)}[unknown_session]
        assert "insurer_changed" in [c.code for c in unknown_outcome.changes]
    finally:
        worker.stop()
        tasks.close()

    # 6. Nothing lost, nothing broken: the audit chain, every sealed field, SQLite's own check.
    assert store.check() == []
    kiosk.store.close()
    assert main(["store", "check"]) == 0


def _attempts(store, session_id: str) -> int:
    return store._db.execute("SELECT MAX(attempts) FROM rechecks WHERE session_id = ?", (session_id,)).fetchone()[0]


def _wait(condition, what: str, timeout: float = 8.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
