"""How the Mini App API writes clock times and money for its pages (the pages place the
texts as they come)."""

from datetime import time
from decimal import Decimal

from services.platform.i18n import Translator
from services.platform.local_time import hhmm


def time_span(start: time, end: time) -> str:
    return f"{hhmm(start)}–{hhmm(end)}"


def money_or_none(t: Translator, amount: Decimal | None, currency: str) -> str | None:
    """None where the caller may not see the amount."""
    return None if amount is None else t.money(amount, currency)
