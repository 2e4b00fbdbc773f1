"""Planning (C4): time slots, weekly templates, assignment and self-booking, schedules,
cancellations with reasons, short-notice fines and document approval.

The rules that must hold under concurrency live in the database: the slot row is locked
(`SELECT … FOR UPDATE`) while its planned shifts are counted and a new one is added, and
an exclusion constraint forbids overlapping planned shifts of one user (PostgreSQL; on
SQLite the same check is made here, in the use case).
"""

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.media.access import media_of_flow
from services.media_orchestrator import MediaFlow, MediaLimits, MediaOrchestrator
from services.notify.outbox import (
    CANCELLATION_APPROVED,
    CANCELLATION_NEEDS_APPROVAL,
    CANCELLATION_REFUSED,
    SHIFT_ASSIGNED,
    SHIFT_BOOKED,
    SHIFT_CANCELLED,
    SHIFT_MOVED,
    SHIFT_UNASSIGNED,
    SLOT_DELETED,
    notify,
)
from services.orgs.organizations import clean_name
from services.payroll.ledger import record_cancellation_fine
from services.platform.clock import Clock
from services.platform.db.models import (
    CancellationApproval,
    CancellationInitiator,
    CancellationReason,
    Media,
    MediaContext,
    MediaType,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    OrganizationPlanningSettings,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftCancellation,
    TimeSlot,
    User,
    WeeklyTemplate,
    WeeklyTemplateItem,
    WorkObject,
)
from services.platform.db.models.planning import PLANNED_SHIFTS_NO_OVERLAP
from services.platform.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from services.platform.local_time import crosses_midnight, slot_instants
from services.staff.permissions import (
    Actor,
    actor_in,
    objects_with_permission,
    require_object_permission,
    require_owner,
)

SCHEDULE_DAYS = 14
MAX_TEMPLATE_RANGE_DAYS = 93
MAX_EMPLOYEES_PER_SLOT = 50
MAX_COMMENT_LENGTH = 500
MAX_DOCUMENT_PHOTOS = 5
MAX_WEEKLY_HOURS = 168


# Errors -------------------------------------------------------------------------------
class SlotFull(DomainError):
    code = "slot-full"


class ShiftOverlap(DomainError):
    code = "shift-overlap"


class NotOnObject(DomainError):
    code = "not-on-object"


class SlotInPast(DomainError):
    code = "slot-in-past"


class SelfBookingOff(DomainError):
    code = "self-booking-off"


class AlreadyOnSlot(DomainError):
    code = "already-on-slot"


class SlotExists(DomainError):
    code = "slot-exists"


class ShiftNotPlanned(DomainError):
    code = "shift-not-planned"


class DocumentRequired(DomainError):
    code = "document-required"


class CancellationNotPending(DomainError):
    code = "cancellation-not-pending"


class ShiftAlreadyOpened(DomainError):
    code = "shift-already-opened"


# Views --------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlannedPerson:
    planned_shift_id: int
    membership_id: int
    user_id: int
    name: str


@dataclass(frozen=True)
class SlotView:
    slot_id: int
    object_id: int
    object_name: str
    timezone: str
    local_date: date
    start_time: time
    end_time: time
    starts_at: datetime
    max_employees: int
    people: list[PlannedPerson] = field(default_factory=list)

    @property
    def booked(self) -> int:
        return len(self.people)

    @property
    def crosses_midnight(self) -> bool:
        return crosses_midnight(self.start_time, self.end_time)


@dataclass(frozen=True)
class ScheduleEntry:
    planned_shift_id: int
    object_name: str
    local_date: date
    start_time: time
    end_time: time
    starts_at: datetime


@dataclass(frozen=True)
class GenerationResult:
    created: int
    skipped: int


@dataclass(frozen=True)
class FineTerms:
    """What cancelling a planned shift now would cost."""

    short_notice: bool
    fine: Decimal | None
    short_notice_hours: int


@dataclass(frozen=True)
class PendingApproval:
    cancellation_id: int
    employee_name: str
    object_name: str
    local_date: date
    start_time: time
    end_time: time
    reason_title: str
    comment: str
    documents: list[Media]
    fine_amount: Decimal | None


# Helpers ------------------------------------------------------------------------------
def _zone(work_object: WorkObject) -> ZoneInfo:
    return ZoneInfo(work_object.timezone)


def _is_postgres(session: AsyncSession) -> bool:
    return session.bind is not None and session.bind.dialect.name == "postgresql"


def slot_payload(work_object: WorkObject, slot: TimeSlot, **extra: Any) -> dict[str, Any]:
    return {
        "object_name": work_object.name,
        "date": slot.local_date.strftime("%d.%m.%Y"),
        "start": slot.start_time.strftime("%H:%M"),
        "end": slot.end_time.strftime("%H:%M"),
        **extra,
    }


async def _object_of(session: AsyncSession, object_id: int) -> WorkObject:
    work_object = await session.get(WorkObject, object_id)
    if work_object is None:
        raise NotFound()
    return work_object


async def require_planner_on(
    session: AsyncSession, user_id: int, object_id: int, permission: Permission = Permission.PLAN
) -> tuple[Actor, WorkObject]:
    """The acting owner or manager and the object they plan, or a domain error."""
    work_object = await _object_of(session, object_id)
    actor = await actor_in(session, user_id, work_object.organization_id)
    await require_object_permission(session, actor, object_id, permission)
    return actor, work_object


async def live_slot(session: AsyncSession, slot_id: int, *, lock: bool = False) -> TimeSlot:
    query = select(TimeSlot).where(TimeSlot.id == slot_id, TimeSlot.deleted_at.is_(None))
    if lock:
        query = query.with_for_update().execution_options(populate_existing=True)
    slot = await session.scalar(query)
    if slot is None:
        raise NotFound()
    return slot


