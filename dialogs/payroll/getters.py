"""What the payroll windows show. Getters only read; amounts are formatted per locale."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from services.payroll.access import can_edit_money
from services.payroll.adjustments import PAYOUT_METHODS
from services.payroll.corrections import CorrectableShift, correctable_shifts, correction_target
from services.payroll.payslip_text import line_text, payslip_figures
from services.payroll.payslips import (
    PayslipView,
    current_payslip,
    organization_currency,
    payslip,
    period_payslips,
    recent_periods,
)
from services.payroll.periods import MAX_PAY_DAY_OFFSET, current_period, payroll_settings
from services.platform.db.models import PayPeriod, PayPeriodKind, PayPeriodStatus
from services.platform.errors import DomainError, PermissionDenied
from services.platform.i18n import Translator
from services.platform.local_time import hhmm

PERIOD_ID = "period_id"
EMPLOYEE_ID = "employee_id"
ADJUST_IS_BONUS = "adjust_is_bonus"
PAYOUT_METHOD = "payout_method"
SHIFT_ID = "shift_id"
NEW_START = "new_start"
NEW_END = "new_end"
NEW_REASON = "new_reason"
PERIOD_KIND = "period_kind"
# A Telegram message holds 4,096 characters: the lines of a long month get at most
# this many, the title and the sums the rest.
MAX_EXPLAIN_CHARACTERS = 3_000
# The current period's button while nothing is written to it (it is not stored yet).
CURRENT_PERIOD = 0


def period_label(i18n: Translator, period: PayPeriod) -> str:
    return i18n.get(
        "payroll-period-button",
        start=i18n.day(period.start_date, "short"),
        end=i18n.day(period.end_date, "short"),
        status=period.status,
    )


def period_choices(i18n: Translator, periods: list[PayPeriod]) -> list[tuple[int, str]]:
    return [(CURRENT_PERIOD if p.id is None else p.id, period_label(i18n, p)) for p in periods]


def payslip_args(i18n: Translator, view: PayslipView) -> dict[str, Any]:
    return payslip_figures(i18n, view) | {
        "name": view.totals.employee_name,
        "start": i18n.day(view.period.start_date, "short"),
        "end": i18n.day(view.period.end_date, "short"),
        "frozen": "yes" if view.frozen else "no",
    }


def explain_args(i18n: Translator, view: PayslipView) -> dict[str, Any]:
    shown: list[str] = []
    budget = MAX_EXPLAIN_CHARACTERS
    for line in view.lines:
        text = line_text(i18n, line, view.currency)
        budget -= len(text) + 1
        if budget < 0:
            break
        shown.append(text)
    hidden = len(view.lines) - len(shown)
    if hidden > 0:
        shown.append(i18n.get("payroll-explain-more", count=hidden))
    lines = "\n".join(shown)
    return payslip_args(i18n, view) | {
        "lines": lines,
        "has_lines": bool(view.lines),
        "cases": case_links(i18n, view),
    }


CASE_KINDS = ("incident", "request")


def case_links(i18n: Translator, view: PayslipView) -> list[tuple[str, str]]:
    """(cause, label) of the incidents and requests the payslip's lines come from, each
    once: their cards open from the explanation."""
    causes = dict.fromkeys(
        line.cause for line in view.lines if line.cause.split(":")[0] in CASE_KINDS
    )
    return [
        (cause, i18n.get(f"payroll-case-{cause.split(':')[0]}", id=cause.split(":")[1]))
        for cause in causes
    ]


# ------------------------------------------------------------------ owner and managers


async def get_periods(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    periods = await recent_periods(
        context.session,
        context.clock,
        user_id=actor.user_id,
        organization_id=actor.organization_id,
    )
    return {
        "periods": period_choices(context.i18n, periods),
        "can_configure": actor.is_owner,
    }


async def _chosen_period(manager: DialogManager) -> PayPeriod:
    period = await update_context(manager).session.get(PayPeriod, manager.dialog_data[PERIOD_ID])
    assert period is not None
    return period


async def get_period(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    period = await _chosen_period(dialog_manager)
    actor = await actor_of(dialog_manager)
    people = await period_payslips(context.session, user_id=context.user.id, period_id=period.id)
    currency = await organization_currency(context.session, period.organization_id)
    net = sum((p.net for p in people), Decimal("0.00"))
    paid = sum((p.paid for p in people), Decimal("0.00"))
    return {
        "start": context.i18n.day(period.start_date, "short"),
        "end": context.i18n.day(period.end_date, "short"),
        "pay_day": context.i18n.day(period.pay_day, "short"),
        "status": period.status,
        "count": len(people),
        "people": [
            (
                p.user_id,
                context.i18n.get(
                    "payroll-period-person",
                    name=p.employee_name,
                    net=context.i18n.money(p.net, currency),
                    balance=context.i18n.money(p.balance, currency),
                ),
            )
            for p in people
        ],
        "has_people": bool(people),
        "is_empty": not people,
        "net": context.i18n.money(net, currency),
        "paid": context.i18n.money(paid, currency),
        "balance": context.i18n.money(net - paid, currency),
        "can_close": actor.is_owner and period.status == PayPeriodStatus.OPEN,
    }


async def _owner_view(manager: DialogManager) -> PayslipView:
    context = update_context(manager)
    return await payslip(
        context.session,
        user_id=context.user.id,
        period_id=manager.dialog_data[PERIOD_ID],
        employee_user_id=manager.dialog_data[EMPLOYEE_ID],
    )


async def get_payslip(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await _owner_view(dialog_manager)
    actor = await actor_of(dialog_manager)
    can_edit = await can_edit_money(context.session, actor)
    return payslip_args(context.i18n, view) | {
        "can_adjust": can_edit and not view.frozen,
        "can_pay": can_edit and view.totals.balance > 0,
        "can_correct": can_edit,
    }


async def get_explain(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return explain_args(update_context(dialog_manager).i18n, await _owner_view(dialog_manager))


async def get_adjust(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    view = await _owner_view(dialog_manager)
    is_bonus = bool(dialog_manager.dialog_data.get(ADJUST_IS_BONUS))
    return {"name": view.totals.employee_name, "is_bonus": is_bonus, "is_deduction": not is_bonus}


async def get_payout(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await _owner_view(dialog_manager)
    method = dialog_manager.dialog_data.get(PAYOUT_METHOD)
    return {
        "name": view.totals.employee_name,
        "balance": context.i18n.money(view.totals.balance, view.currency),
        "methods": [(m, context.i18n.get(f"payroll-method-{m}")) for m in PAYOUT_METHODS],
        "method": context.i18n.get(f"payroll-method-{method}") if method else "",
    }


def shift_label(i18n: Translator, shift: CorrectableShift) -> str:
    return i18n.get(
        "payroll-correct-shift-button",
        date=i18n.short_day(shift.local_date),
        object=shift.object_name,
        start=hhmm(shift.start),
        end=hhmm(shift.end),
        needs_review="yes" if shift.needs_review else "no",
    )


async def _correctable(manager: DialogManager) -> list[CorrectableShift]:
    context = update_context(manager)
    return await correctable_shifts(
        context.session,
        user_id=context.user.id,
        period_id=manager.dialog_data[PERIOD_ID],
        employee_user_id=manager.dialog_data[EMPLOYEE_ID],
    )


async def get_correct_pick(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await _owner_view(dialog_manager)
    shifts = await _correctable(dialog_manager)
    return {
        "name": view.totals.employee_name,
        "shifts": [(shift.shift_id, shift_label(context.i18n, shift)) for shift in shifts],
        "has_shifts": bool(shifts),
        "no_shifts": not shifts,
    }


async def get_correct_shift(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The chosen shift as it is, and the new times once typed."""
    context = update_context(dialog_manager)
    view = await _owner_view(dialog_manager)
    target = await correction_target(
        context.session, user_id=context.user.id, shift_id=dialog_manager.dialog_data[SHIFT_ID]
    )
    shift = target.shift
    return {
        "shift": shift_label(context.i18n, shift),
        "minutes": shift.worked_minutes,
        "pay": context.i18n.money(shift.pay, view.currency),
        "new_start": dialog_manager.dialog_data.get(NEW_START, ""),
        "new_end": dialog_manager.dialog_data.get(NEW_END, ""),
    }


