"""Planning use cases against PostgreSQL: slot rules, templates, booking, cancellations."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select

from services.attendance.clock_in import ShiftChoice, open_shift
from services.media.flows import RedisMediaFlows
from services.media_orchestrator import MediaOrchestrator, media_orchestrator_for
from services.media_storage.s3_client import S3MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.orgs.organizations import create_organization
from services.payroll.rules import chargeable_fine
from services.places.geo import LocationReport
from services.planning.bookings import assign_employee, book_slot, move_planned_shift, unassign
from services.planning.cancellations import (
    add_cancellation_reason,
    cancel_planned_shift,
    decide_cancellation,
    pending_approvals,
)
from services.planning.errors import (
    AlreadyOnSlot,
    CancellationNotPending,
    DocumentRequired,
    NotOnObject,
    SelfBookingOff,
    ShiftAlreadyOpened,
    ShiftNotPlanned,
    ShiftOverlap,
    SlotExists,
    SlotFull,
    SlotInPast,
)
from services.planning.queries import count_planned, free_slots, my_schedule
from services.planning.settings import set_cancellation_fine
from services.planning.slots import GenerationResult, copy_day, create_slot, delete_slot
from services.planning.templates import add_template_item, apply_template, create_template
from services.platform.config import Settings
from services.platform.db.models import (
    CancellationApproval,
    Media,
    MediaContext,
    MembershipRole,
    OrganizationMediaSetting,
    OutboxMessage,
    PlannedShift,
    PlannedShiftStatus,
    ShiftCancellation,
    StorageMode,
    TimeSlot,
)
from services.platform.errors import InvalidInput, PermissionDenied
from tests.conftest import TEST_BOT_TOKEN
from tests.support.media import cancel_with_document, document_flow
from tests.support.planning import (
    allow_split_shifts,
    make_employee,
    make_object,
    make_slot,
    make_world,
)
from tests.support.shifts import CAFE, add_planned_shift, make_shift_world

# The test clock stands at 2026-03-02 09:00 UTC (12:00 in Moscow).
TOMORROW = date(2026, 3, 3)


async def _slot(session, clock, world, *, day=TOMORROW, work_object=None, **slot):
    """A slot the owner plans on `work_object`, the world's own unless given."""
    return await make_slot(
        session, clock, world.owner, work_object or world.work_object, day=day, **slot
    )


async def _kinds(session) -> list[tuple[str, int | None]]:
    rows = await session.execute(
        select(OutboxMessage.kind, OutboxMessage.recipient_user_id).order_by(OutboxMessage.id)
    )
    return [tuple(row) for row in rows]


async def test_night_slot_ends_next_local_day_in_object_timezone(session, clock):
    world = await make_world(session, clock, timezone="Asia/Vladivostok")
    slot = await _slot(session, clock, world, start=time(22), end=time(6))

    assert slot.starts_at.isoformat() == "2026-03-03T12:00:00+00:00"
    assert slot.ends_at.isoformat() == "2026-03-03T20:00:00+00:00"


async def test_same_slot_twice_and_slot_in_past_are_refused(session, clock):
    world = await make_world(session, clock)
    await _slot(session, clock, world)

    with pytest.raises(SlotExists):
        await _slot(session, clock, world)
    with pytest.raises(SlotInPast):
        await _slot(session, clock, world, day=date(2026, 3, 2), start=time(11), end=time(13))
    with pytest.raises(InvalidInput):
        await _slot(session, clock, world, start=time(9), end=time(9))


async def test_employee_cannot_create_slots(session, clock):
    world = await make_world(session, clock)
    employee, _ = await make_employee(
        session, world.organization, [world.work_object], telegram_id=1
    )

    with pytest.raises(PermissionDenied):
        await create_slot(
            session,
            clock,
            user_id=employee.id,
            object_id=world.work_object.id,
            local_date=TOMORROW,
            start_time=time(9),
            end_time=time(18),
        )


