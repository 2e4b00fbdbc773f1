"""What the middlewares put at a handler's disposal for calling a use case."""

from aiogram_dialog import DialogManager
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import User


def session_user_clock(manager: DialogManager) -> tuple[AsyncSession, User, Clock]:
    """The update's database session, the user who sent it and the clock."""
    data = manager.middleware_data
    return data["session"], data["user"], data["clock"]
