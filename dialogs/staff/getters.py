from typing import Any

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.actor import actor_of
from services.platform.clock import Clock
from services.platform.db.models import MembershipRole, MembershipStatus, Permission
from services.platform.errors import PermissionDenied
from services.platform.i18n import Translator
from services.staff.memberships import StaffRow, list_staff, manager_object_permissions, staff_card
from services.staff.permissions import objects_with_permission


def shown_role(manager: DialogManager) -> MembershipRole:
    return MembershipRole(manager.dialog_data.get("role", MembershipRole.EMPLOYEE))


def _row_label(row: StaffRow) -> str:
    return row.name if row.status == MembershipStatus.ACTIVE else f"🚪 {row.name}"


async def get_staff_list(
    dialog_manager: DialogManager, session: AsyncSession, **_: Any
) -> dict[str, Any]:
    actor = await actor_of(dialog_manager)
    role = shown_role(dialog_manager)
    search = dialog_manager.dialog_data.get("search", "")
    try:
        rows = await list_staff(session, actor, role=role, search=search)
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


async def get_staff_card(
    dialog_manager: DialogManager, session: AsyncSession, clock: Clock, i18n: Translator, **_: Any
) -> dict[str, Any]:
    actor = await actor_of(dialog_manager)
    card = await staff_card(session, actor, clock, dialog_manager.dialog_data["membership_id"])
    active = card.status == MembershipStatus.ACTIVE
    if card.role == MembershipRole.MANAGER:
        objects = "; ".join(
            i18n.get(
                "staff-object-permissions",
                object=item.name,
                permissions=", ".join(
                    i18n.get(f"staff-permission-{p.value}")
                    for p in Permission
                    if p.value in item.permissions
                ),
            )
            for item in card.objects
        )
    else:
        objects = ", ".join(item.name for item in card.objects)
    return {
        "name": card.name,
        "role": i18n.get(f"invites-role-{card.role}"),
        "status": i18n.get(f"staff-status-{card.status}"),
        "since": i18n.day(card.started_on) if card.started_on else "—",
        "ended_on": i18n.day(card.ended_on) if card.ended_on else "",
        "is_ended": not active,
        "objects": objects or "—",
        "rate": i18n.money(card.hourly_rate) if card.hourly_rate is not None else "",
        "has_rate": card.hourly_rate is not None,
        "no_rate": card.hourly_rate is None,
        "has_next_rate": card.next_rate_from is not None,
        "next_rate_from": i18n.day(card.next_rate_from) if card.next_rate_from else "",
        "next_rate": i18n.money(card.next_rate) if card.next_rate is not None else "—",
        "is_active_employee": active and card.role == MembershipRole.EMPLOYEE,
        "is_active_manager": active and card.role == MembershipRole.MANAGER and actor.is_owner,
        "is_active": active,
    }


async def get_object_choices(
    dialog_manager: DialogManager, session: AsyncSession, **_: Any
) -> dict[str, Any]:
    actor = await actor_of(dialog_manager)
    objects = await objects_with_permission(session, actor, Permission.MANAGE_STAFF)
    return {"objects": [(work_object.id, work_object.name) for work_object in objects]}


async def get_manager_objects(
    dialog_manager: DialogManager, session: AsyncSession, i18n: Translator, **_: Any
) -> dict[str, Any]:
    actor = await actor_of(dialog_manager)
    objects = await manager_object_permissions(
        session, actor, dialog_manager.dialog_data["membership_id"]
    )
    return {
        "objects": [
            (
                item.object_id,
                i18n.get(
                    "staff-object-permission-count", object=item.name, count=len(item.permissions)
                ),
            )
            for item in objects
        ]
    }


async def get_permission_choices(
    dialog_manager: DialogManager, i18n: Translator, **_: Any
) -> dict[str, Any]:
    return {
        "object_name": dialog_manager.dialog_data.get("object_name", ""),
        "permissions": [
            (permission.value, i18n.get(f"staff-permission-{permission.value}"))
            for permission in Permission
        ],
    }
