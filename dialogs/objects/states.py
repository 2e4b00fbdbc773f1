from aiogram.fsm.state import State, StatesGroup


class ObjectsSG(StatesGroup):
    list = State()
    limit_reached = State()
    create_name = State()
    place = State()
    pick_place = State()
    confirm_place = State()
    card = State()
    edit = State()
    edit_value = State()
    timezone = State()
    hours = State()
    hours_day = State()
    report_chat = State()
    archive = State()
