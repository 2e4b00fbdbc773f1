"""Widgets of the planning dialogs: a calendar that knows the test clock and the user's
language, and a one-line notice of what just happened."""

from datetime import date
from typing import Any

from aiogram_dialog.api.protocols import DialogManager
from aiogram_dialog.widgets.kbd import Calendar, CalendarScope, CalendarUserConfig
from aiogram_dialog.widgets.kbd.calendar_kbd import (
    CalendarDaysView,
    CalendarMonthView,
    CalendarScopeView,
    CalendarYearsView,
)
from aiogram_dialog.widgets.text import Format, Text
from babel.dates import format_date

from dialogs.common.i18n import translator_of
from services.platform.i18n import Translator, fluent_args

NOTICE_KEY = "notice"


def day_label(translator: Translator, value: date) -> str:
    return translator.short_day(value)


def set_notice(manager: DialogManager, key: str, **args: Any) -> None:
    """Show `key` (a locale key) above the next window, once."""
    manager.dialog_data[NOTICE_KEY] = {"key": key, "args": args}


class Notice(Text):
    """Renders the pending notice (if any) and forgets it."""

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        notice = manager.dialog_data.pop(NOTICE_KEY, None)
        if not notice:
            return ""
        return translator_of(manager).get(notice["key"], **fluent_args(notice["args"]))


class _LocalDate(Text):
    """A date of the calendar in the user's language (babel pattern)."""

    def __init__(self, pattern: str, prefix: str = "", suffix: str = "") -> None:
        super().__init__()
        self.pattern = pattern
        self.prefix = prefix
        self.suffix = suffix

    async def _render_text(self, data: dict[str, Any], manager: DialogManager) -> str:
        language = translator_of(manager).language
        text = format_date(data["date"], format=self.pattern, locale=language)
        return f"{self.prefix}{text}{self.suffix}"


_DAY = Format("{date:%d}")


class LocalCalendar(Calendar):
    """aiogram-dialog's Calendar, opening at the window's `calendar_min` date (today where
    the object is, by our clock) and not offering earlier days; month and weekday names
    in the user's language. It marks no "today" of its own: that would be the server's."""

    def _init_views(self) -> dict[CalendarScope, CalendarScopeView]:
        return {
            CalendarScope.DAYS: CalendarDaysView(
                self._item_callback_data,
                date_text=_DAY,
                today_text=_DAY,
                weekday_text=_LocalDate("EEEEEE"),
                header_text=_LocalDate("LLLL y", prefix="🗓 "),
                next_month_text=_LocalDate("LLLL", suffix=" >>"),
                prev_month_text=_LocalDate("LLLL", prefix="<< "),
            ),
            CalendarScope.MONTHS: CalendarMonthView(
                self._item_callback_data,
                month_text=_LocalDate("LLLL"),
                this_month_text=_LocalDate("LLLL"),
            ),
            CalendarScope.YEARS: CalendarYearsView(self._item_callback_data),
        }

    async def _get_user_config(self, data: dict, manager: DialogManager) -> CalendarUserConfig:
        return CalendarUserConfig(firstweekday=0, min_date=data.get("calendar_min"))

    async def _render_keyboard(self, data: dict, manager: DialogManager):  # type: ignore[no-untyped-def]
        if self.get_offset(manager) is None and data.get("calendar_min") is not None:
            self.set_offset(data["calendar_min"], manager)
        rows = await super()._render_keyboard(data, manager)
        # Weeks that lie wholly before the first allowed day are rows of blanks: drop them.
        return [row for row in rows if any(button.text.strip() for button in row)]
