"""Telegram Web App buttons into the Mini App where a page helps: the planning board in
the main menu and on a slot (its week), the map in the objects list, the dashboard of the
chosen report, the employee's payslip and open shifts. Only when the webapp is public
over https (Telegram requires it)."""

import pytest
from aiogram import Bot

from bot.runtime import announce_commands
from services.payroll.periods import open_current_period
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from tests.dialogs.conftest import UserFactory
from tests.support.miniapp import seed_miniapp_cast, web_app_url

BOARD_BUTTON = "🗓 Доска планирования"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The webapp is public over https, as Telegram requires of Web App buttons."""
    return settings.model_copy(update={"webapp_base_url": "https://staff.example.com"})


async def test_start_up_sets_the_menu_button_to_the_mini_app(bot: Bot, settings: Settings) -> None:
    await announce_commands(bot, settings)

    button = await bot.get_chat_menu_button()
    assert button.type == "web_app"
    assert button.web_app is not None
    assert button.web_app.url == "https://staff.example.com/app/"


async def test_owners_get_the_board_as_a_web_app_button(
    make_user: UserFactory, session_factory: SessionFactory, clock
) -> None:
    cast = await seed_miniapp_cast(session_factory, clock)
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    ivan = make_user(cast.ivan.telegram_id, first_name="Ivan")

    await olga.send("/start")
    await ivan.send("/start")

    assert BOARD_BUTTON in olga.buttons()
    assert web_app_url(olga, BOARD_BUTTON) == "https://staff.example.com/app/board?lang=ru"
    assert BOARD_BUTTON not in ivan.buttons()


async def test_a_slot_the_objects_and_a_report_open_their_pages(
    make_user: UserFactory, session_factory: SessionFactory, clock
) -> None:
    cast = await seed_miniapp_cast(session_factory, clock)
    olga = make_user(cast.owner.telegram_id, first_name="Olga")
    await olga.send("/start")

    await olga.press("📅 Планирование")
    await olga.press("Кофейня")
    await olga.press("📋 Расписание")
    await olga.press("04")
    await olga.press("10:00–16:00 · 0/1")
    assert web_app_url(olga, "🗓 Открыть на доске") == (
        "https://staff.example.com/app/board?lang=ru&week=2026-03-02"
    )

    await olga.send("/start")
    await olga.press("🏪 Объекты")
    assert web_app_url(olga, "🗺 Карта объектов") == "https://staff.example.com/app/map?lang=ru"

    await olga.send("/start")
    await olga.press("📊 Отчёты")
    await olga.press("Эта неделя")
    await olga.press("🏪 Объект")
    await olga.press("Кофейня")
    assert web_app_url(olga, "📊 Графики в приложении") == (
        "https://staff.example.com/app/reports?lang=ru&period=this_week"
        f"&scope=object%3A{cast.cafe_id}"
    )


async def test_an_employee_opens_their_payslip_in_the_mini_app(
    make_user: UserFactory, session_factory: SessionFactory, clock
) -> None:
    cast = await seed_miniapp_cast(session_factory, clock)
    ivan = make_user(cast.ivan.telegram_id, first_name="Ivan")
    await ivan.send("/start")
    await ivan.press("💰 Мой заработок")
    # Nothing is written to the current period yet: the page opens the current one.
    assert web_app_url(ivan, "💰 Листок в приложении") == (
        "https://staff.example.com/app/payslip?lang=ru"
    )

    async with session_factory() as session, session.begin():
        period = await open_current_period(session, clock, cast.organization_id)
    await ivan.send("/start")
    await ivan.press("💰 Мой заработок")
    assert web_app_url(ivan, "💰 Листок в приложении") == (
        f"https://staff.example.com/app/payslip?lang=ru&period={period.id}"
    )


async def test_an_employee_opens_the_open_shifts_in_the_mini_app(
    make_user: UserFactory, session_factory: SessionFactory, clock
) -> None:
    cast = await seed_miniapp_cast(session_factory, clock)
    maria = make_user(cast.maria.telegram_id, first_name="Maria")
    await maria.send("/start")
    await maria.press("🆓 Свободные смены")

    assert web_app_url(maria, "📱 Открыть в приложении") == (
        "https://staff.example.com/app/open-shifts?lang=ru"
    )
