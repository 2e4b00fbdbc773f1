from aiogram.fsm.state import State, StatesGroup


class StaffSG(StatesGroup):
    list = State()
    card = State()
    rate = State()
    rate_date = State()
    pay_type = State()
    pay_salary = State()
    pay_shift_bonus = State()
    pay_period_bonus = State()
    limits = State()
    limit_value = State()
    objects = State()
    dismiss_release = State()
    dismiss = State()
    manager_objects = State()
    manager_permissions = State()
