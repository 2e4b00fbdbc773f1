"""Planning in few taps: "➕ Shift" → object (skipped when there is one) → day → times
(templates and recent ones, or typed) → employee; "Copy last week" with a preview."""

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo

from dialogs.common.choices import choice_column, choice_grid
from dialogs.common.i18n import I18n
from dialogs.common.windows import text_input_window
from dialogs.planning.widgets import LocalCalendar, Notice
from dialogs.quick_shift import getters, handlers
from dialogs.quick_shift.states import QuickShiftSG


def quick_shift_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("quick-pick-object", when="objects"),
            I18n("quick-no-objects", when="no_objects"),
            choice_column("quick_objects", "objects", handlers.object_chosen),
            Cancel(I18n("common-back")),
            state=QuickShiftSG.object,
            getter=getters.get_objects,
        ),
        Window(
            Notice(),
            I18n("quick-pick-day"),
            LocalCalendar(id="quick_day", on_click=handlers.day_chosen),
            SwitchTo(I18n("quick-copy-week"), id="copy_week", state=QuickShiftSG.copy_preview),
            Cancel(I18n("common-back")),
            state=QuickShiftSG.day,
            getter=getters.get_day,
        ),
        Window(
            I18n("quick-pick-times"),
            I18n("quick-type-times", when="no_times"),
            I18n("quick-or-type-times", when="times"),
            choice_grid("quick_times", "times", handlers.times_chosen, width=2, type_factory=str),
            MessageInput(handlers.times_typed),
            SwitchTo(I18n("common-back"), id="to_day", state=QuickShiftSG.day),
            state=QuickShiftSG.times,
            getter=getters.get_times,
        ),
        Window(
            I18n("quick-pick-employee"),
            I18n("quick-no-employees", when="no_employees"),
            choice_column("quick_employees", "employees", handlers.employee_chosen),
            SwitchTo(I18n("common-back"), id="to_times", state=QuickShiftSG.times),
            state=QuickShiftSG.employee,
            getter=getters.get_employees,
        ),
        Window(
            Notice(),
            I18n("quick-done"),
            SwitchTo(I18n("quick-another"), id="another", state=QuickShiftSG.day),
            SwitchTo(I18n("quick-slot-rate"), id="rate", state=QuickShiftSG.rate),
            Cancel(I18n("quick-to-menu")),
            state=QuickShiftSG.done,
            getter=getters.get_done,
        ),
        text_input_window(
            "quick-ask-rate",
            handlers.rate_typed,
            SwitchTo(I18n("common-back"), id="rate_back", state=QuickShiftSG.done),
            state=QuickShiftSG.rate,
            getter=getters.get_done,
            text_only=True,
        ),
        Window(
            I18n("quick-copy-title"),
            I18n("quick-copy-nothing", when="nothing"),
            I18n("quick-copy-summary", when="has_slots"),
            I18n("quick-copy-conflicts", when="has_conflicts"),
            Button(
                I18n("quick-copy-confirm"),
                id="copy_confirm",
                on_click=handlers.copy_confirmed,
                when="has_slots",
            ),
            SwitchTo(I18n("common-back"), id="copy_back", state=QuickShiftSG.day),
            state=QuickShiftSG.copy_preview,
            getter=getters.get_copy_preview,
        ),
        on_start=handlers.on_start,
    )
