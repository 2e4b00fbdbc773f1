"""Objects dialog handlers: parse what the user sent, call one use case of
services.places.objects, move to the next window. Domain errors are shown and the dialog stays."""

from dataclasses import asdict

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.objects.states import ObjectsSG
from services.integrations.yandex import YandexGeocoder
from services.orgs.tariffs import TariffLimitReached
from services.places import objects
from services.places.objects import ObjectField, ObjectFlag, Place
from services.platform.errors import InvalidInput

FIELD_BUTTON_PREFIX = "field_"
FLAG_BUTTON_PREFIX = "flag_"


def _object_id(manager: DialogManager) -> int:
    return int(manager.dialog_data["object_id"])


def _geocoder(manager: DialogManager) -> YandexGeocoder:
    context = update_context(manager)
    return YandexGeocoder(context.settings.yandex, language=context.user.language)


async def _refuse_over_limit(manager: DialogManager, error: TariffLimitReached) -> None:
    manager.dialog_data["limit"] = {
        "limit": error.params.get("limit", 0),
        "tariff": error.params.get("tariff", ""),
    }
    await manager.switch_to(ObjectsSG.limit_reached)


# --------------------------------------------------------------------------- list


object_chosen = remember_choice("object_id", ObjectsSG.card)


async def add_object(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    try:
        organization_id = await objects.check_can_add_object(context.session, context.user)
    except TariffLimitReached as error:
        await _refuse_over_limit(manager, error)
        return
    manager.dialog_data.update(organization_id=organization_id, place_mode="create")
    await manager.switch_to(ObjectsSG.create_name)


async def name_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["name"] = objects.clean_object_name(message.text)
    await manager.switch_to(ObjectsSG.place)


# --------------------------------------------------------------------------- place


async def _use_place(message: Message, manager: DialogManager, place: Place) -> None:
    """Create the object there, or move the edited object there."""
    context = update_context(manager)
    try:
        if manager.dialog_data.get("place_mode") == "create":
            work_object = await objects.create_object(
                context.session,
                context.user,
                int(manager.dialog_data["organization_id"]),
                name=manager.dialog_data["name"],
                place=place,
            )
            manager.dialog_data["object_id"] = work_object.id
            await manager.switch_to(ObjectsSG.card)
            return
        await objects.move_object(context.session, context.user, _object_id(manager), place)
    except TariffLimitReached as error:
        await _refuse_over_limit(manager, error)
        return
    await manager.switch_to(ObjectsSG.edit)


async def location_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    location = message.location
    assert location is not None
    place = await objects.place_from_pin(_geocoder(manager), location.latitude, location.longitude)
    await _use_place(message, manager, place)


async def address_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    places = await objects.places_for_address(_geocoder(manager), message.text)
    manager.dialog_data["places"] = [asdict(place) for place in places]
    await manager.switch_to(ObjectsSG.confirm_place if len(places) == 1 else ObjectsSG.pick_place)


async def _use_found_place(callback: CallbackQuery, manager: DialogManager, index: int) -> None:
    found = manager.dialog_data.get("places", [])
    if not 0 <= index < len(found) or not isinstance(callback.message, Message):
        await manager.switch_to(ObjectsSG.place)
        return
    await _use_place(callback.message, manager, Place(**found[index]))


async def place_picked(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, index: int
) -> None:
    await _use_found_place(callback, manager, index)


async def place_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _use_found_place(callback, manager, 0)


# --------------------------------------------------------------------------- card and edit


async def edit_field(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["field"] = ObjectField(button.widget_id.removeprefix(FIELD_BUTTON_PREFIX))
    await manager.switch_to(ObjectsSG.edit_value)


async def move_place(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["place_mode"] = "move"
    await manager.switch_to(ObjectsSG.place)


async def value_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    field = ObjectField(manager.dialog_data["field"])
    await objects.set_object_field(
        context.session, context.user, _object_id(manager), field, message.text
    )
    await manager.switch_to(ObjectsSG.edit)


async def flag_toggled(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    flag = ObjectFlag(button.widget_id.removeprefix(FLAG_BUTTON_PREFIX))
    await objects.toggle_object_flag(context.session, context.user, _object_id(manager), flag)


async def timezone_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, timezone: str
) -> None:
    context = update_context(manager)
    await objects.set_object_field(
        context.session, context.user, _object_id(manager), ObjectField.TIMEZONE, timezone
    )
    await manager.switch_to(ObjectsSG.edit)


async def timezone_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["field"] = ObjectField.TIMEZONE
    await value_entered(message, widget, manager)


weekday_chosen = remember_choice("weekday", ObjectsSG.hours_day)


async def hours_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    await objects.set_opening_hours(
        context.session,
        context.user,
        _object_id(manager),
        manager.dialog_data["weekday"],
        message.text,
    )
    await manager.switch_to(ObjectsSG.hours)


async def day_closed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await objects.close_on_weekday(
        context.session, context.user, _object_id(manager), manager.dialog_data["weekday"]
    )
    await manager.switch_to(ObjectsSG.hours)


async def day_copied_to_all(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    await objects.copy_hours_to_every_day(
        context.session, context.user, _object_id(manager), manager.dialog_data["weekday"]
    )
    await manager.switch_to(ObjectsSG.hours)


async def archive_confirmed(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    await objects.archive_object(context.session, context.user, _object_id(manager))
    manager.dialog_data.pop("object_id", None)
    await manager.switch_to(ObjectsSG.list)


# --------------------------------------------------------------------------- report chat


async def report_chat_opened(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    code = await objects.issue_report_chat_code(
        context.session, context.user, _object_id(manager), context.clock
    )
    manager.dialog_data["report_code"] = code.code
    await manager.switch_to(ObjectsSG.report_chat)


async def report_chat_unbound(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    await objects.unbind_report_chat(context.session, context.user, _object_id(manager))


async def place_expected(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Neither a location nor text where a place was asked for."""
    raise InvalidInput(field="location", reason="expect-place")
