from aiogram.fsm.state import State, StatesGroup


class MediaSettingsSG(StatesGroup):
    main = State()
    choose_mode = State()
