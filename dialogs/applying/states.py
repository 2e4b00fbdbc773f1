from aiogram.fsm.state import State, StatesGroup


class ApplySG(StatesGroup):
    """A candidate: the vacancy, the application form, then their application."""

    vacancy = State()
    name = State()
    phone = State()
    experience = State()
    availability = State()
    photo = State()
    consent = State()
    status = State()
