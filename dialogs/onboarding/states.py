from aiogram.fsm.state import State, StatesGroup


class OnboardingSG(StatesGroup):
    name = State()
    timezone = State()
    language = State()
