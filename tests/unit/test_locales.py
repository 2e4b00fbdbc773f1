"""Every text exists in Russian and English, and every key the UI uses exists."""

import re
from pathlib import Path

from services.platform.i18n import LOCALES_DIR, SUPPORTED_LANGUAGES, Translator, catalogue_keys

PROJECT_ROOT = LOCALES_DIR.parent
_USED_KEY = re.compile(r"""I18n\(\s*["']([a-z0-9-]+)["']""")


def test_russian_and_english_have_the_same_keys() -> None:
    ru, en = catalogue_keys("ru"), catalogue_keys("en")
    assert sorted(ru - en) == [], "keys missing in English"
    assert sorted(en - ru) == [], "keys missing in Russian"


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
    assert Translator("en").money(Decimal("1234.50")) == "1,234.50\xa0₽"
    assert Translator("ru").day(date(2026, 3, 2)) == "2 мар. 2026\u202fг."
