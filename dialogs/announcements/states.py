from aiogram.fsm.state import State, StatesGroup


class AnnouncementsSG(StatesGroup):
    """Owners and managers: the announcements posted with who has read them, and a new
    one (audience, text or photo/file, whether to ask for "✅ Got it", send)."""

    posted = State()
    receipts = State()
    audience = State()
    objects = State()
    compose = State()
    confirm = State()


class ReadAnnouncementSG(StatesGroup):
    """A recipient reads an announcement and acknowledges it."""

    view = State()
