"""Payroll actions: parse, call one use case, show the result or the domain error."""

import uuid
from datetime import time
from decimal import Decimal
from typing import Any

from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.chat_action import ChatActionSender
from aiogram_dialog import DialogManager, ShowMode, StartMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.actor import actor_of
from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.common.errors import show_domain_error
from dialogs.incidents.states import IncidentsSG, RequestsSG
from dialogs.menu.states import MainMenuSG
from dialogs.payroll.getters import (
    ADJUST_IS_BONUS,
    CURRENT_PERIOD,
    EMPLOYEE_ID,
    NEW_END,
    NEW_REASON,
    NEW_START,
    PAYOUT_METHOD,
    PERIOD_ID,
    PERIOD_KIND,
    SHIFT_ID,
)
from dialogs.payroll.states import MyPaySG, PayrollSG
from dialogs.planning.widgets import set_notice
from services.payroll.adjustments import add_manual_adjustment, record_payout
from services.payroll.closing import PAYSLIP_PAYLOAD_PREFIX, close_pay_period
from services.payroll.corrections import (
    correct_shift_local_times,
    correction_target,
    shift_id_from_payload,
)
from services.payroll.export import export_period_workbook
from services.payroll.payslips import organization_currency
from services.payroll.periods import MAX_PAY_DAY_OFFSET, open_current_period
from services.payroll.settings import update_payroll_settings
from services.platform.db.models import PayoutMethod, PayPeriod, PayPeriodKind
from services.platform.errors import DomainError
from services.platform.local_time import hhmm
from services.platform.validation import (
    Quantity,
    parse_money,
    parse_shift_times_and_note,
    parse_whole_number,
)

ADJUST_AMOUNT = "adjust_amount"
# One key per started request: a repeated tap or message writes the entry once.
REQUEST_KEY = "request_key"


def _new_request(manager: DialogManager) -> None:
    manager.dialog_data[REQUEST_KEY] = uuid.uuid4().hex


# ------------------------------------------------------------------ owner and managers


async def period_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, period_id: int
) -> None:
    """Opening the current period to work on it stores it if nothing was written to it yet."""
    if period_id == CURRENT_PERIOD:
        context = update_context(manager)
        actor = await actor_of(manager)
        period = await open_current_period(context.session, context.clock, actor.organization_id)
        period_id = period.id
    manager.dialog_data[PERIOD_ID] = period_id
    await manager.switch_to(PayrollSG.period)


employee_chosen = remember_choice(EMPLOYEE_ID, PayrollSG.payslip)


async def close_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await close_pay_period(
        context.session,
        context.clock,
        period_id=manager.dialog_data[PERIOD_ID],
        user_id=context.user.id,
    )
    set_notice(manager, "payroll-closed-notice")
    await manager.switch_to(PayrollSG.period)


