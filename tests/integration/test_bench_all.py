"""scripts/bench/all.py: one table of issue 11's figures, each bench a child process with a deadline, so a
bench that fails or hangs is a row saying why. Behaviour only: the figures themselves are not judged."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALL = ROOT / "scripts" / "bench" / "all.py"
CHEAP = "start"  # process_start.py: `kiosk --help` against `python -c pass`; no Qt, no card reader


def _all_py():
    spec = importlib.util.spec_from_file_location("bench_all", ALL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_all"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


def _run_all(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ALL), *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def test_a_quick_run_of_one_bench_gives_its_rows_with_ours_reference_ratio_and_goal():
    done = _run_all("--quick", "--only", CHEAP, "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["quick"] is True
    assert [b["bench"] for b in report["benches"]] == [CHEAP]
    (row,) = report["rows"]
    assert row["bench"] == CHEAP and "kiosk --help" in row["what"] and "failure" not in row
    assert row["ours"] > 0 and row["reference"] > 0
    assert row["ratio"] == pytest.approx(row["ours"] / row["reference"])
    assert row["goal"] == "≤ 0.3 s" and row["met"] is (row["ours"] <= 0.3)


def test_the_text_table_has_the_row_with_numbers():
    done = _run_all("--quick", "--only", CHEAP)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "| what | ours | reference | ratio | goal | met? |" in lines
    (row,) = [line for line in lines if "kiosk --help" in line]
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[1].endswith(" s") and float(cells[1].split()[0]) > 0
    assert "`python -c pass`" in cells[2] and float(cells[2].split()[0]) > 0
    assert float(cells[3]) > 0 and cells[4] == "≤ 0.3 s" and cells[5] in ("yes", "NO")


def test_an_unknown_bench_is_refused_naming_the_benches():
    done = _run_all("--only", "no-such-bench")
    assert done.returncode != 0
    assert "no-such-bench" in done.stderr and CHEAP in done.stderr


def test_a_failing_bench_is_a_row_saying_why_not_a_crash(tmp_path):
    bench_all = _all_py()
    script = tmp_path / "failing.py"
    script.write_text("import sys\nprint('half a table')\nsys.exit('the reader is held elsewhere')\n")
    bench = bench_all.Bench("failing", str(script), (), (), deadline=60)
    outcome = bench_all.run(bench, quick=False)
    assert outcome.failure == "exit 1: the reader is held elsewhere"
    row = bench_all.Row("a figure", "failing", "s", lambda f: f["x"], "a reference", lambda f: f["y"])
    result = bench_all.row_result(row, outcome)
    assert result["failure"] == "exit 1: the reader is held elsewhere" and "ours" not in result
    assert "failed: exit 1: the reader is held elsewhere" in bench_all.table([result])


def test_figures_without_what_a_row_reads_are_a_row_saying_so(tmp_path):
    bench_all = _all_py()
    script = tmp_path / "partial.py"
    script.write_text("import json\nprint(json.dumps({'x': 2.0}))\n")
    outcome = bench_all.run(bench_all.Bench("partial", str(script), (), (), deadline=60), quick=True)
    assert outcome.failure is None and outcome.figures == {"x": 2.0}
    row = bench_all.Row("a figure", "partial", "s", lambda f: f["x"], "a reference", lambda f: f["y"],
                        bench_all.at_most(1.0))
    assert bench_all.row_result(row, outcome)["failure"] == "its figures lack 'y'"


@pytest.mark.skipif(sys.platform != "linux", reason="reads the process table from /proc")
def test_a_bench_past_its_deadline_is_killed_with_what_it_started(tmp_path):
    bench_all = _all_py()
    started = tmp_path / "grandchild.pid"
    script = tmp_path / "hanging.py"
    script.write_text(textwrap.dedent(f"""
        import pathlib, subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
        pathlib.Path({str(started)!r}).write_text(str(child.pid))
        time.sleep(600)
    """))
    outcome = bench_all.run(bench_all.Bench("hanging", str(script), (), (), deadline=3), quick=False)
    assert outcome.failure == "no answer in 3 s"
    grandchild = int(started.read_text())
    state = "R"
    ends = time.monotonic() + 30  # a SIGKILL is delivered, not waited for: the kernel ends it a moment later
    while state not in ("gone", "Z") and time.monotonic() < ends:
        try:  # killed with the bench's session; a zombie until init reaps it at most
            state = Path(f"/proc/{grandchild}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            state = "gone"
        if state not in ("gone", "Z"):
            time.sleep(0.05)
    if state not in ("gone", "Z"):
        os.kill(grandchild, 9)
    assert state in ("gone", "Z")


def test_every_row_reads_a_bench_of_the_table_and_every_bench_has_a_row():
    bench_all = _all_py()
    names = [b.name for b in bench_all.BENCHES]
    assert len(names) == len(set(names))
    assert {r.bench for r in bench_all.ROWS} == set(names)
    for bench in bench_all.BENCHES:
        assert (ROOT / "scripts" / "bench" / bench.script).is_file(), bench.script
