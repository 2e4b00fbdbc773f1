"""Labor cost against sales in the owner's report, in Russian and English: per object and
day beside the sales the owner recorded, with the days over the target labor % marked,
in chat and in the Excel file. The scenario week of tests/support/reports.py: on Monday
Мира cost 2,400 (Anna 8 h at 300) and Порт 4,720 (Boris and Gleb, 11.8 h at 400)."""

import io
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from services.platform.db.models import DailySales, OrganizationSchedulingSettings
from tests.dialogs.conftest import UserFactory
from tests.support.reports import AFTER_THE_WEEK, MON, build_report_week

OWNER_TG = 8401

TEXTS = {
    "ru": {
        "reports": "📊 Отчёты",
        "last_week": "Прошлая неделя",
        "organization": "🏢 Вся организация",
        "head": "Затраты на персонал против продаж</b> · цель 30% · дней выше цели: 1",
        "over": "🔴 пн, 2 мар. Порт: ФОТ 4 720,00 ₽, выручка 10 000,00 ₽, 47,2%",
        "under": "▫️ пн, 2 мар. Мира: ФОТ 2 400,00 ₽, выручка 10 000,00 ₽ (ожидается), 24%",
        "sheet": "Труд и продажи",
        "over_column": "Выше цели (30%)",
        "yes": "да",
    },
    "en": {
        "reports": "📊 Reports",
        "last_week": "Last week",
        "organization": "🏢 Whole organization",
        "head": "Labor cost against sales</b> · target 30% · days over it: 1",
        "over": "🔴 Mon, 2 Mar Порт: labor ₽4,720.00, sales ₽10,000.00, 47.2%",
        "under": "▫️ Mon, 2 Mar Мира: labor ₽2,400.00, sales ₽10,000.00 (expected), 24%",
        "sheet": "Labor vs sales",
        "over_column": "Over the target (30%)",
        "yes": "yes",
    },
}


def plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


@pytest.mark.parametrize("language", ["ru", "en"])
async def test_the_report_sets_labor_cost_against_sales_and_marks_days_over_the_target(
    make_user: UserFactory, session_factory, clock, telegram, bot, language: str
) -> None:
    texts = TEXTS[language]
    clock.set(AFTER_THE_WEEK)
    async with session_factory() as session, session.begin():
        week = await build_report_week(session, owner_telegram_id=OWNER_TG, owner_language=language)
        session.add_all(
            [
                DailySales(object_id=week.port.id, local_date=MON, amount=Decimal("10000")),
                DailySales(
                    object_id=week.mira.id, local_date=MON, amount=Decimal("10000"), expected=True
                ),
                OrganizationSchedulingSettings(
                    organization_id=week.organization_id, target_labor_percent=Decimal("30")
                ),
            ]
        )
    owner = make_user(OWNER_TG, language_code=language, first_name="Olga")
    await owner.send("/start")
    await owner.press(re.escape(texts["reports"]))
    await owner.press(re.escape(texts["last_week"]))
    await owner.press(re.escape(texts["organization"]))

    summary = plain(owner.text())
    assert texts["head"] in summary
    assert texts["over"] in summary and texts["under"] in summary
    # The days over the target come first.
    assert summary.index(texts["over"]) < summary.index(texts["under"])

    await owner.press(re.escape("📥 Excel"))
    [sent] = telegram.calls_of("sendDocument")
    content = await bot.download(sent.result["document"]["file_id"])
    assert content is not None
    workbook = load_workbook(io.BytesIO(content.read()))
    rows = list(workbook[texts["sheet"]].iter_rows(values_only=True))
    assert rows[0][-1] == texts["over_column"]
    by_object = {row[0]: row for row in rows[1:] if row[1] is not None and row[1].date() == MON}
    mira, port = by_object["Мира"], by_object["Порт"]
    assert (Decimal(str(port[2])), Decimal(str(port[3])), port[5], port[6]) == (
        Decimal("4720"),
        Decimal("10000"),
        47.2,
        texts["yes"],
    )
    assert (mira[4], mira[5], mira[6]) == (texts["yes"], 24.0, None)  # an empty cell
