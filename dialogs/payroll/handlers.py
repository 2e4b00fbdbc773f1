"""Payroll actions: parse, call one use case, show the result or the domain error."""

import uuid
from decimal import Decimal
from typing import Any

from aiogram import Bot
from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.chat_action import ChatActionSender
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.errors import show_domain_error
from dialogs.common.i18n import translator_of
from dialogs.payroll.getters import ADJUST_IS_BONUS, EMPLOYEE_ID, PERIOD_ID
from dialogs.payroll.states import MyPaySG, PayrollSG
from dialogs.planning.widgets import set_notice
from services import payroll
from services.db.models import PayoutMethod, PayPeriod
from services.errors import DomainError
from services.validation import parse_money

ADJUST_AMOUNT = "adjust_amount"
# One key per started request: a repeated tap or message writes the entry once.
REQUEST_KEY = "request_key"


def _data(manager: DialogManager) -> dict[str, Any]:
    return manager.middleware_data


async def _refuse(callback: CallbackQuery, manager: DialogManager, error: DomainError) -> None:
    assert isinstance(callback.message, Message)
    await show_domain_error(callback.message, manager, error)


def _new_request(manager: DialogManager) -> None:
    manager.dialog_data[REQUEST_KEY] = uuid.uuid4().hex


# ------------------------------------------------------------------ owner and managers


async def period_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, period_id: int
) -> None:
    manager.dialog_data[PERIOD_ID] = period_id
    await manager.switch_to(PayrollSG.period)


async def employee_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, user_id: int
) -> None:
    manager.dialog_data[EMPLOYEE_ID] = user_id
    await manager.switch_to(PayrollSG.payslip)


async def close_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    data = _data(manager)
    try:
        await payroll.close_pay_period(
            data["session"],
            data["clock"],
            period_id=manager.dialog_data[PERIOD_ID],
            user_id=data["user"].id,
        )
    except DomainError as error:
        await _refuse(callback, manager, error)
        return
    set_notice(manager, "payroll-closed-notice")
    await manager.switch_to(PayrollSG.period)


async def export_clicked(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Build the workbook while the chat shows "sending a file…", then send it."""
    data = _data(manager)
    bot: Bot = data["bot"]
    i18n = translator_of(manager)
    assert callback.message is not None
    chat_id = callback.message.chat.id
    try:
        async with ChatActionSender.upload_document(bot=bot, chat_id=chat_id):
            filename, content = await payroll.export_period_workbook(
                data["session"],
                user_id=data["user"].id,
                period_id=manager.dialog_data[PERIOD_ID],
                translator=i18n,
            )
    except DomainError as error:
        await _refuse(callback, manager, error)
        return
    period = await data["session"].get(PayPeriod, manager.dialog_data[PERIOD_ID])
    assert period is not None
    await bot.send_document(
        chat_id,
        BufferedInputFile(content, filename=filename),
        caption=i18n.get(
            "payroll-export-caption",
            start=i18n.day(period.start_date, "short"),
            end=i18n.day(period.end_date, "short"),
        ),
    )
    manager.show_mode = ShowMode.SEND


async def start_bonus(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data[ADJUST_IS_BONUS] = True
    _new_request(manager)
    await manager.switch_to(PayrollSG.adjust_amount)


async def start_deduction(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data[ADJUST_IS_BONUS] = False
    _new_request(manager)
    await manager.switch_to(PayrollSG.adjust_amount)


async def amount_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    try:
        amount = parse_money(message.text, field="amount")
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    manager.dialog_data[ADJUST_AMOUNT] = str(amount)
    await manager.switch_to(PayrollSG.adjust_reason)


async def reason_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    data = _data(manager)
    period = await data["session"].get(PayPeriod, manager.dialog_data[PERIOD_ID])
    assert period is not None
    try:
        entry = await payroll.add_manual_adjustment(
            data["session"],
            data["clock"],
            user_id=data["user"].id,
            organization_id=period.organization_id,
            employee_user_id=manager.dialog_data[EMPLOYEE_ID],
            amount=Decimal(manager.dialog_data[ADJUST_AMOUNT]),
            is_bonus=bool(manager.dialog_data[ADJUST_IS_BONUS]),
            reason=message.text or "",
            request_key=manager.dialog_data[REQUEST_KEY],
            period_id=period.id,
        )
    except DomainError as error:
        await show_domain_error(message, manager, error)
        return
    i18n = translator_of(manager)
    currency = await payroll.organization_currency(data["session"], period.organization_id)
    set_notice(manager, "payroll-adjust-done", amount=i18n.money(entry.amount, currency))
    await manager.switch_to(PayrollSG.payslip)


async def start_payout(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    _new_request(manager)
    await manager.switch_to(PayrollSG.payout)


async def payout_method_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, method: str
) -> None:
    data = _data(manager)
    period_id = manager.dialog_data[PERIOD_ID]
    try:
        entry = await payroll.record_payout(
            data["session"],
            data["clock"],
            user_id=data["user"].id,
            period_id=period_id,
            employee_user_id=manager.dialog_data[EMPLOYEE_ID],
            method=PayoutMethod(method),
            request_key=manager.dialog_data[REQUEST_KEY],
        )
    except DomainError as error:
        await _refuse(callback, manager, error)
        return
    i18n = translator_of(manager)
    currency = await payroll.organization_currency(data["session"], entry.organization_id)
    set_notice(manager, "payroll-payout-done", amount=i18n.money(-entry.amount, currency))
    await manager.switch_to(PayrollSG.payslip)


# ------------------------------------------------------------------ the employee


async def my_period_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, period_id: int
) -> None:
    manager.dialog_data[PERIOD_ID] = period_id
    await manager.switch_to(MyPaySG.payslip)


async def start_my_pay(manager: DialogManager, period_id: int | None = None) -> None:
    await manager.start(MyPaySG.payslip, data={PERIOD_ID: period_id})


async def start_payslip_by_deep_link(dialog_manager: DialogManager, payload: str) -> None:
    """`/start pay_<period id>` from the "payslip ready" notification."""
    digits = payload.removeprefix(payroll.PAYSLIP_PAYLOAD_PREFIX)
    await dialog_manager.start(
        MyPaySG.payslip,
        data={PERIOD_ID: int(digits) if digits.isdigit() else None},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )


async def remember_start_period(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict) and start_data.get(PERIOD_ID) is not None:
        manager.dialog_data[PERIOD_ID] = start_data[PERIOD_ID]
