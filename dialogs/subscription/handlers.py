from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.errors import show_domain_error
from dialogs.common.i18n import translator_of
from dialogs.subscription.getters import organization_id_of
from dialogs.subscription.states import SubscriptionSG
from services.billing.payments import start_subscription_payment
from services.integrations.yookassa import YookassaGateway
from services.platform.db.models import BillingPeriod
from services.platform.errors import DomainError, NotFound


async def tariff_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, tariff_code: str
) -> None:
    manager.dialog_data["tariff_code"] = tariff_code
    await manager.switch_to(SubscriptionSG.period)


async def _pay(callback: CallbackQuery, manager: DialogManager, period: BillingPeriod) -> None:
    data = manager.middleware_data
    bot_user = await callback.bot.me() if callback.bot else None
    return_url = f"https://t.me/{bot_user.username}" if bot_user and bot_user.username else ""
    try:
        organization_id = await organization_id_of(manager)
        if organization_id is None:
            raise NotFound(what="organization")
        link = await start_subscription_payment(
            data["session"],
            YookassaGateway(data["settings"].yookassa),
            data["clock"],
            user_id=data["user"].id,
            organization_id=organization_id,
            tariff_code=manager.dialog_data["tariff_code"],
            period=period,
            return_url=return_url,
        )
    except DomainError as error:
        if isinstance(callback.message, Message):
            await show_domain_error(callback.message, manager, error)
        return
    manager.dialog_data.update(
        tariff_title=link.tariff_title,
        amount=translator_of(manager).money(link.amount, link.currency),
        confirmation_url=link.confirmation_url,
    )
    await manager.switch_to(SubscriptionSG.payment)


async def pay_monthly(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _pay(callback, manager, BillingPeriod.MONTHLY)


async def pay_yearly(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _pay(callback, manager, BillingPeriod.YEARLY)
