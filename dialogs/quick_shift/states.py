from aiogram.fsm.state import State, StatesGroup


class QuickShiftSG(StatesGroup):
    """Owners and managers: one shift for one employee in a few taps; copying a week."""

    object = State()
    day = State()
    times = State()
    employee = State()
    done = State()
    rate = State()
    copy_preview = State()
