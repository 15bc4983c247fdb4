import io
from datetime import date, datetime, timedelta

from kiosk.core.domain import Trouble
from kiosk.core.values import ReceptionRecord
from kiosk.simulation.fakes import DEMO_FACTS
from kiosk.simulation.player import FakeSide, LiveRig, play
from kiosk.simulation.script import named
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
    assert [(w.start, w.end) for w in weeks] == [(date(2026, 11, 23), date(2026, 11, 29)),
                                                 (date(2026, 11, 30), date(2026, 12, 6))]
    assert [w.receptions for w in weeks] == [4, 1]


def test_csv_lists_each_period_and_trouble_that_happened():
    out = io.StringIO()
    lines = rp.write_csv(rp.daily_reports(ROWS, date(2026, 11, 23), 2), out)
    text = out.getvalue().splitlines()
    assert text[0] == ",".join(rp.CSV_HEADER)
    assert "2026-11-23,2026-11-23,2,T14,1,0,1,0,0" in text
    assert "2026-11-24,2026-11-24,2,T14,1,0,0,0,1" in text
    assert lines == len(text) - 1 == 6


def test_rows_from_the_store_keep_names_only_when_asked(lane):
    start = datetime(2026, 11, 27, 9, 0).astimezone()
    lane.reception_started("a", start)
    lane.save_reception(ReceptionRecord("a", start, start + timedelta(minutes=1), "completed", facts=DEMO_FACTS,
                                        troubles=(Trouble.T13,), notes=("current", "staff:suzuki")))
    lane.reception_started("running", start + timedelta(minutes=5))  # still at the kiosk: not over yet
    anonymous = rp.rows_from_store(lane, start.date(), start.date(), personal=False)
    assert [(r.session_id, r.name, r.troubles, r.basis) for r in anonymous] == [("a", "", ("T13",), "current")]
    named_rows = rp.rows_from_store(lane, start.date(), start.date(), personal=True)
    assert named_rows[0].name == DEMO_FACTS.name
    assert rp.rows_from_store(lane, start.date() + timedelta(days=1), start.date() + timedelta(days=1), True) == []


def test_every_reception_the_kiosk_saw_is_listed_pulled_card_and_walked_away_included(lane):
    for name in ("card-removed", "walk-away", "valid-pin"):
        script = named()[name]
        rig = LiveRig(script, FakeSide(script), store=lane)
        try:
            play(script, rig)
        finally:
            rig.close()
    today = rig.clock.now().date()
    rows = rp.rows_from_store(lane, today, today, personal=False)
    assert sorted(r.outcome for r in rows) == ["abandoned", "card_removed", "completed"]
