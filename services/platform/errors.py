"""Domain errors. Each has a stable `code`: dialogs and routes translate it through
`locales/` (key `error-<code>`), with `params` as the message's variables."""

from typing import Any


class DomainError(Exception):
    code = "domain"

    def __init__(self, **params: Any) -> None:
        super().__init__(self.code, params)
        self.params = params


class NotFound(DomainError):
    code = "not-found"


class PermissionDenied(DomainError):
    code = "permission-denied"


class InvalidInput(DomainError):
    code = "invalid-input"
