"""Shift tasks (C6): task templates per object, the tasks of a shift, marking them done
with photo/video proof collected by the `MediaOrchestrator`, and rejecting a proof.

A shift's tasks are copies of its object's templates made once per shift (the unique
(shift, template) pair makes attaching idempotent), so editing a template never changes
a shift already running. A planned slot may add its own tasks (templates with `slot_id`)
and may ignore its object's templates; a shift opened from the slot gets them so.

`/start task_<id>` opens a task from a notification or the report chat: its checklist
item for the employee of the shift, its proof review for the owner or a manager."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from enum import StrEnum
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.media.access import media_of_flow
from services.media_orchestrator import MediaFlow, MediaLimits, MediaOrchestrator
from services.notify.outbox import (
    TASK_PROOF_REJECTED,
    TASKS_UNFINISHED,
    UserNotification,
    notify,
    notify_many,
)
from services.payroll.ledger import record_task_entries
from services.platform.clock import Clock
from services.platform.db.models import (
    Media,
    MediaContext,
    MediaType,
    Organization,
    Permission,
    PlannedShift,
    Shift,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    TaskTemplate,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.errors import DomainError, NotFound, PermissionDenied
from services.platform.validation import clean_text
from services.staff.permissions import (
    Actor,
    actor_in,
    object_permissions,
    objects_with_permission,
    require_object_permission,
)

if TYPE_CHECKING:
    from services.platform.scheduler import JobContext

MAX_TITLE_LENGTH = 200
# An employee with tasks still open is reminded this long before the shift's end.
UNFINISHED_TASKS_REMINDER_LEAD = timedelta(minutes=30)
MAX_COMMENT_LENGTH = 1000
REVIEW_WINDOW = timedelta(days=7)
# `/start task_<shift task id>`: the deep link of a task (report chat, notifications).
TASK_PAYLOAD_PREFIX = "task_"
# A slot's own tasks are managed by whoever plans the object or edits its tasks.
SLOT_TASK_EDITORS = frozenset({Permission.PLAN.value, Permission.EDIT_OBJECTS.value})


class NoOpenShift(DomainError):
    code = "task-no-open-shift"


class TaskNotOpen(DomainError):
    """The task is done already (or the shift is over)."""

    code = "task-not-open"


class ProofRequired(DomainError):
    code = "task-proof-required"


class ProofNotRejectable(DomainError):
    code = "task-proof-not-rejectable"


class TaskShiftClosed(DomainError):
    """A link to a task of the employee's shift that is over."""

    code = "task-shift-closed"


class TaskLinkRole(StrEnum):
    """What `/start task_<id>` opens for the user who taps it."""

    EMPLOYEE = "employee"  # the checklist item of their open shift
    REVIEWER = "reviewer"  # the proof review (owner, manager with `view`)


@dataclass(frozen=True)
class TemplateDraft:
    title: str
    mandatory: bool = False
    proof_required: bool = False
    bonus: Decimal = Decimal("0.00")
    fine: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class Checklist:
    shift: Shift
    object_name: str
    tasks: list[ShiftTask]

    @property
    def open_tasks(self) -> list[ShiftTask]:
        return [task for task in self.tasks if task.status == ShiftTaskStatus.OPEN]


@dataclass(frozen=True)
class ProofAlbum:
    """What goes to the object's report chat: the files and the caption's variables."""

    task_id: int
    chat_id: int | None
    items: list[tuple[MediaType, str]]  # (type, Telegram file_id)
    employee: str
    task: str
    object_name: str
    time: str
    comment: str
    language: str  # the organization's, for the caption


@dataclass(frozen=True)
class ProofDetails:
    """A task's proof as the media viewer shows it."""

    task: ShiftTask
    employee: str
    object_name: str
    timezone: str
    files: list[Media]


@dataclass(frozen=True)
class SlotTasks:
    """A slot's own tasks and whether its shifts skip the object's templates."""

    slot: TimeSlot
    object_name: str
    tasks: list[TaskTemplate]
    object_task_count: int


@dataclass(frozen=True)
class ProofForReview:
    task_id: int
    title: str
    employee: str
    object_name: str


# ------------------------------------------------------------------ templates


async def task_template_objects(session: AsyncSession, actor: Actor) -> list[WorkObject]:
    """Objects whose tasks the actor manages (owners, managers with `edit_objects`)."""
    return await objects_with_permission(session, actor, Permission.EDIT_OBJECTS)