async def planner_user_ids(session: AsyncSession, work_object: WorkObject) -> list[int]:
    """Owners of the object's organization and managers with `plan` on the object."""
    rows = await session.execute(
        select(Membership.user_id, Membership.role, MembershipObject.permissions)
        .outerjoin(
            MembershipObject,
            and_(
                MembershipObject.membership_id == Membership.id,
                MembershipObject.object_id == work_object.id,
            ),
        )
        .where(
            Membership.organization_id == work_object.organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role.in_([MembershipRole.OWNER, MembershipRole.MANAGER]),
        )
    )
    return sorted(
        {
            user_id
            for user_id, role, permissions in rows
            if role == MembershipRole.OWNER or Permission.PLAN.value in (permissions or ())
        }
    )


def _validated_times(start: time, end: time) -> None:
    if start == end:
        raise InvalidInput(field="time", reason="same-times")


def _validated_capacity(max_employees: int) -> None:
    if not 1 <= max_employees <= MAX_EMPLOYEES_PER_SLOT:
        raise InvalidInput(field="max_employees", reason="capacity", limit=MAX_EMPLOYEES_PER_SLOT)


def _slot_values(
    work_object: WorkObject,
    local_date: date,
    start: time,
    end: time,
    *,
    max_employees: int,
    rate_override: Decimal | None,
    note: str,
) -> dict[str, Any]:
    starts_at, ends_at = slot_instants(local_date, start, end, _zone(work_object))
    if ends_at <= starts_at:
        raise InvalidInput(field="time", reason="dst-gap")
    return {
        "object_id": work_object.id,
        "local_date": local_date,
        "start_time": start,
        "end_time": end,
        "starts_at": starts_at,
        "ends_at": ends_at,
        "max_employees": max_employees,
        "rate_override": rate_override,
        "note": note,
    }


