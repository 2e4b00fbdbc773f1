"""Hiring's refusals, each with a stable code (`error-<code>` in `locales/`)."""

from services.platform.errors import DomainError


class VacancyNotFound(DomainError):
    code = "vacancy-unknown"


class VacancyClosed(DomainError):
    code = "vacancy-closed"


class TooManyVacancyOpens(DomainError):
    """Params: minutes."""

    code = "vacancy-too-many-opens"


class AlreadyApplied(DomainError):
    code = "application-exists"


class CandidateBlocked(DomainError):
    code = "application-blocked"


class ApplicationClosed(DomainError):
    """The application is no longer new or at the interview stage."""

    code = "application-closed"


class NotAChatAdmin(DomainError):
    code = "vacancy-not-chat-admin"
