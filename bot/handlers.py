"""Commands: /start (with deep-link payloads inv_, approve_, pay_, fix_, task_, shift_,
case_inc_, case_req_), /menu, /settings and /help."""

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message
from aiogram_dialog import DialogManager, ShowMode, StartMode
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.admin.states import AdminSG
from dialogs.clock.handlers import start_approval_by_deep_link, start_open_shift
from dialogs.exchange.handlers import start_swap_by_deep_link
from dialogs.exchange.states import ExchangeSG
from dialogs.incidents.handlers import start_case_by_deep_link
from dialogs.invites.join import join_by_deep_link
from dialogs.menu.states import MainMenuSG
from dialogs.payroll.handlers import start_correction_by_deep_link, start_payslip_by_deep_link
from dialogs.planning.states import PlanningSG
from dialogs.settings.states import SettingsSG
from dialogs.tasks.handlers import start_task_by_deep_link
from services.attendance.approvals import APPROVAL_PAYLOAD_PREFIX
from services.attendance.clock_in import OPEN_SHIFT_PAYLOAD_PREFIX
from services.exchange.notices import APPROVALS_PAYLOAD, OPEN_PLACES_PAYLOAD, SWAP_PAYLOAD_PREFIX
from services.incidents.incidents import INCIDENT_PAYLOAD_PREFIX
from services.incidents.requests import REQUEST_PAYLOAD_PREFIX
from services.orgs.admin import require_superadmin
from services.orgs.invites import INVITE_PAYLOAD_PREFIX
from services.payroll.closing import PAYSLIP_PAYLOAD_PREFIX
from services.payroll.corrections import CORRECT_SHIFT_PAYLOAD_PREFIX
from services.platform.config import Settings
from services.platform.db.models import User
from services.platform.errors import PermissionDenied
from services.platform.guides import guide_for
from services.platform.i18n import Translator
from services.staff.users import active_memberships, current_membership
from services.tasks.links import TASK_PAYLOAD_PREFIX

# Deep links of open places and approvals notifications.
EXCHANGE_WINDOWS = {OPEN_PLACES_PAYLOAD: ExchangeSG.places, APPROVALS_PAYLOAD: PlanningSG.approvals}


async def start(message: Message, command: CommandObject, dialog_manager: DialogManager) -> None:
    payload = command.args or ""
    if payload.startswith(INVITE_PAYLOAD_PREFIX):
        await join_by_deep_link(message, dialog_manager, payload)
        return
    if payload.startswith(APPROVAL_PAYLOAD_PREFIX):
        await start_approval_by_deep_link(dialog_manager, payload)
        return
    if payload.startswith(PAYSLIP_PAYLOAD_PREFIX):
        await start_payslip_by_deep_link(dialog_manager, payload)
        return
    if payload.startswith(CORRECT_SHIFT_PAYLOAD_PREFIX):
        await start_correction_by_deep_link(message, dialog_manager, payload)
        return
    if payload.startswith(SWAP_PAYLOAD_PREFIX):
        await start_swap_by_deep_link(dialog_manager, payload)
        return
    if payload in EXCHANGE_WINDOWS:
        await dialog_manager.start(
            EXCHANGE_WINDOWS[payload], mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND
        )
        return
    if payload.startswith(TASK_PAYLOAD_PREFIX):
        await start_task_by_deep_link(message, dialog_manager, payload)
        return
    if payload.startswith((INCIDENT_PAYLOAD_PREFIX, REQUEST_PAYLOAD_PREFIX)):
        await start_case_by_deep_link(dialog_manager, payload)
        return
    if payload.startswith(OPEN_SHIFT_PAYLOAD_PREFIX):
        await start_open_shift(dialog_manager, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)
        return
    await dialog_manager.start(
        MainMenuSG.main,
        mode=StartMode.RESET_STACK,
        show_mode=ShowMode.SEND,
        data={"start_payload": payload},
    )


async def menu(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def settings(message: Message, dialog_manager: DialogManager) -> None:
    await dialog_manager.start(SettingsSG.main, show_mode=ShowMode.SEND)


async def admin(
    message: Message, dialog_manager: DialogManager, settings: Settings, i18n: Translator
) -> None:
    """/admin opens the platform dialog for superadmins; anyone else is told politely."""
    try:
        require_superadmin(
            settings.superadmin_ids, message.from_user.id if message.from_user else 0
        )
    except PermissionDenied:
        await message.answer(i18n.get("admin-refused"))
        return
    await dialog_manager.start(AdminSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


async def help_command(
    message: Message, user: User, session: AsyncSession, settings: Settings, i18n: Translator
) -> None:
    """/help: what the user's role does here, the main commands and a link to their guide
    (the menu stays where it was)."""
    current = current_membership(
        await active_memberships(session, user.id), user.active_organization_id
    )
    role = current.role.value if current is not None else "new"
    guide = f"{settings.webapp_base_url}/guide/{guide_for(role)}"
    await message.answer(i18n.get(f"help-{role}", guide=guide), disable_web_page_preview=True)


async def unknown_message(
    message: Message, dialog_manager: DialogManager, i18n: Translator
) -> None:
    """Text outside any dialog: explain and show the menu rather than stay silent."""
    await message.answer(i18n.get("common-unknown-command"))
    await dialog_manager.start(MainMenuSG.main, mode=StartMode.RESET_STACK, show_mode=ShowMode.SEND)


def commands_router() -> Router:
    router = Router(name="commands")
    router.message.register(start, CommandStart())
    router.message.register(menu, Command("menu"))
    router.message.register(settings, Command("settings"))
    router.message.register(admin, Command("admin"))
    router.message.register(help_command, Command("help"))
    return router


def fallback_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown_message, F.chat.type == "private")
    return router
