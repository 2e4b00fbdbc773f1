from aiogram.types import CallbackQuery
from aiogram_dialog import DialogManager
from aiogram_dialog.widgets.kbd import Select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import User
from services.platform.i18n import translator_for
from services.staff.users import set_language


async def choose_language(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, language: str
) -> None:
    session: AsyncSession = manager.middleware_data["session"]
    user: User = manager.middleware_data["user"]
    await set_language(session, user, language)
    # The window re-renders in the new language at once: that is the confirmation.
    manager.middleware_data["i18n"] = translator_for(language)
