"""My availability in the Mini App (`/api/miniapp/availability`): the week as stated,
and a weekday changed in one request (`services.availability.statements`)."""

from datetime import time
from typing import Annotated, Any, Literal

from babel.dates import get_day_names
from fastapi import Body, Path

from services.availability.queries import my_availability
from services.availability.statements import clear_weekday, set_weekday
from services.availability.texts import day_rule_text
from services.platform.db.models import AvailabilityKind
from services.staff.memberships import organization_today
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import MemberDep, api_router, translator_of

router = api_router()

NO_STATEMENT = "none"
KindChoice = Literal["none", "available", "preferred", "unavailable"]


@router.get("/availability")
async def availability(
    user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Every weekday as I stated it (`none`: not stated, available)."""
    i18n = translator_of(user)
    today = await organization_today(session, clock, actor.organization_id)
    mine = await my_availability(
        session, user_id=user.id, organization_id=actor.organization_id, since=today
    )
    names = get_day_names("wide", locale=i18n.language)
    weekdays = []
    for weekday in range(7):
        rule = mine.weekly.get(weekday)
        weekdays.append(
            {
                "weekday": weekday,
                "name": names[weekday],
                "kind": rule.kind.value if rule else NO_STATEMENT,
                "start": rule.start.strftime("%H:%M") if rule and rule.start else "",
                "end": rule.end.strftime("%H:%M") if rule and rule.end else "",
                "text": day_rule_text(i18n, rule) if rule else i18n("availability-rule-none"),
            }
        )
    return {"weekdays": weekdays}


@router.post("/availability/weekdays/{weekday}")
async def state_weekday(
    user: CurrentUser,
    actor: MemberDep,
    session: SessionDep,
    weekday: Annotated[int, Path(ge=0, le=6)],
    kind: Annotated[KindChoice, Body(embed=True)],
    start: Annotated[time | None, Body(embed=True)] = None,
    end: Annotated[time | None, Body(embed=True)] = None,
) -> dict[str, Any]:
    """State a weekday: a kind with an optional window, or `none` to clear it."""
    if kind == NO_STATEMENT:
        await clear_weekday(
            session, user_id=user.id, organization_id=actor.organization_id, weekday=weekday
        )
    else:
        await set_weekday(
            session,
            user_id=user.id,
            organization_id=actor.organization_id,
            weekday=weekday,
            kind=AvailabilityKind(kind),
            start=start,
            end=end,
        )
    await session.commit()
    return {"weekday": weekday, "kind": kind}
