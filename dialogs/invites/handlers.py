from datetime import timedelta
from decimal import Decimal

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.actor import actor_of
from dialogs.common.choices import managed_multiselect, remember_choice
from dialogs.common.context import update_context
from dialogs.invites.states import InvitesSG
from services.orgs.invites import (
    InviteTerms,
    create_invite,
    describe_invite,
    reissue_invite,
    revoke_invite,
)
from services.platform.db.models import MembershipRole, Permission
from services.platform.errors import InvalidInput
from services.staff.memberships import parse_hourly_rate

OBJECTS_WIDGET = "invite_objects"
PERMISSIONS_WIDGET = "invite_permissions"


async def begin_invite(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    role = MembershipRole.MANAGER if button.widget_id == "new_manager" else MembershipRole.EMPLOYEE
    manager.dialog_data.clear()
    manager.dialog_data["role"] = role.value
    await managed_multiselect(manager, OBJECTS_WIDGET).reset_checked()
    permissions = managed_multiselect(manager, PERMISSIONS_WIDGET)
    await permissions.reset_checked()
    await permissions.set_checked(Permission.VIEW.value, True)
    await manager.switch_to(InvitesSG.objects)


async def objects_chosen(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    if not managed_multiselect(manager, OBJECTS_WIDGET).get_checked():
        raise InvalidInput(field="objects", reason="no-objects")
    await manager.switch_to(InvitesSG.rate)


async def _after_rate(manager: DialogManager) -> None:
    if manager.dialog_data["role"] == MembershipRole.MANAGER:
        await manager.switch_to(InvitesSG.permissions)
    else:
        await manager.switch_to(InvitesSG.uses)


async def rate_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    rate = parse_hourly_rate(message.text)
    manager.dialog_data["rate"] = str(rate)
    await _after_rate(manager)


async def without_rate(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["rate"] = None
    await _after_rate(manager)


async def permissions_chosen(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    if not managed_multiselect(manager, PERMISSIONS_WIDGET).get_checked():
        raise InvalidInput(field="permissions", reason="no-permissions")
    await manager.switch_to(InvitesSG.uses)


uses_chosen = remember_choice("max_uses", InvitesSG.expiry)


async def validity_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, days: int
) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    role = MembershipRole(data["role"])
    terms = InviteTerms(
        role=role,
        object_ids=tuple(
            int(i) for i in managed_multiselect(manager, OBJECTS_WIDGET).get_checked()
        ),
        hourly_rate=Decimal(data["rate"]) if data.get("rate") else None,
        permissions=tuple(managed_multiselect(manager, PERMISSIONS_WIDGET).get_checked())
        if role == MembershipRole.MANAGER
        else (),
        max_uses=int(data["max_uses"]),
        valid_for=timedelta(days=days),
    )
    actor = await actor_of(manager)
    invite = await create_invite(context.session, actor, context.clock, terms)
    data["invite_id"] = invite.id
    await manager.switch_to(InvitesSG.card)


async def invite_selected(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, invite_id: int
) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await describe_invite(context.session, actor, context.clock, invite_id)
    manager.dialog_data["invite_id"] = invite_id
    await manager.switch_to(InvitesSG.card)


async def revoke(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    await revoke_invite(context.session, actor, context.clock, manager.dialog_data["invite_id"])


async def reissue(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    invite = await reissue_invite(
        context.session, actor, context.clock, manager.dialog_data["invite_id"]
    )
    manager.dialog_data["invite_id"] = invite.id