def _object_tasks(object_id: int) -> ColumnElement[bool]:
    """The object's own templates (not those of one of its slots)."""
    return and_(TaskTemplate.object_id == object_id, TaskTemplate.slot_id.is_(None))


async def _live_templates(
    session: AsyncSession, condition: ColumnElement[bool]
) -> list[TaskTemplate]:
    return list(
        await session.scalars(
            select(TaskTemplate)
            .where(condition, TaskTemplate.archived.is_(False))
            .order_by(TaskTemplate.id)
        )
    )


async def task_templates(session: AsyncSession, actor: Actor, object_id: int) -> list[TaskTemplate]:
    await require_object_permission(session, actor, object_id, Permission.EDIT_OBJECTS)
    return await _live_templates(session, _object_tasks(object_id))


async def _add_template(
    session: AsyncSession,
    actor: Actor,
    object_id: int,
    draft: TemplateDraft,
    slot_id: int | None = None,
) -> TaskTemplate:
    """A fine only makes sense for a mandatory task, so an optional task keeps none."""
    template = TaskTemplate(
        object_id=object_id,
        slot_id=slot_id,
        title=clean_text(draft.title, field="title", max_length=MAX_TITLE_LENGTH),
        mandatory=draft.mandatory,
        proof_required=draft.proof_required,
        bonus=draft.bonus,
        fine=draft.fine if draft.mandatory else Decimal("0.00"),
        created_by_user_id=actor.user_id,
    )
    session.add(template)
    await session.flush()
    return template


async def create_task_template(
    session: AsyncSession, actor: Actor, object_id: int, draft: TemplateDraft
) -> TaskTemplate:
    """Owners and managers with `edit_objects` on the object."""
    await require_object_permission(session, actor, object_id, Permission.EDIT_OBJECTS)
    return await _add_template(session, actor, object_id, draft)


async def archive_task_template(session: AsyncSession, actor: Actor, template_id: int) -> None:
    """Future shifts no longer get the task; shifts already open keep their copy. A
    slot's own task is removed by those who may edit the slot's tasks."""
    template = await session.get(TaskTemplate, template_id)
    if template is None:
        raise NotFound(what="task")
    if template.slot_id is not None:
        await _editable_slot(session, actor, template.slot_id)
    else:
        await require_object_permission(session, actor, template.object_id, Permission.EDIT_OBJECTS)
    template.archived = True


# ------------------------------------------------------------------ a slot's own tasks


async def _editable_slot(session: AsyncSession, actor: Actor, slot_id: int) -> TimeSlot:
    """The live slot, if it is in the actor's organization and the actor may plan its
    object or edit its tasks (owners always). Another organization's slot is not found."""
    slot = await session.get(TimeSlot, slot_id)
    work_object = await session.get(WorkObject, slot.object_id) if slot is not None else None
    if (
        slot is None
        or slot.deleted_at is not None
        or work_object is None
        or work_object.organization_id != actor.organization_id
    ):
        raise NotFound(what="slot")
    if not SLOT_TASK_EDITORS & await object_permissions(session, actor, slot.object_id):
        raise PermissionDenied()
    return slot


async def slot_tasks(session: AsyncSession, actor: Actor, slot_id: int) -> SlotTasks:
    slot = await _editable_slot(session, actor, slot_id)
    work_object = await session.get(WorkObject, slot.object_id)
    assert work_object is not None
    return SlotTasks(
        slot=slot,
        object_name=work_object.name,
        tasks=await _live_templates(session, TaskTemplate.slot_id == slot.id),
        object_task_count=len(await _live_templates(session, _object_tasks(slot.object_id))),
    )


async def add_slot_task(
    session: AsyncSession, actor: Actor, slot_id: int, draft: TemplateDraft
) -> TaskTemplate:
    """A task only the shifts of this slot get (owners, managers with `plan` or
    `edit_objects` on the object)."""
    slot = await _editable_slot(session, actor, slot_id)
    return await _add_template(session, actor, slot.object_id, draft, slot_id=slot.id)


async def set_slot_ignores_object_tasks(
    session: AsyncSession, actor: Actor, slot_id: int, ignore: bool
) -> None:
    """Shifts opened from the slot from now on get only the slot's own tasks (or the
    object's as well again); shifts already open keep theirs."""
    slot = await _editable_slot(session, actor, slot_id)
    slot.ignore_object_tasks = ignore


# ------------------------------------------------------------------ a shift's tasks


