"""The Mini App's JSON API (`/api/miniapp/…`). Every route is authenticated from
`Authorization: tma <initData>`, acts in the caller's current organization and calls one
use case of `services`; texts, dates and money are formatted here in the user's language
so that the pages only place them."""

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from babel.dates import format_date, get_day_names
from fastapi import APIRouter, Body, Query

from services.board.week import (
    BoardObject,
    BoardSlot,
    WeekBoard,
    month_calendar,
    require_membership_in,
    require_planned_shift_in,
    require_slot_in,
    week_board,
)
from services.exchange import exchange as shift_exchange
from services.payroll import payslips
from services.payroll.payslip_text import line_text, payslip_figures, signed_money
from services.places.objects import visible_objects
from services.planning import slots as planning
from services.platform.db.models import ExchangeStatus, MembershipRole, Organization, PayPeriod
from services.platform.errors import DomainError, NotFound
from services.platform.i18n import Translator
from services.reports import figures as reports
from services.staff.memberships import organization_today
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep, SettingsDep
from webapp.miniapp.context import MemberDep, PlannerDep, http_error, translator_of

router = APIRouter(prefix="/api/miniapp", tags=["miniapp"])

PLANNER_PAGES = ("board", "reports", "map")
MEMBER_PAGES = ("schedule", "open-shifts", "payslip")
EMPLOYEE_ONLY_PAGES = ("open-shifts",)  # as in the bot's menu: employees take open shifts
YANDEX_LANGUAGES = {"ru": "ru_RU", "en": "en_US"}


def _hhmm(value: Any) -> str:
    return str(value.strftime("%H:%M"))


def _money(t: Translator, amount: Decimal | None, currency: str) -> str | None:
    return None if amount is None else t.money(amount, currency)


@router.get("/me")
async def me(user: CurrentUser, actor: MemberDep, session: SessionDep) -> dict[str, Any]:
    """Who the caller is here, and which pages they have."""
    organization = await session.get(Organization, actor.organization_id)
    is_planner = actor.role in (MembershipRole.OWNER, MembershipRole.MANAGER)
    return {
        "name": user.display_name,
        "language": user.language,
        "role": actor.role.value,
        "organization": {"id": actor.organization_id, "name": organization.name},
        "pages": [
            *(PLANNER_PAGES if is_planner else ()),
            *(
                page
                for page in MEMBER_PAGES
                if actor.role == MembershipRole.EMPLOYEE or page not in EMPLOYEE_ONLY_PAGES
            ),
        ],
    }


# ------------------------------------------------------------------ planning board


def _pending_json(t: Translator, pending: shift_exchange.PendingExchange) -> dict[str, Any]:
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
        "time": f"{_hhmm(slot.start_time)}–{_hhmm(slot.end_time)}",
        "occupancy": f"{slot.booked}/{slot.max_employees}",
        "full": slot.is_full,
        "started": slot.has_started,
        "cost": _money(t, slot.labour_cost, currency),
        "people": [
            {
                "planned_shift_id": person.planned_shift_id,
                "membership_id": person.membership_id,
                "name": person.name,
            }
            for person in slot.people
        ],
        "pending": [_pending_json(t, pending) for pending in slot.pending],
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
        "week_cost": _money(t, week_cost, board.currency),
        "days": [
            {
                "date": day.isoformat(),
                "cost": _money(t, item.cost_on(day), board.currency),
                "slots": [
                    _slot_json(t, slot, board.currency)
                    for slot in item.slots
                    if slot.local_date == day
                ],
            }
            for day in board.days
        ],
    }


