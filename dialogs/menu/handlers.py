from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Button

from dialogs.clock.handlers import start_close_shift, start_on_shift, start_open_shift
from dialogs.exchange.states import ExchangeSG
from dialogs.invites.states import InvitesSG
from dialogs.media_settings.states import MediaSettingsSG
from dialogs.objects.states import ObjectsSG
from dialogs.onboarding.states import OnboardingSG
from dialogs.orgs.states import OrganizationsSG
from dialogs.payroll.handlers import start_my_pay
from dialogs.payroll.states import PayrollSG
from dialogs.planning.states import PlanningSG
from dialogs.reports.handlers import start_my_stats, start_reports
from dialogs.schedule.states import ScheduleSG
from dialogs.settings.states import SettingsSG
from dialogs.staff.states import StaffSG
from dialogs.subscription.states import SubscriptionSG
from dialogs.task_review.states import TaskReviewSG
from dialogs.task_templates.states import TaskTemplatesSG
from dialogs.tasks.states import TasksSG


async def start_business(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(OnboardingSG.name)


async def open_settings(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(SettingsSG.main)


async def open_staff(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(StaffSG.list)


async def open_subscription(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await manager.start(SubscriptionSG.main)


async def open_invites(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(InvitesSG.list)


async def open_objects(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(ObjectsSG.list)


async def open_organizations(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await manager.start(OrganizationsSG.main)


async def open_media_settings(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await manager.start(MediaSettingsSG.main)


async def open_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_open_shift(manager)


async def close_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_close_shift(manager)


async def open_on_shift(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_on_shift(manager)


async def open_planning(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(PlanningSG.objects)


async def open_my_schedule(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(ScheduleSG.main)


async def open_open_places(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(ExchangeSG.places)


async def open_shift_tasks(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(TasksSG.checklist)


async def open_task_templates(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    await manager.start(TaskTemplatesSG.objects)


async def open_task_review(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(TaskReviewSG.proofs)


async def open_payroll(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await manager.start(PayrollSG.periods)


async def open_my_pay(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_my_pay(manager)


async def open_reports(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_reports(manager)


async def open_my_stats(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    await start_my_stats(manager)
