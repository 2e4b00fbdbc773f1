"""Every text exists in Russian and English, and every key the UI uses exists."""

import re
from collections import Counter
from pathlib import Path

import pytest
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk, Message, Term

from services.platform.i18n import LOCALES_DIR, SUPPORTED_LANGUAGES, Translator, catalogue_keys

PROJECT_ROOT = LOCALES_DIR.parent
_USED_KEY = re.compile(r"""I18n\(\s*["']([a-z0-9-]+)["']""")


def _definitions(language: str) -> Counter[str]:
    """How many times each message (and term) is defined across the language's files."""
    defined: Counter[str] = Counter()
    for path in sorted((LOCALES_DIR / language).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        junk = [entry.content for entry in resource.body if isinstance(entry, Junk)]
        assert junk == [], f"{path.name} does not parse"
        defined.update(
            entry.id.name for entry in resource.body if isinstance(entry, (Message, Term))
        )
    return defined


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_no_message_is_defined_twice(language: str) -> None:
    """Fluent keeps the last of two definitions of a key, so one text silently replaces
    another (a whole-number field once answered with an example of money)."""
    twice = sorted(key for key, count in _definitions(language).items() if count > 1)
    assert twice == [], f"defined more than once in {language}"


def test_russian_and_english_define_the_same_messages() -> None:
    ru, en = set(_definitions("ru")), set(_definitions("en"))
    assert sorted(ru - en) == [], "missing in English"
    assert sorted(en - ru) == [], "missing in Russian"


def test_every_key_used_by_a_dialog_exists() -> None:
    used: set[str] = set()
    for path in Path(PROJECT_ROOT / "dialogs").rglob("*.py"):
        used |= set(_USED_KEY.findall(path.read_text(encoding="utf-8")))
    for language in SUPPORTED_LANGUAGES:
        assert sorted(used - catalogue_keys(language)) == [], f"missing in {language}"


def test_every_message_renders_without_errors() -> None:
    for language in SUPPORTED_LANGUAGES:
        translator = Translator(language)
        for key in catalogue_keys(language):
            assert translator.get(key) != key


def test_money_and_dates_are_formatted_per_locale() -> None:
    from datetime import date
    from decimal import Decimal

    assert Translator("ru").money(Decimal("1234.50")) == "1\xa0234,50\xa0₽"
    assert Translator("en").money(Decimal("1234.50")) == "₽1,234.50"
    assert Translator("ru").day(date(2026, 3, 2)) == "2 мар. 2026\u202fг."


@pytest.mark.parametrize(
    ("language", "currency", "written"),
    [
        ("ru", "RUB", "-1\xa0234,50\xa0₽"),
        ("en", "RUB", "-₽1,234.50"),
        ("ru", "GBP", "-1\xa0234,50\xa0£"),
        ("en", "GBP", "-£1,234.50"),
        ("en", "KZT", "-₸1,234.50"),
        ("ru", "EUR", "-1\xa0234,50\xa0€"),
    ],
)
def test_money_is_written_in_the_organizations_currency_the_locales_way(
    language: str, currency: str, written: str
) -> None:
    from decimal import Decimal

    assert Translator(language, currency).money(Decimal("-1234.5")) == written
    # A currency named by the caller wins over the organization's.
    assert Translator(language, "USD").money(Decimal("-1234.5"), currency) == written


@pytest.mark.parametrize(
    ("language", "clock", "moment"),
    [("ru", "15:07", "02.03.2026, 15:07"), ("en", "15:07", "3/2/26, 15:07")],
)
def test_one_24_hour_clock_in_every_language(language: str, clock: str, moment: str) -> None:
    from datetime import UTC, datetime

    afternoon = datetime(2026, 3, 2, 15, 7, tzinfo=UTC)
    assert Translator(language).hour_minute(afternoon) == clock
    assert Translator(language).moment(afternoon) == moment
