"""The tasks of a shift (C6): copies of its templates attached once per shift, the
employee's checklist, marking a task done, and its photo/video proof collected by the
`MediaOrchestrator`.

The unique (shift, template) pair makes attaching idempotent, so editing a template never
changes a shift already running."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.media_orchestrator import MediaFlow, MediaLimits, MediaOrchestrator
from services.notify.outbox import TASK_PROOF, notify
from services.platform.clock import Clock
from services.platform.db.models import (
    MediaContext,
    Organization,
    Shift,
    ShiftTask,
    ShiftTaskStatus,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.session import dialect_insert
from services.platform.errors import NotFound
from services.platform.local_time import local_hhmm
from services.tasks.errors import ProofRequired, TaskNotOpen
from services.tasks.queries import employee_open_shift, tasks_of_shift
from services.tasks.templates import templates_for_shift


@dataclass(frozen=True)
class Checklist:
    shift: Shift
    object_name: str
    tasks: list[ShiftTask]

    @property
    def open_tasks(self) -> list[ShiftTask]:
        return [task for task in self.tasks if task.status == ShiftTaskStatus.OPEN]


async def attach_tasks_to_shift(session: AsyncSession, shift: Shift) -> list[ShiftTask]:
    """Copy the shift's active templates (`templates_for_shift`) onto it, once: calling it
    again (or concurrently) adds nothing twice. Returns the shift's tasks."""
    await add_template_tasks(session, shift)
    return await tasks_of_shift(session, shift.id)


async def add_template_tasks(
    session: AsyncSession, shift: Shift, *, slot: TimeSlot | bool | None = True
) -> None:
    """`attach_tasks_to_shift` without reading the tasks back (on opening); `slot` as in
    `templates_for_shift`. Nothing is written when there is no template."""
    templates = await templates_for_shift(session, shift, slot=slot)
    if templates:
        insert = dialect_insert(session)
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


async def current_checklist(session: AsyncSession, user_id: int) -> Checklist:
    """The employee's open shift and its tasks (attached now if opening did not)."""
    shift = await employee_open_shift(session, user_id)
    tasks = await attach_tasks_to_shift(session, shift)
    work_object = await session.get(WorkObject, shift.object_id)
    assert work_object is not None
    return Checklist(shift, work_object.name, tasks)


async def _own_open_task(session: AsyncSession, user_id: int, task_id: int) -> ShiftTask:
    """The task of the user's open shift, locked, still open."""
    shift = await employee_open_shift(session, user_id)
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
    review_link: str,
) -> None:
    """Store the flow's files by the organization's mode and mark the task done; the
    proof goes to the object's report chat (through the outbox, so within Telegram's
    limits and retried) with `review_link` to open its review. If the storage fails the
    task stays open and the flow is kept for another try."""
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
    assert work_object is not None
    if work_object.report_chat_id is None:
        return
    employee = await session.get(User, user_id)
    organization = await session.get(Organization, shift.organization_id)
    assert employee is not None and organization is not None
    await notify(
        session,
        kind=TASK_PROOF.name,
        dedup_key=f"{TASK_PROOF.name}:{task.id}:{flow_id}",
        not_before=now,
        chat_id=work_object.report_chat_id,
        payload={
            "media": [[item.media_type.value, item.file_id] for item in flow.items],
            "employee": employee.display_name,
            "task": task.title,
            "object_name": work_object.name,
            "time": local_hhmm(now, work_object.timezone),
            "comment": flow.comment or "",
            "link": review_link,
            "language": organization.language,
        },
    )
