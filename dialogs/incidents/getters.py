from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.incidents.kinds import kinds_of
from services.incidents.queries import (
    CaseStep,
    KindTitle,
    employees_on_object,
    incident_card,
    incident_rows,
    objects_for_incidents,
    request_card,
    request_rows,
)
from services.incidents.requests import items_total, products_of
from services.payroll.access import can_edit_money
from services.payroll.deduction_cap import cap_percent_of
from services.platform.db.models import MembershipRole
from services.platform.i18n import Translator
from services.staff.memberships import organization_of


def kind_title(i18n: Translator, kind: KindTitle) -> str:
    return i18n.get(f"incident-kind-{kind.code}") if kind.code else kind.title


def _local(moment: datetime, timezone: str) -> datetime:
    return moment.astimezone(ZoneInfo(timezone))


def _history(i18n: Translator, steps: list[CaseStep], timezone: str) -> str:
    return "\n".join(
        i18n.get(
            "case-history-step-commented" if step.comment else "case-history-step",
            at=i18n.moment(_local(step.at, timezone)),
            who=step.actor_name or i18n.get("case-history-system"),
            action=i18n.get(f"case-action-{step.action}"),
            comment=step.comment,
        )
        for step in steps
    )


async def _currency(manager: DialogManager) -> str:
    context = update_context(manager)
    actor = await actor_of(manager)
    return (await organization_of(context.session, actor.organization_id)).currency


async def get_incidents(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    i18n, currency = context.i18n, await _currency(dialog_manager)
    rows = await incident_rows(context.session, actor)
    return {
        "incidents": [
            (
                row.id,
                i18n.get(
                    "incident-row",
                    id=row.id,
                    employee=row.employee_name,
                    amount=i18n.money(row.amount, currency),
                    status=i18n.get(f"incident-status-{row.status}"),
                ),
            )
            for row in rows
        ],
        "has_incidents": bool(rows),
        "can_record": await can_edit_money(context.session, actor),
        "is_owner": actor.is_owner,
    }


async def get_incident(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    i18n, currency = context.i18n, await _currency(dialog_manager)
    card = await incident_card(
        context.session, actor, dialog_manager.dialog_data["incident_id"], context.clock.now()
    )
    return {
        "id": card.id,
        "employee": card.employee_name,
        "object_name": card.object_name,
        "kind": kind_title(i18n, card.kind),
        "description": card.description,
        "amount": i18n.money(card.amount, currency),
        "status": i18n.get(f"incident-status-{card.status}"),
        "answer_by": i18n.moment(_local(card.answer_by, card.timezone)),
        "dispute": card.dispute_comment,
        "decision": card.decision_comment,
        "history": _history(i18n, card.history, card.timezone),
        "has_photos": bool(card.photo_file_ids or card.dispute_photo_file_ids),
        "can_answer": card.can_answer,
        "can_uphold": card.can_uphold,
        "can_cancel": card.can_cancel,
    }


async def get_record_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    objects = await objects_for_incidents(context.session, actor)
    return {"objects": [(o.id, o.name) for o in objects]}


async def get_record_employees(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    employees = await employees_on_object(
        context.session, actor, dialog_manager.dialog_data["object_id"]
    )
    return {"employees": employees, "has_employees": bool(employees)}


async def get_kinds(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    kinds = await kinds_of(context.session, actor.organization_id)
    return {"kinds": [(k.id, kind_title(context.i18n, KindTitle(k.code, k.title))) for k in kinds]}


async def get_record_photos(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return {"photos": len(dialog_manager.dialog_data.get("photos", []))}


async def get_record_summary(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    i18n, currency = update_context(dialog_manager).i18n, await _currency(dialog_manager)
    return {
        "employee": data["employee_name"],
        "object_name": data["object_name"],
        "kind": data["kind_name"],
        "description": data["description"],
        "amount": i18n.money(Decimal(data["amount"]), currency),
        "photos": len(data.get("photos", [])),
    }


async def get_settings(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    i18n, currency = context.i18n, await _currency(dialog_manager)
    kinds = await kinds_of(context.session, actor.organization_id)
    products = await products_of(context.session, actor.organization_id)
    cap = await cap_percent_of(context.session, actor.organization_id)
    return {
        "kinds_list": ", ".join(kind_title(i18n, KindTitle(k.code, k.title)) for k in kinds),
        "products_list": "\n".join(
            f"• {p.title} — {i18n.money(p.price, currency)}" for p in products
        )
        or i18n.get("incident-settings-no-products"),
        "products": [(p.id, f"🗑 {p.title}") for p in products],
        "cap": i18n.number(cap) if cap is not None else "",
        "has_cap": cap is not None,
    }


async def get_requests(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    i18n, currency = context.i18n, await _currency(dialog_manager)
    rows = await request_rows(context.session, actor)
    return {
        "requests": [
            (
                row.id,
                i18n.get(
                    "request-row",
                    id=row.id,
                    employee=row.employee_name,
                    amount=i18n.money(row.amount, currency),
                    status=i18n.get(f"request-status-{row.status}"),
                ),
            )
            for row in rows
        ],
        "has_requests": bool(rows),
        "is_employee": actor.role == MembershipRole.EMPLOYEE,
    }


def _items_text(i18n: Translator, items: list[dict[str, str]], currency: str) -> str:
    return "\n".join(
        i18n.get(
            "request-item",
            title=item["title"],
            quantity=item["quantity"],
            price=i18n.money(Decimal(item["price"]), currency),
            total=i18n.money(items_total([item]), currency),
        )
        for item in items
    )


async def get_request(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    i18n, currency = context.i18n, await _currency(dialog_manager)
    card = await request_card(context.session, actor, dialog_manager.dialog_data["request_id"])
    return {
        "id": card.id,
        "employee": card.employee_name,
        "kind": card.kind.value,
        "items": _items_text(i18n, card.items, currency),
        "amount": i18n.money(card.amount, currency),
        "comment": card.comment,
        "status": i18n.get(f"request-status-{card.status}"),
        "decision": card.decision_comment,
        "history": _history(i18n, card.history, card.timezone),
        "has_receipt": bool(card.receipt_file_id),
        "can_decide": card.can_decide,
    }


async def get_products(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    currency = await _currency(dialog_manager)
    products = await products_of(context.session, actor.organization_id)
    return {
        "products": [
            (p.id, f"{p.title} — {context.i18n.money(p.price, currency)}") for p in products
        ],
        "has_products": bool(products),
    }


async def get_draft(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    data = dialog_manager.dialog_data
    i18n, currency = update_context(dialog_manager).i18n, await _currency(dialog_manager)
    items = data.get("priced", [])
    is_expense = data.get("kind") == "expense"
    total = items_total(items) if is_expense else Decimal(data.get("amount", "0"))
    return {
        "items": _items_text(i18n, items, currency),
        "has_items": bool(items),
        "total": i18n.money(total, currency),
        "comment": data.get("comment", ""),
        "is_expense": is_expense,
        "has_receipt": bool(data.get("receipt")),
        "product": data.get("product_name", ""),
    }