async def test_apply_template_twice_never_duplicates(session, clock):
    world = await make_world(session, clock)
    template = await create_template(
        session, user_id=world.owner.id, object_id=world.work_object.id, title="Будни"
    )
    for weekday in range(5):
        await add_template_item(
            session,
            user_id=world.owner.id,
            template_id=template.id,
            weekday=weekday,
            start_time=time(9),
            end_time=time(18),
            max_employees=2,
        )
    await add_template_item(
        session,
        user_id=world.owner.id,
        template_id=template.id,
        weekday=4,
        start_time=time(22),
        end_time=time(6),
    )

    # Monday 2 March (today, 09:00 already past in Moscow) to Sunday 15 March.
    first = await apply_template(
        session,
        clock,
        user_id=world.owner.id,
        template_id=template.id,
        date_from=date(2026, 3, 2),
        date_to=date(2026, 3, 15),
    )
    second = await apply_template(
        session,
        clock,
        user_id=world.owner.id,
        template_id=template.id,
        date_from=date(2026, 3, 2),
        date_to=date(2026, 3, 15),
    )

    assert first == GenerationResult(created=11, skipped=1)
    assert second == GenerationResult(created=0, skipped=12)
    assert await session.scalar(select(func.count(TimeSlot.id))) == 11


async def test_copy_day_skips_existing(session, clock):
    world = await make_world(session, clock)
    await _slot(session, clock, world, start=time(9), end=time(15))
    await _slot(session, clock, world, start=time(15), end=time(23))
    await _slot(session, clock, world, day=date(2026, 3, 4), start=time(9), end=time(15))

    result = await copy_day(
        session,
        clock,
        user_id=world.owner.id,
        object_id=world.work_object.id,
        source_date=TOMORROW,
        target_date=date(2026, 3, 4),
    )

    assert result == GenerationResult(created=1, skipped=1)


async def test_overlap_across_organizations_is_refused(session, clock):
    world = await make_world(session, clock)
    ivan, _ = await make_employee(session, world.organization, [world.work_object], telegram_id=1)
    other_org = await create_organization(
        session, world.owner, clock, name="Другой бизнес", timezone="Europe/Moscow"
    )
    other_object = await make_object(session, other_org, name="Киоск")
    other_membership = (await make_employee(session, other_org, [other_object], telegram_id=2))[1]
    other_membership.user_id = ivan.id
    await session.flush()

    slot = await _slot(session, clock, world, start=time(9), end=time(18))
    other_slot = await _slot(
        session, clock, world, start=time(17), end=time(23), work_object=other_object
    )
    await book_slot(session, clock, user_id=ivan.id, slot_id=slot.id)

    with pytest.raises(ShiftOverlap):
        await book_slot(session, clock, user_id=ivan.id, slot_id=other_slot.id)


async def test_only_employees_of_the_object_are_placed(session, clock):
    world = await make_world(session, clock)
    elsewhere = await make_object(session, world.organization, name="Склад")
    petr, membership = await make_employee(session, world.organization, [elsewhere], telegram_id=3)
    slot = await _slot(session, clock, world)

    with pytest.raises(NotOnObject):
        await book_slot(session, clock, user_id=petr.id, slot_id=slot.id)
    with pytest.raises(NotOnObject):
        await assign_employee(
            session, clock, user_id=world.owner.id, slot_id=slot.id, membership_id=membership.id
        )


async def test_self_booking_needs_the_object_flag(session, clock):
    world = await make_world(session, clock, allow_self_booking=False)
    ivan, _ = await make_employee(session, world.organization, [world.work_object], telegram_id=1)
    slot = await _slot(session, clock, world)

    assert await free_slots(session, clock, user_id=ivan.id) == []
    with pytest.raises(SelfBookingOff):
        await book_slot(session, clock, user_id=ivan.id, slot_id=slot.id)


async def test_free_slots_show_occupancy_and_hide_full_and_far_slots(session, clock):
    world = await make_world(session, clock)
    ivan, _ = await make_employee(session, world.organization, [world.work_object], telegram_id=1)
    anna, anna_membership = await make_employee(
        session, world.organization, [world.work_object], telegram_id=2
    )
    two_places = await _slot(session, clock, world, places=2)
    full = await _slot(session, clock, world, day=date(2026, 3, 4))
    await _slot(session, clock, world, day=date(2026, 3, 20))
    for slot in (two_places, full):
        await assign_employee(
            session,
            clock,
            user_id=world.owner.id,
            slot_id=slot.id,
            membership_id=anna_membership.id,
        )

    free = await free_slots(session, clock, user_id=ivan.id)

    assert [(view.slot_id, view.booked, view.max_employees) for view in free] == [
        (two_places.id, 1, 2)
    ]
    assert await free_slots(session, clock, user_id=anna.id) == []


