from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from dialogs.subscription.getters import organization_id_of
from dialogs.subscription.states import SubscriptionSG
from services.billing.payments import start_subscription_payment
from services.integrations.yookassa import YookassaGateway
from services.platform.db.models import BillingPeriod
from services.platform.errors import NotFound

tariff_chosen = remember_choice("tariff_code", SubscriptionSG.period)


async def _pay(callback: CallbackQuery, manager: DialogManager, period: BillingPeriod) -> None:
    context = update_context(manager)
    bot_user = await callback.bot.me() if callback.bot else None
    return_url = f"https://t.me/{bot_user.username}" if bot_user and bot_user.username else ""
    organization_id = await organization_id_of(manager)
    if organization_id is None:
        raise NotFound(what="organization")
    link = await start_subscription_payment(
        context.session,
        YookassaGateway(context.settings.yookassa),
        context.clock,
        user_id=context.user.id,
        organization_id=organization_id,
        tariff_code=manager.dialog_data["tariff_code"],
        period=period,
        return_url=return_url,
    )
    manager.dialog_data.update(
        tariff_title=link.tariff_title,
        amount=context.i18n.money(link.amount, link.currency),
        confirmation_url=link.confirmation_url,
    )
    await manager.switch_to(SubscriptionSG.payment)


async def pay_monthly(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _pay(callback, manager, BillingPeriod.MONTHLY)


async def pay_yearly(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _pay(callback, manager, BillingPeriod.YEARLY)
