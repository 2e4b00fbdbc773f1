"""`/start task_<id>`: the deep link of a task from a notification or the report chat. It
opens the checklist item for the employee of the shift, the proof review for the owner
or a manager."""

from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import Permission, Shift, ShiftStatus, ShiftTask
from services.platform.errors import NotFound, PermissionDenied
from services.staff.permissions import actor_in, object_permissions
from services.tasks.errors import TaskShiftClosed

# `/start task_<shift task id>`: the deep link of a task (report chat, notifications).
TASK_PAYLOAD_PREFIX = "task_"


class TaskLinkRole(StrEnum):
    """What `/start task_<id>` opens for the user who taps it."""

    EMPLOYEE = "employee"  # the checklist item of their open shift
    REVIEWER = "reviewer"  # the proof review (owner, manager with `view`)


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
