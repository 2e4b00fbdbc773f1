from aiogram.fsm.state import State, StatesGroup


class ContractTemplatesSG(StatesGroup):
    list = State()
    base = State()
    name = State()
    view = State()
    edit = State()