async def test_assign_unassign_and_delete_notify_the_employee(session, clock):
    world = await make_world(session, clock)
    ivan, membership = await make_employee(
        session, world.organization, [world.work_object], telegram_id=1
    )
    slot = await _slot(session, clock, world)
    planned = await assign_employee(
        session, clock, user_id=world.owner.id, slot_id=slot.id, membership_id=membership.id
    )
    await unassign(
        session, clock, user_id=world.owner.id, planned_shift_id=planned.id, comment="Закрыто"
    )
    await assign_employee(
        session, clock, user_id=world.owner.id, slot_id=slot.id, membership_id=membership.id
    )
    await delete_slot(session, clock, user_id=world.owner.id, slot_id=slot.id)

    assert await _kinds(session) == [
        ("shift-assigned", ivan.id),
        ("shift-unassigned", ivan.id),
        ("shift-assigned", ivan.id),
        ("slot-deleted", ivan.id),
    ]
    statuses = await session.scalars(select(PlannedShift.status))
    assert set(statuses) == {PlannedShiftStatus.CANCELLED}
    assert await my_schedule(session, clock, user_id=ivan.id) == []
    fines = await session.scalars(select(ShiftCancellation.fine_amount))
    assert set(fines) == {None}
    # The deleted slot can be planned again.
    await _slot(session, clock, world)


async def _cancel_setup(session, clock, *, fine="500"):
    world = await make_world(session, clock)
    ivan, membership = await make_employee(
        session, world.organization, [world.work_object], telegram_id=1
    )
    await set_cancellation_fine(
        session, user_id=world.owner.id, organization_id=world.organization.id, amount=fine
    )
    sick = await add_cancellation_reason(
        session,
        user_id=world.owner.id,
        organization_id=world.organization.id,
        title="Болезнь",
        needs_document=True,
    )
    plans = await add_cancellation_reason(
        session,
        user_id=world.owner.id,
        organization_id=world.organization.id,
        title="Планы",
        needs_document=False,
    )
    return world, ivan, membership, sick, plans


async def test_short_notice_cancellation_records_the_fine(session, clock):
    world, ivan, _, _, plans = await _cancel_setup(session, clock)
    tomorrow_slot = await _slot(session, clock, world)  # starts in 21 hours
    far_slot = await _slot(session, clock, world, day=date(2026, 3, 10))
    near = await book_slot(session, clock, user_id=ivan.id, slot_id=tomorrow_slot.id)
    far = await book_slot(session, clock, user_id=ivan.id, slot_id=far_slot.id)

    late = await cancel_planned_shift(
        session, clock, user_id=ivan.id, planned_shift_id=near.id, reason_id=plans.id
    )
    early = await cancel_planned_shift(
        session, clock, user_id=ivan.id, planned_shift_id=far.id, reason_id=plans.id
    )

    assert (late.short_notice, late.fine_amount) == (True, Decimal("500.00"))
    assert chargeable_fine(late) == Decimal("500.00")
    assert (early.short_notice, early.fine_amount) == (False, None)
    assert chargeable_fine(early) == Decimal("0.00")
    with pytest.raises(ShiftNotPlanned):
        await cancel_planned_shift(
            session, clock, user_id=ivan.id, planned_shift_id=far.id, reason_id=plans.id
        )


@pytest.fixture
def orchestrator(settings: Settings, redis: Redis) -> MediaOrchestrator:
    return media_orchestrator_for(settings, redis)


