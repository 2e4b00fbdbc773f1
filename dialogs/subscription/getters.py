from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.i18n import translator_of
from services.billing.subscriptions import price_of, purchasable_tariffs, subscription_overview
from services.orgs.tariffs import LimitedResource
from services.platform.db.models import BillingPeriod, Tariff, User
from services.platform.errors import PermissionDenied
from services.staff.users import active_memberships, current_membership

UNLIMITED = "∞"


async def organization_id_of(manager: DialogManager) -> int | None:
    """The organization the dialog works on: given at start, else the user's current one."""
    start_data = manager.start_data if isinstance(manager.start_data, dict) else {}
    if start_data.get("organization_id"):
        return int(start_data["organization_id"])
    data = manager.middleware_data
    user: User = data["user"]
    current = current_membership(
        await active_memberships(data["session"], user.id), user.active_organization_id
    )
    return current.organization_id if current else None


def _limit(value: int | None) -> str:
    return UNLIMITED if value is None else str(value)


async def get_subscription(
    dialog_manager: DialogManager, session: AsyncSession, user: User, **_: Any
) -> dict[str, Any]:
    translator = translator_of(dialog_manager)
    organization_id = await organization_id_of(dialog_manager)
    try:
        if organization_id is None:
            raise PermissionDenied()
        overview = await subscription_overview(session, user.id, organization_id)
    except PermissionDenied:
        return {"is_owner": False}
    usage = {item.resource: item for item in overview.limits}
    objects, employees = usage[LimitedResource.OBJECTS], usage[LimitedResource.EMPLOYEES]
    tariffs = await purchasable_tariffs(session)
    return {
        "is_owner": True,
        "tariff": overview.tariff.title,
        "has_expiry": overview.expires_at is not None,
        "expires_on": (
            translator.day(overview.expires_at.astimezone(ZoneInfo(overview.timezone)).date())
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
                translator.get(
                    "subscription-tariff-button",
                    tariff=tariff.title,
                    price=translator.money(tariff.monthly_price),
                ),
            )
            for tariff in tariffs
        ],
    }


async def get_period_choice(
    dialog_manager: DialogManager, session: AsyncSession, **_: Any
) -> dict[str, Any]:
    translator = translator_of(dialog_manager)
    tariff = await session.get(Tariff, dialog_manager.dialog_data["tariff_code"])
    assert tariff is not None
    return {
        "tariff": tariff.title,
        "objects_limit": _limit(tariff.max_objects),
        "employees_limit": _limit(tariff.max_employees),
        "ai_per_day": tariff.ai_insights_per_day,
        "monthly_price": translator.money(price_of(tariff, BillingPeriod.MONTHLY)),
        "yearly_price": translator.money(price_of(tariff, BillingPeriod.YEARLY)),
    }


async def get_payment(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    return {
        "tariff": data["tariff_title"],
        "amount": data["amount"],
        "confirmation_url": data["confirmation_url"],
    }
