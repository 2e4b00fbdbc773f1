import html
from typing import Any

from aiogram_dialog import DialogManager

from dialogs.common.context import update_context
from services.attendance.rules import TodayState
from services.attendance.today import TodayRow, today_board, today_row
from services.payroll.rules import hours_of
from services.planning.settings import planning_settings
from services.platform.i18n import Translator
from services.staff.memberships import organization_of

STATE_ICONS = {
    TodayState.NOT_STARTED: "⚪",
    TodayState.NOT_IN_YET: "🟡",
    TodayState.ON_SHIFT: "🟢",
    TodayState.FINISHED: "✅",
    TodayState.NO_SHOW: "🔴",
}


def _hours(i18n: Translator, row: TodayRow) -> str:
    start = i18n.hour_minute(row.start)
    return f"{start}–{i18n.hour_minute(row.end)}" if row.end else start


def row_line(i18n: Translator, row: TodayRow) -> str:
    """One line of the board: icon, employee, planned hours and what is going on (plain
    text: the caller escapes it for HTML)."""
    key = "today-state-absent" if row.absence_reason else f"today-state-{row.state.value}"
    return i18n.get(
        key,
        icon=STATE_ICONS[row.state],
        employee=row.employee_name,
        hours=_hours(i18n, row),
        opened=i18n.hour_minute(row.opened) if row.opened else "",
        late_minutes=row.late_minutes,
        worked=i18n.number(hours_of(row.worked_minutes or 0)),
        reason=row.absence_reason,
    )


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
            label = f"{STATE_ICONS[row.state]} {row.employee_name} · {_hours(context.i18n, row)}"
            buttons.append((row.key, f"{label} · {object_today.name}" if many else label))
    return {
        "has_objects": bool(board),
        "no_objects": not board,
        "blocks": "\n\n".join(blocks),
        "rows": buttons,
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
        "message_url": f"tg://user?id={row.employee_telegram_id}",
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
