from datetime import date
from decimal import Decimal

from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.contracts.getters import (
    ANSWERS,
    CONTRACT_ID,
    DEFAULTS,
    MEMBERSHIP_ID,
    PENDING,
)
from dialogs.contracts.states import ContractsSG
from dialogs.planning.widgets import set_notice
from services.contracts.contracts import (
    ContractAnswers,
    change_end_date,
    clean_value,
    prepare_contract,
    send_for_signature,
)
from services.contracts.queries import contract_defaults, managed_contract_view
from services.staff.memberships import parse_hourly_rate, parse_local_date

TEMPLATE_ID = "template_id"


def _membership_id(manager: DialogManager) -> int:
    return int(manager.start_data[MEMBERSHIP_ID])  # type: ignore[index]


async def send_pdf(manager: DialogManager, chat_id: int, pdf: bytes, number: int) -> None:
    """The contract's PDF as a document in the chat, above the next window."""
    await update_context(manager).bot.send_document(
        chat_id, BufferedInputFile(pdf, filename=f"contract-{number}.pdf")
    )
    manager.show_mode = ShowMode.SEND


async def template_selected(
    callback: CallbackQuery, widget: object, manager: DialogManager, template_id: int
) -> None:
    context = update_context(manager)
    defaults = await contract_defaults(
        context.session,
        await actor_of(manager),
        context.clock,
        _membership_id(manager),
        template_id,
    )
    manager.dialog_data[TEMPLATE_ID] = template_id
    manager.dialog_data[PENDING] = defaults.fields
    manager.dialog_data[ANSWERS] = {}
    manager.dialog_data[DEFAULTS] = {
        "employee.full_name": defaults.full_name,
        "contract.start": defaults.starts_on.isoformat(),
        "contract.rate": str(defaults.hourly_rate) if defaults.hourly_rate is not None else None,
    }
    await _next_field(callback.message, manager)  # type: ignore[arg-type]


async def _next_field(message: Message, manager: DialogManager) -> None:
    """Ask the next field, or, when all are answered, make the draft and show its PDF."""
    if manager.dialog_data[PENDING]:
        await manager.switch_to(ContractsSG.field)
        return
    context = update_context(manager)
    answers: dict[str, str | None] = manager.dialog_data[ANSWERS]
    defaults: dict[str, str | None] = manager.dialog_data[DEFAULTS]
    rate = answers.get("contract.rate")
    contract = await prepare_contract(
        context.session,
        await actor_of(manager),
        context.clock,
        membership_id=_membership_id(manager),
        template_id=manager.dialog_data[TEMPLATE_ID],
        answers=ContractAnswers(
            full_name=answers.get("employee.full_name") or defaults["employee.full_name"] or "",
            starts_on=date.fromisoformat(
                answers.get("contract.start") or defaults["contract.start"] or ""
            ),
            ends_on=date.fromisoformat(end) if (end := answers.get("contract.end")) else None,
            hourly_rate=Decimal(rate) if rate else None,
            service=answers.get("contract.service") or "",
        ),
    )
    manager.dialog_data[CONTRACT_ID] = contract.id
    await send_pdf(manager, message.chat.id, contract.document_pdf, contract.id)
    await manager.switch_to(ContractsSG.preview)


async def _answer(message: Message, manager: DialogManager, value: str | None) -> None:
    field = manager.dialog_data[PENDING].pop(0)
    manager.dialog_data[ANSWERS][field] = value
    await _next_field(message, manager)


async def value_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    field = manager.dialog_data[PENDING][0]
    if field in ("contract.start", "contract.end"):
        value = parse_local_date(message.text).isoformat()
    elif field == "contract.rate":
        value = str(parse_hourly_rate(message.text))
    else:
        value = clean_value(message.text)
    await _answer(message, manager, value)


async def keep_default(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    field = manager.dialog_data[PENDING][0]
    await _answer(callback.message, manager, manager.dialog_data[DEFAULTS].get(field))  # type: ignore[arg-type]


async def leave_empty(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """No end date, or no own rate (the object's rate applies)."""
    await _answer(callback.message, manager, None)  # type: ignore[arg-type]


async def send_to_sign(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    contract = await send_for_signature(
        context.session, await actor_of(manager), context.clock, manager.dialog_data[CONTRACT_ID]
    )
    set_notice(manager, "contract-sent", number=contract.id)
    await manager.switch_to(ContractsSG.list)


async def contract_selected(
    callback: CallbackQuery, widget: object, manager: DialogManager, contract_id: int
) -> None:
    manager.dialog_data[CONTRACT_ID] = contract_id
    await manager.switch_to(ContractsSG.card)


async def show_pdf(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    view = await managed_contract_view(
        context.session, await actor_of(manager), context.clock, manager.dialog_data[CONTRACT_ID]
    )
    assert callback.message is not None
    await send_pdf(manager, callback.message.chat.id, view.pdf, view.contract_id)


async def _change_end(manager: DialogManager, ends_on: date | None) -> None:
    context = update_context(manager)
    await change_end_date(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data[CONTRACT_ID],
        ends_on,
    )
    set_notice(manager, "contract-end-changed")
    await manager.switch_to(ContractsSG.card)


async def end_date_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _change_end(manager, parse_local_date(message.text))


async def no_end_date(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _change_end(manager, None)
