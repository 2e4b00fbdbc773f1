"""aiogram-dialog UI, one package per feature. `dialogs_router()` wires them all.

Each feature exposes a function that builds its `Dialog`: a dialog is a router and can
be attached once, while tests build a Dispatcher per test."""

from aiogram import Router

from dialogs.admin.dialog import admin_dialog
from dialogs.announcements.dialog import announcements_dialog, read_announcement_dialog
from dialogs.applying.dialog import applying_dialog
from dialogs.autoschedule.dialog import autoschedule_dialog
from dialogs.availability.dialog import availability_dialog
from dialogs.clock.dialog import approve_clock_in_dialog, clock_dialog, on_shift_dialog
from dialogs.clock.live_location import live_location_router
from dialogs.contract_templates.dialog import contract_templates_dialog
from dialogs.contracts.dialog import contracts_dialog
from dialogs.documents.dialog import (
    document_kinds_dialog,
    document_review_dialog,
    my_documents_dialog,
)
from dialogs.exchange.dialog import exchange_dialog
from dialogs.hiring.dialog import hiring_dialog
from dialogs.incidents.dialog import incidents_dialog, requests_dialog
from dialogs.invites.dialog import invites_dialog
from dialogs.media_settings.dialog import media_settings_dialog
from dialogs.menu.dialog import menu_dialog
from dialogs.notification_settings.dialog import notification_settings_dialog
from dialogs.objects.dialog import objects_dialog
from dialogs.objects.report_chat import report_chat_router
from dialogs.onboarding.dialog import onboarding_dialog
from dialogs.orgs.dialog import organizations_dialog
from dialogs.payroll.dialog import my_pay_dialog, payroll_dialog
from dialogs.planning.dialog import planning_dialog
from dialogs.quick_shift.dialog import quick_shift_dialog
from dialogs.rates.dialog import rates_dialog
from dialogs.ratings.dialog import ratings_dialog
from dialogs.reports.dialog import my_stats_dialog, reports_dialog
from dialogs.schedule.dialog import schedule_dialog
from dialogs.settings.dialog import settings_dialog
from dialogs.signing.dialog import signing_dialog
from dialogs.staff.dialog import staff_dialog
from dialogs.subscription.dialog import subscription_dialog
from dialogs.task_review.dialog import task_review_dialog
from dialogs.task_templates.dialog import task_templates_dialog
from dialogs.tasks.dialog import tasks_dialog
from dialogs.time_off.dialog import time_off_dialog
from dialogs.today.dialog import today_dialog


def dialogs_router() -> Router:
    router = Router(name="dialogs")
    router.include_router(live_location_router())
    router.include_routers(menu_dialog(), onboarding_dialog(), settings_dialog())
    router.include_routers(notification_settings_dialog())
    router.include_routers(subscription_dialog(), admin_dialog())
    router.include_routers(invites_dialog(), staff_dialog())
    router.include_routers(objects_dialog(), organizations_dialog(), report_chat_router())
    router.include_routers(
        media_settings_dialog(), tasks_dialog(), task_review_dialog(), task_templates_dialog()
    )
    router.include_routers(clock_dialog(), on_shift_dialog(), approve_clock_in_dialog())
    router.include_routers(planning_dialog(), schedule_dialog(), exchange_dialog())
    router.include_routers(payroll_dialog(), my_pay_dialog())
    router.include_routers(reports_dialog(), my_stats_dialog())
    router.include_routers(incidents_dialog(), requests_dialog())
    router.include_routers(contract_templates_dialog(), contracts_dialog(), signing_dialog())
    router.include_routers(rates_dialog())
    router.include_routers(announcements_dialog(), read_announcement_dialog())
    router.include_routers(today_dialog(), quick_shift_dialog())
    router.include_routers(hiring_dialog(), applying_dialog(), ratings_dialog())
    router.include_router(autoschedule_dialog())
    router.include_routers(availability_dialog(), time_off_dialog())
    router.include_routers(document_kinds_dialog(), my_documents_dialog(), document_review_dialog())
    return router
