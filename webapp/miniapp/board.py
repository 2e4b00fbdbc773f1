"""The planning board's JSON (`/api/miniapp/board`, slots and planned shifts): the week of
every object the planner sees, with labour cost where they may see money, and the
assignments they make on it (the bot's rules, `services.planning`)."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from fastapi import Body, Query

from services.availability.texts import verdict_reason
from services.board.week import (
    BoardObject,
    BoardSlot,
    WeekBoard,
    require_membership_in,
    require_object_in,
    require_planned_shift_in,
    require_slot_in,
    week_board,
)
from services.exchange.queries import PendingExchange
from services.planning import bookings
from services.planning.queries import assignable_employees, object_employees
from services.planning.quick import plan_shift
from services.platform.db.models import ExchangeStatus
from services.platform.i18n import Translator
from services.platform.validation import parse_shift_times
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import PlannerDep, api_router, translator_of
from webapp.miniapp.formatting import money_or_none, time_span

router = api_router()


def _pending_json(t: Translator, pending: PendingExchange) -> dict[str, Any]:
    return {
        "kind": pending.kind.value,
        "id": pending.exchange_id,
        "awaits_approval": pending.status == ExchangeStatus.PENDING_APPROVAL,
        "text": t.get(
            f"board-pending-{pending.kind.value}",
            status=str(pending.status),
            name=pending.employee,
            other=pending.other,
        ),
    }


def _slot_json(t: Translator, slot: BoardSlot, currency: str) -> dict[str, Any]:
    return {
        "id": slot.slot_id,
        "time": time_span(slot.start_time, slot.end_time),
        "occupancy": f"{slot.booked}/{slot.max_employees}",
        "full": slot.is_full,
        "started": slot.has_started,
        "cost": money_or_none(t, slot.labour_cost, currency),
        "people": [
            {
                "planned_shift_id": person.planned_shift_id,
                "membership_id": person.membership_id,
                "name": person.name,
            }
            for person in slot.people
        ],
        "pending": [_pending_json(t, pending) for pending in slot.pending],
        "drafted": slot.drafted,
    }


def _object_json(t: Translator, board: WeekBoard, item: BoardObject) -> dict[str, Any]:
    week_cost = (
        sum((item.cost_on(day) or Decimal(0) for day in board.days), Decimal("0.00"))
        if item.can_view_money
        else None
    )
    return {
        "id": item.object_id,
        "name": item.name,
        "can_plan": item.can_plan,
        "week_cost": money_or_none(t, week_cost, board.currency),
        "days": [
            {
                "date": day.isoformat(),
                "cost": money_or_none(t, item.cost_on(day), board.currency),
                "slots": [
                    _slot_json(t, slot, board.currency)
                    for slot in item.slots
                    if slot.local_date == day
                ],
            }
            for day in board.days
        ],
    }


def _board_json(t: Translator, board: WeekBoard) -> dict[str, Any]:
    days = board.days
    return {
        "week_start": board.week_start.isoformat(),
        "prev_week": date.fromordinal(board.week_start.toordinal() - 7).isoformat(),
        "next_week": date.fromordinal(board.week_start.toordinal() + 7).isoformat(),
        "title": f"{t.day(days[0], 'd MMM')} – {t.day(days[-1], 'd MMM yyyy')}",
        "shows_money": board.shows_money,
        "week_cost": money_or_none(t, board.week_cost, board.currency),
        "days": [
            {
                "date": day.isoformat(),
                "weekday": t.day(day, "EEE"),
                "label": t.day(day, "d MMM"),
                "is_today": day == board.today,
                "is_past": day < board.today,
                "cost": money_or_none(t, board.cost_on(day), board.currency),
            }
            for day in days
        ],
        "objects": [_object_json(t, board, item) for item in board.objects],
    }


@router.get("/board")
async def get_board(
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    week: Annotated[date | None, Query()] = None,
) -> dict[str, Any]:
    board = await week_board(
        session, clock, user_id=user.id, organization_id=actor.organization_id, week_start=week
    )
    return _board_json(translator_of(user), board)


@router.get("/slots/{slot_id}/candidates")
async def slot_candidates(
    slot_id: int, user: CurrentUser, actor: PlannerDep, session: SessionDep
) -> dict[str, Any]:
    """Employees of the slot's object who are not on it yet."""
    await require_slot_in(session, actor.organization_id, slot_id)
    employees = await assignable_employees(session, user_id=user.id, slot_id=slot_id)
    i18n = translator_of(user)
    return {
        "employees": [
            {
                "membership_id": c.membership_id,
                "name": c.name,
                "availability": c.verdict.kind.value,
                "why": verdict_reason(i18n, c.verdict),
            }
            for c in employees
        ]
    }


