from aiogram.fsm.state import State, StatesGroup


class SigningSG(StatesGroup):
    """An employee's own contracts: read, accept the agreement, sign with a code."""

    list = State()
    contract = State()
    agreement = State()
    code = State()
