"""The employee's calendar (`/api/miniapp/schedule`): my planned shifts of one month."""

from datetime import date
from typing import Annotated, Any

from babel.dates import format_date, get_day_names
from fastapi import Query

from services.board.week import month_calendar
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import MemberDep, api_router, translator_of
from webapp.miniapp.formatting import time_span

router = api_router()


def _month_shift(year: int, month: int, step: int) -> str:
    index = year * 12 + (month - 1) + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


@router.get("/schedule")
async def schedule(
    user: CurrentUser,
    actor: MemberDep,
    session: SessionDep,
    clock: ClockDep,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$")] = None,
) -> dict[str, Any]:
    """My planned shifts of one month, for the calendar."""
    year, number = (int(part) for part in month.split("-")) if month else (None, None)
    calendar = await month_calendar(
        session,
        clock,
        user_id=user.id,
        organization_id=actor.organization_id,
        year=year,
        month=number,
    )
    t = translator_of(user)
    first = date(calendar.year, calendar.month, 1)
    weekday_names = get_day_names("abbreviated", context="stand-alone", locale=t.language)
    return {
        "month": f"{calendar.year:04d}-{calendar.month:02d}",
        "title": format_date(first, "LLLL yyyy", locale=t.language).capitalize(),
        "prev_month": _month_shift(calendar.year, calendar.month, -1),
        "next_month": _month_shift(calendar.year, calendar.month, 1),
        "today": calendar.today.isoformat(),
        "weekdays": [weekday_names[index] for index in range(7)],
        "shifts": [
            {
                "planned_shift_id": shift.planned_shift_id,
                "date": shift.local_date.isoformat(),
                "date_label": t.short_day(shift.local_date),
                "object": shift.object_name,
                "time": time_span(shift.start_time, shift.end_time),
            }
            for shift in calendar.shifts
        ],
    }
