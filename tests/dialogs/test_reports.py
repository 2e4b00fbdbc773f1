"""Reports through the real Dispatcher on the scenario week (tests/support/reports.py):
the owner's flow (period, scope, summary, chart pictures, Excel, AI insights from a fake
OpenAI-compatible server, a calendar range), a manager without `view_money`, and the
employee's own statistics. The clock stands at Monday 9 March 2026, 12:00 in Moscow."""

import io
import re
from collections.abc import AsyncIterator

import pytest
from matplotlib import image
from openpyxl import load_workbook
from pydantic import SecretStr
from sqlalchemy import update

from services.platform.config import OpenAISettings, Settings
from services.platform.db.models import Organization
from tests.dialogs.conftest import UserFactory
from tests.fakes.openai_server import FakeOpenAIServer
from tests.support.reports import AFTER_THE_WEEK, add_manager, build_report_week

OWNER_TG, ANNA_TG, BORIS_TG, VERA_TG, GLEB_TG, MANAGER_TG = 8301, 8302, 8303, 8304, 8305, 8306


@pytest.fixture
async def openai_server() -> AsyncIterator[FakeOpenAIServer]:
    server = FakeOpenAIServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def openai_key() -> str:
    return "sk-test"


@pytest.fixture
def settings(settings: Settings, openai_server: FakeOpenAIServer, openai_key: str) -> Settings:
    openai = OpenAISettings(
        _env_file=None,  # type: ignore[call-arg]
        api_key=SecretStr(openai_key),
        base_url=openai_server.base_url,
        timeout_seconds=2.0,
    )
    return settings.model_copy(update={"openai": openai})


def plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


async def tap(user, text: str) -> None:
    await user.press(re.escape(text))


async def _week(session_factory, clock, *, tariff: str = "pro", manager_permissions=None):
    clock.set(AFTER_THE_WEEK)
    async with session_factory() as session, session.begin():
        week = await build_report_week(
            session,
            owner_telegram_id=OWNER_TG,
            telegram_ids=(ANNA_TG, BORIS_TG, VERA_TG, GLEB_TG),
        )
        await session.execute(
            update(Organization)
            .where(Organization.id == week.organization_id)
            .values(tariff_code=tariff)
        )
        if manager_permissions is not None:
            await add_manager(session, week, manager_permissions, telegram_id=MANAGER_TG)
    return week


async def test_owner_gets_summary_charts_excel_and_ai_insights(
    make_user: UserFactory, session_factory, clock, telegram, bot, openai_server
) -> None:
    await _week(session_factory, clock)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "📊 Отчёты")
    assert "За какой период?" in owner.text()
    await tap(owner, "Прошлая неделя")
    assert "Период: 02.03.2026 – 08.03.2026" in owner.text()
    await tap(owner, "🏢 Вся организация")

    summary = plain(owner.text())
    assert "Кофейни</b>, 02.03.2026 – 08.03.2026" in summary
    assert "Смен: 8 · часов: 49,97" in summary
    assert "Опоздания: 2 (всего 29 мин)" in summary
    assert "Неявки: 1 · отмены: 1 из 6 запланированных" in summary
    assert "Задачи: выполнено 3 из 5 (60%)" in summary
    assert "Фонд оплаты: <b>17 365,00 ₽</b>" in summary
    assert "Штрафы: 830,00 ₽ · премии: 1 100,00 ₽" in summary
    assert "• Gleb: 15,95 ч" in summary
    assert "• Anna: 1 раз, 17 мин" in summary

    photos = telegram.calls_of("sendPhoto")
    assert len(photos) == 2  # hours and cost; lateness
    assert any(
        c.params.get("action") == "upload_photo" for c in telegram.calls_of("sendChatAction")
    )
    picture = await bot.download(photos[0].result["photo"][-1]["file_id"])
    assert picture is not None
    assert image.imread(io.BytesIO(picture.read()), format="png").shape[:2] == (720, 1080)

    await tap(owner, "📥 Excel")
    assert any(
        c.params.get("action") == "upload_document" for c in telegram.calls_of("sendChatAction")
    )
    [sent] = telegram.calls_of("sendDocument")
    document = sent.result["document"]
    assert document["file_name"] == "report_2026-03-02_2026-03-08.xlsx"
    content = await bot.download(document["file_id"])
    assert content is not None
    workbook = load_workbook(io.BytesIO(content.read()))
    names = [row[0] for row in workbook["Сотрудники"].iter_rows(min_row=2, values_only=True)]
    assert names == ["Anna", "Boris", "Gleb", "Vera", "Итого"]  # and the totals row

    await tap(owner, "🤖 AI-советы")
    answer = owner.text()
    assert "AI-советы</b> — Кофейни" in answer
    assert "Anna отработал больше всех; на Мира есть опоздания." in answer
    assert "1. Поговорите с Boris об опозданиях на Мира." in answer
    raw = openai_server.raw_bodies[0]
    assert not any(name in raw for name in ("Anna", "Boris", "Vera", "Gleb", "Мира", "Кофейни"))
    assert str(ANNA_TG) not in raw

    await tap(owner, "⬅️ Назад")
    await tap(owner, "🤖 AI-советы")
    assert "Ответ из кэша" in owner.text()
    assert len(openai_server.requests) == 1


