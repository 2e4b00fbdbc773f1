"""aiogram-dialog UI, one package per feature. `dialogs_router()` wires them all.

Each feature exposes a function that builds its `Dialog`: a dialog is a router and can
be attached once, while tests build a Dispatcher per test."""

from aiogram import Router

from dialogs.menu.dialog import menu_dialog
from dialogs.onboarding.dialog import onboarding_dialog
from dialogs.settings.dialog import settings_dialog


def dialogs_router() -> Router:
    router = Router(name="dialogs")
    router.include_routers(menu_dialog(), onboarding_dialog(), settings_dialog())
    return router
