from aiogram.fsm.state import State, StatesGroup


class AutoScheduleSG(StatesGroup):
    scope = State()
    week = State()
    summary = State()
    review = State()
    draft = State()
    labor = State()
    rules = State()
    rule_value = State()
    published = State()
