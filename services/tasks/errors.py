"""The refusals of shift tasks, each with the stable code dialogs translate."""

from services.platform.errors import DomainError


class NoOpenShift(DomainError):
    code = "task-no-open-shift"


class TaskNotOpen(DomainError):
    """The task is done already (or the shift is over)."""

    code = "task-not-open"


class ProofRequired(DomainError):
    code = "task-proof-required"


class ProofNotRejectable(DomainError):
    code = "task-proof-not-rejectable"


class TaskShiftClosed(DomainError):
    """A link to a task of the employee's shift that is over."""

    code = "task-shift-closed"