async def test_document_reason_needs_photos_and_approval_waives_the_fine(
    session, clock, orchestrator
):
    world, ivan, _, sick, _ = await _cancel_setup(session, clock)
    await allow_split_shifts(session, world)
    first = await book_slot(
        session, clock, user_id=ivan.id, slot_id=(await _slot(session, clock, world)).id
    )
    second = await book_slot(
        session,
        clock,
        user_id=ivan.id,
        slot_id=(await _slot(session, clock, world, start=time(7), end=time(8))).id,
    )

    with pytest.raises(DocumentRequired):
        await cancel_planned_shift(
            session, clock, user_id=ivan.id, planned_shift_id=first.id, reason_id=sick.id
        )
    empty_flow = await document_flow(
        session, clock, orchestrator, user_id=ivan.id, planned_shift_id=first.id, file_ids=[]
    )
    with pytest.raises(DocumentRequired):
        await cancel_planned_shift(
            session,
            clock,
            user_id=ivan.id,
            planned_shift_id=first.id,
            reason_id=sick.id,
            orchestrator=orchestrator,
            document_flow_id=empty_flow,
        )
    approved = await cancel_with_document(
        session,
        clock,
        orchestrator,
        user_id=ivan.id,
        planned_shift_id=first.id,
        reason_id=sick.id,
        file_ids=["photo-1"],
    )
    refused = await cancel_with_document(
        session,
        clock,
        orchestrator,
        user_id=ivan.id,
        planned_shift_id=second.id,
        reason_id=sick.id,
        file_ids=["photo-2", "photo-3"],
    )
    assert chargeable_fine(approved) == Decimal("0.00")  # pending
    pending = await pending_approvals(
        session, user_id=world.owner.id, organization_id=world.organization.id
    )
    assert [[m.telegram_file_id for m in p.documents] for p in pending] == [
        ["photo-1"],
        ["photo-2", "photo-3"],
    ]
    rows = list(await session.scalars(select(Media).order_by(Media.id)))
    assert {(r.context, r.provider, r.uploader_user_id) for r in rows} == {
        (MediaContext.CANCELLATION_DOCUMENT, "telegram", ivan.id)
    }
    assert {r.context_id for r in rows} == {first.id, second.id}

    await decide_cancellation(
        session, clock, user_id=world.owner.id, cancellation_id=approved.id, approve=True
    )
    await decide_cancellation(
        session, clock, user_id=world.owner.id, cancellation_id=refused.id, approve=False
    )

    assert approved.approval_status == CancellationApproval.APPROVED
    assert chargeable_fine(approved) == Decimal("0.00")
    assert chargeable_fine(refused) == Decimal("500.00")
    with pytest.raises(CancellationNotPending):
        await decide_cancellation(
            session, clock, user_id=world.owner.id, cancellation_id=approved.id, approve=False
        )
    kinds = [kind for kind, _ in await _kinds(session)]
    assert kinds.count("cancellation-needs-approval") == 2
    assert ("cancellation-approved", ivan.id) in await _kinds(session)
    assert ("cancellation-refused", ivan.id) in await _kinds(session)


async def test_manager_without_plan_cannot_decide(session, clock, orchestrator):
    world, ivan, _, sick, _ = await _cancel_setup(session, clock)
    manager, _ = await make_employee(
        session,
        world.organization,
        [world.work_object],
        telegram_id=9,
        role=MembershipRole.MANAGER,
        permissions=["view"],
    )
    planned = await book_slot(
        session, clock, user_id=ivan.id, slot_id=(await _slot(session, clock, world)).id
    )
    cancellation = await cancel_with_document(
        session,
        clock,
        orchestrator,
        user_id=ivan.id,
        planned_shift_id=planned.id,
        reason_id=sick.id,
        file_ids=["photo-1"],
    )

    with pytest.raises(PermissionDenied):
        await decide_cancellation(
            session, clock, user_id=manager.id, cancellation_id=cancellation.id, approve=True
        )


async def test_my_schedule_uses_each_object_timezone(session, clock):
    world = await make_world(session, clock, timezone="Europe/Moscow")
    far_east = await make_object(
        session, world.organization, name="Владивосток", timezone="Asia/Vladivostok"
    )
    ivan, _ = await make_employee(
        session, world.organization, [world.work_object, far_east], telegram_id=1
    )
    await allow_split_shifts(session, world)
    moscow = await _slot(session, clock, world, start=time(9), end=time(12))
    vladivostok = await _slot(session, clock, world, end=time(12), work_object=far_east)
    for slot in (moscow, vladivostok):
        await book_slot(session, clock, user_id=ivan.id, slot_id=slot.id)
    clock.advance(timedelta(days=13))  # the Vladivostok slot has ended, Moscow's too
    assert await my_schedule(session, clock, user_id=ivan.id) == []
    clock.advance(timedelta(days=-13))

    entries = await my_schedule(session, clock, user_id=ivan.id)

    assert [(e.object_name, e.local_date, e.start_time) for e in entries] == [
        ("Владивосток", date(2026, 3, 3), time(9)),
        ("Кофейня", date(2026, 3, 3), time(9)),
    ]