async def _templates_for(session: AsyncSession, shift: Shift) -> list[TaskTemplate]:
    """The object's templates and, for a shift opened from a planned slot, the slot's
    own tasks; a slot that ignores its object's tasks gives only its own."""
    slot = None
    if shift.planned_shift_id is not None:
        slot = await session.scalar(
            select(TimeSlot)
            .join(PlannedShift, PlannedShift.slot_id == TimeSlot.id)
            .where(PlannedShift.id == shift.planned_shift_id)
        )
    if slot is None:
        return await _live_templates(session, _object_tasks(shift.object_id))
    if slot.ignore_object_tasks:
        return await _live_templates(session, TaskTemplate.slot_id == slot.id)
    return await _live_templates(
        session, or_(_object_tasks(shift.object_id), TaskTemplate.slot_id == slot.id)
    )


async def attach_tasks_to_shift(session: AsyncSession, shift: Shift) -> list[ShiftTask]:
    """Copy the shift's active templates (`_templates_for`) onto it, once: calling it
    again (or concurrently) adds nothing twice. Returns the shift's tasks."""
    templates = await _templates_for(session, shift)
    if templates:
        dialect = session.bind.dialect.name if session.bind is not None else "postgresql"
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        await session.execute(
            insert(ShiftTask)
            .values(
                [
                    {
                        "shift_id": shift.id,
                        "template_id": template.id,
                        "title": template.title,
                        "mandatory": template.mandatory,
                        "proof_required": template.proof_required,
                        "bonus": template.bonus,
                        "fine": template.fine,
                        "status": ShiftTaskStatus.OPEN,
                    }
                    for template in templates
                ]
            )
            .on_conflict_do_nothing(index_elements=["shift_id", "template_id"])
        )
    return await tasks_of_shift(session, shift.id)


async def tasks_of_shift(session: AsyncSession, shift_id: int) -> list[ShiftTask]:
    return list(
        await session.scalars(
            select(ShiftTask)
            .where(ShiftTask.shift_id == shift_id)
            .order_by(ShiftTask.mandatory.desc(), ShiftTask.id)
            .execution_options(populate_existing=True)
        )
    )


async def unfinished_mandatory_tasks(session: AsyncSession, shift_id: int) -> list[ShiftTask]:
    """What closing the shift warns about (and what a fine is due for)."""
    return [
        task
        for task in await tasks_of_shift(session, shift_id)
        if task.mandatory and task.status == ShiftTaskStatus.OPEN
    ]


async def remind_unfinished_tasks_job(context: "JobContext") -> int:
    """The scheduler's job: once per shift, remind the employee of the tasks still open
    when the shift's scheduled end is `UNFINISHED_TASKS_REMINDER_LEAD` away or nearer.
    Returns how many shifts have such tasks."""
    rows = await context.session.execute(
        select(Shift, WorkObject, ShiftTask.title)
        .join(ShiftTask, ShiftTask.shift_id == Shift.id)
        .join(WorkObject, WorkObject.id == Shift.object_id)
        .where(
            Shift.status == ShiftStatus.OPEN,
            Shift.scheduled_end_at > context.now,
            Shift.scheduled_end_at <= context.now + UNFINISHED_TASKS_REMINDER_LEAD,
            ShiftTask.status == ShiftTaskStatus.OPEN,
        )
        .order_by(Shift.id, ShiftTask.mandatory.desc(), ShiftTask.id)
    )
    open_titles: dict[int, tuple[Shift, WorkObject, list[str]]] = {}
    for shift, work_object, title in rows:
        open_titles.setdefault(shift.id, (shift, work_object, []))[2].append(title)
    await notify_many(
        context.session,
        kind=TASKS_UNFINISHED.name,
        not_before=context.now,
        notifications=[
            UserNotification(
                shift.user_id,
                f"{TASKS_UNFINISHED.name}:{shift.id}",
                {
                    "object": work_object.name,
                    "end_time": shift.scheduled_end_at.astimezone(
                        ZoneInfo(work_object.timezone)
                    ).strftime("%H:%M"),
                    "count": len(titles),
                    "tasks": "\n".join(f"• {title}" for title in titles),
                    "timezone": work_object.timezone,
                },
            )
            for shift, work_object, titles in open_titles.values()
        ],
    )
    return len(open_titles)


async def _open_shift_of(session: AsyncSession, user_id: int) -> Shift:
    shift = await session.scalar(
        select(Shift).where(Shift.user_id == user_id, Shift.status == ShiftStatus.OPEN)
    )
    if shift is None:
        raise NoOpenShift()
    return shift


