from aiogram.fsm.state import State, StatesGroup


class ExchangeSG(StatesGroup):
    # Open places and colleagues' give-aways; proposals of swaps to the user.
    places = State()
    swaps = State()
    swap = State()
    # From the schedule: give a shift away (or take the offer back), propose a swap.
    give_pick = State()
    give_confirm = State()
    swap_pick_mine = State()
    swap_pick_theirs = State()
    swap_confirm = State()
