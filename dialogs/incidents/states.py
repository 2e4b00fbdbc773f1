from aiogram.fsm.state import State, StatesGroup


class IncidentsSG(StatesGroup):
    """Incidents: the list and a card (the employee answers, a manager decides), and
    recording one (owners and managers with `edit_money`); the owner's kinds, product
    list and deduction cap."""

    incidents = State()
    incident = State()
    dispute_comment = State()
    dispute_photos = State()
    decide_comment = State()
    record_object = State()
    record_employee = State()
    record_kind = State()
    record_description = State()
    record_photos = State()
    record_amount = State()
    record_confirm = State()
    settings = State()
    add_kind = State()
    add_product = State()
    cap = State()


class RequestsSG(StatesGroup):
    """Requests for money: the list and a card (a manager approves or declines), and an
    employee filing one (an expense from the product list with a receipt, or other)."""

    requests = State()
    request = State()
    decline_comment = State()
    new_kind = State()
    pick_product = State()
    quantity = State()
    items = State()
    receipt = State()
    other_comment = State()
    other_amount = State()
    confirm = State()
