from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.contracts.getters import CONTRACT_ID, STATUS_ICONS, status_text
from services.contracts.queries import agreement_text, contracts_to_read, own_contract_view
from services.contracts.rules import document_date
from services.platform.db.models import ContractStatus


async def get_my_contracts(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    rows = await contracts_to_read(context.session, context.user)
    return {
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


async def get_my_contract(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await own_contract_view(
        context.session, context.user, dialog_manager.dialog_data[CONTRACT_ID]
    )
    return {
        "name": view.name,
        "number": view.contract_id,
        "status": status_text(context.i18n, view.status),
        "can_sign": view.status == ContractStatus.SENT,
    }


async def get_agreement(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    text = await agreement_text(
        context.session, context.user, dialog_manager.dialog_data[CONTRACT_ID]
    )
    return {"text": text.replace("# ", "", 1)}
