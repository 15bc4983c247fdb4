import io
from datetime import date, datetime, timedelta

from kiosk.core.domain import Trouble
from kiosk.core.fakes import MemoryStore
from kiosk.core.ports import ReceptionRecord
from kiosk.staff import report as rp


def row(day: int, outcome: str, *troubles: str) -> rp.ReceptionRow:
    return rp.ReceptionRow(f"s{day}{outcome}", datetime(2026, 11, day, 10, 0), outcome, troubles=troubles)


ROWS = [
    row(23, "completed", "T13"),
    row(23, "completed_by_staff", "T14", "T17"),
    row(24, "fallback", "T3"),
    row(24, "not_confirmed", "T14", "T17"),
    row(30, "completed", "T1"),  # the next week (Monday)
]


def test_counts_by_trouble_and_resolution():
    report = rp.trouble_report(ROWS, date(2026, 11, 23), date(2026, 11, 29))
    assert report.receptions == 4
    assert report.count(Trouble.T14) == 2 and report.count(Trouble.T1) == 0
    t14 = next(c for c in report.counts if c.trouble is Trouble.T14)
    assert t14.by_resolution == {"kiosk": 0, "staff": 1, "fallback": 0, "not_completed": 1}
    assert [c.trouble for c in report.counts] == list(Trouble)


def test_daily_and_weekly_periods():
    days = rp.daily_reports(ROWS, date(2026, 11, 23), 2)
    assert [d.receptions for d in days] == [2, 2]
    weeks = rp.weekly_reports(ROWS, date(2026, 11, 25), 2)
    assert [(w.start, w.end) for w in weeks] == [(date(2026, 11, 23), date(2026, 11, 29)), (date(2026, 11, 30), date(2026, 12, 6))]
    assert [w.receptions for w in weeks] == [4, 1]


def test_csv_lists_each_period_and_trouble_that_happened():
    out = io.StringIO()
    lines = rp.write_csv(rp.daily_reports(ROWS, date(2026, 11, 23), 2), out)
    text = out.getvalue().splitlines()
    assert text[0] == ",".join(rp.CSV_HEADER)
    assert "2026-11-23,2026-11-23,2,T14,1,0,1,0,0" in text
    assert "2026-11-24,2026-11-24,2,T14,1,0,0,0,1" in text
    assert lines == len(text) - 1 == 6


def test_rows_from_the_memory_store_keep_names_only_when_asked():
    store = MemoryStore()
    start = datetime(2026, 11, 27, 9, 0)
    from kiosk.core.fakes import DEMO_FACTS
    store.receptions.append(ReceptionRecord("a", start, start + timedelta(minutes=1), "completed", facts=DEMO_FACTS,
                                            troubles=(Trouble.T13,), notes=("current", "staff:suzuki")))
    anonymous = rp.rows_from_store(store, date(2026, 11, 27), date(2026, 11, 27), personal=False)
    assert anonymous[0].name == "" and anonymous[0].troubles == ("T13",) and anonymous[0].basis == "current"
    named = rp.rows_from_store(store, date(2026, 11, 27), date(2026, 11, 27), personal=True)
    assert named[0].name == DEMO_FACTS.name
    assert rp.rows_from_store(store, date(2026, 11, 28), date(2026, 11, 28), personal=True) == []
    assert rp.ReceptionRow.from_json(named[0].to_json()) == named[0]
