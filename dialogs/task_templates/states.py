from aiogram.fsm.state import State, StatesGroup


class TaskTemplatesSG(StatesGroup):
    objects = State()
    templates = State()
    title = State()
    options = State()
    bonus = State()
    fine = State()
    template = State()
