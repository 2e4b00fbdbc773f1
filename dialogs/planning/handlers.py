"""Planning actions: parse the tap or the text, call one use case, say what happened."""

from datetime import date, time
from typing import Any

from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, ManagedCalendar, Select

from dialogs.common.choices import remember_choice, remember_day
from dialogs.common.context import update_context
from dialogs.common.errors import error_text
from dialogs.common.media import album_items, send_album
from dialogs.planning.getters import CANCELLATION_KEY, current_approval
from dialogs.planning.states import PlanningSG
from dialogs.planning.widgets import set_notice
from dialogs.task_templates.states import TaskTemplatesSG
from services.availability.rules import VerdictKind
from services.availability.texts import verdict_reason
from services.exchange.approvals import decide_exchange
from services.exchange.views import ExchangeKind
from services.payroll.rules import hours_of
from services.planning.bookings import assign_employee, move_planned_shift, unassign
from services.planning.cancellations import (
    add_cancellation_reason,
    archive_cancellation_reason,
    decide_cancellation,
)
from services.planning.errors import BreaksWorkRule
from services.planning.queries import assignable_employees, slot_details
from services.planning.quick import set_slot_rate
from services.planning.settings import set_cancellation_fine, set_weekly_hours_cap
from services.planning.slots import copy_day, create_slot, delete_slot
from services.planning.templates import (
    add_template_item,
    apply_template,
    create_template,
    remove_template_item,
)
from services.platform.i18n import fluent_args
from services.rates.forecast import planned_week_overtime
from services.staff.users import active_memberships, current_membership


async def on_start(start_data: Any, manager: DialogManager) -> None:
    context = update_context(manager)
    current = current_membership(
        await active_memberships(context.session, context.user.id),
        context.user.active_organization_id,
    )
    manager.dialog_data["organization_id"] = current.organization_id if current else 0


choose_object = remember_choice("object_id", PlanningSG.work_object)


# A slot or a template shift, step by step ------------------------------------------
async def new_slot(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    manager.dialog_data["purpose"] = "slot"
    await manager.switch_to(PlanningSG.slot_date)


async def slot_date_chosen(
    callback: CallbackQuery, widget: ManagedCalendar, manager: DialogManager, chosen: date
) -> None:
    manager.dialog_data["slot_date"] = chosen.isoformat()
    _clear_picker(manager)
    manager.dialog_data.pop("start", None)
    await manager.switch_to(PlanningSG.start_time)


def _clear_picker(manager: DialogManager) -> None:
    manager.dialog_data.pop("hour", None)
    manager.dialog_data.pop("minute", None)


async def _time_part_chosen(manager: DialogManager, part: str, value: int) -> None:
    """A tap on an hour or a minute; once both are there the time is taken."""
    manager.dialog_data[part] = int(value)
    hour, minute = manager.dialog_data.get("hour"), manager.dialog_data.get("minute")
    if hour is None or minute is None:
        return
    chosen = time(hour, minute).isoformat(timespec="minutes")
    _clear_picker(manager)
    if manager.current_context().state == PlanningSG.start_time:
        manager.dialog_data["start"] = chosen
        await manager.switch_to(PlanningSG.end_time)
    else:
        manager.dialog_data["end"] = chosen
        await manager.switch_to(PlanningSG.places)


async def hour_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, hour: int
) -> None:
    await _time_part_chosen(manager, "hour", hour)


async def minute_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, minute: int
) -> None:
    await _time_part_chosen(manager, "minute", minute)


async def places_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, places: int
) -> None:
    context = update_context(manager)
    data = manager.dialog_data
    start, end = time.fromisoformat(data["start"]), time.fromisoformat(data["end"])
    if data["purpose"] == "slot":
        slot = await create_slot(
            context.session,
            context.clock,
            user_id=context.user.id,
            object_id=data["object_id"],
            local_date=date.fromisoformat(data["slot_date"]),
            start_time=start,
            end_time=end,
            max_employees=int(places),
        )
        data["created_places"] = slot.max_employees
        data["day"] = data["slot_date"]
        data["slot_id"] = slot.id
        await manager.switch_to(PlanningSG.slot_created)
        return
    await add_template_item(
        context.session,
        user_id=context.user.id,
        template_id=data["template_id"],
        weekday=data["weekday"],
        start_time=start,
        end_time=end,
        max_employees=int(places),
    )
    set_notice(manager, "planning-item-added")
    await manager.switch_to(PlanningSG.template)


