"""scripts/bench/hub_bench.py --quick: N simulated kiosks (real stores, real replicators) into a real hub on a
throwaway cluster of its own. Its behaviour is checked, never its timings: a row per N with numbers in every
figure, every reception of the load and of the day offline on the hub once."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.bench.pg_cluster import unavailable

ROOT = Path(__file__).resolve().parents[2]
BENCH = ROOT / "scripts" / "bench" / "hub_bench.py"
NUMBER = r"\d[\d,]*(?:\.\d+)?"


@pytest.fixture(scope="module", autouse=True)
def _server() -> None:
    reason = unavailable()
    if reason is not None:
        pytest.skip(reason)


def run(*args: str) -> str:
    done = subprocess.run([sys.executable, str(BENCH), "--quick", *args], capture_output=True, text=True,
                          timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_the_table_has_a_row_of_numbers_per_kiosk_count():
    out = run()
    lines = out.splitlines()
    header = lines[0].split(" | ")
    assert [h.strip() for h in header[:3]] == ["kiosks", "peak ×", "saved"]
    assert "lookup local only (ref) p50/p95" in lines[0]  # the reference stands beside ours
    rows = [[c.strip() for c in line.split(" | ")] for line in lines[2:] if re.match(r"^\d+\s+\|", line)]
    assert [r[0] for r in rows] == ["1", "2"]
    for r in rows:
        assert len(r) == len(header)
        saved, per_hour, on_hub, kept_up = r[2], r[3], r[4], r[5]
        assert re.fullmatch(NUMBER, saved) and int(saved.replace(",", "")) > 0
        assert re.fullmatch(NUMBER, per_hour) and re.fullmatch(NUMBER, on_hub)
        assert kept_up in ("yes", "NO")
        for lag in r[6:9]:
            assert re.fullmatch(rf"-?{NUMBER} ms", lag), lag
        assert re.fullmatch(rf"{NUMBER}/{NUMBER} ms.*", r[9]), r[9]
        assert re.fullmatch(rf"{NUMBER}/{NUMBER} ms", r[10]), r[10]
        assert re.fullmatch(rf"{NUMBER} in {NUMBER} s \({NUMBER}/s, each once\)", r[12]), r[12]
    assert "error:" not in out


def test_json_has_every_figure_and_every_reception_once():
    figures = json.loads(run("--json").strip().splitlines()[-1])
    rows = figures["rows"]
    assert [r["kiosks"] for r in rows] == [1, 2]
    for r in rows:
        assert r["receptions"] > 0 and r["missing"] == 0 and "errors" not in r
        for key in ("lag_p50_ms", "lag_p95_ms", "lag_max_ms", "lookup_hub_p50_ms", "lookup_local_p50_ms",
                    "saved_per_h", "hub_per_h", "bench_cpu_pct", "hub_cpu_pct"):
            assert isinstance(r[key], int | float), key
        assert r["lag_p50_ms"] <= r["lag_p95_ms"] <= r["lag_max_ms"]
        assert r["lookups"] + r["lookup_fallbacks"] > 0 and r["lookup_misses"] == 0
        day = r["day"]
        assert day["queued"] == day["on_hub"] > 0 and day["all_once"] is True
        assert isinstance(day["catch_up_s"], float)
