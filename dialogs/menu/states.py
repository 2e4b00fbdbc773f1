from aiogram.fsm.state import State, StatesGroup


class MainMenuSG(StatesGroup):
    main = State()
    invite_help = State()
