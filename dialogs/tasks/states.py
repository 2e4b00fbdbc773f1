from aiogram.fsm.state import State, StatesGroup


class TasksSG(StatesGroup):
    checklist = State()
    task = State()
    proof = State()
