from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    Column,
    Group,
    Start,
    SwitchTo,
    WebApp,
)
from aiogram_dialog.widgets.media import DynamicMedia
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column, paged_choice_column
from dialogs.common.i18n import I18n
from dialogs.common.timezones import timezone_column
from dialogs.common.windows import text_input_window
from dialogs.objects import getters, handlers
from dialogs.objects.handlers import FIELD_BUTTON_PREFIX, FLAG_BUTTON_PREFIX
from dialogs.objects.states import ObjectsSG
from dialogs.subscription.states import SubscriptionSG
from services.places.objects import OWNER_FLAGS, ObjectField, ObjectFlag

_PIN = [ContentType.LOCATION, ContentType.VENUE]
PAGE_SIZE = 8


def _field_button(key: str, field: ObjectField) -> Button:
    return Button(I18n(key), id=f"{FIELD_BUTTON_PREFIX}{field.value}", on_click=handlers.edit_field)


def _flag_button(flag: ObjectFlag) -> Button:
    return Button(
        I18n(f"objects-flag-{flag.value}"),
        id=f"{FLAG_BUTTON_PREFIX}{flag.value}",
        on_click=handlers.flag_toggled,
        when="is_owner" if flag in OWNER_FLAGS else None,
    )


def _list_windows() -> list[Window]:
    return [
        Window(
            I18n("objects-list-title"),
            I18n("objects-list-empty", when=~F["has_objects"]),
            paged_choice_column(
                "object",
                "objects",
                handlers.object_chosen,
                "objects_page",
                PAGE_SIZE,
                label=Format("🏪 {item[1]}"),
            ),
            WebApp(I18n("objects-map"), Format("{map_url}"), id="map", when="map_url"),
            Button(I18n("objects-add"), id="add", on_click=handlers.add_object, when="can_create"),
            Cancel(I18n("common-back")),
            state=ObjectsSG.list,
            getter=getters.get_list,
        ),
        Window(
            I18n("objects-limit-reached"),
            Start(I18n("objects-upgrade"), id="upgrade", state=SubscriptionSG.main),
            SwitchTo(I18n("common-back"), id="limit_back", state=ObjectsSG.list),
            state=ObjectsSG.limit_reached,
            getter=getters.get_limit,
        ),
    ]


def _create_windows() -> list[Window]:
    return [
        text_input_window(
            "objects-ask-name",
            handlers.name_entered,
            SwitchTo(I18n("common-cancel"), id="name_cancel", state=ObjectsSG.list),
            state=ObjectsSG.create_name,
            text_only=True,
        ),
        Window(
            I18n("objects-ask-place"),
            MessageInput(handlers.location_sent, content_types=_PIN),
            MessageInput(handlers.address_typed, content_types=ContentType.TEXT),
            MessageInput(handlers.place_expected),
            SwitchTo(
                I18n("common-back"),
                id="place_back_create",
                state=ObjectsSG.create_name,
                when="creating",
            ),
            SwitchTo(
                I18n("common-back"),
                id="place_back_edit",
                state=ObjectsSG.edit,
                when=~F["creating"],
            ),
            state=ObjectsSG.place,
            getter=getters.get_place,
        ),
        Window(
            I18n("objects-pick-place"),
            choice_column("found", "places", handlers.place_picked, label=Format("📍 {item[1]}")),
            MessageInput(handlers.location_sent, content_types=_PIN),
            SwitchTo(I18n("objects-other-address"), id="pick_other", state=ObjectsSG.place),
            state=ObjectsSG.pick_place,
            getter=getters.get_found_places,
        ),
        Window(
            I18n("objects-confirm-place"),
            Button(I18n("objects-place-yes"), id="place_yes", on_click=handlers.place_confirmed),
            SwitchTo(I18n("objects-other-address"), id="confirm_other", state=ObjectsSG.place),
            MessageInput(handlers.location_sent, content_types=_PIN),
            state=ObjectsSG.confirm_place,
            getter=getters.get_found_places,
        ),
    ]


