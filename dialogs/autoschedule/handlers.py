"""Fill-the-week actions: take the tap, call one use case, remember what to show."""

from datetime import date
from typing import Any

from aiogram.types import CallbackQuery, Message
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Button, Select

from dialogs.autoschedule.getters import chosen_objects, chosen_week
from dialogs.autoschedule.states import AutoScheduleSG
from dialogs.common.context import update_context
from services.planning.work_rules import week_of
from services.platform.db.models import Organization
from services.scheduling.drafts import change_draft, drop_draft, fill_week, publish_week
from services.scheduling.explain import empty_place_text
from services.scheduling.sales import (
    parse_sales_rows,
    record_sales,
    sales_rows_of_file,
    sales_rows_of_text,
    set_target_labor_percent,
)
from services.scheduling.settings import set_scheduling_limit, set_travel_minutes
from services.staff.users import active_memberships, current_membership

# The summary is one chat message (at most 4096 characters).
EMPTY_PLACES_SHOWN = 5


async def on_start(start_data: Any, manager: DialogManager) -> None:
    context = update_context(manager)
    current = current_membership(
        await active_memberships(context.session, context.user.id),
        context.user.active_organization_id,
    )
    organization = (
        await context.session.get(Organization, current.organization_id) if current else None
    )
    manager.dialog_data["organization_id"] = organization.id if organization else 0
    manager.dialog_data["timezone"] = organization.timezone if organization else "UTC"


async def object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    manager.dialog_data["object_id"] = object_id
    await manager.switch_to(AutoScheduleSG.week)


async def whole_organization(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    manager.dialog_data["object_id"] = None
    await manager.switch_to(AutoScheduleSG.week)


async def week_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, monday: str
) -> None:
    manager.dialog_data["week"] = monday
    await _fill(manager)


async def fill_again(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await _fill(manager)


async def _fill(manager: DialogManager) -> None:
    context = update_context(manager)
    result = await fill_week(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=manager.dialog_data["organization_id"],
        week=week_of(date.fromisoformat(manager.dialog_data["week"])),
        object_id=chosen_objects(manager),
        time_limit_s=context.settings.autoschedule_time_limit_s,
    )
    solution = result.solution
    manager.dialog_data.update(
        object_ids=result.object_ids,
        solve_s=f"{solution.solve_seconds:.1f}",
        limit_s=f"{result.time_limit_s:g}",
        proven=solution.fill_proven_best,
        empty_lines=[
            empty_place_text(context.i18n, empty, result.object_names)
            for empty in result.empty[:EMPTY_PLACES_SHOWN]
        ]
        + (
            [context.i18n("autoschedule-more", count=len(result.empty) - EMPTY_PLACES_SHOWN)]
            if len(result.empty) > EMPTY_PLACES_SHOWN
            else []
        ),
    )
    await manager.switch_to(AutoScheduleSG.summary)


async def draft_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, draft_id: int
) -> None:
    manager.dialog_data["draft_id"] = draft_id
    await manager.switch_to(AutoScheduleSG.draft)


async def draft_dropped(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    await drop_draft(
        context.session, user_id=context.user.id, draft_id=manager.dialog_data["draft_id"]
    )
    await manager.switch_to(AutoScheduleSG.review)


async def draft_changed(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, new_user_id: int
) -> None:
    context = update_context(manager)
    await change_draft(
        context.session,
        context.clock,
        user_id=context.user.id,
        draft_id=manager.dialog_data["draft_id"],
        new_user_id=new_user_id,
    )
    await manager.switch_to(AutoScheduleSG.review)


async def publish(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    result = await publish_week(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=manager.dialog_data["organization_id"],
        week=chosen_week(manager),
        object_id=chosen_objects(manager),
    )
    manager.dialog_data.update(
        published=result.published, skipped=result.skipped, people=result.people
    )
    await manager.switch_to(AutoScheduleSG.published)


async def sales_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """ "25%" sets the target labor %; lines of text or a CSV/Excel file record sales."""
    context = update_context(manager)
    organization_id = manager.dialog_data["organization_id"]
    text = (message.text or "").strip()
    if text.endswith("%"):
        await set_target_labor_percent(
            context.session, user_id=context.user.id, organization_id=organization_id, percent=text
        )
        return
    if message.document is not None:
        content = await context.bot.download(message.document.file_id)
        assert content is not None
        rows = sales_rows_of_file(message.document.file_name or "", content.read())
    else:
        rows = sales_rows_of_text(text)
    await record_sales(
        context.session,
        context.clock,
        user_id=context.user.id,
        organization_id=organization_id,
        lines=parse_sales_rows(rows),
    )


async def rule_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, rule: str
) -> None:
    manager.dialog_data["rule"] = rule
    await manager.switch_to(AutoScheduleSG.rule_value)


async def rule_value_sent(message: Message, widget: MessageInput, manager: DialogManager) -> None:
    """A limit ("limit:<name>") for the organization or a travel time ("travel:<id>")."""
    context = update_context(manager)
    kind, target = manager.dialog_data["rule"].split(":", 1)
    if kind == "travel":
        await set_travel_minutes(
            context.session,
            user_id=context.user.id,
            object_id=int(target),
            value=message.text or "",
        )
    else:
        await set_scheduling_limit(
            context.session,
            user_id=context.user.id,
            organization_id=manager.dialog_data["organization_id"],
            name=target,
            value=message.text or "",
        )
    await manager.switch_to(AutoScheduleSG.rules)
