"""The refusals of clock-in, clock-out and approvals, each with the stable code dialogs
translate."""

from services.platform.errors import DomainError


class ShiftAlreadyOpen(DomainError):
    """Params: shift_id (the open shift, to show its card)."""

    code = "shift-already-open"


class NoOpenShift(DomainError):
    code = "no-open-shift"


class ShiftNotOpenable(DomainError):
    """Params: reason (ended, worked, cancelled)."""

    code = "shift-not-openable"


class TooEarlyToOpen(DomainError):
    """Params: opens_at (local HH:MM), minutes (the object's early-arrival allowance)."""

    code = "shift-too-early"


class SpontaneousNotAllowed(DomainError):
    code = "spontaneous-not-allowed"


class LocationRequired(DomainError):
    code = "location-required"


class AttemptNotApprovable(DomainError):
    """Params: reason (accepted, approved, not-requested-by-you)."""

    code = "attempt-not-approvable"


class ShiftNotOpen(DomainError):
    code = "shift-not-open"


class AlreadyMarkedAbsent(DomainError):
    code = "already-marked-absent"
