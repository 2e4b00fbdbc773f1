from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select

from dialogs.common.actor import actor_of
from dialogs.common.context import update_context
from dialogs.media_settings.states import MediaSettingsSG
from services.media.access import set_storage_mode
from services.platform.db.models import MediaContext, StorageMode


async def choose_context(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, context: str
) -> None:
    manager.dialog_data["context"] = MediaContext(context).value
    await manager.switch_to(MediaSettingsSG.choose_mode)


async def choose_mode(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, mode: str
) -> None:
    context = update_context(manager)
    media_context = MediaContext(manager.dialog_data["context"])
    actor = await actor_of(manager)
    await set_storage_mode(context.session, actor, media_context, StorageMode(mode))
    await manager.switch_to(MediaSettingsSG.main)
