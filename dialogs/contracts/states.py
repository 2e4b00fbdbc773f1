from aiogram.fsm.state import State, StatesGroup


class ContractsSG(StatesGroup):
    """An employee's contracts, opened from their staff card."""

    list = State()
    template = State()
    field = State()
    preview = State()
    card = State()
    end_date = State()
