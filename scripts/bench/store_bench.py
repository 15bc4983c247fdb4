"""Store benchmark: write one reception, find a returning patient, list a day — with 100,000 stored.

Usage: python scripts/bench/store_bench.py [--receptions 100000] [--patients 20000] [--dir DIR] [--json]

Builds the receptions in one transaction (``Store.save_receptions``) at schema version 1 (no indexes),
times the staff queries, upgrades to the latest schema and times them again, then times single writes
(each its own fsync'ed transaction) and returning-patient lookups. Then the store check as
``kiosk store check`` runs it (``Store.run_check``): the full one (and SQLite's own integrity_check and
quick_check beside it), then a day later, after a day's receptions (150, each its own transaction), the
incremental one on the open store, and once more as the command does it: opening the store (which runs
SQLite's quick check) and the incremental check after it. Prints figures (``--json``: one JSON object
instead); asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.core.domain import CardFacts, CertificateInfo, Consent, IdentityMethod, Sex  # noqa: E402
from kiosk.core.qualification import QualificationRecord, QualificationResult, Validity  # noqa: E402
from kiosk.core.values import ReceptionRecord  # noqa: E402
from kiosk.store.keys import FileKeyProvider  # noqa: E402
from kiosk.store.store import Store  # noqa: E402

JST = timezone(timedelta(hours=9))
DAY0 = datetime(2024, 1, 4, 9, tzinfo=JST)


def patient(n: int) -> tuple[CertificateInfo, CardFacts]:
    facts = CardFacts(f"患者 太郎{n}", f"東京都千代田区{n}-1", date(1940, 1, 1) + timedelta(days=n % 25000), Sex.MALE)
    return CertificateInfo(f"cert{n}".encode(), DAY0 + timedelta(days=3650), subject_serial=f"S{n:08d}"), facts


def reception(i: int, patients: int) -> ReceptionRecord:
    certificate, facts = patient(i % patients)
    started = DAY0 + timedelta(days=i // 150, minutes=i % 150 * 3)  # about 150 receptions a day
    record = QualificationRecord(
        "06130012", "けんぽ東京", "1234", str(i), "01", facts.name, "カンジャ タロウ", "1", facts.birth_date,
        facts.address, 30, "A03",
    )
    return ReceptionRecord(
        f"s{i:07d}", started, started + timedelta(minutes=1), "done", IdentityMethod.FACE, facts, certificate,
        QualificationResult(Validity.VALID, (record,)), Consent(True, True, False), billing=record,
    )


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def staff_queries(store: Store, day: date) -> str:
    by_day = statistics.median(timed(lambda: store.receptions_on(day), 5))
    interrupted = statistics.median(timed(store.interrupted_receptions, 5))
    return f"list a day (~150 rows, decrypted) {ms(by_day)}; interrupted receptions {ms(interrupted)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--receptions", type=int, default=100_000)
    parser.add_argument("--patients", type=int, default=20_000)
    parser.add_argument("--dir", help="where to build the store (default: a temporary directory)")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    figures: dict[str, object] = {"receptions": args.receptions, "patients": args.patients}

    def say(line: str) -> None:
        if not args.json:
            print(line, flush=True)

    clock = [datetime.now().astimezone()]  # moved on a day for each day's check

    def now() -> datetime:
        return clock[0]

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(args.dir or tmp)
        db, keys = root / "bench.db", FileKeyProvider(root / "keys")
        store = Store.open(db, keys, clock=now, migrate_to=1)
        t = time.perf_counter()
        store.save_receptions(reception(i, args.patients) for i in range(args.receptions))
        build = time.perf_counter() - t
        say(f"built {args.receptions:,} receptions of {args.patients:,} patients in one transaction: {build:.1f} s "
            f"({build / args.receptions * 1e6:.0f} µs each); file {db.stat().st_size / 1e6:.0f} MB")
        day = (DAY0 + timedelta(days=args.receptions // 300)).date()
        say(f"schema 1 (no indexes): {staff_queries(store, day)}")
        store.close()

        t = time.perf_counter()
        store = Store.open(db, keys, clock=now)
        figures["migrate_s"] = round(time.perf_counter() - t, 2)
        say(f"migrated to schema {store.schema_version} in {ms(time.perf_counter() - t)}")
        say(f"schema {store.schema_version}: {staff_queries(store, day)}")

        next_id = iter(range(args.receptions, args.receptions + 10_000))
        writes = timed(lambda: store.save_reception(reception(next(next_id), args.patients)), 50)
        say(f"write one reception (own transaction, WAL, synchronous=FULL): median {ms(statistics.median(writes))}, "
            f"p95 {ms(sorted(writes)[int(len(writes) * 0.95)])}")

        lookups = [patient(n) for n in range(0, args.patients, max(1, args.patients // 1000))]
        found = iter(lookups)
        hits = timed(lambda: store.last_confirmed(*next(found)), len(lookups))
        misses = timed(lambda: store.last_confirmed(patient(10**7)[0], patient(10**7)[1]), 200)
        say(f"find a returning patient: median {ms(statistics.median(hits))} (found), "
            f"{ms(statistics.median(misses))} (new patient)")

        figures.update(build_s=round(build, 1), file_mb=round(db.stat().st_size / 1e6),
                       write_median_ms=round(statistics.median(writes) * 1000, 2))
        for pragma in ("integrity_check", "quick_check"):
            t = time.perf_counter()
            store._db.execute(f"PRAGMA {pragma}").fetchall()
            figures[f"sqlite_{pragma}_s"] = round(time.perf_counter() - t, 2)
            say(f"SQLite's own {pragma}: {figures[f'sqlite_{pragma}_s']:.2f} s")

        t = time.perf_counter()
        report = store.run_check("it:bench", full=True)
        figures["full_check_s"] = round(time.perf_counter() - t, 2)
        say(f"store check, full (integrity + the whole audit chain + every sealed field): "
            f"{figures['full_check_s']:.1f} s, {len(report.problems)} problem(s)\n  {report.summary()}")

        clock[0] += timedelta(days=1)  # the next day's check, after the day's receptions
        day_ids = iter(range(args.receptions + 10_000, args.receptions + 10_300))
        for _ in range(150):
            store.save_reception(reception(next(day_ids), args.patients))
        t = time.perf_counter()
        report = store.run_check("it:bench")
        figures["incremental_check_s"] = round(time.perf_counter() - t, 3)
        say(f"store check, incremental after a day's 150 receptions, on the open store: "
            f"{figures['incremental_check_s']:.3f} s, {len(report.problems)} problem(s)\n  {report.summary()}")
        store.close()

        clock[0] += timedelta(days=1)  # the day after: its receptions, then the check as the command runs it
        with Store.open(db, keys, clock=now) as writer:
            for _ in range(150):
                writer.save_reception(reception(next(day_ids), args.patients))
        t = time.perf_counter()
        store = Store.open(db, keys, clock=now)
        opened = time.perf_counter()
        report = store.run_check("it:bench")
        done = time.perf_counter()
        store.close()
        figures.update(command_open_s=round(opened - t, 3), command_check_s=round(done - opened, 3),
                       command_total_s=round(done - t, 3))
        say(f"as `kiosk store check` runs it: open {figures['command_open_s']:.3f} s (SQLite's quick check) + "
            f"incremental check {figures['command_check_s']:.3f} s = {figures['command_total_s']:.3f} s, "
            f"{len(report.problems)} problem(s)\n  {report.summary()}")
    if args.json:
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
