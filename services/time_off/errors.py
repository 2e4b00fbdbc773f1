"""The refusals of time off, each with the stable code dialogs and the Mini App translate."""

from services.platform.errors import DomainError


class TimeOffNotPending(DomainError):
    code = "time-off-not-pending"


class TimeOffHasShifts(DomainError):
    """The employee holds planned shifts in the span: the approver must choose to
    release or keep them."""

    code = "time-off-has-shifts"


class TimeOffInPast(DomainError):
    code = "time-off-in-past"


class TimeOffTooLong(DomainError):
    code = "time-off-too-long"