# The schedule of a day ----------------------------------------------------------------
day_chosen = remember_day("day", PlanningSG.day)


async def copy_target_chosen(
    callback: CallbackQuery, widget: ManagedCalendar, manager: DialogManager, target: date
) -> None:
    context = update_context(manager)
    result = await copy_day(
        context.session,
        context.clock,
        user_id=context.user.id,
        object_id=manager.dialog_data["object_id"],
        source_date=date.fromisoformat(manager.dialog_data["day"]),
        target_date=target,
    )
    manager.dialog_data["day"] = target.isoformat()
    set_notice(manager, "planning-copied", created=result.created, skipped=result.skipped)
    await manager.switch_to(PlanningSG.day)


slot_chosen = remember_choice("slot_id", PlanningSG.slot)


async def open_slot_tasks(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """The slot's own tasks, in the task templates dialog."""
    await manager.start(TaskTemplatesSG.templates, data={"slot_id": manager.dialog_data["slot_id"]})


async def employee_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, membership_id: int
) -> None:
    """Assign at once, unless the employee is not available then or it would break a rule
    of work: the planner is warned and may go on with a reason."""
    context = update_context(manager)
    candidates = await assignable_employees(
        context.session, user_id=context.user.id, slot_id=manager.dialog_data["slot_id"]
    )
    chosen = next((c for c in candidates if c.membership_id == int(membership_id)), None)
    if chosen is not None and chosen.verdict.kind is VerdictKind.UNAVAILABLE:
        manager.dialog_data["assign_id"] = chosen.membership_id
        manager.dialog_data["assign_name"] = chosen.name
        manager.dialog_data["assign_why"] = verdict_reason(context.i18n, chosen.verdict)
        await manager.switch_to(PlanningSG.assign_reason)
        return
    try:
        await _assign(manager, int(membership_id), "")
    except BreaksWorkRule as breach:  # the planner may still assign, giving a reason
        manager.dialog_data["assign_id"] = int(membership_id)
        manager.dialog_data["assign_name"] = chosen.name if chosen is not None else ""
        manager.dialog_data["assign_why"] = error_text(context.i18n, breach).rstrip(".")
        await manager.switch_to(PlanningSG.assign_reason)


async def assign_reason_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _assign(manager, manager.dialog_data["assign_id"], message.text or "", ShowMode.SEND)


async def _assign(
    manager: DialogManager,
    membership_id: int,
    reason: str,
    show_mode: ShowMode = ShowMode.AUTO,
) -> None:
    context = update_context(manager)
    planned_shift = await assign_employee(
        context.session,
        context.clock,
        user_id=context.user.id,
        slot_id=manager.dialog_data["slot_id"],
        membership_id=membership_id,
        availability_reason=reason,
    )
    view = await slot_details(
        context.session, user_id=context.user.id, slot_id=planned_shift.slot_id
    )
    name = next(p.name for p in view.people if p.planned_shift_id == planned_shift.id)
    overtime = await planned_week_overtime(context.session, planned_shift)
    if overtime:
        set_notice(manager, "rates-planned-overtime", name=name, hours=hours_of(overtime))
    else:
        set_notice(manager, "planning-assigned", name=name)
    await manager.switch_to(PlanningSG.slot, show_mode=show_mode)


async def _choose_person(
    manager: DialogManager, planned_shift_id: int, action: str, next_state: State
) -> None:
    """Remember whom `action` is for (`<action>_id`, `<action>_name`) and go on; back to the
    slot if they are no longer on it."""
    context = update_context(manager)
    view = await slot_details(
        context.session, user_id=context.user.id, slot_id=manager.dialog_data["slot_id"]
    )
    person = next((p for p in view.people if p.planned_shift_id == int(planned_shift_id)), None)
    if person is None:
        await manager.switch_to(PlanningSG.slot)
        return
    manager.dialog_data[f"{action}_id"] = person.planned_shift_id
    manager.dialog_data[f"{action}_name"] = person.name
    await manager.switch_to(next_state)


