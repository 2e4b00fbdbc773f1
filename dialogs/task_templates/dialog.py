from aiogram import F
from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, SwitchTo
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.task_templates import getters, handlers
from dialogs.task_templates.states import TaskTemplatesSG


def task_templates_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("task-templates-choose-object", when="has_objects"),
            I18n("task-templates-no-objects", when=~F["has_objects"]),
            choice_column(
                "object", "objects", handlers.object_chosen, label=Format("🏪 {item[1]}")
            ),
            Cancel(I18n("common-back")),
            state=TaskTemplatesSG.objects,
            getter=getters.get_objects,
        ),
        Window(
            I18n("task-templates-list", when=F["has_templates"] & ~F["slot_mode"]),
            I18n("task-templates-empty", when=~F["has_templates"] & ~F["slot_mode"]),
            I18n("task-templates-slot-list", when=F["has_templates"] & F["slot_mode"]),
            I18n("task-templates-slot-empty", when=~F["has_templates"] & F["slot_mode"]),
            I18n("task-templates-slot-object-tasks", when="slot_mode"),
            choice_column("template", "templates", handlers.template_chosen),
            Button(I18n("task-templates-add"), id="add", on_click=handlers.start_new),
            Button(
                I18n("task-templates-ignore-object-on"),
                id="ignore_on",
                on_click=handlers.toggle_ignore_object_tasks,
                when=F["slot_mode"] & F["ignores_object_tasks"],
            ),
            Button(
                I18n("task-templates-ignore-object-off"),
                id="ignore_off",
                on_click=handlers.toggle_ignore_object_tasks,
                when=F["slot_mode"] & ~F["ignores_object_tasks"],
            ),
            SwitchTo(
                I18n("common-back"),
                id="to_objects",
                state=TaskTemplatesSG.objects,
                when=~F["slot_mode"],
            ),
            Cancel(I18n("common-back"), id="to_slot", when="slot_mode"),
            state=TaskTemplatesSG.templates,
            getter=getters.get_templates,
        ),
        Window(
            I18n("task-templates-ask-title"),
            MessageInput(handlers.title_typed, content_types=ContentType.TEXT),
            SwitchTo(I18n("common-back"), id="to_list", state=TaskTemplatesSG.templates),
            state=TaskTemplatesSG.title,
        ),
        Window(
            I18n("task-templates-draft"),
            Button(
                I18n("task-templates-mandatory-on"),
                id="mandatory_on",
                on_click=handlers.toggle_mandatory,
                when="mandatory",
            ),
            Button(
                I18n("task-templates-mandatory-off"),
                id="mandatory_off",
                on_click=handlers.toggle_mandatory,
                when="optional",
            ),
            Button(
                I18n("task-templates-proof-on"),
                id="proof_on",
                on_click=handlers.toggle_proof,
                when="proof_required",
            ),
            Button(
                I18n("task-templates-proof-off"),
                id="proof_off",
                on_click=handlers.toggle_proof,
                when="no_proof",
            ),
            SwitchTo(I18n("task-templates-set-bonus"), id="bonus", state=TaskTemplatesSG.bonus),
            SwitchTo(
                I18n("task-templates-set-fine"),
                id="fine",
                state=TaskTemplatesSG.fine,
                when="mandatory",
            ),
            Button(I18n("task-templates-save"), id="save", on_click=handlers.save_template),
            SwitchTo(I18n("common-cancel"), id="cancel_new", state=TaskTemplatesSG.templates),
            state=TaskTemplatesSG.options,
            getter=getters.get_draft,
        ),
        Window(
            I18n("task-templates-ask-bonus"),
            MessageInput(handlers.bonus_typed, content_types=ContentType.TEXT),
            back_to(TaskTemplatesSG.options),
            state=TaskTemplatesSG.bonus,
        ),
        Window(
            I18n("task-templates-ask-fine"),
            MessageInput(handlers.fine_typed, content_types=ContentType.TEXT),
            back_to(TaskTemplatesSG.options),
            state=TaskTemplatesSG.fine,
        ),
        Window(
            I18n("task-templates-card"),
            Button(I18n("task-templates-remove"), id="remove", on_click=handlers.remove_template),
            SwitchTo(I18n("common-back"), id="back_to_list", state=TaskTemplatesSG.templates),
            state=TaskTemplatesSG.template,
            getter=getters.get_template,
        ),
        on_start=handlers.on_start,
    )
