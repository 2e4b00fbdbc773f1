from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.contracts.queries import contract_templates, template_view
from services.contracts.rules import KNOWN_FIELDS

# Telegram shows at most 4096 characters; the whole text is in the PDF anyway.
PREVIEW_LENGTH = 2500
TEMPLATE_ID = "template_id"


def _field_list(names: list[str] | tuple[str, ...]) -> str:
    return ", ".join("{" + name + "}" for name in names)


async def get_templates(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    rows = await contract_templates(context.session, await actor_of(dialog_manager))
    return {
        "templates": [
            (
                row.template_id,
                context.i18n.get("contract-template-label", name=row.name, version=row.version),
            )
            for row in rows
        ],
        "no_templates": not rows,
    }


async def get_template(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await template_view(
        context.session, await actor_of(dialog_manager), dialog_manager.dialog_data[TEMPLATE_ID]
    )
    body = view.body if len(view.body) <= PREVIEW_LENGTH else view.body[:PREVIEW_LENGTH] + "…"
    return {
        "name": view.name,
        "version": view.version,
        "fields": _field_list(view.fields) or context.i18n.get("contract-template-no-fields"),
        "preview": body,
    }


async def get_known_fields(**_: Any) -> dict[str, Any]:
    return {"fields": _field_list(KNOWN_FIELDS)}
