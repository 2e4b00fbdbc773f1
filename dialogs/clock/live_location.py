"""Live locations. Telegram's location button always sends a static pin; a live location
is shared from 📎 → Location, reaches the bot as one message and then as edits of that
message (`edited_message`), each carrying the newest position.

An update of a live location is handed to the dialogs as the message it edits, so the
windows that wait for a location (opening or closing a shift) take it like any other:
the first update after the prompt opens or closes the shift. Anywhere else the updates,
which keep coming for as long as the sharing lasts, are dropped without a word."""

from typing import Any

from aiogram import Dispatcher, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.types import Message
from aiogram_dialog import DialogManager

from dialogs.clock.states import ClockSG

LOCATION_WINDOWS = frozenset({ClockSG.location, ClockSG.close_location})


async def live_location_moved(message: Message, dispatcher: Dispatcher, **data: Any) -> None:
    await dispatcher.propagate_event("message", message, dispatcher=dispatcher, **data)


async def live_location_update(message: Message, dialog_manager: DialogManager) -> None:
    """Passes the update on to a window that waits for a location; drops it elsewhere."""
    if dialog_manager.has_context() and dialog_manager.current_context().state in (
        LOCATION_WINDOWS
    ):
        raise SkipHandler()


def live_location_router() -> Router:
    """Goes before the dialogs, so that no other window sees a live location's update."""
    router = Router(name="live-location")
    router.edited_message.register(
        live_location_moved, F.location.live_period, F.chat.type == "private"
    )
    router.message.register(live_location_update, F.location, F.edit_date)
    return router
