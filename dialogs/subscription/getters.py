from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.billing.subscriptions import price_of, purchasable_tariffs, subscription_overview
from services.orgs.tariffs import TARIFF_CURRENCY, LimitedResource
from services.platform.db.models import BillingPeriod, Tariff
from services.platform.errors import PermissionDenied
from services.staff.users import active_memberships, current_membership

UNLIMITED = "∞"


async def organization_id_of(manager: DialogManager) -> int | None:
    """The organization the dialog works on: given at start, else the user's current one."""
    context = update_context(manager)
    start_data = manager.start_data if isinstance(manager.start_data, dict) else {}
    if start_data.get("organization_id"):
        return int(start_data["organization_id"])
    current = current_membership(
        await active_memberships(context.session, context.user.id),
        context.user.active_organization_id,
    )
    return current.organization_id if current else None


def _limit(value: int | None) -> str:
    return UNLIMITED if value is None else str(value)


async def get_subscription(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    organization_id = await organization_id_of(dialog_manager)
    try:
        if organization_id is None:
            raise PermissionDenied()
        overview = await subscription_overview(context.session, context.user.id, organization_id)
    except PermissionDenied:
        return {"is_owner": False}
    usage = {item.resource: item for item in overview.limits}
    objects, employees = usage[LimitedResource.OBJECTS], usage[LimitedResource.EMPLOYEES]
    tariffs = await purchasable_tariffs(context.session)
    return {
        "is_owner": True,
        "tariff": overview.tariff.title,
        "has_expiry": overview.expires_at is not None,
        "expires_on": (
            context.i18n.day(overview.expires_at.astimezone(ZoneInfo(overview.timezone)).date())
            if overview.expires_at
            else ""
        ),
        "objects_used": objects.used,
        "objects_limit": _limit(objects.limit),
        "employees_used": employees.used,
        "employees_limit": _limit(employees.limit),
        "ai_per_day": overview.tariff.ai_insights_per_day,
        "tariffs": [
            (
                tariff.code,
                context.i18n.get(
                    "subscription-tariff-button",
                    tariff=tariff.title,
                    price=context.i18n.money(tariff.monthly_price, TARIFF_CURRENCY),
                ),
            )
            for tariff in tariffs
        ],
    }


async def get_period_choice(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    tariff = await context.session.get(Tariff, dialog_manager.dialog_data["tariff_code"])
    assert tariff is not None
    return {
        "tariff": tariff.title,
        "objects_limit": _limit(tariff.max_objects),
        "employees_limit": _limit(tariff.max_employees),
        "ai_per_day": tariff.ai_insights_per_day,
        "monthly_price": context.i18n.money(
            price_of(tariff, BillingPeriod.MONTHLY), TARIFF_CURRENCY
        ),
        "yearly_price": context.i18n.money(price_of(tariff, BillingPeriod.YEARLY), TARIFF_CURRENCY),
    }


async def get_payment(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    return {
        "tariff": data["tariff_title"],
        "amount": data["amount"],
        "confirmation_url": data["confirmation_url"],
    }
