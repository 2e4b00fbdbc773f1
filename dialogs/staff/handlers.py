from datetime import date
from decimal import Decimal

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.common.actor import actor_of
from dialogs.common.choices import managed_multiselect
from dialogs.common.context import update_context
from dialogs.contracts.states import ContractsSG
from dialogs.documents.states import DocumentReviewSG
from dialogs.planning.widgets import set_notice
from dialogs.staff.getters import shown_role
from dialogs.staff.states import StaffSG
from services.planning.dismissals import ShiftRelease, dismiss
from services.platform.db.models import MembershipRole, PayType
from services.platform.validation import parse_money
from services.staff.contract_limits import LIMITS, set_contract_limit
from services.staff.memberships import (
    PayAmounts,
    change_objects,
    change_pay_type,
    change_rate,
    clean_search,
    manager_object_permissions,
    organization_today,
    parse_hourly_rate,
    parse_local_date,
    set_manager_permissions,
    staff_card,
)

OBJECTS_WIDGET = "member_objects"
PERMISSIONS_WIDGET = "manager_permissions"
RELEASE = "release"


# The list ------------------------------------------------------------------------------


async def search_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    manager.dialog_data["search"] = clean_search(message.text)


async def reset_search(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data.pop("search", None)


async def switch_role(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    showing = shown_role(manager)
    other = (
        MembershipRole.MANAGER if showing == MembershipRole.EMPLOYEE else MembershipRole.EMPLOYEE
    )
    manager.dialog_data["role"] = other.value
    manager.dialog_data.pop("search", None)


async def member_selected(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, membership_id: int
) -> None:
    context = update_context(manager)
    await staff_card(context.session, await actor_of(manager), context.clock, membership_id)
    manager.dialog_data["membership_id"] = membership_id
    await manager.switch_to(StaffSG.card)


# Rate ----------------------------------------------------------------------------------


async def rate_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    rate = parse_hourly_rate(message.text)
    manager.dialog_data["new_rate"] = str(rate)
    await manager.switch_to(StaffSG.rate_date)


async def without_rate(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["new_rate"] = None
    await manager.switch_to(StaffSG.rate_date)


async def _apply_rate(manager: DialogManager, effective_from: date | None) -> None:
    context = update_context(manager)
    actor = await actor_of(manager)
    if effective_from is None:
        effective_from = await organization_today(
            context.session, context.clock, actor.organization_id
        )
    raw_rate = manager.dialog_data.get("new_rate")
    await change_rate(
        context.session,
        actor,
        context.clock,
        manager.dialog_data["membership_id"],
        hourly_rate=Decimal(raw_rate) if raw_rate else None,
        effective_from=effective_from,
    )
    await manager.switch_to(StaffSG.card)


async def rate_from_today(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _apply_rate(manager, None)


async def rate_date_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _apply_rate(manager, parse_local_date(message.text))


async def open_contracts(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(
        ContractsSG.list, data={"membership_id": manager.dialog_data["membership_id"]}
    )


async def open_documents(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(
        DocumentReviewSG.list, data={"membership_id": manager.dialog_data["membership_id"]}
    )


# Objects -------------------------------------------------------------------------------


async def edit_objects(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    card = await staff_card(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["membership_id"],
    )
    objects = managed_multiselect(manager, OBJECTS_WIDGET)
    await objects.reset_checked()
    for item in card.objects:
        await objects.set_checked(str(item.object_id), True)
    await manager.switch_to(StaffSG.objects)


async def save_objects(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    chosen = [int(i) for i in managed_multiselect(manager, OBJECTS_WIDGET).get_checked()]
    await change_objects(
        context.session,
        await actor_of(manager),
        manager.dialog_data["membership_id"],
        chosen,
    )
    await manager.switch_to(StaffSG.card)


# Dismissal -----------------------------------------------------------------------------


async def _choose_release(manager: DialogManager, release: ShiftRelease) -> None:
    manager.dialog_data[RELEASE] = release.value
    await manager.switch_to(StaffSG.dismiss)


async def release_as_open_places(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await _choose_release(manager, ShiftRelease.OPEN_PLACES)


async def cancel_shifts(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _choose_release(manager, ShiftRelease.CANCEL)


async def _dismiss_on(manager: DialogManager, on_date: date | None) -> None:
    """Dismiss on the date; the planned shifts ahead go as chosen before (open places
    when there were none to choose about)."""
    context = update_context(manager)
    actor = await actor_of(manager)
    if on_date is None:
        on_date = await organization_today(context.session, context.clock, actor.organization_id)
    release = ShiftRelease(manager.dialog_data.get(RELEASE, ShiftRelease.OPEN_PLACES))
    released = await dismiss(
        context.session,
        actor,
        context.clock,
        manager.dialog_data["membership_id"],
        on_date=on_date,
        release=release,
    )
    if released:
        set_notice(manager, f"staff-released-{release.value}", count=released)
    await manager.switch_to(StaffSG.card)


async def dismiss_today(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _dismiss_on(manager, None)


async def dismiss_date_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _dismiss_on(manager, parse_local_date(message.text))


# Manager permissions ---------------------------------------------------------------------


async def manager_object_selected(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    context = update_context(manager)
    objects = await manager_object_permissions(
        context.session, await actor_of(manager), manager.dialog_data["membership_id"]
    )
    chosen = next((item for item in objects if item.object_id == object_id), None)
    if chosen is None:
        return
    manager.dialog_data["object_id"] = object_id
    manager.dialog_data["object_name"] = chosen.name
    permissions = managed_multiselect(manager, PERMISSIONS_WIDGET)
    await permissions.reset_checked()
    for permission in chosen.permissions:
        await permissions.set_checked(permission, True)
    await manager.switch_to(StaffSG.manager_permissions)


async def save_permissions(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await set_manager_permissions(
        context.session,
        await actor_of(manager),
        manager.dialog_data["membership_id"],
        manager.dialog_data["object_id"],
        managed_multiselect(manager, PERMISSIONS_WIDGET).get_checked(),
    )
    await manager.switch_to(StaffSG.manager_objects)


async def open_manager_objects(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    context = update_context(manager)
    await manager_object_permissions(
        context.session, await actor_of(manager), manager.dialog_data["membership_id"]
    )
    await manager.switch_to(StaffSG.manager_objects)


# Pay type ------------------------------------------------------------------------------
async def _apply_pay_type(manager: DialogManager, pay_type: PayType, amounts: PayAmounts) -> None:
    context = update_context(manager)
    await change_pay_type(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["membership_id"],
        pay_type=pay_type,
        amounts=amounts,
    )
    set_notice(manager, "staff-pay-type-changed")
    await manager.switch_to(StaffSG.card)


async def pay_hourly(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _apply_pay_type(manager, PayType.HOURLY, PayAmounts())


async def salary_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    salary = parse_money(message.text, field="salary")
    await _apply_pay_type(manager, PayType.SALARY, PayAmounts(monthly_salary=salary))


async def shift_bonus_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    manager.dialog_data["shift_bonus"] = str(parse_money(message.text, field="bonus"))
    await manager.switch_to(StaffSG.pay_period_bonus)


async def no_shift_bonus(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["shift_bonus"] = None
    await manager.switch_to(StaffSG.pay_period_bonus)


async def _apply_bonuses(manager: DialogManager, period_bonus: Decimal | None) -> None:
    shift_bonus = manager.dialog_data.get("shift_bonus")
    amounts = PayAmounts(
        shift_bonus=Decimal(shift_bonus) if shift_bonus else None, period_bonus=period_bonus
    )
    await _apply_pay_type(manager, PayType.HOURLY_BONUS, amounts)


async def period_bonus_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _apply_bonuses(manager, parse_money(message.text, field="bonus"))


async def no_period_bonus(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _apply_bonuses(manager, None)


# A contract's own limits ------------------------------------------------------------------


async def limit_selected(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, name: str
) -> None:
    if name in LIMITS:
        manager.dialog_data["limit"] = name
        await manager.switch_to(StaffSG.limit_value)


async def _apply_limit(manager: DialogManager, value: str | None) -> None:
    context = update_context(manager)
    await set_contract_limit(
        context.session,
        await actor_of(manager),
        context.clock,
        manager.dialog_data["membership_id"],
        name=manager.dialog_data["limit"],
        value=value,
    )
    set_notice(manager, "staff-limit-saved")
    await manager.switch_to(StaffSG.limits)


async def limit_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    await _apply_limit(manager, message.text or "")


async def limit_default(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _apply_limit(manager, None)
