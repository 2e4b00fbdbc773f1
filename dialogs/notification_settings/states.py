from aiogram.fsm.state import State, StatesGroup


class NotificationSettingsSG(StatesGroup):
    main = State()
    lead = State()
    quiet = State()
    summary_hour = State()
