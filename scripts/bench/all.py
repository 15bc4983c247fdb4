"""Every figure of issue 11's table with its reference, measured in the same run, as one table.

    .venv/bin/python scripts/bench/all.py [--json] [--quick] [--only NAME,...] [--list]

Each bench below is one of the benches of this folder, run as a child process with a deadline: a bench
that fails or overruns is a row saying why, and the others still run. Each bench measures its figure and
its reference itself, taking turns where the bench does (see each one's docstring), so both see the same
machine. ``--quick`` gives each bench fewer repetitions (a smoke run: the figures are not worth quoting);
``--only`` runs the named benches (``--list`` names them); ``--json`` prints the rows as JSON.

The table is data: ``BENCHES`` says what runs (arguments, quick arguments, deadline), ``ROWS`` what is
read from a bench's figures for ours and for the reference, and the goal each row is held to. Benches
marked ``reader`` use the virtual card reader (pcscd and vpcd, root) and wait for it while a PC/SC test
run or another bench holds it, within their deadline.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]

Figures = dict[str, Any]


# --- what runs -------------------------------------------------------------------------------------


def json_figures(stdout: str) -> Figures:
    """The last line of the bench's output that is a JSON object."""
    for line in reversed(stdout.strip().splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON figures in its output")


def store_figures(stdout: str) -> Figures:
    """store_bench.py's figures: its JSON when it prints one, else read from its text."""
    try:
        return json_figures(stdout)
    except ValueError:
        pass
    figures: Figures = {}
    if m := re.search(r"^built ([\d,]+) receptions", stdout, re.M):
        figures["receptions"] = int(m[1].replace(",", ""))
    for key, pattern in (("command_total_s", r"^as `kiosk store check` runs it:.*=\s*([\d.]+)\s*(ms|s)\b"),
                         ("incremental_check_s", r"^store check, incremental[^:\n]*:\s*([\d.]+)\s*(ms|s)\b"),
                         ("full_check_s", r"^store check(?!, incremental)[^:\n]*:\s*([\d.]+)\s*(ms|s)\b"),
                         ("sqlite_integrity_check_s", r"^.*integrity_check[^:\n]*:\s*([\d.]+)\s*(ms|s)\b")):
        if m := re.search(pattern, stdout, re.M | re.I):
            figures[key] = float(m[1]) / (1000 if m[2] == "ms" else 1)
    if not figures:
        raise ValueError("no store figures in its output")
    return figures


@dataclass(frozen=True)
class Bench:
    name: str
    script: str  # in this folder
    args: tuple[str, ...]  # after the script: the full run
    quick: tuple[str, ...]  # instead of ``args`` with --quick
    deadline: float  # seconds, for the full run; a quick run gets the same
    reader: bool = False  # uses the virtual card reader (waits for it)
    parse: Callable[[str], Figures] = json_figures
    env: dict[str, str] = field(default_factory=dict)
    extra: Callable[[], tuple[str, ...]] = tuple  # more arguments, decided when the bench is run

    def command(self, quick: bool) -> list[str]:
        return [sys.executable, str(HERE / self.script), *(self.quick if quick else self.args), *self.extra()]


def store_json_flag() -> tuple[str, ...]:
    """``--json`` when store_bench.py has it (its text is read otherwise): looked at when it is run."""
    source = (HERE / "store_bench.py").read_text(encoding="utf-8")
    return ("--json",) if '"--json"' in source else ()


QT = {"QT_QPA_PLATFORM": "offscreen"}

# Cheap and Qt-free first, the face benches next, the virtual reader's after, the million-row store last.
BENCHES: tuple[Bench, ...] = (
    Bench("start", "process_start.py", ("--json", "--runs", "20"), ("--json", "--runs", "3"), 300),
    Bench("terminal", "qualification_roundtrip.py", ("--json", "--checks", "30"), ("--json", "--checks", "10"), 300),
    Bench("terminal-slow", "terminal_slow.py", ("--json", "--runs", "3"), ("--json", "--runs", "1"), 600),
    Bench("face-frame", "face_pipeline.py", ("--json", "--repeat", "20"), ("--json", "--repeat", "3"), 900),
    Bench("face-preview", "face_preview.py", ("--json", "--trials", "3"), ("--json", "--trials", "1", "--seconds", "2"),
          1200, env=QT),
    Bench("code-b", "code_b_read.py", ("--json", "--trials", "10"), ("--json", "--trials", "2"), 1200),
    Bench("card-status", "process_start.py", ("--json", "--runs", "20", "--card-status"),
          ("--json", "--runs", "3", "--card-status"), 600, reader=True),
    Bench("card-read", "card_read_summary.py", ("--json", "--runs", "20"), ("--json", "--runs", "3"), 600,
          reader=True),
    Bench("flow-embedded", "flow_reception.py", ("--embedded", "--json", "--rounds", "5"),
          ("--embedded", "--json", "--rounds", "1"), 1800, reader=True),
    Bench("demo-memory", "demo_memory.py", ("--json",), ("--json",), 600, reader=True, env=QT),
    Bench("store", "store_bench.py", ("--receptions", "1000000"), ("--receptions", "20000"), 3600,
          parse=store_figures, extra=store_json_flag),
)


# --- what is read, and held to what ----------------------------------------------------------------


@dataclass(frozen=True)
class Goal:
    """``at most`` / ``at least`` a value, or ``below`` the reference (ahead of it)."""

    kind: str
    value: float = 0.0  # for at most / at least

    def met(self, ours: float, reference: float | None) -> bool | None:
        if self.kind == "at most":
            return ours <= self.value
        if self.kind == "at least":
            return ours >= self.value
        if self.kind == "below reference":
            return None if reference is None else ours < reference
        raise ValueError(self.kind)

    def text(self, unit: str) -> str:
        if self.kind == "below reference":
            return "< reference"
        return f"{'≤' if self.kind == 'at most' else '≥'} {self.value:g} {unit}"


def at_most(value: float) -> Goal:
    return Goal("at most", value)


def at_least(value: float) -> Goal:
    return Goal("at least", value)


AHEAD = Goal("below reference")


@dataclass(frozen=True)
class Row:
    what: str
    bench: str
    unit: str
    ours: Callable[[Figures], float]
    reference_is: str  # what the reference column holds
    reference: Callable[[Figures], float | None] | None = None  # None: no reference in this bench's figures
    goal: Goal | None = None


def command(figures: Figures, name: str) -> dict[str, Any]:
    """One command of process_start.py, which must have succeeded every time."""
    result = figures["commands"][name]
    if result["exit_codes"] != [0]:
        raise ValueError(f"{name} exited with {', '.join(map(str, result['exit_codes']))}")
    return result


def preview(figures: Figures, mode: str, key: str, pick: Callable) -> float:
    return pick(a[key] for a in figures["attempts"] if a["mode"] == mode)


def completed(figures: Figures, path: str) -> dict[str, Any]:
    result = figures["embedded"][path]
    if result["completed"] != result["receptions"]:
        raise ValueError(f"{path}: {result['completed']} of {result['receptions']} receptions completed")
    return result


def code_b(figures: Figures, method: str) -> dict[str, Any]:
    result = figures["methods"][method]
    if not result["all_right"]:
        raise ValueError(f"{method}: a 照合番号B was read wrong or not at all")
    return result


ROWS: tuple[Row, ...] = (
    Row("`kiosk demo` memory after one face and one PIN reception: peak of the kiosk and its children "
        "together (sampled every 50 ms)", "demo-memory", "MB", lambda f: f["peak_total_sampled_mb"],
        "the same, idle before the first card", lambda f: f["idle"]["total_mb"], at_most(300)),
    Row("`kiosk demo` memory: the kiosk process's peak (VmHWM)", "demo-memory", "MB",
        lambda f: f["peak_kiosk_mb"], "the kiosk process idle", lambda f: f["idle"]["kiosk_mb"], at_most(300)),
    Row("`kiosk demo` memory: kiosk and children 3 s after the second reception", "demo-memory", "MB",
        lambda f: f["after"]["total_mb"], "the same, idle before the first card",
        lambda f: f["idle"]["total_mb"]),
    Row("valid-face, machine time inside the flow (embedded devices)", "flow-embedded", "s",
        lambda f: completed(f, "valid-face")["machine_s"], "valid-pin, the same run",
        lambda f: completed(f, "valid-pin")["machine_s"], at_most(1.0)),
    Row("照合番号B read, machine time (crops, in a child per read; 2nd read)", "code-b", "s",
        lambda f: code_b(f, "crops, child")["second_machine_s"], "RapidOCR over the whole frame, resident",
        lambda f: code_b(f, "whole frame")["second_machine_s"], at_most(0.3)),
    Row("照合番号B reads: RSS after two (crops, child)", "code-b", "MB",
        lambda f: code_b(f, "crops, child")["rss_after_mb"], "RapidOCR over the whole frame, resident",
        lambda f: code_b(f, "whole frame")["rss_after_mb"]),
    Row("face-screen preview while matching: frames/s (face worker; the worst scenario's median)", "face-preview",
        "fps", lambda f: preview(f, "worker", "fps_median", min), "dlib in the kiosk's process",
        lambda f: preview(f, "in-process", "fps_median", min), at_least(15)),
    Row("face-screen preview: longest gap between two frames (face worker; every attempt)", "face-preview", "ms",
        lambda f: preview(f, "worker", "gap_ms_worst", max), "dlib in the kiosk's process",
        lambda f: preview(f, "in-process", "gap_ms_worst", max), at_most(100)),
    Row("face per 640×480 frame (detect on 320 px + encode)", "face-frame", "ms",
        lambda f: f["face_per_frame_ms"]["ours"], "face_recognition API on the same 320 px copy",
        lambda f: f["face_per_frame_ms"]["face_recognition API, 320 px copy"], AHEAD),
    Row("face per 640×480 frame, against the API on the whole frame", "face-frame", "ms",
        lambda f: f["face_per_frame_ms"]["ours"], "face_recognition API on the whole frame",
        lambda f: f["face_per_frame_ms"]["face_recognition API, whole frame"]),
    Row("terminal round trip through the simulator (gateway woken by file events)", "terminal", "ms",
        lambda f: f["median_ms"]["event-driven"], "the same gateway polling `res` every 0.25 s",
        lambda f: f["median_ms"]["polling 0.25 s"], at_most(30)),
    # "At 5 s": the flow looks at the time on the UI's ticks (1 s apart), so 5 s and a little is on time.
    Row("terminal not answering: a way forward on screen after", "terminal-slow", "s",
        lambda f: f["slow_s"], "until terminal_down by itself: the check's timeout", lambda f: f["terminal_down_s"],
        at_most(5.5)),
    Row("terminal known to be down (health probe): card in → the screen says so", "terminal-slow", "s",
        lambda f: f["next_card_to_down_s"], "the first patient, the terminal not yet known down",
        lambda f: f["first_card_to_down_s"], at_most(1.0)),
    Row("`kiosk --help`, whole process", "start", "s", lambda f: command(f, "kiosk --help")["median_s"],
        "`python -c pass`", lambda f: command(f, "python -c pass")["median_s"], at_most(0.3)),
    Row("`kiosk card status`, whole process (virtual card)", "card-status", "s",
        lambda f: command(f, "kiosk card status")["median_s"], "`python -c pass`",
        lambda f: command(f, "python -c pass")["median_s"], at_most(0.4)),
    Row("card inserted → summary read (virtual card, pcscd)", "card-read", "ms",
        lambda f: f["insert_to_summary_ms"], "read_summary alone", lambda f: f["read_summary_ms"]),
    Row("`kiosk store check` at 1M receptions (20,000 with --quick), the daily one as the command runs it "
        "(open + incremental check)", "store", "s",
        lambda f: f["command_total_s"], "the full check", lambda f: f["full_check_s"], at_most(2.0)),
    Row("`kiosk store check`: the incremental check alone, after a day's receptions", "store", "s",
        lambda f: f["incremental_check_s"], "the full check", lambda f: f["full_check_s"]),
    Row("`kiosk store check`, full", "store", "s", lambda f: f["full_check_s"],
        "SQLite's own integrity_check", lambda f: f.get("sqlite_integrity_check_s")),
)


# --- running -------------------------------------------------------------------------------------


@dataclass
class Outcome:
    bench: Bench
    command: list[str]
    seconds: float
    figures: Figures | None = None
    failure: str | None = None
    said: str = ""  # the last line of its stderr: a bench says there why a figure is what it is


def _tail(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "no output"


READER_WAIT = 1800.0  # how long a reader bench waits for the virtual reader before its row says it was held


def reader_free(wait: float) -> bool:
    """Whether the virtual reader's lock (kiosk/card/virtual/pcscd.py) came free within ``wait`` seconds.
    Only looked at, never kept: the bench takes it itself, so a long soak or a PC/SC test run holding the
    reader delays a reader bench here instead of using up the bench's own deadline."""
    import fcntl

    sys.path.insert(0, str(ROOT))
    from kiosk.card.virtual.pcscd import LOCK_FILE

    if not LOCK_FILE.exists():
        return True
    deadline = time.monotonic() + wait
    with open(LOCK_FILE, "rb") as lock:
        while True:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    return False
                if deadline - time.monotonic() > wait - 5.0:  # said once, at the first look
                    print(f"waiting for the virtual card reader ({LOCK_FILE} is held)", file=sys.stderr, flush=True)
                time.sleep(5.0)
                continue
            fcntl.flock(lock, fcntl.LOCK_UN)
            return True


def run(bench: Bench, quick: bool) -> Outcome:
    """The bench as a child process in a session of its own: at its deadline the whole session (the bench
    and whatever it started) is killed, and the row says so."""
    argv = bench.command(quick)
    if bench.reader and sys.platform == "linux" and not reader_free(READER_WAIT):
        return Outcome(bench, argv, READER_WAIT, failure=f"the virtual card reader stayed held for {READER_WAIT:.0f} s")
    env = {**os.environ, **bench.env, "PYTHONUNBUFFERED": "1"}
    started = time.monotonic()
    child = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             start_new_session=True)
    try:
        stdout, stderr = child.communicate(timeout=bench.deadline)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        return Outcome(bench, argv, time.monotonic() - started, failure=f"no answer in {bench.deadline:.0f} s")
    except BaseException:  # Ctrl-C: the bench goes too
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        raise
    outcome = Outcome(bench, argv, time.monotonic() - started, said=_tail(stderr) if stderr.strip() else "")
    if child.returncode != 0:
        code = f"signal {signal.Signals(-child.returncode).name}" if child.returncode < 0 else child.returncode
        outcome.failure = f"exit {code}: {_tail(stderr or stdout)}"
        return outcome
    try:
        outcome.figures = bench.parse(stdout)
    except ValueError as error:
        outcome.failure = str(error)
    return outcome


def row_result(row: Row, outcome: Outcome | None) -> dict[str, Any]:
    result: dict[str, Any] = {"what": row.what, "bench": row.bench, "unit": row.unit,
                              "reference_is": row.reference_is, "goal": row.goal.text(row.unit) if row.goal else None}
    if outcome is None:
        return {**result, "failure": "not run"}
    if outcome.failure or outcome.figures is None:
        return {**result, "failure": outcome.failure or "no figures"}
    try:
        ours = float(row.ours(outcome.figures))
        found = row.reference(outcome.figures) if row.reference else None
        reference = float(found) if found is not None else None
    except (KeyError, TypeError, ValueError, IndexError, StopIteration) as error:
        detail = f"its figures lack {error}" if isinstance(error, KeyError) else str(error)
        return {**result, "failure": detail}
    ratio = ours / reference if reference else None
    met = row.goal.met(ours, reference) if row.goal else None
    return {**result, "ours": ours, "reference": reference, "ratio": ratio, "met": met}


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    digits = 3 if abs(value) < 1 else 2 if abs(value) < 10 else 1 if abs(value) < 100 else 0
    return f"{value:.{digits}f} {unit}"


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| what | ours | reference | ratio | goal | met? |", "|---|---|---|---|---|---|"]
    for r in rows:
        if "failure" in r:
            lines.append(f"| {r['what']} | failed: {r['failure']} | ({r['reference_is']}) | — "
                         f"| {r['goal'] or '—'} | — |")
            continue
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "—"
        met = {True: "yes", False: "NO", None: "—"}[r["met"]]
        lines.append(f"| {r['what']} | {_number(r['ours'], r['unit'])} | {_number(r['reference'], r['unit'])} "
                     f"({r['reference_is']}) | {ratio} | {r['goal'] or '—'} | {met} |")
    return "\n".join(lines)


def chosen(only: str | None) -> list[Bench]:
    if not only:
        return list(BENCHES)
    names = [n.strip() for n in only.split(",") if n.strip()]
    known = {b.name: b for b in BENCHES}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise SystemExit(f"all.py: unknown bench {', '.join(unknown)}; one of: {', '.join(known)}")
    return [b for b in BENCHES if b.name in names]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the rows and the benches as JSON")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke run")
    parser.add_argument("--only", metavar="NAME,...", help="run only these benches (see --list)")
    parser.add_argument("--list", action="store_true", help="the benches, one a line: name, script, reader")
    args = parser.parse_args()
    if args.list:
        for b in BENCHES:
            reader = "\t(virtual card reader)" if b.reader else ""
            print(f"{b.name}\t{b.script} {' '.join(b.args)}{reader}")
        return 0
    benches = chosen(args.only)
    load, started = os.getloadavg()[0], time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    outcomes: dict[str, Outcome] = {}
    for bench in benches:
        if not args.json:  # progress, on stderr: the table alone goes to stdout
            shown = " ".join([bench.script, *bench.command(args.quick)[2:]])
            print(f"running {bench.name}: {shown}", file=sys.stderr, flush=True)
        outcomes[bench.name] = run(bench, args.quick)
    names = {b.name for b in benches}
    rows = [row_result(row, outcomes.get(row.bench)) for row in ROWS if row.bench in names]
    runs = [{"bench": o.bench.name, "command": o.command, "seconds": round(o.seconds, 1), "failure": o.failure,
             "stderr_tail": o.said, "figures": o.figures} for o in outcomes.values()]
    context = {"quick": args.quick, "cpus": os.cpu_count(), "load_average_at_start": load, "started": started}
    if args.json:
        print(json.dumps({**context, "rows": rows, "benches": runs}, ensure_ascii=False))
    else:
        print(f"issue 11's figures, {'QUICK (smoke run, not to quote), ' if args.quick else ''}started {started}, "
              f"{context['cpus']} CPUs, load average {load:.1f}; each reference from the same bench run")
        print(table(rows))
        print()
        for o in outcomes.values():
            said = f"; its stderr ends: {o.said}" if o.said and not o.failure else ""
            print(f"{o.bench.name}: {o.seconds:.0f} s{', failed: ' + o.failure if o.failure else ''}{said}")
    return 1 if any("failure" in r for r in rows) else 0  # a goal not met is a figure, not a failure


if __name__ == "__main__":
    sys.exit(main())
