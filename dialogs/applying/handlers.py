from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedCheckbox

from dialogs.applying.getters import CONSENT_WIDGET
from dialogs.applying.states import ApplySG
from dialogs.common.context import update_context
from dialogs.common.errors import show_domain_error
from dialogs.menu.states import MainMenuSG
from services.hiring.applications import (
    ApplicationForm,
    answer_interview,
    apply,
    live_application_of,
    my_application,
    open_vacancy,
    withdraw,
)
from services.hiring.rules import (
    MAX_LONG_TEXT,
    MY_APPLICATION_PAYLOAD_PREFIX,
    VACANCY_PAYLOAD_PREFIX,
    clean_phone,
    clean_text,
)
from services.hiring.vacancies import vacancy_by_code
from services.platform.db.models import InterviewAnswer
from services.platform.errors import DomainError, InvalidInput, NotFound


async def on_start(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict):
        manager.dialog_data.update(start_data)


async def start_vacancy_by_deep_link(
    message: Message, manager: DialogManager, payload: str
) -> None:
    """`/start job_<code>`: the vacancy's card (counted against the person's opens);
    an unknown code or too many opens is explained and the menu shown."""
    context = update_context(manager)
    code = payload.removeprefix(VACANCY_PAYLOAD_PREFIX)
    try:
        await open_vacancy(
            context.session, context.user, code, manager.middleware_data["vacancy_opens"]
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await manager.start(
        ApplySG.vacancy, data={"code": code}, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
    )


async def start_my_application_by_deep_link(
    message: Message, manager: DialogManager, payload: str
) -> None:
    """`/start myapp_<id>` from a notification: the candidate's own application."""
    context = update_context(manager)
    try:
        application = await my_application(
            context.session,
            context.user,
            int(payload.removeprefix(MY_APPLICATION_PAYLOAD_PREFIX)),
        )
    except (ValueError, NotFound):
        await message.answer(context.i18n.get("hiring-application-unavailable"))
        await manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await manager.start(
        ApplySG.status,
        data={"application_id": application.id},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )


async def open_my_application(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    view = await vacancy_by_code(context.session, manager.dialog_data["code"])
    application = await live_application_of(context.session, context.user, view.id)
    if application is not None:
        manager.dialog_data["application_id"] = application.id
        await manager.switch_to(ApplySG.status)


def _typed(field: str, then: Any, limit: int) -> Any:
    async def entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
        manager.dialog_data[field] = clean_text(message.text, field=field, limit=limit)
        await manager.switch_to(then)

    return entered


name_entered = _typed("name", ApplySG.phone, 128)
experience_entered = _typed("experience", ApplySG.availability, MAX_LONG_TEXT)
availability_entered = _typed("availability", ApplySG.photo, MAX_LONG_TEXT)


async def telegram_name_kept(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    manager.dialog_data["name"] = update_context(manager).user.display_name
    await manager.switch_to(ApplySG.phone)


async def phone_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """The contact shared by Telegram's button (only the sender's own), or typed."""
    if message.contact is not None:
        if message.from_user is None or message.contact.user_id != message.from_user.id:
            raise InvalidInput(field="phone", reason="phone-not-own")
        phone = clean_phone(message.contact.phone_number)
    else:
        phone = clean_phone(message.text)
    manager.dialog_data["phone"] = phone
    manager.show_mode = ShowMode.SEND  # the reply keyboard goes away with a new message
    await manager.switch_to(ApplySG.experience)


async def photo_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    if not message.photo:
        raise InvalidInput(field="photo", reason="photo-expected")
    manager.dialog_data["photo"] = message.photo[-1].file_id
    await manager.switch_to(ApplySG.consent)


async def without_photo(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["photo"] = None
    await manager.switch_to(ApplySG.consent)


async def send_application(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    consent = manager.find(CONSENT_WIDGET)
    assert isinstance(consent, ManagedCheckbox)
    application = await apply(
        context.session,
        context.user,
        context.clock,
        data["code"],
        ApplicationForm(
            name=data["name"],
            phone=data["phone"],
            experience=data["experience"],
            availability=data["availability"],
            photo_file_id=data.get("photo"),
            shares_ratings=consent.is_checked(),
        ),
    )
    data["application_id"] = application.id
    await manager.switch_to(ApplySG.status)


async def withdraw_pressed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await withdraw(
        context.session, context.user, context.clock, manager.dialog_data["application_id"]
    )


async def interview_answered(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    answer = (
        InterviewAnswer.CONFIRMED if button.widget_id == "confirm" else InterviewAnswer.ANOTHER_TIME
    )
    await answer_interview(
        context.session, context.user, context.clock, manager.dialog_data["application_id"], answer
    )
