from aiogram.fsm.state import State, StatesGroup


class SettingsSG(StatesGroup):
    main = State()
    language = State()
    currency = State()
