from aiogram.fsm.state import State, StatesGroup


class PayrollSG(StatesGroup):
    """Owners and managers with `view_money`: periods, everyone's payslips, adjustments,
    payouts, shift-time corrections and the Excel export; the owner's period settings."""

    periods = State()
    period = State()
    close_confirm = State()
    payslip = State()
    explain = State()
    adjust_amount = State()
    adjust_reason = State()
    payout = State()
    payout_amount = State()
    correct_pick = State()
    correct_times = State()
    correct_confirm = State()
    settings_kind = State()
    settings_pay_day = State()


class MyPaySG(StatesGroup):
    """An employee's own payslips."""

    payslip = State()
    explain = State()
    periods = State()
