"""Read models of shift tasks: a shift's tasks, the mandatory ones still open, and a task
of the employee's open shift."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import Shift, ShiftStatus, ShiftTask, ShiftTaskStatus
from services.platform.errors import NotFound
from services.tasks.errors import NoOpenShift


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


async def employee_open_shift(session: AsyncSession, user_id: int) -> Shift:
    """The employee's open shift, whose tasks they work on; `NoOpenShift` without one."""
    shift = await session.scalar(
        select(Shift).where(Shift.user_id == user_id, Shift.status == ShiftStatus.OPEN)
    )
    if shift is None:
        raise NoOpenShift()
    return shift


async def own_open_shift_task(session: AsyncSession, user_id: int, task_id: int) -> ShiftTask:
    """A task of the user's open shift (done or not), for its checklist item."""
    shift = await employee_open_shift(session, user_id)
    task = await session.scalar(
        select(ShiftTask)
        .where(ShiftTask.id == task_id, ShiftTask.shift_id == shift.id)
        .execution_options(populate_existing=True)
    )
    if task is None:
        raise NotFound(what="task")
    return task
