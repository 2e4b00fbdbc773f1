from aiogram.fsm.state import State, StatesGroup


class AvailabilitySG(StatesGroup):
    main = State()
    day = State()  # what to state for a weekday or a date
    hours = State()
    exception_date = State()
    calendar = State()
    birthday = State()
