from aiogram.fsm.state import State, StatesGroup


class ReportsSG(StatesGroup):
    """Owners and managers: period → scope → the report (text, charts, Excel, AI)."""

    period = State()
    custom_start = State()
    custom_end = State()
    scope = State()
    pick_object = State()
    pick_employee = State()
    report = State()
    insights = State()


class MyStatsSG(StatesGroup):
    """An employee's own statistics."""

    main = State()
