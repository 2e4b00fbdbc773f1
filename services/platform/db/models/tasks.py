from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class TaskTemplate(Base):
    """A task done on every shift at an object (C6), or, with `slot_id`, only on the
    shifts of one planned slot (the slot's own task). Editing or archiving it changes
    future shifts only: a shift's tasks are copies made when the shift opens."""

    __tablename__ = "task_templates"

    id: Mapped[IntPk]
    object_id: Mapped[int] = belongs_to("objects", index=True)
    slot_id: Mapped[int | None] = belongs_to("time_slots", index=True)
    title: Mapped[str] = mapped_column(String(200))
    mandatory: Mapped[bool] = mapped_column(default=False)
    proof_required: Mapped[bool] = mapped_column(default=False)
    bonus: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    # Applied when a mandatory task is left undone at the end of the shift.
    fine: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    archived: Mapped[bool] = mapped_column(default=False)
    created_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class ShiftTaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class ShiftTask(Base):
    """One task of one shift, copied from its template when the shift opens (the
    template's later edits do not change it). A rejected proof puts it back to open."""

    __tablename__ = "shift_tasks"
    __table_args__ = (UniqueConstraint("shift_id", "template_id"),)

    id: Mapped[IntPk]
    shift_id: Mapped[int] = belongs_to("shifts", index=True)
    template_id: Mapped[int | None] = refers_to("task_templates")
    title: Mapped[str] = mapped_column(String(200))
    mandatory: Mapped[bool] = mapped_column(default=False)
    proof_required: Mapped[bool] = mapped_column(default=False)
    bonus: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    fine: Mapped[Decimal] = mapped_column(Numeric(12, 2), default=Decimal("0.00"))
    status: Mapped[ShiftTaskStatus] = mapped_column(String(16), default=ShiftTaskStatus.OPEN)
    done_at: Mapped[datetime | None]
    # The media flow whose files prove it (media rows carry the same flow_id).
    proof_flow_id: Mapped[str | None] = mapped_column(String(32))
    proof_comment: Mapped[str | None] = mapped_column(String(1000))
    rejection_comment: Mapped[str | None] = mapped_column(String(1000))
    rejected_at: Mapped[datetime | None]
    rejected_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]
