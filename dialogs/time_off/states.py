from aiogram.fsm.state import State, StatesGroup


class TimeOffSG(StatesGroup):
    main = State()
    kind = State()
    first_day = State()
    last_day = State()
    hours = State()
    comment = State()
    withdraw_pick = State()
    approvals = State()
    approval = State()
    decision_comment = State()