async def _move_world(session, clock):
    """Ivan on the café's Tuesday 09:00–18:00; the warehouse has a Tuesday slot at the
    same time and a full one on Wednesday (Maria)."""
    world = await make_world(session, clock)
    warehouse = await make_object(session, world.organization, name="Склад")
    ivan, ivan_membership = await make_employee(
        session, world.organization, [world.work_object, warehouse], telegram_id=1
    )
    _, maria_membership = await make_employee(
        session, world.organization, [warehouse], telegram_id=2, first_name="Maria"
    )
    cafe_tuesday = await _slot(session, clock, world, places=2)
    planned = await assign_employee(
        session,
        clock,
        user_id=world.owner.id,
        slot_id=cafe_tuesday.id,
        membership_id=ivan_membership.id,
    )

    warehouse_tuesday = await _slot(session, clock, world, work_object=warehouse)
    warehouse_wednesday = await _slot(
        session, clock, world, day=TOMORROW + timedelta(days=1), work_object=warehouse
    )
    await assign_employee(
        session,
        clock,
        user_id=world.owner.id,
        slot_id=warehouse_wednesday.id,
        membership_id=maria_membership.id,
    )
    return world, ivan, planned, cafe_tuesday, warehouse_tuesday, warehouse_wednesday


async def _placements(session, user_id) -> list[tuple[int, PlannedShiftStatus]]:
    rows = await session.execute(
        select(PlannedShift.slot_id, PlannedShift.status).where(PlannedShift.user_id == user_id)
    )
    return [tuple(row) for row in rows]


async def test_a_move_to_another_object_at_the_same_time_replaces_the_placement(session, clock):
    world, ivan, planned, cafe_tuesday, warehouse_tuesday, _ = await _move_world(session, clock)

    moved = await move_planned_shift(
        session,
        clock,
        user_id=world.owner.id,
        planned_shift_id=planned.id,
        slot_id=warehouse_tuesday.id,
    )

    # The same hours elsewhere: the old placement does not count as an overlap.
    assert await _placements(session, ivan.id) == [
        (warehouse_tuesday.id, PlannedShiftStatus.PLANNED)
    ]
    assert moved.object_id == warehouse_tuesday.object_id
    assert await count_planned(session, cafe_tuesday.id) == 0
    # A move is no cancellation: nothing to settle or report.
    assert await session.scalar(select(func.count()).select_from(ShiftCancellation)) == 0
    message = await session.scalar(select(OutboxMessage).where(OutboxMessage.kind == "shift-moved"))
    assert message.recipient_user_id == ivan.id
    assert message.payload == {
        "object_name": "Склад",
        "date": "03.03.2026",
        "start": "09:00",
        "end": "18:00",
        "from_object_name": "Кофейня",
        "from_date": "03.03.2026",
        "from_start": "09:00",
        "from_end": "18:00",
    }


async def test_a_refused_move_leaves_the_employee_where_they_were(session, clock):
    world, ivan, planned, cafe_tuesday, _, full = await _move_world(session, clock)
    elsewhere = await make_object(session, world.organization, name="Киоск")
    kiosk_slot = await _slot(
        session, clock, world, start=time(10), end=time(12), work_object=elsewhere
    )

    async def move(slot_id):
        return await move_planned_shift(
            session, clock, user_id=world.owner.id, planned_shift_id=planned.id, slot_id=slot_id
        )

    with pytest.raises(SlotFull):
        await move(full.id)
    with pytest.raises(NotOnObject):
        await move(kiosk_slot.id)
    with pytest.raises(AlreadyOnSlot):
        await move(cafe_tuesday.id)
    clock.advance(timedelta(days=1))  # Tuesday 12:00 in Moscow: the shift has started
    with pytest.raises(SlotInPast):
        await move(full.id)

    assert await _placements(session, ivan.id) == [(cafe_tuesday.id, PlannedShiftStatus.PLANNED)]
    assert (
        await session.scalar(
            select(func.count())
            .select_from(OutboxMessage)
            .where(OutboxMessage.kind == "shift-moved")
        )
        == 0
    )


