from aiogram.fsm.state import State, StatesGroup


class RatesSG(StatesGroup):
    """The owner's overtime rule (the organization's or an object's override) and the
    holidays."""

    overview = State()
    daily = State()
    weekly = State()
    multiplier = State()
    objects = State()
    holidays = State()
    holiday_add = State()
