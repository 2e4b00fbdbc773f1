"""What the report windows show. Getters only read; figures are formatted per locale."""

from datetime import date
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.common.labor import labor_line
from dialogs.common.mini_app import mini_app_link
from services.payroll.rules import hours_of
from services.platform.i18n import Translator
from services.reports.figures import build_my_stats, build_report
from services.reports.periods import PeriodKind, ReportPeriod, period_of
from services.reports.report import EmployeeFigures, Report
from services.reports.scope import ReportScope, ScopeKind, reportable_employees, reportable_objects
from services.staff.memberships import organization_today

PERIOD = "period"
SCOPE = "scope"
CUSTOM_START = "custom_start"
INSIGHT = "insight"
MY_PERIOD = "my_period"
QUICK_PERIODS = (
    PeriodKind.TODAY,
    PeriodKind.YESTERDAY,
    PeriodKind.THIS_WEEK,
    PeriodKind.LAST_WEEK,
    PeriodKind.THIS_MONTH,
    PeriodKind.LAST_MONTH,
)
MY_PERIODS = (
    PeriodKind.THIS_WEEK,
    PeriodKind.LAST_WEEK,
    PeriodKind.THIS_MONTH,
    PeriodKind.LAST_MONTH,
)


# ------------------------------------------------------------------ what is chosen


def store_period(manager: DialogManager, period: ReportPeriod) -> None:
    manager.dialog_data[PERIOD] = {
        "kind": period.kind.value,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }


def chosen_period(manager: DialogManager) -> ReportPeriod:
    data = manager.dialog_data[PERIOD]
    return ReportPeriod(
        PeriodKind(data["kind"]), date.fromisoformat(data["start"]), date.fromisoformat(data["end"])
    )


def store_scope(manager: DialogManager, scope: ReportScope) -> None:
    manager.dialog_data[SCOPE] = {
        "kind": scope.kind.value,
        "object_id": scope.object_id,
        "employee_user_id": scope.employee_user_id,
    }


def chosen_scope(manager: DialogManager) -> ReportScope:
    data = manager.dialog_data[SCOPE]
    return ReportScope(ScopeKind(data["kind"]), data["object_id"], data["employee_user_id"])


async def chosen_report(manager: DialogManager) -> Report:
    context = update_context(manager)
    return await build_report(
        context.session,
        context.clock,
        await actor_of(manager),
        chosen_period(manager),
        chosen_scope(manager),
    )


# ------------------------------------------------------------------ formatting


def _money(i18n: Translator, amount: Decimal | None, currency: str) -> str:
    return i18n.money(amount or Decimal("0"), currency)


def _hours(i18n: Translator, minutes: int) -> str:
    return i18n.number(hours_of(minutes))


def period_args(i18n: Translator, period: ReportPeriod) -> dict[str, Any]:
    return {"start": i18n.day(period.start, "short"), "end": i18n.day(period.end, "short")}


# Labor against sales in chat: the days over the target first, then by object and day;
# the rest are in the Excel file (a message holds at most 4096 characters).
LABOR_LINES_SHOWN = 10


def _labor_args(i18n: Translator, report: Report) -> dict[str, Any]:
    shown = sorted(report.labor, key=lambda day: not day.over_target)[:LABOR_LINES_SHOWN]
    return {
        "has_labor": bool(report.labor),
        "labor_target": report.labor_target if report.labor_target is not None else "—",
        "labor_over_days": sum(day.over_target for day in report.labor),
        "labor_lines": "\n".join(labor_line(i18n, day) for day in shown),
        "labor_more": len(report.labor) - len(shown),
    }


def report_args(i18n: Translator, report: Report) -> dict[str, Any]:
    """The variables of the summary messages (`reports-summary*`)."""
    totals = report.totals
    percent = totals.task_completion_percent
    late = sorted(
        (e for e in report.employees if e.late_arrivals),
        key=lambda e: (-e.late_minutes, e.name),
    )

    def people(rows: list[EmployeeFigures]) -> str:
        return "\n".join(
            i18n.get("reports-person-hours", name=e.name, hours=_hours(i18n, e.minutes))
            for e in rows
        )

    return {
        "title": report.scope_title,
        **period_args(i18n, report.period),
        "shifts": totals.shifts,
        "hours": _hours(i18n, totals.minutes),
        "late_arrivals": totals.late_arrivals,
        "late_minutes": totals.late_minutes,
        "no_shows": totals.no_shows,
        "cancellations": totals.cancellations,
        "planned": totals.planned,
        "tasks_done": totals.tasks_done,
        "tasks_total": totals.tasks_total,
        "tasks_percent": f" ({percent}%)" if percent is not None else "",
        "cost": _money(i18n, totals.cost, report.currency),
        "fines": _money(i18n, totals.fines, report.currency),
        "bonuses": _money(i18n, totals.bonuses, report.currency),
        "show_money": report.show_money,
        "hide_money": not report.show_money,
        "is_empty": report.is_empty,
        "has_top": bool(report.top),
        "top": people(report.top),
        "has_bottom": bool(report.bottom),
        "bottom": people(report.bottom),
        "has_time_off": bool(report.time_off),
        "time_off": "\n".join(
            i18n.get(
                "reports-person-time-off",
                name=p.name,
                days=", ".join(
                    f"{i18n(f'time-off-kind-{kind}')} {i18n.number(days)}"
                    for kind, days in p.days.items()
                ),
            )
            for p in report.time_off
        ),
        **_labor_args(i18n, report),
        "has_lateness": bool(late),
        "lateness": "\n".join(
            i18n.get(
                "reports-person-late", name=e.name, count=e.late_arrivals, minutes=e.late_minutes
            )
            for e in late
        ),
    }