async def test_a_move_keeps_the_overlap_rule_and_needs_plan_on_both_objects(session, clock):
    world, ivan, planned, _, _, _ = await _move_world(session, clock)
    evening = await _slot(session, clock, world, start=time(17), end=time(22), places=3)
    wednesday = await _slot(session, clock, world, day=TOMORROW + timedelta(days=1))
    await assign_employee(
        session,
        clock,
        user_id=world.owner.id,
        slot_id=wednesday.id,
        membership_id=planned.membership_id,
    )
    petr, _ = await make_employee(
        session,
        world.organization,
        [world.work_object],
        telegram_id=3,
        role=MembershipRole.MANAGER,
        permissions=["view"],
    )

    # Onto Wednesday noon, the hours of Ivan's other shift that day: refused.
    wednesday_noon = await _slot(
        session, clock, world, day=TOMORROW + timedelta(days=1), start=time(12), end=time(20)
    )
    with pytest.raises(ShiftOverlap):
        await move_planned_shift(
            session,
            clock,
            user_id=world.owner.id,
            planned_shift_id=planned.id,
            slot_id=wednesday_noon.id,
        )
    with pytest.raises(PermissionDenied):
        await move_planned_shift(
            session, clock, user_id=petr.id, planned_shift_id=planned.id, slot_id=evening.id
        )
    # Its own evening overlaps only the placement being moved: allowed.
    await move_planned_shift(
        session, clock, user_id=world.owner.id, planned_shift_id=planned.id, slot_id=evening.id
    )
    assert sorted(await _placements(session, ivan.id)) == sorted(
        [(evening.id, PlannedShiftStatus.PLANNED), (wednesday.id, PlannedShiftStatus.PLANNED)]
    )


async def test_a_shift_opened_early_cannot_be_moved(session_factory, clock):
    world = await make_shift_world(session_factory, early_arrival_minutes=30)
    planned = await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=20))
    async with session_factory() as session:
        await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(planned_shift_id=planned.id),
            report=LocationReport(*CAFE, sent_at=clock.now()),
        )
        later = await make_slot(session, clock, world.owner, world.work_object, day=TOMORROW)
        await session.commit()

        with pytest.raises(ShiftAlreadyOpened):
            await move_planned_shift(
                session,
                clock,
                user_id=world.owner.id,
                planned_shift_id=planned.id,
                slot_id=later.id,
            )


async def test_a_cancellation_document_is_stored_by_the_owners_mode(
    session, clock, redis, namespace, telegram, s3_endpoint
):
    """Mode `both` for cancellation documents: each photo is copied into object storage
    and keeps its Telegram row; the approver's documents are the Telegram copies."""
    world, ivan, _, sick, _ = await _cancel_setup(session, clock)
    world.organization.tariff_code = "pro"
    session.add(
        OrganizationMediaSetting(
            organization_id=world.organization.id,
            context=MediaContext.CANCELLATION_DOCUMENT,
            mode=StorageMode.BOTH,
        )
    )
    telegram_client = TelegramMediaStorageClient(TEST_BOT_TOKEN, telegram.base_url)
    storage = S3MediaStorageClient(
        endpoint=s3_endpoint,
        access_key="test",
        secret_key="test",
        bucket=f"documents-{namespace[-8:].lower()}",
        telegram=telegram_client,
    )
    orchestrator = MediaOrchestrator(
        RedisMediaFlows(redis, namespace), telegram=telegram_client, storage=storage
    )
    scan = b"\xff\xd8 a doctor's note"
    photo = telegram.add_file(scan)
    planned = await book_slot(
        session, clock, user_id=ivan.id, slot_id=(await _slot(session, clock, world)).id
    )

    cancellation = await cancel_with_document(
        session,
        clock,
        orchestrator,
        user_id=ivan.id,
        planned_shift_id=planned.id,
        reason_id=sick.id,
        file_ids=[photo],
    )

    rows = list(
        await session.scalars(
            select(Media).where(Media.flow_id == cancellation.document_flow_id).order_by(Media.id)
        )
    )
    assert sorted(r.provider for r in rows) == ["minio", "telegram"]
    stored = next(r for r in rows if r.provider == "minio")
    assert (stored.object_id, stored.uploader_user_id) == (world.work_object.id, ivan.id)
    assert await storage.exists(stored.key)
    chunks = [chunk async for chunk in storage.stream(stored.key)]
    assert b"".join(chunks) == scan
    [pending] = await pending_approvals(
        session, user_id=world.owner.id, organization_id=world.organization.id
    )
    assert [m.telegram_file_id for m in pending.documents] == [photo]
