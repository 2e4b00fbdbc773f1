from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Cancel

from dialogs.common.i18n import I18n
from dialogs.common.input import expect_text
from dialogs.common.languages import language_column
from dialogs.common.timezones import timezone_column
from dialogs.common.windows import text_input_window
from dialogs.onboarding import getters, handlers
from dialogs.onboarding.states import OnboardingSG


def onboarding_dialog() -> Dialog:
    return Dialog(
        text_input_window(
            "onboarding-ask-name",
            handlers.organization_name_entered,
            Cancel(I18n("common-cancel")),
            state=OnboardingSG.name,
            text_only=True,
        ),
        Window(
            I18n("onboarding-ask-timezone"),
            timezone_column(handlers.timezone_chosen),
            MessageInput(handlers.timezone_from_location, content_types=ContentType.LOCATION),
            MessageInput(handlers.timezone_typed, content_types=ContentType.TEXT),
            MessageInput(expect_text),
            Back(I18n("common-back")),
            state=OnboardingSG.timezone,
            getter=getters.get_timezones,
        ),
        Window(
            I18n("onboarding-ask-language"),
            language_column(handlers.language_chosen),
            Back(I18n("common-back")),
            state=OnboardingSG.language,
            getter=getters.get_languages,
        ),
    )
