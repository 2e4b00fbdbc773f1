"""Incidents and requests move money exactly once, on PostgreSQL and on the embedded
default's SQLite: whatever the order and repetition of answers, decisions and job runs,
and under concurrent taps. The period's deduction cap holds back what exceeds it and
carries it over. Other tenants and unpermitted managers are told "not found".

The clock stands at Monday 2 March 2026, 12:00 UTC (15:00 in Moscow); weekly periods
run Monday to Sunday."""

import asyncio
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from services.incidents.errors import AnswerWindowClosed, CaseAlreadyDecided
from services.incidents.incidents import (
    NewIncident,
    accept_incident,
    decide_incident,
    dispute_incident,
    lapse_unanswered_incidents,
    record_incident,
)
from services.incidents.kinds import add_kind, kinds_of
from services.incidents.money import settle_incident
from services.incidents.queries import incident_card, request_card
from services.incidents.requests import (
    RequestItem,
    add_product,
    decide_request,
    file_request,
)
from services.payroll.closing import close_pay_period
from services.payroll.deduction_cap import set_deduction_cap
from services.payroll.export import export_period_workbook
from services.payroll.ledger import record_shift_entries
from services.payroll.payslips import payslip
from services.payroll.periods import period_for_date
from services.platform.clock import ManualClock
from services.platform.db.models import (
    Incident,
    IncidentStatus,
    LedgerEntry,
    LedgerEntryType,
    Membership,
    MembershipRole,
    OutboxMessage,
    Permission,
    RequestKind,
    User,
)
from services.platform.errors import DomainError, InvalidInput, NotFound
from services.platform.i18n import translator_for
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    local,
    make_payroll_world,
)

pytestmark = ON_BOTH_DATABASES

MON = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def D(text: str) -> Decimal:
    return Decimal(text)


async def _world(session_factory):
    """Olga owns "Мира"; Anna works there; Max manages it with view_money only; Ivan
    manages it with edit_money."""
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        mira = await add_object(session, world, "Мира")
        anna = await add_person(session, world, "Anna", [mira])
        await add_person(
            session,
            world,
            "Max",
            [mira],
            role=MembershipRole.MANAGER,
            permissions=[Permission.VIEW.value, Permission.VIEW_MONEY.value],
        )
        ivan = await add_person(
            session,
            world,
            "Ivan",
            [mira],
            role=MembershipRole.MANAGER,
            permissions=[Permission.VIEW.value, Permission.EDIT_MONEY.value],
        )
        kind = (await kinds_of(session, world.organization.id))[0]
    return world, mira, anna[0], ivan[0], kind


async def _actor(session_factory, user):
    async with session_factory() as session:
        return await actor_in(session, user.id, user.active_organization_id)


async def _record(session_factory, clock, world, mira, anna, kind, amount="1500.00") -> int:
    owner = await _actor(session_factory, world.owner)
    async with session_factory() as session, session.begin():
        incident = await record_incident(
            session,
            clock,
            owner,
            NewIncident(anna.id, mira.id, kind.id, "Разбит кофейник", D(amount), ("photo-1",)),
        )
        return incident.id


async def _run(session_factory, use_case, *args, **kwargs):
    async with session_factory() as session, session.begin():
        return await use_case(session, *args, **kwargs)


async def _deductions(session_factory, user_id: int) -> tuple[Decimal, int]:
    """The sum of the user's incident lines and how many rows there are."""
    async with session_factory() as session:
        total, rows = (
            await session.execute(
                select(func.coalesce(func.sum(LedgerEntry.amount), 0), func.count()).where(
                    LedgerEntry.user_id == user_id,
                    LedgerEntry.type == LedgerEntryType.INCIDENT_DEDUCTION,
                )
            )
        ).one()
        return Decimal(total), rows


async def test_an_accepted_incident_deducts_once_whatever_repeats(session_factory) -> None:
    clock = ManualClock(NOW)
    world, mira, anna, _, kind = await _world(session_factory)
    incident_id = await _record(session_factory, clock, world, mira, anna, kind)
    assert await _deductions(session_factory, anna.id) == (D("0"), 0)
    anna_actor = await _actor(session_factory, anna)
    await _run(session_factory, accept_incident, clock, anna_actor, incident_id)
    assert await _deductions(session_factory, anna.id) == (D("-1500.00"), 1)
    with pytest.raises(CaseAlreadyDecided):
        await _run(session_factory, accept_incident, clock, anna_actor, incident_id)
    with pytest.raises(CaseAlreadyDecided):
        await _run(session_factory, dispute_incident, clock, anna_actor, incident_id, "нет")
    async with session_factory() as session, session.begin():
        incident = await session.get(Incident, incident_id)
        assert await settle_incident(session, incident, NOW, author_user_id=None) == 0
    assert await _deductions(session_factory, anna.id) == (D("-1500.00"), 1)
    async with session_factory() as session:
        period = await period_for_date(session, world.organization.id, MON)
        view = await payslip(
            session, user_id=anna_actor.user_id, period_id=period.id, employee_user_id=anna.id
        )
        (line,) = [x for x in view.lines if x.type == LedgerEntryType.INCIDENT_DEDUCTION]
        assert line.reason == f"#{incident_id} Разбит кофейник"
        assert view.totals.fines == D("1500.00")


