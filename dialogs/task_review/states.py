from aiogram.fsm.state import State, StatesGroup


class TaskReviewSG(StatesGroup):
    proofs = State()
    proof = State()
    reject = State()
