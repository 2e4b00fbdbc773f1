from typing import Any
from zoneinfo import ZoneInfo

from aiogram_dialog import DialogManager

from dialogs.announcements.getters import unread_on_home
from dialogs.common.context import UpdateContext, update_context
from dialogs.common.mini_app import mini_app_is_off, mini_app_link
from services.attendance.queries import open_shift_of, shift_card
from services.integrations.yandex import maps_link
from services.payroll.access import can_view_money
from services.payroll.payslips import own_pay_so_far
from services.planning.queries import next_shift
from services.platform.db.models import MembershipRole
from services.staff.memberships import can_manage_staff
from services.staff.permissions import actor_in
from services.staff.users import active_memberships, current_membership


async def get_main_menu(dialog_manager: DialogManager, **_: Any) -> dict[str, Any]:
    context = update_context(dialog_manager)
    memberships = await active_memberships(context.session, context.user.id)
    current = current_membership(memberships, context.user.active_organization_id)
    role = current.role if current else None
    unread = await unread_on_home(dialog_manager, current.organization_id if current else None)
    home = (
        await employee_home(context, current.organization_id)
        if current is not None and role == MembershipRole.EMPLOYEE
        else {}
    )
    return (
        {"on_shift": False}  # an employee's, in `home`
        | unread
        | home
        | {
            "user_name": context.user.first_name,
            "organization_id": current.organization_id if current else None,
            "organization_name": current.organization_name if current else "",
            "is_new": current is None,
            "is_owner": role == MembershipRole.OWNER,
            "is_manager": role == MembershipRole.MANAGER,
            "is_employee": role == MembershipRole.EMPLOYEE,
            "planning_board_url": mini_app_link(dialog_manager, "board")
            if role in (MembershipRole.OWNER, MembershipRole.MANAGER)
            else "",
            # Said to owners, in place of the Mini App buttons they would otherwise have.
            "mini_app_off": role == MembershipRole.OWNER and mini_app_is_off(dialog_manager),
            "webapp_base_url": context.settings.webapp_base_url,
            "has_many_organizations": len(memberships) > 1,
            # Owners also open it to found another organization.
            "shows_organizations": len(memberships) > 1 or role == MembershipRole.OWNER,
            "can_manage_staff": current is not None
            and await can_manage_staff(
                context.session,
                await actor_in(context.session, context.user.id, current.organization_id),
            ),
            "can_view_money": current is not None
            and await can_view_money(
                context.session,
                await actor_in(context.session, context.user.id, current.organization_id),
            ),
        }
    )


async def employee_home(context: UpdateContext, organization_id: int) -> dict[str, Any]:
    """What an employee wants at a glance: the running shift (since when, for how long),
    the next planned one (when, where, a map link) and the current period's pay so far."""
    i18n, now = context.i18n, context.clock.now()
    data: dict[str, Any] = {"on_shift": False, "has_next": False, "next_map": ""}
    running = await open_shift_of(context.session, context.user.id)
    if running is not None:
        card = await shift_card(context.session, running.id)
        so_far = int((now - running.opened_at).total_seconds()) // 60
        data |= {
            "on_shift": True,
            "shift_object": card.work_object.name,
            "shift_opened": i18n.hour_minute(card.local(running.opened_at)),
            "so_far_hours": so_far // 60,
            "so_far_minutes": so_far % 60,
        }
    upcoming = await next_shift(context.session, context.clock, user_id=context.user.id)
    if upcoming is not None:
        zone = ZoneInfo(upcoming.timezone)
        start, end = upcoming.starts_at.astimezone(zone), upcoming.ends_at.astimezone(zone)
        data |= {
            "has_next": True,
            "next_object": upcoming.object_name,
            "next_day": i18n.short_day(start.date()),
            "next_start": i18n.hour_minute(start),
            "next_end": i18n.hour_minute(end),
            "next_map": maps_link(upcoming.latitude, upcoming.longitude, upcoming.address) or "",
        }
    pay = await own_pay_so_far(
        context.session, context.clock, user_id=context.user.id, organization_id=organization_id
    )
    return data | {
        "no_next": not data["has_next"],
        "period_start": i18n.day(pay.period.start_date, "short"),
        "period_end": i18n.day(pay.period.end_date, "short"),
        "earned": i18n.money(pay.totals.net, pay.currency),
    }
