from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel

from dialogs.common.choices import choice_column
from dialogs.common.i18n import I18n
from dialogs.orgs import getters, handlers
from dialogs.orgs.states import OrganizationsSG


def organizations_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("orgs-title"),
            choice_column("org", "organizations", handlers.organization_chosen),
            Button(
                I18n("orgs-new"),
                id="new_org",
                on_click=handlers.new_organization,
                when="owns_any",
            ),
            Cancel(I18n("common-back")),
            state=OrganizationsSG.main,
            getter=getters.get_organizations,
        ),
    )
