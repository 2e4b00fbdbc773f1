"""The candidate's side of hiring: the vacancy a link opens, the application form (name,
phone by Telegram's contact button, experience, days and times, an optional photo, the
consent to show ratings from other organizations, off by default), then the
application's state with its answers (confirm the interview, ask for another time,
withdraw)."""

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Cancel, Checkbox, RequestContact, Row, SwitchTo
from aiogram_dialog.widgets.markup.reply_keyboard import ReplyKeyboardFactory
from aiogram_dialog.widgets.media import DynamicMedia

from dialogs.applying import getters, handlers
from dialogs.applying.states import ApplySG
from dialogs.common.i18n import I18n
from dialogs.common.navigation import back_to
from dialogs.common.windows import text_input_window


def _form_windows() -> list[Window]:
    cancel = back_to(ApplySG.vacancy, "common-cancel")
    return [
        text_input_window(
            "apply-ask-name",
            handlers.name_entered,
            Button(I18n("apply-keep-name"), id="keep_name", on_click=handlers.telegram_name_kept),
            cancel,
            state=ApplySG.name,
            getter=getters.get_name,
            text_only=True,
        ),
        Window(
            I18n("apply-ask-phone"),
            MessageInput(handlers.phone_sent),
            RequestContact(I18n("apply-share-phone")),
            markup_factory=ReplyKeyboardFactory(resize_keyboard=True, one_time_keyboard=True),
            state=ApplySG.phone,
        ),
        text_input_window(
            "apply-ask-experience",
            handlers.experience_entered,
            cancel,
            state=ApplySG.experience,
            text_only=True,
        ),
        text_input_window(
            "apply-ask-availability",
            handlers.availability_entered,
            cancel,
            state=ApplySG.availability,
            text_only=True,
        ),
        Window(
            I18n("apply-ask-photo"),
            MessageInput(handlers.photo_sent),
            Button(I18n("apply-no-photo"), id="no_photo", on_click=handlers.without_photo),
            cancel,
            state=ApplySG.photo,
        ),
        Window(
            I18n("apply-consent"),
            Checkbox(
                I18n("apply-consent-on"),
                I18n("apply-consent-off"),
                id=getters.CONSENT_WIDGET,
                default=False,
            ),
            Button(I18n("apply-send"), id="send", on_click=handlers.send_application),
            cancel,
            state=ApplySG.consent,
        ),
    ]


def applying_dialog() -> Dialog:
    return Dialog(
        Window(
            DynamicMedia("photo", when="photo"),
            I18n("apply-vacancy-card"),
            I18n("apply-vacancy-closed", when="is_closed"),
            I18n("apply-already", when="has_applied"),
            SwitchTo(I18n("apply-start"), id="apply", state=ApplySG.name, when="can_apply"),
            Button(
                I18n("apply-my-application"),
                id="mine",
                on_click=handlers.open_my_application,
                when="has_applied",
            ),
            Cancel(I18n("common-back")),
            state=ApplySG.vacancy,
            getter=getters.get_vacancy,
        ),
        *_form_windows(),
        Window(
            I18n("apply-status"),
            I18n("apply-status-interview", when="interview"),
            I18n("apply-status-answer", when="answered"),
            I18n("apply-status-rejected", when="is_rejected"),
            Row(
                Button(
                    I18n("apply-confirm"),
                    id="confirm",
                    on_click=handlers.interview_answered,
                    when="can_answer",
                ),
                Button(
                    I18n("apply-other-time"),
                    id="other_time",
                    on_click=handlers.interview_answered,
                    when="can_answer",
                ),
            ),
            Button(
                I18n("apply-withdraw"),
                id="withdraw",
                on_click=handlers.withdraw_pressed,
                when="is_live",
            ),
            Cancel(I18n("common-back")),
            state=ApplySG.status,
            getter=getters.get_status,
        ),
        on_start=handlers.on_start,
    )
