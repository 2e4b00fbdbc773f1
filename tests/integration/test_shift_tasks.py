"""Shift tasks: templates, attaching to a shift, completing with proof through the media
orchestrator (real Redis, fake Bot API), rejection."""

import asyncio
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select

from services.attendance.clock_in import ShiftChoice, open_shift
from services.attendance.clock_out import close_shift
from services.media.flows import RedisMediaFlows
from services.media_orchestrator import IncomingMedia, MediaOrchestrator
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.places.geo import LocationReport
from services.platform.clock import ManualClock
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    Media,
    MediaType,
    Membership,
    MembershipObject,
    OutboxMessage,
    PlannedShift,
    Shift,
    ShiftTask,
    ShiftTaskStatus,
    TaskTemplate,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from services.platform.errors import NotFound, PermissionDenied
from services.staff.permissions import actor_in
from services.tasks.errors import ProofRequired, TaskNotOpen
from services.tasks.queries import tasks_of_shift, unfinished_mandatory_tasks
from services.tasks.review import proofs_to_review, reject_task_proof
from services.tasks.shift_tasks import (
    attach_tasks_to_shift,
    begin_task_proof,
    complete_task,
    current_checklist,
    submit_task_proof,
)
from services.tasks.templates import (
    TemplateDraft,
    add_slot_task,
    archive_task_template,
    create_task_template,
    set_slot_ignores_object_tasks,
    slot_tasks,
    task_templates,
)
from tests.conftest import ON_BOTH_DATABASES, TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.media import (
    MediaCast,
    add_task_templates,
    open_shift_for,
    seed_done_proof,
    seed_media_cast,
)
from tests.support.shifts import CAFE, ShiftWorld, add_planned_shift, make_shift_world


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MediaCast:
    return await seed_media_cast(session_factory, clock)


@pytest.fixture
def orchestrator(redis: Redis, namespace: str, telegram: FakeTelegramServer) -> MediaOrchestrator:
    return MediaOrchestrator(
        RedisMediaFlows(redis, namespace),
        telegram=TelegramMediaStorageClient(TEST_BOT_TOKEN, telegram.base_url),
        storage=None,
    )


async def test_templates_are_managed_with_edit_objects_only(
    session_factory: SessionFactory, cast: MediaCast
) -> None:
    async with session_factory() as session:
        owner = await actor_in(session, cast.owner.id, cast.organization_id)
        viewer = await actor_in(session, cast.viewing_manager.id, cast.organization_id)
        stranger = await actor_in(
            session, cast.stranger_owner.id, cast.stranger_owner.active_organization_id or 0
        )
        template = await create_task_template(
            session,
            owner,
            cast.object_id,
            TemplateDraft("  Вымыть   пол ", mandatory=False, fine=Decimal("100.00")),
        )
        with pytest.raises(PermissionDenied):
            await create_task_template(session, viewer, cast.object_id, TemplateDraft("Касса"))
        with pytest.raises(NotFound):
            await task_templates(session, stranger, cast.object_id)

        assert (template.title, template.fine) == ("Вымыть пол", Decimal("0.00"))
        assert [t.id for t in await task_templates(session, owner, cast.object_id)] == [template.id]
        await archive_task_template(session, owner, template.id)
        assert await task_templates(session, owner, cast.object_id) == []


@ON_BOTH_DATABASES
async def test_tasks_attach_to_a_shift_once(
    session_factory: SessionFactory, cast: MediaCast, clock: ManualClock
) -> None:
    await add_task_templates(
        session_factory,
        cast.object_id,
        TaskTemplate(title="Открыть кассу", mandatory=True, fine=Decimal("200.00")),
        TaskTemplate(title="Полить цветы", bonus=Decimal("50.00")),
        TaskTemplate(title="Старое", archived=True),
    )
    shift_id = await open_shift_for(session_factory, cast, clock, report_chat_id=None)

    async def attach_in_own_transaction() -> None:
        async with session_factory() as session:
            shift = await session.get(Shift, shift_id)
            assert shift is not None
            await attach_tasks_to_shift(session, shift)
            await session.commit()

    await asyncio.gather(*(attach_in_own_transaction() for _ in range(3)))
    await attach_in_own_transaction()

    async with session_factory() as session:
        tasks = list(await session.scalars(select(ShiftTask).order_by(ShiftTask.id)))

    assert [(t.title, t.mandatory, t.fine, t.bonus) for t in tasks] == [
        ("Открыть кассу", True, Decimal("200.00"), Decimal("0.00")),
        ("Полить цветы", False, Decimal("0.00"), Decimal("50.00")),
    ]


