from datetime import date
from decimal import Decimal
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.contracts.queries import (
    contract_history,
    contract_templates,
    contracts_of_member,
    managed_contract_view,
)
from services.contracts.rules import document_date
from services.platform.db.models import ContractStatus
from services.platform.i18n import Translator
from services.staff.memberships import organization_zone, staff_card

MEMBERSHIP_ID = "membership_id"
CONTRACT_ID = "contract_id"
# The wizard: the fields still to ask, the answers so far, the pre-filled values.
PENDING = "pending"
ANSWERS = "answers"
DEFAULTS = "defaults"
STATUS_ICONS = {ContractStatus.DRAFT: "📝", ContractStatus.SENT: "⏳", ContractStatus.SIGNED: "✅"}


def status_text(i18n: Translator, status: ContractStatus) -> str:
    return i18n.get(f"contract-status-{status.value}")


async def get_contracts(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    membership_id = dialog_manager.start_data[MEMBERSHIP_ID]  # type: ignore[index]
    card = await staff_card(context.session, actor, context.clock, membership_id)
    rows = await contracts_of_member(context.session, actor, context.clock, membership_id)
    return {
        "name": card.name,
        "contracts": [
            (
                row.contract_id,
                context.i18n.get(
                    "contract-row",
                    status_icon=STATUS_ICONS[row.status],
                    name=row.name,
                    number=row.contract_id,
                    starts_on=document_date(row.starts_on),
                ),
            )
            for row in rows
        ],
        "no_contracts": not rows,
    }


async def get_template_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    card = await staff_card(
        context.session,
        actor,
        context.clock,
        dialog_manager.start_data[MEMBERSHIP_ID],  # type: ignore[index]
    )
    rows = await contract_templates(context.session, actor)
    return {
        "name": card.name,
        "templates": [(row.template_id, row.name) for row in rows],
        "no_templates": not rows,
    }


async def get_field(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    field = dialog_manager.dialog_data[PENDING][0]
    default = dialog_manager.dialog_data[DEFAULTS].get(field)
    i18n = update_context(dialog_manager).i18n
    shown = default
    if default and field == "contract.start":
        shown = document_date(date.fromisoformat(default))
    elif default and field == "contract.rate":
        shown = i18n.money(Decimal(default))
    return {
        "ask_" + field.split(".")[-1]: True,
        "value": shown or "",
        "has_default": bool(default),
        "asks_end": field == "contract.end",
        "asks_rate": field == "contract.rate",
    }


async def get_preview(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await managed_contract_view(
        context.session,
        await actor_of(dialog_manager),
        context.clock,
        dialog_manager.dialog_data[CONTRACT_ID],
    )
    card = await staff_card(
        context.session,
        await actor_of(dialog_manager),
        context.clock,
        dialog_manager.start_data[MEMBERSHIP_ID],  # type: ignore[index]
    )
    return {
        "number": view.contract_id,
        "name": card.name,
        "status": status_text(context.i18n, view.status),
        "contract_name": view.name,
        "starts_on": document_date(view.starts_on),
        "ends_on": document_date(view.ends_on)
        if view.ends_on
        else context.i18n.get("contract-open-ended"),
        "history": await _history_text(dialog_manager, view.contract_id, view.organization_id),
        "is_draft": view.status == ContractStatus.DRAFT,
        "is_sent": view.status != ContractStatus.DRAFT,
    }


async def _history_text(manager: DialogManager, contract_id: int, organization_id: int) -> str:
    context = update_context(manager)
    zone = await organization_zone(context.session, organization_id)
    lines = await contract_history(
        context.session, await actor_of(manager), context.clock, contract_id
    )
    return "\n".join(
        context.i18n.get(
            f"contract-history-{line.kind}",
            when=context.i18n.moment(line.happened_at.astimezone(zone)),
            ends_on=document_date(line.ends_on)
            if line.ends_on
            else context.i18n.get("contract-open-ended"),
        )
        for line in lines
    )
