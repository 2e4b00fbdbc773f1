from aiogram.fsm.state import State, StatesGroup


class StaffSG(StatesGroup):
    list = State()
    card = State()
    rate = State()
    rate_date = State()
    objects = State()
    dismiss_release = State()
    dismiss = State()
    manager_objects = State()
    manager_permissions = State()
