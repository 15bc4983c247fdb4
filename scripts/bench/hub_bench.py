"""Hub benchmark: N simulated kiosks replicating into one PostgreSQL hub at clinic peak (issue 13).

    .venv/bin/python scripts/bench/hub_bench.py [--kiosks 1,10,50] [--minutes M] [--speedup 1,10]
                                                [--day-hours 8] [--json] [--quick]

On a throwaway cluster (scripts/bench/pg_cluster.py: Unix socket, fsync off), for each N and each speed-up:

- **the load**: N kiosks, each its own real SQLite store (``Store``, its own data folder, the same clinic
  key, ``synchronous=FULL`` as in a kiosk) and its own ``Replicator`` delivering to the one hub, each saving
  a reception at clinic peak, one every 30 s, sped up ``--speedup`` times (every 30/S s, ±20 % jitter, each
  kiosk at its own phase), for ``--minutes`` real minutes. A save is followed by ``wake()`` exactly as
  ``HubbedStore.save_reception`` does it. Reported: the receptions per hour really saved and really
  committed on the hub within the load window, and the replication lag of every reception — from the
  moment the local save's commit returned (``time.time()`` in the kiosk's thread) to the hub's commit of
  the row (``pg_xact_commit_timestamp(xmin)``, the server's clock: the same machine, the same clock; the
  cluster runs with ``track_commit_timestamp=on``). "Kept up": every reception reached the hub, the outboxes
  were empty within 5 s of the end of the load, and the lag did not grow (the last quarter's p95 within 0.5 s
  of the first quarter's): a hub that falls behind shows a rising lag.
- **lookups**, during the load: a returning patient's last visit made at kiosk 1 (200 patients seeded
  before the load), asked through the hub (``HubLookup.last_visit`` at a kiosk that never saw the patient:
  the hub's answer opened with the clinic key) and, taking turns with it, **the reference**: kiosk 1's
  local store alone (``Store.last_confirmed``, what a kiosk without a hub does). Only lookups the hub
  answered in time count for the hub's figures; the others are counted as fallbacks.
- **a day offline** (once per N): the hub stopped (``pg_ctl stop``), each of the N kiosks saves a clinic
  day (``--day-hours`` at one every 30 s: 960 receptions for 8 h; in batches, as what is timed is the
  delivery, not the saving), the hub started again, the replicators started, and the time until every
  outbox is empty; then the hub must hold every reception once. A replicator that ran through the outage
  would first wait out its back-off (up to 60 s): not counted here.

Threads, not processes: the N kiosks and their replicators are threads of this one process. A save spends
its time in SQLite's commit (fsync) and a delivery in the hub's round trips, both outside the GIL; the
table gives this process's CPU (in % of one core) beside the hub's so a GIL-bound run shows itself: near
100 % means the figures measure Python, not the hub. Prints one table (``--json``: one JSON object
instead). ``--quick`` is a smoke run (N=1,2, seconds): its figures are not worth quoting. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import psycopg  # noqa: E402
from pg_cluster import PgCluster, running_cluster  # noqa: E402

from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Sex  # noqa: E402
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity  # noqa: E402
from kiosk.core.values import ReceptionRecord  # noqa: E402
from kiosk.hub import schema  # noqa: E402
from kiosk.hub.lookup import HubLookup  # noqa: E402
from kiosk.hub.replicator import Replicator  # noqa: E402
from kiosk.store.hub_outbox import HubFeed  # noqa: E402
from kiosk.store.keys import FileKeyProvider  # noqa: E402
from kiosk.store.store import Store  # noqa: E402

JST = timezone(timedelta(hours=9))
PEAK_INTERVAL = 30.0  # seconds between receptions at one kiosk at clinic peak
SEEDED = 200  # returning patients saved at kiosk 1 before the load, for the lookups
SETTINGS = {"track_commit_timestamp": "on", "max_connections": "300"}
DRAIN_LIMIT = 120.0  # seconds to wait for the outboxes to empty after the load or the day offline


# --- what the kiosks save ----------------------------------------------------------------------------


def patient(n: int) -> tuple[CertificateInfo, CardFacts]:
    facts = CardFacts(f"患者 太郎{n}", f"東京都千代田区{n}-1", date(1940, 1, 1) + timedelta(days=n % 25000), Sex.MALE)
    certificate = CertificateInfo(f"cert{n}".encode(), datetime(2030, 3, 31, tzinfo=JST), subject_serial=f"S{n:09d}")
    return certificate, facts


def reception(session_id: str, n: int, started: datetime) -> ReceptionRecord:
    certificate, facts = patient(n)
    record = QualificationRecord(
        "06130012", "けんぽ東京", "1234", str(n), "01", facts.name, "カンジャ タロウ", "1", facts.birth_date,
        facts.address, 30, "A03",
    )
    return ReceptionRecord(
        session_id, started, started + timedelta(minutes=1), "done", IdentityMethod.FACE, facts, certificate,
        QualificationResult(Validity.VALID, (record,)), Consent(True, True, False), billing=record,
    )


# --- figures -------------------------------------------------------------------------------------------


def percentile(values: Sequence[float], p: float) -> float | None:
    """Nearest rank; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(p * len(ordered)) - 1))]


