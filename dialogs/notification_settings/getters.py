from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.notify.outbox import DAILY_SUMMARY
from services.notify.settings import (
    DAILY_SUMMARY_HOUR_CHOICES,
    QUIET_HOURS_CHOICES,
    REMINDER_LEAD_CHOICES,
    get_preferences,
    management_roles,
    offered_kinds,
)
from services.reports.daily_summary import receives_daily_summary

QUIET_HOURS_OFF = "off"


async def get_notification_settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    preferences = await get_preferences(context.session, context.user.id)
    roles = await management_roles(context.session, context.user.id)
    gets_summary = bool(roles) and await receives_daily_summary(context.session, context.user.id)
    kinds = []
    for kind in offered_kinds(roles):
        if kind is DAILY_SUMMARY and not gets_summary:
            continue  # a manager who may report on no object gets none
        label = context.i18n.get(f"notify-kind-{kind.name}")
        state = "off" if kind.name in preferences.muted_kinds else "on"
        kinds.append(
            (kind.name, context.i18n.get(f"notification-settings-kind-{state}", label=label))
        )
    if preferences.quiet_hours_start is None or preferences.quiet_hours_end is None:
        quiet_hours = context.i18n.get("notification-settings-quiet-off")
    else:
        quiet_hours = context.i18n.get(
            "notification-settings-quiet-window",
            start=preferences.quiet_hours_start.strftime("%H:%M"),
            end=preferences.quiet_hours_end.strftime("%H:%M"),
        )
    return {
        "lead_minutes": preferences.reminder_lead_minutes,
        "gets_summary": gets_summary,
        "summary_hour": f"{preferences.daily_summary_hour:02d}:00",
        "quiet_hours": quiet_hours,
        "kinds": kinds,
    }


async def get_lead_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "leads": [
            (str(minutes), context.i18n.get("notification-settings-lead-option", minutes=minutes))
            for minutes in REMINDER_LEAD_CHOICES
        ]
    }


async def get_summary_hour_choices(**_: Any) -> dict[str, Any]:
    return {"hours": [(str(hour), f"{hour:02d}:00") for hour in DAILY_SUMMARY_HOUR_CHOICES]}


async def get_quiet_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    windows = [
        (
            str(index),
            context.i18n.get(
                "notification-settings-quiet-window",
                start=start.strftime("%H:%M"),
                end=end.strftime("%H:%M"),
            ),
        )
        for index, (start, end) in enumerate(QUIET_HOURS_CHOICES)
    ]
    windows.append((QUIET_HOURS_OFF, context.i18n.get("notification-settings-quiet-none")))
    return {"windows": windows}
