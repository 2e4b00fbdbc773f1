"""Review of task proofs: the owner or a manager who may view the object sees the proofs
of the last week and a proof's files; rejecting a proof (the task opens again, its bonus
is taken back or its fine applies) takes the permission that approves the employees'
work, `plan`, as approving a clock-in or a cancellation document does."""

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.media.access import media_of_flow
from services.notify.outbox import TASK_PROOF_REJECTED, notify
from services.payroll.ledger import record_task_entries
from services.platform.clock import Clock
from services.platform.db.models import (
    Media,
    MediaContext,
    Permission,
    Shift,
    ShiftTask,
    ShiftTaskStatus,
    User,
    WorkObject,
)
from services.platform.errors import NotFound, PermissionDenied
from services.platform.validation import clean_text
from services.staff.permissions import Actor, object_permissions, objects_with_permission
from services.tasks.errors import ProofNotRejectable
from services.tasks.links import task_link_payload

MAX_COMMENT_LENGTH = 1000
REVIEW_WINDOW = timedelta(days=7)
# Rejecting a proof moves money: it is a decision on the employee's work, not a look.
APPROVES_TASKS = Permission.PLAN


@dataclass(frozen=True)
class ProofForReview:
    task_id: int
    title: str
    employee: str
    object_name: str
    can_reject: bool


@dataclass(frozen=True)
class ProofDetails:
    """A task's proof as the media viewer shows it."""

    task: ShiftTask
    employee: str
    object_name: str
    timezone: str
    files: list[Media]


async def proofs_to_review(
    session: AsyncSession, actor: Actor, clock: Clock
) -> list[ProofForReview]:
    """Tasks done with proof in the last week on objects the actor may view, and
    whether they may reject each."""
    objects = {o.id: o for o in await objects_with_permission(session, actor, Permission.VIEW)}
    approved_here = {o.id for o in await objects_with_permission(session, actor, APPROVES_TASKS)}
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
        ProofForReview(
            task.id,
            task.title,
            user.display_name,
            objects[object_id].name,
            can_reject=object_id in approved_here,
        )
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
    """The owner, or a manager holding `APPROVES_TASKS` on the object, rejects a proof:
    the task is open again with the comment, the employee is told, and a closed shift's
    bonus is taken back (or its fine applies). Seeing the proof is not enough."""
    task, shift = await _reviewable(session, actor, task_id)
    if APPROVES_TASKS.value not in await object_permissions(session, actor, shift.object_id):
        raise PermissionDenied()
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
        organization_id=shift.organization_id,
    )
    # A closed shift's bonus is taken back (or its fine applies) once the proof is gone.
    await session.flush()
    await record_task_entries(session, shift)