def ms(value: float | None) -> float | None:
    return None if value is None else round(value * 1000, 2)


class CpuMeter:
    """CPU seconds of this process and of the hub's server processes (the postmaster, its live backends and
    the backends it has reaped), read from /proc, for the share of a core each used over a phase."""

    def __init__(self, cluster: PgCluster) -> None:
        self._pid_file = cluster.data / "postmaster.pid"
        self._tick = os.sysconf("SC_CLK_TCK")

    def _server(self) -> float:
        try:
            postmaster = int(self._pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return 0.0
        total = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid, ppid = int(entry.name), int(fields[1])
            if pid == postmaster:
                total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
            elif ppid == postmaster:
                total += int(fields[11]) + int(fields[12])
        return total / self._tick

    @contextmanager
    def measure(self, into: dict) -> Iterator[None]:
        wall, ours, server = time.perf_counter(), time.process_time(), self._server()
        yield
        elapsed = time.perf_counter() - wall
        into["bench_cpu_pct"] = round((time.process_time() - ours) / elapsed * 100, 1)
        into["hub_cpu_pct"] = round((self._server() - server) / elapsed * 100, 1)


# --- the kiosks ------------------------------------------------------------------------------------------


@dataclass
class Kiosk:
    number: int
    store: Store
    feed: HubFeed
    replicator: Replicator
    saved: list[tuple[str, float]] = field(default_factory=list)  # (session id, local commit, epoch s)

    def save(self, record: ReceptionRecord) -> None:
        """As ``HubbedStore.save_reception``: the local store first, then wake the replicator."""
        self.store.save_reception(record)
        self.saved.append((record.session_id, time.time()))
        self.replicator.wake()


def open_store(folder: Path, keys: Path) -> Store:
    return Store.open(folder / "kiosk.db", FileKeyProvider(keys))


def new_database(cluster: PgCluster, name: str) -> str:
    with psycopg.connect(cluster.dsn(), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    dsn = cluster.dsn(name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        schema.migrate(conn)  # once here, not 50 kiosks queueing on the advisory lock in the timed part
    return dsn


def drain(kiosks: Sequence[Kiosk], limit: float) -> float | None:
    """Seconds until every outbox is empty, None past ``limit``."""
    start = time.perf_counter()
    while any(k.feed.pending_count() for k in kiosks):
        if time.perf_counter() - start > limit:
            return None
        time.sleep(0.02)
    return time.perf_counter() - start


def commits(dsn: str) -> dict[tuple[str, str], float]:
    """(kiosk id, session id) -> the hub's commit of the row (epoch seconds)."""
    with psycopg.connect(dsn, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT kiosk_id, session_id, extract(epoch FROM pg_xact_commit_timestamp(xmin))::float8 FROM receptions"
        ).fetchall()
    return {(k, s): t for k, s, t in rows}


def stop_all(kiosks: Sequence[Kiosk]) -> None:
    for k in kiosks:
        k.replicator.stop()
    for k in kiosks:
        k.store.close()


# --- the load at peak ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    minutes: float
    day_hours: float
    lookup_every: float  # seconds between lookups (real time)
    seeded: int = SEEDED


def run_load(cluster: PgCluster, root: Path, keys: Path, n: int, speedup: float, plan: Plan) -> dict:
    dsn = new_database(cluster, f"load_{n}_{str(speedup).replace('.', '_')}")
    folder = root / f"load-{n}-x{speedup:g}"
    kiosks: list[Kiosk] = []
    lookup_store = open_store(folder / "lookup", keys)
    lookup = HubLookup(HubFeed(lookup_store), dsn)
    meter = CpuMeter(cluster)
    row: dict = {"kiosks": n, "speedup": speedup, "interval_s": round(PEAK_INTERVAL / speedup, 3)}
    try:
        for i in range(1, n + 1):
            store = open_store(folder / f"k{i}", keys)
            feed = HubFeed(store)
            kiosks.append(Kiosk(i, store, feed, Replicator(feed, dsn)))
        # The returning patients' visits at kiosk 1, and one reception per kiosk to open its connection:
        # on the hub before the clock starts.
        now = datetime.now(JST)
        kiosks[0].store.save_receptions(reception(f"seed-{p}", p, now) for p in range(plan.seeded))
        for k in kiosks:
            k.replicator.start()
            k.store.save_reception(reception(f"k{k.number}-warm", 10**8 + k.number, now))
            k.replicator.wake()
        if drain(kiosks, DRAIN_LIMIT) is None:
            raise RuntimeError("the warm-up receptions did not reach the hub")
        for p in range(min(5, plan.seeded)):  # the lookup's connection
            lookup.last_visit(*patient(p))

        interval = PEAK_INTERVAL / speedup
        duration = plan.minutes * 60
        stop = threading.Event()
        errors: list[str] = []
        load_start = time.time()
        load_end = load_start + duration

        def kiosk_loop(k: Kiosk, seed: int) -> None:
            rng = random.Random(seed)
            due = load_start + rng.uniform(0, interval)
            j = 0
            try:
                while due < load_end and not stop.is_set():
                    if stop.wait(max(0.0, due - time.time())):
                        break
                    k.save(reception(f"k{k.number}-s{j}", k.number * 10**6 + j, datetime.now(JST)))
                    j += 1
                    due += interval * rng.uniform(0.8, 1.2)
            except Exception as exc:  # a kiosk that fails is reported, the others go on
                errors.append(f"kiosk {k.number}: {type(exc).__name__}: {exc}")

        hub_times: list[float] = []
        local_times: list[float] = []
        fallbacks = [0]
        misses = [0]

        def lookup_loop() -> None:
            rng = random.Random(7)
            try:
                while not stop.wait(plan.lookup_every) and time.time() < load_end:
                    certificate, facts = patient(rng.randrange(plan.seeded))
                    t = time.perf_counter()
                    found = lookup.last_visit(certificate, facts)
                    took = time.perf_counter() - t
                    if found.source == "hub":
                        hub_times.append(took)
                        misses[0] += found.record is None
                    else:
                        fallbacks[0] += 1
                    t = time.perf_counter()
                    local = kiosks[0].store.last_confirmed(certificate, facts)  # the reference: no hub
                    local_times.append(time.perf_counter() - t)
                    misses[0] += local is None
            except Exception as exc:
                errors.append(f"lookup: {type(exc).__name__}: {exc}")

        threads = [threading.Thread(target=kiosk_loop, args=(k, k.number), name=f"bench-kiosk-{k.number}")
                   for k in kiosks]
        threads.append(threading.Thread(target=lookup_loop, name="bench-lookup"))
        with meter.measure(row):
            for thread in threads:
                thread.start()
            try:
                for thread in threads:
                    thread.join()
            except KeyboardInterrupt:
                stop.set()
                raise
            drained = drain(kiosks, DRAIN_LIMIT)  # from the end of the load
        if errors:
            row["errors"] = errors

        on_hub = commits(dsn)
        lags: list[tuple[float, float]] = []  # (saved at, lag)
        missing = 0
        for k in kiosks:
            for session, saved_at in k.saved:
                committed = on_hub.get((k.feed.kiosk_id, session))
                if committed is None:
                    missing += 1
                else:
                    lags.append((saved_at, committed - saved_at))
        window = load_end - load_start
        saved_in = sum(len(k.saved) for k in kiosks)
        committed_in = sum(1 for saved_at, lag in lags if load_start <= saved_at + lag <= load_end)
        values = [lag for _, lag in lags]
        lags.sort()
        quarter = max(1, len(lags) // 4)
        first = percentile([lag for _, lag in lags[:quarter]], 0.95) or 0.0
        last = percentile([lag for _, lag in lags[-quarter:]], 0.95) or 0.0
        row.update(
            receptions=saved_in,
            saved_per_h=round(saved_in / window * 3600),
            hub_per_h=round(committed_in / window * 3600),
            missing=missing,
            drain_s=None if drained is None else round(drained, 2),
            kept_up=bool(lags) and missing == 0 and drained is not None and drained < 5.0 and last <= first + 0.5,
            lag_p50_ms=ms(percentile(values, 0.50)),
            lag_p95_ms=ms(percentile(values, 0.95)),
            lag_max_ms=ms(max(values, default=None)),
            lookup_hub_p50_ms=ms(percentile(hub_times, 0.50)),
            lookup_hub_p95_ms=ms(percentile(hub_times, 0.95)),
            lookup_local_p50_ms=ms(percentile(local_times, 0.50)),
            lookup_local_p95_ms=ms(percentile(local_times, 0.95)),
            lookups=len(hub_times),
            lookup_fallbacks=fallbacks[0],
            lookup_misses=misses[0],
        )
        return row
    finally:
        lookup.close()
        stop_all(kiosks)
        lookup_store.close()


# --- a day offline ------------------------------------------------------------------------------------------


def run_day_offline(cluster: PgCluster, root: Path, keys: Path, n: int, plan: Plan) -> dict:
    dsn = new_database(cluster, f"day_{n}")
    folder = root / f"day-{n}"
    per_kiosk = round(plan.day_hours * 3600 / PEAK_INTERVAL)
    row: dict = {"kiosks": n, "queued": n * per_kiosk}
    kiosks: list[Kiosk] = []
    meter = CpuMeter(cluster)
    try:
        cluster.stop()
        day = datetime.now(JST).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=1)
        t = time.perf_counter()
        for i in range(1, n + 1):
            store = open_store(folder / f"k{i}", keys)
            feed = HubFeed(store)
            kiosks.append(Kiosk(i, store, feed, Replicator(feed, dsn)))
            for hour in range(0, per_kiosk, 120):  # an hour's receptions a transaction
                store.save_receptions(
                    reception(f"k{i}-d{j}", i * 10**6 + j, day + timedelta(seconds=j * PEAK_INTERVAL))
                    for j in range(hour, min(per_kiosk, hour + 120))
                )
        row["queue_built_s"] = round(time.perf_counter() - t, 1)
        cluster.start()
        with meter.measure(row):
            t = time.perf_counter()
            for k in kiosks:
                k.replicator.start()
            drained = drain(kiosks, DRAIN_LIMIT * 10)
        row["catch_up_s"] = None if drained is None else round(time.perf_counter() - t, 2)
        if drained is not None:
            row["catch_up_per_s"] = round(row["queued"] / (time.perf_counter() - t))
        with psycopg.connect(dsn, autocommit=True) as conn:
            total, distinct = conn.execute(
                "SELECT count(*), count(DISTINCT (kiosk_id, session_id)) FROM receptions"
            ).fetchone() or (0, 0)
        row["on_hub"] = total
        row["all_once"] = total == distinct == row["queued"]
        return row
    finally:
        if not cluster.running:
            cluster.start()
        stop_all(kiosks)


# --- the table ------------------------------------------------------------------------------------------------


def cell(value: object, unit: str = "") -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}" if value >= 10 else f"{value:.2f}{unit}"
    if isinstance(value, int):
        return f"{value:,}{unit}"
    return f"{value}{unit}"


COLUMNS: tuple[tuple[str, Callable[[dict], str]], ...] = (
    ("kiosks", lambda r: cell(r["kiosks"])),
    ("peak ×", lambda r: f"×{r['speedup']:g} (1 per {r['interval_s']:g} s)"),
    ("saved", lambda r: cell(r["receptions"])),
    ("saved/h", lambda r: cell(r["saved_per_h"])),
    ("on hub/h", lambda r: cell(r["hub_per_h"])),
    ("kept up", lambda r: cell(r["kept_up"])),
    ("lag p50", lambda r: cell(r["lag_p50_ms"], " ms")),
    ("lag p95", lambda r: cell(r["lag_p95_ms"], " ms")),
    ("lag max", lambda r: cell(r["lag_max_ms"], " ms")),
    ("lookup hub p50/p95", lambda r: f"{cell(r['lookup_hub_p50_ms'])}/{cell(r['lookup_hub_p95_ms'])} ms"
     + (f" ({r['lookup_fallbacks']} fell back)" if r["lookup_fallbacks"] else "")),
    ("lookup local only (ref) p50/p95", lambda r: f"{cell(r['lookup_local_p50_ms'])}/"
     f"{cell(r['lookup_local_p95_ms'])} ms"),
    ("CPU bench/hub", lambda r: f"{r['bench_cpu_pct']:.0f}/{r['hub_cpu_pct']:.0f} %"),
    ("a day offline: catch-up", lambda r: day_cell(r.get("day"))),
)


def day_cell(day: dict | None) -> str:
    if day is None:
        return ""
    if day["catch_up_s"] is None:
        return f"{day['queued']:,} queued: not caught up in {DRAIN_LIMIT * 10:.0f} s"
    once = "each once" if day["all_once"] else f"NOT each once ({day['on_hub']:,} rows)"
    return f"{day['queued']:,} in {day['catch_up_s']:.1f} s ({day['catch_up_per_s']:,}/s, {once})"


def table(rows: Sequence[dict]) -> str:
    cells = [[name for name, _ in COLUMNS]] + [[show(r) for _, show in COLUMNS] for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(COLUMNS))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def numbers(text: str) -> list[float]:
    return [float(x) for x in text.split(",") if x.strip()]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kiosks", default="1,10,50", help="the N to run, comma-separated (default 1,10,50)")
    parser.add_argument("--minutes", type=float, default=2.0, help="real minutes of load per N and speed-up")
    parser.add_argument("--speedup", default="1,10",
                        help="clinic peak (one reception every 30 s per kiosk) sped up this many times; "
                             "comma-separated for several (default 1,10)")
    parser.add_argument("--day-hours", type=float, default=8.0, help="hours of peak queued for the day offline")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--quick", action="store_true", help="a smoke run: N=1,2, seconds")
    args = parser.parse_args(argv)
    if args.quick:
        kiosk_counts, speedups = [1, 2], [30.0]
        plan = Plan(minutes=0.1, day_hours=0.25, lookup_every=0.05, seeded=20)
    else:
        kiosk_counts = [int(n) for n in numbers(args.kiosks)]
        speedups = numbers(args.speedup)
        plan = Plan(minutes=args.minutes, day_hours=args.day_hours, lookup_every=0.1)

    def say(line: str) -> None:
        if not args.json:
            print(line, file=sys.stderr, flush=True)

    rows: list[dict] = []
    started, load_average = time.time(), round(os.getloadavg()[0], 2)
    with tempfile.TemporaryDirectory(prefix="kiosk-hub-bench-") as tmp, running_cluster(SETTINGS) as cluster:
        root, keys = Path(tmp), Path(tmp) / "clinic-keys"  # one clinic key for every kiosk
        for n in kiosk_counts:
            day = None
            for speedup in speedups:
                say(f"{n} kiosk(s) at peak ×{speedup:g} for {plan.minutes:g} min …")
                row = run_load(cluster, root, keys, n, speedup, plan)
                if day is None:
                    say(f"{n} kiosk(s): a day offline ({plan.day_hours:g} h queued) …")
                    day = row["day"] = run_day_offline(cluster, root, keys, n, plan)
                rows.append(row)
    figures = {
        "rows": rows,
        "threads": "one process: every kiosk, replicator and the lookups are threads",
        "reference": "lookup_local_*: the local store alone (Store.last_confirmed), as without a hub",
        "cores": os.cpu_count(),
        "load_average_before": load_average,
        "took_s": round(time.time() - started),
    }
    if args.json:
        print(json.dumps(figures, ensure_ascii=False))
        return
    print(table(rows))
    print(f"""
lag: from the local save's commit to the hub's commit of the row (pg_xact_commit_timestamp), every reception.
lookup: a returning patient's last visit made at kiosk 1, through the hub at a kiosk that never saw them; the
reference is the local store alone (Store.last_confirmed, as without a hub), taking turns with it.
kiosks, replicators and lookups are threads of one process; CPU in % of one core (this process / the hub's
server). {os.cpu_count()} cores, shared; load average {load_average} before; took {figures['took_s']} s.""")
    for row in rows:
        for error in row.get("errors", []):
            print(f"error: {error}")


if __name__ == "__main__":
    main()
