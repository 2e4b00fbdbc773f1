from aiogram import F
from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, SwitchTo

from dialogs.common.choices import choice_column, paged_choice_column
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window
from dialogs.incidents import getters, handlers
from dialogs.incidents.states import IncidentsSG, RequestsSG

PAGE_SIZE = 8


def _incident_card() -> Window:
    return Window(
        I18n("incident-card"),
        I18n("incident-card-dispute", when="dispute"),
        I18n("incident-card-decision", when="decision"),
        I18n("incident-card-answer-by", when="can_answer"),
        I18n("case-history", when="history"),
        Button(
            I18n("incident-show-photos"),
            id="photos",
            on_click=handlers.show_incident_photos,
            when="has_photos",
        ),
        Button(I18n("incident-accept"), id="accept", on_click=handlers.accept, when="can_answer"),
        SwitchTo(
            I18n("incident-dispute"),
            id="dispute",
            state=IncidentsSG.dispute_comment,
            when="can_answer",
        ),
        Button(
            I18n("incident-uphold"),
            id="uphold",
            on_click=handlers.uphold_pressed,
            when="can_uphold",
        ),
        Button(
            I18n("incident-cancel"),
            id="cancel",
            on_click=handlers.uphold_pressed,
            when="can_cancel",
        ),
        back_to(IncidentsSG.incidents, "incident-to-list"),
        state=IncidentsSG.incident,
        getter=getters.get_incident,
    )


def _recording() -> list[Window]:
    return [
        Window(
            I18n("incident-record-object"),
            choice_column("object", "objects", handlers.object_chosen),
            back_to(IncidentsSG.incidents),
            state=IncidentsSG.record_object,
            getter=getters.get_record_objects,
        ),
        Window(
            I18n("incident-record-employee", when="has_employees"),
            I18n("incident-record-no-employees", when=~F["has_employees"]),
            paged_choice_column(
                "employee", "employees", handlers.employee_chosen, "employees_page", PAGE_SIZE
            ),
            back_to(IncidentsSG.incidents),
            state=IncidentsSG.record_employee,
            getter=getters.get_record_employees,
        ),
        Window(
            I18n("incident-record-kind"),
            choice_column("kind", "kinds", handlers.kind_chosen),
            back_to(IncidentsSG.record_employee),
            state=IncidentsSG.record_kind,
            getter=getters.get_kinds,
        ),
        text_input_window(
            "incident-record-description",
            handlers.description_typed,
            back_to(IncidentsSG.record_kind),
            state=IncidentsSG.record_description,
            text_only=True,
        ),
        Window(
            I18n("incident-record-photos"),
            MessageInput(handlers.photo_added),
            SwitchTo(
                I18n("incident-photos-done"),
                id="photos_done",
                state=IncidentsSG.record_amount,
            ),
            back_to(IncidentsSG.record_description),
            state=IncidentsSG.record_photos,
            getter=getters.get_record_photos,
        ),
        text_input_window(
            "incident-record-amount",
            handlers.amount_typed,
            Button(
                I18n("incident-no-deduction"), id="no_deduction", on_click=handlers.no_deduction
            ),
            back_to(IncidentsSG.record_photos),
            state=IncidentsSG.record_amount,
            text_only=True,
        ),
        Window(
            I18n("incident-record-confirm"),
            Button(I18n("incident-record-save"), id="save", on_click=handlers.confirm_record),
            back_to(IncidentsSG.record_amount),
            Cancel(I18n("common-cancel")),
            state=IncidentsSG.record_confirm,
            getter=getters.get_record_summary,
        ),
    ]


def _settings() -> list[Window]:
    return [
        Window(
            I18n("incident-settings"),
            I18n("incident-settings-cap", when="has_cap"),
            I18n("incident-settings-no-cap", when=~F["has_cap"]),
            SwitchTo(I18n("incident-settings-add-kind"), id="add_kind", state=IncidentsSG.add_kind),
            SwitchTo(
                I18n("incident-settings-add-product"),
                id="add_product",
                state=IncidentsSG.add_product,
            ),
            paged_choice_column(
                "product", "products", handlers.product_removed, "products_page", PAGE_SIZE
            ),
            SwitchTo(I18n("incident-settings-set-cap"), id="set_cap", state=IncidentsSG.cap),
            back_to(IncidentsSG.incidents),
            state=IncidentsSG.settings,
            getter=getters.get_settings,
        ),
        text_input_window(
            "incident-settings-kind-prompt",
            handlers.kind_typed,
            back_to(IncidentsSG.settings),
            state=IncidentsSG.add_kind,
            text_only=True,
        ),
        text_input_window(
            "incident-settings-product-prompt",
            handlers.product_typed,
            back_to(IncidentsSG.settings),
            state=IncidentsSG.add_product,
            text_only=True,
        ),
        text_input_window(
            "incident-settings-cap-prompt",
            handlers.cap_typed,
            Button(I18n("incident-settings-lift-cap"), id="lift_cap", on_click=handlers.no_cap),
            back_to(IncidentsSG.settings),
            state=IncidentsSG.cap,
            text_only=True,
        ),
    ]


