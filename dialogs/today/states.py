from aiogram.fsm.state import State, StatesGroup


class TodaySG(StatesGroup):
    """Owners and managers: the day at a glance, and what to do about one shift of it."""

    board = State()
    row = State()
    reason = State()
    fine = State()
