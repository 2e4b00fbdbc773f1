"""How a row of the "Today" board reads, the same in the bot and in the Mini App."""

from services.attendance.rules import TodayState
from services.attendance.today import TodayRow
from services.payroll.rules import hours_of
from services.platform.i18n import Translator

STATE_ICONS = {
    TodayState.NOT_STARTED: "⚪",
    TodayState.NOT_IN_YET: "🟡",
    TodayState.ON_SHIFT: "🟢",
    TodayState.FINISHED: "✅",
    TodayState.NO_SHOW: "🔴",
}


def row_hours(i18n: Translator, row: TodayRow) -> str:
    """Planned hours ("09:00–18:00"), or the opening of a spontaneous shift."""
    start = i18n.hour_minute(row.start)
    return f"{start}–{i18n.hour_minute(row.end)}" if row.end else start


def row_line(i18n: Translator, row: TodayRow) -> str:
    """One line: icon, employee, planned hours and what is going on (plain text: the
    caller escapes it for HTML)."""
    key = "today-state-absent" if row.absence_reason else f"today-state-{row.state.value}"
    return i18n.get(
        key,
        icon=STATE_ICONS[row.state],
        employee=row.employee_name,
        hours=row_hours(i18n, row),
        opened=i18n.hour_minute(row.opened) if row.opened else "",
        late_minutes=row.late_minutes,
        worked=i18n.number(hours_of(row.worked_minutes or 0)),
        reason=row.absence_reason,
    )


def message_url(row: TodayRow) -> str:
    """Opens a chat with the employee in Telegram."""
    return f"tg://user?id={row.employee_telegram_id}"
