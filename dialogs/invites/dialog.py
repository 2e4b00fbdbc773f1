from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import (
    Button,
    Cancel,
    Row,
    SwitchTo,
    Url,
)
from aiogram_dialog.widgets.text import Format

from dialogs.common.choices import checklist_column, choice_column, paged_choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.invites import getters, handlers
from dialogs.invites.states import InvitesSG

PAGE_SIZE = 8


def _list_window() -> Window:
    return Window(
        I18n("invites-list-title", when="allowed"),
        I18n("invites-list-empty", when="no_invites"),
        I18n("error-permission-denied", when="refused"),
        Button(
            I18n("invites-quick"),
            id="quick_invite",
            on_click=handlers.begin_quick_invite,
            when="allowed",
        ),
        Row(
            Button(
                I18n("invites-new-employee"),
                id="new_employee",
                on_click=handlers.begin_invite,
                when="allowed",
            ),
            Button(
                I18n("invites-new-manager"),
                id="new_manager",
                on_click=handlers.begin_invite,
                when="is_owner",
            ),
        ),
        paged_choice_column(
            "invite", "invites", handlers.invite_selected, "invites_page", PAGE_SIZE
        ),
        Cancel(I18n("common-back")),
        state=InvitesSG.list,
        getter=getters.get_invite_list,
    )


def _objects_window() -> Window:
    return Window(
        I18n("invites-choose-objects", when="has_objects"),
        I18n("invites-no-objects", when="no_objects"),
        checklist_column(handlers.OBJECTS_WIDGET, "objects"),
        Button(
            I18n("invites-next"),
            id="objects_done",
            on_click=handlers.objects_chosen,
            when="has_objects",
        ),
        back_to(InvitesSG.list),
        state=InvitesSG.objects,
        getter=getters.get_invite_objects,
    )


def invites_dialog() -> Dialog:
    return Dialog(
        _list_window(),
        _objects_window(),
        Window(
            I18n("invites-quick-object", when="has_objects"),
            I18n("invites-no-objects", when="no_objects"),
            choice_column("quick_object", "objects", handlers.quick_object_chosen),
            back_to(InvitesSG.list),
            state=InvitesSG.quick_object,
            getter=getters.get_invite_objects,
        ),
        text_input_window(
            "invites-ask-rate",
            handlers.rate_entered,
            Button(I18n("invites-without-rate"), id="no_rate", on_click=handlers.without_rate),
            back_to(InvitesSG.objects),
            state=InvitesSG.rate,
        ),
        Window(
            I18n("invites-choose-permissions"),
            checklist_column(handlers.PERMISSIONS_WIDGET, "permissions"),
            Button(
                I18n("invites-next"), id="permissions_done", on_click=handlers.permissions_chosen
            ),
            back_to(InvitesSG.rate),
            state=InvitesSG.permissions,
            getter=getters.get_permission_choices,
        ),
        Window(
            I18n("invites-choose-uses"),
            choice_column("uses", "uses_choices", handlers.uses_chosen),
            back_to(InvitesSG.rate),
            state=InvitesSG.uses,
            getter=getters.get_uses_choices,
        ),
        Window(
            I18n("invites-choose-validity"),
            choice_column("validity", "validity_choices", handlers.validity_chosen),
            back_to(InvitesSG.uses),
            state=InvitesSG.expiry,
            getter=getters.get_validity_choices,
        ),
        Window(
            I18n("invites-card"),
            I18n("invites-card-rate", when="has_rate"),
            I18n("invites-card-permissions", when="is_manager_invite"),
            I18n("invites-card-link", when="is_active"),
            Url(I18n("invites-share"), Format("{share_url}"), when="is_active"),
            Button(I18n("invites-qr"), id="qr", on_click=handlers.send_qr, when="is_active"),
            Button(I18n("invites-revoke"), id="revoke", on_click=handlers.revoke, when="is_active"),
            Button(I18n("invites-reissue"), id="reissue", on_click=handlers.reissue),
            SwitchTo(I18n("invites-to-list"), id="to_list", state=InvitesSG.list),
            state=InvitesSG.card,
            getter=getters.get_invite_card,
        ),
    )
