from datetime import date, time
from typing import Any

from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedCalendar, Select

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.media import incoming_media
from dialogs.contracts.states import ContractsSG
from dialogs.hiring.states import HiringSG
from dialogs.menu.states import MainMenuSG
from dialogs.planning.widgets import set_notice
from services.hiring.decisions import Interview, block_candidate, hire, invite_to_interview, reject
from services.hiring.queries import application_card
from services.hiring.rules import APPLICATION_PAYLOAD_PREFIX, clean_text
from services.hiring.vacancies import (
    VacancyTerms,
    object_vacancy,
    post_vacancy,
    save_vacancy,
    set_vacancy_open,
    vacancy_link,
)
from services.platform.db.models import WorkObject
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.platform.i18n import fluent_args
from services.platform.qr import qr_png
from services.staff.memberships import parse_hourly_rate


async def on_start(start_data: Any, manager: DialogManager) -> None:
    """A notification's button starts on the application's card."""
    if isinstance(start_data, dict) and "application_id" in start_data:
        manager.dialog_data.update(start_data)


async def object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data["object_id"] = object_id
    await manager.switch_to(HiringSG.work_object)


# The vacancy ---------------------------------------------------------------------------


def _typed(field: str, then: Any) -> Any:
    async def entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        manager.dialog_data[field] = clean_text(message.text, field=field, limit=256)
        await manager.switch_to(then)

    return entered


position_entered = _typed("position", HiringSG.pay)
pay_entered = _typed("pay", HiringSG.schedule)
schedule_entered = _typed("schedule", HiringSG.address)
address_entered = _typed("address", HiringSG.photo)


async def object_address_kept(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    work_object = await context.session.get(WorkObject, manager.dialog_data["object_id"])
    assert work_object is not None
    manager.dialog_data["address"] = work_object.address or work_object.name
    await manager.switch_to(HiringSG.photo)


async def _save(manager: DialogManager, photo_file_id: str | None) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    await save_vacancy(
        context.session,
        await actor_of(manager),
        context.clock,
        data["object_id"],
        VacancyTerms(
            data["position"], data["pay"], data["schedule"], data["address"], photo_file_id
        ),
    )
    set_notice(manager, "hiring-vacancy-saved")
    await manager.switch_to(HiringSG.work_object)


async def photo_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    media = incoming_media(message)
    if media is None or not message.photo:
        raise InvalidInput(field="photo", reason="photo-expected")
    await _save(manager, media.file_id)


async def without_photo(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _save(manager, None)


async def send_qr(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """The vacancy link as a QR picture, sent below the card to print and hang up."""
    context = update_context(manager)
    view = await object_vacancy(
        context.session, await actor_of(manager), manager.dialog_data["object_id"]
    )
    if view is None or callback.message is None:
        return
    link = vacancy_link((await context.bot.me()).username or "", view.code)
    await context.bot.send_photo(
        callback.message.chat.id,
        BufferedInputFile(qr_png(link), filename="vacancy-qr.png"),
        caption=context.i18n.get(
            "hiring-qr-caption", **fluent_args({"object": view.object_name, "link": link})
        ),
    )
    manager.show_mode = ShowMode.SEND


async def toggle_open(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await set_vacancy_open(
        context.session,
        await actor_of(manager),
        manager.dialog_data["object_id"],
        is_open=button.widget_id == "reopen",
    )


async def post_target_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A post forwarded from the channel, or the chat's numeric id typed."""
    origin = message.forward_origin
    chat = getattr(origin, "chat", None) or message.forward_from_chat
    if chat is not None:
        chat_id = chat.id
    else:
        try:
            chat_id = int((message.text or "").strip())
        except ValueError as error:
            raise InvalidInput(field="chat", reason="chat-expected") from error
    context = update_context(manager)
    await post_vacancy(
        context.session,
        await actor_of(manager),
        context.bot,
        manager.dialog_data["object_id"],
        chat_id,
    )
    set_notice(manager, "hiring-posted")
    await manager.switch_to(HiringSG.work_object)


# Applications --------------------------------------------------------------------------


async def application_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, application_id: int
) -> None:
    manager.dialog_data["application_id"] = application_id
    await manager.switch_to(HiringSG.application)


async def interview_day_chosen(
    callback: CallbackQuery, widget: ManagedCalendar, manager: DialogManager, chosen: date
) -> None:
    manager.dialog_data["day"] = chosen.isoformat()
    await manager.switch_to(HiringSG.interview_hour)


async def interview_hour_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, hour: int
) -> None:
    manager.dialog_data["hour"] = hour
    await manager.switch_to(HiringSG.interview_minute)


async def interview_minute_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, minute: int
) -> None:
    manager.dialog_data["minute"] = minute
    await manager.switch_to(HiringSG.interview_place)


async def place_chosen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["online"] = button.widget_id == "online"
    await manager.switch_to(HiringSG.interview_note)


async def _invite(manager: DialogManager, note: str) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    await invite_to_interview(
        context.session,
        await actor_of(manager),
        context.clock,
        data["application_id"],
        Interview(
            day=date.fromisoformat(data["day"]),
            at=time(data["hour"], data["minute"]),
            online=data["online"],
            note=note,
        ),
    )
    set_notice(manager, "hiring-interview-set")
    await manager.switch_to(HiringSG.application)


async def note_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _invite(manager, message.text or "")


async def without_note(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _invite(manager, "")


async def _reject(manager: DialogManager, reason: str, template: str | None = None) -> None:
    context = update_context(manager)
    await reject(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["application_id"],
        reason,
        template,
    )
    set_notice(manager, "hiring-rejected")
    await manager.switch_to(HiringSG.application)


async def template_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, key: str
) -> None:
    """The template's text is kept in the actor's language; the candidate reads it in
    theirs."""
    await _reject(manager, update_context(manager).i18n.get(f"hiring-reject-template-{key}"), key)


async def own_reason_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _reject(manager, message.text or "")


async def block_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await block_candidate(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["application_id"],
    )
    set_notice(manager, "hiring-blocked")
    await manager.switch_to(HiringSG.application)


async def _hire(manager: DialogManager, rate: Any) -> None:
    context = update_context(manager)
    await hire(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["application_id"],
        rate,
    )
    set_notice(manager, "hiring-hired")
    await manager.switch_to(HiringSG.application)


async def make_contract(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """From a hired candidate's card straight to their contract: choose a template, fill
    the missing fields, send it for signature."""
    context = update_context(manager)
    card = await application_card(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["application_id"],
    )
    await manager.start(ContractsSG.list, data={"membership_id": card.hired_membership_id})


async def hire_rate_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _hire(manager, parse_hourly_rate(message.text))


async def hire_without_rate(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await _hire(manager, None)


async def start_application_by_deep_link(
    message: Message, manager: DialogManager, payload: str
) -> None:
    """`/start app_<id>` from a notification: the application's card for those who hire
    at its object; anyone else is told it is not available and gets the menu."""
    context = update_context(manager)
    try:
        application_id = int(payload.removeprefix(APPLICATION_PAYLOAD_PREFIX))
        card = await application_card(
            context.session, await actor_of(manager), context.clock, application_id
        )
    except (ValueError, NotFound, PermissionDenied):
        await message.answer(context.i18n.get("hiring-application-unavailable"))
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await manager.start(
        HiringSG.application,
        data={"application_id": card.id, "object_id": card.object_id},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )
