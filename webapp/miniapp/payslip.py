"""The payslip page's JSON (`/api/miniapp/payslip`): a pay period's payslip with every line
explained, in the user's language."""

from typing import Annotated, Any

from fastapi import Query

from services.payroll.payslip_text import line_text, payslip_figures, signed_money
from services.payroll.payslips import PayslipView, payslip_in, recent_periods
from services.platform.db.models import PayPeriod
from services.platform.errors import NotFound
from services.platform.i18n import Translator
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import MemberDep, api_router, translator_of

router = api_router()


# ------------------------------------------------------------------ payslips


def _payslip_view_json(t: Translator, view: PayslipView) -> dict[str, Any]:
    figures = payslip_figures(t, view)
    return {
        "employee": view.totals.employee_name,
        "frozen": view.frozen,
        "hours": figures["hours"],
        "footnote": t.get("payroll-payslip-footnote"),
        "totals": [
            {"key": key, "value": figures[key]}
            for key in ("gross", "fines", "bonuses", "net", "paid", "balance")
        ],
        "lines": [
            {
                "type": line.type.value,
                "title": t.get(f"payroll-type-{line.type}"),
                "text": line_text(t, line, view.currency),
                "amount": signed_money(t, line.amount, view.currency),
            }
            for line in view.lines
        ],
    }


@router.get("/payslip")
async def payslip(
    user: CurrentUser,
    actor: MemberDep,
    session: SessionDep,
    clock: ClockDep,
    period_id: Annotated[int | None, Query()] = None,
    employee_user_id: Annotated[int | None, Query()] = None,
) -> dict[str, Any]:
    """A payslip with every line explained: my own by default; owners and managers with
    `view_money` may ask for an employee's (`services.payroll.payslips.payslip_in` decides).
    The current period has no id (null) while nothing is written to it."""
    periods = await recent_periods(
        session, clock, user_id=user.id, organization_id=actor.organization_id
    )
    period = periods[0] if period_id is None else await session.get(PayPeriod, period_id)
    if period is None or period.organization_id != actor.organization_id:
        raise NotFound()
    view = await payslip_in(
        session, period, user_id=user.id, employee_user_id=employee_user_id or user.id
    )
    t = translator_of(user)
    return {
        "period_id": view.period.id,
        "periods": [
            {
                "id": p.id,
                "label": f"{t.day(p.start_date, 'short')} – {t.day(p.end_date, 'short')}",
            }
            for p in periods
        ],
        "payslip": _payslip_view_json(t, view),
    }