async def _insert_slots_skipping_existing(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert slots; a slot with the same object, date and times is left as it is.
    Returns how many were created."""
    if not rows:
        return 0
    insert = pg_insert if _is_postgres(session) else sqlite_insert
    statement = (
        insert(TimeSlot)
        .values(rows)
        .on_conflict_do_nothing(
            index_elements=["object_id", "local_date", "start_time", "end_time"],
            index_where=TimeSlot.deleted_at.is_(None),
        )
        .returning(TimeSlot.id)
    )
    created = (await session.execute(statement)).scalars().all()
    return len(created)


# Slots --------------------------------------------------------------------------------
async def create_slot(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    object_id: int,
    local_date: date,
    start_time: time,
    end_time: time,
    max_employees: int = 1,
    rate_override: Decimal | None = None,
    note: str = "",
) -> TimeSlot:
    """Create one slot at the object (owners and managers with `plan`). The times are the
    object's local wall times; an end not after the start is on the next day. A slot in
    the past or a second slot with the same date and times is refused."""
    _, work_object = await require_planner_on(session, user_id, object_id)
    _validated_times(start_time, end_time)
    _validated_capacity(max_employees)
    values = _slot_values(
        work_object,
        local_date,
        start_time,
        end_time,
        max_employees=max_employees,
        rate_override=rate_override,
        note=note,
    )
    if values["starts_at"] <= clock.now():
        raise SlotInPast()
    if not await _insert_slots_skipping_existing(session, [values]):
        raise SlotExists()
    slot = await session.scalar(
        select(TimeSlot).where(
            TimeSlot.object_id == object_id,
            TimeSlot.local_date == local_date,
            TimeSlot.start_time == start_time,
            TimeSlot.end_time == end_time,
            TimeSlot.deleted_at.is_(None),
        )
    )
    assert slot is not None
    return slot


async def copy_day(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    object_id: int,
    source_date: date,
    target_date: date,
) -> GenerationResult:
    """Copy the object's slots of one local day to another (without people). Slots that
    already exist on the target day or would start in the past are skipped."""
    _, work_object = await require_planner_on(session, user_id, object_id)
    sources = list(
        await session.scalars(
            select(TimeSlot).where(
                TimeSlot.object_id == object_id,
                TimeSlot.local_date == source_date,
                TimeSlot.deleted_at.is_(None),
            )
        )
    )
    return await _generate(
        session,
        clock,
        work_object,
        [
            (target_date, s.start_time, s.end_time, s.max_employees, s.rate_override, s.note)
            for s in sources
        ],
    )


async def _generate(
    session: AsyncSession,
    clock: Clock,
    work_object: WorkObject,
    wanted: Sequence[tuple[date, time, time, int, Decimal | None, str]],
) -> GenerationResult:
    now = clock.now()
    rows = []
    for local_date, start, end, max_employees, rate, note in wanted:
        values = _slot_values(
            work_object,
            local_date,
            start,
            end,
            max_employees=max_employees,
            rate_override=rate,
            note=note,
        )
        if values["starts_at"] > now:
            rows.append(values)
    created = await _insert_slots_skipping_existing(session, rows)
    return GenerationResult(created=created, skipped=len(wanted) - created)


async def delete_slot(session: AsyncSession, clock: Clock, *, user_id: int, slot_id: int) -> None:
    """Delete a slot that has not started yet: its planned shifts are cancelled (no fine)
    and everyone planned on it is told. The row stays, marked deleted, for history."""
    slot = await live_slot(session, slot_id, lock=True)
    _, work_object = await require_planner_on(session, user_id, slot.object_id)
    now = clock.now()
    if slot.starts_at <= now:
        raise SlotInPast()
    planned = await session.scalars(
        select(PlannedShift).where(
            PlannedShift.slot_id == slot.id, PlannedShift.status == PlannedShiftStatus.PLANNED
        )
    )
    for planned_shift in planned:
        planned_shift.status = PlannedShiftStatus.CANCELLED
        planned_shift.cancelled_at = now
        session.add(
            ShiftCancellation(
                planned_shift_id=planned_shift.id,
                organization_id=work_object.organization_id,
                initiator=CancellationInitiator.SLOT_DELETED,
                cancelled_by_user_id=user_id,
                comment="",
                short_notice=False,
                approval_status=CancellationApproval.NOT_NEEDED,
            )
        )
        await notify(
            session,
            kind=SLOT_DELETED.name,
            dedup_key=f"slot-deleted:{planned_shift.id}",
            not_before=now,
            recipient_user_id=planned_shift.user_id,
            payload=slot_payload(work_object, slot),
        )
    slot.deleted_at = now
    await session.flush()


# Weekly templates -----------------------------------------------------------------------
async def create_template(
    session: AsyncSession, *, user_id: int, object_id: int, title: str
) -> WeeklyTemplate:
    """A new, empty weekly template of the object (owners and managers with `plan`)."""
    await require_planner_on(session, user_id, object_id)
    template = WeeklyTemplate(object_id=object_id, title=clean_name(title, field="title"))
    session.add(template)
    await session.flush()
    return template


async def _template_for_planner(
    session: AsyncSession, user_id: int, template_id: int
) -> tuple[WeeklyTemplate, WorkObject]:
    template = await session.get(WeeklyTemplate, template_id)
    if template is None:
        raise NotFound()
    _, work_object = await require_planner_on(session, user_id, template.object_id)
    return template, work_object


async def add_template_item(
    session: AsyncSession,
    *,
    user_id: int,
    template_id: int,
    weekday: int,
    start_time: time,
    end_time: time,
    max_employees: int = 1,
    rate_override: Decimal | None = None,
) -> WeeklyTemplateItem:
    """Add a weekday × time range to a template (weekday 0 = Monday); the same range on
    the same weekday twice is refused."""
    await _template_for_planner(session, user_id, template_id)
    if not 0 <= weekday <= 6:
        raise InvalidInput(field="weekday")
    _validated_times(start_time, end_time)
    _validated_capacity(max_employees)
    exists = await session.scalar(
        select(WeeklyTemplateItem.id).where(
            WeeklyTemplateItem.template_id == template_id,
            WeeklyTemplateItem.weekday == weekday,
            WeeklyTemplateItem.start_time == start_time,
            WeeklyTemplateItem.end_time == end_time,
        )
    )
    if exists is not None:
        raise SlotExists()
    item = WeeklyTemplateItem(
        template_id=template_id,
        weekday=weekday,
        start_time=start_time,
        end_time=end_time,
        max_employees=max_employees,
        rate_override=rate_override,
    )
    session.add(item)
    await session.flush()
    return item


async def remove_template_item(session: AsyncSession, *, user_id: int, item_id: int) -> None:
    item = await session.get(WeeklyTemplateItem, item_id)
    if item is None:
        raise NotFound()
    await _template_for_planner(session, user_id, item.template_id)
    await session.delete(item)
    await session.flush()


async def object_templates(
    session: AsyncSession, *, user_id: int, object_id: int
) -> list[WeeklyTemplate]:
    await require_planner_on(session, user_id, object_id)
    return list(
        await session.scalars(
            select(WeeklyTemplate)
            .where(WeeklyTemplate.object_id == object_id)
            .order_by(WeeklyTemplate.title, WeeklyTemplate.id)
        )
    )


async def template_items(
    session: AsyncSession, *, user_id: int, template_id: int
) -> tuple[WeeklyTemplate, list[WeeklyTemplateItem]]:
    template, _ = await _template_for_planner(session, user_id, template_id)
    items = await session.scalars(
        select(WeeklyTemplateItem)
        .where(WeeklyTemplateItem.template_id == template_id)
        .order_by(WeeklyTemplateItem.weekday, WeeklyTemplateItem.start_time)
    )
    return template, list(items)


async def apply_template(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    template_id: int,
    date_from: date,
    date_to: date,
) -> GenerationResult:
    """Generate the template's slots for every local date of the range (both ends
    included). Existing slots (same object, date and times) and slots that would start in
    the past are skipped, so applying a template again never duplicates anything."""
    template, work_object = await _template_for_planner(session, user_id, template_id)
    if date_to < date_from:
        raise InvalidInput(field="date_range", reason="reversed")
    if (date_to - date_from).days >= MAX_TEMPLATE_RANGE_DAYS:
        raise InvalidInput(field="date_range", reason="too-long", limit=MAX_TEMPLATE_RANGE_DAYS)
    items = list(
        await session.scalars(
            select(WeeklyTemplateItem).where(WeeklyTemplateItem.template_id == template.id)
        )
    )
    wanted = []
    day = date_from
    while day <= date_to:
        for item in items:
            if item.weekday == day.weekday():
                wanted.append(
                    (
                        day,
                        item.start_time,
                        item.end_time,
                        item.max_employees,
                        item.rate_override,
                        "",
                    )
                )
        day += timedelta(days=1)
    return await _generate(session, clock, work_object, wanted)


# Planned shifts -------------------------------------------------------------------------
async def active_membership(
    session: AsyncSession, user_id: int, organization_id: int
) -> Membership | None:
    return await session.scalar(
        select(Membership).where(
            Membership.user_id == user_id,
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )


async def lock_user(session: AsyncSession, user_id: int) -> None:
    """One change of an employee's planned shifts at a time: two concurrent changes that
    would violate the overlap exclusion constraint can otherwise deadlock on its check."""
    await session.execute(select(User.id).where(User.id == user_id).with_for_update(key_share=True))


async def require_works_on(session: AsyncSession, membership: Membership, object_id: int) -> None:
    """The member is active and their contract allows the object, or `NotOnObject`."""
    works_here = await session.scalar(
        select(MembershipObject.id).where(
            MembershipObject.membership_id == membership.id,
            MembershipObject.object_id == object_id,
        )
    )
    if membership.status != MembershipStatus.ACTIVE or works_here is None:
        raise NotOnObject()


async def require_no_overlap(
    session: AsyncSession,
    user_id: int,
    starts_at: datetime,
    ends_at: datetime,
    *,
    ignoring: Sequence[int] = (),
) -> None:
    """The user has no planned shift overlapping the range (apart from `ignoring`)."""
    query = select(PlannedShift.id).where(
        PlannedShift.user_id == user_id,
        PlannedShift.status == PlannedShiftStatus.PLANNED,
        PlannedShift.starts_at < ends_at,
        PlannedShift.ends_at > starts_at,
    )
    if ignoring:
        query = query.where(PlannedShift.id.not_in(ignoring))
    if await session.scalar(query.limit(1)) is not None:
        raise ShiftOverlap()


async def check_placement(
    session: AsyncSession, clock: Clock, slot: TimeSlot, membership: Membership
) -> None:
    """Whether the member may go on the locked slot now: not in the past, only on their
    objects, never beyond `max_employees`, never overlapping another planned shift of
    theirs. Locks the member (`lock_user`) so that the answer holds until commit."""
    if slot.starts_at <= clock.now():
        raise SlotInPast()
    await lock_user(session, membership.user_id)
    await require_works_on(session, membership, slot.object_id)
    on_slot = list(
        await session.scalars(
            select(PlannedShift.user_id).where(
                PlannedShift.slot_id == slot.id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
        )
    )
    if membership.user_id in on_slot:
        raise AlreadyOnSlot()
    if len(on_slot) >= slot.max_employees:
        raise SlotFull(booked=len(on_slot), max=slot.max_employees)
    await require_no_overlap(session, membership.user_id, slot.starts_at, slot.ends_at)


async def apply_planned_change(
    session: AsyncSession, change: Callable[[], Awaitable[None]]
) -> None:
    """Make and flush planned-shift changes in a savepoint; the overlap exclusion
    constraint (a concurrent change of the same user committed first) becomes
    `ShiftOverlap`, and the caller's transaction stays usable."""
    try:
        async with session.begin_nested():
            await change()
            await session.flush()
    except IntegrityError as error:
        if PLANNED_SHIFTS_NO_OVERLAP in str(error.orig):
            raise ShiftOverlap() from error
        raise


