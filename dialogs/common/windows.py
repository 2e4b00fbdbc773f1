"""Builders for a kind of window many dialogs share: the prompt for typed text."""

from typing import Any

from aiogram.enums import ContentType
from aiogram.fsm.state import State
from aiogram_dialog import Window
from aiogram_dialog.widgets.input import MessageInput
from aiogram_dialog.widgets.kbd import Keyboard
from aiogram_dialog.widgets.text import Text
from aiogram_dialog.widgets.utils import GetterVariant

from dialogs.common.i18n import I18n
from dialogs.common.input import expect_text


def text_input_window(
    prompt: str | Text,
    on_text: Any,
    *buttons: Keyboard,
    state: State,
    getter: GetterVariant = None,
    text_only: bool = False,
) -> Window:
    """A window that waits for typed text: the prompt (a locale key or a text widget), the
    input, then `buttons` (answers that need no typing, and the way back). The input hands
    every message to `on_text`; with `text_only`, only text, and anything else gets the
    `expect_text` reminder."""
    inputs = (
        [MessageInput(on_text, content_types=ContentType.TEXT), MessageInput(expect_text)]
        if text_only
        else [MessageInput(on_text)]
    )
    text = I18n(prompt) if isinstance(prompt, str) else prompt
    return Window(text, *inputs, *buttons, state=state, getter=getter)
