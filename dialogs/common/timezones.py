"""The timezone choice shared by onboarding and the object editor: the common zones of
Russia and the CIS as buttons, labelled with the city and the current UTC offset."""

from typing import Any

from aiogram_dialog.widgets.kbd import Column

from dialogs.common.choices import choice_column
from services.places.timezones import COMMON_TIMEZONES, utc_offset_label
from services.platform.clock import Clock
from services.platform.i18n import Translator


def timezone_label(i18n: Translator, timezone: str, clock: Clock) -> str:
    """ "Москва (UTC+3)"; a zone outside the common list is shown by its IANA name."""
    city = (
        i18n.get(f"tz-{timezone.replace('/', '-')}") if timezone in COMMON_TIMEZONES else timezone
    )
    return i18n.get("tz-label", city=city, offset=utc_offset_label(timezone, clock.now()))


def timezone_buttons(i18n: Translator, clock: Clock) -> list[tuple[str, str]]:
    """(zone, label) pairs for a `Select` over `COMMON_TIMEZONES`."""
    return [(zone, timezone_label(i18n, zone, clock)) for zone in COMMON_TIMEZONES]


def timezone_column(on_click: Any) -> Column:
    """The getter's `timezones` (from `timezone_buttons`) one under another; a press hands
    the zone to `on_click`."""
    return choice_column("tz", "timezones", on_click, type_factory=str)
