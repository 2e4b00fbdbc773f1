from aiogram.fsm.state import State, StatesGroup


class OrganizationsSG(StatesGroup):
    main = State()
