import html
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from dialogs.common.mini_app import mini_app_link
from services.attendance.rules import TodayState
from services.attendance.today import today_board, today_row
from services.attendance.today_text import STATE_ICONS, message_url, row_hours, row_line
from services.planning.settings import planning_settings
from services.staff.memberships import organization_of


async def get_board(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    board = await today_board(context.session, context.clock, context.user)
    blocks, buttons = [], []
    for object_today in board:
        lines = [html.escape(row_line(context.i18n, row), quote=False) for row in object_today.rows]
        empty = context.i18n.get("today-object-empty")
        title = f"<b>{html.escape(object_today.name, quote=False)}</b>"
        blocks.append(title + "\n" + ("\n".join(lines) if lines else empty))
        many = len(board) > 1
        for row in object_today.rows:
            label = f"{STATE_ICONS[row.state]} {row.employee_name} · {row_hours(context.i18n, row)}"
            buttons.append((row.key, f"{label} · {object_today.name}" if many else label))
    return {
        "has_objects": bool(board),
        "no_objects": not board,
        "blocks": "\n\n".join(blocks),
        "rows": buttons,
        "today_url": mini_app_link(dialog_manager, "today"),
    }


async def get_row(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    found = await today_row(
        context.session, context.clock, context.user, dialog_manager.dialog_data["row"]
    )
    if found is None:
        return {"gone": True, "present": False, "line": "", "object": "", "employee": ""}
    object_today, row = found
    planned = row.planned_shift_id is not None
    organization = await organization_of(context.session, object_today.organization_id)
    fine = (await planning_settings(context.session, organization.id)).cancellation_fine
    return {
        "gone": False,
        "present": True,
        "object": object_today.name,
        "employee": row.employee_name,
        "line": row_line(context.i18n, row),
        "message_url": message_url(row),
        "can_mark_absent": planned
        and row.state in (TodayState.NOT_STARTED, TodayState.NOT_IN_YET)
        and not row.absence_reason,
        "can_open": planned
        and row.state in (TodayState.NOT_IN_YET, TodayState.NO_SHOW)
        and row.end is not None
        and context.clock.now() < row.end,
        "can_close": row.state == TodayState.ON_SHIFT,
        "can_offer": planned and row.state == TodayState.NOT_STARTED,
        "fine": context.i18n.money(fine, organization.currency),
        "has_fine": fine > 0,
    }
