from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from services.orgs.invites import (
    InviteStatus,
    InviteView,
    describe_invite,
    invite_link,
    list_invites,
    share_link,
)
from services.platform.db.models import MembershipRole, Permission
from services.platform.errors import PermissionDenied
from services.platform.i18n import Translator
from services.staff.memberships import organization_zone
from services.staff.permissions import objects_with_permission

STATUS_ICONS = {
    InviteStatus.ACTIVE: "🟢",
    InviteStatus.USED: "✅",
    InviteStatus.EXPIRED: "⌛",
    InviteStatus.REVOKED: "🚫",
}
USES_CHOICES = (1, 10, 50)
VALIDITY_DAYS_CHOICES = (1, 7, 30)


def _list_label(i18n: Translator, view: InviteView) -> str:
    return i18n.get(
        "invites-list-item",
        icon=STATUS_ICONS[view.status],
        role=i18n.get(f"invites-role-{view.role}"),
        objects=", ".join(view.object_names),
        uses=view.uses,
        max_uses=view.max_uses,
    )


async def get_invite_list(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    try:
        invites = await list_invites(context.session, actor, context.clock)
    except PermissionDenied:
        return {"refused": True, "allowed": False, "no_invites": False, "invites": []}
    return {
        "refused": False,
        "allowed": True,
        "is_owner": actor.is_owner,
        "invites": [(view.id, _list_label(context.i18n, view)) for view in invites],
        "no_invites": not invites,
    }


async def get_invite_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    objects = await objects_with_permission(context.session, actor, Permission.MANAGE_STAFF)
    return {
        "objects": [(work_object.id, work_object.name) for work_object in objects],
        "has_objects": bool(objects),
        "no_objects": not objects,
        "is_manager_invite": dialog_manager.dialog_data.get("role") == MembershipRole.MANAGER,
    }


async def get_permission_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "permissions": [
            (permission.value, context.i18n.get(f"staff-permission-{permission.value}"))
            for permission in Permission
        ]
    }


async def get_uses_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "uses_choices": [
            (
                count,
                context.i18n.get("invites-uses-single")
                if count == 1
                else context.i18n.get("invites-uses-many", count=count),
            )
            for count in USES_CHOICES
        ]
    }


async def get_validity_choices(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "validity_choices": [
            (days, context.i18n.get("invites-valid-days", days=days))
            for days in VALIDITY_DAYS_CHOICES
        ]
    }


async def get_invite_card(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    view = await describe_invite(
        context.session, actor, context.clock, dialog_manager.dialog_data["invite_id"]
    )
    bot_user = await context.bot.me()
    link = invite_link(bot_user.username or "", view.code)
    zone = await organization_zone(context.session, actor.organization_id)
    return {
        "role": context.i18n.get(f"invites-role-{view.role}"),
        "status": context.i18n.get(f"invites-status-{view.status}"),
        "icon": STATUS_ICONS[view.status],
        "objects": ", ".join(view.object_names),
        "rate": context.i18n.money(view.hourly_rate) if view.hourly_rate is not None else "",
        "has_rate": view.hourly_rate is not None,
        "permissions": ", ".join(
            context.i18n.get(f"staff-permission-{p.value}")
            for p in Permission
            if p.value in view.permissions
        ),
        "is_manager_invite": view.role == MembershipRole.MANAGER,
        "uses": view.uses,
        "max_uses": view.max_uses,
        "expires": context.i18n.moment(view.expires_at.astimezone(zone)),
        "is_active": view.status == InviteStatus.ACTIVE,
        "link": link,
        "share_url": share_link(link, context.i18n.get("invites-share-text")),
    }