async def current_checklist(session: AsyncSession, user_id: int) -> Checklist:
    """The employee's open shift and its tasks (attached now if opening did not)."""
    shift = await _open_shift_of(session, user_id)
    tasks = await attach_tasks_to_shift(session, shift)
    work_object = await session.get(WorkObject, shift.object_id)
    assert work_object is not None
    return Checklist(shift, work_object.name, tasks)


async def _own_open_task(session: AsyncSession, user_id: int, task_id: int) -> ShiftTask:
    """The task of the user's open shift, locked, still open."""
    shift = await _open_shift_of(session, user_id)
    task = await session.scalar(
        select(ShiftTask)
        .where(ShiftTask.id == task_id, ShiftTask.shift_id == shift.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if task is None:
        raise NotFound(what="task")
    if task.status != ShiftTaskStatus.OPEN:
        raise TaskNotOpen()
    return task


async def complete_task(session: AsyncSession, clock: Clock, user_id: int, task_id: int) -> None:
    """Mark a task without proof done. A task that needs proof goes through the proof flow."""
    task = await _own_open_task(session, user_id, task_id)
    if task.proof_required:
        raise ProofRequired()
    task.status = ShiftTaskStatus.DONE
    task.done_at = clock.now()


async def begin_task_proof(
    session: AsyncSession, orchestrator: MediaOrchestrator, user_id: int, task_id: int
) -> MediaFlow:
    """Start collecting up to 5 photos/videos for the task."""
    task = await _own_open_task(session, user_id, task_id)
    shift = await session.get(Shift, task.shift_id)
    assert shift is not None
    return await orchestrator.begin(
        context=MediaContext.TASK_PROOF,
        context_id=task.id,
        organization_id=shift.organization_id,
        object_id=shift.object_id,
        user_id=user_id,
        limits=MediaLimits(),
    )


async def submit_task_proof(
    session: AsyncSession,
    clock: Clock,
    orchestrator: MediaOrchestrator,
    *,
    user_id: int,
    task_id: int,
    flow_id: str,
) -> ProofAlbum:
    """Store the flow's files by the organization's mode and mark the task done. If the
    storage fails the task stays open and the flow is kept for another try."""
    task = await _own_open_task(session, user_id, task_id)
    flow = await orchestrator.get_for(
        flow_id, context=MediaContext.TASK_PROOF, context_id=task.id, user_id=user_id
    )
    await orchestrator.finish(session, flow_id)
    now = clock.now()
    task.status = ShiftTaskStatus.DONE
    task.done_at = now
    task.proof_flow_id = flow_id
    task.proof_comment = flow.comment
    shift = await session.get(Shift, task.shift_id)
    assert shift is not None
    work_object = await session.get(WorkObject, shift.object_id)
    employee = await session.get(User, user_id)
    organization = await session.get(Organization, shift.organization_id)
    assert work_object is not None and employee is not None and organization is not None
    return ProofAlbum(
        task_id=task.id,
        chat_id=work_object.report_chat_id,
        items=[(item.media_type, item.file_id) for item in flow.items],
        employee=employee.display_name,
        task=task.title,
        object_name=work_object.name,
        time=now.astimezone(ZoneInfo(work_object.timezone)).strftime("%H:%M"),
        comment=flow.comment or "",
        language=organization.language,
    )


# ------------------------------------------------------------------ review


async def proofs_to_review(
    session: AsyncSession, actor: Actor, clock: Clock
) -> list[ProofForReview]:
    """Tasks done with proof in the last week on objects the actor may view."""
    objects = {o.id: o for o in await objects_with_permission(session, actor, Permission.VIEW)}
    if not objects:
        return []
    rows = await session.execute(
        select(ShiftTask, Shift.object_id, User)
        .join(Shift, Shift.id == ShiftTask.shift_id)
        .join(User, User.id == Shift.user_id)
        .where(
            Shift.object_id.in_(objects),
            ShiftTask.status == ShiftTaskStatus.DONE,
            ShiftTask.proof_flow_id.is_not(None),
            ShiftTask.done_at >= clock.now() - REVIEW_WINDOW,
        )
        .order_by(ShiftTask.done_at.desc())
    )
    return [
        ProofForReview(task.id, task.title, user.display_name, objects[object_id].name)
        for task, object_id, user in rows
    ]


async def proof_media(session: AsyncSession, actor: Actor, task_id: int) -> list[Media]:
    """The proof files of a task, one per file (Telegram copy when there is one)."""
    task, _ = await _reviewable(session, actor, task_id)
    if task.proof_flow_id is None:
        return []
    return await media_of_flow(session, MediaContext.TASK_PROOF, task.id, task.proof_flow_id)


async def proof_details(session: AsyncSession, actor: Actor, task_id: int) -> ProofDetails:
    """The task, who did it where, and its proof files, for the owner or a manager who
    may view the object; anyone else gets `NotFound`."""
    task, shift = await _reviewable(session, actor, task_id)
    employee = await session.get(User, shift.user_id)
    work_object = await session.get(WorkObject, shift.object_id)
    assert employee is not None and work_object is not None
    return ProofDetails(
        task=task,
        employee=employee.display_name,
        object_name=work_object.name,
        timezone=work_object.timezone,
        files=await proof_media(session, actor, task_id),
    )


async def _reviewable(session: AsyncSession, actor: Actor, task_id: int) -> tuple[ShiftTask, Shift]:
    task = await session.get(ShiftTask, task_id, with_for_update=True, populate_existing=True)
    shift = await session.get(Shift, task.shift_id) if task is not None else None
    if task is None or shift is None or shift.organization_id != actor.organization_id:
        raise NotFound(what="task")
    if Permission.VIEW.value not in await object_permissions(session, actor, shift.object_id):
        raise NotFound(what="task")
    return task, shift


async def reject_task_proof(
    session: AsyncSession, clock: Clock, actor: Actor, task_id: int, comment: str
) -> None:
    """A manager who may view the object (or the owner) rejects a proof: the task is open
    again with the comment, and the employee is told."""
    task, shift = await _reviewable(session, actor, task_id)
    if task.status != ShiftTaskStatus.DONE or task.proof_flow_id is None:
        raise ProofNotRejectable()
    now = clock.now()
    task.status = ShiftTaskStatus.OPEN
    task.done_at = None
    task.rejection_comment = clean_text(comment, field="comment", max_length=MAX_COMMENT_LENGTH)
    task.rejected_at = now
    task.rejected_by_user_id = actor.user_id
    await notify(
        session,
        kind=TASK_PROOF_REJECTED.name,
        dedup_key=f"task_proof_rejected:{task.id}:{task.proof_flow_id}",
        not_before=now,
        payload={
            "task": task.title,
            "comment": task.rejection_comment,
            "buttons": [
                {"text_key": "notify-button-redo-task", "start_payload": task_link_payload(task.id)}
            ],
        },
        recipient_user_id=shift.user_id,
    )
    # A closed shift's bonus is taken back (or its fine applies) once the proof is gone.
    await session.flush()
    await record_task_entries(session, shift)


# ------------------------------------------------------------------ deep links


def task_link_payload(task_id: int) -> str:
    return f"{TASK_PAYLOAD_PREFIX}{task_id}"


def task_id_from_payload(payload: str) -> int:
    """The shift task id of a `task_<id>` deep link."""
    digits = payload.removeprefix(TASK_PAYLOAD_PREFIX)
    if not digits.isdigit():
        raise NotFound(what="task")
    return int(digits)


async def task_link_role(session: AsyncSession, user_id: int, task_id: int) -> TaskLinkRole:
    """What a task's link opens for this user: the employee of the shift gets the task
    (while the shift is open), the owner or a manager with `view` on the object gets the
    proof review. Anyone else, and an unknown id, gets `NotFound`."""
    task = await session.get(ShiftTask, task_id)
    shift = await session.get(Shift, task.shift_id) if task is not None else None
    if shift is None:
        raise NotFound(what="task")
    if shift.user_id == user_id:
        if shift.status != ShiftStatus.OPEN:
            raise TaskShiftClosed()
        return TaskLinkRole.EMPLOYEE
    try:
        actor = await actor_in(session, user_id, shift.organization_id)
    except PermissionDenied as error:
        raise NotFound(what="task") from error
    if Permission.VIEW.value not in await object_permissions(session, actor, shift.object_id):
        raise NotFound(what="task")
    return TaskLinkRole.REVIEWER


async def own_open_shift_task(session: AsyncSession, user_id: int, task_id: int) -> ShiftTask:
    """A task of the user's open shift (done or not), for its checklist item."""
    shift = await _open_shift_of(session, user_id)
    task = await session.scalar(
        select(ShiftTask)
        .where(ShiftTask.id == task_id, ShiftTask.shift_id == shift.id)
        .execution_options(populate_existing=True)
    )
    if task is None:
        raise NotFound(what="task")
    return task
