from typing import Any

from aiogram_dialog import DialogManager
from sqlalchemy import select

from dialogs.common.context import update_context
from services.orgs.admin import TariffField, organization_card, platform_counts, require_superadmin
from services.orgs.tariffs import TARIFF_CURRENCY
from services.platform.db.models import Tariff
from services.platform.i18n import Translator

UNLIMITED = "∞"


def require_admin(manager: DialogManager) -> None:
    context = update_context(manager)
    require_superadmin(context.settings.superadmin_ids, context.user.telegram_id)


def _field_value(translator: Translator, tariff: Tariff, field: TariffField) -> str:
    value = getattr(tariff, field.value)
    if value is None:
        return UNLIMITED
    if field in (TariffField.MONTHLY_PRICE, TariffField.YEARLY_PRICE):
        return translator.money(value, TARIFF_CURRENCY)
    return str(value)


async def get_counts(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    require_admin(dialog_manager)
    counts = await platform_counts(context.session, context.clock)
    return {
        "organizations": counts.organizations,
        "active_users": counts.active_users,
        "shifts_today": counts.planned_shifts_today,
        "revenue": context.i18n.money(counts.revenue_this_month, TARIFF_CURRENCY),
    }


async def get_results(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"found": dialog_manager.dialog_data.get("found", [])}


async def get_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    require_admin(dialog_manager)
    card = await organization_card(context.session, dialog_manager.dialog_data["organization_id"])
    return {
        "organization_id": card.id,
        "name": card.name,
        "tariff": card.tariff_title,
        "expires_on": context.i18n.day(card.expires_at.date()) if card.expires_at else "—",
        "created_on": context.i18n.day(card.created_at.date()),
        "owners": ", ".join(card.owners) or "—",
        "objects": card.objects,
        "employees": card.employees,
        "paid_total": context.i18n.money(card.paid_total, TARIFF_CURRENCY),
    }


async def get_tariffs(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    tariffs = await context.session.scalars(select(Tariff).order_by(Tariff.sort_order))
    return {
        "tariffs": [
            (
                tariff.code,
                context.i18n.get(
                    "admin-tariff-button",
                    tariff=tariff.title,
                    price=context.i18n.money(tariff.monthly_price, TARIFF_CURRENCY),
                ),
            )
            for tariff in tariffs
        ]
    }


async def get_tariff(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    tariff = await context.session.get(
        Tariff, dialog_manager.dialog_data["tariff_code"], populate_existing=True
    )
    assert tariff is not None
    values = {field.value: _field_value(context.i18n, tariff, field) for field in TariffField}
    return {
        "tariff": tariff.title,
        **values,
        "fields": [
            (
                field.value,
                context.i18n.get(f"admin-tariff-field-{field.value}") + f": {values[field.value]}",
            )
            for field in TariffField
        ],
    }


async def get_tariff_edit(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    field = dialog_manager.dialog_data["field"]
    return {
        "field_name": update_context(dialog_manager).i18n.get(f"admin-tariff-field-{field}"),
        "is_limit": field in (TariffField.MAX_OBJECTS, TariffField.MAX_EMPLOYEES),
    }


async def get_broadcast(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    return {"text": data.get("broadcast_text", ""), "sent": data.get("broadcast_sent", 0)}
