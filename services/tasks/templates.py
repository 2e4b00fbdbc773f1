"""Task templates: the tasks an object gives every shift, a slot's own tasks, and which
templates a shift gets (a slot may ignore its object's templates).

Owners and managers with `edit_objects` manage an object's templates; a slot's own tasks
also those with `plan` on the object."""

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import (
    Permission,
    PlannedShift,
    Shift,
    TaskTemplate,
    TimeSlot,
    WorkObject,
)
from services.platform.errors import NotFound, PermissionDenied
from services.platform.validation import clean_text
from services.staff.permissions import (
    Actor,
    object_permissions,
    objects_with_permission,
    require_object_permission,
)

MAX_TITLE_LENGTH = 200
# A slot's own tasks are managed by whoever plans the object or edits its tasks.
SLOT_TASK_EDITORS = frozenset({Permission.PLAN.value, Permission.EDIT_OBJECTS.value})


@dataclass(frozen=True)
class TemplateDraft:
    title: str
    mandatory: bool = False
    proof_required: bool = False
    bonus: Decimal = Decimal("0.00")
    fine: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class SlotTasks:
    """A slot's own tasks and whether its shifts skip the object's templates."""

    slot: TimeSlot
    object_name: str
    tasks: list[TaskTemplate]
    object_task_count: int


async def task_template_objects(session: AsyncSession, actor: Actor) -> list[WorkObject]:
    """Objects whose tasks the actor manages (owners, managers with `edit_objects`)."""
    return await objects_with_permission(session, actor, Permission.EDIT_OBJECTS)


def _object_tasks(object_id: int | ColumnElement[int]) -> ColumnElement[bool]:
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


def shift_has_templates(
    object_id: ColumnElement[int],
    slot_id: ColumnElement[int | None],
    ignores_object_tasks: ColumnElement[bool | None],
) -> ColumnElement[bool]:
    """Whether `templates_for_shift` finds anything, as an SQL condition on the columns of
    the shift's object and slot (NULL ones: no slot), for a query about the shift to ask
    too."""
    object_tasks = and_(_object_tasks(object_id), ignores_object_tasks.is_not(True))  # type: ignore[arg-type]
    return (
        select(TaskTemplate.id)
        .where(TaskTemplate.archived.is_(False), or_(object_tasks, TaskTemplate.slot_id == slot_id))
        .exists()
    )


async def templates_for_shift(
    session: AsyncSession, shift: Shift, *, slot: TimeSlot | bool | None = True
) -> list[TaskTemplate]:
    """The object's templates and, for a shift opened from a planned slot, the slot's
    own tasks; a slot that ignores its object's tasks gives only its own. `slot`: the
    shift's slot when the caller has it (None: it has none), else True (read it here)."""
    if slot is True:
        slot = None
        if shift.planned_shift_id is not None:
            slot = await session.scalar(
                select(TimeSlot)
                .join(PlannedShift, PlannedShift.slot_id == TimeSlot.id)
                .where(PlannedShift.id == shift.planned_shift_id)
            )
    if not isinstance(slot, TimeSlot):
        return await _live_templates(session, _object_tasks(shift.object_id))
    if slot.ignore_object_tasks:
        return await _live_templates(session, TaskTemplate.slot_id == slot.id)
    return await _live_templates(
        session, or_(_object_tasks(shift.object_id), TaskTemplate.slot_id == slot.id)
    )
