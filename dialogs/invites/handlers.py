from datetime import timedelta
from decimal import Decimal

from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
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
    invite_link,
    reissue_invite,
    revoke_invite,
)
from services.platform.db.models import MembershipRole, Permission
from services.platform.errors import InvalidInput
from services.platform.qr import qr_png
from services.staff.memberships import parse_hourly_rate
from services.staff.permissions import objects_with_permission

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


# A quick invite is for a counter: anyone may join with it for a month.
QUICK_INVITE_USES = 50
QUICK_INVITE_DAYS = 30


async def begin_quick_invite(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    """An employee invite in one tap: to the only object the user may invite to, else
    to the object picked next; no rate, many uses, a month; link and QR at once."""
    context = update_context(manager)
    actor = await actor_of(manager)
    objects = await objects_with_permission(context.session, actor, Permission.MANAGE_STAFF)
    if len(objects) == 1:
        await _create_quick_invite(callback, manager, objects[0].id)
    else:
        await manager.switch_to(InvitesSG.quick_object)


async def quick_object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    await _create_quick_invite(callback, manager, int(object_id))


async def _create_quick_invite(
    callback: CallbackQuery, manager: DialogManager, object_id: int
) -> None:
    context = update_context(manager)
    terms = InviteTerms(
        role=MembershipRole.EMPLOYEE,
        object_ids=(object_id,),
        max_uses=QUICK_INVITE_USES,
        valid_for=timedelta(days=QUICK_INVITE_DAYS),
    )
    invite = await create_invite(context.session, await actor_of(manager), context.clock, terms)
    manager.dialog_data["invite_id"] = invite.id
    await _send_qr_of(callback, manager, invite.code)
    await manager.switch_to(InvitesSG.card, show_mode=ShowMode.SEND)


async def send_qr(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    view = await describe_invite(
        context.session, await actor_of(manager), context.clock, manager.dialog_data["invite_id"]
    )
    await _send_qr_of(callback, manager, view.code)
    manager.show_mode = ShowMode.SEND


async def _send_qr_of(callback: CallbackQuery, manager: DialogManager, code: str) -> None:
    """The invite's QR as a photo, its link in the caption: print it, or forward it."""
    context = update_context(manager)
    link = invite_link((await context.bot.me()).username or "", code)
    await context.bot.send_photo(
        callback.from_user.id,
        BufferedInputFile(qr_png(link), filename="invite.png"),
        caption=context.i18n.get("invites-qr-caption", link=link),
    )