def _card_windows() -> list[Window]:
    return [
        Window(
            DynamicMedia("map", when="map"),
            I18n("objects-card"),
            SwitchTo(I18n("objects-edit"), id="edit", state=ObjectsSG.edit, when="can_edit"),
            Button(
                I18n("objects-report-chat"),
                id="report_chat",
                on_click=handlers.report_chat_opened,
                when="can_edit",
            ),
            SwitchTo(
                I18n("objects-archive"), id="archive", state=ObjectsSG.archive, when="can_edit"
            ),
            SwitchTo(I18n("objects-to-list"), id="to_list", state=ObjectsSG.list),
            state=ObjectsSG.card,
            getter=getters.get_object,
        ),
        Window(
            I18n("objects-card"),
            I18n("objects-edit-what"),
            Group(
                _field_button("objects-edit-name", ObjectField.NAME),
                Button(I18n("objects-edit-place"), id="move", on_click=handlers.move_place),
                _field_button("objects-edit-radius", ObjectField.RADIUS),
                SwitchTo(I18n("objects-edit-timezone"), id="timezone", state=ObjectsSG.timezone),
                SwitchTo(I18n("objects-edit-hours"), id="hours", state=ObjectsSG.hours),
                _field_button("objects-edit-rate", ObjectField.BASE_RATE),
                _field_button("objects-edit-late-grace", ObjectField.LATE_GRACE),
                _field_button("objects-edit-late-fine", ObjectField.LATE_FINE),
                _field_button("objects-edit-auto-close", ObjectField.AUTO_CLOSE_GRACE),
                _field_button("objects-edit-early-arrival", ObjectField.EARLY_ARRIVAL),
                _field_button("objects-edit-not-clocked-in", ObjectField.NOT_CLOCKED_IN_ALERT),
                _field_button("objects-edit-max-shift", ObjectField.MAX_SHIFT_LENGTH),
                _field_button("breaks-edit-required-after", ObjectField.REQUIRED_BREAK_AFTER),
                _field_button("breaks-edit-required", ObjectField.REQUIRED_BREAK),
                width=2,
            ),
            Column(*(_flag_button(flag) for flag in ObjectFlag)),
            SwitchTo(I18n("objects-done"), id="edit_done", state=ObjectsSG.card),
            state=ObjectsSG.edit,
            getter=getters.get_object,
        ),
        text_input_window(
            "objects-ask-value",
            handlers.value_entered,
            SwitchTo(I18n("common-back"), id="value_back", state=ObjectsSG.edit),
            state=ObjectsSG.edit_value,
            getter=getters.get_edit_value,
            text_only=True,
        ),
        text_input_window(
            "objects-ask-timezone",
            handlers.timezone_typed,
            timezone_column(handlers.timezone_chosen),
            SwitchTo(I18n("common-back"), id="tz_back", state=ObjectsSG.edit),
            state=ObjectsSG.timezone,
            getter=getters.get_timezones,
            text_only=True,
        ),
        Window(
            I18n("objects-hours-title"),
            choice_column("day", "days", handlers.weekday_chosen, type_factory=str),
            SwitchTo(I18n("common-back"), id="hours_back", state=ObjectsSG.edit),
            state=ObjectsSG.hours,
            getter=getters.get_hours,
        ),
        text_input_window(
            "objects-ask-hours",
            handlers.hours_entered,
            Button(I18n("objects-day-closed"), id="day_closed", on_click=handlers.day_closed),
            Button(
                I18n("objects-day-copy-all"), id="day_copy", on_click=handlers.day_copied_to_all
            ),
            SwitchTo(I18n("common-back"), id="day_back", state=ObjectsSG.hours),
            state=ObjectsSG.hours_day,
            getter=getters.get_hours_day,
            text_only=True,
        ),
        Window(
            I18n("objects-report-chat-text"),
            Button(
                I18n("objects-report-new-code"), id="new_code", on_click=handlers.report_chat_opened
            ),
            Button(
                I18n("objects-report-unbind"),
                id="unbind",
                on_click=handlers.report_chat_unbound,
                when="bound",
            ),
            SwitchTo(I18n("common-back"), id="report_back", state=ObjectsSG.card),
            state=ObjectsSG.report_chat,
            getter=getters.get_report_chat,
        ),
        Window(
            I18n("objects-archive-confirm"),
            Button(
                I18n("objects-archive-yes"), id="archive_yes", on_click=handlers.archive_confirmed
            ),
            SwitchTo(I18n("objects-archive-no"), id="archive_no", state=ObjectsSG.card),
            state=ObjectsSG.archive,
            getter=getters.get_object,
        ),
    ]


def objects_dialog() -> Dialog:
    return Dialog(*_list_windows(), *_create_windows(), *_card_windows())
