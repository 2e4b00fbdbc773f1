from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class AttendanceMarkKind(StrEnum):
    # The employee did not come: a no-show from now on, whatever the time.
    ABSENT = "absent"
    # A manager opened the shift for the employee (forgot the phone, no signal).
    OPENED_FOR = "opened_for"


class AttendanceMark(Base):
    """What an owner or a manager decided about someone's planned shift of the day,
    with the reason, kept as the log of that decision. One mark of a kind per planned
    shift (a double tap marks once)."""

    __tablename__ = "attendance_marks"
    __table_args__ = (UniqueConstraint("planned_shift_id", "kind"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    planned_shift_id: Mapped[int] = belongs_to("planned_shifts")
    kind: Mapped[AttendanceMarkKind] = mapped_column(String(16))
    author_user_id: Mapped[int | None] = refers_to("users")
    reason: Mapped[str] = mapped_column(String(500))
    # The shift opened for the employee (OPENED_FOR).
    shift_id: Mapped[int | None] = refers_to("shifts")
    # The fine charged for the absence, when the manager chose to charge it.
    fine_amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    marked_at: Mapped[datetime]
    created_at: Mapped[CreatedAt]
