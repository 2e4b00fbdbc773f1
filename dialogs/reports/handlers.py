"""Report actions: parse, call one use case, show the result or the domain error.
Charts and workbooks are rendered in a thread (`asyncio.to_thread`) behind a chat action,
so that other users' updates go on meanwhile."""

import asyncio
from datetime import date

from aiogram.types import BufferedInputFile, CallbackQuery, Message
from aiogram.utils.chat_action import ChatActionSender
from aiogram_dialog import DialogManager, ShowMode
from aiogram_dialog.widgets.kbd import Button, ManagedCalendar, Select

from dialogs.common.actor import actor_of
from dialogs.common.choices import remember_day
from dialogs.common.context import update_context
from dialogs.reports.getters import (
    CUSTOM_START,
    INSIGHT,
    MY_PERIOD,
    chosen_period,
    chosen_report,
    chosen_scope,
    period_args,
    store_period,
    store_scope,
)
from dialogs.reports.states import MyStatsSG, ReportsSG
from services.integrations.openai import ChatCompletionClient
from services.reports import analytics, charts
from services.reports.export import report_workbook
from services.reports.periods import PeriodKind, period_of
from services.reports.report import Report
from services.reports.scope import ReportScope, ScopeKind
from services.staff.memberships import organization_today


def _message(callback: CallbackQuery) -> Message:
    assert isinstance(callback.message, Message)
    return callback.message


async def _today(manager: DialogManager) -> date:
    context = update_context(manager)
    actor = await actor_of(manager)
    return await organization_today(context.session, context.clock, actor.organization_id)


# ------------------------------------------------------------------ period and scope


async def period_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, kind: str
) -> None:
    store_period(manager, period_of(PeriodKind(kind), await _today(manager)))
    await manager.switch_to(ReportsSG.scope)


custom_start_chosen = remember_day(CUSTOM_START, ReportsSG.custom_end)


async def custom_end_chosen(
    callback: CallbackQuery, widget: ManagedCalendar, manager: DialogManager, day: date
) -> None:
    start = date.fromisoformat(manager.dialog_data[CUSTOM_START])
    period = period_of(PeriodKind.CUSTOM, await _today(manager), start, day)
    store_period(manager, period)
    await manager.switch_to(ReportsSG.scope)


async def organization_chosen(
    callback: CallbackQuery, button: Button, manager: DialogManager
) -> None:
    store_scope(manager, ReportScope(ScopeKind.ORGANIZATION))
    await _present_report(callback, manager)


async def object_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, object_id: int
) -> None:
    store_scope(manager, ReportScope(ScopeKind.OBJECT, object_id=object_id))
    await _present_report(callback, manager)


async def employee_chosen(
    callback: CallbackQuery, widget: Select[int], manager: DialogManager, user_id: int
) -> None:
    store_scope(manager, ReportScope(ScopeKind.EMPLOYEE, employee_user_id=user_id))
    await _present_report(callback, manager)


# ------------------------------------------------------------------ the report


def _render_charts(report: Report, manager: DialogManager) -> list[bytes]:
    context = update_context(manager)
    pictures = [charts.hours_and_cost_chart(report, context.i18n)]
    lateness = charts.lateness_chart(report, context.i18n)
    if lateness is not None:
        pictures.append(lateness)
    return pictures


async def _present_report(callback: CallbackQuery, manager: DialogManager) -> None:
    """The chart pictures first, then the report window below them."""
    context = update_context(manager)
    chat_id = _message(callback).chat.id
    report = await chosen_report(manager)
    caption = context.i18n.get(
        "reports-chart-caption",
        title=report.scope_title,
        **period_args(context.i18n, report.period),
    )
    async with ChatActionSender.upload_photo(bot=context.bot, chat_id=chat_id):
        pictures = await asyncio.to_thread(_render_charts, report, manager)
        for number, picture in enumerate(pictures, start=1):
            await context.bot.send_photo(
                chat_id,
                BufferedInputFile(picture, filename=f"chart_{number}.png"),
                caption=caption if number == 1 else None,
                parse_mode=None,
            )
    manager.show_mode = ShowMode.SEND
    await manager.switch_to(ReportsSG.report)


async def excel_clicked(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    """Build the workbook while the chat shows "sending a file…", then send it."""
    context = update_context(manager)
    chat_id = _message(callback).chat.id
    async with ChatActionSender.upload_document(bot=context.bot, chat_id=chat_id):
        report = await chosen_report(manager)
        filename, content = await asyncio.to_thread(report_workbook, report, context.i18n)
        await context.bot.send_document(
            chat_id,
            BufferedInputFile(content, filename=filename),
            caption=context.i18n.get(
                "reports-excel-caption",
                title=report.scope_title,
                **period_args(context.i18n, report.period),
            ),
            parse_mode=None,
        )
    manager.show_mode = ShowMode.SEND


async def insights_clicked(callback: CallbackQuery, button: Button, manager: DialogManager) -> None:
    context = update_context(manager)
    chat_id = _message(callback).chat.id
    async with ChatActionSender.typing(bot=context.bot, chat_id=chat_id):
        insight = await analytics.report_insights(
            context.session,
            context.clock,
            analytics.insight_store(context.redis, context.settings.namespace),
            ChatCompletionClient(context.settings.openai),
            await actor_of(manager),
            chosen_period(manager),
            chosen_scope(manager),
            context.i18n.language,
        )
    manager.dialog_data[INSIGHT] = {
        "title": insight.title,
        "summary": insight.summary,
        "recommendations": insight.recommendations,
        "from_cache": insight.from_cache,
    }
    await manager.switch_to(ReportsSG.insights)


# ------------------------------------------------------------------ the employee


async def my_period_chosen(
    callback: CallbackQuery, widget: Select[str], manager: DialogManager, kind: str
) -> None:
    manager.dialog_data[MY_PERIOD] = PeriodKind(kind).value


async def start_reports(manager: DialogManager) -> None:
    await manager.start(ReportsSG.period)


async def start_my_stats(manager: DialogManager) -> None:
    await manager.start(MyStatsSG.main)