async def unassign_person_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, planned_shift_id: int
) -> None:
    await _choose_person(manager, planned_shift_id, "unassign", PlanningSG.unassign_comment)


async def unassign_comment_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    context = update_context(manager)
    await unassign(
        context.session,
        context.clock,
        user_id=context.user.id,
        planned_shift_id=manager.dialog_data["unassign_id"],
        comment=message.text or "",
    )
    set_notice(manager, "planning-unassigned", name=manager.dialog_data["unassign_name"])
    await manager.switch_to(PlanningSG.slot, show_mode=ShowMode.SEND)


async def move_person_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, planned_shift_id: int
) -> None:
    await _choose_person(manager, planned_shift_id, "move", PlanningSG.move_day)


move_day_chosen = remember_day("move_day", PlanningSG.move_target)


async def move_target_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, slot_id: int
) -> None:
    context = update_context(manager)
    await move_planned_shift(
        context.session,
        context.clock,
        user_id=context.user.id,
        planned_shift_id=manager.dialog_data["move_id"],
        slot_id=int(slot_id),
    )
    set_notice(manager, "planning-moved", name=manager.dialog_data["move_name"])
    await manager.switch_to(PlanningSG.slot)


async def delete_confirmed(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await delete_slot(
        context.session,
        context.clock,
        user_id=context.user.id,
        slot_id=manager.dialog_data["slot_id"],
    )
    set_notice(manager, "planning-slot-deleted")
    await manager.switch_to(PlanningSG.day)


# Weekly templates ---------------------------------------------------------------------
template_chosen = remember_choice("template_id", PlanningSG.template)


async def template_title_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    context = update_context(manager)
    template = await create_template(
        context.session,
        user_id=context.user.id,
        object_id=manager.dialog_data["object_id"],
        title=message.text or "",
    )
    manager.dialog_data["template_id"] = template.id
    await manager.switch_to(PlanningSG.template, show_mode=ShowMode.SEND)


async def add_template_shift(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    manager.dialog_data["purpose"] = "template"
    manager.dialog_data.pop("slot_date", None)
    await manager.switch_to(PlanningSG.template_weekday)


async def template_item_removed(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, item_id: int
) -> None:
    context = update_context(manager)
    await remove_template_item(context.session, user_id=context.user.id, item_id=int(item_id))
    set_notice(manager, "planning-item-removed")


async def weekday_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, weekday: int
) -> None:
    manager.dialog_data["weekday"] = int(weekday)
    manager.dialog_data.pop("start", None)
    _clear_picker(manager)
    await manager.switch_to(PlanningSG.start_time)


apply_from_chosen = remember_day("apply_from", PlanningSG.apply_to)


async def apply_to_chosen(
    callback: CallbackQuery, widget: ManagedCalendar, manager: DialogManager, chosen: date
) -> None:
    context = update_context(manager)
    result = await apply_template(
        context.session,
        context.clock,
        user_id=context.user.id,
        template_id=manager.dialog_data["template_id"],
        date_from=date.fromisoformat(manager.dialog_data["apply_from"]),
        date_to=chosen,
    )
    set_notice(manager, "planning-applied", created=result.created, skipped=result.skipped)
    await manager.switch_to(PlanningSG.template)


# Cancellation reasons and the fine ------------------------------------------------------
async def reason_title_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    manager.dialog_data["reason_title"] = " ".join((message.text or "").split())
    await manager.switch_to(PlanningSG.reason_document, show_mode=ShowMode.SEND)


async def _add_reason(callback: CallbackQuery, manager: DialogManager, needs_document: bool):
    context = update_context(manager)
    await add_cancellation_reason(
        context.session,
        user_id=context.user.id,
        organization_id=manager.dialog_data["organization_id"],
        title=manager.dialog_data["reason_title"],
        needs_document=needs_document,
    )
    set_notice(manager, "planning-reason-added")
    await manager.switch_to(PlanningSG.reasons)


async def reason_with_document(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await _add_reason(callback, manager, needs_document=True)


async def reason_without_document(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await _add_reason(callback, manager, needs_document=False)


async def reason_removed(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, reason_id: int
) -> None:
    context = update_context(manager)
    await archive_cancellation_reason(
        context.session, user_id=context.user.id, reason_id=int(reason_id)
    )
    set_notice(manager, "planning-reason-removed")


async def fine_entered(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    settings = await set_cancellation_fine(
        context.session,
        user_id=context.user.id,
        organization_id=manager.dialog_data["organization_id"],
        amount=message.text or "",
    )
    set_notice(manager, "planning-fine-saved", fine=context.i18n.money(settings.cancellation_fine))
    await manager.switch_to(PlanningSG.reasons, show_mode=ShowMode.SEND)


async def weekly_cap_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    context = update_context(manager)
    settings = await set_weekly_hours_cap(
        context.session,
        user_id=context.user.id,
        organization_id=manager.dialog_data["organization_id"],
        hours=message.text or "",
    )
    set_notice(manager, "planning-weekly-cap-saved", weekly_cap=settings.weekly_hours_cap or 0)
    await manager.switch_to(PlanningSG.reasons, show_mode=ShowMode.SEND)


# Approvals ------------------------------------------------------------------------------
async def approval_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, item_id: str
) -> None:
    kind, _, raw_id = item_id.partition(":")
    if kind == CANCELLATION_KEY:
        manager.dialog_data["approval_id"] = int(raw_id)
        await manager.switch_to(PlanningSG.approval)
        return
    manager.dialog_data["exchange_key"] = item_id
    await manager.switch_to(PlanningSG.exchange_approval)


async def show_documents(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Send the document photos into the chat as one album, above the window."""
    approval = await current_approval(manager)
    if approval is None or not approval.documents:
        return
    context = update_context(manager)
    caption = context.i18n.get(
        "planning-documents-caption", **fluent_args({"name": approval.employee_name})
    )
    await send_album(
        context.bot, context.user.telegram_id, album_items(approval.documents), caption
    )
    manager.show_mode = ShowMode.SEND


async def _decide(callback: CallbackQuery, manager: DialogManager, approve: bool) -> None:
    context = update_context(manager)
    await decide_cancellation(
        context.session,
        context.clock,
        user_id=context.user.id,
        cancellation_id=manager.dialog_data["approval_id"],
        approve=approve,
    )
    set_notice(manager, "planning-approved" if approve else "planning-refused")
    await manager.switch_to(PlanningSG.approvals)


async def approve(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _decide(callback, manager, approve=True)


async def refuse(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _decide(callback, manager, approve=False)


async def _decide_exchange(
    event: CallbackQuery | Message, manager: DialogManager, approve: bool, comment: str = ""
) -> None:
    context = update_context(manager)
    kind, _, raw_id = manager.dialog_data["exchange_key"].partition(":")
    await decide_exchange(
        context.session,
        context.clock,
        user_id=context.user.id,
        kind=ExchangeKind(kind),
        exchange_id=int(raw_id),
        approve=approve,
        comment=comment,
    )
    set_notice(manager, "planning-exchange-approved" if approve else "planning-exchange-refused")
    show_mode = ShowMode.SEND if isinstance(event, Message) else None
    await manager.switch_to(PlanningSG.approvals, show_mode=show_mode)


async def approve_exchange(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _decide_exchange(callback, manager, approve=True)


async def refuse_exchange_silently(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await _decide_exchange(callback, manager, approve=False)


async def refusal_comment_entered(
    message: Message, widget: MessageInput, manager: DialogManager
) -> None:
    await _decide_exchange(message, manager, approve=False, comment=message.text or "")


async def slot_rate_typed(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    context = update_context(manager)
    slot = await set_slot_rate(
        context.session,
        user_id=context.user.id,
        slot_id=manager.dialog_data["slot_id"],
        rate=message.text or "",
    )
    if slot.rate_override is None:
        set_notice(manager, "quick-rate-cleared")
    else:
        set_notice(manager, "quick-rate-set", rate=context.i18n.money(slot.rate_override))
    await manager.switch_to(PlanningSG.slot)
