from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.planning.dismissals import upcoming_shift_count
from services.planning.work_limits import organization_limits
from services.platform.db.models import MembershipRole, MembershipStatus, PayType, Permission
from services.platform.errors import PermissionDenied
from services.staff.contract_limits import LIMITS
from services.staff.memberships import (
    StaffRow,
    list_staff,
    manager_object_permissions,
    organization_today,
    staff_card,
    terms_in_force,
)
from services.staff.permissions import objects_with_permission


def shown_role(manager: DialogManager) -> MembershipRole:
    return MembershipRole(manager.dialog_data.get("role", MembershipRole.EMPLOYEE))


def _row_label(row: StaffRow) -> str:
    return row.name if row.status == MembershipStatus.ACTIVE else f"🚪 {row.name}"


async def get_staff_list(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    role = shown_role(dialog_manager)
    search = dialog_manager.dialog_data.get("search", "")
    try:
        rows = await list_staff(context.session, actor, role=role, search=search)
    except PermissionDenied:
        return {"refused": True, "allowed": False, "members": [], "nobody_found": False}
    return {
        "refused": False,
        "allowed": True,
        "showing_employees": role == MembershipRole.EMPLOYEE,
        "showing_managers": role == MembershipRole.MANAGER,
        "can_see_managers": actor.is_owner and role == MembershipRole.EMPLOYEE,
        "search": search,
        "searching": bool(search),
        "members": [(row.membership_id, _row_label(row)) for row in rows],
        "nobody_found": not rows,
        "count": len(rows),
    }


async def get_staff_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    card = await staff_card(
        context.session, actor, context.clock, dialog_manager.dialog_data["membership_id"]
    )
    active = card.status == MembershipStatus.ACTIVE
    upcoming = (
        await upcoming_shift_count(context.session, actor, context.clock, card.membership_id)
        if active
        else 0
    )
    if card.role == MembershipRole.MANAGER:
        objects = "; ".join(
            context.i18n.get(
                "staff-object-permissions",
                object=item.name,
                permissions=", ".join(
                    context.i18n.get(f"staff-permission-{p.value}")
                    for p in Permission
                    if p.value in item.permissions
                ),
            )
            for item in card.objects
        )
    else:
        objects = ", ".join(item.name for item in card.objects)
    today = await organization_today(context.session, context.clock, actor.organization_id)
    terms = await terms_in_force(context.session, card.membership_id, today)
    pay_type = PayType(terms.pay_type) if terms is not None else PayType.HOURLY
    money = context.i18n.money
    return {
        "is_salaried": pay_type == PayType.SALARY,
        "has_bonus": pay_type == PayType.HOURLY_BONUS,
        "salary": money(terms.monthly_salary) if terms and terms.monthly_salary else "",
        "shift_bonus": money(terms.shift_bonus) if terms and terms.shift_bonus else "—",
        "period_bonus": money(terms.period_bonus) if terms and terms.period_bonus else "—",
        "name": card.name,
        "role": context.i18n.get(f"invites-role-{card.role}"),
        "status": context.i18n.get(f"staff-status-{card.status}"),
        "since": context.i18n.day(card.started_on) if card.started_on else "—",
        "ended_on": context.i18n.day(card.ended_on) if card.ended_on else "",
        "is_ended": not active,
        "objects": objects or "—",
        "rate": context.i18n.money(card.hourly_rate) if card.hourly_rate is not None else "",
        "has_rate": card.hourly_rate is not None and pay_type != PayType.SALARY,
        "no_rate": card.hourly_rate is None,
        "has_next_rate": card.next_rate_from is not None,
        "next_rate_from": context.i18n.day(card.next_rate_from) if card.next_rate_from else "",
        "next_rate": context.i18n.money(card.next_rate) if card.next_rate is not None else "—",
        "is_active_employee": active and card.role == MembershipRole.EMPLOYEE,
        "is_active_manager": active and card.role == MembershipRole.MANAGER and actor.is_owner,
        "is_active": active,
        "upcoming_shifts": upcoming,
    }


async def get_object_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    objects = await objects_with_permission(context.session, actor, Permission.MANAGE_STAFF)
    return {"objects": [(work_object.id, work_object.name) for work_object in objects]}


async def get_manager_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    objects = await manager_object_permissions(
        context.session, actor, dialog_manager.dialog_data["membership_id"]
    )
    return {
        "objects": [
            (
                item.object_id,
                context.i18n.get(
                    "staff-object-permission-count", object=item.name, count=len(item.permissions)
                ),
            )
            for item in objects
        ]
    }


async def get_permission_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "object_name": dialog_manager.dialog_data.get("object_name", ""),
        "permissions": [
            (permission.value, context.i18n.get(f"staff-permission-{permission.value}"))
            for permission in Permission
        ],
    }


async def get_contract_limits(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    """Each limit of the contract: its own value, or the organization's (an even share
    for the target)."""
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    membership_id = dialog_manager.dialog_data["membership_id"]
    await staff_card(context.session, actor, context.clock, membership_id)  # may they see it
    today = await organization_today(context.session, context.clock, actor.organization_id)
    terms = await terms_in_force(context.session, membership_id, today)
    limits = await organization_limits(context.session, actor.organization_id)
    defaults = {
        "max_day_hours": limits.max_day_minutes // 60,
        "max_week_hours": limits.max_week_minutes // 60,
        "max_consecutive_days": limits.max_consecutive_days,
        "target_week_hours": None,
    }
    i18n = context.i18n
    items = []
    for name, default in defaults.items():
        own = getattr(terms, name) if terms is not None else None
        value = own if own is not None else default
        label = i18n.get(
            f"staff-limit-{name}",
            value=value if value is not None else "—",
            own="yes" if own is not None else "no",
        )
        items.append((name, label))
    return {"limits": items}


async def get_limit_prompt(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    name = dialog_manager.dialog_data["limit"]
    limit = LIMITS[name]
    return {
        "what": update_context(dialog_manager).i18n.get(f"staff-limit-name-{name}"),
        "minimum": limit.minimum,
        "maximum": limit.maximum,
    }
