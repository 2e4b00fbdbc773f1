"""The reports dashboard's JSON (`/api/miniapp/report`): the C10 figures of a period and a
scope (`services.reports.figures`), with the scopes the planner may pick."""

from datetime import date
from typing import Annotated, Any

from fastapi import Query

from services.payroll.rules import hours_of
from services.platform.i18n import Translator
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, period_of
from services.reports.report import Report
from services.reports.scope import ReportScope, ScopeKind, reportable_employees, reportable_objects
from services.staff.memberships import organization_today
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import PlannerDep, api_router, translator_of
from webapp.miniapp.formatting import money_or_none

router = api_router()


def _report_scope(raw: str) -> ReportScope:
    """`organization`, `object:<id>` or `employee:<user id>`."""
    kind, _, ident = raw.partition(":")
    if kind == ScopeKind.OBJECT and ident.isdigit():
        return ReportScope(ScopeKind.OBJECT, object_id=int(ident))
    if kind == ScopeKind.EMPLOYEE and ident.isdigit():
        return ReportScope(ScopeKind.EMPLOYEE, employee_user_id=int(ident))
    return ReportScope()


def _report_json(t: Translator, report: Report) -> dict[str, Any]:
    currency, totals = report.currency, report.totals
    completion = totals.task_completion_percent
    figures = [
        ("shifts", str(totals.shifts)),
        ("hours", t.number(hours_of(totals.minutes))),
        ("cost", money_or_none(t, totals.cost, currency)),
        ("late", f"{totals.late_arrivals} · {totals.late_minutes}"),
        ("no-shows", str(totals.no_shows)),
        ("cancellations", str(totals.cancellations)),
        (
            "tasks",
            f"{totals.tasks_done}/{totals.tasks_total}"
            + (f" · {completion}%" if completion is not None else ""),
        ),
        ("fines", money_or_none(t, totals.fines, currency)),
        ("bonuses", money_or_none(t, totals.bonuses, currency)),
    ]
    return {
        "title": report.scope_title,
        "period": f"{t.day(report.period.start, 'short')} – {t.day(report.period.end, 'short')}",
        "show_money": report.show_money,
        "totals": [{"key": key, "value": value} for key, value in figures if value is not None],
        "days": [
            {
                "date": day.day.isoformat(),
                "label": t.day(day.day, "EEE d"),
                "hours": float(hours_of(day.minutes)),
                "hours_text": t.number(hours_of(day.minutes)),
                "cost": float(day.cost) if day.cost is not None else None,
                "cost_text": money_or_none(t, day.cost, currency),
            }
            for day in report.days
        ],
        "employees": [
            {
                "name": row.name,
                "shifts": row.shifts,
                "hours": t.number(hours_of(row.minutes)),
                "cost": money_or_none(t, row.cost, currency),
                "late": row.late_arrivals,
                "no_shows": row.no_shows,
                "tasks": f"{row.tasks_done}/{row.tasks_total}",
                "fines": money_or_none(t, row.fines, currency),
                "bonuses": money_or_none(t, row.bonuses, currency),
            }
            for row in report.employees
        ],
    }


@router.get("/report")
async def report(
    user: CurrentUser,
    actor: PlannerDep,
    session: SessionDep,
    clock: ClockDep,
    period: Annotated[PeriodKind, Query()] = PeriodKind.THIS_WEEK,
    start: Annotated[date | None, Query()] = None,
    end: Annotated[date | None, Query()] = None,
    scope: Annotated[str, Query(max_length=40)] = "organization",
) -> dict[str, Any]:
    """The C10 report of a period and a scope (`services.reports.figures.build_report`), with
    the scopes the caller may pick."""
    today = await organization_today(session, clock, actor.organization_id)
    span = period_of(period, today, start, end)
    built = await build_report(session, clock, actor, span, _report_scope(scope))
    objects = await reportable_objects(session, actor)
    employees = await reportable_employees(session, actor)
    t = translator_of(user)
    return {
        "report": _report_json(t, built),
        "scopes": [
            {"value": "organization", "label": built.organization_name},
            *({"value": f"object:{o.id}", "label": o.name} for o in objects),
            *({"value": f"employee:{e.id}", "label": e.display_name} for e in employees),
        ],
    }