def incidents_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("incidents-title", when="has_incidents"),
            I18n("incidents-empty", when=~F["has_incidents"]),
            Button(
                I18n("incidents-record"),
                id="record",
                on_click=handlers.start_record,
                when="can_record",
            ),
            paged_choice_column(
                "incident", "incidents", handlers.incident_chosen, "incidents_page", PAGE_SIZE
            ),
            SwitchTo(
                I18n("incidents-settings"),
                id="settings",
                state=IncidentsSG.settings,
                when="is_owner",
            ),
            Cancel(I18n("common-back")),
            state=IncidentsSG.incidents,
            getter=getters.get_incidents,
        ),
        _incident_card(),
        text_input_window(
            "incident-dispute-prompt",
            handlers.dispute_typed,
            back_to(IncidentsSG.incident),
            state=IncidentsSG.dispute_comment,
            text_only=True,
        ),
        Window(
            I18n("incident-dispute-photos"),
            MessageInput(handlers.photo_added),
            Button(I18n("incident-dispute-send"), id="send", on_click=handlers.send_dispute),
            back_to(IncidentsSG.dispute_comment),
            state=IncidentsSG.dispute_photos,
            getter=getters.get_record_photos,
        ),
        text_input_window(
            "incident-decide-prompt",
            handlers.decision_typed,
            back_to(IncidentsSG.incident),
            state=IncidentsSG.decide_comment,
            text_only=True,
        ),
        *_recording(),
        *_settings(),
        on_start=handlers.on_start,
    )


def requests_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("requests-title", when="has_requests"),
            I18n("requests-empty", when=~F["has_requests"]),
            SwitchTo(I18n("requests-new"), id="new", state=RequestsSG.new_kind, when="is_employee"),
            paged_choice_column(
                "request", "requests", handlers.request_chosen, "requests_page", PAGE_SIZE
            ),
            Cancel(I18n("common-back")),
            state=RequestsSG.requests,
            getter=getters.get_requests,
        ),
        Window(
            I18n("request-card"),
            I18n("request-card-decision", when="decision"),
            I18n("case-history", when="history"),
            Button(
                I18n("request-show-receipt"),
                id="receipt",
                on_click=handlers.show_receipt,
                when="has_receipt",
            ),
            Button(
                I18n("request-approve"), id="approve", on_click=handlers.approve, when="can_decide"
            ),
            SwitchTo(
                I18n("request-decline"),
                id="decline",
                state=RequestsSG.decline_comment,
                when="can_decide",
            ),
            back_to(RequestsSG.requests, "request-to-list"),
            state=RequestsSG.request,
            getter=getters.get_request,
        ),
        text_input_window(
            "request-decline-prompt",
            handlers.decline_typed,
            back_to(RequestsSG.request),
            state=RequestsSG.decline_comment,
            text_only=True,
        ),
        Window(
            I18n("request-new-kind"),
            Column(
                Button(I18n("request-kind-expense"), id="expense", on_click=handlers.new_expense),
                Button(I18n("request-kind-other"), id="other", on_click=handlers.new_other),
            ),
            back_to(RequestsSG.requests),
            state=RequestsSG.new_kind,
        ),
        Window(
            I18n("request-pick-product"),
            paged_choice_column(
                "product", "products", handlers.product_chosen, "pick_page", PAGE_SIZE
            ),
            back_to(RequestsSG.new_kind),
            state=RequestsSG.pick_product,
            getter=getters.get_products,
        ),
        text_input_window(
            "request-quantity",
            handlers.quantity_typed,
            back_to(RequestsSG.pick_product),
            state=RequestsSG.quantity,
            getter=getters.get_draft,
            text_only=True,
        ),
        Window(
            I18n("request-items"),
            SwitchTo(I18n("request-add-item"), id="add_item", state=RequestsSG.pick_product),
            SwitchTo(I18n("request-to-receipt"), id="to_receipt", state=RequestsSG.receipt),
            Cancel(I18n("common-cancel")),
            state=RequestsSG.items,
            getter=getters.get_draft,
        ),
        Window(
            I18n("request-receipt"),
            MessageInput(handlers.receipt_sent),
            back_to(RequestsSG.items),
            state=RequestsSG.receipt,
        ),
        text_input_window(
            "request-other-comment",
            handlers.other_comment_typed,
            back_to(RequestsSG.new_kind),
            state=RequestsSG.other_comment,
            text_only=True,
        ),
        text_input_window(
            "request-other-amount",
            handlers.other_amount_typed,
            back_to(RequestsSG.other_comment),
            state=RequestsSG.other_amount,
            text_only=True,
        ),
        Window(
            I18n("request-confirm-expense", when="is_expense"),
            I18n("request-confirm-other", when=~F["is_expense"]),
            I18n("request-confirm-receipt", when="has_receipt"),
            MessageInput(handlers.receipt_sent),
            Button(I18n("request-send"), id="send", on_click=handlers.confirm_request),
            Cancel(I18n("common-cancel")),
            state=RequestsSG.confirm,
            getter=getters.get_draft,
        ),
        on_start=handlers.on_start,
    )
