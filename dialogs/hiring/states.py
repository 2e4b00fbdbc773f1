from aiogram.fsm.state import State, StatesGroup


class HiringSG(StatesGroup):
    """Those who hire: the pipeline, an object's vacancy, its applications."""

    main = State()
    work_object = State()
    position = State()
    pay = State()
    schedule = State()
    address = State()
    photo = State()
    post = State()
    applications = State()
    application = State()
    interview_day = State()
    interview_hour = State()
    interview_minute = State()
    interview_place = State()
    interview_note = State()
    reject = State()
    reject_own = State()
    hire = State()
