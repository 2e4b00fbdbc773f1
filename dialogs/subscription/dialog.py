from operator import itemgetter

from aiogram_dialog import Dialog, Window
from aiogram_dialog.widgets.kbd import Button, Cancel, Column, Select, SwitchTo, Url
from aiogram_dialog.widgets.text import Format

from dialogs.common.i18n import I18n
from dialogs.subscription import getters, handlers
from dialogs.subscription.states import SubscriptionSG


def subscription_dialog() -> Dialog:
    return Dialog(
        Window(
            I18n("subscription-overview", when="is_owner"),
            I18n("subscription-expires", when="has_expiry"),
            I18n("subscription-owners-only", when=lambda data, *_: not data["is_owner"]),
            Column(
                Select(
                    Format("{item[1]}"),
                    id="tariff",
                    item_id_getter=itemgetter(0),
                    items="tariffs",
                    on_click=handlers.tariff_chosen,
                ),
                when="is_owner",
            ),
            Cancel(I18n("common-back")),
            state=SubscriptionSG.main,
            getter=getters.get_subscription,
        ),
        Window(
            I18n("subscription-choose-period"),
            Button(I18n("subscription-pay-monthly"), id="monthly", on_click=handlers.pay_monthly),
            Button(I18n("subscription-pay-yearly"), id="yearly", on_click=handlers.pay_yearly),
            SwitchTo(I18n("common-back"), id="back", state=SubscriptionSG.main),
            state=SubscriptionSG.period,
            getter=getters.get_period_choice,
        ),
        Window(
            I18n("subscription-payment-ready"),
            Url(I18n("subscription-pay-button"), Format("{confirmation_url}"), id="pay"),
            SwitchTo(I18n("common-back"), id="back", state=SubscriptionSG.main),
            state=SubscriptionSG.payment,
            getter=getters.get_payment,
        ),
    )