async def get_settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """The organization's period settings and the current period, which a change keeps."""
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    settings = await payroll_settings(context.session, actor.organization_id)
    current = await current_period(context.session, context.clock, actor.organization_id)
    chosen = dialog_manager.dialog_data.get(PERIOD_KIND, settings.period_kind)
    return {
        "kind": context.i18n.get(f"payroll-kind-{settings.period_kind}"),
        "chosen_kind": context.i18n.get(f"payroll-kind-{chosen}"),
        "offset": settings.pay_day_offset_days,
        "max_offset": MAX_PAY_DAY_OFFSET,
        "start": context.i18n.day(current.start_date, "short"),
        "end": context.i18n.day(current.end_date, "short"),
        "pay_day": context.i18n.day(current.pay_day, "short"),
        "effective_from": context.i18n.day(current.end_date + timedelta(days=1), "short"),
        "kinds": [(kind, context.i18n.get(f"payroll-kind-{kind}")) for kind in PayPeriodKind],
    }


# ------------------------------------------------------------------ the employee


async def _my_view(manager: DialogManager) -> PayslipView | None:
    context = update_context(manager)
    try:
        actor = await actor_of(manager)
    except PermissionDenied:
        return None
    period_id = manager.dialog_data.get(PERIOD_ID)
    if period_id is not None:
        try:
            return await payslip(
                context.session,
                user_id=context.user.id,
                period_id=period_id,
                employee_user_id=context.user.id,
            )
        except DomainError:
            manager.dialog_data.pop(PERIOD_ID)
    return await current_payslip(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=actor.organization_id,
        employee_user_id=context.user.id,
    )


async def get_my_payslip(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    view = await _my_view(dialog_manager)
    if view is None:
        return {"found": False, "missing": True}
    # An unstored current period has no id: the page opens the current period by default.
    link_params = {} if view.period.id is None else {"period": str(view.period.id)}
    return payslip_args(update_context(dialog_manager).i18n, view) | {
        "found": True,
        "missing": False,
        "payslip_url": mini_app_link(dialog_manager, "payslip", **link_params),
    }


async def get_my_explain(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    view = await _my_view(dialog_manager)
    if view is None:
        return {"found": False, "has_lines": False, "cases": []}
    return explain_args(update_context(dialog_manager).i18n, view) | {"found": True}


async def get_my_periods(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    periods = await recent_periods(
        context.session,
        context.clock,
        user_id=actor.user_id,
        organization_id=actor.organization_id,
    )
    return {"periods": period_choices(context.i18n, periods)}