@router.post("/slots/{slot_id}/assign")
async def assign(
    slot_id: int,
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    membership_id: Annotated[int, Body(embed=True)],
    availability_reason: Annotated[str, Body(embed=True, max_length=1000)] = "",
) -> dict[str, Any]:
    """Put an employee on the slot (`services.planning.bookings.assign_employee`); outside
    their availability only with a reason."""
    await require_slot_in(session, actor.organization_id, slot_id)
    await require_membership_in(session, actor.organization_id, membership_id)
    planned_shift = await bookings.assign_employee(
        session,
        clock,
        user_id=user.id,
        slot_id=slot_id,
        membership_id=membership_id,
        availability_reason=availability_reason,
    )
    await session.commit()
    return {"planned_shift_id": planned_shift.id}


@router.post("/planned-shifts/{planned_shift_id}/unassign")
async def unassign(
    planned_shift_id: int,
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    comment: Annotated[str, Body(embed=True, max_length=1000)] = "",
) -> dict[str, Any]:
    """Take someone off a slot (`services.planning.bookings.unassign`, no fine)."""
    await require_planned_shift_in(session, actor.organization_id, planned_shift_id)
    await bookings.unassign(
        session, clock, user_id=user.id, planned_shift_id=planned_shift_id, comment=comment
    )
    await session.commit()
    return {"planned_shift_id": planned_shift_id}


@router.post("/planned-shifts/{planned_shift_id}/move")
async def move(
    planned_shift_id: int,
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    slot_id: Annotated[int, Body(embed=True)],
) -> dict[str, Any]:
    """Move someone to another slot (`services.planning.bookings.move_planned_shift`): the rules of
    assignment; a refusal leaves them where they were."""
    await require_planned_shift_in(session, actor.organization_id, planned_shift_id)
    await require_slot_in(session, actor.organization_id, slot_id)
    moved = await bookings.move_planned_shift(
        session, clock, user_id=user.id, planned_shift_id=planned_shift_id, slot_id=slot_id
    )
    await session.commit()
    return {"planned_shift_id": moved.id, "slot_id": moved.slot_id}


@router.get("/objects/{object_id}/employees")
async def object_candidates(
    object_id: int, user: CurrentUser, actor: PlannerDep, session: SessionDep
) -> dict[str, Any]:
    """The object's employees, for the "＋" of a day cell."""
    await require_object_in(session, actor.organization_id, object_id)
    employees = await object_employees(session, user_id=user.id, object_id=object_id)
    return {"employees": [{"membership_id": m, "name": name} for m, name in employees]}


@router.post("/objects/{object_id}/shifts")
async def add_shift(
    object_id: int,
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    day: Annotated[date, Body()],
    hours: Annotated[str, Body(max_length=20)],
    membership_id: Annotated[int, Body()],
) -> dict[str, Any]:
    """The "＋" of a day cell: one shift for one employee at those hours
    (`services.planning.quick.plan_shift`: the slot is found or made)."""
    await require_object_in(session, actor.organization_id, object_id)
    await require_membership_in(session, actor.organization_id, membership_id)
    start, end = parse_shift_times(hours)
    planned_shift = await plan_shift(
        session,
        clock,
        user_id=user.id,
        object_id=object_id,
        local_date=day,
        start=start,
        end=end,
        membership_id=membership_id,
    )
    await session.commit()
    return {"planned_shift_id": planned_shift.id, "slot_id": planned_shift.slot_id}
