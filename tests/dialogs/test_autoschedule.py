"""✨ Fill the week through the real Dispatcher, in both languages: the owner fills a
week, reads the summary and why a place stays empty, drops one assignment, publishes in
one tap; each person is told once; filling again keeps what was published. The clock
stands at Monday 2 March 2026, 12:00 in Moscow."""

from datetime import date, time
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.notify.outbox import SCHEDULE_PUBLISHED
from services.planning.work_rules import week_of
from services.platform.db.models import (
    DraftAssignment,
    OutboxMessage,
    PlannedShift,
    PlannedShiftStatus,
)
from services.platform.i18n import translator_for
from services.scheduling.drafts import fill_week
from tests.dialogs.conftest import UserFactory
from tests.support.planning import make_employee, make_slot, make_world

OWNER_ID = 7301
TEXTS = {
    "ru": {
        "menu": "✨ Заполнить неделю",
        "summary_before": "Заполнено 3 из 4 мест",
        "proven": "Больше мест не заполнит никакое расписание.",
        "empty": "вт, 3 мар. 09:00–18:00 Кофейня: здесь могут работать 2 человека: ",
        "busy": "уже работает: Кофейня вт, 3 мар. 09:00–18:00",
        "review": "📝 Проверить назначения",
        "drop": "❌ Убрать из черновика",
        "wednesday": "❌ ср, 4 мар. 09:00–18:00 Кофейня",
        "back": "⬅️ Назад",
        "summary_after": "Заполнено 2 из 4 мест",
        "publish": "✅ Опубликовать",
        "published": "Опубликовано смен: 2; людей, получивших своё расписание: 2.",
        "notice": "Ваши смены на неделю (1)",
        "labor": "💰 Выручка и доля ФОТ",
        "labor_line": (
            "🔴 вт, 3 мар. Кофейня: ФОТ 5\xa0400,00\xa0₽, "
            "выручка 10\xa0000,00\xa0₽ (ожидается), 54%"
        ),
        "target": "Цель: 25%",
    },
    "en": {
        "menu": "✨ Fill the week",
        "summary_before": "Filled 3 of 4 places",
        "proven": "No schedule can fill more places.",
        "empty": "Tue, 3 Mar 09:00–18:00 Кофейня: 2 people may work here: ",
        "busy": "already works at Кофейня Tue, 3 Mar 09:00–18:00",
        "review": "📝 Review assignments",
        "drop": "❌ Take off the draft",
        "wednesday": "❌ Wed, 4 Mar 09:00–18:00 Кофейня",
        "back": "⬅️ Back",
        "summary_after": "Filled 2 of 4 places",
        "publish": "✅ Publish",
        "published": "Published 2 shifts; 2 people were told about their week.",
        "notice": "Your shifts for the week (1)",
        "labor": "💰 Sales and labor %",
        "labor_line": ("🔴 Tue, 3 Mar Кофейня: labor ₽5,400.00, sales ₽10,000.00 (expected), 54%"),
        "target": "Target: 25%",
    },
}


