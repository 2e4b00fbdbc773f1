"""Domain errors of scheduling; each code has its text in locales (`error-<code>`)."""

from services.platform.errors import DomainError


class NotAllowedHere(DomainError):
    """The person may not take this place under the hard rules."""

    code = "autoschedule-not-allowed"
