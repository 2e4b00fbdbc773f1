"""What the availability windows show. Getters only read."""

from datetime import date
from typing import Any

from aiogram_dialog import DialogManager
from babel.dates import get_day_names

from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from services.availability.queries import my_availability
from services.availability.rules import DayRule
from services.availability.texts import day_rule_text
from services.calendar.feed import calendar_token_of
from services.platform.db.models import AvailabilityKind
from services.platform.i18n import Translator
from services.staff.memberships import organization_today
from services.staff.users import active_memberships, current_membership

CALENDAR_PATH = "/calendar/"


async def organization_id_of(manager: DialogManager) -> int | None:
    """The organization the user acts in (their statements are kept per organization)."""
    context = update_context(manager)
    memberships = await active_memberships(context.session, context.user.id)
    current = current_membership(memberships, context.user.active_organization_id)
    return current.organization_id if current else None


def weekday_names(i18n: Translator, width: str = "wide") -> dict[int, str]:
    return dict(get_day_names(width, locale=i18n.language).items())


def target_label(i18n: Translator, target: dict[str, Any]) -> str:
    """ "Monday" for a weekday, "Fri, 6 Mar" for a date exception."""
    if "weekday" in target:
        return weekday_names(i18n)[target["weekday"]]
    return i18n.short_day(date.fromisoformat(target["date"]))


def rule_line(i18n: Translator, rule: DayRule | None) -> str:
    return i18n("availability-rule-none") if rule is None else day_rule_text(i18n, rule)


async def get_main(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    i18n = context.i18n
    organization_id = await organization_id_of(dialog_manager)
    if organization_id is None:
        return {
            "has_organization": False,
            "weekdays": [],
            "week": "",
            "exceptions": "",
            "mini_app_url": "",
        }
    today = await organization_today(context.session, context.clock, organization_id)
    mine = await my_availability(
        context.session, user_id=context.user.id, organization_id=organization_id, since=today
    )
    names = weekday_names(i18n)
    return {
        "has_organization": True,
        "mini_app_url": mini_app_link(dialog_manager, "availability"),
        "week": "\n".join(
            i18n("availability-line", day=names[n], rule=rule_line(i18n, mine.weekly.get(n)))
            for n in range(7)
        ),
        "exceptions": "\n".join(
            i18n("availability-line", day=i18n.short_day(day), rule=rule_line(i18n, rule))
            for day, rule in mine.exceptions
        ),
        "weekdays": list(weekday_names(i18n, "abbreviated").items()),
    }


async def get_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    target = dialog_manager.dialog_data["target"]
    organization_id = await organization_id_of(dialog_manager)
    rule: DayRule | None = None
    if organization_id is not None:
        today = await organization_today(context.session, context.clock, organization_id)
        mine = await my_availability(
            context.session, user_id=context.user.id, organization_id=organization_id, since=today
        )
        if "weekday" in target:
            rule = mine.weekly.get(target["weekday"])
        else:
            rule = dict(mine.exceptions).get(date.fromisoformat(target["date"]))
    i18n = context.i18n
    return {
        "day": target_label(i18n, target),
        "rule": rule_line(i18n, rule),
        "has_statement": rule is not None,
        "whole_day": [
            (AvailabilityKind.AVAILABLE.value, i18n("availability-all-day")),
            (AvailabilityKind.PREFERRED.value, i18n("availability-preferred-all-day")),
            (AvailabilityKind.UNAVAILABLE.value, i18n("availability-unavailable")),
        ],
        "hours": [
            (AvailabilityKind.AVAILABLE.value, i18n("availability-hours")),
            (AvailabilityKind.PREFERRED.value, i18n("availability-preferred-hours")),
        ],
    }


async def get_hours(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {"day": target_label(context.i18n, dialog_manager.dialog_data["target"])}


async def get_exception_date(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    organization_id = await organization_id_of(dialog_manager)
    if organization_id is None:
        return {"calendar_min": None}
    return {
        "calendar_min": await organization_today(context.session, context.clock, organization_id)
    }


async def get_calendar(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    token = await calendar_token_of(context.session, user_id=context.user.id)
    base_url = context.settings.webapp_base_url.rstrip("/")
    url = f"{base_url}{CALENDAR_PATH}{token}.ics" if token else ""
    return {"url": url, "is_https": url.startswith("https://")}


async def get_birthday(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    birthday = context.user.birthday
    return {
        "has_birthday": birthday is not None,
        "birthday": birthday.strftime("%d.%m.%Y") if birthday else "",
    }
