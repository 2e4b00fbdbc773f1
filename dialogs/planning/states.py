from aiogram.fsm.state import State, StatesGroup


class PlanningSG(StatesGroup):
    objects = State()
    work_object = State()
    # A slot, step by step (the time and places steps also serve template shifts).
    slot_date = State()
    start_time = State()
    end_time = State()
    places = State()
    slot_created = State()
    # The schedule of a day and its slots.
    day_pick = State()
    day = State()
    copy_target = State()
    slot = State()
    assign = State()
    assign_reason = State()
    unassign_pick = State()
    unassign_comment = State()
    move_pick = State()
    move_day = State()
    move_target = State()
    delete_confirm = State()
    # Weekly templates.
    templates = State()
    template_title = State()
    template = State()
    template_weekday = State()
    apply_from = State()
    apply_to = State()
    # Organization-wide: cancellation reasons and the fine, approvals.
    reasons = State()
    reason_title = State()
    reason_document = State()
    fine = State()
    weekly_cap = State()
    approvals = State()
    approval = State()
    exchange_approval = State()
    exchange_refusal = State()