def board_json(t: Translator, board: WeekBoard) -> dict[str, Any]:
    days = board.days
    return {
        "week_start": board.week_start.isoformat(),
        "prev_week": date.fromordinal(board.week_start.toordinal() - 7).isoformat(),
        "next_week": date.fromordinal(board.week_start.toordinal() + 7).isoformat(),
        "title": f"{t.day(days[0], 'd MMM')} – {t.day(days[-1], 'd MMM yyyy')}",
        "shows_money": board.shows_money,
        "week_cost": _money(t, board.week_cost, board.currency),
        "days": [
            {
                "date": day.isoformat(),
                "weekday": t.day(day, "EEE"),
                "label": t.day(day, "d MMM"),
                "is_today": day == board.today,
                "cost": _money(t, board.cost_on(day), board.currency),
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
    try:
        board = await week_board(
            session, clock, user_id=user.id, organization_id=actor.organization_id, week_start=week
        )
    except DomainError as error:
        raise http_error(error, user) from error
    return board_json(translator_of(user), board)


@router.get("/slots/{slot_id}/candidates")
async def slot_candidates(
    slot_id: int, user: CurrentUser, actor: PlannerDep, session: SessionDep
) -> dict[str, Any]:
    """Employees of the slot's object who are not on it yet."""
    try:
        await require_slot_in(session, actor.organization_id, slot_id)
        employees = await planning.assignable_employees(session, user_id=user.id, slot_id=slot_id)
    except DomainError as error:
        raise http_error(error, user) from error
    return {"employees": [{"membership_id": m, "name": name} for m, name in employees]}


@router.post("/slots/{slot_id}/assign")
async def assign(
    slot_id: int,
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    membership_id: Annotated[int, Body(embed=True)],
) -> dict[str, Any]:
    """Put an employee on the slot (`services.planning.slots.assign_employee`, the bot's rules)."""
    try:
        await require_slot_in(session, actor.organization_id, slot_id)
        await require_membership_in(session, actor.organization_id, membership_id)
        planned_shift = await planning.assign_employee(
            session, clock, user_id=user.id, slot_id=slot_id, membership_id=membership_id
        )
    except DomainError as error:
        raise http_error(error, user) from error
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
    """Take someone off a slot (`services.planning.slots.unassign`, no fine)."""
    try:
        await require_planned_shift_in(session, actor.organization_id, planned_shift_id)
        await planning.unassign(
            session, clock, user_id=user.id, planned_shift_id=planned_shift_id, comment=comment
        )
    except DomainError as error:
        raise http_error(error, user) from error
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
    """Move someone to another slot (`services.planning.slots.move_planned_shift`): the rules of
    assignment; a refusal leaves them where they were."""
    try:
        await require_planned_shift_in(session, actor.organization_id, planned_shift_id)
        await require_slot_in(session, actor.organization_id, slot_id)
        moved = await planning.move_planned_shift(
            session, clock, user_id=user.id, planned_shift_id=planned_shift_id, slot_id=slot_id
        )
    except DomainError as error:
        raise http_error(error, user) from error
    await session.commit()
    return {"planned_shift_id": moved.id, "slot_id": moved.slot_id}


# ------------------------------------------------------------------ employee schedule


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
    try:
        calendar = await month_calendar(
            session,
            clock,
            user_id=user.id,
            organization_id=actor.organization_id,
            year=year,
            month=number,
        )
    except DomainError as error:
        raise http_error(error, user) from error
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
                "time": f"{_hhmm(shift.start_time)}–{_hhmm(shift.end_time)}",
            }
            for shift in calendar.shifts
        ],
    }


# ------------------------------------------------------------------ open shifts


def _open_shift_json(
    t: Translator, kind: str, item_id: int, shift: shift_exchange.ShiftInfo, **extra: Any
) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": item_id,
        "date": shift.local_date.isoformat(),
        "date_label": t.short_day(shift.local_date),
        "time": f"{_hhmm(shift.start_time)}–{_hhmm(shift.end_time)}",
        "object": shift.object_name,
        **extra,
    }