async def test_proof_flow_marks_the_task_done_and_a_rejection_reopens_it(
    session_factory: SessionFactory,
    cast: MediaCast,
    clock: ManualClock,
    orchestrator: MediaOrchestrator,
    telegram: FakeTelegramServer,
) -> None:
    await add_task_templates(
        session_factory,
        cast.object_id,
        TaskTemplate(title="Витрина", mandatory=True, proof_required=True),
        TaskTemplate(title="Музыка"),
    )
    shift_id = await open_shift_for(session_factory, cast, clock, report_chat_id=-100500)
    async with session_factory() as session:
        checklist = await current_checklist(session, cast.employee.id)
        await session.commit()
    showcase, music = checklist.tasks
    assert checklist.object_name == "Точка на Мира"

    async with session_factory() as session:
        with pytest.raises(ProofRequired):
            await complete_task(session, clock, cast.employee.id, showcase.id)
        await complete_task(session, clock, cast.employee.id, music.id)
        with pytest.raises(TaskNotOpen):
            await complete_task(session, clock, cast.employee.id, music.id)
        flow = await begin_task_proof(session, orchestrator, cast.employee.id, showcase.id)
        await session.commit()
    for _ in range(2):
        unique = uuid.uuid4().hex
        file_id = telegram.add_file(b"jpeg", file_unique_id=unique)
        await orchestrator.add(flow.flow_id, IncomingMedia(file_id, unique, MediaType.PHOTO, 4))
    await orchestrator.set_comment(flow.flow_id, "Готово")

    async with session_factory() as session:
        await submit_task_proof(
            session,
            clock,
            orchestrator,
            user_id=cast.employee.id,
            task_id=showcase.id,
            flow_id=flow.flow_id,
            review_link="https://t.me/staffprobot_test_bot?start=task_1",
        )
        await session.commit()
        posted = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "task_proof")
        )

    assert posted is not None and posted.chat_id == -100500
    assert [kind for kind, _ in posted.payload["media"]] == ["photo", "photo"]
    assert [posted.payload[key] for key in ("employee", "task", "comment", "time")] == [
        "Ivan",
        "Витрина",
        "Готово",
        "12:00",
    ]
    async with session_factory() as session:
        assert await unfinished_mandatory_tasks(session, shift_id) == []
        rows = list(await session.scalars(select(Media)))
        assert [(r.provider, r.context_id) for r in rows] == [("telegram", showcase.id)] * 2
        blind = await actor_in(session, cast.blind_manager.id, cast.organization_id)
        viewer = await actor_in(session, cast.viewing_manager.id, cast.organization_id)
        assert await proofs_to_review(session, blind, clock) == []
        assert [p.task_id for p in await proofs_to_review(session, viewer, clock)] == [showcase.id]
        with pytest.raises(NotFound):
            await reject_task_proof(session, clock, blind, showcase.id, "Нет")
        owner = await actor_in(session, cast.owner.id, cast.organization_id)
        await reject_task_proof(session, clock, owner, showcase.id, "Плохо видно")
        await session.commit()

    async with session_factory() as session:
        task = await session.get(ShiftTask, showcase.id)
        assert task is not None
        assert (task.status, task.rejection_comment) == (ShiftTaskStatus.OPEN, "Плохо видно")
        assert [t.title for t in await unfinished_mandatory_tasks(session, shift_id)] == ["Витрина"]
        told = await session.scalar(
            select(OutboxMessage).where(OutboxMessage.kind == "task_proof_rejected")
        )
    assert told is not None and told.recipient_user_id == cast.employee.id
    assert told.payload == {
        "task": "Витрина",
        "comment": "Плохо видно",
        "buttons": [
            {"text_key": "notify-button-redo-task", "start_payload": f"task_{showcase.id}"}
        ],
    }


async def _task_bonuses(session_factory: SessionFactory) -> Decimal:
    async with session_factory() as session:
        total = await session.scalar(
            select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(
                LedgerEntry.type == LedgerEntryType.TASK_BONUS
            )
        )
    return Decimal(total)


