"""/help: a short help per role with the main commands and a link to the role's guide,
in both languages; the owner is told why Mini App pages are off without https."""

import pytest

from services.platform.config import Settings
from tests.dialogs.conftest import UserFactory
from tests.support.shifts import EMPLOYEE_TG, MANAGER_TG, OWNER_TG, make_shift_world

HELP = {
    ("ru", OWNER_TG): ("Помощь владельцу", "/guide/owner"),
    ("ru", MANAGER_TG): ("Помощь менеджеру", "/guide/owner"),
    ("ru", EMPLOYEE_TG): ("Помощь сотруднику", "/guide/employee"),
    ("en", OWNER_TG): ("Help for owners", "/guide/owner"),
    ("en", MANAGER_TG): ("Help for managers", "/guide/owner"),
    ("en", EMPLOYEE_TG): ("Help for employees", "/guide/employee"),
}


@pytest.mark.parametrize(("language", "telegram_id"), list(HELP))
async def test_help_is_written_for_the_role_and_links_its_guide(
    language: str,
    telegram_id: int,
    make_user: UserFactory,
    session_factory,
    settings: Settings,
    telegram,
) -> None:
    await make_shift_world(session_factory)
    user = make_user(telegram_id, language_code=language)
    await user.send("/settings")  # the language follows the user's choice, not Telegram's
    await user.press("🌐 .*")
    await user.press("🇷🇺 Русский" if language == "ru" else "🇬🇧 English")

    await user.send("/help")

    answer = telegram.last_message(telegram_id)
    assert answer is not None
    title, guide = HELP[(language, telegram_id)]
    assert title in answer["text"] and "/menu" in answer["text"]
    assert f"{settings.webapp_base_url}{guide}" in answer["text"]


async def test_help_for_someone_without_an_organization(make_user: UserFactory, telegram) -> None:
    stranger = make_user(9901)
    await stranger.send("/help")

    answer = telegram.last_message(9901)
    assert answer is not None and "Я руковожу бизнесом" in answer["text"]


async def test_the_owner_is_told_why_mini_app_pages_are_off_without_https(
    make_user: UserFactory, session_factory, settings: Settings
) -> None:
    await make_shift_world(session_factory)
    olga = make_user(OWNER_TG, first_name="Olga")
    await olga.send("/start")
    assert "выключены: Telegram открывает их только по адресу https://" in olga.text()
    assert settings.webapp_base_url in olga.text()

    anna = make_user(EMPLOYEE_TG)
    await anna.send("/start")
    assert "https://" not in anna.text()
