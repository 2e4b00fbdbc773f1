from aiogram.fsm.state import State, StatesGroup


class ScheduleSG(StatesGroup):
    main = State()
    cancel_pick = State()
    cancel_reason = State()
    cancel_document = State()
    cancel_confirm = State()
