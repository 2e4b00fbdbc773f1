from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Cancel

from dialogs.common.i18n import I18n
from dialogs.onboarding import handlers
from dialogs.onboarding.states import OnboardingSG


def onboarding_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("onboarding-ask-name"),
            MessageInput(handlers.organization_name_entered),
            Cancel(I18n("common-cancel")),
            state=OnboardingSG.name,
        ),
    )
