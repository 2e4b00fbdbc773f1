"""The refusals of planning, each with the stable code that dialogs and the Mini App
translate."""

from services.platform.errors import DomainError


class SlotFull(DomainError):
    code = "slot-full"


class ShiftOverlap(DomainError):
    code = "shift-overlap"


class NotOnObject(DomainError):
    code = "not-on-object"


class SlotInPast(DomainError):
    code = "slot-in-past"


class SelfBookingOff(DomainError):
    code = "self-booking-off"


class AlreadyOnSlot(DomainError):
    code = "already-on-slot"


class SlotExists(DomainError):
    code = "slot-exists"


class ShiftNotPlanned(DomainError):
    code = "shift-not-planned"


class DocumentRequired(DomainError):
    code = "document-required"


class CancellationNotPending(DomainError):
    code = "cancellation-not-pending"


class ShiftAlreadyOpened(DomainError):
    code = "shift-already-opened"


class OnTimeOff(DomainError):
    """The employee has approved time off during the shift."""

    code = "on-time-off"


class OutsideAvailability(DomainError):
    """The shift is outside the employee's stated availability: a planner may still
    assign them, giving a reason."""

    code = "outside-availability"


class BreaksWorkRule(DomainError):
    """The shift would break a hard rule of work (`services.planning.work_rules`): too
    little rest or travel time around another shift, too many hours that day or that
    week, too many days in a row; `reason` says which."""

    code = "breaks-work-rule"