async def place_on_slot(
    session: AsyncSession, clock: Clock, slot: TimeSlot, membership: Membership
) -> PlannedShift:
    """Put the member on the locked slot under the rules of `check_placement`."""
    await check_placement(session, clock, slot, membership)
    planned_shift = PlannedShift(
        slot_id=slot.id,
        object_id=slot.object_id,
        membership_id=membership.id,
        user_id=membership.user_id,
        starts_at=slot.starts_at,
        ends_at=slot.ends_at,
        status=PlannedShiftStatus.PLANNED,
    )

    async def add() -> None:
        session.add(planned_shift)

    await apply_planned_change(session, add)
    return planned_shift


async def assign_employee(
    session: AsyncSession, clock: Clock, *, user_id: int, slot_id: int, membership_id: int
) -> PlannedShift:
    """An owner or a manager with `plan` puts an employee of the object on a slot; the
    employee is told."""
    slot = await live_slot(session, slot_id, lock=True)
    _, work_object = await require_planner_on(session, user_id, slot.object_id)
    membership = await session.get(Membership, membership_id)
    if membership is None or membership.organization_id != work_object.organization_id:
        raise NotOnObject()
    planned_shift = await place_on_slot(session, clock, slot, membership)
    await notify(
        session,
        kind=SHIFT_ASSIGNED.name,
        dedup_key=f"shift-assigned:{planned_shift.id}",
        not_before=clock.now(),
        recipient_user_id=planned_shift.user_id,
        payload=slot_payload(work_object, slot),
    )
    return planned_shift


async def book_slot(
    session: AsyncSession, clock: Clock, *, user_id: int, slot_id: int
) -> PlannedShift:
    """An employee books a free place on a slot of one of their objects, where the object
    allows self-booking; the planners of the object are told."""
    slot = await live_slot(session, slot_id, lock=True)
    work_object = await _object_of(session, slot.object_id)
    if not work_object.allow_self_booking or work_object.archived:
        raise SelfBookingOff()
    membership = await active_membership(session, user_id, work_object.organization_id)
    if membership is None:
        raise NotOnObject()
    planned_shift = await place_on_slot(session, clock, slot, membership)
    employee = await session.get(User, user_id)
    for planner_id in await planner_user_ids(session, work_object):
        await notify(
            session,
            kind=SHIFT_BOOKED.name,
            dedup_key=f"shift-booked:{planned_shift.id}:{planner_id}",
            not_before=clock.now(),
            recipient_user_id=planner_id,
            payload=slot_payload(
                work_object, slot, employee_name=employee.display_name if employee else ""
            ),
        )
    return planned_shift