async def export_clicked(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Build the workbook while the chat shows "sending a file…", then send it."""
    context = update_context(manager)
    assert callback.message is not None
    chat_id = callback.message.chat.id
    async with ChatActionSender.upload_document(bot=context.bot, chat_id=chat_id):
        filename, content = await export_period_workbook(
            context.session,
            user_id=context.user.id,
            period_id=manager.dialog_data[PERIOD_ID],
            translator=context.i18n,
        )
    period = await context.session.get(PayPeriod, manager.dialog_data[PERIOD_ID])
    assert period is not None
    await context.bot.send_document(
        chat_id,
        BufferedInputFile(content, filename=filename),
        caption=context.i18n.get(
            "payroll-export-caption",
            start=context.i18n.day(period.start_date, "short"),
            end=context.i18n.day(period.end_date, "short"),
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
    amount = parse_money(message.text, field="amount")
    manager.dialog_data[ADJUST_AMOUNT] = str(amount)
    await manager.switch_to(PayrollSG.adjust_reason)


async def reason_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    period = await context.session.get(PayPeriod, manager.dialog_data[PERIOD_ID])
    assert period is not None
    entry = await add_manual_adjustment(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=period.organization_id,
        employee_user_id=manager.dialog_data[EMPLOYEE_ID],
        amount=Decimal(manager.dialog_data[ADJUST_AMOUNT]),
        is_bonus=bool(manager.dialog_data[ADJUST_IS_BONUS]),
        reason=message.text or "",
        request_key=manager.dialog_data[REQUEST_KEY],
        period_id=period.id,
    )
    currency = await organization_currency(context.session, period.organization_id)
    set_notice(manager, "payroll-adjust-done", amount=context.i18n.money(entry.amount, currency))
    await manager.switch_to(PayrollSG.payslip)


async def start_payout(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    _new_request(manager)
    await manager.switch_to(PayrollSG.payout)


payout_method_chosen = remember_choice(PAYOUT_METHOD, PayrollSG.payout_amount)


async def _pay(message: Message, manager: DialogManager, amount: Decimal | None) -> None:
    """Record the payout (the whole balance when `amount` is None) and go back to the
    payslip; a refusal (more than the balance) keeps the amount window open."""
    context = update_context(manager)
    entry = await record_payout(
        context.session,
        context.clock,
        user_id=context.user.id,
        period_id=manager.dialog_data[PERIOD_ID],
        employee_user_id=manager.dialog_data[EMPLOYEE_ID],
        method=PayoutMethod(manager.dialog_data[PAYOUT_METHOD]),
        request_key=manager.dialog_data[REQUEST_KEY],
        amount=amount,
    )
    currency = await organization_currency(context.session, entry.organization_id)
    set_notice(manager, "payroll-payout-done", amount=context.i18n.money(-entry.amount, currency))
    await manager.switch_to(PayrollSG.payslip)


async def payout_whole_balance(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    assert isinstance(callback.message, Message)
    await _pay(callback.message, manager, None)


async def payout_amount_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    amount = parse_money(message.text, field="amount")
    await _pay(message, manager, amount)


async def start_correction(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.switch_to(PayrollSG.correct_pick)


shift_to_correct_chosen = remember_choice(SHIFT_ID, PayrollSG.correct_times)


async def new_times_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    start, end, reason = parse_shift_times_and_note(message.text)
    manager.dialog_data[NEW_START] = hhmm(start)
    manager.dialog_data[NEW_END] = hhmm(end)
    manager.dialog_data[NEW_REASON] = reason
    await manager.switch_to(PayrollSG.correct_confirm)


async def correction_confirmed(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    """Correct the shift (reversals and new entries); a refusal (a time in the future)
    goes back to typing the times."""
    context = update_context(manager)
    try:
        shift = await correct_shift_local_times(
            context.session,
            context.clock,
            user_id=context.user.id,
            shift_id=manager.dialog_data[SHIFT_ID],
            start=time.fromisoformat(manager.dialog_data[NEW_START]),
            end=time.fromisoformat(manager.dialog_data[NEW_END]),
            reason=manager.dialog_data.get(NEW_REASON, ""),
        )
    except DomainError as error:
        await show_domain_error(callback, manager, error)
        await manager.switch_to(PayrollSG.correct_times)
        return
    currency = await organization_currency(context.session, shift.organization_id)
    assert shift.pay is not None
    set_notice(
        manager,
        "payroll-correct-done",
        minutes=shift.worked_minutes,
        pay=context.i18n.money(shift.pay, currency),
    )
    await manager.switch_to(PayrollSG.payslip)


period_kind_chosen = remember_choice(PERIOD_KIND, PayrollSG.settings_pay_day)


async def pay_day_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """Save the period kind and the pay day; the current period stays as it is."""
    context = update_context(manager)
    days = parse_whole_number(
        message.text,
        field="pay_day",
        quantity=Quantity.DAYS,
        minimum=0,
        maximum=MAX_PAY_DAY_OFFSET,
    )
    actor = await actor_of(manager)
    change = await update_payroll_settings(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        period_kind=PayPeriodKind(manager.dialog_data[PERIOD_KIND]),
        pay_day_offset_days=days,
    )
    set_notice(
        manager,
        "payroll-settings-saved",
        kind=context.i18n.get(f"payroll-kind-{change.settings.period_kind}"),
        offset=days,
        effective_from=context.i18n.day(change.effective_from, "short"),
    )
    await manager.switch_to(PayrollSG.periods)


# ------------------------------------------------------------------ the employee


async def my_period_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, period_id: int
) -> None:
    if period_id == CURRENT_PERIOD:
        manager.dialog_data.pop(PERIOD_ID, None)
    else:
        manager.dialog_data[PERIOD_ID] = period_id
    await manager.switch_to(MyPaySG.payslip)


async def start_my_pay(manager: DialogManager, period_id: int | None = None) -> None:
    await manager.start(MyPaySG.payslip, data={PERIOD_ID: period_id})


async def start_payslip_by_deep_link(dialog_manager: DialogManager, payload: str) -> None:
    """`/start pay_<period id>` from the "payslip ready" notification."""
    digits = payload.removeprefix(PAYSLIP_PAYLOAD_PREFIX)
    await dialog_manager.start(
        MyPaySG.payslip,
        data={PERIOD_ID: int(digits) if digits.isdigit() else None},
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )


async def start_correction_by_deep_link(
    message: Message, dialog_manager: DialogManager, payload: str
) -> None:
    """`/start fix_<shift id>` from an auto-closed shift's notification: straight to
    typing the shift's right hours, for the owner or a manager with `edit_money`;
    anyone else is told why and gets the menu."""
    context = update_context(dialog_manager)
    try:
        target = await correction_target(
            context.session, user_id=context.user.id, shift_id=shift_id_from_payload(payload)
        )
    except DomainError as error:
        await show_domain_error(message, dialog_manager, error)
        await dialog_manager.start(
            MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
        )
        return
    await dialog_manager.start(
        PayrollSG.correct_times,
        data={
            PERIOD_ID: target.period_id,
            EMPLOYEE_ID: target.employee_user_id,
            SHIFT_ID: target.shift.shift_id,
        },
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
    )


async def remember_correction_target(start_data: Any, manager: DialogManager) -> None:
    """The period, employee and shift a correction link starts with."""
    if isinstance(start_data, dict):
        for key in (PERIOD_ID, EMPLOYEE_ID, SHIFT_ID):
            if key in start_data:
                manager.dialog_data[key] = start_data[key]


async def remember_start_period(start_data: Any, manager: DialogManager) -> None:
    if isinstance(start_data, dict) and start_data.get(PERIOD_ID) is not None:
        manager.dialog_data[PERIOD_ID] = start_data[PERIOD_ID]


async def case_opened(
    callback: CallbackQuery, widget: Any, manager: DialogManager, cause: str
) -> None:
    """An incident or request line of the payslip opens its card."""
    kind, case_id = cause.split(":")
    if kind == "incident":
        await manager.start(IncidentsSG.incident, data={"incident_id": int(case_id)})
    else:
        await manager.start(RequestsSG.request, data={"request_id": int(case_id)})
