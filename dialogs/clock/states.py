from aiogram.fsm.state import State, StatesGroup


class ClockSG(StatesGroup):
    """The employee's clock-in and clock-out."""

    choose = State()
    location = State()
    refused = State()
    card = State()
    close_warning = State()
    close_location = State()
    close_refused = State()
    summary = State()


class OnShiftSG(StatesGroup):
    """Owners and managers: who is on shift now, closing someone's shift."""

    objects = State()
    shifts = State()
    shift = State()
    reason = State()


class ApproveClockInSG(StatesGroup):
    """Owners and managers with `plan`: approving a refused clock-in."""

    confirm = State()
    done = State()
