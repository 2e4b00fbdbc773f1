from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Cancel, Column, Select, SwitchTo
from aiogram_dialog.widgets.text import Case

from dialogs.common.i18n import I18n
from dialogs.media_settings import getters, handlers
from dialogs.media_settings.states import MediaSettingsSG

_CONTEXT_LABEL = Case(
    {
        "task_proof": I18n("media-settings-context-task-proof"),
        "cancellation_document": I18n("media-settings-context-cancellation-document"),
        "employee_document": I18n("media-settings-context-employee-document"),
    },
    selector=lambda data, case, manager: data["item"],
)
_MODE_LABEL = Case(
    {
        "telegram": I18n("media-settings-mode-telegram"),
        "storage": I18n("media-settings-mode-storage"),
        "both": I18n("media-settings-mode-both"),
    },
    selector=lambda data, case, manager: data["item"],
)


def _identity(item: str) -> str:
    return item


def media_settings_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("media-settings-title"),
            I18n("media-settings-storage-locked", when="storage_locked"),
            Column(
                Select(
                    _CONTEXT_LABEL,
                    id="context",
                    item_id_getter=_identity,
                    items="contexts",
                    on_click=handlers.choose_context,
                )
            ),
            Cancel(I18n("common-back")),
            state=MediaSettingsSG.main,
            getter=getters.get_media_settings,
        ),
        Window(
            I18n("media-settings-choose-mode"),
            Column(
                Select(
                    _MODE_LABEL,
                    id="mode",
                    item_id_getter=_identity,
                    items="modes",
                    on_click=handlers.choose_mode,
                )
            ),
            SwitchTo(I18n("common-back"), id="back", state=MediaSettingsSG.main),
            state=MediaSettingsSG.choose_mode,
            getter=getters.get_media_settings,
        ),
    )
