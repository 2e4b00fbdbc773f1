"""Names for opened dialogs that do not repeat.

aiogram-dialog (2.6) names each dialog a user opens (its context in the FSM storage, and
the prefix of its buttons' callback data) after the current second plus one of only 100
random numbers. Two dialogs one user opens within the same second (a menu, then at once
one of its sub-dialogs) get the same name once in a hundred: closing the upper one then
deletes the context of the one below, and the user's "⬅️ Back" ends in "Stack is broken …
resetting" and a fresh main menu instead of the screen they came from.

Here the name is as long as aiogram-dialog's (6 characters: callback data has 64 bytes)
but drawn from the operating system's randomness over all 62⁶ ≈ 5.7·10¹⁰ names, so two
dialogs of one user share a name about once in 10¹⁰ openings instead of once in 100.
Only a dialog's name is replaced: our dialogs open on the user's default stack, whose
name is fixed (a `StartMode.NEW_STACK` would still be named by aiogram-dialog)."""

import secrets
import string

from aiogram_dialog.api.entities import stack

_ALPHABET = string.digits + string.ascii_letters
_LENGTH = 6


def new_dialog_id() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(_LENGTH))


def use_unrepeated_dialog_ids() -> None:
    """`Stack.push` names each new context through this module-level function."""
    stack.new_id = new_dialog_id
