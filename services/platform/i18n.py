"""Message catalogues (`locales/<lang>/*.ftl`, Fluent) and locale-aware formatting.

Russian is the default; English the second language. Every user-facing text goes
through a `Translator`; a missing key is logged and shown as the key itself so it is
noticed, never as a crash.
"""

import html
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import structlog
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_currency, format_decimal, get_currency_symbol
from fluent.runtime import FluentBundle

from services.platform.parsed_catalogues import parsed_catalogue

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
SUPPORTED_LANGUAGES = ("ru", "en")
DEFAULT_LANGUAGE = "ru"
DEFAULT_CURRENCY = "RUB"
# The currencies an organization may keep its books in, with the sign people write
# where Babel's locale knows only the ISO code (English CLDR data writes "RUB").
CURRENCY_SIGNS = {
    "RUB": "₽",
    "EUR": "€",
    "USD": "$",
    "GBP": "£",
    "KZT": "₸",
    "BYN": "Br",
    "UZS": "soʻm",
    "AMD": "֏",
    "GEL": "₾",
    "TRY": "₺",
}
# One clock in every language: 24 hours, as typed times are ("07:00-11:30").
CLOCK_PATTERN = "HH:mm"

log = structlog.get_logger(__name__)


def pick_language(telegram_language_code: str | None) -> str:
    """The first language of a new user: their Telegram language if we speak it."""
    if telegram_language_code:
        base = telegram_language_code.split("-")[0].lower()
        if base in SUPPORTED_LANGUAGES:
            return base
    return DEFAULT_LANGUAGE


@lru_cache
def _bundle(language: str) -> FluentBundle:
    bundle = FluentBundle([language], use_isolating=False)
    # Without source positions (`FluentResource` keeps them): the bundle keeps every
    # message's syntax tree for the life of the process, and they were 40% of it.
    for resource in parsed_catalogue(LOCALES_DIR, language):
        bundle.add_resource(resource)
    return bundle


def catalogue_keys(language: str) -> set[str]:
    keys: set[str] = set()
    for path in (LOCALES_DIR / language).glob("*.ftl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line[0].isspace() and "=" in line and not line.startswith("#"):
                keys.add(line.split("=", 1)[0].strip())
    return keys


@lru_cache
def _currency_sign(code: str, language: str) -> str:
    """Cached: every text may name it (`{ $money_sign }`), so every `get` asks for it."""
    symbol = get_currency_symbol(code, locale=language)
    return CURRENCY_SIGNS.get(code, code) if symbol == code else symbol


@dataclass(frozen=True)
class Translator:
    """The texts of one language, and the money of one organization: `currency` is the
    currency of the organization the user acts in, used where an amount names none."""

    language: str
    currency: str = DEFAULT_CURRENCY

    def __call__(self, key: str, **params: Any) -> str:
        return self.get(key, **params)

    def get(self, key: str, **params: Any) -> str:
        """The text of `key`; every text may name the organization's currency sign as
        `{ $money_sign }` ("Hourly rate, { $money_sign }")."""
        params.setdefault("money_sign", self.currency_sign())
        bundle = _bundle(self.language)
        if not bundle.has_message(key):
            log.warning("i18n.missing_key", key=key, language=self.language)
            return key
        message = bundle.get_message(key)
        if message.value is None:
            return key
        text, errors = bundle.format_pattern(message.value, params)
        if errors:
            log.warning("i18n.format_errors", key=key, errors=[str(e) for e in errors])
        return text

    def money(self, amount: Decimal, currency: str | None = None) -> str:
        """An amount in the organization's currency (or `currency`), written by Babel the
        way the user's locale writes money ("1 234,50 ₽", "₽1,234.50", "£1,234.50"),
        with the currency's sign where the locale only knows its ISO code."""
        code = currency or self.currency
        text = format_currency(amount, code, locale=self.language)
        return text.replace(
            get_currency_symbol(code, locale=self.language), self.currency_sign(code)
        )

    def currency_sign(self, currency: str | None = None) -> str:
        """The sign the locale writes for the currency ("₽", "£"), ours where the locale
        knows only the ISO code."""
        return _currency_sign(currency or self.currency, self.language)

    def number(self, value: Decimal | float | int) -> str:
        return format_decimal(value, locale=self.language)

    def day(self, value: date, style: str = "medium") -> str:
        return format_date(value, format=style, locale=self.language)

    def short_day(self, value: date) -> str:
        return format_date(value, format="EEE, d MMM", locale=self.language)

    def hour_minute(self, value: datetime) -> str:
        return format_time(value, format=CLOCK_PATTERN, locale=self.language)

    def moment(self, value: datetime) -> str:
        """A short date and the 24-hour time, joined as the locale joins them."""
        pattern = get_datetime_format("short", locale=self.language)
        return str(pattern).format(
            self.hour_minute(value), format_date(value, "short", self.language)
        )


def translator_for(language: str | None, currency: str | None = None) -> Translator:
    return Translator(
        language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE,
        currency or DEFAULT_CURRENCY,
    )


_FLUENT_SCALARS = (int, float, Decimal, date, datetime)


def fluent_args(data: dict[str, Any]) -> dict[str, Any]:
    """Scalar values as Fluent variables (flags and containers left out); strings
    HTML-escaped, since every text is sent with HTML parse mode."""
    args: dict[str, Any] = {}
    for name, value in data.items():
        if isinstance(value, bool):
            continue
        if isinstance(value, str):
            args[name] = html.escape(value, quote=False)
        elif isinstance(value, _FLUENT_SCALARS):
            args[name] = value
    return args


if __name__ == "__main__":
    # `python -m services.platform.i18n`: every language's catalogues parsed and kept
    # (services.platform.parsed_catalogues), as the Docker image's build does.
    for supported in SUPPORTED_LANGUAGES:
        _bundle(supported)
