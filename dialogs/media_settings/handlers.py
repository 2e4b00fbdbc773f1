from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select
from sqlalchemy.ext.asyncio import AsyncSession

from dialogs.common.actor import current_actor
from dialogs.common.errors import show_domain_error
from dialogs.media_settings.states import MediaSettingsSG
from services.media.access import set_storage_mode
from services.platform.db.models import MediaContext, StorageMode, User
from services.platform.errors import DomainError


async def choose_context(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, context: str
) -> None:
    manager.dialog_data["context"] = MediaContext(context).value
    await manager.switch_to(MediaSettingsSG.choose_mode)


async def choose_mode(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, mode: str
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    context = MediaContext(manager.dialog_data["context"])
    try:
        actor = await current_actor(session, user)
        await set_storage_mode(session, actor, context, StorageMode(mode))
    except DomainError as error:
        assert callback.message is not None
        await show_domain_error(callback.message, manager, error)  # type: ignore[arg-type]
        return
    await manager.switch_to(MediaSettingsSG.main)