async def _week_to_fill(session_factory, clock, language: str):  # type: ignore[no-untyped-def]
    """Tuesday 09–18 with three places and Wednesday 09–18 with one; Ivan and Petr."""
    async with session_factory() as session:
        world = await make_world(
            session, clock, owner_telegram_id=OWNER_ID, owner_language=language
        )
        world.work_object.base_hourly_rate = Decimal("300.00")
        people = [
            await make_employee(
                session,
                world.organization,
                [world.work_object],
                telegram_id=7302 + n,
                first_name=name,
                language=language,
            )
            for n, name in enumerate(("Ivan", "Petr"))
        ]
        for day, places in ((date(2026, 3, 3), 3), (date(2026, 3, 4), 1)):
            await make_slot(
                session,
                clock,
                world.owner,
                world.work_object,
                day=day,
                start=time(9),
                end=time(18),
                places=places,
            )
        await session.commit()
    return world, people


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_owner_fills_reviews_and_publishes_a_week(
    make_user: UserFactory, session_factory, clock, language: str
) -> None:
    texts = TEXTS[language]
    world, people = await _week_to_fill(session_factory, clock, language)
    owner = make_user(OWNER_ID, language_code=language, first_name="Olga")
    await owner.send("/start")
    await owner.press(texts["menu"])
    await owner.press("Кофейня")
    this_week, _ = [b for b in owner.buttons() if "–" in b]
    await owner.press(this_week)

    assert texts["summary_before"] in owner.text()
    assert texts["proven"] in owner.text()
    assert texts["empty"] in owner.text()
    assert owner.text().count(texts["busy"]) == 2

    await owner.press(texts["labor"])
    await owner.send("25%")
    await owner.send("Кофейня; 03.03.2026; 10 000")
    assert texts["target"] in owner.text()
    assert texts["labor_line"] in owner.text()
    await owner.press(texts["back"])

    await owner.press(texts["review"])
    [wednesday] = [b for b in owner.buttons() if b.startswith(texts["wednesday"])]
    drafted = wednesday.rsplit(" ", 1)[-1]
    other = "Petr" if drafted == "Ivan" else "Ivan"
    await owner.press(wednesday)
    await owner.press(f"🔁 {other}")  # the other one may work Wednesday too
    [wednesday] = [b for b in owner.buttons() if b.startswith(texts["wednesday"])]
    assert wednesday.endswith(other)
    await owner.press(wednesday)
    await owner.press(texts["drop"])
    assert not [b for b in owner.buttons() if b.startswith(texts["wednesday"])]
    await owner.press(texts["back"])
    assert texts["summary_after"] in owner.text()

    await owner.press(texts["publish"])
    assert texts["published"] in owner.text()
    async with session_factory() as session:
        planned = await session.scalar(
            select(func.count(PlannedShift.id)).where(
                PlannedShift.status == PlannedShiftStatus.PLANNED
            )
        )
        notices = list(
            await session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == SCHEDULE_PUBLISHED.name)
            )
        )
        assert planned == 2
        assert sorted(n.recipient_user_id for n in notices) == sorted(u.id for u, _ in people)
        assert all(texts["notice"] in _rendered(n, language) for n in notices)

        # Filling again keeps the published shifts and drafts only what is still free.
        result = await fill_week(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            week=week_of(date(2026, 3, 2)),
            object_id=world.work_object.id,
        )
        await session.commit()
        assert result.solution.filled == 1 and result.solution.places == 2
        drafts = await session.scalar(select(func.count(DraftAssignment.id)))
        assert drafts == 1
        assert await session.scalar(select(func.count(PlannedShift.id))) == 2


def _rendered(message: OutboxMessage, language: str) -> str:
    return translator_for(language)(f"notify-{message.kind}", **(message.payload or {}))


RULES = {
    "ru": {
        "rules": "⚙️ Правила",
        "rest": "Отдых между сменами: {} ч",
        "again": "🔁 Заполнить заново",
        "filled": "Заполнено 2 из 4 мест",
        "why": "не будет нужного отдыха рядом со сменой: Кофейня",
    },
    "en": {
        "rules": "⚙️ Rules",
        "rest": "Rest between shifts: {} h",
        "again": "🔁 Fill again",
        "filled": "Filled 2 of 4 places",
        "why": "would not rest long enough around Кофейня",
    },
}


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_owner_lengthens_the_rest_and_the_next_fill_keeps_it(
    make_user: UserFactory, session_factory, clock, telegram, language: str
) -> None:
    texts = {**TEXTS[language], **RULES[language]}
    await _week_to_fill(session_factory, clock, language)
    owner = make_user(OWNER_ID, language_code=language, first_name="Olga")
    await owner.send("/start")
    await owner.press(texts["menu"])
    await owner.press("Кофейня")
    this_week, _ = [b for b in owner.buttons() if "–" in b]
    await owner.press(this_week)

    await owner.press(texts["rules"])
    await owner.press(texts["rest"].format(11))
    await owner.send("forty")
    assert telegram.last_message(OWNER_ID)["text"]  # told what to type, nothing saved
    await owner.send("16")
    assert texts["rest"].format(16) in owner.buttons()
    await owner.press(texts["back"])
    await owner.press(texts["again"])
    # Tuesday ends at 18:00 and Wednesday starts at 09:00: 15 h is less than 16 now.
    assert texts["filled"] in owner.text()
    assert texts["why"] in owner.text()
