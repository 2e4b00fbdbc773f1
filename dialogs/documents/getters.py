from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.media import orchestrator_of
from services.documents.queries import (
    document_card,
    documents_to_check,
    kind_objects,
    kinds_view,
    my_documents,
)
from services.documents.rules import DEFAULT_KINDS, ExpiryState
from services.media_orchestrator import MediaFlowExpired

DOCUMENT_ID = "document_id"
KIND_ID = "kind_id"
FLOW_ID = "flow_id"
MEMBERSHIP_ID = "membership_id"

STATUS_ICONS = {
    "missing": "⚪",
    "pending": "🕓",
    "approved": "✅",
    "rejected": "❌",
    "replaced": "✅",
}


def _date(value: Any) -> str:
    return value.strftime("%d.%m.%Y") if value is not None else ""


async def get_kinds(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    view = await kinds_view(context.session, await actor_of(dialog_manager))
    i18n = context.i18n
    titles = {kind.title for kind in view.kinds}
    lines = [
        i18n.get(
            "documents-kind-line",
            title=kind.title,
            expiry=int(kind.has_expiry),
            objects=", ".join(kind.object_names) or i18n.get("documents-all-objects"),
        )
        for kind in view.kinds
    ]
    presets = [
        (index, i18n.get("documents-add-preset", title=i18n.get(key)))
        for index, (key, _) in enumerate(DEFAULT_KINDS)
        if i18n.get(key) not in titles
    ]
    return {
        "kinds": [(kind.id, kind.title) for kind in view.kinds],
        "lines": "\n".join(lines),
        "no_kinds": not view.kinds,
        "presets": presets,
        "retention_days": view.retention_days,
    }


async def get_kind(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    kind, objects = await kind_objects(
        context.session, await actor_of(dialog_manager), dialog_manager.dialog_data[KIND_ID]
    )
    return {
        "title": kind.title,
        "expiry": int(kind.has_expiry),
        "everywhere": int(not any(o.chosen for o in objects)),
        "objects": [(o.id, f"{'✅' if o.chosen else '▫️'} {o.name}") for o in objects],
    }


async def get_my_documents(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    rows = await my_documents(context.session, context.clock, await actor_of(dialog_manager))
    i18n = context.i18n
    return {
        "documents": [
            (
                row.kind_id,
                i18n.get(
                    "documents-my-row",
                    icon="⛔" if row.state == ExpiryState.EXPIRED else STATUS_ICONS[row.status],
                    title=row.title,
                    status=row.status,
                    expired=int(row.state == ExpiryState.EXPIRED),
                    expires_on=_date(row.expires_on),
                    dated=int(row.expires_on is not None),
                ),
            )
            for row in rows
        ],
        "lines": "\n".join(
            i18n.get("documents-rejected-line", title=row.title, reason=row.reject_reason)
            for row in rows
            if row.status == "rejected" and row.reject_reason
        ),
        "no_documents": not rows,
    }


async def get_upload(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    try:
        flow = await orchestrator_of(dialog_manager).get(dialog_manager.dialog_data[FLOW_ID])
    except MediaFlowExpired:
        return {"expired": True, "has_items": False, "count": 0, "max_items": 0}
    return {
        "expired": False,
        "count": len(flow.items),
        "max_items": flow.limits.max_items,
        "has_items": bool(flow.items),
    }


async def get_to_check(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    member = dialog_manager.dialog_data.get(MEMBERSHIP_ID)
    rows = await documents_to_check(
        context.session, await actor_of(dialog_manager), context.clock, member
    )
    return {
        "documents": [
            (row.id, f"{STATUS_ICONS[row.status]} {row.employee} · {row.title}") for row in rows
        ],
        "no_documents": not rows,
        "of_member": member is not None,
    }


async def get_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    card = await document_card(
        context.session,
        await actor_of(dialog_manager),
        context.clock,
        dialog_manager.dialog_data[DOCUMENT_ID],
    )
    return {
        "title": card.title,
        "employee": card.employee,
        "expires_on": _date(card.expires_on),
        "dated": int(card.expires_on is not None),
        "status": card.status.value,
        "files": len(card.files),
        "pending": card.status == "pending",
    }
