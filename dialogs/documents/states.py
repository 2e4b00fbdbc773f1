from aiogram.fsm.state import State, StatesGroup


class DocumentKindsSG(StatesGroup):
    """The owner's required documents and the retention period."""

    list = State()
    title = State()
    expiry = State()
    kind = State()
    retention = State()


class MyDocumentsSG(StatesGroup):
    """An employee's required documents: upload photos or a PDF, then the expiry date."""

    list = State()
    upload = State()
    expiry = State()


class DocumentReviewSG(StatesGroup):
    """Uploads waiting for the owner or a manager with `manage_staff`."""

    list = State()
    card = State()
    reason = State()
