"""Shift tasks (C6): task templates per object, the tasks of a shift, marking them done
with photo/video proof collected by the `MediaOrchestrator`, and rejecting a proof.

A shift's tasks are copies of its object's templates made once per shift (the unique
(shift, template) pair makes attaching idempotent), so editing a template never changes
a shift already running."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services import payroll
from services.clock import Clock
from services.db.models import (
    Media,
    MediaContext,
    MediaType,
    Organization,
    Permission,
    Shift,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    TaskTemplate,
    User,
    WorkObject,
)
from services.errors import DomainError, NotFound
from services.media_orchestrator import MediaFlow, MediaLimits, MediaOrchestrator
from services.notifications import (
    TASK_PROOF_REJECTED,
    TASKS_UNFINISHED,
    UserNotification,
    notify,
    notify_many,
)
from services.permissions import (
    Actor,
    object_permissions,
    objects_with_permission,
    require_object_permission,
)
from services.validation import clean_text

if TYPE_CHECKING:
    from services.scheduler import JobContext

MAX_TITLE_LENGTH = 200
# An employee with tasks still open is reminded this long before the shift's end.
UNFINISHED_TASKS_REMINDER_LEAD = timedelta(minutes=30)
MAX_COMMENT_LENGTH = 1000
REVIEW_WINDOW = timedelta(days=7)


class NoOpenShift(DomainError):
    code = "task-no-open-shift"


class TaskNotOpen(DomainError):
    """The task is done already (or the shift is over)."""

    code = "task-not-open"


class ProofRequired(DomainError):
    code = "task-proof-required"


class ProofNotRejectable(DomainError):
    code = "task-proof-not-rejectable"


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

    chat_id: int | None
    items: list[tuple[MediaType, str]]  # (type, Telegram file_id)
    employee: str
    task: str
    object_name: str
    time: str
    comment: str
    language: str  # the organization's, for the caption


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


async def task_templates(session: AsyncSession, actor: Actor, object_id: int) -> list[TaskTemplate]:
    await require_object_permission(session, actor, object_id, Permission.EDIT_OBJECTS)
    return list(
        await session.scalars(
            select(TaskTemplate)
            .where(TaskTemplate.object_id == object_id, TaskTemplate.archived.is_(False))
            .order_by(TaskTemplate.id)
        )
    )


async def create_task_template(
    session: AsyncSession, actor: Actor, object_id: int, draft: TemplateDraft
) -> TaskTemplate:
    """Owners and managers with `edit_objects` on the object. A fine only makes sense for
    a mandatory task, so an optional task keeps none."""
    await require_object_permission(session, actor, object_id, Permission.EDIT_OBJECTS)
    template = TaskTemplate(
        object_id=object_id,
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


async def archive_task_template(session: AsyncSession, actor: Actor, template_id: int) -> None:
    """Future shifts no longer get the task; shifts already open keep their copy."""
    template = await session.get(TaskTemplate, template_id)
    if template is None:
        raise NotFound(what="task")
    await require_object_permission(session, actor, template.object_id, Permission.EDIT_OBJECTS)
    template.archived = True


# ------------------------------------------------------------------ a shift's tasks


async def attach_tasks_to_shift(session: AsyncSession, shift: Shift) -> list[ShiftTask]:
    """Copy the object's active templates onto the shift, once: calling it again (or
    concurrently) adds nothing twice. Returns the shift's tasks."""
    templates = list(
        await session.scalars(
            select(TaskTemplate).where(
                TaskTemplate.object_id == shift.object_id, TaskTemplate.archived.is_(False)
            )
        )
    )
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
    flow = await orchestrator.get(flow_id)
    if (flow.context, flow.context_id, flow.user_id) != (
        MediaContext.TASK_PROOF,
        task.id,
        user_id,
    ):
        raise NotFound(what="media flow")
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
    rows = await session.scalars(
        select(Media)
        .where(
            Media.context == MediaContext.TASK_PROOF,
            Media.context_id == task.id,
            Media.flow_id == task.proof_flow_id,
        )
        .order_by(Media.position, Media.provider.desc())
    )
    by_position: dict[int, Media] = {}
    for media in rows:
        by_position.setdefault(media.position, media)
    return list(by_position.values())


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
        payload={"task": task.title, "comment": task.rejection_comment},
        recipient_user_id=shift.user_id,
    )
    # A closed shift's bonus is taken back (or its fine applies) once the proof is gone.
    await session.flush()
    await payroll.record_task_entries(session, shift)
