"""The payslip page's JSON (`/api/miniapp/payslip`): a pay period's payslip with every line
explained, in the user's language."""

from typing import Annotated, Any

from fastapi import Query

from services.payroll import ledger as payroll
from services.payroll.payslip_text import line_text, payslip_figures, signed_money
from services.platform.db.models import PayPeriod
from services.platform.errors import DomainError, NotFound
from services.platform.i18n import Translator
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import MemberDep, api_router, http_error, translator_of

router = api_router()


# ------------------------------------------------------------------ payslips


def _payslip_view_json(t: Translator, view: payroll.PayslipView) -> dict[str, Any]:
    figures = payslip_figures(t, view)
    return {
        "employee": view.totals.employee_name,
        "frozen": view.frozen,
        "hours": figures["hours"],
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
    `view_money` may ask for an employee's (`services.payroll.ledger.payslip` decides)."""
    try:
        periods = await payroll.recent_periods(
            session, clock, user_id=user.id, organization_id=actor.organization_id
        )
        chosen = periods[0].id if period_id is None else period_id
        period = await session.get(PayPeriod, chosen)
        if period is None or period.organization_id != actor.organization_id:
            raise NotFound()
        view = await payroll.payslip(
            session,
            user_id=user.id,
            period_id=chosen,
            employee_user_id=employee_user_id or user.id,
        )
    except DomainError as error:
        raise http_error(error, user) from error
    t = translator_of(user)
    answer = {
        "period_id": chosen,
        "periods": [
            {
                "id": p.id,
                "label": f"{t.day(p.start_date, 'short')} – {t.day(p.end_date, 'short')}",
            }
            for p in periods
        ],
        "payslip": _payslip_view_json(t, view),
    }
    await session.commit()  # the current period is created when first looked at
    return answer