async def test_rejecting_a_proof_takes_the_bonus_back_so_viewing_is_not_enough(
    session_factory: SessionFactory, cast: MediaCast, clock: ManualClock
) -> None:
    task_id = await seed_done_proof(session_factory, cast, clock, [("f-1", "image/jpeg")])
    async with session_factory() as session:
        task = await session.get(ShiftTask, task_id)
        work_object = await session.get(WorkObject, cast.object_id)
        assert task is not None and work_object is not None
        task.bonus = Decimal("50.00")
        work_object.check_location_on_close = False
        await session.commit()
    clock.advance(timedelta(hours=4))
    async with session_factory() as session:
        await close_shift(session, clock, user_id=cast.employee.id, report=None)
        await session.commit()
    assert await _task_bonuses(session_factory) == Decimal("50.00")

    async with session_factory() as session:
        viewer = await actor_in(session, cast.viewing_manager.id, cast.organization_id)
        assert [p.can_reject for p in await proofs_to_review(session, viewer, clock)] == [False]
        with pytest.raises(PermissionDenied):
            await reject_task_proof(session, clock, viewer, task_id, "Не нравится")
    assert await _task_bonuses(session_factory) == Decimal("50.00")

    # Once Maria may plan at the object, she approves its tasks: her rejection stands.
    async with session_factory() as session:
        link = await session.scalar(
            select(MembershipObject)
            .join(Membership, Membership.id == MembershipObject.membership_id)
            .where(Membership.user_id == cast.viewing_manager.id)
        )
        assert link is not None
        link.permissions = ["view", "plan"]
        await session.commit()
    async with session_factory() as session:
        planner = await actor_in(session, cast.viewing_manager.id, cast.organization_id)
        assert [p.can_reject for p in await proofs_to_review(session, planner, clock)] == [True]
        await reject_task_proof(session, clock, planner, task_id, "Плохо видно")
        await session.commit()
        task = await session.get(ShiftTask, task_id)
        assert task is not None and task.status == ShiftTaskStatus.OPEN
    assert await _task_bonuses(session_factory) == Decimal("0.00")


async def _open_planned(
    session_factory: SessionFactory, clock: ManualClock, world: ShiftWorld, planned: PlannedShift
) -> list[str]:
    """Clock in on the planned shift at the café; the titles of the shift's tasks."""
    async with session_factory() as session:
        result = await open_shift(
            session,
            clock,
            user_id=world.employee.id,
            choice=ShiftChoice(planned_shift_id=planned.id),
            report=LocationReport(CAFE[0], CAFE[1], sent_at=clock.now()),
        )
        assert result.shift is not None
        titles = [t.title for t in await tasks_of_shift(session, result.shift.id)]
        await session.commit()
        return titles


async def test_a_slot_adds_its_own_tasks_and_may_ignore_the_objects(
    session_factory: SessionFactory, clock: ManualClock
) -> None:
    world = await make_shift_world(session_factory, check_location_on_close=False)
    await add_task_templates(
        session_factory, world.work_object.id, TaskTemplate(title="Открыть кассу", mandatory=True)
    )
    today = await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))
    tomorrow = await add_planned_shift(session_factory, world, clock.now() + timedelta(days=1))
    async with session_factory() as session:
        owner = await actor_in(session, world.owner.id, world.organization.id)
        planner = await actor_in(session, world.manager.id, world.organization.id)
        employee = await actor_in(session, world.employee.id, world.organization.id)
        await add_slot_task(
            session, planner, today.slot_id, TemplateDraft("Принять поставку", mandatory=True)
        )
        extra = await add_slot_task(session, owner, today.slot_id, TemplateDraft("Лишняя"))
        await archive_task_template(session, planner, extra.id)
        await add_slot_task(session, owner, tomorrow.slot_id, TemplateDraft("Инвентаризация"))
        await set_slot_ignores_object_tasks(session, planner, tomorrow.slot_id, True)
        with pytest.raises(PermissionDenied):
            await add_slot_task(session, employee, today.slot_id, TemplateDraft("Чужая"))
        with pytest.raises(PermissionDenied):
            await set_slot_ignores_object_tasks(session, employee, today.slot_id, True)
        # The object's own list does not show the slots' tasks.
        assert [t.title for t in await task_templates(session, owner, world.work_object.id)] == [
            "Открыть кассу"
        ]
        view = await slot_tasks(session, owner, tomorrow.slot_id)
        assert [t.title for t in view.tasks] == ["Инвентаризация"]
        assert (view.slot.ignore_object_tasks, view.object_task_count) == (True, 1)
        await session.commit()

    assert await _open_planned(session_factory, clock, world, today) == [
        "Открыть кассу",
        "Принять поставку",
    ]
    async with session_factory() as session:
        await close_shift(session, clock, user_id=world.employee.id, report=None)
        await session.commit()
    clock.advance(timedelta(days=1))
    assert await _open_planned(session_factory, clock, world, tomorrow) == ["Инвентаризация"]


async def test_another_organization_cannot_touch_a_slots_tasks(
    session_factory: SessionFactory, clock: ManualClock, cast: MediaCast
) -> None:
    world = await make_shift_world(session_factory)
    planned = await add_planned_shift(session_factory, world, clock.now() + timedelta(hours=1))
    async with session_factory() as session:
        stranger = await actor_in(session, cast.owner.id, cast.organization_id)
        with pytest.raises(NotFound):
            await slot_tasks(session, stranger, planned.slot_id)
        with pytest.raises(NotFound):
            await add_slot_task(session, stranger, planned.slot_id, TemplateDraft("Чужая"))