async def planned_shift_locked(session: AsyncSession, planned_shift_id: int) -> PlannedShift:
    planned_shift = await session.scalar(
        select(PlannedShift)
        .where(PlannedShift.id == planned_shift_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if planned_shift is None:
        raise NotFound()
    if planned_shift.status != PlannedShiftStatus.PLANNED:
        raise ShiftNotPlanned()
    return planned_shift


def clean_comment(comment: str) -> str:
    text = " ".join((comment or "").split())
    if len(text) > MAX_COMMENT_LENGTH:
        raise InvalidInput(field="comment", reason="too-long", limit=MAX_COMMENT_LENGTH)
    return text


async def unassign(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int, comment: str
) -> ShiftCancellation:
    """An owner or a manager with `plan` takes someone off a slot, with a comment and
    without any fine; the employee is told."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    _, work_object = await require_planner_on(session, user_id, planned_shift.object_id)
    slot = await live_slot(session, planned_shift.slot_id)
    now = clock.now()
    planned_shift.status = PlannedShiftStatus.CANCELLED
    planned_shift.cancelled_at = now
    cancellation = ShiftCancellation(
        planned_shift_id=planned_shift.id,
        organization_id=work_object.organization_id,
        initiator=CancellationInitiator.PLANNER,
        cancelled_by_user_id=user_id,
        comment=clean_comment(comment),
        short_notice=False,
        approval_status=CancellationApproval.NOT_NEEDED,
    )
    session.add(cancellation)
    await session.flush()
    await notify(
        session,
        kind=SHIFT_UNASSIGNED.name,
        dedup_key=f"shift-unassigned:{planned_shift.id}",
        not_before=now,
        recipient_user_id=planned_shift.user_id,
        payload=slot_payload(work_object, slot, comment=cancellation.comment),
    )
    return cancellation


async def move_planned_shift(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int, slot_id: int
) -> PlannedShift:
    """An owner or a manager with `plan` on both objects moves an employee from their slot
    to another one (the same object or another of theirs), under the rules of assignment:
    both slots are locked in id order, then the employee (`place_on_slot`), so that two
    moves into the last place cannot both succeed. The old placement is removed only
    together with the new one being made (a savepoint): a refusal leaves the employee
    where they were. A move is no cancellation: no record, no fine, nothing in reports;
    the employee is told where they go now."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    if planned_shift.slot_id == slot_id:
        raise AlreadyOnSlot()
    slots = {
        locked_id: await live_slot(session, locked_id, lock=True)
        for locked_id in sorted((planned_shift.slot_id, slot_id))
    }
    old_slot, new_slot = slots[planned_shift.slot_id], slots[slot_id]
    _, old_object = await require_planner_on(session, user_id, old_slot.object_id)
    _, new_object = await require_planner_on(session, user_id, new_slot.object_id)
    if planned_shift.starts_at <= clock.now():
        raise SlotInPast()
    if await session.scalar(select(Shift.id).where(Shift.planned_shift_id == planned_shift.id)):
        raise ShiftAlreadyOpened()  # clocked in early: the shift is being worked
    membership = await session.get(Membership, planned_shift.membership_id)
    assert membership is not None
    async with session.begin_nested():
        # Gone first, so that the old placement neither overlaps nor counts on the new slot.
        await session.delete(planned_shift)
        await session.flush()
        moved = await place_on_slot(session, clock, new_slot, membership)
    await notify(
        session,
        kind=SHIFT_MOVED.name,
        dedup_key=f"shift-moved:{moved.id}",
        not_before=clock.now(),
        recipient_user_id=moved.user_id,
        payload=slot_payload(
            new_object,
            new_slot,
            **{f"from_{name}": value for name, value in slot_payload(old_object, old_slot).items()},
        ),
    )
    return moved


async def planning_settings(
    session: AsyncSession, organization_id: int
) -> OrganizationPlanningSettings:
    """The organization's planning settings; defaults (not stored) until an owner sets them."""
    settings = await session.get(OrganizationPlanningSettings, organization_id)
    if settings is None:
        return OrganizationPlanningSettings(
            organization_id=organization_id, cancellation_fine=Decimal("0.00")
        )
    return settings


def _money(raw: str | Decimal) -> Decimal:
    try:
        value = Decimal(str(raw).replace(",", ".").replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation as error:
        raise InvalidInput(field="amount", reason="not-money") from error
    if not value.is_finite() or value < 0 or value >= Decimal("10000000"):
        raise InvalidInput(field="amount", reason="not-money")
    return value.quantize(Decimal("0.01"))


async def _save_planning_settings(
    session: AsyncSession, organization_id: int, **values: Any
) -> OrganizationPlanningSettings:
    insert = pg_insert if _is_postgres(session) else sqlite_insert
    statement = insert(OrganizationPlanningSettings).values(
        organization_id=organization_id, **values
    )
    await session.execute(
        statement.on_conflict_do_update(index_elements=["organization_id"], set_=values)
    )
    settings = await session.get(
        OrganizationPlanningSettings, organization_id, populate_existing=True
    )
    assert settings is not None
    return settings


async def set_cancellation_fine(
    session: AsyncSession, *, user_id: int, organization_id: int, amount: str | Decimal
) -> OrganizationPlanningSettings:
    """The owner sets the fine for a short-notice cancellation (0 means none)."""
    require_owner(await actor_in(session, user_id, organization_id))
    return await _save_planning_settings(session, organization_id, cancellation_fine=_money(amount))


async def set_weekly_hours_cap(
    session: AsyncSession, *, user_id: int, organization_id: int, hours: str
) -> OrganizationPlanningSettings:
    """The owner sets how many planned hours a week an employee may take on through open
    places, give-aways and swaps (0 means no cap)."""
    require_owner(await actor_in(session, user_id, organization_id))
    text = (hours or "").strip()
    if not text.isdigit() or int(text) > MAX_WEEKLY_HOURS:
        raise InvalidInput(field="weekly_hours_cap", reason="weekly-hours", limit=MAX_WEEKLY_HOURS)
    return await _save_planning_settings(
        session, organization_id, weekly_hours_cap=int(text) or None
    )


async def begin_cancellation_document(
    session: AsyncSession,
    clock: Clock,
    orchestrator: MediaOrchestrator,
    *,
    user_id: int,
    planned_shift_id: int,
) -> MediaFlow:
    """Start collecting the document photos (up to `MAX_DOCUMENT_PHOTOS`) for cancelling
    the employee's own planned shift; the flow belongs to that planned shift."""
    planned_shift = await session.get(PlannedShift, planned_shift_id)
    if (
        planned_shift is None
        or planned_shift.user_id != user_id
        or planned_shift.status != PlannedShiftStatus.PLANNED
    ):
        raise NotFound()
    if planned_shift.starts_at <= clock.now():
        raise SlotInPast()
    work_object = await _object_of(session, planned_shift.object_id)
    return await orchestrator.begin(
        context=MediaContext.CANCELLATION_DOCUMENT,
        context_id=planned_shift.id,
        organization_id=work_object.organization_id,
        object_id=work_object.id,
        user_id=user_id,
        limits=MediaLimits(
            max_items=MAX_DOCUMENT_PHOTOS, allowed_types=frozenset({MediaType.PHOTO})
        ),
    )


async def _store_document(
    session: AsyncSession,
    orchestrator: MediaOrchestrator | None,
    flow_id: str | None,
    planned_shift: PlannedShift,
    user_id: int,
) -> str:
    """Store the employee's document flow for this planned shift (at least one photo)
    by the organization's storage mode; its id goes on the cancellation."""
    if orchestrator is None or flow_id is None:
        raise DocumentRequired()
    flow = await orchestrator.get_for(
        flow_id,
        context=MediaContext.CANCELLATION_DOCUMENT,
        context_id=planned_shift.id,
        user_id=user_id,
    )
    if not flow.items:
        raise DocumentRequired()
    await orchestrator.finish(session, flow_id)
    return flow_id


async def cancel_planned_shift(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    planned_shift_id: int,
    reason_id: int,
    orchestrator: MediaOrchestrator | None = None,
    document_flow_id: str | None = None,
    comment: str = "",
) -> ShiftCancellation:
    """The employee cancels their own planned shift before it starts, giving one of the
    organization's reasons. Less than `short_notice_hours` before the start records the
    organization's cancellation fine. A reason that needs a document needs at least one
    photo (collected by `begin_cancellation_document`, stored by the organization's
    storage mode for cancellation documents) and waits for a planner's approval
    (approval waives the fine)."""
    planned_shift = await planned_shift_locked(session, planned_shift_id)
    if planned_shift.user_id != user_id:
        raise NotFound()
    now = clock.now()
    if planned_shift.starts_at <= now:
        raise SlotInPast()
    work_object = await _object_of(session, planned_shift.object_id)
    organization = await session.get(Organization, work_object.organization_id)
    assert organization is not None
    reason = await session.get(CancellationReason, reason_id)
    if reason is None or reason.organization_id != organization.id or reason.archived:
        raise NotFound()
    if reason.needs_document:
        document_flow_id = await _store_document(
            session, orchestrator, document_flow_id, planned_shift, user_id
        )
    terms = await _fine_terms(session, organization, planned_shift, now)
    planned_shift.status = PlannedShiftStatus.CANCELLED
    planned_shift.cancelled_at = now
    cancellation = ShiftCancellation(
        planned_shift_id=planned_shift.id,
        organization_id=organization.id,
        initiator=CancellationInitiator.EMPLOYEE,
        cancelled_by_user_id=user_id,
        reason_id=reason.id,
        comment=clean_comment(comment),
        short_notice=terms.short_notice,
        fine_amount=terms.fine,
        document_flow_id=document_flow_id if reason.needs_document else None,
        approval_status=(
            CancellationApproval.PENDING
            if reason.needs_document
            else CancellationApproval.NOT_NEEDED
        ),
    )
    session.add(cancellation)
    await session.flush()
    slot = await live_slot(session, planned_shift.slot_id)
    employee = await session.get(User, user_id)
    kind = CANCELLATION_NEEDS_APPROVAL.name if reason.needs_document else SHIFT_CANCELLED.name
    for planner_id in await planner_user_ids(session, work_object):
        await notify(
            session,
            kind=kind,
            dedup_key=f"{kind}:{cancellation.id}:{planner_id}",
            not_before=now,
            recipient_user_id=planner_id,
            payload=slot_payload(
                work_object,
                slot,
                employee_name=employee.display_name if employee else "",
                reason=reason.title,
            ),
        )
    await record_cancellation_fine(session, cancellation)
    return cancellation


async def _fine_terms(
    session: AsyncSession, organization: Organization, planned_shift: PlannedShift, now: datetime
) -> FineTerms:
    short_notice = planned_shift.starts_at - now < timedelta(hours=organization.short_notice_hours)
    fine = (await planning_settings(session, organization.id)).cancellation_fine
    return FineTerms(
        short_notice=short_notice,
        fine=fine if short_notice and fine > 0 else None,
        short_notice_hours=organization.short_notice_hours,
    )


async def cancellation_terms(
    session: AsyncSession, clock: Clock, *, user_id: int, planned_shift_id: int
) -> FineTerms:
    """The fine the employee would get for cancelling their planned shift now."""
    planned_shift = await session.get(PlannedShift, planned_shift_id)
    if planned_shift is None or planned_shift.user_id != user_id:
        raise NotFound()
    work_object = await _object_of(session, planned_shift.object_id)
    organization = await session.get(Organization, work_object.organization_id)
    assert organization is not None
    return await _fine_terms(session, organization, planned_shift, clock.now())


async def decide_cancellation(
    session: AsyncSession, clock: Clock, *, user_id: int, cancellation_id: int, approve: bool
) -> ShiftCancellation:
    """A planner approves (the fine is waived) or refuses (the fine stands) a cancellation
    document, once; the employee is told."""
    cancellation = await session.scalar(
        select(ShiftCancellation)
        .where(ShiftCancellation.id == cancellation_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if cancellation is None:
        raise NotFound()
    planned_shift = await session.get(PlannedShift, cancellation.planned_shift_id)
    assert planned_shift is not None
    _, work_object = await require_planner_on(session, user_id, planned_shift.object_id)
    if cancellation.approval_status != CancellationApproval.PENDING:
        raise CancellationNotPending()
    now = clock.now()
    cancellation.approval_status = (
        CancellationApproval.APPROVED if approve else CancellationApproval.REFUSED
    )
    cancellation.decided_by_user_id = user_id
    cancellation.decided_at = now
    slot = await live_slot(session, planned_shift.slot_id)
    kind = CANCELLATION_APPROVED.name if approve else CANCELLATION_REFUSED.name
    await notify(
        session,
        kind=kind,
        dedup_key=f"{kind}:{cancellation.id}",
        not_before=now,
        recipient_user_id=planned_shift.user_id,
        payload=slot_payload(
            work_object,
            slot,
            fine=str(cancellation.fine_amount) if cancellation.fine_amount and not approve else "",
        ),
    )
    await session.flush()
    await record_cancellation_fine(session, cancellation)
    return cancellation


async def pending_approvals(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[PendingApproval]:
    """Cancellations waiting for a decision on objects the user plans."""
    actor = await actor_in(session, user_id, organization_id)
    object_ids = [o.id for o in await objects_with_permission(session, actor, Permission.PLAN)]
    if not object_ids:
        return []
    rows = await session.execute(
        select(ShiftCancellation, PlannedShift, TimeSlot, WorkObject, User, CancellationReason)
        .join(PlannedShift, PlannedShift.id == ShiftCancellation.planned_shift_id)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == PlannedShift.user_id)
        .outerjoin(CancellationReason, CancellationReason.id == ShiftCancellation.reason_id)
        .where(
            ShiftCancellation.approval_status == CancellationApproval.PENDING,
            PlannedShift.object_id.in_(object_ids),
        )
        .order_by(ShiftCancellation.created_at, ShiftCancellation.id)
    )
    return [
        PendingApproval(
            cancellation_id=cancellation.id,
            employee_name=user.display_name,
            object_name=work_object.name,
            local_date=slot.local_date,
            start_time=slot.start_time,
            end_time=slot.end_time,
            reason_title=reason.title if reason else "",
            comment=cancellation.comment,
            documents=await _documents_of(session, cancellation),
            fine_amount=cancellation.fine_amount,
        )
        for cancellation, _, slot, work_object, user, reason in rows
    ]


async def _documents_of(session: AsyncSession, cancellation: ShiftCancellation) -> list[Media]:
    if cancellation.document_flow_id is None:
        return []
    return await media_of_flow(
        session,
        MediaContext.CANCELLATION_DOCUMENT,
        cancellation.planned_shift_id,
        cancellation.document_flow_id,
    )


# Cancellation reasons -------------------------------------------------------------------
async def cancellation_reasons(
    session: AsyncSession, organization_id: int
) -> list[CancellationReason]:
    return list(
        await session.scalars(
            select(CancellationReason)
            .where(
                CancellationReason.organization_id == organization_id,
                CancellationReason.archived.is_(False),
            )
            .order_by(CancellationReason.title, CancellationReason.id)
        )
    )


async def add_cancellation_reason(
    session: AsyncSession,
    *,
    user_id: int,
    organization_id: int,
    title: str,
    needs_document: bool,
) -> CancellationReason:
    """The owner adds a reason to the organization's list."""
    require_owner(await actor_in(session, user_id, organization_id))
    reason = CancellationReason(
        organization_id=organization_id,
        title=clean_name(title, field="title"),
        needs_document=needs_document,
    )
    session.add(reason)
    await session.flush()
    return reason


async def archive_cancellation_reason(
    session: AsyncSession, *, user_id: int, reason_id: int
) -> None:
    """The owner removes a reason from the list (past cancellations keep it)."""
    reason = await session.get(CancellationReason, reason_id)
    if reason is None:
        raise NotFound()
    require_owner(await actor_in(session, user_id, reason.organization_id))
    reason.archived = True


# Schedules ------------------------------------------------------------------------------
async def my_schedule(session: AsyncSession, clock: Clock, *, user_id: int) -> list[ScheduleEntry]:
    """The user's planned shifts that have not ended and start within the next 14 days,
    in every organization, with dates and times in each object's timezone."""
    now = clock.now()
    rows = await session.execute(
        select(PlannedShift, TimeSlot, WorkObject)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            PlannedShift.user_id == user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.ends_at > now,
            PlannedShift.starts_at < now + timedelta(days=SCHEDULE_DAYS),
        )
        .order_by(PlannedShift.starts_at)
    )
    return [
        ScheduleEntry(
            planned_shift_id=planned_shift.id,
            object_name=work_object.name,
            local_date=slot.local_date,
            start_time=slot.start_time,
            end_time=slot.end_time,
            starts_at=planned_shift.starts_at,
        )
        for planned_shift, slot, work_object in rows
    ]


async def planned_shifts_by_slot(
    session: AsyncSession, slot_ids: list[int]
) -> dict[int, list[tuple[PlannedShift, User]]]:
    """Each slot's planned (not cancelled) shifts with their employees, in the order they
    were taken; a slot nobody took has an empty list."""
    by_slot: dict[int, list[tuple[PlannedShift, User]]] = {slot_id: [] for slot_id in slot_ids}
    if not slot_ids:
        return by_slot
    rows = await session.execute(
        select(PlannedShift, User)
        .join(User, User.id == PlannedShift.user_id)
        .where(
            PlannedShift.slot_id.in_(slot_ids),
            PlannedShift.status == PlannedShiftStatus.PLANNED,
        )
        .order_by(PlannedShift.created_at, PlannedShift.id)
    )
    for planned_shift, user in rows:
        by_slot[planned_shift.slot_id].append((planned_shift, user))
    return by_slot


async def _people_on(session: AsyncSession, slot_ids: list[int]) -> dict[int, list[PlannedPerson]]:
    return {
        slot_id: [
            PlannedPerson(planned_shift.id, planned_shift.membership_id, user.id, user.display_name)
            for planned_shift, user in planned
        ]
        for slot_id, planned in (await planned_shifts_by_slot(session, slot_ids)).items()
    }


def _slot_view(slot: TimeSlot, work_object: WorkObject, people: list[PlannedPerson]) -> SlotView:
    return SlotView(
        slot_id=slot.id,
        object_id=work_object.id,
        object_name=work_object.name,
        timezone=work_object.timezone,
        local_date=slot.local_date,
        start_time=slot.start_time,
        end_time=slot.end_time,
        starts_at=slot.starts_at,
        max_employees=slot.max_employees,
        people=people,
    )


async def object_schedule(
    session: AsyncSession, *, user_id: int, object_id: int, local_date: date
) -> list[SlotView]:
    """The object's slots of one local day with who is planned on each."""
    _, work_object = await require_planner_on(session, user_id, object_id, Permission.VIEW)
    slots = list(
        await session.scalars(
            select(TimeSlot)
            .where(
                TimeSlot.object_id == object_id,
                TimeSlot.local_date == local_date,
                TimeSlot.deleted_at.is_(None),
            )
            .order_by(TimeSlot.starts_at, TimeSlot.id)
        )
    )
    people = await _people_on(session, [s.id for s in slots])
    return [_slot_view(slot, work_object, people[slot.id]) for slot in slots]


async def slot_details(session: AsyncSession, *, user_id: int, slot_id: int) -> SlotView:
    slot = await live_slot(session, slot_id)
    _, work_object = await require_planner_on(session, user_id, slot.object_id, Permission.VIEW)
    people = await _people_on(session, [slot.id])
    return _slot_view(slot, work_object, people[slot.id])


async def free_slots(session: AsyncSession, clock: Clock, *, user_id: int) -> list[SlotView]:
    """Slots of the next 14 days the user may book: on their objects that allow
    self-booking, not started, with a free place, not already theirs."""
    now = clock.now()
    my_objects = (
        select(MembershipObject.object_id)
        .join(Membership, Membership.id == MembershipObject.membership_id)
        .where(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
    )
    rows = await session.execute(
        select(TimeSlot, WorkObject)
        .join(WorkObject, WorkObject.id == TimeSlot.object_id)
        .where(
            TimeSlot.object_id.in_(my_objects),
            WorkObject.allow_self_booking.is_(True),
            WorkObject.archived.is_(False),
            TimeSlot.deleted_at.is_(None),
            TimeSlot.starts_at > now,
            TimeSlot.starts_at < now + timedelta(days=SCHEDULE_DAYS),
        )
        .order_by(TimeSlot.starts_at, WorkObject.name, TimeSlot.id)
    )
    pairs = list(rows)
    people = await _people_on(session, [slot.id for slot, _ in pairs])
    return [
        _slot_view(slot, work_object, people[slot.id])
        for slot, work_object in pairs
        if len(people[slot.id]) < slot.max_employees
        and all(person.user_id != user_id for person in people[slot.id])
    ]


async def planning_objects(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[WorkObject]:
    """Objects the user may plan in the organization."""
    actor = await actor_in(session, user_id, organization_id)
    return await objects_with_permission(session, actor, Permission.PLAN)


async def assignable_employees(
    session: AsyncSession, *, user_id: int, slot_id: int
) -> list[tuple[int, str]]:
    """(membership id, name) of the object's active employees not yet on the slot."""
    slot = await live_slot(session, slot_id)
    _, work_object = await require_planner_on(session, user_id, slot.object_id)
    on_slot = select(PlannedShift.membership_id).where(
        PlannedShift.slot_id == slot.id, PlannedShift.status == PlannedShiftStatus.PLANNED
    )
    rows = await session.execute(
        select(Membership.id, User)
        .join(User, User.id == Membership.user_id)
        .join(MembershipObject, MembershipObject.membership_id == Membership.id)
        .where(
            Membership.organization_id == work_object.organization_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role == MembershipRole.EMPLOYEE,
            MembershipObject.object_id == work_object.id,
            Membership.id.not_in(on_slot),
        )
        .order_by(User.first_name, User.id)
    )
    return [(membership_id, user.display_name) for membership_id, user in rows]


async def is_owner_of(session: AsyncSession, *, user_id: int, organization_id: int) -> bool:
    """Whether the user owns the organization (owners manage reasons and the fine)."""
    try:
        actor = await actor_in(session, user_id, organization_id)
    except PermissionDenied:
        return False
    return actor.is_owner


async def count_planned(session: AsyncSession, slot_id: int) -> int:
    """How many employees are planned on the slot."""
    return int(
        await session.scalar(
            select(func.count(PlannedShift.id)).where(
                PlannedShift.slot_id == slot_id,
                PlannedShift.status == PlannedShiftStatus.PLANNED,
            )
        )
        or 0
    )
