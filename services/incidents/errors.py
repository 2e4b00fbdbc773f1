"""What incidents and requests refuse, each with a stable code (`error-<code>`)."""

from services.platform.errors import DomainError


class CaseAlreadyDecided(DomainError):
    """The incident or request was answered or decided already (maybe by someone else a
    moment ago): nothing changed."""

    code = "case-already-decided"


class AnswerWindowClosed(DomainError):
    """Params: deadline. The employee's 72 hours to accept or dispute are over."""

    code = "incident-answer-window-closed"


class NoProducts(DomainError):
    """An expense request needs the owner's product list, which is empty."""

    code = "request-no-products"
