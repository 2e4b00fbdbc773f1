from aiogram.fsm.state import State, StatesGroup


class AdminSG(StatesGroup):
    main = State()
    lookup = State()
    results = State()
    card = State()
    tariffs = State()
    tariff = State()
    tariff_edit = State()
    broadcast = State()
    broadcast_confirm = State()
    broadcast_done = State()
