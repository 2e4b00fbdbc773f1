from aiogram.fsm.state import State, StatesGroup


class SubscriptionSG(StatesGroup):
    main = State()
    period = State()
    payment = State()