async def test_a_dispute_upheld_then_cancelled_moves_money_in_and_back_once(
    session_factory,
) -> None:
    clock = ManualClock(NOW)
    world, mira, anna, ivan, kind = await _world(session_factory)
    incident_id = await _record(session_factory, clock, world, mira, anna, kind)
    anna_actor = await _actor(session_factory, anna)
    ivan_actor = await _actor(session_factory, ivan)
    await _run(
        session_factory, dispute_incident, clock, anna_actor, incident_id, "Он уже был треснут"
    )
    assert await _deductions(session_factory, anna.id) == (D("0"), 0)
    with pytest.raises(CaseAlreadyDecided):  # the answer window is no excuse to answer twice
        await _run(session_factory, accept_incident, clock, anna_actor, incident_id)
    await _run(
        session_factory, decide_incident, clock, ivan_actor, incident_id, uphold=True, comment="Нет"
    )
    assert await _deductions(session_factory, anna.id) == (D("-1500.00"), 1)
    with pytest.raises(CaseAlreadyDecided):
        await _run(
            session_factory,
            decide_incident,
            clock,
            ivan_actor,
            incident_id,
            uphold=True,
            comment="x",
        )
    owner = await _actor(session_factory, world.owner)
    await _run(
        session_factory, decide_incident, clock, owner, incident_id, uphold=False, comment="Ок"
    )
    assert await _deductions(session_factory, anna.id) == (D("0"), 2)  # entry and its reversal
    with pytest.raises(CaseAlreadyDecided):
        await _run(
            session_factory, decide_incident, clock, owner, incident_id, uphold=False, comment="Ок"
        )
    assert await _deductions(session_factory, anna.id) == (D("0"), 2)
    async with session_factory() as session:
        card = await incident_card(session, anna_actor, incident_id, clock.now())
        assert [step.action for step in card.history] == [
            "recorded",
            "disputed",
            "upheld",
            "cancelled",
        ]
        kinds = set(
            await session.scalars(
                select(OutboxMessage.kind).where(OutboxMessage.recipient_user_id == anna.id)
            )
        )
        assert kinds == {"incident_recorded", "incident_decided"}


async def test_silence_for_72_hours_lapses_the_incident_once(session_factory) -> None:
    clock = ManualClock(NOW)
    world, mira, anna, _, kind = await _world(session_factory)
    incident_id = await _record(session_factory, clock, world, mira, anna, kind)
    clock.advance(timedelta(hours=71, minutes=59))
    assert await _run(session_factory, lapse_unanswered_incidents, clock) == 0
    clock.advance(timedelta(minutes=1))
    anna_actor = await _actor(session_factory, anna)
    with pytest.raises(AnswerWindowClosed):
        await _run(session_factory, accept_incident, clock, anna_actor, incident_id)
    assert await _run(session_factory, lapse_unanswered_incidents, clock) == 1
    assert await _run(session_factory, lapse_unanswered_incidents, clock) == 0
    assert await _deductions(session_factory, anna.id) == (D("-1500.00"), 1)
    async with session_factory() as session:
        incident = await session.get(Incident, incident_id)
        assert incident.status == IncidentStatus.LAPSED
        assert incident.charge_date == date(2026, 3, 5)  # Thursday 15:00 in Moscow


