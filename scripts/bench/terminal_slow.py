"""A terminal that does not answer: how long the patient waits before the screen offers a way on, against
how long until the flow gives up on the check (terminal_down), in the same run.

    .venv/bin/python scripts/bench/terminal_slow.py [--runs 3] [--json]

The flow runs on the kiosk's own task manager (``kiosk simulate``'s live rig) with the in-memory card and
camera, but the terminal is the real one of the demo: the folder gateway (the demo's 15 s per exchange)
and the terminal simulator process answering nothing (``no_answer``). The flow is ticked as the kiosk's
UI ticks it (``kiosk.ui.driver.TICK_MS``), at whatever phase the PIN falls on, as at the kiosk. The
patient places the card and types the PIN; ``slow`` is the time from the checking screen's entry until
its View says so and allows 「待たずに進む」 (StopWaiting: on to the fallbacks without waiting for the
timeout); ``terminal_down`` is the time from the same entry until the flow leaves for terminal_down by
itself, the patient having pressed nothing.

Then the next patient, the terminal's health probe running as at the kiosk (``watch_terminal``: it hears
that the exchange went unanswered): ``next_card_to_down_s`` is the time from their card going in until
the screen says the terminal is down (View.terminal_down, or the terminal_down screen), against the same
for the first patient (``first_card_to_down_s``), who had to wait out the check. No card reader: this
runs beside a PC/SC test run.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

DEMO_TIMEOUT = 15.0  # the demo's gateway timeout per exchange (kiosk/embedded.py)
PATIENT_STEPS = 3  # of the terminal-down scenario: card in, tap pin, the PIN (then it waits)


def once(root: Path) -> dict[str, float]:
    from kiosk.core import events as ev
    from kiosk.core.states import State
    from kiosk.core.view import View
    from kiosk.qualification.gateway import FolderGateway, TerminalConfig
    from kiosk.qualification.health import watch_terminal
    from kiosk.simulation.player import FakeSide, LiveRig, play
    from kiosk.simulation.script import Step, named
    from kiosk.ui.driver import TICK_MS
    from kiosk.wiring import flow_config

    script = named()["terminal-down"]
    script = replace(script, steps=script.steps[:PATIENT_STEPS])
    leaves = replace(script, steps=(Step("card", "out", {}, 0), Step("wait", "idle", {"timeout": 60}, 1)))
    gateways: list[FolderGateway] = []

    class RealTerminal(FakeSide):
        """The fakes, but the demo's folder gateway to the simulator in place of the fake checker."""

        def devices(self, runner, clock, store):
            gateway = FolderGateway(TerminalConfig(root, "1312345678", timeout=DEMO_TIMEOUT, poll_interval=0.1),
                                    clock=clock.now)
            gateways.append(gateway)
            return replace(super().devices(runner, clock, store), qualification=gateway)

    class KioskTicks(LiveRig):
        """The live rig, its flow ticked every TICK_MS as the kiosk's driver does, not at every step."""

        next_tick = 0.0

        def step(self, seconds: float = 0.05) -> bool:
            ran = self.queue.pump(seconds)
            if time.monotonic() >= self.next_tick:
                self.next_tick = time.monotonic() + TICK_MS / 1000
                self.flow.dispatch(ev.Tick())
            return ran > 0

    seen: list[tuple[float, View]] = []
    rig = KioskTicks(script, RealTerminal(script), config=flow_config(None))
    rig.flow.add_listener(lambda view: seen.append((time.monotonic(), view)))
    probe = watch_terminal(gateways[0], rig.queue.post, rig.flow.dispatch)  # as the kiosk's runtime starts it
    try:
        first_in = time.monotonic()
        play(script, rig, timeout=10.0)
        rig.until(lambda: rig.flow.state is State.TERMINAL_DOWN, DEMO_TIMEOUT * 4)
        first = list(seen)
        play(leaves, rig, timeout=10.0)
        seen.clear()
        next_in = time.monotonic()
        play(script, rig, timeout=10.0)
        rig.until(lambda: rig.flow.state is State.TERMINAL_DOWN, DEMO_TIMEOUT * 4)
    finally:
        probe.stop()
        rig.close()
    entered = next((t for t, v in first if v.state is State.CHECKING), None)
    slow = next((t for t, v in first if v.state is State.CHECKING and v.slow and "stop_waiting" in v.actions), None)
    down = next((t for t, v in first if v.state is State.TERMINAL_DOWN), None)
    said = next((t for t, v in seen if v.terminal_down or v.state is State.TERMINAL_DOWN), None)
    if entered is None or slow is None or down is None:
        states = " → ".join(dict.fromkeys(v.state.value for _, v in first))
        raise SystemExit(f"the check did not go checking → slow → terminal_down: {states}")
    if said is None:
        states = " → ".join(dict.fromkeys(v.state.value for _, v in seen))
        raise SystemExit(f"the next patient was never told the terminal is down: {states}")
    return {"slow_s": slow - entered, "terminal_down_s": down - entered, "first_card_to_down_s": down - first_in,
            "next_card_to_down_s": said - next_in}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="print the medians as JSON only")
    args = parser.parse_args()
    from kiosk.qualification.simulator import SimulatorProcess

    runs = []
    with tempfile.TemporaryDirectory(prefix="kiosk-terminal-slow-") as work:
        root = Path(work)
        for folder in ("req", "res", "face"):
            (root / folder).mkdir()
        with SimulatorProcess(root, "no_answer"):
            for _ in range(args.runs):
                runs.append(once(root))
    result = {"runs": args.runs, **{key: statistics.median(r[key] for r in runs) for key in runs[0]},
              "each": runs}
    if args.json:
        print(json.dumps(result))
        return 0
    print(f"terminal not answering (simulator no_answer, gateway timeout {DEMO_TIMEOUT:g} s); medians of {args.runs}")
    print(f"  checking screen → 「待たずに進む」 offered   {result['slow_s']:6.2f} s")
    print(f"  checking screen → terminal_down by itself {result['terminal_down_s']:6.2f} s")
    print(f"  first patient:  card in → told the terminal is down {result['first_card_to_down_s']:6.2f} s")
    print(f"  next patient (probe knows it is down): card in → told {result['next_card_to_down_s']:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