@router.get("/open-shifts")
async def open_shifts(
    user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Free places and colleagues' give-aways the caller may take now, by start time
    (`services.exchange.exchange.open_places`, the bot's "Open shifts")."""
    try:
        found = await shift_exchange.open_places(
            session, clock, user_id=user.id, organization_id=actor.organization_id
        )
    except DomainError as error:
        raise http_error(error, user) from error
    t = translator_of(user)
    items = [
        (
            place.shift.starts_at,
            _open_shift_json(
                t,
                "slot",
                place.slot_id,
                place.shift,
                occupancy=f"{place.booked}/{place.max_employees}",
                offered_by=None,
                needs_approval=place.needs_approval,
            ),
        )
        for place in found.places
    ] + [
        (
            offer.shift.starts_at,
            _open_shift_json(
                t,
                "offer",
                offer.offer_id,
                offer.shift,
                occupancy=None,
                offered_by=offer.offered_by,
                needs_approval=offer.needs_approval,
            ),
        )
        for offer in found.offers
    ]
    items.sort(key=lambda item: item[0])
    return {"items": [item for _, item in items]}


def _taken_json(t: Translator, result: shift_exchange.TakeResult) -> dict[str, Any]:
    shift = result.shift
    key = (
        "schedule-booked"
        if result.outcome == shift_exchange.Outcome.DONE
        else "exchange-take-requested"
    )
    return {
        "outcome": result.outcome.value,
        "message": t.get(
            key,
            date=t.short_day(shift.local_date),
            start=_hhmm(shift.start_time),
            end=_hhmm(shift.end_time),
            object_name=shift.object_name,
        ),
    }


@router.post("/open-shifts/slots/{slot_id}/take")
async def take_open_place(
    slot_id: int, user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Take a free place: booked at once, or a request where the object wants approval
    (`services.exchange.exchange.take_open_place` decides)."""
    try:
        await require_slot_in(session, actor.organization_id, slot_id)
        result = await shift_exchange.take_open_place(
            session, clock, user_id=user.id, slot_id=slot_id
        )
    except DomainError as error:
        raise http_error(error, user) from error
    await session.commit()
    return _taken_json(translator_of(user), result)


@router.post("/open-shifts/offers/{offer_id}/take")
async def take_offered_shift(
    offer_id: int, user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Take a colleague's give-away: the first taker gets it, or it waits for approval
    (`services.exchange.exchange.take_offered_shift` decides)."""
    try:
        await shift_exchange.require_offer_in(session, actor.organization_id, offer_id)
        result = await shift_exchange.take_offered_shift(
            session, clock, user_id=user.id, offer_id=offer_id
        )
    except DomainError as error:
        raise http_error(error, user) from error
    await session.commit()
    return _taken_json(translator_of(user), result)


# ------------------------------------------------------------------ object map


@router.get("/objects")
async def objects(
    user: CurrentUser, actor: PlannerDep, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    """The objects the caller sees, with their geofences, and the maps key if any."""
    try:
        _, found = await visible_objects(session, user)
    except DomainError as error:
        raise http_error(error, user) from error
    return {
        "maps_js_key": settings.yandex.maps_js_key.get_secret_value(),
        "maps_language": YANDEX_LANGUAGES.get(user.language, "ru_RU"),
        "objects": [
            {
                "id": o.id,
                "name": o.name,
                "address": o.address,
                "latitude": o.latitude,
                "longitude": o.longitude,
                "radius_m": o.geofence_radius_m,
            }
            for o in found
        ],
    }


# ------------------------------------------------------------------ payslips


def _payslip_view_json(t: Translator, view: payslips.PayslipView) -> dict[str, Any]:
    figures = payslip_figures(t, view)
    return {
        "employee": view.totals.employee_name,
        "frozen": view.frozen,
        "hours": figures["hours"],
        "totals": [
            {"key": key, "value": figures[key]}
            for key in ("gross", "fines", "bonuses", "net", "paid", "balance")
        ],
        "lines": [
            {
                "type": line.type.value,
                "title": t.get(f"payroll-type-{line.type}"),
                "text": line_text(t, line, view.currency),
                "amount": signed_money(t, line.amount, view.currency),
            }
            for line in view.lines
        ],
    }


@router.get("/payslip")
async def payslip(
    user: CurrentUser,
    actor: MemberDep,
    session: SessionDep,
    clock: ClockDep,
    period_id: Annotated[int | None, Query()] = None,
    employee_user_id: Annotated[int | None, Query()] = None,
) -> dict[str, Any]:
    """A payslip with every line explained: my own by default; owners and managers with
    `view_money` may ask for an employee's (`services.payroll.payslips.payslip_in` decides).
    The current period has no id (null) while nothing is written to it."""
    try:
        periods = await payslips.recent_periods(
            session, clock, user_id=user.id, organization_id=actor.organization_id
        )
        period = periods[0] if period_id is None else await session.get(PayPeriod, period_id)
        if period is None or period.organization_id != actor.organization_id:
            raise NotFound()
        view = await payslips.payslip_in(
            session, period, user_id=user.id, employee_user_id=employee_user_id or user.id
        )
    except DomainError as error:
        raise http_error(error, user) from error
    t = translator_of(user)
    return {
        "period_id": view.period.id,
        "periods": [
            {
                "id": p.id,
                "label": f"{t.day(p.start_date, 'short')} – {t.day(p.end_date, 'short')}",
            }
            for p in periods
        ],
        "payslip": _payslip_view_json(t, view),
    }


# ------------------------------------------------------------------ reports dashboard


def _report_scope(raw: str) -> reports.ReportScope:
    """`organization`, `object:<id>` or `employee:<user id>`."""
    kind, _, ident = raw.partition(":")
    if kind == reports.ScopeKind.OBJECT and ident.isdigit():
        return reports.ReportScope(reports.ScopeKind.OBJECT, object_id=int(ident))
    if kind == reports.ScopeKind.EMPLOYEE and ident.isdigit():
        return reports.ReportScope(reports.ScopeKind.EMPLOYEE, employee_user_id=int(ident))
    return reports.ReportScope()


def _report_json(t: Translator, report: reports.Report) -> dict[str, Any]:
    currency, totals = report.currency, report.totals
    completion = totals.task_completion_percent
    figures = [
        ("shifts", str(totals.shifts)),
        ("hours", t.number(reports.hours_of(totals.minutes))),
        ("cost", _money(t, totals.cost, currency)),
        ("late", f"{totals.late_arrivals} · {totals.late_minutes}"),
        ("no-shows", str(totals.no_shows)),
        ("cancellations", str(totals.cancellations)),
        (
            "tasks",
            f"{totals.tasks_done}/{totals.tasks_total}"
            + (f" · {completion}%" if completion is not None else ""),
        ),
        ("fines", _money(t, totals.fines, currency)),
        ("bonuses", _money(t, totals.bonuses, currency)),
    ]
    return {
        "title": report.scope_title,
        "period": f"{t.day(report.period.start, 'short')} – {t.day(report.period.end, 'short')}",
        "show_money": report.show_money,
        "totals": [{"key": key, "value": value} for key, value in figures if value is not None],
        "days": [
            {
                "date": day.day.isoformat(),
                "label": t.day(day.day, "EEE d"),
                "hours": float(reports.hours_of(day.minutes)),
                "hours_text": t.number(reports.hours_of(day.minutes)),
                "cost": float(day.cost) if day.cost is not None else None,
                "cost_text": _money(t, day.cost, currency),
            }
            for day in report.days
        ],
        "employees": [
            {
                "name": row.name,
                "shifts": row.shifts,
                "hours": t.number(reports.hours_of(row.minutes)),
                "cost": _money(t, row.cost, currency),
                "late": row.late_arrivals,
                "no_shows": row.no_shows,
                "tasks": f"{row.tasks_done}/{row.tasks_total}",
                "fines": _money(t, row.fines, currency),
                "bonuses": _money(t, row.bonuses, currency),
            }
            for row in report.employees
        ],
    }


@router.get("/report")
async def report(
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    period: Annotated[reports.PeriodKind, Query()] = reports.PeriodKind.THIS_WEEK,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
    scope: Annotated[str, Query(max_length=40)] = "organization",
) -> dict[str, Any]:
    """The C10 report of a period and a scope (`services.reports.figures.build_report`), with
    the scopes the caller may pick."""
    try:
        today = await organization_today(session, clock, actor.organization_id)
        span = reports.period_of(period, today, start, end)
        built = await reports.build_report(session, clock, actor, span, _report_scope(scope))
        objects = await reports.visible_objects(session, actor)
        employees = await reports.visible_employees(session, actor)
    except DomainError as error:
        raise http_error(error, user) from error
    t = translator_of(user)
    return {
        "report": _report_json(t, built),
        "scopes": [
            {"value": "organization", "label": built.organization_name},
            *({"value": f"object:{o.id}", "label": o.name} for o in objects),
            *({"value": f"employee:{e.id}", "label": e.display_name} for e in employees),
        ],
    }