async def test_concurrent_answers_decisions_and_jobs_leave_money_matching_the_status(
    session_factory,
) -> None:
    clock = ManualClock(NOW)
    world, mira, anna, ivan, kind = await _world(session_factory)
    anna_actor = await _actor(session_factory, anna)
    ivan_actor = await _actor(session_factory, ivan)
    for _ in range(3):
        incident_id = await _record(session_factory, clock, world, mira, anna, kind, "100.00")

        async def attempt(use_case, *args, **kwargs) -> str:
            try:
                await _run(session_factory, use_case, *args, **kwargs)
            except DomainError as error:
                return error.code
            return "ok"

        results = await asyncio.gather(
            attempt(accept_incident, clock, anna_actor, incident_id),
            attempt(accept_incident, clock, anna_actor, incident_id),
            attempt(
                decide_incident, clock, ivan_actor, incident_id, uphold=False, comment="Отмена"
            ),
            attempt(
                decide_incident, clock, ivan_actor, incident_id, uphold=False, comment="Отмена"
            ),
        )
        assert results.count("ok") in (1, 2)
        assert "ok" in results[:2] or "ok" in results[2:]
    async with session_factory() as session:
        for incident in await session.scalars(select(Incident).where(Incident.user_id == anna.id)):
            total = await session.scalar(
                select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                    LedgerEntry.cause == f"incident:{incident.id}"
                )
            )
            expected = D("-100.00") if incident.status == IncidentStatus.ACCEPTED else D("0")
            assert incident.status in (IncidentStatus.ACCEPTED, IncidentStatus.CANCELLED)
            assert Decimal(total) == expected


async def test_deductions_over_the_cap_are_held_back_and_carried_over(session_factory) -> None:
    """Anna earns 2,400.00 this week (8 h × 300); 20% of it is 480.00. A 1,500.00
    incident takes 480.00 now: 1,020.00 is held back and carried over to next week."""
    clock = ManualClock(NOW)
    world, mira, anna, _, kind = await _world(session_factory)
    async with session_factory() as session, session.begin():
        membership = await session.scalar(select(Membership).where(Membership.user_id == anna.id))
        person = (anna, membership)
        shift = await add_finished_shift(
            session,
            person,
            mira,
            local(MON, 8, 0),
            local(MON, 16, 0),
            planned_start=local(MON, 8, 0),
        )
        await record_shift_entries(session, shift)
    incident_id = await _record(session_factory, clock, world, mira, anna, kind)
    await _run(
        session_factory, accept_incident, clock, await _actor(session_factory, anna), incident_id
    )
    async with session_factory() as session, session.begin():
        period = await period_for_date(session, world.organization.id, MON)
        await close_pay_period(session, clock, period_id=period.id, user_id=None)
    owner = await _actor(session_factory, world.owner)
    async with session_factory() as session:
        this_week = await period_for_date(session, world.organization.id, MON)
        view = await payslip(
            session, user_id=owner.user_id, period_id=this_week.id, employee_user_id=anna.id
        )
        assert view.totals.gross == D("2400.00")
        assert view.totals.fines == D("480.00")
        assert view.totals.net == D("1920.00")
        held = [x for x in view.lines if x.type == LedgerEntryType.DEDUCTION_HELD_BACK]
        assert [(x.amount, x.reason) for x in held] == [(D("1020.00"), "20%")]
        next_week = await period_for_date(session, world.organization.id, MON + timedelta(days=7))
        view = await payslip(
            session, user_id=owner.user_id, period_id=next_week.id, employee_user_id=anna.id
        )
        carried = [x for x in view.lines if x.type == LedgerEntryType.DEDUCTION_CARRIED_OVER]
        assert [x.amount for x in carried] == [D("-1020.00")]


async def test_without_a_cap_the_deduction_is_taken_in_full(session_factory) -> None:
    clock = ManualClock(NOW)
    world, mira, anna, _, kind = await _world(session_factory)
    owner = await _actor(session_factory, world.owner)
    await _run(session_factory, set_deduction_cap, owner, None)
    incident_id = await _record(session_factory, clock, world, mira, anna, kind)
    await _run(
        session_factory, accept_incident, clock, await _actor(session_factory, anna), incident_id
    )
    async with session_factory() as session, session.begin():
        period = await period_for_date(session, world.organization.id, MON)
        await close_pay_period(session, clock, period_id=period.id, user_id=None)
    async with session_factory() as session:
        period = await period_for_date(session, world.organization.id, MON)
        view = await payslip(
            session, user_id=owner.user_id, period_id=period.id, employee_user_id=anna.id
        )
        assert view.totals.fines == D("1500.00")
        assert not [x for x in view.lines if x.type == LedgerEntryType.DEDUCTION_HELD_BACK]
    with pytest.raises(InvalidInput):
        await _run(session_factory, set_deduction_cap, owner, 0)