@pytest.mark.parametrize("openai_key", [""])
async def test_ai_without_a_key_explains_what_is_missing(
    make_user: UserFactory, session_factory, clock, telegram, openai_server
) -> None:
    await _week(session_factory, clock)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "📊 Отчёты")
    await tap(owner, "Прошлая неделя")
    await tap(owner, "🏪 Объект")
    await tap(owner, "Порт")
    assert "Смен: 4 · часов: 23,75" in plain(owner.text())
    await tap(owner, "🤖 AI-советы")
    told = await telegram.wait_for_message(OWNER_TG, text_contains="OPENAI_API_KEY")
    assert "не задан ключ OpenAI" in told["text"]
    assert openai_server.requests == []
    # The dialog stays on the report.
    assert "📥 Excel" in owner.buttons()


async def test_free_tariff_is_told_to_upgrade(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    await _week(session_factory, clock, tariff="free")
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "📊 Отчёты")
    await tap(owner, "Прошлая неделя")
    await tap(owner, "🏢 Вся организация")
    await tap(owner, "🤖 AI-советы")
    told = await telegram.wait_for_message(OWNER_TG, text_contains="тариф")
    assert "не входят в тариф «Free»" in told["text"] and "💳 Подписка" in told["text"]


async def test_custom_range_from_the_calendar(
    make_user: UserFactory, session_factory, clock
) -> None:
    await _week(session_factory, clock)
    owner = make_user(OWNER_TG, first_name="Olga")
    await owner.send("/start")
    await tap(owner, "📊 Отчёты")
    await tap(owner, "🗓 Свой период")
    assert "первый" in owner.text()
    assert "10" not in owner.buttons()  # after today where the organization is
    await tap(owner, "05")
    assert "Первый день: 05.03.2026" in owner.text()
    await tap(owner, "06")
    assert "Период: 05.03.2026 – 06.03.2026" in owner.text()
    await tap(owner, "👤 Сотрудник")
    await tap(owner, "Vera")
    summary = plain(owner.text())
    assert "<b>Vera</b>, 05.03.2026 – 06.03.2026" in summary
    assert "Смен: 2 · часов: 10,5" in summary
    assert "Фонд оплаты: <b>3 150,00 ₽</b>" in summary


async def test_manager_without_view_money_sees_no_amounts(
    make_user: UserFactory, session_factory, clock, telegram
) -> None:
    await _week(session_factory, clock, manager_permissions=["view"])
    manager = make_user(MANAGER_TG, first_name="Mila")
    await manager.send("/start")
    await tap(manager, "📊 Отчёты")
    await tap(manager, "Прошлая неделя")
    await tap(manager, "🏢 Вся организация")
    summary = plain(manager.text())
    assert "Смен: 4 · часов: 26,22" in summary
    assert "Суммы скрыты" in summary
    assert "₽" not in summary
    assert "Boris" not in summary and "Gleb" not in summary
    await tap(manager, "📥 Excel")
    [sent] = telegram.calls_of("sendDocument")
    assert sent.result["document"]["file_name"].endswith(".xlsx")


async def test_employee_sees_own_stats(make_user: UserFactory, session_factory, clock) -> None:
    await _week(session_factory, clock)
    anna = make_user(ANNA_TG, first_name="Anna")
    await anna.send("/start")
    assert "📊 Отчёты" not in anna.buttons()
    await tap(anna, "📈 Моя статистика")
    text = plain(anna.text())
    assert "Моя статистика</b>, 09.03.2026 – 15.03.2026" in text
    assert "Смен: 0" in text
    assert "Ближайшие смены" in text and "Мира" in text and "10.03.2026" in text
    await tap(anna, "Прошлая неделя")
    text = plain(anna.text())
    assert "02.03.2026 – 08.03.2026" in text
    assert "Смен: 2 · часов: 15,72" in text
    assert "Заработано за смены: <b>4 715,00 ₽</b>" in text
    assert "Премии: 100,00 ₽ · штрафы: 320,00 ₽" in text
    assert "Опоздания: 1 (всего 17 мин) · неявки: 1" in text
    assert "Задачи: выполнено 1 из 3" in text
    assert "• Прошлая неделя" in anna.buttons()
