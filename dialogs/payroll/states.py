from aiogram.fsm.state import State, StatesGroup


class PayrollSG(StatesGroup):
    """Owners and managers with `view_money`: periods, everyone's payslips, adjustments,
    payouts and the Excel export."""

    periods = State()
    period = State()
    close_confirm = State()
    payslip = State()
    explain = State()
    adjust_amount = State()
    adjust_reason = State()
    payout = State()


class MyPaySG(StatesGroup):
    """An employee's own payslips."""

    payslip = State()
    explain = State()
    periods = State()