async def test_an_approved_expense_pays_back_once(session_factory) -> None:
    clock = ManualClock(NOW)
    world, _, anna, ivan, _ = await _world(session_factory)
    owner = await _actor(session_factory, world.owner)
    coffee = await _run(session_factory, add_product, owner, "Кофе 1 кг", D("1200.00"))
    milk = await _run(session_factory, add_product, owner, "Молоко", D("95.50"))
    anna_actor = await _actor(session_factory, anna)
    with pytest.raises(InvalidInput):  # no receipt
        await _run(
            session_factory,
            file_request,
            clock,
            anna_actor,
            kind=RequestKind.EXPENSE,
            comment="",
            items=[RequestItem(coffee.id, 2)],
        )
    request = await _run(
        session_factory,
        file_request,
        clock,
        anna_actor,
        kind=RequestKind.EXPENSE,
        comment="Закончился кофе",
        items=[RequestItem(coffee.id, 2), RequestItem(milk.id, 3)],
        receipt_file_id="receipt-photo",
    )
    assert request.amount == D("2686.50")  # 2 × 1200.00 + 3 × 95.50
    ivan_actor = await _actor(session_factory, ivan)
    await _run(session_factory, decide_request, clock, ivan_actor, request.id, approve=True)
    with pytest.raises(CaseAlreadyDecided):
        await _run(session_factory, decide_request, clock, ivan_actor, request.id, approve=True)
    async with session_factory() as session:
        rows = list(
            await session.scalars(
                select(LedgerEntry).where(LedgerEntry.type == LedgerEntryType.EXPENSE_COMPENSATION)
            )
        )
        assert [(r.amount, r.user_id) for r in rows] == [(D("2686.50"), anna.id)]
        period = await period_for_date(session, world.organization.id, MON)
        view = await payslip(
            session, user_id=anna_actor.user_id, period_id=period.id, employee_user_id=anna.id
        )
        assert view.totals.bonuses == D("2686.50")
        _, content = await export_period_workbook(
            session, user_id=owner.user_id, period_id=period.id, translator=translator_for("ru")
        )
    detail = load_workbook(io.BytesIO(content)).worksheets[1]
    rows = [[cell.value for cell in row] for row in detail.iter_rows()]
    assert any("Возврат расходов" in row and 2686.5 in row for row in rows)
    other = await _run(
        session_factory,
        file_request,
        clock,
        anna_actor,
        kind=RequestKind.OTHER,
        comment="Такси после ночной смены",
        amount=D("650.00"),
    )
    with pytest.raises(InvalidInput):  # a refusal needs its reason
        await _run(session_factory, decide_request, clock, ivan_actor, other.id, approve=False)
    await _run(
        session_factory,
        decide_request,
        clock,
        ivan_actor,
        other.id,
        approve=False,
        comment="Такси не оплачиваем",
    )
    async with session_factory() as session:
        card = await request_card(session, anna_actor, other.id)
        assert card.decision_comment == "Такси не оплачиваем"
        assert not card.can_decide


async def test_other_tenants_and_unpermitted_managers_get_not_found(session_factory) -> None:
    clock = ManualClock(NOW)
    world, mira, anna, _, kind = await _world(session_factory)
    incident_id = await _record(session_factory, clock, world, mira, anna, kind)
    other_world, other_mira, _, _, _ = await _world(session_factory)
    stranger = await _actor(session_factory, other_world.owner)
    async with session_factory() as session:
        with pytest.raises(NotFound):
            await incident_card(session, stranger, incident_id, clock.now())
        max_user = await session.scalar(
            select(User).where(
                User.first_name == "Max", User.active_organization_id == world.organization.id
            )
        )
    max_actor = await _actor(session_factory, max_user)
    async with session_factory() as session:
        card = await incident_card(session, max_actor, incident_id, clock.now())  # view_money
        assert not card.can_cancel and not card.can_uphold
    with pytest.raises(DomainError):  # view_money is not edit_money
        await _run(
            session_factory,
            decide_incident,
            clock,
            max_actor,
            incident_id,
            uphold=False,
            comment="x",
        )
    with pytest.raises(NotFound):
        await _run(
            session_factory,
            decide_incident,
            clock,
            stranger,
            incident_id,
            uphold=False,
            comment="x",
        )
    with pytest.raises(DomainError):  # a stranger cannot record on another tenant's object
        await _run(
            session_factory,
            record_incident,
            clock,
            stranger,
            NewIncident(anna.id, mira.id, kind.id, "x", D("1"), ()),
        )
    owner = await _actor(session_factory, world.owner)
    own_kind = await _run(session_factory, add_kind, owner, "Форма")
    with pytest.raises(NotFound):  # another organization's kind
        await _run(
            session_factory,
            record_incident,
            clock,
            stranger,
            NewIncident(anna.id, other_mira.id, own_kind.id, "x", D("1"), ()),
        )
