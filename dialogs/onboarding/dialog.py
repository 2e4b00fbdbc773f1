from operator import itemgetter

from aiogram.enums import ContentType
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Back, Cancel, Column, Select
from aiogram_dialog.widgets.text import Case, Format

from dialogs.common.i18n import I18n
from dialogs.common.input import expect_text
from dialogs.common.timezones import timezone_item_id
from dialogs.onboarding import getters, handlers
from dialogs.onboarding.states import OnboardingSG

_LANGUAGE_LABEL = Case(
    {"ru": I18n("settings-language-ru"), "en": I18n("settings-language-en")},
    selector=lambda data, case, manager: data["item"][0],
)


def onboarding_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("onboarding-ask-name"),
            MessageInput(handlers.organization_name_entered, content_types=ContentType.TEXT),
            MessageInput(expect_text),
            Cancel(I18n("common-cancel")),
            state=OnboardingSG.name,
        ),
        Window(
            I18n("onboarding-ask-timezone"),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="tz",
                    item_id_getter=timezone_item_id,
                    items="timezones",
                    on_click=handlers.timezone_chosen,
                )
            ),
            MessageInput(handlers.timezone_from_location, content_types=ContentType.LOCATION),
            MessageInput(handlers.timezone_typed, content_types=ContentType.TEXT),
            MessageInput(expect_text),
            Back(I18n("common-back")),
            state=OnboardingSG.timezone,
            getter=getters.get_timezones,
        ),
        Window(
            I18n("onboarding-ask-language"),
            Column(
                Select(
                    _LANGUAGE_LABEL,
                    id="lang",
                    item_id_getter=itemgetter(0),
                    items="languages",
                    on_click=handlers.language_chosen,
                )
            ),
            Back(I18n("common-back")),
            state=OnboardingSG.language,
            getter=getters.get_languages,
        ),
    )
