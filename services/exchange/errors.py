"""Refusals of the shift exchange, each with the stable code that dialogs and the Mini
App translate."""

from services.platform.errors import DomainError


class TooLateToExchange(DomainError):
    code = "exchange-too-late"


class AlreadyOffered(DomainError):
    code = "already-offered"


class OfferGone(DomainError):
    code = "offer-gone"


class OwnShift(DomainError):
    code = "own-shift"


class SwapExists(DomainError):
    code = "swap-exists"


class SwapGone(DomainError):
    code = "swap-gone"


class ShiftChanged(DomainError):
    code = "shift-changed"


class RequestExists(DomainError):
    code = "request-exists"


class ExchangeNotPending(DomainError):
    code = "exchange-not-pending"


class WeeklyCapReached(DomainError):
    code = "weekly-cap-reached"
