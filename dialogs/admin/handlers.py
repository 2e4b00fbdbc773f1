import uuid

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.admin.getters import require_admin
from dialogs.admin.states import AdminSG
from dialogs.common.choices import remember_choice
from dialogs.common.context import update_context
from services.orgs.admin import TariffField, broadcast_to_owners, find_organizations, update_tariff


async def lookup_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    require_admin(manager)
    found = await find_organizations(context.session, message.text or "")
    if not found:
        await message.answer(context.i18n.get("admin-lookup-none"))
        return
    if len(found) == 1:
        manager.dialog_data["organization_id"] = found[0].id
        await manager.switch_to(AdminSG.card)
        return
    manager.dialog_data["found"] = [(organization.id, organization.name) for organization in found]
    await manager.switch_to(AdminSG.results)


organization_chosen = remember_choice("organization_id", AdminSG.card)


tariff_chosen = remember_choice("tariff_code", AdminSG.tariff)


async def field_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, field: str
) -> None:
    manager.dialog_data["field"] = TariffField(field).value
    await manager.switch_to(AdminSG.tariff_edit)


async def tariff_value_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    require_admin(manager)
    await update_tariff(
        update_context(manager).session,
        manager.dialog_data["tariff_code"],
        TariffField(manager.dialog_data["field"]),
        message.text or "",
    )
    await manager.switch_to(AdminSG.tariff)


async def broadcast_text_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    text = (message.text or "").strip()
    if not text:
        return
    # One id per composed message: pressing "send" twice still notifies each owner once.
    manager.dialog_data.update(broadcast_text=text, broadcast_id=uuid.uuid4().hex)
    await manager.switch_to(AdminSG.broadcast_confirm)


async def broadcast_confirmed(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    require_admin(manager)
    sent = await broadcast_to_owners(
        context.session,
        context.clock,
        broadcast_id=manager.dialog_data["broadcast_id"],
        text=manager.dialog_data["broadcast_text"],
    )
    manager.dialog_data["broadcast_sent"] = sent
    await manager.switch_to(AdminSG.broadcast_done)
