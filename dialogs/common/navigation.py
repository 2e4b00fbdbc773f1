"""Buttons that move between the windows of one dialog."""

from aiogram.fsm.state import State
from aiogram_dialog.widgets.kbd import SwitchTo

from dialogs.common.i18n import I18n


def back_to(state: State, text_key: str = "common-back") -> SwitchTo:
    """A button back to `state`; its id names the state, so a window can hold two."""
    return SwitchTo(I18n(text_key), id=f"back_{state.state.split(':')[-1]}", state=state)