# ------------------------------------------------------------------ getters


async def get_periods(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    return {
        "periods": [
            (kind.value, context.i18n.get(f"reports-period-{kind}")) for kind in QUICK_PERIODS
        ]
    }


async def get_calendar(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    today = await organization_today(context.session, context.clock, actor.organization_id)
    start = dialog_manager.dialog_data.get(CUSTOM_START)
    return {
        "calendar_max": today,
        "start": context.i18n.day(date.fromisoformat(start), "short") if start else "",
    }


async def get_scope(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    return period_args(update_context(dialog_manager).i18n, chosen_period(dialog_manager))


async def get_objects(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    objects = await reportable_objects(context.session, await actor_of(dialog_manager))
    return {"items": [(o.id, o.name) for o in objects], "is_empty": not objects}


async def get_employees(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    employees = await reportable_employees(context.session, await actor_of(dialog_manager))
    return {"items": [(u.id, u.display_name) for u in employees], "is_empty": not employees}


def dashboard_link(manager: DialogManager) -> str:
    """The Mini App dashboard of the chosen period and scope (its interactive charts)."""
    period, scope = chosen_period(manager), chosen_scope(manager)
    chosen = scope.object_id or scope.employee_user_id
    params = {
        "period": period.kind.value,
        "scope": f"{scope.kind}:{chosen}" if chosen else "organization",
    }
    if period.kind == PeriodKind.CUSTOM:
        params |= {"start": period.start.isoformat(), "end": period.end.isoformat()}
    return mini_app_link(manager, "reports", **params)


async def get_report(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    report = await chosen_report(dialog_manager)
    return report_args(update_context(dialog_manager).i18n, report) | {
        "dashboard_url": dashboard_link(dialog_manager)
    }


async def get_insight(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    insight = dialog_manager.dialog_data.get(INSIGHT, {})
    recommendations = insight.get("recommendations", [])
    return {
        "title": insight.get("title", ""),
        **period_args(update_context(dialog_manager).i18n, chosen_period(dialog_manager)),
        "summary": insight.get("summary", ""),
        "recommendations": "\n".join(f"{n}. {text}" for n, text in enumerate(recommendations, 1)),
        "has_recommendations": bool(recommendations),
        "from_cache": bool(insight.get("from_cache")),
    }


async def get_my_stats(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    actor = await actor_of(dialog_manager)
    kind = PeriodKind(dialog_manager.dialog_data.get(MY_PERIOD, PeriodKind.THIS_WEEK))
    today = await organization_today(context.session, context.clock, actor.organization_id)
    stats = await build_my_stats(context.session, context.clock, actor, period_of(kind, today))
    totals = stats.totals
    upcoming = "\n".join(
        context.i18n.get(
            "mystats-upcoming-line",
            when=context.i18n.moment(shift.starts_at.astimezone(ZoneInfo(shift.timezone))),
            object=shift.object_name,
        )
        for shift in stats.upcoming
    )
    return {
        **period_args(context.i18n, stats.period),
        "shifts": totals.shifts,
        "hours": _hours(context.i18n, totals.minutes),
        "earned": _money(context.i18n, totals.cost, stats.currency),
        "fines": _money(context.i18n, totals.fines, stats.currency),
        "bonuses": _money(context.i18n, totals.bonuses, stats.currency),
        "late_arrivals": totals.late_arrivals,
        "late_minutes": totals.late_minutes,
        "no_shows": totals.no_shows,
        "tasks_done": totals.tasks_done,
        "tasks_total": totals.tasks_total,
        "has_upcoming": bool(stats.upcoming),
        "upcoming": upcoming,
        "periods": [
            (k.value, ("• " if k == kind else "") + context.i18n.get(f"reports-period-{k}"))
            for k in MY_PERIODS
        ],
    }
