"""What the objects windows show. Getters only read: the use cases of services.places.objects
decide what the user may see."""

from decimal import Decimal
from typing import Any

from aiogram.enums import ContentType
from aiogram_dialog import DialogManager
from aiogram_dialog.api.entities import MediaAttachment
from babel.dates import get_day_names

from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from dialogs.common.timezones import timezone_buttons, timezone_label
from services.integrations.yandex import static_map_url
from services.places.objects import WEEKDAYS, ObjectField, ObjectFlag, view_object, visible_objects
from services.platform.db.models import WorkObject
from services.platform.i18n import Translator


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def weekday_names(i18n: Translator) -> dict[str, str]:
    names = get_day_names("abbreviated", locale=i18n.language)
    return {day: str(names[index]).capitalize() for index, day in enumerate(WEEKDAYS)}


def _hours_of(work_object: WorkObject, day: str, i18n: Translator) -> str:
    hours = work_object.opening_hours.get(day)
    if not hours:
        return i18n.get("objects-hours-closed")
    return f"{hours[0]}–{hours[1]}"


def _hours_summary(work_object: WorkObject, i18n: Translator) -> str:
    names = weekday_names(i18n)
    if not work_object.opening_hours:
        return i18n.get("objects-hours-not-set")
    return "\n".join(f"{names[day]} {_hours_of(work_object, day, i18n)}" for day in WEEKDAYS)


def _object_id(manager: DialogManager) -> int:
    return int(manager.dialog_data["object_id"])


async def get_list(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor, objects = await visible_objects(context.session, context.user)
    return {
        "objects": [(o.id, o.name) for o in objects],
        "has_objects": bool(objects),
        "can_create": actor.is_owner,
        "map_url": mini_app_link(dialog_manager, "map") if objects else "",
    }


async def get_limit(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    limit = dialog_manager.dialog_data.get("limit", {})
    return {
        "limit": limit.get("limit", 0),
        "tariff": limit.get("tariff", ""),
    }


async def get_place(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "name": dialog_manager.dialog_data.get("name", ""),
        "creating": dialog_manager.dialog_data.get("place_mode") == "create",
        "mode": dialog_manager.dialog_data.get("place_mode", "move"),
        "address_search": _yes_no(bool(context.settings.yandex.geocoder_key.get_secret_value())),
    }


async def get_found_places(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    places = dialog_manager.dialog_data.get("places", [])
    return {
        "places": [(index, place["address"]) for index, place in enumerate(places)],
        "address": places[0]["address"] if places else "",
    }


async def get_object(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await view_object(context.session, context.user, _object_id(dialog_manager))
    work_object = view.work_object
    map_url = None
    if work_object.latitude is not None and work_object.longitude is not None:
        map_url = static_map_url(
            context.settings.yandex,
            work_object.latitude,
            work_object.longitude,
            work_object.geofence_radius_m,
            context.i18n.language,
        )
    data: dict[str, Any] = {
        "can_edit": view.can_edit,
        "is_owner": view.is_owner,
        "name": work_object.name,
        "address": work_object.address,
        "has_address": _yes_no(bool(work_object.address)),
        "coordinates": (
            f"{work_object.latitude:.5f}, {work_object.longitude:.5f}"
            if work_object.latitude is not None and work_object.longitude is not None
            else "—"
        ),
        "radius": work_object.geofence_radius_m,
        "timezone": timezone_label(context.i18n, work_object.timezone, context.clock),
        "hours": _hours_summary(work_object, context.i18n),
        "rate": context.i18n.money(Decimal(work_object.base_hourly_rate)),
        "late_grace": work_object.late_grace_minutes,
        "late_fine": context.i18n.money(Decimal(work_object.late_fine_per_minute)),
        "auto_close": work_object.auto_close_grace_minutes,
        "early_arrival": work_object.early_arrival_minutes,
        "not_clocked_in_alert": work_object.not_clocked_in_alert_minutes,
        "max_shift_hours": work_object.max_shift_hours,
        "required_break_after": work_object.required_break_after_hours,
        "required_break": work_object.required_break_minutes,
        "report_chat": _yes_no(work_object.report_chat_id is not None),
        "map": MediaAttachment(ContentType.PHOTO, url=map_url) if map_url else None,
    }
    for flag in ObjectFlag:
        on = bool(getattr(work_object, flag.value))
        data[flag.value] = _yes_no(on)
        data[f"{flag.value}_icon"] = "✅" if on else "⬜"
    return data


async def get_edit_value(dialog_manager: DialogManager, **kwargs: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    field = ObjectField(dialog_manager.dialog_data["field"])
    view = await view_object(context.session, context.user, _object_id(dialog_manager))
    current = {
        ObjectField.NAME: view.work_object.name,
        ObjectField.RADIUS: str(view.work_object.geofence_radius_m),
        ObjectField.TIMEZONE: view.work_object.timezone,
        ObjectField.BASE_RATE: str(view.work_object.base_hourly_rate),
        ObjectField.LATE_GRACE: str(view.work_object.late_grace_minutes),
        ObjectField.LATE_FINE: str(view.work_object.late_fine_per_minute),
        ObjectField.AUTO_CLOSE_GRACE: str(view.work_object.auto_close_grace_minutes),
        ObjectField.EARLY_ARRIVAL: str(view.work_object.early_arrival_minutes),
        ObjectField.NOT_CLOCKED_IN_ALERT: str(view.work_object.not_clocked_in_alert_minutes),
        ObjectField.MAX_SHIFT_LENGTH: str(view.work_object.max_shift_hours),
        ObjectField.REQUIRED_BREAK_AFTER: str(view.work_object.required_break_after_hours),
        ObjectField.REQUIRED_BREAK: str(view.work_object.required_break_minutes),
    }[field]
    return {"field": field.value, "current": current}


async def get_timezones(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await view_object(context.session, context.user, _object_id(dialog_manager))
    return {
        "timezones": timezone_buttons(context.i18n, context.clock),
        "current": view.work_object.timezone,
    }


async def get_hours(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await view_object(context.session, context.user, _object_id(dialog_manager))
    names = weekday_names(context.i18n)
    return {
        "name": view.work_object.name,
        "days": [
            (day, f"{names[day]} · {_hours_of(view.work_object, day, context.i18n)}")
            for day in WEEKDAYS
        ],
    }


async def get_hours_day(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await view_object(context.session, context.user, _object_id(dialog_manager))
    day = dialog_manager.dialog_data["weekday"]
    return {
        "weekday": weekday_names(context.i18n)[day],
        "hours": _hours_of(view.work_object, day, context.i18n),
    }


async def get_report_chat(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await view_object(context.session, context.user, _object_id(dialog_manager))
    me = await context.bot.me()
    return {
        "name": view.work_object.name,
        "bound": view.work_object.report_chat_id is not None,
        "bound_text": _yes_no(view.work_object.report_chat_id is not None),
        "code": dialog_manager.dialog_data.get("report_code", ""),
        "bot_username": me.username or "",
    }
