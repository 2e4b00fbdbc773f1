from aiogram.fsm.state import State, StatesGroup


class InvitesSG(StatesGroup):
    list = State()
    objects = State()
    rate = State()
    permissions = State()
    uses = State()
    expiry = State()
    card = State()
    quick_object = State()
