"""The embedded default: the same scenario week on SQLite, whose local dates come from
the CASE over each local day's UTC bounds instead of `AT TIME ZONE`."""

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest

from services.platform.clock import ManualClock
from services.platform.db.models import Base
from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, ReportPeriod
from services.reports.scope import ReportScope
from services.staff.permissions import actor_in
from tests.support.reports import AFTER_THE_WEEK, FRI, MON, SUN, build_report_week


@pytest.fixture
async def sqlite_sessions(tmp_path: Path) -> AsyncIterator[SessionFactory]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'reports.db'}")
    async with engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)
    yield create_session_factory(engine)
    await engine.dispose()


async def test_week_on_sqlite_matches_postgresql_figures(sqlite_sessions) -> None:
    clock = ManualClock(AFTER_THE_WEEK)
    async with sqlite_sessions() as session, session.begin():
        week = await build_report_week(session)
    async with sqlite_sessions() as session:
        actor = await actor_in(session, week.owner.id, week.organization_id)
        report = await build_report(
            session, clock, actor, ReportPeriod(PeriodKind.LAST_WEEK, MON, SUN), ReportScope()
        )
        friday = await build_report(
            session, clock, actor, ReportPeriod(PeriodKind.CUSTOM, FRI, FRI), ReportScope()
        )
    totals = report.totals
    assert (totals.shifts, totals.minutes, totals.cost) == (8, 2998, Decimal("17365.00"))
    assert (totals.late_arrivals, totals.late_minutes, totals.no_shows) == (2, 29, 1)
    assert (totals.fines, totals.bonuses) == (Decimal("830.00"), Decimal("1100.00"))
    assert [(d.shifts, d.minutes) for d in report.days] == [
        (3, 1188),
        (1, 463),
        (0, 0),
        (1, 480),
        (1, 150),
        (1, 477),
        (1, 240),
    ]
    assert [(e.name, e.minutes) for e in friday.employees] == [("Vera", 150)]
